"""A hand-built town whose dashboard figures are written out in the tests.

Group 1 (term 2025–2030): A (member) follows cell C1 from 1/1/2026 to 31/3/2026, then cell C2;
B (head) follows ward W; C (member) follows nothing but came to the group's meeting on 5/3; D (member)
follows enterprise cell E and never attended. Group 2: F follows C1 and W all year.
Cell C3 (under W) is followed by nobody. X is not a member of any group.
At the briefing of 20/3, A raised two opinions, B one, X one.
"""
from datetime import date
from types import SimpleNamespace

import pytest

from webapp.extensions import db
from webapp.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingKind,
    MemberRole,
    Opinion,
    OpinionKind,
    Sector,
    TargetIndicator,
    TargetMeasurement,
    UnitKind,
)

P, L, E, K = AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT


@pytest.fixture
def make_meeting(app):
    def make(units, held_on, kind=MeetingKind.CELL, group=None, title=None, marks=()):
        meeting = Meeting(kind=kind, held_on=held_on, title=title or f"Sinh hoạt {held_on:%d/%m/%Y}", group=group)
        meeting.units = list(units)
        db.session.add(meeting)
        for person, status in marks:
            db.session.add(Attendance(meeting=meeting, person_id=person.id, status=status, expected=True))
        db.session.commit()
        return meeting

    return make


@pytest.fixture
def town(root_unit, make_unit, make_person, make_group, make_membership, make_assignment, make_meeting):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    c1 = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, ward)
    c2 = make_unit("Chi bộ Tổ dân phố 2", UnitKind.CELL, Sector.RESIDENTIAL, ward)
    c3 = make_unit("Chi bộ Tổ dân phố 3", UnitKind.CELL, Sector.RESIDENTIAL, ward)
    ent = make_unit("Chi bộ Công ty TNHH Dệt may Hồng Sơn", UnitKind.CELL, Sector.ENTERPRISE, root_unit)
    g1, g2 = make_group(1), make_group(2)
    a, b, c, d = (make_person(n) for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng"))
    f, x = make_person("Hoàng Thị Phương"), make_person("Ngô Văn Xa")
    start = date(2025, 10, 15)
    ma = make_membership(a, g1, start=start)
    make_assignment(ma, c1, start=date(2026, 1, 1), end=date(2026, 3, 31))
    make_assignment(ma, c2, start=date(2026, 4, 1))
    make_assignment(make_membership(b, g1, MemberRole.HEAD, start=start), ward, start=start)
    make_membership(c, g1, start=start)
    make_assignment(make_membership(d, g1, start=start), ent, start=start)
    mf = make_membership(f, g2, MemberRole.HEAD, start=start)
    make_assignment(mf, c1, start=start)
    make_assignment(mf, ward, start=start)

    make_meeting([c1], date(2026, 1, 10), marks=[(a, P), (f, P), (x, P)])
    make_meeting([c1], date(2026, 2, 10), marks=[(a, E), (f, P)])
    make_meeting([c1], date(2026, 3, 10), marks=[(a, P), (f, P)])
    make_meeting([c1], date(2026, 4, 10), marks=[(a, P), (f, P)])      # A no longer follows C1
    make_meeting([c2], date(2026, 3, 12), marks=[(a, K)])              # A does not follow C2 yet
    make_meeting([c2], date(2026, 4, 12), marks=[(a, L)])
    make_meeting([ward], date(2026, 1, 20), kind=MeetingKind.CONFERENCE, marks=[(b, P)])
    make_meeting([ward], date(2026, 2, 20), kind=MeetingKind.CONFERENCE, marks=[(b, K)])
    make_meeting([c1, ward], date(2026, 1, 25), kind=MeetingKind.CONFERENCE, marks=[(f, P)])  # one row, two units
    make_meeting([], date(2026, 3, 5), kind=MeetingKind.GROUP, group=g1, title="Họp Đoàn 1", marks=[(c, P), (d, E)])
    briefing = make_meeting([], date(2026, 3, 20), kind=MeetingKind.BRIEFING, title="Giao ban quý I")
    db.session.add_all(
        [
            Opinion(
                meeting_id=briefing.id, position=1, person_id=a.id, kind=OpinionKind.RESULTS, text="Kết quả tại TDP 1"
            ),
            Opinion(
                meeting_id=briefing.id, position=2, person_id=a.id, kind=OpinionKind.PROPOSALS, text='=HYPERLINK("x")'
            ),
            Opinion(
                meeting_id=briefing.id, position=3, person_id=b.id, kind=OpinionKind.SHORTCOMINGS, text="Còn hạn chế"
            ),
            Opinion(
                meeting_id=briefing.id,
                position=4,
                person_id=x.id,
                kind=OpinionKind.RESULTS,
                text="Không phải thành viên",
            ),
        ]
    )

    ind1 = TargetIndicator(unit=ward, year=2026, name="Kết nạp đảng viên mới", measure_unit="người",
                           target_value=10.0)
    ind1.measurements = [TargetMeasurement(measured_on=date(2026, 3, 31), value=3.0),
                         TargetMeasurement(measured_on=date(2026, 6, 30), value=6.0)]
    ind2 = TargetIndicator(unit=ward, year=2026, name="Chi bộ đạt trong sạch vững mạnh", measure_unit="chi bộ",
                           target_value=4.0)
    ind2.measurements = [TargetMeasurement(measured_on=date(2026, 5, 1), value=4.0)]
    ind3 = TargetIndicator(unit=c1, year=2026, name="Thu quỹ đảng", measure_unit="%", target_value=100.0)
    db.session.add_all([ind1, ind2, ind3])
    db.session.commit()
    return SimpleNamespace(root=root_unit, ward=ward, c1=c1, c2=c2, c3=c3, ent=ent, g1=g1, g2=g2,
                           a=a, b=b, c=c, d=d, f=f, x=x, ind1=ind1, ind2=ind2, ind3=ind3)


@pytest.fixture
def work(town):
    from webapp.extensions import db
    from webapp.models import FeedbackCategory, FeedbackItem, FeedbackStatus, Task, TaskStatus

    land = FeedbackCategory(name="Đất đai")
    db.session.add(land)
    db.session.flush()
    for day, person, status in [
        (date(2026, 2, 3), town.a, FeedbackStatus.NEW),
        (date(2026, 2, 9), town.a, FeedbackStatus.CLOSED),
        (date(2026, 5, 1), town.c, FeedbackStatus.NEW),
    ]:
        db.session.add(FeedbackItem(received_on=day, due_on=day, category_id=land.id, unit_id=town.c1.id,
                                    source_person_id=person.id, content="Kiến nghị", status=status))
    db.session.add_all([
        Task(title="Đúng hạn", owner_person_id=town.a.id, deadline=date(2026, 3, 1), status=TaskStatus.DONE,
             completed_on=date(2026, 2, 28)),
        Task(title="Xong muộn", owner_person_id=town.a.id, deadline=date(2026, 3, 1), status=TaskStatus.DONE,
             completed_on=date(2026, 3, 5)),
        Task(title="Còn mở", owner_person_id=town.d.id, deadline=date(2026, 4, 1), status=TaskStatus.OPEN),
        Task(title="Chưa đến hạn", owner_person_id=town.d.id, deadline=date(2027, 4, 1), status=TaskStatus.OPEN),
    ])
    db.session.commit()
    return town
