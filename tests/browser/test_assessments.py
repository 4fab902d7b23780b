"""End to end in Chromium: one assessment round for a small group, from the member's self-assessment through the
head's proposal to the standing board's decision."""
from datetime import date

from tests.factories import PASSWORD
from webapp.clock import local_today
from webapp.extensions import db
from webapp.models import FieldVisit, MemberRole, Role, Sector, UnitKind


def _log_in(page, username):
    page.goto("/auth/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.locator("h1", has_text="Xin chào").wait_for()


def _log_out(page):
    page.click("text=Đăng xuất")
    page.locator("h1", has_text="Đăng nhập").wait_for()


def test_one_round_from_self_assessment_to_decision(page, root_unit, make_unit, make_group, make_person,
                                                    make_membership, make_assignment, make_user):
    start = date(2025, 10, 15)
    cell = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, root_unit)
    group = make_group(1)
    head_p, member_p = make_person("Lê Văn Trưởng"), make_person("Phạm Thị Thành")
    make_membership(head_p, group, MemberRole.HEAD, start=start)
    make_assignment(make_membership(member_p, group, MemberRole.MEMBER, start=start), cell, start=start)
    db.session.add(FieldVisit(person_id=member_p.id, unit_id=cell.id, group_id=group.id, visited_on=local_today(),
                              findings="Nắm tình hình"))
    make_user(Role.ADMIN, username="vanphong")
    make_user(Role.GROUP_HEAD, username="truong", person=head_p)
    make_user(Role.MEMBER, username="thanh", person=member_p)
    make_user(Role.LEADERSHIP, username="lanhdao")
    db.session.commit()
    year = local_today().year

    _log_in(page, "vanphong")
    page.locator("nav").get_by_role("link", name="Đánh giá", exact=True).click()
    page.fill("input[name=name]", f"Đánh giá năm {year}")
    page.fill("input[name=start_date]", f"{year}-01-01")
    page.fill("input[name=end_date]", f"{year}-12-31")
    page.click("#open-round button[type=submit]")
    page.locator("text=Đã mở đợt đánh giá").wait_for()
    assert "Đã mở đợt đánh giá với 2 thành viên" in page.content()
    _log_out(page)

    _log_in(page, "thanh")
    page.locator("nav").get_by_role("link", name="Đánh giá", exact=True).click()
    page.locator("#rounds a", has_text=f"Đánh giá năm {year}").click()
    page.locator("#assessment-rows a", has_text="Phạm Thị Thành").click()
    assert page.locator("#assessment-figures").inner_text().count("Lượt đi cơ sở") == 1
    page.select_option("#step-self select[name=level]", "good")
    page.fill("#step-self textarea[name=text]", "Đã đi cơ sở, dự đủ sinh hoạt chi bộ.")
    page.click("#step-self button[type=submit]")
    page.locator("#assessment-steps", has_text="Đã đi cơ sở, dự đủ sinh hoạt chi bộ.").wait_for()
    _log_out(page)

    _log_in(page, "truong")
    page.locator("nav").get_by_role("link", name="Đánh giá", exact=True).click()
    page.locator("#rounds a").first.click()
    page.locator("#assessment-rows a", has_text="Phạm Thị Thành").click()
    page.select_option("#step-propose select[name=level]", "good")
    page.fill("#step-propose textarea[name=text]", "Nhiệt tình, trách nhiệm.")
    page.click("#step-propose button[type=submit]")
    page.locator("#assessment-steps", has_text="Nhiệt tình, trách nhiệm.").wait_for()
    _log_out(page)

    _log_in(page, "lanhdao")
    page.locator("nav").get_by_role("link", name="Đánh giá", exact=True).click()
    page.locator("#rounds a").first.click()
    page.locator("#assessment-rows a", has_text="Phạm Thị Thành").click()
    page.select_option("#step-decide select[name=level]", "good")
    page.click("#step-decide button[type=submit]")
    page.locator("#assessment-steps", has_text="3. Quyết định xếp loại").wait_for()
    page.locator("a", has_text=f"Đánh giá năm {year}").click()
    row = page.locator("#assessment-rows tr", has_text="Phạm Thị Thành")
    row.locator("td", has_text="Hoàn thành tốt nhiệm vụ").last.wait_for()
    assert row.inner_text().count("Hoàn thành tốt nhiệm vụ") == 3
