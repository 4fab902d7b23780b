"""The ranking and the heatmap come a page of members at a time, so the dashboard stays light."""
from datetime import date

import pytest

from webapp.dashboard import views
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
    page = client.get("/dashboard/?period=year&year=2026").get_data(as_text=True)
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
    start = html.index(f'<section id="{name}">')
    return html[start:html.index("</section>", start) + len("</section>")]


@pytest.mark.parametrize("name", ["ranking", "heatmap"])
def test_a_section_swap_shows_what_the_whole_page_shows(client, as_role, town, name):
    as_role(Role.LEADERSHIP)
    page = client.get("/dashboard/?period=year&year=2026").get_data(as_text=True)
    swap = client.get(f"/dashboard/section/{name}?period=year&year=2026", headers={"HX-Request": "true"})
    assert swap.status_code == 200
    assert "Nguyễn Văn An" in _section(page, name)
    assert _section(swap.get_data(as_text=True), name) == _section(page, name)


def test_a_section_swap_does_not_build_the_whole_dashboard(client, as_role, town, monkeypatch):
    def whole_dashboard(*args, **kwargs):
        raise AssertionError("the swap needs the member figures only")

    monkeypatch.setattr(views, "build_dashboard", whole_dashboard)
    as_role(Role.LEADERSHIP)
    swap = client.get("/dashboard/section/ranking?period=year&year=2026", headers={"HX-Request": "true"})
    assert swap.status_code == 200 and "Nguyễn Văn An" in swap.get_data(as_text=True)
