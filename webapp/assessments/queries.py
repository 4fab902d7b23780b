"""Who sees and acts on which assessment: the member their own, the head their groups', the board everything in
the round's scope."""
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Assessment, AssessmentRound, GroupAssessment, Role
from ..permissions import headed_group_ids, path_in_scope

BOARD = {Role.ADMIN, Role.LEADERSHIP}


def rounds_for(user) -> list[AssessmentRound]:
    statement = select(AssessmentRound).order_by(AssessmentRound.start_date.desc(), AssessmentRound.id.desc())
    if user.role in BOARD:
        return [r for r in db.session.scalars(statement)
                if path_in_scope(user, r.scope_unit.path if r.scope_unit_id else "/")]
    mine = select(Assessment.round_id).where(_own_clause(user))
    return list(db.session.scalars(statement.where(AssessmentRound.id.in_(mine))))


def _own_clause(user):
    clauses = [Assessment.person_id == user.person_id] if user.person_id else []
    headed = headed_group_ids(user)
    if headed:
        clauses.append(Assessment.group_id.in_(headed))
    return or_(*clauses) if clauses else Assessment.id.is_(None)


def assessments_in(user, round_: AssessmentRound) -> list[Assessment]:
    statement = (select(Assessment).options(selectinload(Assessment.person), selectinload(Assessment.group))
                 .where(Assessment.round_id == round_.id).order_by(Assessment.group_id, Assessment.id))
    if user.role not in BOARD:
        statement = statement.where(_own_clause(user))
    return list(db.session.scalars(statement))


def is_own(user, assessment: Assessment | GroupAssessment) -> bool:
    """Whether the assessment is the user's own: their person's, or that of a group they lead."""
    if isinstance(assessment, Assessment):
        return user.person_id is not None and assessment.person_id == user.person_id
    return assessment.group_id in headed_group_ids(user)


def group_assessments_in(user, round_: AssessmentRound) -> list[GroupAssessment]:
    """The board sees every group of the round, a head the groups they lead."""
    statement = (select(GroupAssessment).options(selectinload(GroupAssessment.group))
                 .where(GroupAssessment.round_id == round_.id).order_by(GroupAssessment.group_id))
    if user.role not in BOARD:
        statement = statement.where(GroupAssessment.group_id.in_(headed_group_ids(user) or {0}))
    return list(db.session.scalars(statement))
