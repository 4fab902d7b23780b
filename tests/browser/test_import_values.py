"""In Chromium on a phone: a near-match unit waits in the values table, and one click confirms it as new."""
import pytest

from webapp.extensions import db
from webapp.models import Role, Sector, UnitKind

from ..webapp.imports.conftest import ROSTER_HEADERS, write_xlsx
from .conftest import log_in

expect = pytest.importorskip("playwright.sync_api").expect

NEAR = "Chi bộ Trường Tiểu học Bắc Sơn"


def test_a_near_match_is_confirmed_in_one_step_on_a_phone(phone_page, root_unit, term, make_unit, make_user,
                                                         tmp_path):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root_unit)
    make_unit("Chi bộ Trường Tiểu học Bắc Hồng", UnitKind.CELL, Sector.WARD, parent=ward)
    user = make_user(Role.ADMIN)
    db.session.commit()
    page = phone_page
    log_in(page, user.username)
    path = write_xlsx(tmp_path / "ds.xlsx", ROSTER_HEADERS,
                      [[1, "Phạm Văn Khải", "12/04/1970", "", "Đoàn công tác số 7", "Trưởng đoàn", NEAR, ""]])
    page.goto("/imports/")
    page.set_input_files("input[name=file]", str(path))
    page.select_option("select[name=kind]", "roster")
    page.click("#upload-form button[type=submit]")
    line = page.locator("#values-units tr", has_text=NEAR)
    expect(line).to_contain_text("cần xác nhận")
    expect(line).to_contain_text("Đảng bộ phường Bắc Hồng › Chi bộ Trường Tiểu học Bắc Hồng")
    expect(page.locator("#values-pending")).to_contain_text(NEAR)
    assert page.evaluate("document.querySelector('#import-values').scrollWidth") <= 390
    line.get_by_role("button", name="Tạo mới").click()
    expect(page.locator("#values-units tr", has_text=NEAR)).to_contain_text("đã xác nhận")
    expect(page.locator("#values-pending")).to_have_count(0)
