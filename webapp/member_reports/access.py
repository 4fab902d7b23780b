"""Who may do what in the member_reports area: its object-level checks, on top of `webapp.permissions`."""
from ..models import MemberReport
from .queries import can_oversee_group as can_oversee_group
from .queries import readable_reports


def can_read_report(user, report: MemberReport) -> bool:
    return bool(readable_reports(user, [report]))
