"""The dashboard's first response: light on the demo town, and its figures kept until the data changes."""
import re
from datetime import date

from tests.webapp.dashboard.conftest import P
from tests.webapp.dashboard.pages import lazy_sections, whole_dashboard
from webapp.dashboard import views
from webapp.dashboard.figures import dashboard as figures
from webapp.demo import load_demo
from webapp.models import Role

YEAR = {"period": "year", "year": "2026"}
FIRST_RESPONSE_LIMIT = 60 * 1024


def test_the_demo_towns_first_response_carries_the_headline_within_60_kb(client):
    load_demo()
    assert client.post("/auth/login", data={"username": "admin", "password": "doancongtac"}).status_code == 302
    response = client.get("/dashboard/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="headline"' in html
    assert len(response.data) <= FIRST_RESPONSE_LIMIT, len(response.data)
    assert set(lazy_sections(html)) == set(views.SECTIONS)
    assert len(whole_dashboard(client).encode()) > FIRST_RESPONSE_LIMIT  # what it leaves out is there, on reveal


def _headline(client, **args) -> list[str]:
    html = client.get("/dashboard/", query_string={**YEAR, **args}).get_data(as_text=True)
    block = html[html.index('id="headline"'):html.index("</div>", html.index('id="headline"'))]
    return [re.sub(r"<[^>]+>", "", figure) for figure in re.findall(r"<h2>(.*?)</h2>", block)]


def _refuse(*args, **kwargs):
    raise AssertionError("computed again although nothing changed")


def test_the_headline_is_kept_until_a_write_changes_it(client, as_role, town, make_meeting, monkeypatch):
    as_role(Role.LEADERSHIP)
    before = _headline(client)
    assert before[1] == "5" and before[2] == "81,8 %"  # A, B, C, D and F; 9 of 11 counted marks attended
    with monkeypatch.context() as patched:  # nothing written: the same figures, not computed again
        for name in ("member_board", "uncovered_units", "unattended_cells", "groups_in_view"):
            patched.setattr(figures, name, _refuse)
        assert _headline(client) == before
    make_meeting([town.c2], date(2026, 5, 12), marks=[(town.a, P)])  # A follows C2 since April: counted
    after = _headline(client)
    assert after[2] == "83,3 %" and after[:2] == before[:2]


def test_each_scope_has_its_own_figures(client, as_role, town):
    as_role(Role.LEADERSHIP)
    town_wide = _headline(client)
    client.post("/auth/logout")
    as_role(Role.LEADERSHIP, scope_unit=town.ward)
    ward = _headline(client)
    assert town_wide[1] == "5" and ward[1] == "3"  # in the ward: A, B and F; C follows nothing, D a cell outside



def test_kept_figures_are_filed_by_scope_and_filters(make_user, app, town):
    """Under one data version, a ward's leadership never gets the town's kept figures, nor one period another's."""
    from dataclasses import replace

    from webapp.dashboard.filters import parse_filters

    user = make_user(Role.LEADERSHIP)
    with app.test_request_context():
        f = parse_filters(YEAR, user, today=date(2026, 6, 1))
    ward = replace(f, scope=town.ward.path)
    quarter = replace(f, period="quarter", quarter=1, end=date(2026, 3, 31))
    town_wide = figures.dashboard_view(f).headline
    assert town_wide.members == 5
    assert figures.dashboard_view(ward).headline.members == 3
    assert figures.dashboard_view(quarter).headline.total != town_wide.total
    assert figures.dashboard_view(f).headline is town_wide  # kept, not computed again
