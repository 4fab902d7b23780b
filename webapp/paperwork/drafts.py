"""Documents drafted from the records: the conclusion notice of a briefing, the decision assigning a group's
members their duties and units, and a meeting invitation. (The briefing report is the dashboard's activity
report, issued by the dashboard through `issuing`.) Their text is the administrative form itself, so it stays
Vietnamese whatever the interface language."""
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Assignment, Meeting, MemberRole, Membership, WorkingGroup
from ..models.groups import active_on
from ..template_helpers import label, vn_date
from ..unit_labels import unit_label
from ..units.identity import Identity
from .document import DocSection, DocTable, OfficialDocument, letterhead, recipients, signature

ROLE_ORDER = {MemberRole.HEAD: 0, MemberRole.DEPUTY: 1, MemberRole.MEMBER: 2}


def conclusion_notice(who: Identity, meeting: Meeting, today: date) -> OfficialDocument:
    """THÔNG BÁO KẾT LUẬN of a briefing: the chair's conclusion and its numbered points with owners and deadlines."""
    org, place_date = letterhead(who, today)
    points = [f"{p.number}. {p.text}" + (f" ({p.owner_text}" if p.owner_text else "")
              + (f"; hạn {vn_date(p.deadline)})" if p.deadline else (")" if p.owner_text else ""))
              for p in meeting.conclusion_points]
    intro = (f"Ngày {vn_date(meeting.held_on)}, {meeting.chair or 'Thường trực ' + who.committee_name} "
             f"chủ trì {meeting.title.lower()}. Sau khi nghe báo cáo và ý kiến phát biểu, "
             f"Thường trực {who.committee_name} kết luận như sau:")
    sections = [DocSection("", paragraphs=[intro] + ([meeting.conclusion] if meeting.conclusion else []),
                           items=points)]
    return OfficialDocument(org, place_date, "THÔNG BÁO KẾT LUẬN",
                            f"của Thường trực {who.committee_name} tại {meeting.title}", sections,
                            signature(who), recipients(who))


def assignment_decision(who: Identity, group: WorkingGroup, today: date) -> OfficialDocument:
    """QUYẾT ĐỊNH phân công nhiệm vụ: each member of the group today with their role, duties and units."""
    org, place_date = letterhead(who, today)
    memberships = db.session.scalars(select(Membership).options(selectinload(Membership.person))
                                     .where(Membership.group_id == group.id, active_on(Membership, today))
                                     .order_by(Membership.id)).all()
    memberships = sorted(memberships, key=lambda m: (ROLE_ORDER[m.role], m.person.sort_key))
    units = {}
    for assignment in db.session.scalars(select(Assignment).options(selectinload(Assignment.unit)).where(
            Assignment.membership_id.in_([m.id for m in memberships] or [0]), active_on(Assignment, today))):
        units.setdefault(assignment.membership_id, []).append(unit_label(assignment.unit))
    rows = [[index, m.person.full_name, m.person.position or "", label(m.role), m.responsibilities or "",
             "; ".join(units.get(m.id, []))] for index, m in enumerate(memberships, start=1)]
    table = DocTable(["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ trong Đoàn", "Nhiệm vụ được phân công",
                      "Đơn vị theo dõi"], rows, widths=[5, 22, 26, 14, 34, 30])
    articles = [DocSection("Điều 1.", paragraphs=[f"Phân công nhiệm vụ các thành viên {group.name} như sau:"],
                           table=table),
                DocSection("Điều 2.", paragraphs=["Các đồng chí có tên tại Điều 1 thực hiện nhiệm vụ được phân công, "
                                                  "định kỳ báo cáo Trưởng đoàn theo quy chế."]),
                DocSection("Điều 3.", paragraphs=["Quyết định có hiệu lực kể từ ngày ký."])]
    return OfficialDocument(org, place_date, "QUYẾT ĐỊNH",
                            f"về việc phân công nhiệm vụ thành viên {group.name}", articles, signature(who),
                            recipients(who), landscape=True)


def meeting_invitation(who: Identity, meeting: Meeting, today: date) -> OfficialDocument:
    """GIẤY MỜI to a meeting: time, place, content and the people expected."""
    org, place_date = letterhead(who, today)
    when = f"{meeting.starts_at} giờ, " if meeting.starts_at else ""
    place = meeting.place or ", ".join(unit_label(unit) for unit in meeting.units)
    invited = sorted({row.person.full_name for row in meeting.attendances if row.expected})
    paragraphs = [f"Thời gian: {when}ngày {vn_date(meeting.held_on)}.", f"Địa điểm: {place or '……'}.",
                  f"Nội dung: {meeting.agenda or meeting.title}."]
    sections = [DocSection("", paragraphs=[f"{who.standing_board} trân trọng kính mời dự {meeting.title}."]),
                DocSection("", paragraphs=paragraphs),
                DocSection("Thành phần:", items=invited or ["Theo danh sách kèm theo."])]
    return OfficialDocument(org, place_date, "GIẤY MỜI", meeting.title, sections, signature(who), recipients(who))
