"""Every blueprint of the app, one line each."""
from .auth import bp as auth_bp
from .core import bp as core_bp
from .meetings import bp as meetings_bp

BLUEPRINTS = [core_bp, auth_bp]
BLUEPRINTS.append(meetings_bp)
