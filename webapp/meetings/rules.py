"""Rules of meetings as pure predicates over plain values: None when allowed, else the Vietnamese message."""
from datetime import date

from flask_babel import gettext as _

TERM_BOUND_KINDS = ("briefing", "group")  # meetings of the term's groups: a term must cover their date


def outside_group_term(day: date, group_name: str, term_name: str, term_start: date, term_end: date):
    """A group's meeting is held within the group's term."""
    if not term_start <= day <= term_end:
        return _("Ngày họp nằm ngoài nhiệm kỳ %(term)s của %(group)s.", term=term_name, group=group_name)
    return None


def no_term(kind: str, has_term: bool):
    """Briefings and group meetings need a term covering their date."""
    if kind in TERM_BOUND_KINDS and not has_term:
        return _("Không có nhiệm kỳ nào bao trùm ngày họp này; hãy khai báo nhiệm kỳ trước.")
    return None
