"""The group's rule, declared absences, and the dashboard measuring attendance against them."""
import re
from datetime import date, datetime, timezone

from sqlalchemy import select

from tests.webapp.dashboard.pages import whole_dashboard
from webapp.extensions import db
from webapp.meetings.services import create_meeting
from webapp.models import Absence, Attendance, AttendanceStatus, MeetingKind, MemberRole, Role, Sector, UnitKind

START = date(2025, 10, 15)


def _town(make_unit, root_unit, make_person, make_group, make_membership, make_assignment, make_user):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    cells = [make_unit(f"Chi bộ Tổ dân phố {n}", UnitKind.CELL, Sector.RESIDENTIAL, ward) for n in (1, 2)]
    group = make_group(1)
    head_person, member_person = make_person("Lê Văn Trưởng"), make_person("Phạm Thị Bận")
    make_membership(head_person, group, MemberRole.HEAD, start=START)
    membership = make_membership(member_person, group, MemberRole.MEMBER, start=START)
    for cell in cells:
        make_assignment(membership, cell, start=START)
    head = make_user(Role.GROUP_HEAD, username="truong", person=head_person)
    member = make_user(Role.MEMBER, username="ban", person=member_person)
    for cell in cells:   # one meeting a month in Q1 at each cell; the member went to the January one at each
        for month in (1, 2, 3):
            meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, month, 10),
                                      "title": f"Sinh hoạt tháng {month}"}, [cell])
            row = db.session.scalar(select(Attendance).where(Attendance.meeting_id == meeting.id,
                                                             Attendance.person_id == member_person.id))
            row.status = AttendanceStatus.PRESENT if month == 1 else AttendanceStatus.ABSENT
    db.session.commit()
    return group, head, member, member_person


def _rate(page: str, name: str) -> str:
    rows = page[page.index('id="obligation-rows"'):]
    return re.search(re.escape(name) + r".*?</td>\s*<td>[^<]*</td>\s*<td>(\d+)</td><td>(\d+)</td>", rows, re.S).groups()


def test_the_dashboard_measures_against_the_groups_rule_and_excludes_absences(
        client, login, as_role, clock, make_unit, root_unit, make_person, make_group, make_membership,
        make_assignment, make_user):
    clock(datetime(2026, 4, 2, 3, 0, tzinfo=timezone.utc))
    group, head, member, person = _town(make_unit, root_unit, make_person, make_group, make_membership,
                                        make_assignment, make_user)
    leader = make_user(Role.LEADERSHIP, username="lanhdao")
    db.session.commit()
    login(leader)
    url = "/dashboard/?period=quarter&year=2026&quarter=1"
    assert _rate(whole_dashboard(client, url), "Phạm Thị Bận") == ("6", "2")
    client.post("/auth/logout")
    login(head)
    assert client.post(f"/obligations/group/{group.id}", data={"mode": "times_per_period", "times": 1,
                                                               "months": "3"}).status_code == 302
    client.post("/auth/logout")
    login(leader)
    page = whole_dashboard(client, url)
    assert _rate(page, "Phạm Thị Bận") == ("2", "2")
    assert "mỗi đơn vị được phân công ít nhất 1 lần mỗi quý" in page[page.index('id="obligation-legend"'):]
    client.post("/auth/logout")
    login(head)
    client.post(f"/obligations/group/{group.id}", data={"mode": "every_meeting", "times": 1, "months": "3"})
    declared = client.post("/obligations/absences/new", data={"person_id": person.id, "start_date": "2026-02-01",
                                                              "end_date": "2026-02-28", "reason": "illness"})
    assert declared.status_code == 302
    client.post("/auth/logout")
    login(leader)
    assert _rate(whole_dashboard(client, url), "Phạm Thị Bận") == ("4", "2")


def test_who_declares_absences_for_whom(client, login, make_unit, root_unit, make_person, make_group,
                                        make_membership, make_assignment, make_user):
    group, head, member, person = _town(make_unit, root_unit, make_person, make_group, make_membership,
                                        make_assignment, make_user)
    stranger = make_person("Người Ngoài")
    db.session.commit()
    login(member)
    own = {"person_id": person.id, "start_date": "2026-05-01", "end_date": "2026-05-10", "reason": "leave"}
    assert client.post("/obligations/absences/new", data=own).status_code == 302
    refused = client.post("/obligations/absences/new", data={**own, "person_id": stranger.id})
    assert refused.status_code == 422
    backwards = client.post("/obligations/absences/new", data={**own, "end_date": "2026-04-01"})
    assert backwards.status_code == 422 and "Ngày kết thúc phải từ ngày bắt đầu trở đi." in backwards.get_data(
        as_text=True
    )
    assert client.get(f"/obligations/group/{group.id}").status_code == 403
    absence = db.session.scalar(select(Absence))
    client.post("/auth/logout")
    login(head)
    assert "Phạm Thị Bận" in client.get("/obligations/absences").get_data(as_text=True)
    assert client.post(f"/obligations/absences/{absence.id}/delete").status_code == 302
    assert db.session.scalar(select(Absence)) is None


def test_one_persons_absences_never_overlap(client, login, make_unit, root_unit, make_person, make_group,
                                            make_membership, make_assignment, make_user):
    group, head, member, person = _town(make_unit, root_unit, make_person, make_group, make_membership,
                                        make_assignment, make_user)
    db.session.commit()
    login(member)
    own = {"person_id": person.id, "start_date": "2026-05-01", "end_date": "2026-05-10", "reason": "leave"}
    assert client.post("/obligations/absences/new", data=own).status_code == 302
    for start, end in [("2026-05-10", "2026-05-20"), ("2026-04-20", "2026-05-01"), ("2026-05-03", "2026-05-04"),
                       ("2026-04-01", "2026-06-01")]:
        refused = client.post("/obligations/absences/new", data={**own, "start_date": start, "end_date": end})
        assert refused.status_code == 422
        assert "đã có thời gian vắng được khai báo từ 01/05/2026 đến 10/05/2026" in refused.get_data(as_text=True)
    assert client.post("/obligations/absences/new",
                       data={**own, "start_date": "2026-05-11", "end_date": "2026-05-20"}).status_code == 302
    assert len(db.session.scalars(select(Absence)).all()) == 2


def test_a_group_without_its_own_rule_follows_the_regulation_in_force(
        client, login, clock, make_unit, root_unit, make_person, make_group, make_membership, make_assignment,
        make_user):
    from webapp.models import Document

    clock(datetime(2026, 4, 2, 3, 0, tzinfo=timezone.utc))
    _town(make_unit, root_unit, make_person, make_group, make_membership, make_assignment, make_user)
    db.session.add(Document(title="Quy chế", status="issued", effective_from=date(2025, 1, 1), attendance_times=1,
                            attendance_months=3))
    leader = make_user(Role.LEADERSHIP, username="lanhdao")
    db.session.commit()
    login(leader)
    page = whole_dashboard(client, "/dashboard/?period=quarter&year=2026&quarter=1")
    assert _rate(page, "Phạm Thị Bận") == ("2", "2")


def test_a_wards_admin_does_not_declare_absences_for_another_wards_group(client, login, make_unit, root_unit,
                                                                         make_person, make_group, make_membership,
                                                                         make_user):
    """#21.3: absences are left out of obligations, so declaring one changes figures; a ward's admin could declare
    or withdraw them for members of groups working in another ward."""
    ward_a = make_unit("Đảng bộ phường A", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    ward_b = make_unit("Đảng bộ phường B", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    mine, theirs = make_group(1, owner=ward_a), make_group(2, owner=ward_b)
    near, far = make_person("Người Phường A"), make_person("Người Phường B")
    make_membership(near, mine, start=START)
    make_membership(far, theirs, start=START)
    town_admin, ward_admin = make_user(Role.ADMIN), make_user(Role.ADMIN, scope_unit=ward_a)
    db.session.commit()
    login(town_admin)
    leave = {"person_id": far.id, "start_date": "2026-05-01", "end_date": "2026-05-10", "reason": "leave"}
    assert client.post("/obligations/absences/new", data=leave).status_code == 302
    far_absence = db.session.scalar(select(Absence))
    client.post("/auth/logout")
    login(ward_admin)
    form = client.get("/obligations/absences/new").get_data(as_text=True)
    assert "Người Phường A" in form and "Người Phường B" not in form
    assert client.post("/obligations/absences/new", data=leave).status_code == 422
    assert client.post(f"/obligations/absences/{far_absence.id}/delete").status_code == 403
    assert client.post("/obligations/absences/new", data={**leave, "person_id": near.id}).status_code == 302
    assert len(db.session.scalars(select(Absence)).all()) == 2
