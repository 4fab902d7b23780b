"""One record per unit: visits, meetings, opinions, feedback and tasks of a unit in one timeline, read by the
unit's readers and by every member following it, whatever their level."""
from datetime import timedelta

from webapp.clock import local_today
from webapp.extensions import db
from webapp.feedback.services import record_feedback, save_category
from webapp.meetings.services import create_meeting
from webapp.models import FieldVisit, MeetingKind, Opinion, OpinionKind, Role
from webapp.tasks.services import create_task


def _fill(visit_town, make_user):
    today = local_today()
    town = visit_town
    db.session.add(FieldVisit(person_id=town.partner.person_id, unit_id=town.cell.id, group_id=town.other_group.id,
                              visited_on=today - timedelta(days=3), findings="Nắm tình hình tổ 5",
                              difficulties="Mương thoát nước tổ 5 bị tắc"))
    meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": today - timedelta(days=10),
                              "title": "Sinh hoạt chi bộ tháng này"}, [town.cell])
    db.session.add(Opinion(meeting_id=meeting.id, position=1, speaker_name="Đ/c Bí thư", kind=OpinionKind.PROPOSALS,
                           text="Đề nghị nạo vét mương"))
    open_category = save_category(None, name="Hạ tầng", restricted=False, sla_days=15)
    secret = save_category(None, name="Tố cáo", restricted=True, sla_days=30)
    admin = make_user(Role.ADMIN, username="vanphong")
    record_feedback(admin, received_on=today - timedelta(days=2), category=open_category, unit=town.cell,
                    content="Đèn đường hỏng")
    record_feedback(admin, received_on=today - timedelta(days=1), category=secret, unit=town.cell,
                    content="Nội dung tố cáo bí mật")
    create_task(admin, title="Nạo vét mương tổ 5", deadline=today + timedelta(days=5) - timedelta(days=6),
                owner_unit=town.cell)
    db.session.commit()


def test_the_timeline_gathers_every_level(client, login, make_user, visit_town):
    _fill(visit_town, make_user)
    login(visit_town.member)  # a member of group 1, following the cell
    page = client.get(f"/units/{visit_town.cell.id}/timeline").get_data(as_text=True)
    for text in ("Đi cơ sở: Đỗ Văn Phối", "Mương thoát nước tổ 5 bị tắc", "Sinh hoạt chi bộ tháng này",
                 "Đề nghị nạo vét mương", "Đèn đường hỏng", "Nạo vét mương tổ 5", "(nội dung hạn chế)"):
        assert text in page, text
    assert "Nội dung tố cáo bí mật" not in page


def test_who_reads_a_units_timeline(client, login, make_user, visit_town):
    url = f"/units/{visit_town.cell.id}/timeline"
    ward_officer = make_user(Role.UNIT_OFFICER, username="canbo1", scope_unit=visit_town.ward)
    other_officer = make_user(Role.UNIT_OFFICER, username="canbo2", scope_unit=visit_town.other_ward)
    db.session.commit()
    for user, status in ((visit_town.partner, 200), (visit_town.outsider, 403), (ward_officer, 200),
                         (other_officer, 403), (visit_town.head, 200)):
        client.post("/auth/logout")
        login(user)
        assert client.get(url).status_code == status, user.username


def test_the_unit_page_loads_the_timeline(client, as_role, visit_town):
    as_role(Role.ADMIN)
    page = client.get(f"/units/{visit_town.cell.id}").get_data(as_text=True)
    assert f"/units/{visit_town.cell.id}/timeline" in page
    fragment = client.get(f"/units/{visit_town.cell.id}/timeline?months=12", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.get_data(as_text=True)


def _reports_on_the_cell(clock, visit_town, make_assignment):
    """The member reports November on the cell, and May on another cell they followed until June."""
    from datetime import date, datetime, timezone

    from sqlalchemy import select

    from webapp.member_reports.services import set_rule, submit_member_report
    from webapp.models import Membership, ReportFrequency

    clock(datetime(2026, 11, 26, 3, 0, tzinfo=timezone.utc))
    town = visit_town
    membership = db.session.scalar(select(Membership).where(Membership.person_id == town.member.person_id))
    make_assignment(membership, town.other_cell, start=date(2026, 1, 1), end=date(2026, 6, 30))
    rule = set_rule(town.group, ReportFrequency.MONTHLY, 25, 0, date(2026, 1, 1))
    today = date(2026, 11, 26)
    november = submit_member_report(town.member, rule, town.member.person_id, "2026-11", "Tổ 1 đề nghị sửa đèn", today)
    may = submit_member_report(town.member, rule, town.member.person_id, "2026-05", "Tổ 9 nộp muộn kỳ tháng 5", today)
    db.session.commit()
    return november, may


def _timeline(client, login, user, unit) -> str:
    client.post("/auth/logout")
    login(user)
    response = client.get(f"/units/{unit.id}/timeline")
    assert response.status_code == 200, user.username
    return response.get_data(as_text=True)


def test_member_reports_join_the_timeline_of_the_units_followed_in_their_period(client, login, make_user, clock,
                                                                               visit_town, make_assignment):
    november, may = _reports_on_the_cell(clock, visit_town, make_assignment)
    town = visit_town
    cell = _timeline(client, login, town.member, town.cell)
    rows = cell[cell.index('id="timeline-rows"'):]
    assert "Báo cáo thành viên: Phạm Thị Thành" in rows and "Tổ 1 đề nghị sửa đèn" in rows
    assert f'href="/member-reports/{november.id}"' in rows and "26/11/2026" in rows
    assert f'href="/member-reports/{may.id}"' in rows  # in May the member followed both cells
    admin = make_user(Role.ADMIN, username="vanphong")
    db.session.commit()
    other = _timeline(client, login, admin, town.other_cell)
    assert f'href="/member-reports/{may.id}"' in other and "Tổ 9 nộp muộn kỳ tháng 5" in other
    assert "Tổ 1 đề nghị sửa đèn" not in other  # November: the member no longer followed the other cell
    assert client.get(f"/member-reports/{may.id}").status_code == 200


def test_a_member_report_on_the_timeline_only_for_those_who_may_read_it(client, login, make_user, clock, visit_town,
                                                                        make_assignment):
    november, _may = _reports_on_the_cell(clock, visit_town, make_assignment)
    town = visit_town
    link = f'href="/member-reports/{november.id}"'
    ward_officer = make_user(Role.UNIT_OFFICER, username="canbo1", scope_unit=town.ward)
    db.session.commit()
    assert link in _timeline(client, login, town.head, town.cell)  # the head oversees the group
    assert link not in _timeline(client, login, ward_officer, town.cell)  # reads the unit, not members' reports
    assert client.get(f"/member-reports/{november.id}").status_code == 403
    assert link not in _timeline(client, login, town.partner, town.cell)  # follows the cell, group not linked
    assert client.get(f"/member-reports/{november.id}").status_code == 403
    town.other_group.works_with_group_id = town.group.id
    db.session.commit()
    assert link in _timeline(client, login, town.partner, town.cell)  # linked groups coordinate on the cell
    assert client.get(f"/member-reports/{november.id}").status_code == 200
