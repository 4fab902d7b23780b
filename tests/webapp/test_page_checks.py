"""The page walk's checks (page_checks.py) catch a bad page and pass a good one: each is fed a fake page."""
import pytest
from sqlalchemy import select

from tests.webapp.page_checks import Page, PageChecks, utc_evening
from tests.webapp.test_walk import CATALOGUE
from webapp.extensions import db
from webapp.models import Role, Sector, Unit, UnitKind


def page(html: str) -> Page:
    parsed = Page()
    parsed.feed(html)
    return parsed


@pytest.fixture
def town(root_unit, make_unit, make_user, clock):
    """Two wards with a "Chi bộ Tổ dân phố 1" each, written when the office's date is UTC's next day."""
    clock(utc_evening())
    north = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    south = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, north)
    make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, south)
    make_unit("Chi bộ Tổ dân phố 10", UnitKind.CELL, Sector.RESIDENTIAL, south)
    make_user(Role.ADMIN, username="admin")
    db.session.commit()
    return PageChecks.from_database(CATALOGUE)


@pytest.mark.parametrize("html", [
    "<td>present</td>", "<p>Trạng thái: in_progress</p>", "<td>undo_import</td>", "<td>import</td>",
    "<span class='badge'>head</span>", "<p>Vai trò: member</p>", "<option>party_committee</option>",
    "<td>attended</td>", "<td class='small stored'><div>present</div></td>",
])
def test_a_code_shown_for_its_label_is_caught(town, html):
    assert town.defects(page(html), english=False)


@pytest.mark.parametrize("html", ["<td>present</td>", "<td>in_progress</td>", "<p>Status: in_progress</p>"])
def test_a_code_shown_for_its_label_is_caught_in_english_too(town, html):
    assert town.defects(page(html), english=True)


@pytest.mark.parametrize("html,english", [
    ("<td>Có mặt</td><td>Thêm bản ghi</td>", False), ("<td>Present</td>", True),
    ("<p>Members present at the meeting, the head and a deputy</p>", True), ("<td><code>attendance</code></td>", False),
    ("<td>Văn phòng (admin)</td>", False), ("<td>Chi bộ Tổ dân phố 10</td>", False),
    ("<p>Sinh hoạt thường kỳ, Present-day Groupware</p>", False),
])
def test_labels_words_and_identifiers_are_not_codes(town, html, english):
    assert town.defects(page(html), english) == []


@pytest.mark.parametrize("html", ["<td>21:38 05/12/2026</td>", "<td>21:38, 05/12</td>", "<p>05/12/2026 lúc 21:38</p>"])
def test_a_stored_time_on_the_utc_clock_is_caught(town, html):
    assert town.defects(page(html), english=False) == [f"shows 21:38 {'05/12/2026' if '2026' in html else '05/12'}, "
                                                       "a stored time on the UTC clock"]


def test_the_office_clock_and_other_times_pass(town):
    assert town.defects(page("<td>04:38 06/12/2026</td><td>07:30 05/12/2026</td><td>21:38</td>"), False) == []


@pytest.mark.parametrize("html", [
    "<td>Chi bộ Tổ dân phố 1</td>",
    "<td>Chi bộ Tổ dân phố 1 (Đảng bộ thị xã Hồng Sơn)</td>",
    "<ul><li>Đảng bộ thị xã Hồng Sơn<ul><li>Chi bộ Tổ dân phố 1</li></ul></li></ul>",
    "<ul><li>Đảng bộ phường Bắc Hồng</li><li>Chi bộ Tổ dân phố 1</li></ul><p>Chi bộ Tổ dân phố 1</p>",
    "<td class='stored'>Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)</td><td>Chi bộ Tổ dân phố 1</td>",
])
def test_a_shared_unit_name_without_its_ward_is_caught(town, html):
    assert town.defects(page(html), english=False) == ["shows 'Chi bộ Tổ dân phố 1' without the ward"]


@pytest.mark.parametrize("html", [
    "<td>Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)</td><option>· Chi bộ Tổ dân phố 1 (Đảng bộ phường Nam Hồng)",
    "<td><a>Chi bộ Tổ dân phố 1</a> (Đảng bộ phường Nam Hồng)</td>",
    "<nav><ul><li><a>Đảng bộ phường Nam Hồng</a></li>\n  <li>Chi bộ Tổ dân phố 1</li></ul></nav>",
    "<ul><li><a>Đảng bộ phường Bắc Hồng</a> <small>Phường</small><ul><li><a>Chi bộ Tổ dân phố 1</a></li></ul></li>"
    "</ul>",
    "<td class='small stored'><div><b><code>name</code></b>: Chi bộ Tổ dân phố 1</div><br></td>",
])
def test_a_shared_unit_name_with_its_ward_passes(town, html):
    assert town.defects(page(html), english=False) == []


def _shown(client, url: str) -> Page:
    return page(client.get(url).get_data(as_text=True))


@pytest.mark.parametrize("filter_name,regression,url,defect", [
    ("vn_datetime", lambda moment: moment.strftime("%H:%M %d/%m/%Y"), "/audit",
     "shows 21:38 05/12/2026, a stored time on the UTC clock"),
    ("label", lambda value: getattr(value, "value", value), "/audit", "shows the code 'insert'"),
    ("unit_label", lambda unit: unit.name, "/units/1/timeline", "shows 'Chi bộ Tổ dân phố 1' without the ward"),
])
def test_each_check_catches_its_regression_on_a_real_page(app, client, town, as_role, monkeypatch, filter_name,
                                                          regression, url, defect):
    """A page that passes fails once one of the filters it shows times, labels or units with is undone."""
    as_role(Role.ADMIN)
    url = url.replace("/1/", f"/{db.session.scalar(select(Unit.id).where(Unit.name == 'Chi bộ Tổ dân phố 1'))}/")
    assert town.defects(_shown(client, url), english=False) == []
    monkeypatch.setitem(app.jinja_env.filters, filter_name, regression)
    assert defect in town.defects(_shown(client, url), english=False)
