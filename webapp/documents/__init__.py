"""Documents (regulations, decisions): list, upload, download."""
from flask import Blueprint

bp = Blueprint("documents", __name__, url_prefix="/documents")

from . import views  # noqa: E402,F401
