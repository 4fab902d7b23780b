"""The ranking and the heatmap come a page of members at a time, so the dashboard stays light."""
from datetime import date

import pytest

from webapp.dashboard import views
from webapp.models import MemberRole, Role


@pytest.fixture
def many_members(make_group, make_person, make_membership):
    group = make_group(number=1)
    for n in range(7):
        make_membership(make_person(f"Nguyễn Văn Thành Viên {n:02d}"), group, MemberRole.MEMBER, start=date(2025, 10, 15))
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
