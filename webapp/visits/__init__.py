"""Field visits (đi cơ sở): members record their visits to the units they follow; heads, unit officers and
the standing board read them; a difficulty raised becomes feedback or a task."""
from flask import Blueprint

bp = Blueprint("visits", __name__, url_prefix="/visits")

from . import views  # noqa: E402,F401
