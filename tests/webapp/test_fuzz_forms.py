"""Bad input, posted to every form (#21.6): every POST route of `app.url_map`, with the fields of the page's own
form where a page shows it (else the tampering table's data, else generic field names), each field given every
bad value in turn — NUL and other control characters, over-long text, right-to-left and zero-width marks,
formulas, markup, SQL, huge and negative numbers, impossible dates, impossible ids.

Asserted per route: no answer is a 500; nothing stored holds a NUL; no stored text is longer than its column;
an over-long value is refused, never stored cut short. The town is the write-scope test's (`town`: the demo town
plus ward-A records of every kind); its town-wide admin posts, so the forms are otherwise valid and do write."""
import io
import re
from dataclasses import replace

import pytest
from sqlalchemy import Enum, String, func, select

from tests.webapp import test_write_scope as scope
from tests.webapp.scope_town import NoTown
from tests.webapp.test_robustness import FIELDS
from tests.webapp.test_write_scope import OWN_ACCOUNT, Case, _Forms, cases
from webapp.extensions import db
from webapp.models import Role

town, _clean_database = scope.town, scope._clean_database   # the write-scope test's town, one per module
# Routes that end the posting client's session: fuzzing them would log the fuzzer out.
SESSION_ENDERS = {"auth.logout", "auth.logout_everywhere_view"}
LONG = (10_000, 256, 161, 81)   # beyond Text-sized limits, and one past the common String(255/160/80) columns
TAG = re.compile(r"FZ\d{6}")
BAD = ["Nguyễn\x00Văn", "\x00", "a\x01\x07\x08\x0b\x0c\x1b\x7fb", "\u202egnp.exe\u200b\u200d\ufeff 😀👍🏽",
       "=cmd|' /C calc'!A0", "<script>alert(1)</script>", "' OR 1=1 --", str(10**30), "-5", "31/02/2026",
       "0000-00-00", "9999-12-31", "-1", "0", "abc", "1e9"]
QUICK = ["Nguyễn\x00Văn", "\u202e😀\u200b", str(10**30), "31/02/2026", "-1"]   # one of each kind, plus LONG


class Posts:
    """Numbers the over-long values so a stored one can be traced to what was posted."""

    def __init__(self):
        self.sent = {}

    def long(self, length: int) -> str:
        tag = f"FZ{len(self.sent):06d}"
        self.sent[tag] = tag + "x" * (length - len(tag))
        return self.sent[tag]


def _url(rule) -> str:
    return re.sub(r"<(?:int:)?[^>]+>", "1", rule.rule)


def _route_cases(app) -> dict[str, str]:
    """Every POST endpoint (those that end the session aside) → a URL to post to when the table has none."""
    return {rule.endpoint: _url(rule) for rule in app.url_map.iter_rules()
            if "POST" in rule.methods and rule.endpoint not in SESSION_ENDERS}


def _form(case: Case, client) -> dict | None:
    """The form a browser would post to `case.url`: the fields of a page showing it (the case's page, else the
    URL itself), `case.data` swapped in; None when no page shows it and the case has no data (a button)."""
    page = case.page or case.url
    response = client.get(page)
    parser = _Forms(page)
    if response.status_code == 200:
        parser.feed(response.get_data(as_text=True))
    found = case.url in parser.forms
    form = replace(case, page=page if found else None).form({Role.ADMIN: client})
    return form if found or case.data else None


def _fresh(form: dict) -> dict:
    """The form with each upload a new file (a posted one is consumed)."""
    return {k: (io.BytesIO(v[0].getvalue()), *v[1:]) if isinstance(v, tuple) else v for k, v in form.items()}


def _stored_faults(posts: Posts) -> list[str]:
    """Stored text holding a NUL, longer than its column, or an over-long value cut short."""
    faults = []
    sqlite = db.engine.dialect.name == "sqlite"
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, String) or isinstance(column.type, Enum):
                continue
            where = column.like("FZ%")
            if column.type.length:
                where |= func.length(column) > column.type.length
            if sqlite:
                where |= func.instr(column, func.char(0)) > 0
            for value in db.session.scalars(select(column).where(where).limit(5)):
                sent = posts.sent.get(value[:8], "") if TAG.match(value) else ""
                if "\x00" in value:
                    faults.append(f"{column}: NUL stored")
                elif column.type.length and len(value) > column.type.length:
                    faults.append(f"{column}: {len(value)} characters stored in {column.type.length}")
                elif sent and len(value) < len(sent) and sent.startswith(value):
                    faults.append(f"{column}: {len(sent)} characters posted, {len(value)} stored")
    return faults


def fuzz(app, town, endpoint: str, values: list[str]) -> list[str]:
    ids, clients = town
    listed = cases(ids).get(endpoint) or [Case(_route_cases(app)[endpoint])]
    case = listed[0]
    client = clients[case.control] if case.control in clients else clients["town"]
    form, posts, failures = _form(case, client), Posts(), []
    before = set(_stored_faults(posts))
    # each field in turn, the rest of the form valid; a button (no form) gets every generic field at once
    posted = [(name, None) for name in form if name != "csrf_token" and not isinstance(form[name], tuple)] \
        if form is not None else [("*", dict.fromkeys(FIELDS))]
    for name, generic in posted:
        for value in values + [posts.long(n) for n in LONG]:
            data = dict.fromkeys(generic, value) if generic else {**_fresh(form), name: value}
            try:
                status = client.post(case.url, data=data).status_code
            except Exception as error:  # noqa: BLE001 (reported with the request that raised it)
                status = f"{type(error).__name__}: {str(error)[:160]}"
            db.session.rollback()
            if not isinstance(status, int) or status >= 500:
                failures.append(f"{case.url} {name}={value[:20]!r}: {status}")
    for name in [k for k, v in (form or {}).items() if isinstance(v, tuple)]:
        # a file name is fitted to its column, its extension kept (`request_input.fit_file_name`): no tag
        upload = (io.BytesIO(b"%PDF-1.4"), "\x00\x1b" + "n" * 400 + ".pdf", "application/" + "x" * 300)
        status = client.post(case.url, data={**_fresh(form), name: upload}).status_code
        if status >= 500:
            failures.append(f"{case.url} {name}=<hostile upload>: {status}")
    db.session.rollback()
    return failures + [fault for fault in _stored_faults(posts) if fault not in before]


def _endpoints() -> list[str]:
    """The table's endpoints (the routes it lacks are fuzzed by `test_routes_missing_from_the_table`)."""
    return sorted(set(cases(NoTown())) | OWN_ACCOUNT - SESSION_ENDERS)


@pytest.mark.parametrize("endpoint", _endpoints())
def test_bad_input_is_refused_or_stored_whole(app, town, endpoint):
    failures = fuzz(app, town, endpoint, QUICK)
    assert not failures, "\n".join(failures)


def test_routes_missing_from_the_table(app, town):
    """A route the tables above do not know yet is fuzzed generically."""
    failures = []
    for endpoint in sorted(set(_route_cases(app)) - set(_endpoints())):
        failures += fuzz(app, town, endpoint, QUICK)
    assert not failures, "\n".join(failures)


@pytest.mark.fuzz
@pytest.mark.parametrize("endpoint", _endpoints())
def test_every_bad_value_on_every_field(app, town, endpoint, request):
    """The exhaustive list, run when asked for: `pytest -m fuzz tests/webapp/test_fuzz_forms.py`."""
    if "fuzz" not in (request.config.option.markexpr or ""):
        pytest.skip("the exhaustive fuzz runs with -m fuzz")
    failures = fuzz(app, town, endpoint, BAD)
    assert not failures, "\n".join(failures)


PERIODS = [{"month": "9999-12", "period": "year", "year": "2100"}, {"period": "month", "year": "0", "month": "0"},
           {"period": "custom", "from": "0000-00-00", "to": "9999-12-31"}, {"year": str(10**30), "month": "-1"},
           {"period": "quarter", "quarter": "5", "from": "31/02/2026", "to": "1e9", "day": "9999-12-31"}]


def test_out_of_range_dates_and_periods_are_refused_with_a_message(town):
    _ids, clients = town
    response = clients["town"].get("/dashboard/records/attendance", query_string=PERIODS[0])
    assert response.status_code == 400 and "Tháng không hợp lệ" in response.get_data(as_text=True)


def test_no_page_answers_500_to_dates_and_periods_out_of_range(app, town):
    _ids, clients = town
    failures = []
    for url in sorted({_url(rule) for rule in app.url_map.iter_rules() if "GET" in rule.methods
                       and rule.endpoint not in SESSION_ENDERS
                       and not rule.rule.startswith("/static") and "<" not in re.sub(r"<int:\w+>", "", rule.rule)}):
        for query in PERIODS:
            try:
                status = clients["town"].get(url, query_string=query).status_code
            except Exception as error:  # noqa: BLE001 (reported with the request that raised it)
                status = f"{type(error).__name__}: {str(error)[:160]}"
            db.session.rollback()
            if not isinstance(status, int) or status >= 500:
                failures.append(f"{url}?{query}: {status}")
    assert not failures, "\n".join(failures)
