"""Members' reports up the chain: the head sets the rule, members report with figures pre-filled from the records,
the head sees who reported (on time, late, missing) and compiles the group's report into the ledger."""
from datetime import date, datetime, timezone

from sqlalchemy import select

from webapp.extensions import db
from webapp.models import FieldVisit, MemberReport, ReportFrequency, ReportSchedule, ReportSubmission, Role
from webapp.reports.services import create_schedule

NOV_26 = datetime(2026, 11, 26, 3, 0, tzinfo=timezone.utc)


def _as(client, login, user):
    client.post("/auth/logout")
    login(user)


def _rule(client, login, town):
    _as(client, login, town.head)
    response = client.post(f"/member-reports/group/{town.group.id}/rule", data={
        "frequency": "monthly", "due_day": 25, "months_after": 0, "starts_on": "2026-01-01"})
    assert response.status_code == 302


def test_a_member_reports_with_figures_from_the_records_and_the_head_compiles(client, login, clock, visit_town):
    clock(NOV_26)
    town = visit_town
    db.session.add(FieldVisit(person_id=town.member.person_id, unit_id=town.cell.id, group_id=town.group.id,
                              visited_on=date(2026, 11, 10), findings="Nắm tình hình"))
    create_schedule(town.group, ReportFrequency.QUARTERLY, starts_on=date(2026, 1, 1))
    db.session.commit()
    _rule(client, login, town)

    _as(client, login, town.member)
    listing = client.get("/member-reports/").get_data(as_text=True)
    assert "/member-reports/write/" in listing and "2026-11" in listing
    form = client.get("/member-reports/write/1/2026-11")
    assert form.status_code == 200 and 'id="prefilled-figures"' in form.get_data(as_text=True)
    sent = client.post("/member-reports/write/1/2026-11", data={"text": "Chi bộ tổ 1 đề nghị sửa đèn đường."})
    assert sent.status_code == 302
    report = db.session.scalar(select(MemberReport))
    assert (report.visits, report.submitted_on, report.person_id) == (1, date(2026, 11, 26), town.member.person_id)
    again = client.post("/member-reports/write/1/2026-11", data={"text": "Lần hai"})
    assert again.status_code == 422 and "đã được gửi" in again.get_data(as_text=True)

    _as(client, login, town.head)
    page = client.get(f"/member-reports/group/{town.group.id}?period=2026-11").get_data(as_text=True)
    standings = page[page.index('id="member-standings"'):]
    assert "Phạm Thị Thành" in standings and "Trễ 1 ngày" in standings
    assert "Chưa nộp (quá hạn)" in standings  # the head did not report
    assert "Chi bộ tổ 1 đề nghị sửa đèn đường." in page[page.index('id="compile-form"'):]
    schedule_id = db.session.scalar(select(ReportSchedule.id))
    compiled = client.post(f"/member-reports/group/{town.group.id}/compile", data={
        "schedule_id": schedule_id, "period_key": "2026-Q4", "text": "Báo cáo quý IV: 1 lượt đi cơ sở."})
    assert compiled.status_code == 302
    submission = db.session.scalar(select(ReportSubmission))
    assert (submission.period_key, submission.text, submission.group_id) == (
        "2026-Q4", "Báo cáo quý IV: 1 lượt đi cơ sở.", town.group.id)
    picker = client.get(f"/member-reports/group/{town.group.id}").get_data(as_text=True)
    assert 'id="period-picker"' in picker and '<option value="2026-11"' in picker and "tháng 11/2026" in picker


def test_only_members_of_the_group_report_and_only_overseers_see_the_group(client, login, clock, visit_town):
    clock(NOV_26)
    town = visit_town
    _rule(client, login, town)
    _as(client, login, town.outsider)
    refused = client.post("/member-reports/write/1/2026-11", data={"text": "Không phải thành viên"})
    assert refused.status_code == 422 and "không phải thành viên của đoàn" in refused.get_data(as_text=True)
    assert client.get(f"/member-reports/group/{town.group.id}").status_code == 403
    assert client.get("/member-reports/write/1/2026-13").status_code == 404
    _as(client, login, town.member)
    future = client.post("/member-reports/write/1/2026-12", data={"text": "Chưa tới kỳ"})
    assert future.status_code == 422 and "chưa bắt đầu" in future.get_data(as_text=True)
    assert client.get(f"/member-reports/group/{town.group.id}/rule").status_code == 403


def test_leadership_reads_the_groups_standings(client, as_role, login, clock, visit_town):
    clock(NOV_26)
    _rule(client, login, visit_town)
    client.post("/auth/logout")
    as_role(Role.LEADERSHIP)
    page = client.get(f"/member-reports/group/{visit_town.group.id}")
    assert page.status_code == 200 and 'id="member-standings"' in page.get_data(as_text=True)
    assert 'id="compile-form"' not in page.get_data(as_text=True)


def test_every_role_opens_the_member_report_list(client, as_role, make_person):
    for role in Role:
        client.post("/auth/logout")
        as_role(role, person=make_person())
        assert client.get("/member-reports/").status_code == 200, role
