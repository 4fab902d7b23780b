"""Who may do what in the assessments area: its object-level checks, on top of `webapp.permissions`."""
from ..models import Assessment, AssessmentRound, GroupAssessment, Role
from ..permissions import headed_group_ids
from .queries import BOARD, is_own, rounds_for


def can_see_round(user, round_: AssessmentRound) -> bool:
    return round_ in rounds_for(user)


def can_self_assess(user, assessment: Assessment) -> bool:
    return user.person_id is not None and assessment.person_id == user.person_id


def can_propose(user, assessment: Assessment) -> bool:
    """The group's head or deputy, or an admin whose scope holds the round; never on their own assessment."""
    if is_own(user, assessment):
        return False
    if assessment.group_id in headed_group_ids(user):
        return True
    return user.role == Role.ADMIN and can_see_round(user, assessment.round)


def can_decide(user, assessment: Assessment | GroupAssessment) -> bool:
    """The board, within the round's scope; never on their own assessment or their own group's."""
    return user.role in BOARD and not is_own(user, assessment) and can_see_round(user, assessment.round)


def can_self_assess_group(user, assessment: GroupAssessment) -> bool:
    """The group's head or deputy speaks for the group."""
    return assessment.group_id in headed_group_ids(user)
