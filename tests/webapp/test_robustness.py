"""No POST answers 500, whatever arrives: empty forms, junk text, numbers too large for the database, impossible
dates — sent to every POST route of the demo town, as a full page and as an HTMX request."""
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
