from flask import jsonify, redirect, url_for
from flask_login import current_user
from sqlalchemy import func, select, text

from .. import data_cache
from ..clock import local_today
from ..extensions import csrf, db
from ..meetings import queries as meeting_queries
from ..models import AuditAction, AuditLog, Membership, Person, Role, Unit, User, WorkingGroup
from ..models.groups import active_on
from ..notifications.invitations import notices
from ..pagination import paginate
from ..permissions import READ_DIRECTORY, at_root, requires, users_in_scope
from ..rendering import render
from ..tasks.queries import due_soon
from . import bp
from .audit_values import audited_value, shown_values
from .home import own_feedback, reports_due

DUE_DAYS, UPCOMING_DAYS = 7, 14
# Whose home opens with the town-wide figures; everyone else sees their own work first and the figures after it.
TOWN_FIRST = (Role.ADMIN, Role.LEADERSHIP)


def _town_counts(today) -> dict[str, int]:
    """The town's totals the home page opens with (kept until the data changes or the day turns)."""
    return {
        "groups": db.session.scalar(select(func.count()).select_from(WorkingGroup)),
        "members": db.session.scalar(
            select(func.count(func.distinct(Membership.person_id))).where(active_on(Membership, today))
        ),
        "persons": db.session.scalar(select(func.count()).select_from(Person)),
        "units": db.session.scalar(select(func.count()).select_from(Unit)),
    }


@bp.get("/")
@requires()
def index():
    today = local_today()
    counts = data_cache.cached(("home_counts", today), lambda: _town_counts(today))
    my_groups = []
    if current_user.person_id:
        my_groups = db.session.execute(
            select(Membership).where(Membership.person_id == current_user.person_id, active_on(Membership, today))
        ).scalars().all()
    if current_user.role in READ_DIRECTORY:
        meetings = meeting_queries.upcoming(current_user, today, UPCOMING_DAYS)
    else:
        meetings = meeting_queries.upcoming_for_person(current_user.person_id, today, UPCOMING_DAYS) \
            if current_user.person_id else []
    return render("core/index.html", counts=counts, my_groups=my_groups, meetings=meetings, marks=notices(meetings),
                  items=due_soon(current_user, DUE_DAYS, today), due_days=DUE_DAYS, upcoming_days=UPCOMING_DAYS,
                  reports=reports_due(current_user, today, UPCOMING_DAYS), feedback=own_feedback(current_user, today),
                  town_first=current_user.role in TOWN_FIRST, today=today)


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico before reading the page's icon link."""
    return redirect(url_for("static", filename="img/favicon.svg"), code=301)


@bp.get("/healthz")
@csrf.exempt
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means "not healthy"
        db.session.rollback()
        return jsonify(status="error", database="unreachable", detail=type(exc).__name__), 503
    return jsonify(status="ok", database="ok")


@bp.get("/audit")
@requires(Role.ADMIN)
def audit_log():
    entries = select(AuditLog).order_by(AuditLog.id.desc())
    if not at_root(current_user):
        # An entry carries its author's scope: a ward's admin reads only what its ward's users did.
        entries = entries.where(AuditLog.user_id.in_(users_in_scope(current_user)))
    page = paginate(entries, per_page=50)
    users = {u.id: u for u in db.session.scalars(select(User))}
    actions = {action.value: action for action in AuditAction}  # stored as text: labelled through the enum
    return render("core/audit.html", "core/_audit_rows.html", page=page, users=users, actions=actions,
                  shown=audited_value, values={row.id: shown_values(current_user, row) for row in page.items})
