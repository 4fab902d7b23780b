"""Who may do what in the visits area: its object-level checks, on top of `webapp.permissions`."""
from datetime import date

from sqlalchemy import select

from ..extensions import db
from ..models import FieldVisit, Unit
from .queries import readable_clause


def can_read_visit(user, visit: FieldVisit, today: date) -> bool:
    """The same rule as the lists, asked of one visit."""
    statement = (select(FieldVisit.id).join(Unit, FieldVisit.unit_id == Unit.id)
                 .where(FieldVisit.id == visit.id, readable_clause(user, today)))
    return db.session.scalar(statement) is not None
