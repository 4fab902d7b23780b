"""The ledger page, schedules and submissions."""
from datetime import date, datetime, timezone
from io import BytesIO

from openpyxl import load_workbook

from webapp.extensions import db
from webapp.models import MemberRole, ReportFrequency, ReportSubmission, Role
from webapp.reports.services import create_schedule, submit_report


def _ledger_case(make_group, make_user):
    group = make_group(name="Đoàn công tác số 1")
    schedule = create_schedule(group, ReportFrequency.MONTHLY, due_day=20, starts_on=date(2025, 1, 1))
    admin = make_user()
    submit_report(schedule, admin, "2025-01", "Báo cáo tháng 1", submitted_on=date(2025, 2, 20))
    submit_report(schedule, admin, "2025-02", "=cmd|' /C calc'!A0", submitted_on=date(2025, 3, 25))
    db.session.commit()
    return group, schedule


def test_ledger_classifies_on_time_late_and_missing(client, as_role, make_group, make_user):
    _ledger_case(make_group, make_user)
    as_role(Role.LEADERSHIP)
    body = client.get("/reports/?from=2025-01&to=2025-03").get_data(as_text=True)
    assert "Đúng hạn" in body and "Trễ 5 ngày" in body and "Chưa nộp (quá hạn)" in body
    assert '<span id="overall-rate">33%</span>' in body
    fragment = client.get("/reports/?from=2025-01&to=2025-01", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in fragment and '<span id="overall-rate">100%</span>' in fragment


def test_ledger_export(client, as_role, make_group, make_user):
    _ledger_case(make_group, make_user)
    as_role(Role.ADMIN)
    sheet = load_workbook(BytesIO(client.get("/reports/export.xlsx?from=2025-01&to=2025-03").data)).active
    assert [sheet.cell(row=r, column=6).value for r in (4, 5, 6)] == ["Đúng hạn", "Trễ 5 ngày", "Chưa nộp (quá hạn)"]
    assert sheet["D4"].value.date() == date(2025, 2, 20)


def test_days_late_are_pluralised_in_english(client, as_role, make_group, make_user):
    group = make_group(name="Đoàn công tác số 1")
    schedule = create_schedule(group, ReportFrequency.MONTHLY, due_day=20, starts_on=date(2025, 1, 1))
    admin = make_user()
    submit_report(schedule, admin, "2025-01", "Báo cáo tháng 1", submitted_on=date(2025, 2, 21))
    submit_report(schedule, admin, "2025-02", "Báo cáo tháng 2", submitted_on=date(2025, 3, 22))
    db.session.commit()
    as_role(Role.ADMIN)
    client.post("/auth/locale/en", data={"next": "/"})
    body = client.get("/reports/?from=2025-01&to=2025-02").get_data(as_text=True)
    assert "1 day late" in body and "2 days late" in body and "1 days late" not in body
    sheet = load_workbook(BytesIO(client.get("/reports/export.xlsx?from=2025-01&to=2025-02").data)).active
    assert [sheet.cell(row=r, column=6).value for r in (4, 5)] == ["1 day late", "2 days late"]


def test_admin_adds_schedule_and_duplicate_is_refused(client, as_role, make_group):
    group = make_group()
    as_role(Role.ADMIN)
    data = {"group_id": group.id, "frequency": "quarterly", "due_day": "10", "months_after": "1",
            "starts_on": "2025-01-01"}
    assert client.post("/reports/schedules", data=data).status_code == 302
    response = client.post("/reports/schedules", data=data)
    assert response.status_code == 422 and "đã có chế độ báo cáo" in response.get_data(as_text=True)
    response = client.post("/reports/schedules", data={**data, "due_day": "40", "frequency": "weekly"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and "Từ 1 đến 31" in body and "Lựa chọn không hợp lệ" in body


def test_group_head_submits_for_own_group_with_period_check(client, login, make_user, make_person, make_group,
                                                            make_membership):
    person = make_person()
    group, other = make_group(), make_group()
    make_membership(person, group, MemberRole.HEAD)
    mine = create_schedule(group, ReportFrequency.QUARTERLY, starts_on=date(2025, 1, 1))
    theirs = create_schedule(other, ReportFrequency.QUARTERLY, starts_on=date(2025, 1, 1))
    db.session.commit()
    login(make_user(Role.GROUP_HEAD, person=person))
    bad = client.post("/reports/submit", data={"schedule_id": mine.id, "period_key": "2025-10",
                                               "submitted_on": "2026-01-05"})
    assert bad.status_code == 422 and "không đúng dạng" in bad.get_data(as_text=True)
    forbidden = client.post("/reports/submit", data={"schedule_id": theirs.id, "period_key": "2025-Q4",
                                                     "submitted_on": "2026-01-05"})
    assert forbidden.status_code == 422
    ok = client.post("/reports/submit", data={"schedule_id": mine.id, "period_key": "2025-q4",
                                              "submitted_on": "2026-01-05", "text": "Quý IV",
                                              "files": [(BytesIO(b"bao cao"), "bao-cao-q4.docx")]},
                     content_type="multipart/form-data")
    assert ok.status_code == 302
    submission = db.session.scalars(db.select(ReportSubmission)).one()
    assert submission.period_key == "2025-Q4" and submission.attachments[0].file_name == "bao-cao-q4.docx"
    again = client.post("/reports/submit", data={"schedule_id": mine.id, "period_key": "2025-Q4",
                                                 "submitted_on": "2026-01-06"})
    assert again.status_code == 422 and "đã được ghi nhận" in again.get_data(as_text=True)


def test_a_head_cannot_backdate_a_submission(client, clock, login, make_user, make_person, make_group,
                                             make_membership):
    """The day of submission is the office's today on the app clock, whatever date the form carries (#21.9)."""
    clock(datetime(2026, 2, 14, 18, 0, tzinfo=timezone.utc))  # 15/02 01:00 in Hà Nội
    person, group = make_person(), make_group()
    make_membership(person, group, MemberRole.HEAD)
    schedule = create_schedule(group, ReportFrequency.MONTHLY, due_day=20, starts_on=date(2025, 1, 1))
    db.session.commit()
    login(make_user(Role.GROUP_HEAD, person=person))
    response = client.post("/reports/submit", data={"schedule_id": schedule.id, "period_key": "2025-12",
                                                    "submitted_on": "2026-01-05", "text": "Tháng 12"})
    assert response.status_code == 302
    submission = db.session.scalars(db.select(ReportSubmission)).one()
    assert submission.submitted_on == date(2026, 2, 15)


def test_a_wards_admin_files_ledger_entries_only_for_groups_of_their_ward(client, login, make_user, make_unit,
                                                                          root_unit, make_group):
    """#21.3: a ward-scoped admin could file ledger entries for the town's groups."""
    ward = make_unit("Đảng bộ phường A", parent=root_unit)
    town_group, ward_group = make_group(1), make_group(2, owner=ward)
    town_schedule = create_schedule(town_group, ReportFrequency.MONTHLY, due_day=20, starts_on=date(2025, 1, 1))
    ward_schedule = create_schedule(ward_group, ReportFrequency.MONTHLY, due_day=20, starts_on=date(2025, 1, 1))
    db.session.commit()
    login(make_user(Role.ADMIN, scope_unit=ward))
    assert (
        client.post("/reports/submit", data={"schedule_id": town_schedule.id, "period_key": "2025-12"}).status_code
        == 422
    )
    assert client.post("/reports/schedules", data={"group_id": town_group.id, "frequency": "quarterly", "due_day": "10",
                                                   "months_after": "1", "starts_on": "2025-01-01"}).status_code == 422
    assert (
        client.post("/reports/submit", data={"schedule_id": ward_schedule.id, "period_key": "2025-12"}).status_code
        == 302
    )
    assert [s.schedule_id for s in db.session.scalars(db.select(ReportSubmission))] == [ward_schedule.id]


def test_periods_read_as_an_office_writes_them(client, as_role, make_group, make_user):
    """#20: periods showed as '2026-11'."""
    from webapp.reports.periods import period_label

    assert [
        period_label(f, k)
        for f, k in (
            (ReportFrequency.MONTHLY, "2026-11"),
            (ReportFrequency.QUARTERLY, "2025-Q4"),
            (ReportFrequency.HALF_YEARLY, "2026-H1"),
            (ReportFrequency.YEARLY, "2026"),
            (ReportFrequency.MONTHLY, "sai"),
        )
    ] == ["tháng 11/2026", "quý IV/2025", "6 tháng đầu năm 2026", "năm 2026", "sai"]
    _ledger_case(make_group, make_user)
    as_role(Role.ADMIN)
    assert "tháng 01/2025" in client.get("/reports/?from=2025-01&to=2025-03").get_data(as_text=True)
