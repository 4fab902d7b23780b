"""Every blueprint of the app, one line each."""
from .auth import bp as auth_bp
from .core import bp as core_bp
from .imports import bp as imports_bp

BLUEPRINTS = [core_bp, auth_bp, imports_bp]
