"""Every write is scoped like every read: every POST route, tampered by a second ward's users.

The demo town's first ward (ward A) holds records of every kind; the users of the second ward (ward B) — its scoped
admin, leader, officer, the head and a member of a ward-B group — post otherwise valid forms whose URL ids, hidden
fields and id-valued selects name ward-A records. Each must be refused (403/404, or 422 for a field naming a record
out of scope) and leave the database as it was. `CASES` maps every POST endpoint of `app.url_map` to its tampered
requests: a route missing from it fails `test_every_post_route_has_tampering_cases`, so a new route is covered the
moment it exists."""
import hashlib
import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from tests.conftest import RequestClient
from tests.factories import PASSWORD
from tests.webapp.scope_town import (
    Ids,
    NoTown,
    _clean_database,  # noqa: F401  (the town lives for the module, not a test)
    day,
    demo_town,
    one,
)
from webapp.auth.services import create_user
from webapp.clock import local_today
from webapp.demo import DEMO_PASSWORD
from webapp.extensions import db
from webapp.models import (
    Absence,
    AbsenceReason,
    Assessment,
    AssessmentRound,
    Assignment,
    Attendance,
    AttendanceClaim,
    AuditLog,
    ConclusionPoint,
    DataRequestKind,
    Document,
    FeedbackCategory,
    FeedbackItem,
    FieldVisit,
    GroupAssessment,
    ImportBatch,
    ImportMapping,
    ImportTemplate,
    Meeting,
    MeetingFile,
    MemberReportRule,
    MemberRole,
    Membership,
    Opinion,
    OutgoingDocument,
    Person,
    PersonalDataRequest,
    ReportFrequency,
    ReportSchedule,
    Role,
    TargetIndicator,
    TargetMeasurement,
    Task,
    Unit,
    User,
    WorkingGroup,
)
from webapp.paperwork.document import OfficialDocument
from webapp.paperwork.services import document_to_data
from webapp.reports.periods import period_key

ROLES = [Role.ADMIN, Role.LEADERSHIP, Role.UNIT_OFFICER, Role.GROUP_HEAD, Role.MEMBER]
URL_REFUSED = {403, 404}
FIELD_REFUSED = {403, 404, 422}
# Changes a refused request may still write: the session's own bookkeeping, never a record of the town.
BOOKKEEPING = {"user", "login_attempt", "audit_archive"}
# Routes about the user's own account or session: they name no record of anyone's scope.
FILE = object()   # in a case's data: an uploaded file
OWN_ACCOUNT = {"auth.set_locale", "auth.login", "auth.logout", "auth.logout_everywhere_view", "auth.password",
               "auth.two_factor_login", "auth.two_factor_disable", "auth.two_factor_setup",
               "notifications.issue_calendar_link"}


@dataclass
class Case:
    url: str
    data: dict = field(default_factory=dict)
    tables: tuple = ()   # tables whose rows must not change (besides the audit log, checked for every case)
    field: bool = False  # the ward-A id is in a form field (else in the URL)
    refusal: frozenset = frozenset()   # another answer that refuses on this route (nothing may change either way)
    control: str = "town"  # whose post of the same form is taken (`test_the_same_forms_pass_…`; "": none can)
    page: str | None = None  # the ward-B admin's page whose form (action `url`) is posted, with `data` swapped in

    def form(self, clients) -> dict:
        """The posted form: the page's own fields (hidden ones and selects included) with the ward-A ids of `data`
        swapped in (a field named by its last part, so prefixed row forms match), each FILE a fresh upload."""
        fields = _page_form(clients[Role.ADMIN], self.page, self.url) if self.page else {}
        for name, value in self.data.items():
            fields[next((key for key in fields if key == name or key.endswith("-" + name)), name)] = value
        return {k: (io.BytesIO(b"%PDF-1.4 quy che"), "quy-che.pdf") if v is FILE else v for k, v in fields.items()}


def Field(url: str, data: dict, tables: tuple, control: str = "town", page: str | None = None,  # noqa: N802
          refusal: frozenset = frozenset()) -> Case:
    """A case whose ward-A id is in a form field (a kind of Case)."""
    return Case(url, data, tables, field=True, control=control, page=page, refusal=refusal)


class _Forms(HTMLParser):
    """The fields of each form of a page, as a browser would post them (by the form's action)."""

    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url, self.forms, self._form, self._select, self._textarea = page_url, {}, None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = self.forms.setdefault(urlsplit(a.get("action") or self.page_url).path, {})
        elif self._form is None or not a.get("name") and tag != "option":
            return
        elif tag == "input" and a.get("type") not in ("submit", "button", "file", "image", "reset") and \
                (a.get("type") not in ("checkbox", "radio") or "checked" in a):
            self._form[a["name"]] = a.get("value", "y" if a.get("type") == "checkbox" else "")
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self._form[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self._form[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form[self._textarea] += data


def _page_form(client, page: str, action: str) -> dict:
    response = client.get(page)
    assert response.status_code == 200, (page, response.status_code)
    parser = _Forms(page)
    parser.feed(response.get_data(as_text=True))
    assert action in parser.forms, (page, action, sorted(parser.forms))
    return dict(parser.forms[action])


def _ward_b_users(ward_b: Unit, term) -> tuple[dict, dict]:
    """The second ward's own group (head, member following a cell), its five users (all scoped to the ward), and
    the ward-B records whose own forms are posted with ward-A ids swapped in."""
    group = WorkingGroup(number=41, name="Tổ công tác phường B", term=term, owner_unit=ward_b)
    head, member = Person(home_unit=ward_b), Person(home_unit=ward_b)
    head.set_name("Trương Văn Bê")
    member.set_name("Lý Thị Bê")
    db.session.add_all([group, head, member])
    start = date(2025, 11, 1)
    memberships = [Membership(person=person, group=group, role=role, start_date=start)
                   for person, role in ((head, MemberRole.HEAD), (member, MemberRole.MEMBER))]
    cell_b = one(select(Unit).where(Unit.parent_id == ward_b.id).order_by(Unit.id))
    assignment = Assignment(membership=memberships[1], person=member, unit=cell_b, start_date=start)
    db.session.add_all(memberships + [assignment])
    db.session.flush()
    users = {}
    for role, person in ((Role.ADMIN, None), (Role.LEADERSHIP, None), (Role.UNIT_OFFICER, None),
                         (Role.GROUP_HEAD, head), (Role.MEMBER, member)):
        users[role] = create_user(f"b_{role.value}", PASSWORD, role, None, ward_b.id,
                                  person.id if person else None)
    batch = ImportBatch(kind="roster", file_name="ds-b.xlsx", sha256="1" * 64, size_bytes=1,
                        created_by=users[Role.UNIT_OFFICER])
    db.session.add(batch)
    db.session.flush()
    meeting = one(select(Meeting).join(Meeting.units).where(Unit.id == cell_b.id).order_by(Meeting.held_on))
    own = dict(b_group=group.id, b_membership=memberships[1].id, b_assignment=assignment.id, b_person=member.id,
               b_meeting=meeting.id, b_batch=batch.id)
    return users, own


def _ward_a_records(ward_a: Unit, ward_b: Unit) -> dict:
    """Records of every kind in ward A (found in the demo town, or added where the demo has none)."""
    today = local_today()
    cell_a = one(select(Unit).where(Unit.parent_id == ward_a.id).order_by(Unit.id))
    officer_a = one(select(User).where(User.scope_unit_id == ward_a.id))
    group_a = one(select(WorkingGroup).where(WorkingGroup.owner_unit_id == ward_a.id))
    town_group = one(select(WorkingGroup).where(WorkingGroup.number == 1, WorkingGroup.owner_unit_id != ward_a.id))
    membership_a = one(select(Membership).where(Membership.group_id == group_a.id,
                                                 Membership.role == MemberRole.MEMBER).order_by(Membership.id))
    head_a = one(select(Membership).where(Membership.group_id == group_a.id, Membership.role == MemberRole.HEAD))
    assignment_a = one(select(Assignment).where(Assignment.membership_id == membership_a.id))
    person_a = Person(home_unit=ward_a)
    person_a.set_name("Phạm Văn Ây")
    cadre = Person()  # a cadre of the town, with no home unit (the demo gives each of its persons one)
    cadre.set_name("Võ Văn Cán")
    meeting_a = one(select(Meeting).join(Meeting.units).where(Unit.id == cell_a.id).order_by(Meeting.held_on))
    meeting_b_unit_cell = one(select(Unit).where(Unit.parent_id == ward_b.id).order_by(Unit.id))
    attendance_a = one(select(Attendance).where(Attendance.meeting_id == meeting_a.id).order_by(Attendance.id))
    meeting_file = MeetingFile(meeting=meeting_a, file_name="bien-ban.pdf", stored_name="tamper-bien-ban.pdf",
                               size_bytes=10)
    opinion = Opinion(meeting=meeting_a, position=1, person=membership_a.person, group=group_a,
                      kind="results", text="Ý kiến ở phường A")
    point = ConclusionPoint(meeting=meeting_a, number=1, text="Điểm kết luận ở phường A")
    draft = Document(title="Dự thảo quy chế phường A", status="draft")
    round_ = one(select(AssessmentRound))
    assessment_a = one(select(Assessment).where(Assessment.person_id == membership_a.person_id))
    if assessment_a is None:
        assessment_a = Assessment(round=round_, person=membership_a.person, group=group_a, figures={})
    group_assessment = one(select(GroupAssessment).where(GroupAssessment.group_id == town_group.id))
    feedback_a = one(select(FeedbackItem).where(FeedbackItem.unit_id == ward_a.id))
    indicator_a = one(select(TargetIndicator).where(TargetIndicator.unit_id == ward_a.id))
    measurement_a = one(select(TargetMeasurement).where(TargetMeasurement.indicator_id == indicator_a.id))
    visit_a = one(select(FieldVisit).where(FieldVisit.unit_id.in_([ward_a.id, cell_a.id])))
    task_a = Task(title="Nhiệm vụ của phường A", owner_unit=ward_a, deadline=today + timedelta(days=30))
    batch = ImportBatch(kind="roster", file_name="ds.xlsx", sha256="0" * 64, size_bytes=1, created_by=officer_a)
    template = ImportTemplate(unit=ward_a, kind="roster", signature="a" * 64, overrides={}, updated_by_id=officer_a.id)
    mapping = ImportMapping(kind="roster", signature="b" * 64, mapping={}, updated_by_id=officer_a.id)
    absence = Absence(person=person_a, start_date=today, end_date=today + timedelta(days=3),
                      reason=AbsenceReason.ILLNESS)
    claim = one(select(AttendanceClaim))
    data_request = PersonalDataRequest(person=person_a, kind=DataRequestKind.ERASURE, received_on=today,
                                       due_on=today + timedelta(days=3), requested_by="Chính chủ")
    printed = document_to_data(OfficialDocument(["ĐẢNG ỦY PHƯỜNG"], "", "BÁO CÁO", "", [], []))
    outgoing = OutgoingDocument(issuer=ward_a, kind="BC", year=today.year, number=1, symbol="1-BC/ĐU",
                                title="Báo cáo của phường A", issued_on=today, content=printed)
    db.session.add_all([outgoing, person_a, meeting_file, opinion, point, draft, assessment_a, task_a, batch, template,
                        mapping, absence, data_request])
    db.session.flush()
    for schedule_group in (group_a,):
        if one(select(ReportSchedule).where(ReportSchedule.group_id == schedule_group.id)) is None:
            db.session.add(ReportSchedule(group=schedule_group, frequency=ReportFrequency.MONTHLY, due_day=5,
                                          months_after=0, starts_on=date(2025, 11, 1)))
    if one(select(MemberReportRule).where(MemberReportRule.group_id == group_a.id)) is None:
        db.session.add(MemberReportRule(group=group_a, frequency=ReportFrequency.MONTHLY, due_day=5,
                                        months_after=0, starts_on=date(2025, 11, 1)))
    db.session.flush()
    schedule = one(select(ReportSchedule).where(ReportSchedule.group_id == group_a.id))
    rule = one(select(MemberReportRule).where(MemberReportRule.group_id == group_a.id))
    category = one(select(FeedbackCategory).order_by(FeedbackCategory.id))
    demo_member = one(select(User).where(User.username == "thanhvien"))
    followed_cell = one(select(Assignment.unit_id).where(Assignment.person_id == demo_member.person_id))
    return dict(
        ward=ward_a.id, cell=cell_a.id, ward_b=ward_b.id, cell_b=meeting_b_unit_cell.id, group=group_a.id,
        town_group=town_group.id, membership=membership_a.id, head_membership=head_a.id,
        assignment=assignment_a.id, person=person_a.id, data_request=data_request.id,
        member_person=membership_a.person_id, cadre=cadre.id,
        meeting=meeting_a.id, attendance=attendance_a.id, file=meeting_file.id, opinion=opinion.id,
        point=point.id, draft=draft.id, document=one(select(Document).where(Document.status == "issued")).id,
        round=round_.id, assessment=assessment_a.id, group_assessment=group_assessment.id,
        feedback=feedback_a.id, category=category.id, indicator=indicator_a.id, measurement=measurement_a.id,
        visit=visit_a.id, task=task_a.id, batch=batch.id, template=template.id, mapping=mapping.id,
        absence=absence.id, claim=claim.id, outgoing=outgoing.id, schedule=schedule.id, rule=rule.id,
        rule_key=period_key(rule.frequency, today), term=group_a.term_id, followed_cell=followed_cell,
    )


@pytest.fixture(scope="module")
def town(app):
    def find_records():
        ward_a, ward_b = db.session.scalars(select(Unit).where(Unit.parent_id.is_not(None), Unit.kind ==
                                                               "party_committee").order_by(Unit.id).limit(2))
        with db.session.no_autoflush:
            users, own = _ward_b_users(ward_b, db.session.get(WorkingGroup, 1).term)
            return users, Ids({**_ward_a_records(ward_a, ward_b), **own})

    with demo_town(app, find_records) as (users, ids):
        app.test_client_class = RequestClient
        clients = {}
        for role, user in users.items():
            clients[role] = app.test_client()
            response = clients[role].post("/auth/login", data={"username": user.username, "password": PASSWORD})
            assert response.status_code == 302
        for name, username in (("town", "admin"), ("thanhvien", "thanhvien")):
            clients[name] = app.test_client()
            response = clients[name].post("/auth/login", data={"username": username, "password": DEMO_PASSWORD})
            assert response.status_code == 302
        yield ids, clients


def cases(t: Ids) -> dict[str, list[Case]]:
    """Every POST endpoint → its tampered requests (ward-A ids in the URL, and in id fields of an otherwise valid
    form posted to the ward-B user's own pages)."""
    step = {"level": "good", "text": "Hoàn thành tốt nhiệm vụ"}
    meeting = {"kind": "cell", "held_on": day(3), "starts_at": "07:30", "title": "Sinh hoạt chi bộ",
               "place": "Nhà văn hóa"}
    feedback = {"category_id": t.category, "received_on": day(), "content": "Đường ngập nước"}
    task = {"title": "Việc phải làm", "deadline": day(30)}
    group_tables = ("working_group", "membership", "assignment")
    meeting_tables = ("meeting", "attendance", "opinion", "conclusion_point", "meeting_file", "meeting_unit")
    import_tables = ("import_batch", "import_template", "import_mapping", "import_job", "import_change")
    return {
        "assessments.take_step": [Case(f"/assessments/{t.assessment}/{s}", step, ("assessment",))
                                  for s in ("self", "propose", "decide")],
        "assessments.reopen": [Case(f"/assessments/{t.assessment}/reopen", {}, ("assessment",))],
        "assessments.take_group_step": [Case(f"/assessments/groups/{t.group_assessment}/{s}", step,
                                             ("group_assessment",)) for s in ("self", "decide")],
        "assessments.reopen_group": [Case(f"/assessments/groups/{t.group_assessment}/reopen", {},
                                          ("group_assessment",))],
        "assessments.open_round": [],   # opens a round for the user's own scope: no id to tamper with
        "assessments.close": [Case(f"/assessments/rounds/{t.round}/{a}", {}, ("assessment_round",))
                              for a in ("close", "reopen")],
        "assessments.set_criteria": [Case(f"/assessments/rounds/{t.round}/criteria", {}, ("assessment_round",))],
        "assessments.set_group_criteria": [Case(f"/assessments/rounds/{t.round}/group-criteria", {},
                                                ("assessment_round",))],
        "assessments.refresh": [Case(f"/assessments/rounds/{t.round}/refresh", {}, ("assessment",))],
        "attendance_claims.confirm": [Case(f"/attendance-claims/{t.claim}/confirm", {},
                                           ("attendance_claim", "attendance"))],
        "attendance_claims.reject": [Case(f"/attendance-claims/{t.claim}/reject", {"reason": "Không dự"},
                                          ("attendance_claim",))],
        "attendance_claims.declare": [Case(f"/attendance-claims/meeting/{t.meeting}/declare",
                                           {"note": "Tôi có dự"}, ("attendance_claim",))],
        "documents.add_comment": [],    # town regulations: every reader of the directory comments on a draft
        "documents.issue": [Case(f"/documents/{t.draft}/issue", {}, ("document",))],
        "documents.cell_rules": [Case(f"/documents/{t.document}/cell-rules", {
            "member_notice_days": "3", "committee_notice_days": "5", "documents_days": "3", "thematic_per_quarter": "1",
            "min_minutes": "90", "attendance_percent": "85", "max_excused_in_row": "3"}, ("cell_meeting_rules",))],
        "documents.upload": [Field("/documents/new", {"title": "Quy chế", "issued_on": day(), "relation": "annuls",
                                                     "related_id": t.document, "file": FILE}, ("document",))],
        "feedback.add_attachments": [Case(f"/feedback/{t.feedback}/attachments", {}, ("attachment",))],
        "feedback.change_status": [Case(f"/feedback/{t.feedback}/transition", {"target": s, "note": "Chuyển"},
                                        ("feedback_item", "feedback_event"))
                                   for s in ("in_progress", "forwarded", "resolved", "closed")],
        "feedback.edit_category": [Case(f"/feedback/categories/{t.category}/edit",
                                        {"name": "Đất đai", "sla_days": "10"}, ("feedback_category",)),
                                   Field("/feedback/categories/new", {"name": "Mới", "sla_days": "10"},
                                        ("feedback_category",))],
        "feedback.category_defaults": [Case("/feedback/categories/defaults", {}, ("feedback_category",))],
        "feedback.create": [Field("/feedback/new", {**feedback, "unit_id": t.ward}, ("feedback_item",)),
                            Field("/feedback/new", {**feedback, "unit_id": t.ward_b,
                                                   "source_person_id": t.person}, ("feedback_item",)),
                            Field("/feedback/new", {**feedback, "unit_id": t.ward_b, "group_id": t.group},
                                 ("feedback_item",))],
        "groups.end_assignment": [Case(f"/groups/{t.group}/assignments/{t.assignment}/end", {"on_date": day()},
                                       group_tables)],
        "groups.change_assignment_unit": [Case(f"/groups/{t.group}/assignments/{t.assignment}/unit",
                                               {"on_date": day(), "unit_id": t.cell}, group_tables),
                                          Field(f"/groups/{t.b_group}/assignments/{t.b_assignment}/unit",
                                                {f"unit-{t.b_assignment}-on_date": day(),
                                                 f"unit-{t.b_assignment}-unit_id": t.cell}, group_tables)],
        "groups.edit": [Case(f"/groups/{t.group}/edit", {"number": "7", "name": "Tổ công tác", "term_id": t.term,
                                                          "owner_unit_id": t.ward_b}, group_tables),
                        Field(f"/groups/{t.b_group}/edit", {"owner_unit_id": t.ward}, group_tables,
                              page=f"/groups/{t.b_group}/edit")],
        "groups.add_member": [Case(f"/groups/{t.group}/members", {"person_id": t.person, "role": "member",
                                                                   "start_date": day()}, group_tables)],
        "groups.assign_unit": [Case(f"/groups/{t.group}/members/{t.membership}/assignments",
                                    {"unit_id": t.cell, "start_date": day()}, group_tables),
                               Field(f"/groups/{t.b_group}/members/{t.b_membership}/assignments",
                                     {f"assign-{t.b_membership}-unit_id": t.cell,
                                      f"assign-{t.b_membership}-start_date": day()}, group_tables)],
        "groups.edit_membership": [Case(f"/groups/{t.group}/members/{t.membership}/edit",
                                        {"role": "deputy", "on_date": day()}, group_tables)],
        "groups.end_membership": [Case(f"/groups/{t.group}/members/{t.membership}/end", {"on_date": day()},
                                       group_tables)],
        "groups.create": [Field("/groups/new", {"number": "42", "name": "Tổ mới", "term_id": t.term,
                                               "owner_unit_id": t.ward}, group_tables)],
        "groups.terms": [Field("/groups/terms", {"name": "2030 - 2035", "start_date": "01/10/2030",
                                                "end_date": "30/09/2035"}, ("term",))],
        "imports.index": [],            # an upload starts a batch of the user's own
        "imports.analyse": [Case(f"/imports/{t.batch}/analyse", {}, import_tables)],
        "imports.cancel": [Case(f"/imports/{t.batch}/cancel", {}, import_tables)],
        "imports.cell": [Case(f"/imports/{t.batch}/cell", {"ref": "A1", "value": "x"}, import_tables)],
        "imports.commit": [Case(f"/imports/{t.batch}/commit", {}, import_tables)]
        + [Field(f"/imports/{t.b_batch}/commit", {"start_date": day(), name: t.ward}, import_tables, control="")
           for name in ("default_unit_id", "unit_parent_id")],
        "imports.layout": [Case(f"/imports/{t.batch}/layout", {}, import_tables)],
        "imports.mapping": [Case(f"/imports/{t.batch}/mapping", {}, import_tables)],
        "imports.save_template": [Case(f"/imports/{t.batch}/save-template", {}, import_tables)],
        "imports.settings": [Case(f"/imports/{t.batch}/settings", {"kind": "roster"}, import_tables)],
        "imports.undo": [Case(f"/imports/{t.batch}/undo", {}, import_tables)],
        "imports.confirm_value": [Case(f"/imports/{t.batch}/values", {}, import_tables)],
        "imports.delete_template": [Case(f"/imports/templates/{t.template}/delete", {}, import_tables)],
        "imports.delete_mapping": [Case(f"/imports/templates/mappings/{t.mapping}/delete", {}, import_tables)],
        "meetings.mark": [Case(f"/meetings/{t.meeting}/attendance/{t.attendance}", {"status": "absent"},
                               meeting_tables)],
        "meetings.remove_guest": [Case(f"/meetings/{t.meeting}/attendance/{t.attendance}/remove", {},
                                       meeting_tables)],
        "meetings.all_present": [Case(f"/meetings/{t.meeting}/attendance/all-present", {}, meeting_tables)],
        "meetings.add_guest": [Case(f"/meetings/{t.meeting}/attendance/guests", {"person_id": t.person},
                                    meeting_tables)],
        "meetings.recompute": [Case(f"/meetings/{t.meeting}/attendance/recompute", {}, meeting_tables)],
        "meetings.save_conclusion": [Case(f"/meetings/{t.meeting}/conclusion", {"conclusion": "Kết luận"},
                                          meeting_tables)],
        "meetings.add_point": [Case(f"/meetings/{t.meeting}/conclusion/points", {"text": "Điểm mới"},
                                    meeting_tables)],
        "meetings.delete_point": [Case(f"/meetings/{t.meeting}/conclusion/points/{t.point}/delete", {},
                                       meeting_tables)],
        "meetings.delete": [Case(f"/meetings/{t.meeting}/delete", {}, meeting_tables)],
        "meetings.edit": [Case(f"/meetings/{t.meeting}/edit", {**meeting, "unit_ids": t.cell_b}, meeting_tables),
                          Field(f"/meetings/{t.b_meeting}/edit", {"unit_ids": t.cell}, meeting_tables,
                                page=f"/meetings/{t.b_meeting}/edit"),
                          Field(f"/meetings/{t.b_meeting}/edit", {"group_id": t.group}, meeting_tables,
                                page=f"/meetings/{t.b_meeting}/edit")],
        "meetings.upload_file": [Case(f"/meetings/{t.meeting}/files", {}, meeting_tables)],
        "meetings.delete_file": [Case(f"/meetings/{t.meeting}/files/{t.file}/delete", {}, meeting_tables)],
        "meetings.add_opinion": [Case(f"/meetings/{t.meeting}/opinions", {"kind": "results", "text": "Ý kiến",
                                                                           "speaker_name": "Ông A"},
                                      meeting_tables),
                                 Field(f"/meetings/{t.b_meeting}/opinions", {"kind": "results", "text": "Ý kiến",
                                                                             "group_id": t.group,
                                                                             "speaker_name": "Ông A"},
                                       meeting_tables, page=f"/meetings/{t.b_meeting}")],
        "meetings.delete_opinion": [Case(f"/meetings/{t.meeting}/opinions/{t.opinion}/delete", {},
                                         meeting_tables)],
        "meetings.follow_up": [Case(f"/meetings/{t.meeting}/opinions/{t.opinion}/follow-up", {},
                                    meeting_tables)],
        "meetings.cycle_cell": [Case(f"/meetings/attendance/{t.attendance}/cycle", {}, meeting_tables)],
        "meetings.create": [Field("/meetings/new", {**meeting, "unit_ids": t.cell}, meeting_tables),
                            Field("/meetings/new", {**meeting, "unit_ids": t.cell_b, "group_id": t.group},
                                 meeting_tables)],
        "meetings.schedule": [Field("/meetings/schedule", {"unit_ids": t.cell, "year": str(local_today().year),
                                                          "day_of_month": "5", "place": "Nhà văn hóa"},
                                   meeting_tables)],
        "member_reports.compile_report": [Case(f"/member-reports/group/{t.group}/compile",
                                               {"schedule_id": t.schedule, "period_key": t.rule_key,
                                                "text": "Báo cáo"}, ("report_submission",)),
                                          Field(f"/member-reports/group/{t.b_group}/compile",
                                                {"schedule_id": t.schedule, "period_key": t.rule_key,
                                                 "text": "Báo cáo"}, ("report_submission",), control="")],
        "member_reports.rule": [Case(f"/member-reports/group/{t.group}/rule",
                                     {"frequency": "monthly", "due_day": "5", "months_after": "0",
                                      "starts_on": "01/11/2025"}, ("member_report_rule",))],
        # a member reports only for a group they belonged to in the period (`rules.report_problem`)
        "member_reports.write": [Case(f"/member-reports/write/{t.rule}/{t.rule_key}", {"text": "Báo cáo"},
                                      ("member_report",), refusal=frozenset({422}))],
        "obligations.delete": [Case(f"/obligations/absences/{t.absence}/delete", {}, ("absence",))],
        # after the ward-A absence the town holds for the same person (today to today + 3: periods never overlap)
        "obligations.declare": [Field("/obligations/absences/new", {"person_id": t.person, "start_date": day(5),
                                                                   "end_date": day(8), "reason": "illness"},
                                     ("absence",))],
        "obligations.rule": [Case(f"/obligations/group/{t.group}", {"mode": "times", "times": "1", "months": "3"},
                                  ("attendance_rule",))],
        "paperwork.issue_assignment": [Case(f"/paperwork/issue/assignment/{t.group}", {}, ("outgoing_document",))],
        # the dashboard's filters refuse a unit out of scope with a notice, back on the dashboard
        "dashboard.issue_report": [Field("/dashboard/report/issue", {"unit": t.ward},
                                         ("outgoing_document",), refusal=frozenset({302}))],
        "paperwork.issue_conclusion": [Case(f"/paperwork/issue/conclusion/{t.meeting}", {},
                                            ("outgoing_document",))],
        "paperwork.issue_invitation": [Case(f"/paperwork/issue/invitation/{t.meeting}", {},
                                            ("outgoing_document",))],
        "paperwork.upload_signed": [Case(f"/paperwork/{t.outgoing}/signed", {"file": FILE}, ("signed_copy",))],
        "people.edit": [Case(f"/people/{p}/edit", {"full_name": "Tên Đã Sửa", "home_unit_id": t.ward_b},
                             ("person",)) for p in (t.person, t.cadre)]
        + [Field(f"/people/{t.b_person}/edit", {"home_unit_id": t.ward}, ("person",),
                 page=f"/people/{t.b_person}/edit")],
        "personal_data.new_request": [Case(f"/personal-data/{p}/requests", {
            "kind": "access", "received_on": day(), "requested_by": "Chính chủ"}, ("personal_data_request",))
            for p in (t.person, t.cadre)],
        "personal_data.answer": [Case(f"/personal-data/requests/{t.data_request}/answer", {
            "answered_on": day(), "answer": "Đã trả lời"}, ("personal_data_request",))],
        "personal_data.erase": [Case(f"/personal-data/requests/{t.data_request}/erase", {"confirm": "y"},
                                     ("personal_data_request", "person", "opinion", "user"))],
        "people.create": [Field("/people/new", {"full_name": "Người Mới", "home_unit_id": t.ward}, ("person",)),
                          Field("/people/new", {"full_name": "Người Mới"}, ("person",))],
        "reports.schedules": [Field("/reports/schedules", {"group_id": t.group, "frequency": "quarterly",
                                                          "due_day": "5", "months_after": "0",
                                                          "starts_on": "01/01/2026"}, ("report_schedule",))],
        "reports.submit": [Field("/reports/submit", {"schedule_id": t.schedule, "period_key": t.rule_key,
                                                    "text": "Báo cáo tháng"}, ("report_submission",))],
        "targets.delete_indicator": [Case(f"/targets/indicator/{t.indicator}/delete", {}, ("target_indicator",))],
        "targets.update_indicator": [Case(f"/targets/indicator/{t.indicator}/edit",
                                          {"name": "Chỉ tiêu", "year": "2026", "target_value": "5"},
                                          ("target_indicator",))],
        "targets.record_measurement": [Case(f"/targets/indicator/{t.indicator}/measurements",
                                            {"measured_on": day(), "value": "3"}, ("target_measurement",))],
        "targets.delete_measurement": [Case(f"/targets/measurement/{t.measurement}/delete", {},
                                            ("target_measurement",))],
        "targets.create_indicator": [Case(f"/targets/unit/{t.ward}/indicators",
                                          {"name": "Chỉ tiêu", "year": "2026", "target_value": "5"},
                                          ("target_indicator",))],
        "tasks.add_progress": [Case(f"/tasks/{t.task}/notes", {"noted_on": day(), "text": "Đã làm"},
                                    ("task_note",))],
        "tasks.change_status": [Case(f"/tasks/{t.task}/status", {"status": "done"}, ("task",))],
        "tasks.create": [Field("/tasks/new", {**task, "owner_kind": "unit", "owner_unit_id": t.ward}, ("task",)),
                         Field("/tasks/new", {**task, "owner_kind": "group", "owner_group_id": t.group}, ("task",)),
                         Field("/tasks/new", {**task, "owner_kind": "person", "owner_person_id": t.person},
                              ("task",)),
                         *[Field("/tasks/new", {**task, "owner_kind": "unit", "owner_unit_id": t.ward_b,
                                                "source_kind": kind, "source_id": source}, ("task",))
                           for kind, source in (("feedback", t.feedback), ("conclusion_point", t.point),
                                                ("opinion", t.opinion), ("field_visit", t.visit))]],
        "units.edit": [Case(f"/units/{t.cell}/edit", {"name": "Chi bộ đã sửa", "kind": "cell",
                                                      "sector": "residential", "parent_id": t.ward_b}, ("unit",)),
                       Field(f"/units/{t.ward_b}/edit", {"name": "Đảng bộ phường B", "kind": "party_committee",
                                                        "sector": "ward", "parent_id": t.ward}, ("unit",))],
        "units.identity": [Case(f"/units/{t.ward}/identity", {"committee_name": "Đảng ủy phường A"},
                                ("org_identity",))],
        "units.create": [Field("/units/new", {"name": "Chi bộ mới", "kind": "cell", "sector": "residential",
                                             "parent_id": t.ward}, ("unit",))],
        "visits.to_feedback": [Case(f"/visits/{t.visit}/feedback", {"category_id": t.category},
                                    ("feedback_item", "field_visit"))],
        "visits.create": [Field("/visits/new", {"unit_id": t.followed_cell, "visited_on": day(), "findings": "Tốt"},
                                ("field_visit",), control="thanhvien")],
    }


def post_endpoints(app) -> set[str]:
    return {rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods} - OWN_ACCOUNT


def test_every_post_route_has_tampering_cases(app, town):
    ids, _clients = town
    assert post_endpoints(app) - set(cases(ids)) == set()


def _snapshot(tables) -> dict:
    snapshot = {"audit": db.session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.table_name.not_in(BOOKKEEPING)))}
    for name in tables:
        table = db.metadata.tables[name]
        rows = sorted(repr(tuple(row)) for row in db.session.execute(table.select()))
        snapshot[name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return snapshot


def _endpoint_names():
    """The table's endpoints that name an id to tamper with (the others are listed with the reason)."""
    return sorted(endpoint for endpoint, listed in cases(NoTown()).items() if listed)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value)
@pytest.mark.parametrize("endpoint", _endpoint_names())
def test_ward_b_users_cannot_write_ward_a_records(town, endpoint, role):
    ids, clients = town
    failures = []
    for case in cases(ids)[endpoint]:
        for headers in ({}, {"HX-Request": "true"}):
            db.session.expire_all()
            before = _snapshot(case.tables)
            status = clients[role].post(case.url, data=case.form(clients), headers=headers).status_code
            db.session.rollback()
            after = _snapshot(case.tables)
            if status not in (FIELD_REFUSED if case.field else URL_REFUSED) | case.refusal or after != before:
                changed = sorted(k for k in before if before[k] != after[k])
                failures.append(f"{case.url} {case.data} {'htmx' if headers else 'page'}: {status} {changed}")
    assert failures == []


def _field_endpoints():
    return sorted(endpoint for endpoint, listed in cases(NoTown()).items()
                  if any(case.field and case.control for case in listed))


@pytest.mark.parametrize("endpoint", _field_endpoints())
def test_the_same_forms_pass_for_a_town_wide_admin(town, endpoint):
    """The control (run after every tampering test): the forms whose id fields name ward-A records are valid
    otherwise, so their refusal above is the scope's. A town-wide admin's post of each (a visit: the demo
    member's, who follows ward A's cells) is taken and writes."""
    ids, clients = town
    failures = []
    controlled = [case for case in cases(ids)[endpoint] if case.field and case.control]
    forms = [case.form(clients) for case in controlled]   # read before the first post changes the pages
    for case, form in zip(controlled, forms):
        db.session.expire_all()
        before = _snapshot(case.tables)
        response = clients[case.control].post(case.url, data=form)
        db.session.rollback()
        if response.status_code not in (200, 302) or _snapshot(case.tables) == before:
            failures.append(f"{case.url} {case.data}: {response.status_code}")
    assert failures == []
