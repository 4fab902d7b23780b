"""#21: sensitivity is a property of the record, carried to every copy. The sweep loads each demo shape (town, ward,
province; one database per shape, shared by its tests), plants unique
markers in a restricted complaint (its content, citizen, notes, answer and an attachment's name) and in a field
visit whose difficulty was raised as a restricted complaint (its text, and the tasks made from it while it was
still open), all through the app's own services; then, as every login, it walks every page and fragment the app
links (with and without HX-Request for htmx links), reads every download (.xlsx cells, .docx paragraphs and tables,
.ics, JSON, files) and the personal-data pages, and asserts each marker is shown to exactly the logins allowed to
read it (admins, leadership, the assigned handler, the visit's author) and to nobody else. One test per shape and
login."""
import html
import json
import re
from collections import deque
from contextlib import ExitStack
from datetime import timedelta
from io import BytesIO

import pytest
from docx import Document
from flask import url_for
from openpyxl import load_workbook
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from tests.conftest import RequestClient, app_for_tests, own_database_url
from tests.webapp.page_checks import Page
from tests.webapp.test_walk import PASSWORD, _pattern, _same_site
from webapp.auth.services import create_user
from webapp.clock import local_today
from webapp.core.audit_values import shown_values
from webapp.demo import load_demo
from webapp.extensions import db
from webapp.feedback.services import record_feedback, save_category, transition
from webapp.models import AuditLog, FeedbackStatus, Role, Task, Unit, User
from webapp.restricted import can_see_task_text, task_text_visible_clause
from webapp.tasks.queries import TaskFilters, task_select
from webapp.tasks.services import create_task
from webapp.visits.queries import followed_assignments
from webapp.visits.services import raise_feedback, record_visit

PAGES_PER_LOGIN = 400
IDS_PER_PATTERN = 2
SKIPPED = re.compile(r"^/(static|auth/logout|auth/locale)(/|$)")
# Markers: unique tokens no page would show by chance. F*: the complaint; V*: the visit (and its copies).
COMPLAINT = {"content": "QZFCONTENT4417", "citizen": "QZFCITIZEN4417", "forward": "QZFFORWARDNOTE4417",
             "answer": "QZFANSWER4417", "file": "QZFATTACH4417"}
VISIT = {"findings": "QZVFINDINGS5521", "difficulties": "QZVDIFFICULTY5521", "met_with": "QZVMETWITH5521"}


def _plant(app) -> dict:
    """The restricted records and their copies, made through the services; returns what the sweep needs."""
    today = local_today()
    users = {u.username: u for u in db.session.scalars(select(User))}
    officer_ward = users["canbo"].scope_unit  # a ward's committee in the town and province, a cell in the ward
    other_ward = db.session.scalars(select(Unit).where(Unit.parent_id == officer_ward.parent_id,
                                                       Unit.kind == officer_ward.kind,
                                                       Unit.id != officer_ward.id).order_by(Unit.id)).first()
    member = users["thanhvien"]
    handler = create_user("xuly", PASSWORD, Role.MEMBER, "Người xử lý")
    create_user("canbo2", PASSWORD, Role.UNIT_OFFICER, f"Cán bộ {other_ward.name}", other_ward.id, None)
    admin = users["admin"]
    category = save_category(None, name="Tố cáo (kiểm tra)", restricted=True, sla_days=30)
    cell = db.session.scalars(select(Unit).where(Unit.parent_id == officer_ward.id).order_by(Unit.id)).first() \
        or officer_ward
    upload = FileStorage(BytesIO(b"%PDF-1.4 " + COMPLAINT["content"].encode()), filename=f"{COMPLAINT['file']}.pdf",
                         content_type="application/pdf")
    complaint = record_feedback(users["canbo"], received_on=today, category=category, unit=cell,
                                content=f"Nội dung {COMPLAINT['content']}", source_person=member.person,
                                citizen_ref=COMPLAINT["citizen"], files=[upload])
    transition(complaint, users["canbo"], FeedbackStatus.FORWARDED, handler=handler, note=COMPLAINT["forward"])
    transition(complaint, handler, FeedbackStatus.ANSWERED, note=f"Trả lời {COMPLAINT['answer']}")

    followed = followed_assignments(member.person_id, today)[0]
    visit = record_visit(member, visitor_id=member.person_id, unit=followed.unit, visited_on=today,
                         findings=f"Tình hình {VISIT['findings']}", met_with=VISIT["met_with"],
                         difficulties=f"Kiến nghị {VISIT['difficulties']}")
    # Tasks made from the visit while its text was still open, titled as the visit page's link fills them in.
    head = users["truongdoan1"].person
    # (due today, those of the unit and of a person are on the unit's timeline and the dashboard's task records)
    tasks = [create_task(admin, title=visit.difficulties[:300], deadline=today + timedelta(days=days), **owner,
                         source_kind="field_visit", source_id=visit.id)
             for days, owner in ((3, {"owner_group": visit.group}), (0, {"owner_unit": visit.unit}),
                                 (0, {"owner_person": head}))]
    # and a task an officer made from the complaint, naming what is to be verified
    tasks.append(create_task(users["canbo"], title=f"Xác minh {COMPLAINT['content']}", owner_unit=cell,
                             deadline=today + timedelta(days=2), source_kind="feedback", source_id=complaint.id))
    raised = raise_feedback(member, visit, category)
    transition(raised, admin, FeedbackStatus.FORWARDED, handler=handler, note="Chuyển người xử lý")
    db.session.commit()
    with app.test_request_context():
        seeds = [url_for("feedback.detail", item_id=complaint.id), url_for("feedback.detail", item_id=raised.id),
                 url_for("feedback.download", attachment_id=complaint.attachments[0].id),
                 url_for("visits.detail", visit_id=visit.id), url_for("timeline.unit", unit_id=visit.unit_id),
                 url_for("timeline.unit", unit_id=cell.id), url_for("notifications.index"),
                 url_for("personal_data.index", person_id=member.person_id),
                 url_for("personal_data.export_xlsx", person_id=member.person_id),
                 url_for("personal_data.export_json", person_id=member.person_id)]
        seeds += [url_for("tasks.detail", task_id=task.id) for task in tasks]
        seeds.append(url_for("dashboard.records", kind="tasks", person=head.id))
    return {"seeds": seeds}


def _xlsx_text(data: bytes) -> str:
    book = load_workbook(BytesIO(data), read_only=True)
    return " ".join(str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                    for value in row if value is not None)


def _docx_text(data: bytes) -> str:
    document = Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(parts)


def _readable_text(response) -> str:
    """Everything a reader gets from one answer: the page's markup (attributes too), a download's cells,
    paragraphs or text, and the name it is saved under."""
    data = response.get_data()
    mimetype = response.mimetype or ""
    if mimetype.endswith("spreadsheetml.sheet"):
        body = _xlsx_text(data)
    elif mimetype.endswith("wordprocessingml.document"):
        body = _docx_text(data)
    else:
        body = html.unescape(data.decode("utf-8", errors="replace"))
    return " ".join([body, response.headers.get("Content-Disposition", ""), response.headers.get("Location", "")])


def _own_link(url: str, href: str) -> str | None:
    target = _same_site(url, href)
    if target is None:  # the walk leaves .ics links out; the sweep reads the feed itself
        target = _same_site(url, href.replace(".ics", ".ics-link"))
        target = target.replace(".ics-link", ".ics") if target else None
    return None if target is None or SKIPPED.search(target) else target


def _calendar_feed(client) -> str:
    """Issue the login's calendar link and read the feed."""
    page = client.post("/notifications/calendar").get_data(as_text=True)
    link = re.search(r"https?://localhost(/notifications/calendar/[^\"'<\s]+\.ics)", page)
    assert link, "no calendar link issued"
    return client.get(link.group(1)).get_data(as_text=True)


def sweep(client, seeds: list[str]) -> list[tuple[str, str]]:
    """Read everything the logged-in client can reach; return (where, what it read) for each answer."""
    seen: set[tuple[str, bool]] = set()
    per_pattern: dict[str, int] = {}
    queue = deque([(url, htmx) for url in seeds for htmx in (False, True)] + [("/", False)])
    texts, read = [("calendar feed", _calendar_feed(client))], 0
    while queue and read < PAGES_PER_LOGIN:
        url, htmx = queue.popleft()
        if (url, htmx) in seen:
            continue
        pattern = _pattern(url) + ("#htmx" if htmx else "")
        if url not in seeds and per_pattern.get(pattern, 0) >= IDS_PER_PATTERN:
            continue
        seen.add((url, htmx))
        per_pattern[pattern] = per_pattern.get(pattern, 0) + 1
        read += 1
        response = client.get(url, headers={"HX-Request": "true"} if htmx else {})
        assert response.status_code < 500, f"GET {url}{' (htmx)' if htmx else ''} -> {response.status_code}"
        if response.status_code >= 400:
            response.close()
            continue
        texts.append((f"GET {url}{' (htmx)' if htmx else ''}", _readable_text(response)))
        response.close()  # a download is a file the answer holds open
        if response.status_code in (301, 302, 303, 307, 308):
            target = _own_link(url, response.headers.get("Location", ""))
            if target and not target.startswith("/auth/login"):
                queue.append((target, False))
            continue
        if not response.mimetype.startswith("text/html"):
            continue
        page = Page()
        page.feed(response.get_data(as_text=True))
        for href, is_htmx in page.links:
            target = _own_link(url, href)
            if target:
                # an htmx link is read as htmx asks for it, and as a page (a bookmark, a reload, a new tab)
                queue.extend([(target, True), (target, False)] if is_htmx else [(target, False)])
    return texts


ALLOWED = {**{marker: {"admin", "lanhdao", "xuly"} for marker in COMPLAINT.values()},
           # the visit's author reads its text; the complaint's handler reads what the complaint copied
           VISIT["findings"]: {"admin", "lanhdao", "thanhvien"},
           VISIT["met_with"]: {"admin", "lanhdao", "thanhvien"},
           VISIT["difficulties"]: {"admin", "lanhdao", "thanhvien", "xuly"}}
LOGINS = ["admin", "lanhdao", "truongdoan1", "canbo", "thanhvien", "xuly", "canbo2"]


@pytest.fixture(scope="module", params=["town", "ward", "province"])
def planted_shape(request, tmp_path_factory):
    """A database of its own per demo shape, loaded and planted once and read by every login's test."""
    with ExitStack() as stack:
        folder = tmp_path_factory.mktemp(f"sweep-{request.param}")
        url = stack.enter_context(own_database_url(folder))
        app = stack.enter_context(app_for_tests(url, folder))
        app.test_client_class = RequestClient
        with app.app_context():
            load_demo(shape=request.param)
            planted = _plant(app)
            db.session.remove()
        yield app, planted


@pytest.mark.parametrize("login", LOGINS)
def test_restricted_text_reaches_only_its_readers_everywhere(planted_shape, login):
    app, planted = planted_shape
    with app.app_context():
        client = app.test_client()
        assert client.post("/auth/login", data={"username": login, "password": PASSWORD}).status_code == 302, login
        texts = sweep(client, planted["seeds"])
        db.session.remove()
    assert len(texts) > 20, (login, len(texts))
    leaks, shown = [], set()
    for where, text in texts:
        for marker in ALLOWED:
            if marker in text:
                shown.add(marker)
                if login not in ALLOWED[marker]:
                    leaks.append(f"{login}: {where} shows {marker}")
    assert not leaks, "\n".join(sorted(set(leaks)))
    # and the login was shown every marker it may read somewhere: the sweep reached each copy
    assert shown == {marker for marker, readers in ALLOWED.items() if login in readers}


def test_the_audit_log_and_the_task_search_show_restricted_text_only_to_its_readers(planted_shape):
    app, _ = planted_shape
    with app.app_context():
        _check_audit_log(LOGINS, ALLOWED)
        _check_task_clause(LOGINS)
        db.session.remove()


def _check_audit_log(logins: list[str], allowed: dict[str, set[str]]) -> None:
    """The audit log keeps every row's values: read by each login (only admins open /audit today, the values
    are blanked by the same reader for anyone else), it shows a marker only to those allowed. The complaint's
    handler may read the visit's text by the visit's rule, though no page of the visit opens to them."""
    entries = db.session.scalars(select(AuditLog).order_by(AuditLog.id)).all()
    for login in logins:
        user = db.session.scalar(select(User).where(User.username == login))
        text = " ".join(json.dumps(shown_values(user, entry), ensure_ascii=False) for entry in entries)
        seen = {marker for marker in allowed if marker in text}
        readers = {marker: allowed[marker] | ({"xuly"} if marker in VISIT.values() else set()) for marker in allowed}
        assert {marker for marker in seen if login not in readers[marker]} == set(), login
        if login == "admin":
            assert seen == set(allowed)


def _check_task_clause(logins: list[str]) -> None:
    """The task text rule's SQL twin (the dashboard's records, the task search) agrees with it for every login
    and task; a search for withheld text finds nothing."""
    tasks = db.session.scalars(select(Task).order_by(Task.id)).all()
    for login in logins:
        user = db.session.scalar(select(User).where(User.username == login))
        visible = set(db.session.scalars(select(Task.id).where(task_text_visible_clause(user))))
        assert {t.id for t in tasks if can_see_task_text(user, t)} == visible, login
        found = db.session.scalars(task_select(user, TaskFilters(q=VISIT["difficulties"]))).all()
        assert all(can_see_task_text(user, task) for task in found), login
