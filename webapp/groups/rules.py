"""Rules of working groups as pure predicates over plain values: None when allowed, else the Vietnamese message.

The group services (forms) and the bulk roster import both call these, so a rule is written once."""
from datetime import date, timedelta

from flask_babel import lazy_gettext as _

from ..template_helpers import vn_date

HEAD = "head"


def end_before_start(start: date, end: date | None):
    """An end date may not come before the start date."""
    if end is not None and end < start:
        return _("Ngày kết thúc không được trước ngày bắt đầu (%(d)s).", d=vn_date(start))
    return None


def outside_term(day: date | None, term_name: str, term_start: date, term_end: date):
    """A dated change of a group must fall within the group's term."""
    if day is not None and not term_start <= day <= term_end:
        return _("Ngày phải nằm trong nhiệm kỳ %(t)s (%(a)s – %(b)s).", t=term_name, a=vn_date(term_start),
                 b=vn_date(term_end))
    return None


def second_head(role, heads_in_force: int):
    """A group has at most one head at a time: a new head needs the present one to have ended."""
    if getattr(role, "value", role) == HEAD and heads_in_force > 0:
        return _("Đoàn đã có Trưởng đoàn; hãy kết thúc nhiệm vụ của Trưởng đoàn hiện tại trước.")
    return None


def number_taken(number: int, taken: bool):
    """A group is known by its number within one term and owning committee."""
    if taken:
        return _("Số đoàn %(n)s đã có trong nhiệm kỳ này.", n=number)
    return None


def handover_end(on_date: date, start: date) -> date:
    """Last day of a row that a successor replaces from `on_date` (never before the row's own start)."""
    return max(on_date - timedelta(days=1), start)


def carried_over(open_units: list[tuple[int, date]], on_date: date) -> list[tuple[int, date, date]]:
    """The units a member still follows move to the successor membership: (unit, old row's end, new start)."""
    return [(unit_id, handover_end(on_date, start), on_date) for unit_id, start in open_units]


def works_with_problem(*, same: bool, in_scope: bool, higher: bool):
    """A group is linked to another group, within the admin's scope, owned by a committee above its own (a
    ward-level group names the town-level group it works with)."""
    if same:
        return _("Một đoàn không liên kết với chính nó.")
    if not in_scope:
        return _("Đoàn này nằm ngoài phạm vi quản lý của bạn.")
    if not higher:
        return _("Chỉ liên kết với đoàn của cấp ủy cấp trên cấp ủy quản lý đoàn này.")
    return None
