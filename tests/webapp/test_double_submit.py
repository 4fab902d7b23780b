"""Exactly once, everywhere: every form that creates something, submitted twice at the same moment.

The app runs in a real multi-threaded server (werkzeug, as for the browser tests) over the test database (SQLite in
WAL mode, or PostgreSQL with TEST_DATABASE_URL) holding the demo town, with CSRF checks on. For every POST route
that creates a record, a user who may use it fetches the form's page, and two threads released together by a
barrier post the same valid form. Neither answer may be a 500; where the record is unique (a numbered document,
a report for a period, an attendance claim, an assessment step…) exactly one is written, and the other answer
shows or redirects to it, or says in Vietnamese why nothing was written. `CREATES` lists every creating route and
`NOT_CREATES` every other POST route with the reason: a new route fails `test_every_post_route_is_classified`."""
import http.client
import re
import threading
import uuid
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select, text
from werkzeug.serving import make_server

from tests.webapp.scope_town import (
    Ids,
    NoTown,
    _clean_database,  # noqa: F401  (the town lives for the module, not a test)
    day,
    demo_town,
    one,
)
from tests.webapp.test_write_scope import _Forms
from webapp.clock import local_today
from webapp.demo import DEMO_PASSWORD
from webapp.extensions import db
from webapp.models import (
    Assessment,
    AssessmentLevel,
    AssessmentRound,
    AttendanceClaim,
    Document,
    FeedbackItem,
    FieldVisit,
    Meeting,
    MeetingKind,
    MemberReportRule,
    Membership,
    Person,
    ReportFrequency,
    ReportSchedule,
    ReportSubmission,
    TargetIndicator,
    Task,
    Unit,
    User,
    WorkingGroup,
)
from webapp.reports.periods import period_key

FILE = ("quy-che.pdf", "application/pdf", b"%PDF-1.4 quy che")   # in a form's data: an uploaded file
CSV = ("danh-sach.csv", "text/csv", "Họ và tên,Chi bộ,Chức vụ\nNguyễn Văn Một,Chi bộ 1,Thành viên\n".encode())
FAILED = 500


@dataclass
class Create:
    """One creating form: who posts it, the page it is read from, what is overridden, what a post writes."""
    user: str
    page: str
    action: str
    count: str          # SQL counting the records one successful post writes
    unique: bool        # True: a double submit writes exactly one; False: duplicates are legitimate (`why`)
    data: dict = field(default_factory=dict)
    why: str = ""
    once: int = 1       # records one post writes


def _rows(table: str, where: str = "") -> str:
    return f'SELECT count(*) FROM "{table}"' + (f" WHERE {where}" if where else "")


def _audited(table: str, record_id: int) -> str:
    """Changes written to one record (the audit log has an entry per insert/update)."""
    return _rows("audit_log", f"table_name = '{table}' AND row_id = {record_id}")


NOT_CREATES = {
    "paperwork.upload_signed": "keeps a signed PDF against a number; twins take turns on the number and the second "
                               "is refused unless it confirms a replacement (tests/webapp/paperwork/test_signed.py)",
    "assessments.close": "closes or reopens a round: a state change, repeated harmlessly",
    "assessments.refresh": "recomputes a round's figures in place",
    "assessments.reopen": "reopens one assessment: a state change",
    "assessments.reopen_group": "reopens one group assessment: a state change",
    "assessments.set_criteria": "edits a round's settings",
    "assessments.set_group_criteria": "edits a round's settings",
    "attendance_claims.confirm": "decides an existing claim (its state machine refuses a second decision)",
    "attendance_claims.reject": "decides an existing claim",
    "auth.login": "the user's own session",
    "auth.logout": "the user's own session",
    "auth.logout_everywhere_view": "the user's own sessions",
    "auth.password": "changes the user's own password",
    "auth.set_locale": "the user's own language",
    "auth.two_factor_disable": "the user's own account",
    "auth.two_factor_login": "the user's own session",
    "auth.two_factor_setup": "the user's own account",
    "documents.issue": "issues an existing draft (a state change)",
    "documents.cell_rules": "sets a version's one rule set (unique per version; twins take turns, the second edits it)",
    "feedback.change_status": "moves an existing item along its workflow",
    "groups.change_assignment_unit": "ends one assignment and opens the next (an edit of effective-dated rows)",
    "groups.edit": "edits a group",
    "groups.edit_membership": "edits a membership",
    "groups.end_assignment": "ends an assignment",
    "groups.end_membership": "ends a membership",
    "imports.analyse": "works on an existing import batch",
    "imports.cancel": "works on an existing import batch",
    "imports.cell": "works on an existing import batch",
    "imports.commit": "an import batch, committed under the import lock (imports/locks)",
    "imports.confirm_value": "works on an existing import batch",
    "imports.delete_mapping": "deletes",
    "imports.delete_template": "deletes",
    "imports.layout": "works on an existing import batch",
    "imports.mapping": "works on an existing import batch",
    "imports.save_template": "works on an existing import batch",
    "imports.settings": "works on an existing import batch",
    "imports.undo": "reverts an import batch under the import lock",
    "meetings.all_present": "marks existing attendance rows",
    "meetings.cycle_cell": "marks an existing attendance row",
    "meetings.delete": "deletes",
    "meetings.delete_file": "deletes",
    "meetings.delete_opinion": "deletes",
    "meetings.delete_point": "deletes",
    "meetings.edit": "edits a meeting",
    "meetings.follow_up": "turns an opinion into a task: an edit of the opinion's link",
    "meetings.mark": "marks an existing attendance row",
    "meetings.recompute": "recomputes existing attendance rows",
    "meetings.remove_guest": "deletes",
    "meetings.save_conclusion": "edits a meeting's conclusion",
    "notifications.issue_calendar_link": "replaces the user's own calendar link (one per user)",
    "obligations.delete": "deletes",
    "people.edit": "edits a person",
    "personal_data.answer": "answers an existing request",
    "personal_data.erase": "erases a person's data",
    "targets.delete_indicator": "deletes",
    "targets.delete_measurement": "deletes",
    "targets.update_indicator": "edits an indicator",
    "tasks.change_status": "changes an existing task's status",
    "units.edit": "edits a unit",
}


def creates(t) -> dict[str, list[Create]]:
    """Every creating POST endpoint → its forms, valid for the demo town `t` (ids found by `_town_ids`)."""
    meeting = {"kind": "cell", "held_on": day(3), "starts_at": "07:30", "title": "Sinh hoạt chi bộ",
               "place": "Nhà văn hóa", "unit_ids": str(t.cell)}
    step = {"level": "good", "text": "Hoàn thành tốt nhiệm vụ"}
    return {
        "assessments.open_round": [Create("admin", "/assessments/", "/assessments/rounds",
                                          _rows("assessment_round"), True,
                                          {"name": "Đánh giá năm 2026", "start_date": "01/01/2026",
                                           "end_date": "31/12/2026"})],
        "assessments.take_step": [Create("admin", f"/assessments/{t.assessment}", f"/assessments/{t.assessment}/{s}",
                                         _audited("assessment", t.assessment), True, step)
                                  for s in ("propose",)],
        "assessments.take_group_step": [Create("admin", f"/assessments/groups/{t.group_assessment}",
                                               f"/assessments/groups/{t.group_assessment}/decide",
                                               _audited("group_assessment", t.group_assessment), True, step)],
        "attendance_claims.declare": [Create("thanhvien", f"/attendance-claims/meeting/{t.claim_meeting}/declare",
                                             f"/attendance-claims/meeting/{t.claim_meeting}/declare",
                                             _rows("attendance_claim"), True, {"note": "Tôi có dự"})],
        "documents.add_comment": [Create("admin", f"/documents/{t.draft}", f"/documents/{t.draft}/comments",
                                         _rows("document_comment"), False, {"text": "Đề nghị sửa điều 2"},
                                         why="two comments with the same words may both be meant")],
        "documents.upload": [Create("admin", "/documents/new", "/documents/new", _rows("document"), False,
                                    {"title": "Quy chế làm việc", "issued_on": day(), "file": FILE},
                                    why="an unnumbered upload: two files of one title are not one record")],
        "feedback.add_attachments": [Create("admin", f"/feedback/{t.feedback}", f"/feedback/{t.feedback}/attachments",
                                            _rows("attachment"), False, {"files": FILE},
                                            why="attachments: the same file twice is the sender's choice")],
        "feedback.category_defaults": [Create("admin", "/feedback/categories", "/feedback/categories/defaults",
                                              _rows("feedback_category"), True)],
        "feedback.edit_category": [Create("admin", "/feedback/categories/new", "/feedback/categories/new",
                                          _rows("feedback_category"), True, {"name": "Môi trường đô thị",
                                                                             "sla_days": "10"})],
        "feedback.create": [Create("admin", "/feedback/new", "/feedback/new", _rows("feedback_item"), False,
                                   {"category_id": str(t.category), "received_on": day(),
                                    "content": "Đường ngập nước", "unit_id": str(t.ward)},
                                   why="two people may report the same thing on the same day")],
        "groups.add_member": [Create("admin", f"/groups/{t.group}", f"/groups/{t.group}/members",
                                     _rows("membership"), True, {"person_id": str(t.outsider), "role": "member",
                                                                 "start_date": day()})],
        "groups.assign_unit": [Create("admin", f"/groups/{t.group}", f"/groups/{t.group}/members/{t.membership}"
                                      "/assignments", _rows("assignment"), True,
                                      {f"assign-{t.membership}-unit_id": str(t.free_cell),
                                       f"assign-{t.membership}-start_date": day()})],
        "groups.create": [Create("admin", "/groups/new", "/groups/new", _rows("working_group"), True,
                                 {"number": "42", "name": "Tổ mới", "term_id": str(t.term),
                                  "owner_unit_id": str(t.ward)})],
        "groups.terms": [Create("admin", "/groups/terms", "/groups/terms", _rows("term"), True,
                                {"name": "2030 - 2035", "start_date": "01/10/2030", "end_date": "30/09/2035"})],
        "imports.index": [Create("admin", "/imports/", "/imports/", _rows("import_batch"), False,
                                 {"kind": "roster", "file": CSV},
                                 why="each upload starts its own batch; the commit is the one-time step")],
        "meetings.add_guest": [Create("admin", f"/meetings/{t.meeting}", f"/meetings/{t.meeting}/attendance/guests",
                                      _rows("attendance"), True, {"person_id": str(t.outsider)})],
        "meetings.add_opinion": [Create("admin", f"/meetings/{t.meeting}", f"/meetings/{t.meeting}/opinions",
                                        _rows("opinion"), False, {"kind": "results", "text": "Ý kiến",
                                                                  "speaker_name": "Ông A"},
                                        why="two speakers may say the same words")],
        "meetings.add_point": [Create("admin", f"/meetings/{t.meeting}", f"/meetings/{t.meeting}/conclusion/points",
                                      _rows("conclusion_point"), False, {"text": "Điểm mới"},
                                      why="points are numbered per meeting (a unique number), their words may "
                                          "repeat")],
        "meetings.create": [Create("admin", "/meetings/new", "/meetings/new", _rows("meeting"), False, meeting,
                                   why="two meetings of a cell on one day are possible")],
        "meetings.schedule": [Create("admin", "/meetings/schedule", "/meetings/schedule", _rows("meeting"), True,
                                     {"unit_ids": str(t.free_cell), "year": str(local_today().year + 1),
                                      "day_of_month": "5", "place": "Nhà văn hóa"}, once=12)],
        "meetings.upload_file": [Create("admin", f"/meetings/{t.meeting}", f"/meetings/{t.meeting}/files",
                                        _rows("meeting_file"), False, {"file": FILE},
                                        why="files: the same file twice is the sender's choice")],
        "member_reports.compile_report": [Create("admin", f"/member-reports/group/{t.group}",
                                                 f"/member-reports/group/{t.group}/compile",
                                                 _rows("report_submission"), True,
                                                 {"schedule_id": str(t.compile_schedule),
                                                  "period_key": t.compile_key, "text": "Báo cáo tổng hợp"})],
        "member_reports.rule": [Create("admin", f"/member-reports/group/{t.rule_group}/rule",
                                       f"/member-reports/group/{t.rule_group}/rule", _rows("member_report_rule"),
                                       True, {"frequency": "monthly", "due_day": "5", "months_after": "0",
                                              "starts_on": "01/11/2025"})],
        "member_reports.write": [Create("thanhvien", f"/member-reports/write/{t.rule}/{t.rule_key}",
                                        f"/member-reports/write/{t.rule}/{t.rule_key}", _rows("member_report"),
                                        True, {"text": "Báo cáo của tôi"})],
        "obligations.declare": [Create("admin", "/obligations/absences/new", "/obligations/absences/new",
                                       _rows("absence"), True, {"person_id": str(t.outsider),
                                                                "start_date": day(), "end_date": day(3),
                                                                "reason": "illness"})],
        "obligations.rule": [Create("admin", f"/obligations/group/{t.rule_group}",
                                    f"/obligations/group/{t.rule_group}", _rows("attendance_rule"), True,
                                    {"mode": "times_per_period", "times": "1", "months": "3"})],
        "paperwork.issue_assignment": [Create("admin", f"/paperwork/issue/assignment/{t.group}",
                                              f"/paperwork/issue/assignment/{t.group}",
                                              _rows("outgoing_document"), True)],
        "dashboard.issue_report": [Create("admin", "/dashboard/report", "/dashboard/report/issue",
                                          _rows("outgoing_document"), True)],
        "paperwork.issue_conclusion": [Create("admin", f"/meetings/{t.briefing}",
                                              f"/paperwork/issue/conclusion/{t.briefing}",
                                              _rows("outgoing_document"), True)],
        "paperwork.issue_invitation": [Create("admin", f"/meetings/{t.meeting}",
                                              f"/paperwork/issue/invitation/{t.meeting}",
                                              _rows("outgoing_document"), True)],
        "people.create": [Create("admin", "/people/new", "/people/new", _rows("person"), False,
                                 {"full_name": "Người Mới", "home_unit_id": str(t.ward)},
                                 why="two people may bear one name")],
        "personal_data.new_request": [Create("admin", f"/personal-data/{t.outsider}",
                                             f"/personal-data/{t.outsider}/requests", _rows("personal_data_request"),
                                             False, {"kind": "access", "received_on": day(),
                                                     "requested_by": "Chính chủ"},
                                             why="a person may file the same kind of request twice")],
        "reports.schedules": [Create("admin", "/reports/schedules", "/reports/schedules", _rows("report_schedule"),
                                     True, {"group_id": str(t.rule_group), "frequency": "quarterly", "due_day": "5",
                                            "months_after": "0", "starts_on": "01/01/2026"})],
        "reports.submit": [Create("admin", "/reports/submit", "/reports/submit", _rows("report_submission"), True,
                                  {"schedule_id": str(t.submit_schedule), "period_key": t.submit_key,
                                   "text": "Báo cáo tháng"})],
        "targets.create_indicator": [Create("admin", f"/targets/unit/{t.ward}", f"/targets/unit/{t.ward}/indicators",
                                            _rows("target_indicator"), True,
                                            {"name": "Chỉ tiêu kết nạp đảng viên", "year": "2027",
                                             "measure_unit": "đảng viên", "target_value": "5"})],
        "targets.record_measurement": [Create("admin", f"/targets/unit/{t.ward}",
                                              f"/targets/indicator/{t.indicator}/measurements",
                                              _rows("target_measurement"), False,
                                              {"measured_on": day(), "value": "3"},
                                              why="a measurement log: two readings on one day may both be "
                                                  "entered")],
        "tasks.add_progress": [Create("admin", f"/tasks/{t.task}", f"/tasks/{t.task}/notes", _rows("task_note"), False,
                                      {"noted_on": day(), "text": "Đã làm"},
                                      why="progress notes with the same words on one day are possible")],
        "tasks.create": [Create("admin", "/tasks/new", "/tasks/new", _rows("task"), False,
                                {"title": "Việc phải làm", "deadline": day(30), "owner_kind": "unit",
                                 "owner_unit_id": str(t.ward)}, why="two tasks may bear one title")],
        "units.create": [Create("admin", "/units/new", "/units/new", _rows("unit"), False,
                                {"name": "Chi bộ mới thành lập", "kind": "cell", "sector": "residential",
                                 "parent_id": str(t.ward)}, why="no rule refuses two units of one name")],
        "units.identity": [Create("admin", f"/units/{t.free_cell}/identity", f"/units/{t.free_cell}/identity",
                                  _rows("org_identity"), True, {"committee_name": "Chi ủy chi bộ mới"})],
        "visits.create": [Create("thanhvien", "/visits/new", "/visits/new", _rows("field_visit"), False,
                                 {"unit_id": str(t.followed_cell), "visited_on": day(), "findings": "Tốt"},
                                 why="two visits to one cell on one day are possible")],
        "visits.to_feedback": [Create("admin", f"/visits/{t.visit}", f"/visits/{t.visit}/feedback",
                                      _rows("feedback_item"), True, {"category_id": str(t.category)})],
    }


def _town_ids() -> Ids:
    """Demo records each form names (added where the demo town has none)."""
    today = local_today()
    ward = one(select(Unit).where(Unit.parent_id.is_not(None), Unit.kind == "party_committee").order_by(Unit.id))
    member = one(select(User).where(User.username == "thanhvien"))
    membership = one(select(Membership).where(Membership.person_id == member.person_id))
    group = membership.group
    followed_cell = db.session.scalar(text("SELECT unit_id FROM assignment WHERE person_id = :p LIMIT 1"),
                                      {"p": member.person_id})
    used_cells = select(text("unit_id")).select_from(text("assignment"))
    free_cell = one(select(Unit).where(Unit.kind == "cell", Unit.id.not_in(used_cells),
                                        Unit.id.not_in(select(text("unit_id")).select_from(text("org_identity"))))
                     .order_by(Unit.id))
    outsider = Person(home_unit=ward)
    outsider.set_name("Đỗ Văn Kép")
    rule_group = WorkingGroup(number=77, name="Tổ chưa có lịch", term=group.term, owner_unit=ward)
    draft = Document(title="Dự thảo quy chế làm việc", status="draft")
    db.session.add_all([outsider, rule_group, draft])
    db.session.execute(text("UPDATE feedback_category SET name = 'Tố cáo (đã đổi tên)' WHERE name = 'Tố cáo'"))
    briefing = one(select(Meeting).where(Meeting.kind == MeetingKind.BRIEFING).order_by(Meeting.id))
    briefing.conclusion = briefing.conclusion or "Kết luận của buổi giao ban"
    claim_meeting = one(select(Meeting).join(Meeting.units).where(
        Unit.id == followed_cell, Meeting.held_on <= today,
        Meeting.id.not_in(select(AttendanceClaim.meeting_id).where(AttendanceClaim.person_id == member.person_id)))
        .order_by(Meeting.held_on.desc()))
    rule = one(select(MemberReportRule).where(MemberReportRule.group_id == group.id))
    if rule is None:
        rule = MemberReportRule(group=group, frequency=ReportFrequency.MONTHLY, due_day=5, months_after=0,
                                starts_on=date(2025, 11, 1))
        db.session.add(rule)
    db.session.flush()
    rule_key = period_key(rule.frequency, today)
    db.session.execute(text("DELETE FROM member_report WHERE rule_id = :r AND period_key = :k"),
                       {"r": rule.id, "k": rule_key})
    schedules = db.session.scalars(select(ReportSchedule).order_by(ReportSchedule.id)).all()
    open_ = [(s, period_key(s.frequency, today)) for s in schedules]
    open_ = [(s, k) for s, k in open_ if db.session.scalar(select(func.count()).select_from(ReportSubmission).where(
        ReportSubmission.schedule_id == s.id, ReportSubmission.period_key == k)) == 0]
    compile_schedule = next(((s, k) for s, k in open_ if s.group_id == group.id), None)
    if compile_schedule is None:
        schedule = ReportSchedule(group=group, frequency=ReportFrequency.HALF_YEARLY, due_day=5, months_after=0,
                                  starts_on=date(2025, 1, 1))
        db.session.add(schedule)
        db.session.flush()
        compile_schedule = (schedule, period_key(schedule.frequency, today))
    submit_schedule = next((s, k) for s, k in open_ if s.group_id != group.id)
    assessment = one(select(Assessment).where(Assessment.proposed_level.is_(None), Assessment.decided_level.is_(None))
                      .order_by(Assessment.id))
    assessment.self_level, assessment.self_text = AssessmentLevel.GOOD, "Tự đánh giá"
    group_assessment_id = db.session.scalar(text(
        "SELECT id FROM group_assessment WHERE decided_level IS NULL ORDER BY id LIMIT 1"))
    values = dict(
        ward=ward.id, cell=followed_cell, followed_cell=followed_cell, free_cell=free_cell.id, group=group.id,
        membership=membership.id, term=group.term_id, outsider=outsider.id, rule_group=rule_group.id,
        claim_meeting=claim_meeting.id, rule=rule.id, rule_key=rule_key,
        compile_schedule=compile_schedule[0].id, compile_key=compile_schedule[1],
        submit_schedule=submit_schedule[0].id, submit_key=submit_schedule[1],
        assessment=assessment.id, group_assessment=group_assessment_id,
        meeting=one(select(Meeting).join(Meeting.units).where(Unit.id == followed_cell)
                     .order_by(Meeting.held_on.desc())).id,
        draft=draft.id, briefing=briefing.id,
        feedback=one(select(FeedbackItem).order_by(FeedbackItem.id)).id,
        category=db.session.scalar(text("SELECT id FROM feedback_category ORDER BY id LIMIT 1")),
        indicator=one(select(TargetIndicator).where(TargetIndicator.unit_id == ward.id)).id,
        task=one(select(Task).order_by(Task.id)).id,
        visit=one(select(FieldVisit).where(FieldVisit.difficulties.is_not(None)).order_by(FieldVisit.id)).id,
        round=one(select(AssessmentRound)).id,
    )
    return Ids(values)


class Browser:
    """A person's browser without the browser: cookies kept, redirects not followed, forms posted as a form."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, data: dict | None = None, headers: dict | None = None):
        body, head = None, {**(headers or {})}
        if data is not None:
            body, head["Content-Type"] = _encode(data)
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=head)
            response = connection.getresponse()
            page = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        return response.status, response.msg, page

    def keep_cookies(self, msg) -> None:
        for header in msg.get_all("Set-Cookie") or ():
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value

    def get(self, path: str):
        status, msg, page = self.request("GET", path)
        self.keep_cookies(msg)
        return status, msg, page


def _encode(data: dict) -> tuple[bytes, str]:
    if not any(isinstance(value, tuple) for value in data.values()):
        return urlencode(data).encode(), "application/x-www-form-urlencoded"
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in data.items():
        if isinstance(value, tuple):
            file_name, content_type, content = value
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
                         f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
        else:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


@pytest.fixture(scope="module")
def town(app):
    """The demo town, the app served by a threaded server with CSRF on, and a logged-in browser per demo user."""
    with demo_town(app, _town_ids) as ids:
        app.config["WTF_CSRF_ENABLED"] = True
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        browsers = {}
        try:
            for username in ("admin", "thanhvien"):
                browser = browsers[username] = Browser(server.server_port)
                _status, _msg, page = browser.get("/auth/login")
                status, msg, _page = browser.request("POST", "/auth/login", {
                    "username": username, "password": DEMO_PASSWORD, "csrf_token": _csrf(page)})
                browser.keep_cookies(msg)
                assert status == 302, (username, status)
            yield ids, browsers
        finally:
            server.shutdown()
            thread.join(timeout=5)
            app.config["WTF_CSRF_ENABLED"] = False


def _csrf(page: str) -> str:
    return unescape(CSRF_META.search(page).group(1))


def post_endpoints(app) -> set[str]:
    return {rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods}


def test_every_post_route_is_classified(app, town):
    listed = set(creates(NoTown()))
    assert listed & set(NOT_CREATES) == set()
    assert post_endpoints(app) - listed - set(NOT_CREATES) == set()
    assert all(case.unique or case.why for cases in creates(NoTown()).values() for case in cases)


def _form(browser: Browser, case: Create) -> dict:
    """The page's form for the action (hidden fields, the one-time token and selects as a browser posts them),
    with the case's values put in; the session's CSRF token when the form is a button."""
    status, _msg, page = browser.get(case.page)
    assert status == 200, (case.page, status)
    parser = _Forms(case.page)
    parser.feed(page)
    fields = dict(parser.forms.get(case.action, {}))
    assert fields or case.data, (case.page, case.action, sorted(parser.forms))
    fields.setdefault("csrf_token", _csrf(page))
    return {**fields, **case.data}


def _count(sql: str) -> int:
    db.session.rollback()
    return db.session.scalar(text(sql))


def _twice(browser: Browser, action: str, form: dict) -> list[tuple[int, str, str]]:
    """Post the form from two threads released at the same moment; each answer's status, Location and body."""
    barrier, answers = threading.Barrier(2), [None, None]

    def post(slot):
        barrier.wait()
        status, msg, page = browser.request("POST", action, form)
        answers[slot] = (status, msg.get("Location", ""), page)

    threads = [threading.Thread(target=post, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


MESSAGE = re.compile(r'class="(?:field-error|flash flash-[a-z]+)"[^>]*>(.*?)</(?:small|p)>', re.S)


def _message(answer) -> str | None:
    """The flash or field error an answer shows (None for a redirect, which carries its flash to the next page)."""
    found = MESSAGE.search(answer[2])
    return re.sub(r"<[^>]+>", " ", found.group(1)).strip() if found else None


def _answered_well(answers) -> bool:
    """Redirects (to the record, or to a page carrying the flash), and pages of which at most one (the winner's)
    shows no flash or field error; a refusal (409/422) always says why."""
    pages = [answer for answer in answers if not (300 <= answer[0] < 400 or answer[0] == 204)]
    if any(answer[0] not in (200, 409, 422) or answer[0] != 200 and _message(answer) is None for answer in pages):
        return False
    return sum(_message(answer) is None for answer in pages) <= 1


def _creating_endpoints():
    return sorted(creates(NoTown()))


@pytest.mark.parametrize("endpoint", _creating_endpoints())
def test_a_double_submit_writes_once(town, endpoint):
    ids, browsers = town
    failures = []
    for case in creates(ids)[endpoint]:
        browser = browsers[case.user]
        form = _form(browser, case)
        before = _count(case.count)
        answers = _twice(browser, case.action, form)
        written = _count(case.count) - before
        statuses = [answer[0] if answer else None for answer in answers]
        if any(status is None or status >= FAILED for status in statuses):   # None: no answer at all
            failures.append(f"{case.action}: answers {statuses}")
            continue
        if written < case.once:
            failures.append(f"{case.action}: nothing written (an invalid form?), answers {statuses}: "
                            f"{[_message(answer) for answer in answers]}")
        elif not case.unique:
            continue
        elif written != case.once:
            failures.append(f"{case.action}: {written} records written, answers {statuses}")
        elif not _answered_well(answers):
            failures.append(f"{case.action}: answers {statuses} without a redirect or a message")
    assert failures == []
