"""The groups export: the groups of the list within the user's scope, and a sheet of their members."""
from datetime import date

from flask_babel import gettext as _

from ..exports import Column, Sheet
from ..models import Membership, Term
from ..template_helpers import label
from ..unit_labels import group_label, unit_label
from . import queries


def term_status(term: Term, today: date) -> str:
    """Whether the group's term is running, over or still to come, in words."""
    if term.end_date < today:
        return _("Đã hết nhiệm kỳ")
    if term.start_date > today:
        return _("Chưa đến nhiệm kỳ")
    return _("Đang hoạt động")


def followed_cells(membership: Membership, today: date) -> str:
    """The units the member follows today (for an ended membership: on its last day), by name."""
    day = today if membership.end_date is None or membership.end_date >= today else membership.end_date
    units = sorted((a.unit for a in membership.assignments if a.end_date is None or a.end_date >= day),
                   key=lambda unit: unit.name)
    return "; ".join(unit_label(unit) for unit in units)


def sheets(user, search: str, today: date) -> list[Sheet]:
    """The groups sheet and the members sheet, formula-safe through `webapp.exports`."""
    groups = queries.groups_in_scope(user, search)
    summaries = queries.group_summaries(groups, today)
    group_rows = [[g.number, g.name, unit_label(g.owner_unit), g.term.name, term_status(g.term, today),
                   summaries[g.id]["head"].full_name if summaries[g.id]["head"] else None, summaries[g.id]["count"]]
                  for g in groups]
    member_rows = [[group_label(m.group_id), m.person.full_name, label(m.role), m.start_date, m.end_date,
                    followed_cells(m, today)] for m in queries.memberships_of(groups)]
    return [
        Sheet(_("Đoàn công tác"), _("DANH SÁCH ĐOÀN CÔNG TÁC"),
              [Column(_("Số"), 6), Column(_("Tên đoàn"), 36), Column(_("Cấp ủy quản lý"), 40),
               Column(_("Nhiệm kỳ"), 14), Column(_("Trạng thái"), 18), Column(_("Trưởng đoàn"), 26),
               Column(_("Số thành viên"), 10)], group_rows),
        Sheet(_("Thành viên"), _("THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"),
              [Column(_("Đoàn"), 36), Column(_("Họ và tên"), 28), Column(_("Vai trò"), 14), Column(_("Từ ngày"), 12),
               Column(_("Đến ngày"), 12), Column(_("Chi bộ theo dõi"), 50)], member_rows),
    ]
