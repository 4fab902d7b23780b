"""Reads the feedback pages need besides the register itself: choices for selects."""
from sqlalchemy import select

from .. import data_cache
from ..clock import local_today
from ..extensions import db
from ..models import FeedbackCategory, Person, User, WorkingGroup
from ..permissions import groups_in_scope
from ..units.queries import indented, scope_choices, units_under
from .forms import NONE_CHOICE
from .visibility import creditable_person_ids, recordable_unit_ids


def unit_choices(user) -> list[tuple[int, str]]:
    """Active units within the user's scope, in tree order."""
    return scope_choices(user, "· ")


def group_choices(blank: bool = True) -> list[tuple[int, str]]:
    """Every group by number (kept until the data changes: the register's filter shows them on every view)."""
    groups = data_cache.cached("group_choices", lambda: [
        (g.id, g.name) for g in db.session.scalars(select(WorkingGroup).order_by(WorkingGroup.number))])
    return ([NONE_CHOICE] if blank else []) + groups


def recordable_group_choices(user) -> list[tuple[int, str]]:
    """The groups a new item (or task) may name: those working in the user's scope (`permissions.groups_in_scope`)."""
    groups = db.session.scalars(select(WorkingGroup).where(WorkingGroup.id.in_(groups_in_scope(user)))
                                .order_by(WorkingGroup.number))
    return [NONE_CHOICE] + [(g.id, g.name) for g in groups]


def recordable_unit_choices(user) -> list[tuple[int, str]]:
    """The units the user may record a new item for (`visibility.can_record`), in tree order."""
    return indented(units_under("/", recordable_unit_ids(user, local_today())), "· ")


def person_choices() -> list[tuple[int, str]]:
    persons = db.session.scalars(select(Person).order_by(Person.sort_key))
    return [NONE_CHOICE] + [(p.id, p.full_name) for p in persons]


def creditable_person_choices(user) -> list[tuple[int, str]]:
    """The persons an item may be credited to (`visibility.can_credit`)."""
    persons = db.session.scalars(select(Person).where(Person.id.in_(creditable_person_ids(user, local_today())))
                                 .order_by(Person.sort_key))
    return [NONE_CHOICE] + [(p.id, p.full_name) for p in persons]


def user_choices() -> list[tuple[int, str]]:
    users = db.session.scalars(select(User).where(User.active.is_(True)).order_by(User.display_name))
    return [NONE_CHOICE] + [(u.id, f"{u.display_name} ({u.username})") for u in users]


def category_choices(active_only: bool = True) -> list[tuple[int, str]]:
    """The categories by name (kept until the data changes, as the groups)."""
    statement = select(FeedbackCategory).order_by(FeedbackCategory.name)
    if active_only:
        statement = statement.where(FeedbackCategory.active.is_(True))
    return list(data_cache.cached(("category_choices", active_only),
                                  lambda: [(c.id, c.name) for c in db.session.scalars(statement)]))


def all_categories() -> list[FeedbackCategory]:
    return list(db.session.scalars(select(FeedbackCategory).order_by(FeedbackCategory.name)))
