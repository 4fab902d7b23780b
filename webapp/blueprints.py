"""Every blueprint of the app, one line each."""
from .auth import bp as auth_bp
from .core import bp as core_bp
from .dashboard import bp as dashboard_bp
from .feedback import bp as feedback_bp
from .meetings import bp as meetings_bp
from .notifications import bp as notifications_bp
from .reports import bp as reports_bp
from .targets import bp as targets_bp
from .tasks import bp as tasks_bp

BLUEPRINTS = [core_bp, auth_bp, meetings_bp, feedback_bp, tasks_bp, reports_bp, notifications_bp,
              dashboard_bp, targets_bp]
