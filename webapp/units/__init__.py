"""Party units: the tree, the unit page, create/edit."""
from flask import Blueprint, g

bp = Blueprint("units", __name__, url_prefix="/units")


@bp.app_template_global()
def org_identity():
    """The issuing committee's identity (page titles, letterheads): looked up once per request, read from the
    database only when the data changed (`data_cache`)."""
    from ..data_cache import cached
    from .identity import identity_for

    if "org_identity" not in g:
        g.org_identity = cached("org_identity", identity_for)
    return g.org_identity


from . import views  # noqa: E402,F401
