"""Who may do what in the obligations area: its object-level checks, on top of `webapp.permissions`."""
from ..models import Absence
from .queries import _everyone, managed_person_ids


def can_manage_absence(user, absence: Absence) -> bool:
    """Withdrawing follows the same rule as declaring (its author alone does not suffice once out of scope)."""
    return _everyone(user) or absence.person_id in managed_person_ids(user)
