"""The dashboard in Chromium: change the period, click a member flagged as inactive, see the records."""
import re
from pathlib import Path

import pytest

from tests.webapp.dashboard.conftest import make_meeting, town  # noqa: F401  (fixtures)
from tests.webapp.dashboard.test_cells import quarter  # noqa: F401  (fixture)
from webapp.models import Role

expect = pytest.importorskip("playwright.sync_api").expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def scroll_to(page, section_id: str) -> None:
    """Bring a section into view as a reader scrolls (the placeholder is replaced as it comes into view, so the
    page scrolls rather than a locator that would wait for a node about to leave the DOM)."""
    page.evaluate("id => document.getElementById(id).scrollIntoView()", section_id)


def test_dashboard_period_change_and_drilldown(login_page, town):  # noqa: F811
    page = login_page(Role.LEADERSHIP)
    page.goto("/dashboard/?period=year&year=2026")
    assert page.locator("h1").inner_text() == "Theo dõi hoạt động các Đoàn công tác"
    page.wait_for_selector("#groups canvas.dash-chart[data-drawn='1']")    # the section loaded; Chart.js drew
    page.select_option("select[name=period]", "quarter")
    page.select_option("select[name=quarter]", "1")
    expect(page.locator("#dash-loading")).not_to_have_class(re.compile("htmx-request"))  # the last change answered
    expect(page.locator(".period-line")).to_contain_text("quý I năm 2026")
    assert "quarter=1" in page.url                                          # bookmarkable
    scroll_to(page, "flagged")                                              # the section loads when scrolled to
    flagged = page.locator("#flagged a.flagged-member", has_text="Trần Thị Bình")
    flagged.click()
    records = page.locator("#drilldown table")
    records.wait_for()
    text = records.inner_text()
    assert "20/01/2026" in text and "20/02/2026" in text and "Vắng không phép" in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)


def test_heatmap_cell_opens_its_records_in_view_at_their_own_url(login_page, town):  # noqa: F811
    """#20: the drill-down loaded at the bottom of a long page without scrolling there and had no URL of its own."""
    page = login_page(Role.LEADERSHIP)
    page.goto("/dashboard/?period=year&year=2026")
    scroll_to(page, "heatmap")
    page.locator("#heatmap a.drill").first.click()
    heading = page.locator("#drilldown-heading")
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text(re.compile(r"Các lượt dự họp được tính, tháng \d\d/2026"))
    expect(page.locator("#drilldown")).to_contain_text("Trạng thái: Có dự (có mặt hoặc đến muộn)")
    expect(page).to_have_url(re.compile(r"/dashboard/records/attendance\?.*status=attended.*month=2026-\d\d"))
    page.reload()                                                           # the URL loaded as a page
    expect(page.locator("h1")).to_have_text("Theo dõi hoạt động các Đoàn công tác")
    expect(page.locator("#drilldown-heading")).to_be_in_viewport()
    expect(page.locator("#drilldown table")).to_contain_text("Có mặt")


def test_sections_below_the_headline_load_when_scrolled_to(login_page, town):  # noqa: F811
    """The first response carries the headline; each section below comes from its own URL once it is in view."""
    page = login_page(Role.LEADERSHIP)
    page.goto("/dashboard/?period=year&year=2026")
    expect(page.locator("#headline")).to_contain_text("Thành viên")
    targets = page.locator("section#targets")
    expect(targets.locator("h2")).to_contain_text("Đơn vị đạt chỉ tiêu thấp")     # the placeholder's heading
    assert targets.locator("table").count() == 0                               # not loaded while out of view
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")           # to the end, as a reader scrolls
    expect(page.locator("section#targets table")).to_contain_text("Chi bộ Tổ dân phố 1")
    scroll_to(page, "ranking")
    expect(page.locator("section#ranking table")).to_contain_text("Nguyễn Văn An")


def test_the_cell_meetings_section_loads_when_scrolled_to_and_opens_the_scorecard(login_page, quarter):  # noqa: F811
    """Issue #24: the quarterly cell scorecard feeds the dashboard as evidence; each cell missing a rule opens the
    scorecard filtered to that cell and quarter."""
    page = login_page(Role.LEADERSHIP)
    page.goto("/dashboard/?period=quarter&year=2026&quarter=1")
    expect(page.locator("#headline")).to_contain_text("Thành viên")
    assert page.locator("section#cells table").count() == 0                  # not loaded while out of view
    scroll_to(page, "cells")
    section = page.locator("section#cells")
    expect(section.locator("h2")).to_have_text("Sinh hoạt chi bộ theo quy định")
    expect(section.locator("#cell-quarters td[data-figure=cells]")).to_have_text("3")
    expect(section.locator("#cell-quarters td[data-rule=thematic]")).to_have_text("2")
    row = section.locator(f"#cell-misses tr[data-unit='{quarter.late.id}']")
    expect(row).to_contain_text("Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)")
    expect(row).to_contain_text("Cấp ủy viên được phân công biết kịp thời")
    row.get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/meetings/cells/scorecard\?year=2026&quarter=1&unit={quarter.late.id}$"))
    expect(page.locator("section.cell-card")).to_have_count(1)
    expect(page.locator(f"#cell-{quarter.late.id} tr[data-rule=committee_notice]")).to_have_attribute(
        "data-verdict", "missed")
