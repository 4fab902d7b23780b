"""Members' reports up the chain: each member reports on their followed units every period the group sets, with
the period's figures pre-filled from the records; the head sees who reported and compiles the group's report."""
from flask import Blueprint

bp = Blueprint("member_reports", __name__, url_prefix="/member-reports")

from . import views  # noqa: E402,F401
