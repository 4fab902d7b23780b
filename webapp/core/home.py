"""The home page's reads of the signed-in user's own affairs that the work list does not hold: member reports they
owe soon and the feedback they recorded."""
from datetime import date, timedelta

from sqlalchemy import or_

from ..extensions import db
from ..feedback.visibility import FeedbackView, feedback_select, present
from ..member_reports.queries import Owed, owed_by
from ..models import FeedbackItem

OWN_FEEDBACK = 5


def reports_due(user, today: date, days: int) -> list[Owed]:
    """Member reports the user has not written whose deadline has passed or falls within `days` days, soonest
    first."""
    if not user.person_id:
        return []
    return sorted((owed for owed in owed_by(user.person_id, today)
                   if owed.report is None and owed.due_on <= today + timedelta(days=days)),
                  key=lambda owed: (owed.due_on, owed.rule.group_id))


def own_feedback(user, today: date, limit: int = OWN_FEEDBACK) -> list[FeedbackView]:
    """The latest feedback the user recorded or brought in themself, newest first, as they may see it."""
    mine = [FeedbackItem.created_by_id == user.id]
    if user.person_id:
        mine.append(FeedbackItem.source_person_id == user.person_id)
    items = db.session.scalars(feedback_select(user, today=today).where(or_(*mine)).limit(limit))
    return [present(user, item, today) for item in items]
