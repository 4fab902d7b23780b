"""Named state changes of field visits; they flush, callers commit."""
from datetime import date

from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..feedback.services import record_feedback
from ..models import FeedbackCategory, FeedbackItem, FieldVisit, Unit
from ..services import RuleViolation, take_turns
from .queries import followed_assignments
from .rules import already_raised, visit_problem


def record_visit(user, *, visitor_id: int | None, unit: Unit, visited_on: date, findings: str,
                 met_with: str | None = None, difficulties: str | None = None) -> FieldVisit:
    """Record a member's visit to a unit they follow (recorded by `user`); it counts for the group that
    assigned the unit."""
    assignments = followed_assignments(visitor_id, visited_on)
    problem = visit_problem(person_id=visitor_id, unit_id=unit.id, visited_on=visited_on,
                            followed_unit_ids={a.unit_id for a in assignments}, today=local_today())
    if problem:
        raise RuleViolation(*problem)
    group_id = next(a.membership.group_id for a in assignments if a.unit_id == unit.id)
    visit = FieldVisit(person_id=visitor_id, unit=unit, group_id=group_id, visited_on=visited_on,
                       met_with=(met_with or "").strip() or None, findings=findings.strip(),
                       difficulties=(difficulties or "").strip() or None, created_by_id=user.id)
    db.session.add(visit)
    db.session.flush()
    return visit


def raise_feedback(user, visit: FieldVisit, category: FeedbackCategory) -> FeedbackItem:
    """The difficulties raised at a visit as a new feedback item of the visited unit, linked to the visit; raised
    under a restricted category, the visit's own text becomes restricted too (sensitivity follows the text)."""
    take_turns(visit)  # a double submit's twin waits here, then sees the item the first one wrote
    raised = db.session.scalar(select(FeedbackItem).where(FeedbackItem.field_visit_id == visit.id,
                                                          FeedbackItem.category_id == category.id).limit(1))
    problem = already_raised(raised.number if raised else None)
    if problem:
        raise RuleViolation("category_id", problem)
    if category.restricted:
        visit.restricted = True
    return record_feedback(user, received_on=visit.visited_on, category=category, unit=visit.unit,
                           content=visit.difficulties or visit.findings, source_person=visit.person,
                           group=visit.group, field_visit=visit)
