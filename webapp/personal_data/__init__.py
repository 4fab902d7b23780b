"""A person's data: everything the app holds about one person, exported as .xlsx and JSON for the person who
asks; their requests (see, correct, erase) recorded with the legal deadline and the answer; erasure as
anonymisation where the records of the work must stay."""
from flask import Blueprint

bp = Blueprint("personal_data", __name__, url_prefix="/personal-data")

from . import views  # noqa: E402,F401
