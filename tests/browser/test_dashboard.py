"""The dashboard in Chromium: change the period, click a member flagged as inactive, see the records."""
import re
from pathlib import Path

import pytest

from tests.webapp.dashboard.conftest import make_meeting, town  # noqa: F401  (fixtures)
from webapp.models import Role

expect = pytest.importorskip("playwright.sync_api").expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_dashboard_period_change_and_drilldown(login_page, town):  # noqa: F811
    page = login_page(Role.LEADERSHIP)
    page.goto("/dashboard/?period=year&year=2026")
    assert page.locator("h1").inner_text() == "Theo dõi hoạt động các Đoàn công tác"
    page.wait_for_selector("canvas.dash-chart[data-drawn='1']")            # Chart.js loaded and drew
    page.select_option("select[name=period]", "quarter")
    page.select_option("select[name=quarter]", "1")
    expect(page.locator(".period-line")).to_contain_text("quý I năm 2026")
    assert "quarter=1" in page.url                                          # bookmarkable
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
