"""The dashboard's section on cell meetings by the rules: the quarterly cell scorecard's own verdicts, counted for
the dashboard's quarters and scope, each figure leading to the scorecard filtered to what it counts."""
import re
from datetime import date, datetime, timezone
from html import unescape
from types import SimpleNamespace

import pytest

from tests.query_count import statements_of
from tests.webapp.dashboard.pages import lazy_sections, whole_dashboard
from webapp import data_cache
from webapp.documents.services import adopt_cell_rules
from webapp.extensions import db
from webapp.meetings import scorecard
from webapp.meetings.services import create_meeting, mark_attendance
from webapp.models import AttendanceStatus, Document, MeetingKind, Role, Sector, UnitKind

QUARTER = {"period": "quarter", "year": "2026", "quarter": "1"}
FIGURES = {"member_notice_days": 3, "committee_notice_days": 5, "documents_days": 3, "thematic_per_quarter": 1,
           "min_minutes": 90, "attendance_percent": 50, "max_excused_in_row": 3}


def _at(clock, day: date):
    clock(datetime(day.year, day.month, day.day, 2, 0, tzinfo=timezone.utc))  # 09:00 in the office's zone


def _meeting(clock, entered: date, held_on: date, units, title: str, thematic=False):
    """A cell meeting entered through the service on `entered` (the assigned members are informed that day)."""
    _at(clock, entered)
    meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": held_on, "title": title, "group_id": None,
                              "starts_at": "07:30", "ends_at": "09:30", "members_invited_on": entered,
                              "documents_sent_on": entered, "thematic": thematic}, list(units))
    db.session.commit()
    return meeting


@pytest.fixture
def quarter(root_unit, make_unit, make_person, make_group, make_membership, make_assignment, make_user, clock):
    """Quarter I/2026 under one rule set. Ward Bắc Hồng: TDP 1 holds its thematic meeting but tells the assigned
    member of its March meeting two days ahead (five required); TDP 2 holds no thematic meeting, and its member
    was excused four times in a row (three allowed). Ward Nam Hồng: its own TDP 1 holds no thematic meeting."""
    document = Document(title="Quy định sinh hoạt chi bộ", status="issued", issued_on=date(2025, 10, 1),
                        effective_from=date(2025, 10, 1))
    db.session.add(document)
    adopt_cell_rules(document, FIGURES)
    db.session.commit()
    north = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    south = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    late = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, north)
    plain = make_unit("Chi bộ Tổ dân phố 2", UnitKind.CELL, Sector.RESIDENTIAL, north)
    other = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, south)
    group = make_group(1)
    people = [make_person(name) for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")]
    for person, cell in zip(people, (late, plain, other)):
        make_assignment(make_membership(person, group), cell)
    _meeting(clock, date(2026, 1, 2), date(2026, 1, 10), [late], "TDP 1 tháng 1")
    _meeting(clock, date(2026, 2, 1), date(2026, 2, 10), [late], "TDP 1 chuyên đề", thematic=True)
    _meeting(clock, date(2026, 3, 8), date(2026, 3, 10), [late], "TDP 1 tháng 3")       # informed 2 days ahead
    _meeting(clock, date(2026, 2, 1), date(2026, 2, 12), [other], "Nam Hồng tháng 2")
    admin = make_user(Role.ADMIN, username="marker")
    for held_on in (date(2025, 12, 12), date(2026, 1, 12), date(2026, 2, 12), date(2026, 3, 12)):
        meeting = _meeting(clock, held_on.replace(day=1), held_on, [plain], f"TDP 2 {held_on:%m/%Y}")
        for row in meeting.attendances:
            mark_attendance(row, AttendanceStatus.EXCUSED, None, admin)
        db.session.commit()
    _at(clock, date(2026, 4, 2))
    return SimpleNamespace(north=north, south=south, late=late, plain=plain, other=other, people=people)


def _section(client, query=QUARTER) -> str:
    response = client.get("/dashboard/section/cells", query_string=query, headers={"HX-Request": "true"})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _quarter_row(html: str, quarter: str = "2026-1") -> dict:
    row = re.search(f'<tr data-quarter="{quarter}">(.*?)</tr>', html, re.S)[1]
    figures = dict(re.findall(r'<td data-(?:rule|figure)="(\w+)">(?:<a [^>]*>)?(\d+)', row))
    return {key: int(value) for key, value in figures.items()}


def _missing_rows(html: str) -> dict[int, str]:
    return {int(unit): text for unit, text in re.findall(r'<tr data-unit="(\d+)">(.*?)</tr>', html, re.S)}


def _scorecard_page(client, **args) -> dict:
    """What the scorecard page shows: per cell, its verdict on each rule; and the members it flags."""
    html = client.get("/meetings/cells/scorecard", query_string={"year": 2026, "quarter": 1, **args})
    assert html.status_code == 200
    body = html.get_data(as_text=True)
    cards = {}
    for unit, card in re.findall(r'<section class="cell-card" id="cell-(\d+)".*?>(.*?)</section>', body, re.S):
        cards[int(unit)] = dict(re.findall(r'<tr data-rule="(\w+)" data-verdict="(\w+)">', card))
    flags = re.search(r'id="excused-flags">.*?<tbody>(.*?)</tbody>', body, re.S)
    return {"cards": cards, "flagged": flags[1].count("<tr>") if flags else 0}


def test_the_section_counts_the_scorecards_own_verdicts(client, as_role, quarter):
    as_role(Role.LEADERSHIP)
    html = _section(client)
    figures = _quarter_row(html)
    assert figures["cells"] == 3
    assert (figures["thematic"], figures["committee_notice"], figures["flagged"]) == (2, 1, 1)
    shown = _scorecard_page(client)
    assert len(shown["cards"]) == figures["cells"] and shown["flagged"] == figures["flagged"]
    for key in scorecard.RULES:
        assert figures[key] == sum(1 for card in shown["cards"].values() if card[key] == "missed"), key
    misses = _missing_rows(html)
    assert set(misses) == {unit for unit, card in shown["cards"].items() if "missed" in card.values()}
    assert "Sinh hoạt chuyên đề trong quý" in misses[quarter.plain.id]
    assert "Cấp ủy viên được phân công biết kịp thời" in misses[quarter.late.id]
    assert "Sinh hoạt chuyên đề trong quý" not in misses[quarter.late.id]
    # Two cells bear the name "Chi bộ Tổ dân phố 1": the section names each with its ward.
    assert "Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)" in misses[quarter.late.id]
    assert "Chi bộ Tổ dân phố 1 (Đảng bộ phường Nam Hồng)" in misses[quarter.other.id]


def test_each_figure_links_the_scorecard_filtered_to_what_it_counts(client, as_role, quarter):
    as_role(Role.LEADERSHIP)
    html = _section(client)
    misses = _missing_rows(html)
    link = unescape(re.search(r'href="([^"]+)"', misses[quarter.late.id])[1])
    assert link == f"/meetings/cells/scorecard?year=2026&quarter=1&unit={quarter.late.id}"
    shown = _scorecard_page(client, unit=quarter.late.id)
    assert list(shown["cards"]) == [quarter.late.id] and shown["cards"][quarter.late.id]["committee_notice"] == "missed"
    row = re.search(r'<tr data-quarter="2026-1">(.*?)</tr>', html, re.S)[1]
    thematic = unescape(re.search(r'<td data-rule="thematic"><a href="([^"]+)"', row)[1])
    body = client.get(thematic).get_data(as_text=True)
    assert body.count('class="cell-card"') == 2 and f'id="cell-{quarter.late.id}"' not in body
    flagged = unescape(re.search(r'<td data-figure="flagged"><a href="([^"]+)"', row)[1])
    assert flagged.endswith("#excused-flags") and "Trần Thị Bình" in client.get(flagged).get_data(as_text=True)


def test_a_ward_leader_sees_only_their_wards_cells(client, as_role, quarter):
    as_role(Role.LEADERSHIP, scope_unit=quarter.north)
    html = _section(client)
    figures = _quarter_row(html)
    assert (figures["cells"], figures["thematic"], figures["committee_notice"], figures["flagged"]) == (2, 1, 1, 1)
    assert set(_missing_rows(html)) == {quarter.late.id, quarter.plain.id}
    assert "Nam Hồng" not in html
    shown = _scorecard_page(client)
    assert set(shown["cards"]) == {quarter.late.id, quarter.plain.id}
    assert client.get("/meetings/cells/scorecard", query_string={"unit": quarter.other.id}).status_code == 404


def test_the_dashboards_unit_narrows_the_section(client, as_role, quarter):
    as_role(Role.ADMIN)
    html = _section(client, {**QUARTER, "unit": quarter.south.id})
    assert _quarter_row(html) == {"cells": 1, "members_notice": 0, "committee_notice": 0, "documents": 0,
                                  "thematic": 1, "duration": 0, "attendance": 0, "unexcused": 0, "flagged": 0}
    assert f"unit={quarter.south.id}" in unescape(html)


def test_a_year_shows_each_quarter_begun(client, as_role, quarter, clock):
    _at(clock, date(2026, 5, 2))
    as_role(Role.ADMIN)
    html = _section(client, {"period": "year", "year": "2026"})
    assert re.findall(r'<tr data-quarter="([\d-]+)">', html) == ["2026-1", "2026-2"]
    assert _quarter_row(html, "2026-2")["cells"] == 3       # followed cells, no meeting yet: judged, nothing missed
    assert _quarter_row(html, "2026-1")["thematic"] == 2
    future = _section(client, {"period": "year", "year": "2027"})
    assert "chưa có quý nào để đánh giá" in future


def test_the_section_url_is_the_dashboard_with_the_section_in_place(client, as_role, quarter):
    as_role(Role.LEADERSHIP)
    first = client.get("/dashboard/", query_string=QUARTER).get_data(as_text=True)
    assert "cells" in lazy_sections(first) and "Sinh hoạt chi bộ theo quy định" in first
    page = client.get("/dashboard/section/cells", query_string=QUARTER).get_data(as_text=True)
    assert "<h1>Theo dõi hoạt động các Đoàn công tác</h1>" in page and "cells" not in lazy_sections(page)
    assert 'id="cell-quarters"' in page
    assert 'id="cell-quarters"' in whole_dashboard(client, "/dashboard/", query_string=QUARTER)


def test_the_figures_are_kept_until_a_write(client, as_role, quarter, clock):
    as_role(Role.ADMIN)
    assert _quarter_row(_section(client))["thematic"] == 2
    assert _quarter_row(_section(client))["thematic"] == 2
    _meeting(clock, date(2026, 3, 1), date(2026, 3, 20), [quarter.plain], "TDP 2 chuyên đề", thematic=True)
    _at(clock, date(2026, 4, 2))
    assert _quarter_row(_section(client))["thematic"] == 1


@pytest.mark.parametrize("role, status", [(Role.ADMIN, 200), (Role.LEADERSHIP, 200), (Role.UNIT_OFFICER, 403),
                                          (Role.GROUP_HEAD, 403), (Role.MEMBER, 403)])
def test_the_section_is_for_the_dashboards_readers(client, as_role, role, status):
    as_role(role)
    assert client.get("/dashboard/section/cells").status_code == status


def test_the_section_runs_as_many_statements_for_30_cells_as_for_3(client, as_role, quarter, make_unit, clock):
    as_role(Role.ADMIN)
    url = "/dashboard/section/cells?period=quarter&year=2026&quarter=1"

    def statements() -> int:
        data_cache.clear()  # computed afresh, as after a write
        return len(statements_of(client, url, headers={"HX-Request": "true"}))

    few = statements()
    for n in range(27):
        cell = make_unit(f"Chi bộ Khu phố {n}", UnitKind.CELL, Sector.RESIDENTIAL, quarter.south)
        _meeting(clock, date(2026, 1, 2), date(2026, 1, 20), [cell], f"Khu phố {n}")
    _at(clock, date(2026, 4, 2))
    assert _quarter_row(_section(client))["cells"] == 30
    assert statements() == few
