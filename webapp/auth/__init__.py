"""Log in, log out, choose the language."""
from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from . import two_factor_views, views  # noqa: E402,F401
