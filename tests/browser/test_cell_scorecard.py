"""In Chromium, a quarter of cell meetings judged by the rules: the town adopts a rule set on a regulation version;
cell meetings are entered (one cell without its thematic meeting, one meeting entered too late to inform the
assigned member in time); the scorecard shows exactly those verdicts with their meetings; the assigned member sees
the invitation in the app and in the .ics feed."""
from datetime import date, datetime, timezone

import pytest

from tests.browser.conftest import log_in, log_out
from webapp.extensions import db
from webapp.models import Document, MemberRole, Role, Sector, UnitKind


def _at(clock, day: date) -> None:
    clock(datetime(day.year, day.month, day.day, 2, 0, tzinfo=timezone.utc))  # 09:00 in the office


def _enter(page, cell, title: str, held_on: date, thematic: str, invited: date, documents: date) -> None:
    page.goto("/meetings/new")
    page.select_option("select[name=kind]", "cell")
    page.fill("input[name=title]", title)
    page.fill("input[name=held_on]", held_on.isoformat())
    page.fill("input[name=starts_at]", "07:30")
    page.fill("input[name=ends_at]", "09:30")
    page.select_option("select[name=thematic]", thematic)
    page.fill("input[name=members_invited_on]", invited.isoformat())
    page.fill("input[name=documents_sent_on]", documents.isoformat())
    page.select_option("select[name=unit_ids]", str(cell.id))
    page.click("#meeting-form button[type=submit]")
    page.get_by_text("danh sách dự họp gồm 1 người").wait_for()


def test_a_quarter_of_cell_meetings_by_the_rules(page, make_user, make_unit, root_unit, make_person, make_group,
                                                 make_membership, make_assignment, clock):
    expect = pytest.importorskip("playwright.sync_api").expect
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    careless = make_unit("Chi bộ Tổ dân phố 5", UnitKind.CELL, Sector.WARD, ward)
    careful = make_unit("Chi bộ Tổ dân phố 6", UnitKind.CELL, Sector.WARD, ward)
    person = make_person("Phạm Thị Thành")
    membership = make_membership(person, make_group(1), MemberRole.MEMBER, start=date(2025, 10, 15))
    for cell in (careless, careful):
        make_assignment(membership, cell, start=date(2025, 10, 15))
    regulation = Document(title="Quy định sinh hoạt chi bộ", number="12-QĐ/TU", status="issued",
                          issued_on=date(2025, 12, 20), effective_from=date(2026, 1, 1))
    db.session.add(regulation)
    admin = make_user(Role.ADMIN, username="vanphong")
    member = make_user(Role.MEMBER, username="thanhvien", person=person)
    db.session.commit()

    _at(clock, date(2026, 1, 2))
    log_in(page, admin.username)
    page.goto(f"/documents/{regulation.id}")
    page.get_by_text("Phiên bản này chưa mang bộ quy tắc sinh hoạt chi bộ.").wait_for()
    page.fill("input[name=committee_notice_days]", "5")
    page.fill("input[name=min_minutes]", "90")
    page.click("#cell-rules-form button[type=submit]")
    page.get_by_text("Đã lưu bộ quy tắc sinh hoạt chi bộ.").wait_for()
    expect(page.locator("#cell-rules-table")).to_contain_text("trước 5 ngày")

    _enter(page, careless, "Sinh hoạt tháng 1", date(2026, 1, 15), "0", date(2026, 1, 5), date(2026, 1, 8))
    _enter(page, careful, "Chuyên đề quý I", date(2026, 1, 16), "1", date(2026, 1, 5), date(2026, 1, 8))
    _at(clock, date(2026, 2, 8))  # two days before the meeting: the assigned member is told too late
    _enter(page, careless, "Sinh hoạt tháng 2", date(2026, 2, 10), "0", date(2026, 2, 5), date(2026, 2, 6))
    _at(clock, date(2026, 3, 1))
    _enter(page, careless, "Sinh hoạt tháng 3", date(2026, 3, 12), "0", date(2026, 3, 2), date(2026, 3, 5))
    _enter(page, careful, "Thường kỳ tháng 3", date(2026, 3, 12), "0", date(2026, 3, 2), date(2026, 3, 5))

    page.goto("/meetings/cells/scorecard?year=2026&quarter=1")
    page.get_by_text("Sinh hoạt chi bộ theo quy tắc: quý 1/2026").wait_for()
    first, second = page.locator(f"#cell-{careless.id}"), page.locator(f"#cell-{careful.id}")
    expect(first.locator("tr[data-verdict=missed]")).to_have_count(2)
    expect(first.locator("tr[data-rule=thematic]")).to_have_attribute("data-verdict", "missed")
    notice = first.locator("tr[data-rule=committee_notice]")
    expect(notice).to_have_attribute("data-verdict", "missed")
    expect(notice.locator("li[data-verdict=missed]")).to_have_count(1)
    expect(notice.locator("li[data-verdict=missed]")).to_contain_text("Sinh hoạt tháng 2")
    expect(notice.locator("li[data-verdict=met]")).to_have_count(2)
    for rule in ("members_notice", "documents", "duration"):
        expect(first.locator(f"tr[data-rule={rule}]")).to_have_attribute("data-verdict", "met")
    expect(first.locator("tr[data-rule=attendance]")).to_have_attribute("data-verdict", "unknown")  # not marked
    expect(second.locator("tr[data-verdict=missed]")).to_have_count(0)
    expect(second.locator("tr[data-rule=thematic] li[data-verdict=met]")).to_contain_text("Chuyên đề quý I")

    page.goto("/meetings/cells/scorecard?year=2026&quarter=1&missing=any")
    page.get_by_text("1 trên 2 chi bộ.").wait_for()
    expect(page.locator(f"#cell-{careful.id}")).to_have_count(0)
    expect(page.locator(f"#cell-{careless.id}")).to_be_visible()
    log_out(page)

    log_in(page, member.username)
    page.goto("/notifications/?days=14")
    page.get_by_text("Sinh hoạt tháng 3").wait_for()
    expect(page.get_by_text("Thường kỳ tháng 3")).to_be_visible()
    page.goto("/notifications/calendar")
    page.click("form button:has-text('Tạo đường dẫn lịch')")
    link = page.locator("#calendar-link").input_value()
    feed = page.request.get(link.replace("http://localhost", ""))
    assert feed.ok and "Sinh hoạt tháng 3" in feed.text() and "Thường kỳ tháng 3" in feed.text()
    page.goto("/meetings/cells/scorecard?year=2026&quarter=1")
    page.get_by_text("2 trên 2 chi bộ.").wait_for()
