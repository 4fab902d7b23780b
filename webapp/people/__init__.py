"""Persons: list with live search, person page, create/edit, and the person picker."""
from flask import Blueprint

bp = Blueprint("people", __name__, url_prefix="/people")

from . import views  # noqa: E402,F401
