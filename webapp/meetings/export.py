"""The meetings export: the meetings of the list (its filters, the user's scope) and a sheet of their attendance."""
from flask_babel import gettext as _

from ..exports import Column, Sheet
from ..extensions import db
from ..template_helpers import label
from ..unit_labels import unit_label
from . import queries


def _kind(meeting) -> str:
    return f"{label(meeting.kind)} · {label(meeting.organiser)}" if meeting.organiser else label(meeting.kind)


def _form(meeting) -> str:
    """Regular or thematic, as the meeting records it (blank when not recorded)."""
    if meeting.thematic is None:
        return ""
    return _("Chuyên đề") if meeting.thematic else _("Thường kỳ")


def sheets(user, kind, unit_id, month) -> list[Sheet]:
    """The meetings sheet and the attendance sheet, labels in words, formula-safe through `webapp.exports`."""
    meetings = db.session.scalars(queries.meeting_list(user, kind, unit_id, month)).all()
    meeting_rows = [[m.held_on, m.starts_at, m.ends_at, _kind(m), _form(m), m.title,
                     "; ".join(unit_label(u) for u in m.units), m.place, m.members_invited_on, m.documents_sent_on]
                    for m in meetings]
    attendance_rows = [[a.meeting.held_on, a.meeting.title, a.person.full_name,
                        "" if a.expected else _("Khách mời"),
                        label(a.status) if a.status else _("Chưa điểm danh"), a.reason]
                       for a in queries.listed_attendance(user, kind, unit_id, month)]
    return [
        Sheet(_("Cuộc họp"), _("DANH SÁCH CUỘC HỌP"),
              [Column(_("Ngày"), 12), Column(_("Giờ"), 7), Column(_("Giờ kết thúc"), 9), Column(_("Loại"), 24),
               Column(_("Hình thức"), 11), Column(_("Tên cuộc họp"), 48), Column(_("Đơn vị"), 40),
               Column(_("Địa điểm"), 28), Column(_("Gửi giấy mời cho đảng viên"), 14),
               Column(_("Gửi tài liệu"), 12)], meeting_rows),
        Sheet(_("Điểm danh"), _("ĐIỂM DANH CÁC CUỘC HỌP"),
              [Column(_("Ngày họp"), 12), Column(_("Cuộc họp"), 48), Column(_("Họ và tên"), 28),
               Column(_("Khách mời"), 11), Column(_("Điểm danh"), 18), Column(_("Lý do"), 36)], attendance_rows),
    ]
