"""Every blueprint of the app, one line each."""
from .assessments import bp as assessments_bp
from .attendance_claims import bp as attendance_claims_bp
from .auth import bp as auth_bp
from .core import bp as core_bp
from .dashboard import bp as dashboard_bp
from .documents import bp as documents_bp
from .feedback import bp as feedback_bp
from .groups import bp as groups_bp
from .imports import bp as imports_bp
from .meetings import bp as meetings_bp
from .member_reports import bp as member_reports_bp
from .notifications import bp as notifications_bp
from .obligations import bp as obligations_bp
from .paperwork import bp as paperwork_bp
from .people import bp as people_bp
from .personal_data import bp as personal_data_bp
from .reports import bp as reports_bp
from .targets import bp as targets_bp
from .tasks import bp as tasks_bp
from .timeline import bp as timeline_bp
from .units import bp as units_bp
from .visits import bp as visits_bp

BLUEPRINTS = [core_bp, auth_bp, groups_bp, people_bp, units_bp, documents_bp, meetings_bp, feedback_bp,
              tasks_bp, visits_bp, member_reports_bp, reports_bp, notifications_bp, dashboard_bp, targets_bp,
              paperwork_bp, obligations_bp, attendance_claims_bp, assessments_bp,
              imports_bp, timeline_bp, personal_data_bp]
