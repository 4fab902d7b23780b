"""No request answers 500, whatever arrives: empty forms, junk text, numbers too large for the database, impossible
dates — posted to every POST route of the demo town (as a page and as HTMX), and as the query of every page."""
import re

import pytest

from webapp.demo import load_demo

FIELDS = ["name", "title", "date", "held_on", "deadline", "status", "unit_id", "person_id", "group_id", "role",
          "start_date", "end_date", "kind", "text", "content", "value", "number", "year", "target_value",
          "measured_on", "category_id", "received_on", "due_on", "period", "frequency", "reason", "starts_at",
          "unit_ids", "position", "day_of_month", "owner_kind", "source_id", "term_id", "parent_id", "sector"]
PAYLOADS = {
    "empty": {},
    "junk": {k: "'\"<b>%00\u202e" for k in FIELDS},
    "nul": {k: "Nguyễn\x00\x1b Văn" for k in FIELDS},
    "huge": {k: "99999999999999999999" for k in FIELDS},
    "dates": {k: "31/02/2026" for k in FIELDS},
}


@pytest.fixture
def demo_admin(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    load_demo()
    assert client.post("/auth/login", data={"username": "admin", "password": "doancongtac"}).status_code == 302
    return client


def post_routes(app) -> list[str]:
    return sorted({re.sub(r"<(?:int:)?[^>]+>", "1", rule.rule) for rule in app.url_map.iter_rules()
                   if "POST" in rule.methods and rule.endpoint != "auth.logout"})


def test_no_post_route_answers_500(app, demo_admin):
    failures = []
    for url in post_routes(app):
        for name, payload in PAYLOADS.items():
            for headers in ({}, {"HX-Request": "true"}):
                status = demo_admin.post(url, data=payload, headers=headers).status_code
                if status >= 500:
                    failures.append(f"{url} {name} {'htmx' if headers else 'page'}: {status}")
    assert failures == []


QUERY_KEYS = ["page", "year", "month", "quarter", "from", "to", "q", "group", "unit", "person", "status", "kind",
              "days", "term", "period", "threshold", "months", "category", "overdue", "source_id", "ranking_page"]


def get_routes(app) -> list[str]:
    urls = set()
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and not rule.rule.startswith("/static"):
            for ident in ("1", "99999999999999999999"):
                urls.add(re.sub(r"<[^>]+>", "x", re.sub(r"<(?:int:)?[a-z_]+>", ident, rule.rule)))
    return sorted(urls)


def test_no_page_answers_500_to_junk_query_arguments(app, demo_admin):
    failures = []
    for url in get_routes(app):
        for junk in ("abc", "99999999999999999999", "31/02/2026"):
            status = demo_admin.get(url, query_string=dict.fromkeys(QUERY_KEYS, junk)).status_code
            if status >= 500:
                failures.append(f"{url}?…={junk}: {status}")
    assert failures == []
