"""Spreadsheet import: upload, mapping, preview with fixes, commit, receipt, undo (the pipeline is `importers`)."""
from flask import Blueprint

bp = Blueprint("imports", __name__, url_prefix="/imports")

from . import labels, rescue_views, values_views, views  # noqa: E402,F401  (registers the filters and the routes)

labels.register(bp)
