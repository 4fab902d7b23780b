"""End to end in Chromium: a head compiles the group's report from two members' reports and enters it in the
group's reporting ledger."""
from datetime import date

from tests.browser.conftest import log_in
from webapp.clock import local_today
from webapp.extensions import db
from webapp.member_reports.services import set_rule, submit_member_report
from webapp.models import MemberRole, ReportFrequency, Role
from webapp.reports.periods import period_key
from webapp.reports.services import create_schedule


def test_head_compiles_the_group_report_from_members_reports(page, make_group, make_person, make_membership,
                                                             make_user):
    group = make_group(1)
    head_person = make_person("Lê Văn Trưởng")
    make_membership(head_person, group, MemberRole.HEAD, start=date(2025, 10, 15))
    head = make_user(Role.GROUP_HEAD, username="truongdoan", person=head_person)
    today = local_today()
    rule = set_rule(group, ReportFrequency.MONTHLY, 25, 0, date(2025, 1, 1))
    create_schedule(group, ReportFrequency.MONTHLY, starts_on=date(2025, 1, 1))
    key = period_key(ReportFrequency.MONTHLY, today)
    for name, text in (("Phạm Thị Thành", "Tổ 1 đề nghị sửa đèn đường."), ("Đỗ Văn Phối", "Tổ 2 sinh hoạt đều.")):
        person = make_person(name)
        make_membership(person, group, MemberRole.MEMBER, start=date(2025, 10, 15))
        member = make_user(Role.MEMBER, person=person)
        submit_member_report(member, rule, person.id, key, text, today)
    db.session.commit()

    log_in(page, head.username)
    page.locator("nav a", has_text="Báo cáo thành viên").click()
    page.locator("#overseen-groups a", has_text=group.name).click()
    page.locator("#member-standings").wait_for()
    draft = page.locator("textarea[name=text]")
    assert "Tổ 1 đề nghị sửa đèn đường." in draft.input_value() and "Tổ 2 sinh hoạt đều." in draft.input_value()
    draft.fill(draft.input_value() + "\nĐoàn đề nghị Thường trực quan tâm chiếu sáng tổ 1.")
    page.click("text=Ghi vào sổ báo cáo của đoàn")
    page.locator(f"text=Đã ghi nhận báo cáo kỳ {key}").wait_for()
    assert "Đoàn đề nghị Thường trực quan tâm chiếu sáng tổ 1." in page.content()
