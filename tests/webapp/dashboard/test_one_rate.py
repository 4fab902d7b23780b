"""One attendance rate: every page that shows a member's rate shows the same figure, and every attendance figure of
the dashboard (a heatmap cell, a count in the ranking or the groups' table) is the number of rows its drill-down
lists."""
import re
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from tests.webapp.dashboard.pages import whole_dashboard
from webapp.extensions import db
from webapp.models import (
    Absence,
    AbsenceReason,
    Assessment,
    AttendanceStatus,
    MeetingKind,
    MemberRole,
    Role,
    Sector,
    UnitKind,
)

P, L, E, K = AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT
YEAR = {"period": "year", "year": "2026"}


@pytest.fixture
def history(root_unit, make_unit, make_person, make_group, make_membership, make_assignment, make_meeting, make_user):
    """One member's year: follows C1 until 31/3, then C2. Counted: C1 10/1 present, 10/2 late, 10/3 excused;
    C2 12/4 absent, 12/5 present — 3 of 5. Not counted: C2 12/3 (before the member followed C2, marked absent as
    an imported register would), C1 10/4 (after they stopped following C1, present), C2 12/6 (no mark yet), C2 12/7
    (absent within a declared leave), the group's own meeting (not a followed unit)."""
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    c1 = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, ward)
    c2 = make_unit("Chi bộ Tổ dân phố 2", UnitKind.CELL, Sector.RESIDENTIAL, ward)
    group = make_group(1)
    person = make_person("Nguyễn Văn An")
    membership = make_membership(person, group, MemberRole.MEMBER, start=date(2025, 10, 15))
    make_assignment(membership, c1, start=date(2026, 1, 1), end=date(2026, 3, 31))
    make_assignment(membership, c2, start=date(2026, 4, 1))
    for unit, day, status in [(c1, date(2026, 1, 10), P), (c1, date(2026, 2, 10), L), (c1, date(2026, 3, 10), E),
                              (c2, date(2026, 3, 12), K), (c1, date(2026, 4, 10), P), (c2, date(2026, 4, 12), K),
                              (c2, date(2026, 5, 12), P), (c2, date(2026, 6, 12), None), (c2, date(2026, 7, 12), K)]:
        make_meeting([unit], day, marks=[(person, status)])
    make_meeting([], date(2026, 5, 20), kind=MeetingKind.GROUP, group=group, title="Họp Đoàn", marks=[(person, K)])
    admin = make_user(Role.ADMIN)
    db.session.add(Absence(person_id=person.id, start_date=date(2026, 7, 1), end_date=date(2026, 7, 31),
                           reason=AbsenceReason.ILLNESS, created_by_id=admin.id))
    db.session.commit()
    return person, group, admin


class _Figures(HTMLParser):
    """The text of the elements carrying data-figure (and of their row's data-person / data-member), and the
    drill-down links with their text."""

    def __init__(self):
        super().__init__()
        self.figures, self.links, self._row, self._open, self._link = [], [], {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self._row = attrs
        if "data-figure" in attrs:
            self._open = [attrs["data-figure"], self._row.get("data-person") or self._row.get("data-member"), ""]
        if tag == "a" and "drill" in (attrs.get("class") or "").split():
            self._link = [attrs["href"], ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[2] += data
        if self._link is not None:
            self._link[1] += data

    def handle_endtag(self, tag):
        if tag in ("td", "b") and self._open is not None:
            self.figures.append(tuple(self._open))
            self._open = None
        if tag == "a" and self._link is not None:
            self.links.append(tuple(self._link))
            self._link = None


def parsed(client, url, **args) -> _Figures:
    response = client.get(url, query_string=args)
    assert response.status_code == 200, url
    page = _Figures()
    page.feed(response.get_data(as_text=True))
    return page


def parsed_dashboard(client, **args) -> _Figures:
    """The dashboard with every section it loads on reveal in place."""
    page = _Figures()
    page.feed(whole_dashboard(client, query_string=args))
    return page


def percent(text: str) -> float:
    """'60.0%', '60,0 %' or '3 / 5 (60.0 %)' → 60.0."""
    match = re.search(r"(\d+)[.,](\d)\s*%", text)
    assert match, text
    return float(f"{match[1]}.{match[2]}")


def listed(client, href: str) -> int:
    """The number of rows a drill-down lists, over all its pages."""
    url = urlsplit(href)
    args = {key: values[0] for key, values in parse_qs(url.query).items()}
    count, page = 0, 1
    while True:
        body = client.get(url.path, query_string={**args, "page": page},
                          headers={"HX-Request": "true"}).get_data(as_text=True)  # the panel alone
        table = body[body.index("<tbody>"):body.index("</tbody>")]
        rows = table.count("<tr>") - table.count("Không có bản ghi nào")
        count += rows
        if rows < 25:
            return count
        page += 1


def test_every_page_shows_the_same_rate(client, login, clock, history):
    person, group, admin = history
    clock(datetime(2026, 12, 20, 3, 0, tzinfo=timezone.utc))
    login(admin)
    assert client.post("/assessments/rounds", data={"name": "Đánh giá năm 2026", "start_date": "2026-01-01",
                                                    "end_date": "2026-12-31"}).status_code == 302
    assessment = db.session.scalar(select(Assessment).where(Assessment.person_id == person.id))
    member = f"{group.id}-{person.id}"

    shown = {}
    record = parsed(client, f"/meetings/person/{person.id}/record", year=2026).figures
    shown["person record"] = percent(next(text for name, _row, text in record if name == "rate"))
    counters = {name: text for name, _row, text in record if name != "rate"}
    assert (counters["expected"], counters["declared"], counters["unmarked"]) == ("5", "1", "1")
    listing = client.get(f"/meetings/person/{person.id}/record", query_string={"year": 2026}).get_data(as_text=True)
    assert (listing.count('data-counted="yes"'), listing.count('data-counted="no"')) == (5, 5)
    group_record = parsed(client, f"/meetings/group/{group.id}/record", year=2026).figures
    shown["group record"] = percent(next(text for name, row, text in group_record
                                         if name == "rate" and row == str(person.id)))
    dashboard = parsed_dashboard(client, **YEAR).figures
    obligation, ranking = (text for name, row, text in dashboard if name == "rate" and row == member)
    shown["dashboard"], shown["obligation"] = percent(ranking), percent(obligation)
    drill = {"person": person.id, "group": group.id, **YEAR}
    expected = listed(client, f"/dashboard/records/attendance?{_query(drill)}")
    attended = listed(client, f"/dashboard/records/attendance?{_query({**drill, 'status': 'attended'})}")
    shown["drill-down"] = round(100 * attended / expected, 1)
    detail = parsed(client, f"/assessments/{assessment.id}").figures
    shown["assessment"] = percent(next(text for name, _row, text in detail if name == "attendance"))

    assert shown == dict.fromkeys(shown, 60.0)
    assert (attended, expected) == (3, 5)


def _query(args: dict) -> str:
    return "&".join(f"{key}={value}" for key, value in args.items())


@pytest.mark.parametrize("args", [YEAR, {"period": "quarter", "year": "2026", "quarter": "1"}])
def test_every_attendance_figure_is_the_count_of_its_drill_down(client, as_role, work, args):
    as_role(Role.LEADERSHIP)
    page = parsed_dashboard(client, **args)
    figures = [(href, int(text)) for href, text in page.links
               if "/records/attendance" in href and text.strip().isdigit()]
    heatmap = [href for href, _n in figures if "month=" in href]
    assert heatmap and len(figures) > len(heatmap)
    assert {href: n for href, n in figures} == {href: listed(client, href)
                                                for href, _n in figures}
