"""Every blueprint of the app, one line each."""
from .auth import bp as auth_bp
from .core import bp as core_bp
from .documents import bp as documents_bp
from .groups import bp as groups_bp
from .people import bp as people_bp
from .units import bp as units_bp

BLUEPRINTS = [core_bp, auth_bp]
BLUEPRINTS += [groups_bp, people_bp, units_bp, documents_bp]
