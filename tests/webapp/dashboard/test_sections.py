"""The ranking and the heatmap come a page of members at a time, so the dashboard stays light."""
import re
from datetime import date

import pytest

from tests.webapp.dashboard.pages import lazy_sections, whole_dashboard
from webapp.dashboard import views
from webapp.dashboard.figures import dashboard as figures
from webapp.models import MemberRole, Role


@pytest.fixture
def many_members(make_group, make_person, make_membership):
    group = make_group(number=1)
    for n in range(7):
        make_membership(
            make_person(f"Nguyễn Văn Thành Viên {n:02d}"), group, MemberRole.MEMBER, start=date(2025, 10, 15)
        )
    return group


def test_ranking_and_heatmap_are_paginated(client, as_role, many_members, monkeypatch):
    monkeypatch.setattr(views, "MEMBER_ROWS", 3)
    as_role(Role.LEADERSHIP)
    page = whole_dashboard(client, "/dashboard/?period=year&year=2026")
    assert "Trang 1 / 3" in page
    section = client.get("/dashboard/section/ranking?period=year&year=2026&ranking_page=3",
                         headers={"HX-Request": "true"})
    body = section.get_data(as_text=True)
    assert section.status_code == 200 and "<html" not in body and 'id="ranking"' in body
    assert "Trang 3 / 3" in body and body.count("Thành Viên") == 1
    heat = client.get("/dashboard/section/heatmap?period=year&year=2026&heatmap_page=2",
                      headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'id="heatmap"' in heat and heat.count("Thành Viên") == 3


def test_unknown_section_is_404(client, as_role):
    as_role(Role.ADMIN)
    assert client.get("/dashboard/section/khac").status_code == 404


def test_sections_are_for_leadership_and_admins(client, as_role):
    as_role(Role.UNIT_OFFICER)
    assert client.get("/dashboard/section/ranking").status_code == 403


def _section(html: str, name: str) -> str:
    """The section as loaded (not its placeholder)."""
    start = re.search(f'<section id="{name}"(?! class="lazy-section")[^>]*>', html).start()
    return html[start:html.index("</section>", start) + len("</section>")]


@pytest.mark.parametrize("name, shown", [
    ("ranking", "Nguyễn Văn An"), ("heatmap", "Nguyễn Văn An"), ("groups", "66,7 %"), ("flagged", "Phạm Văn Dũng"),
    ("obligations", "Nguyễn Văn An"), ("coverage", "<li>Chi bộ Tổ dân phố 3</li>"),
])
def test_a_section_swap_shows_what_its_own_page_shows(client, as_role, town, name, shown):
    """A section's URL loaded as a page is the dashboard with that section in place; HTMX gets the section alone."""
    as_role(Role.LEADERSHIP)
    first = client.get("/dashboard/?period=year&year=2026").get_data(as_text=True)
    assert shown not in first and name in lazy_sections(first)
    page = client.get(f"/dashboard/section/{name}?period=year&year=2026").get_data(as_text=True)
    assert "<h1>Theo dõi hoạt động các Đoàn công tác</h1>" in page and name not in lazy_sections(page)
    swap = client.get(f"/dashboard/section/{name}?period=year&year=2026", headers={"HX-Request": "true"})
    assert swap.status_code == 200
    assert shown in _section(page, name)
    assert _section(swap.get_data(as_text=True), name) == _section(page, name)


def _refuse(*args, **kwargs):
    raise AssertionError("a figure this page does not show was computed")


NOT_HEADLINE = ("feedback_breakdown", "tasks_by_status_age", "member_visits", "member_obligations", "indicator_figures",
                "report_standings", "group_figures", "cell_evidence")


def test_the_first_response_computes_the_headline_only(client, as_role, town, monkeypatch):
    for name in NOT_HEADLINE:
        monkeypatch.setattr(figures, name, _refuse)
    as_role(Role.LEADERSHIP)
    first = client.get("/dashboard/?period=year&year=2026")
    assert first.status_code == 200 and len(lazy_sections(first.get_data(as_text=True))) == len(views.SECTIONS)


def test_the_obligations_section_does_not_compute_the_group_figures(client, as_role, town, monkeypatch):
    for name in ("group_figures", "report_standings", "feedback_breakdown", "member_visits"):
        monkeypatch.setattr(figures, name, _refuse)
    as_role(Role.LEADERSHIP)
    swap = client.get("/dashboard/section/obligations?period=year&year=2026", headers={"HX-Request": "true"})
    assert swap.status_code == 200 and "Đoàn công tác số 1:" in swap.get_data(as_text=True)


def test_a_section_swap_does_not_build_the_whole_dashboard(client, as_role, town, monkeypatch):
    for name in (*NOT_HEADLINE, "uncovered_units", "unattended_cells", "build_dashboard"):
        monkeypatch.setattr(figures, name, _refuse)
    monkeypatch.setattr(views, "build_dashboard", _refuse)
    as_role(Role.LEADERSHIP)
    swap = client.get("/dashboard/section/ranking?period=year&year=2026", headers={"HX-Request": "true"})
    assert swap.status_code == 200 and "Nguyễn Văn An" in swap.get_data(as_text=True)
