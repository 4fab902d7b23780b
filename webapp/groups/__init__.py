"""Working groups: list, page, create/edit, terms, and inline membership and assignment changes."""
from flask import Blueprint

bp = Blueprint("groups", __name__, url_prefix="/groups")

from . import views  # noqa: E402,F401
