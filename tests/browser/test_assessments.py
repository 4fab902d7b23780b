"""End to end in Chromium: one assessment round for a small group, from the member's self-assessment through the
head's proposal to the standing board's decision, and the group's own assessment from the head's self-assessment
of the group to the board's decision."""
from datetime import date

from tests.browser.conftest import log_in, log_out
from webapp.clock import local_today
from webapp.extensions import db
from webapp.models import FieldVisit, MemberRole, Role, Sector, UnitKind


def _open_round(page, username):
    log_in(page, username)
    page.locator("nav").get_by_role("link", name="Đánh giá", exact=True).click()
    page.locator("#rounds a").first.click()


def _take_step(page, username, step, comment, check_figures=False):
    """Open the member's assessment from the menu and take one step with the level 'good' and a comment."""
    _open_round(page, username)
    page.locator("#assessment-rows a", has_text="Phạm Thị Thành").click()
    if check_figures:
        assert page.locator("#assessment-figures").inner_text().count("Lượt đi cơ sở") == 1
    _submit_step(page, f"#step-{step}", comment)
    page.locator("#assessment-steps", has_text=comment).wait_for()


def _submit_step(page, form: str, comment: str) -> None:
    page.select_option(f"{form} select[name=level]", "good")
    page.fill(f"{form} textarea[name=text]", comment)
    page.click(f"{form} button[type=submit]")


def _take_group_step(page, username, step, comment):
    """Open the group's assessment from the round page and take one step with the level 'good'."""
    _open_round(page, username)
    page.locator("#group-assessment-rows a", has_text="Đoàn công tác số 1").click()
    page.locator("h1", has_text="Đánh giá tập thể").wait_for()
    assert "Lượt đi cơ sở" in page.locator("#group-figures").inner_text()
    _submit_step(page, f"#group-step-{step}", comment)
    page.locator("#group-steps", has_text=comment).wait_for()


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

    log_in(page, "vanphong")
    page.locator("nav").get_by_role("link", name="Đánh giá", exact=True).click()
    page.fill("input[name=name]", f"Đánh giá năm {year}")
    page.fill("input[name=start_date]", f"{year}-01-01")
    page.fill("input[name=end_date]", f"{year}-12-31")
    page.click("#open-round button[type=submit]")
    page.locator("text=Đã mở đợt đánh giá").wait_for()
    assert "Đã mở đợt đánh giá với 2 thành viên" in page.content()
    log_out(page)

    _take_step(page, "thanh", "self", "Đã đi cơ sở, dự đủ sinh hoạt chi bộ.", check_figures=True)
    log_out(page)
    _take_step(page, "truong", "propose", "Nhiệt tình, trách nhiệm.")
    log_out(page)
    _take_step(page, "lanhdao", "decide", "Đồng ý với đề xuất.")
    page.locator("a", has_text=f"Đánh giá năm {year}").click()
    row = page.locator("#assessment-rows tr", has_text="Phạm Thị Thành")
    row.locator("td", has_text="Hoàn thành tốt nhiệm vụ").last.wait_for()
    assert row.inner_text().count("Hoàn thành tốt nhiệm vụ") == 3
    log_out(page)

    _take_group_step(page, "truong", "self", "Đoàn bám sát cơ sở, báo cáo đầy đủ.")
    log_out(page)
    _take_group_step(page, "lanhdao", "decide", "Đồng ý xếp loại tập thể.")
    page.locator("a", has_text=f"Đánh giá năm {year}").click()
    group_row = page.locator("#group-assessment-rows tr", has_text="Đoàn công tác số 1")
    group_row.locator("td").last.filter(has_text="Hoàn thành tốt nhiệm vụ").wait_for()
