"""A group assessed as a whole in a round (366-QĐ/TW): its figures drafted from its members' and its own reports on
the ledger, the level they suggest by the round's group criteria, then the head's self-assessment of the group and
the standing board's decision, each dated, signed and audited; the results carry the groups."""
import io
from datetime import date, datetime, timezone

from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from tests.webapp.assessments.test_rounds import _group
from webapp.assessments.rules import DEFAULT_GROUP_CRITERIA, suggest_level
from webapp.extensions import db
from webapp.models import AssessmentLevel, AuditLog, GroupAssessment, ReportFrequency, WorkingGroup
from webapp.reports.services import create_schedule, submit_report


def _opened_round(client, login, clock, factories):
    clock(datetime(2026, 12, 10, 3, 0, tzinfo=timezone.utc))
    head, member, leader, admin, _person = _group(*factories)
    schedule = create_schedule(db.session.scalar(select(WorkingGroup)), ReportFrequency.QUARTERLY,
                               starts_on=date(2026, 1, 1))
    submit_report(schedule, admin, "2026-Q1", "Quý I", submitted_on=date(2026, 4, 1))
    submit_report(schedule, admin, "2026-Q2", "Quý II, nộp muộn", submitted_on=date(2026, 8, 1))
    db.session.commit()
    login(admin)
    assert client.post("/assessments/rounds", data={"name": "Đánh giá năm 2026", "start_date": "2026-01-01",
                                                    "end_date": "2026-12-31"}).status_code == 302
    client.post("/auth/logout")
    return head, member, leader, admin, db.session.scalar(select(GroupAssessment))


def _factories(make_unit, root_unit, make_person, make_group, make_membership, make_assignment, make_user):
    return make_unit, root_unit, make_person, make_group, make_membership, make_assignment, make_user


def test_group_suggestion_follows_its_own_criteria():
    figures = {"attendance_rate": None, "visits_per_member": 1.5, "reports_on_time_rate": None,
               "group_reports_on_time_rate": 80.0}
    assert suggest_level(figures, DEFAULT_GROUP_CRITERIA) == AssessmentLevel.COMPLETE
    assert suggest_level({**figures, "visits_per_member": 2.0}, DEFAULT_GROUP_CRITERIA) == AssessmentLevel.GOOD
    assert suggest_level({**figures, "group_reports_on_time_rate": 10.0},
                         DEFAULT_GROUP_CRITERIA) == AssessmentLevel.INCOMPLETE


def test_a_group_from_figures_to_decision(client, login, clock, make_unit, root_unit, make_person, make_group,
                                         make_membership, make_assignment, make_user):
    head, member, leader, admin, mine = _opened_round(client, login, clock, _factories(
        make_unit, root_unit, make_person, make_group, make_membership, make_assignment, make_user))
    fig = mine.figures
    assert (fig["members"], fig["visits"], fig["visits_per_member"]) == (2, 3, 1.5)
    assert (fig["group_reports_due"], fig["group_reports_on_time"], fig["group_reports_on_time_rate"]) == (3, 1, 33.3)
    assert mine.suggested_level == AssessmentLevel.INCOMPLETE

    login(admin)
    criteria = {f"group-{level}__{key}": value for level, keys in DEFAULT_GROUP_CRITERIA.items()
                for key, value in keys.items()}
    bad = client.post(
        f"/assessments/rounds/{mine.round_id}/group-criteria", data={**criteria, "group-good__visits_per_member": "x"}
    )
    assert bad.status_code == 422
    criteria["group-complete__group_reports_on_time_rate"] = 30
    assert client.post(f"/assessments/rounds/{mine.round_id}/group-criteria", data=criteria).status_code == 302
    db.session.expire_all()
    assert db.session.get(GroupAssessment, mine.id).suggested_level == AssessmentLevel.COMPLETE
    client.post("/auth/logout")

    login(leader)
    early = client.post(f"/assessments/groups/{mine.id}/decide", data={"level": "good"})
    assert early.status_code == 422 and "chưa tự đánh giá tập thể" in early.get_data(as_text=True)
    client.post("/auth/logout")
    login(member)
    assert client.get(f"/assessments/groups/{mine.id}").status_code == 403
    assert client.post(f"/assessments/groups/{mine.id}/self", data={"level": "good"}).status_code == 403
    client.post("/auth/logout")
    login(head)
    page = client.get(f"/assessments/groups/{mine.id}").get_data(as_text=True)
    assert 'id="group-figures"' in page and 'id="group-step-self"' in page and 'id="group-step-decide"' not in page
    assert client.post(f"/assessments/groups/{mine.id}/decide", data={"level": "good"}).status_code == 403
    assert client.post(f"/assessments/groups/{mine.id}/self",
                       data={"level": "good", "text": "Đoàn <b>đoàn kết</b>"}).status_code == 302
    assert "Đoàn &lt;b&gt;đoàn kết&lt;/b&gt;" in client.get(f"/assessments/groups/{mine.id}").get_data(as_text=True)
    client.post("/auth/logout")
    login(leader)
    assert client.post(f"/assessments/groups/{mine.id}/decide",
                       data={"level": "complete", "text": "Cần nộp báo cáo đúng hạn"}).status_code == 302
    db.session.expire_all()
    done = db.session.get(GroupAssessment, mine.id)
    assert (done.self_level, done.self_by_id, done.self_on) == (AssessmentLevel.GOOD, head.id, date(2026, 12, 10))
    assert (done.decided_level, done.decided_by_id, done.decided_on) == (AssessmentLevel.COMPLETE, leader.id,
                                                                         date(2026, 12, 10))
    assert db.session.scalar(select(AuditLog.id).where(AuditLog.table_name == "group_assessment")) is not None
    client.post("/auth/logout")
    login(head)
    late = client.post(f"/assessments/groups/{mine.id}/self", data={"level": "excellent"})
    assert late.status_code == 422 and "Đã có quyết định" in late.get_data(as_text=True)
    client.post("/auth/logout")

    login(leader)
    group_name = done.group.name
    round_page = client.get(f"/assessments/rounds/{mine.round_id}").get_data(as_text=True)
    assert 'id="group-assessment-rows"' in round_page and group_name in round_page
    printed = client.get(f"/assessments/rounds/{mine.round_id}/print").get_data(as_text=True)
    assert "II. TẬP THỂ CÁC ĐOÀN CÔNG TÁC" in printed and "1/3 (33.3%)" in printed
    sheet = load_workbook(io.BytesIO(client.get(f"/assessments/rounds/{mine.round_id}/results.xlsx").data)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "II. TẬP THỂ CÁC ĐOÀN CÔNG TÁC" in cells and group_name in cells and "Hoàn thành nhiệm vụ" in cells
    document = Document(io.BytesIO(client.get(f"/assessments/rounds/{mine.round_id}/results.docx").data))
    texts = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in texts[1] and "Hoàn thành tốt nhiệm vụ" in texts
    assert client.get(f"/assessments/rounds/{mine.round_id}/results.exe").status_code == 404


def test_a_head_sees_only_the_groups_they_lead(client, login, clock, make_unit, root_unit, make_person, make_group,
                                               make_membership, make_assignment, make_user):
    head, member, leader, admin, mine = _opened_round(client, login, clock, _factories(
        make_unit, root_unit, make_person, make_group, make_membership, make_assignment, make_user))
    other = make_group(2)
    db.session.add(GroupAssessment(round_id=mine.round_id, group_id=other.id, figures=mine.figures))
    db.session.commit()
    theirs = db.session.scalar(select(GroupAssessment).where(GroupAssessment.group_id == other.id))
    login(head)
    page = client.get(f"/assessments/rounds/{mine.round_id}").get_data(as_text=True)
    assert mine.group.name in page and other.name not in page
    assert client.get(f"/assessments/groups/{theirs.id}").status_code == 403
    assert client.get(f"/assessments/rounds/{mine.round_id}/results.docx").status_code == 403
