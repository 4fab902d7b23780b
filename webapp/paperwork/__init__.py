"""The office's paperwork: the register of outgoing documents with automatic numbers, and the documents the app
drafts from its records (the briefing report, a briefing's conclusion notice) as .docx, .xlsx and print."""
from flask import Blueprint

bp = Blueprint("paperwork", __name__, url_prefix="/paperwork")

from . import signed_views, views  # noqa: E402,F401
