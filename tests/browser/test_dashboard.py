"""The dashboard in Chromium: change the period, click a member flagged as inactive, see the records."""
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
