"""Dashboard pages through the test client: filters, drill-downs, errors in Vietnamese, scope."""
import re
from datetime import date
from html import unescape

import pytest

from tests.webapp.dashboard.pages import lazy_sections, whole_dashboard
from webapp.models import Role

YEAR = {"period": "year", "year": "2026"}
YEAR_DAY = date(2026, 6, 1)
PANEL = {"HX-Request": "true"}  # the drill-down panel alone (as a page, it is opened inside the whole dashboard)


def test_dashboard_page_shows_figures_and_flagged_names(client, as_role, town):
    as_role(Role.LEADERSHIP)
    response = client.get("/dashboard/", query_string=YEAR)
    assert response.status_code == 200 and "<html" in response.get_data(as_text=True)
    body = whole_dashboard(client, query_string=YEAR)
    assert "Phạm Văn Dũng" in body and "Không có hoạt động" in body
    assert "66,7 %" in body                                    # group 1: 4 of 6
    assert "Chi bộ Tổ dân phố 3" in body                       # uncovered
    assert "data-chart=" in body and "<script>" not in body    # chart data in an attribute, no inline script


def test_htmx_filter_change_returns_the_body_only(client, as_role, town):
    as_role(Role.ADMIN)
    response = client.get("/dashboard/", query_string={"period": "quarter", "year": "2026", "quarter": "1"},
                          headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body and "quý I năm 2026" in body


@pytest.mark.parametrize("args,message", [
    ({"period": "tuan"}, "Kỳ báo cáo không hợp lệ"),
    ({"period": "month", "year": "2026", "month": "13"}, "Tháng phải từ 1 đến 12"),
    ({"period": "custom", "from": "31/12/2026", "to": "01/01/2026"}, "Từ ngày phải trước"),
    ({"period": "custom", "from": "hôm qua", "to": ""}, "dd/mm/yyyy"),
    ({"group": "9999"}, "Không tìm thấy đoàn công tác"),
    ({"unit": "abc"}, "Không tìm thấy tổ chức đảng"),
    ({"threshold": "150"}, "Ngưỡng tỷ lệ dự họp"),
])
def test_bad_filters_give_a_vietnamese_message(client, as_role, town, args, message):
    as_role(Role.LEADERSHIP)
    response = client.get("/dashboard/", query_string=args)
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_drilldown_lists_the_records_behind_a_member_figure(client, as_role, town):
    as_role(Role.LEADERSHIP)
    args = {**YEAR, "person": town.a.id, "group": town.g1.id}
    body = client.get("/dashboard/records/attendance", query_string=args,
                      headers={"HX-Request": "true"}).get_data(as_text=True)
    # Four counted marks: 10/1, 10/2, 10/3 at C1 and 12/4 at C2 — not 10/4 at C1 nor 12/3 at C2.
    assert body.count("<tr><td>") == 4
    assert "10/04/2026" not in body and "12/03/2026" not in body and "12/04/2026" in body
    excused = client.get("/dashboard/records/attendance", query_string={**args, "status": "excused"}).get_data(
        as_text=True
    )
    assert "10/02/2026" in excused and "10/01/2026" not in excused and "<html" in excused


def test_drilldown_by_month_and_group_meetings(client, as_role, town):
    as_role(Role.LEADERSHIP)
    march = client.get("/dashboard/records/attendance",
                       query_string={**YEAR, "person": town.a.id, "group": town.g1.id, "status": "attended",
                                     "month": "2026-03"}).get_data(as_text=True)
    assert "10/03/2026" in march and "10/01/2026" not in march
    meetings = client.get("/dashboard/records/group_meetings",
                          query_string={**YEAR, "person": town.c.id, "group": town.g1.id}).get_data(as_text=True)
    assert "Họp Đoàn 1" in meetings


@pytest.mark.parametrize("args", [{**YEAR, "month": "2026-xx"}, {"month": "9999-12", "period": "year", "year": "2100"},
                                  {"month": "2019-01", "period": "year", "year": "2026"}])
def test_drilldown_bad_month_is_a_message(client, as_role, town, args):
    """A month that is malformed, past the calendar's end (#21.15: a 500) or outside the period is a 400."""
    as_role(Role.LEADERSHIP)
    for kind in ("attendance", "group_meetings"):
        response = client.get(f"/dashboard/records/{kind}", query_string=args)
        assert response.status_code == 400 and "Tháng không hợp lệ" in response.get_data(as_text=True)


def test_coverage_drilldowns(client, as_role, town):
    as_role(Role.ADMIN)
    uncovered = client.get("/dashboard/records/uncovered", query_string=YEAR, headers=PANEL).get_data(as_text=True)
    assert "Chi bộ Tổ dân phố 3" in uncovered and "Chi bộ Tổ dân phố 1" not in uncovered
    unattended = client.get("/dashboard/records/unattended", query_string=YEAR, headers=PANEL).get_data(as_text=True)
    assert "Dệt may" in unattended and "chưa có lần dự nào" in unattended


def test_scoped_leadership_sees_only_its_subtree(client, as_role, town):
    as_role(Role.LEADERSHIP, scope_unit=town.ward)
    body = whole_dashboard(client, query_string=YEAR)
    assert "Nguyễn Văn An" in body and "Phạm Văn Dũng" not in body   # D follows the enterprise cell only
    assert "Dệt may" not in body
    response = client.get("/dashboard/", query_string={**YEAR, "unit": town.ent.id})
    assert response.status_code == 400 and "ngoài phạm vi" in response.get_data(as_text=True)


def test_scorecards_are_printable_pages(client, as_role, town):
    as_role(Role.LEADERSHIP)
    group = client.get(f"/dashboard/scorecard/group/{town.g1.id}", query_string=YEAR).get_data(as_text=True)
    assert "ĐOÀN CÔNG TÁC SỐ 1" in group and "Trần Thị Bình" in group and "Hoàng Thị Phương" not in group
    member = client.get(f"/dashboard/scorecard/member/{town.g1.id}/{town.a.id}", query_string=YEAR)
    body = member.get_data(as_text=True)
    assert member.status_code == 200 and "Nguyễn Văn An" in body and "75,0 %" in body
    assert "Chi bộ Tổ dân phố 1; Chi bộ Tổ dân phố 2" in body
    assert client.get(f"/dashboard/scorecard/member/{town.g2.id}/{town.a.id}", query_string=YEAR).status_code == 404


def test_opinion_drilldown_escapes_user_text(client, as_role, town):
    as_role(Role.LEADERSHIP)
    body = client.get("/dashboard/records/opinions", query_string={**YEAR, "person": town.a.id}).get_data(as_text=True)
    assert "Kết quả tại TDP 1" in body and "Không phải thành viên" not in body and "Còn hạn chế" not in body
    assert "=HYPERLINK(&#34;x&#34;)" in body


def test_feedback_and_task_figures_open_their_records(client, as_role, work):
    as_role(Role.LEADERSHIP)
    page = whole_dashboard(client, query_string=YEAR)
    assert "/dashboard/records/feedback?" in page and "/dashboard/records/tasks?" in page
    args = {**YEAR, "person": work.a.id, "group": work.g1.id}
    feedback = client.get("/dashboard/records/feedback", query_string=args,
                          headers={"HX-Request": "true"}).get_data(as_text=True)
    assert feedback.count("<tr><td>") == 2 and "03/02/2026" in feedback and "01/05/2026" not in feedback
    tasks = client.get("/dashboard/records/tasks", query_string=args, headers=PANEL).get_data(as_text=True)
    assert "Đúng hạn" in tasks and "Xong muộn" in tasks and "Còn mở" not in tasks
    group_tasks = client.get("/dashboard/records/tasks", query_string={**YEAR, "group": work.g1.id},
                             headers=PANEL).get_data(as_text=True)
    assert "Còn mở" in group_tasks and "Chưa đến hạn" not in group_tasks  # the 2027 task is outside the period


def test_restricted_feedback_text_is_marked_for_readers_who_may_not_see_it(app, make_user, work):
    from webapp.dashboard import queries
    from webapp.dashboard.filters import parse_filters
    from webapp.extensions import db
    from webapp.models import FeedbackCategory, FeedbackItem

    secret = FeedbackCategory(name="Tố cáo", restricted=True)
    db.session.add(secret)
    db.session.flush()
    db.session.add(FeedbackItem(received_on=YEAR_DAY, due_on=YEAR_DAY, category_id=secret.id, unit_id=work.c1.id,
                                source_person_id=work.a.id, content="Nội dung tố cáo mật"))
    db.session.commit()
    leader, officer = make_user(Role.LEADERSHIP), make_user(Role.UNIT_OFFICER)
    with app.test_request_context():
        f = parse_filters(YEAR, leader)
        visible = {r.content: r.content_visible for r in db.session.execute(queries.feedback_records(f, leader))}
        hidden = {r.content: r.content_visible for r in db.session.execute(queries.feedback_records(f, officer))}
    assert visible["Nội dung tố cáo mật"] and not hidden["Nội dung tố cáo mật"] and hidden["Kiến nghị"]


def test_report_counts_link_to_the_groups_report_ledger(client, as_role, town):
    as_role(Role.LEADERSHIP)
    page = whole_dashboard(client, query_string=YEAR)
    assert f"/reports/?group={town.g1.id}&amp;from=2026-01&amp;to=2026-12" in page


def test_drilldown_speaks_words_and_names_its_month(client, as_role, town):
    """#20: the drill-down showed raw codes ("attended") and its heading said "năm 2026" while filtered to a month."""
    as_role(Role.LEADERSHIP)
    body = client.get("/dashboard/records/attendance", query_string={**YEAR, "month": f"{YEAR['year']}-03",
                                                                      "status": "attended"}).get_data(as_text=True)
    assert "Các lượt dự họp được tính, tháng 03/2026</h2>" in body and "Có dự (có mặt hoặc đến muộn)" in body
    assert "Trạng thái: attended" not in body


@pytest.mark.parametrize("args, period", [
    (YEAR, "năm 2026"), ({"period": "month", "year": "2026", "month": "11"}, "tháng 11/2026"),
    ({"period": "quarter", "year": "2026", "quarter": "1"}, "quý I năm 2026"),
])
def test_drilldown_heading_names_the_filtered_period_and_whose_records(client, as_role, town, args, period):
    as_role(Role.LEADERSHIP)
    body = client.get("/dashboard/records/attendance", query_string={**args, "person": town.a.id, "group": town.g1.id,
                                                                      "status": "absent"},
                      headers={"HX-Request": "true"}).get_data(as_text=True)
    assert f"Các lượt dự họp được tính, {period}</h2>" in body
    assert "Nguyễn Văn An · Đoàn công tác số 1 · Trạng thái: Vắng không phép" in body
    assert "absent" not in body.replace('status=absent', '')


def test_drilldown_has_its_own_url_a_page_with_the_panel_open(client, as_role, town):
    """#20: the drill-down had no URL of its own. HTMX gets the panel and pushes the URL; loaded, the URL is the
    whole dashboard with the panel open at its focused heading."""
    as_role(Role.LEADERSHIP)
    url = f"/dashboard/records/attendance?period=year&year=2026&person={town.a.id}&status=attended"
    panel = client.get(url, headers={"HX-Request": "true"})
    assert panel.headers["HX-Push-Url"] == url
    assert "<html" not in panel.get_data(as_text=True) and 'id="drilldown-heading"' in panel.get_data(as_text=True)
    page = client.get(url).get_data(as_text=True)
    assert "<h1>Theo dõi hoạt động các Đoàn công tác</h1>" in page and "heatmap" in lazy_sections(page)
    drilldown = page[page.index('<section id="drilldown"'):]
    assert '<h2 id="drilldown-heading" tabindex="-1" autofocus>' in drilldown and "12/04/2026" in drilldown


def test_heatmap_of_a_monthly_dashboard_opens_its_records(client, as_role, town):
    """A monthly dashboard's heatmap links sent month=YYYY-MM over the filter's month number: a 400 instead of
    the records."""
    as_role(Role.LEADERSHIP)
    month = {"period": "month", "year": "2026", "month": "1"}
    page = whole_dashboard(client, query_string=month)
    heatmap = page[page.index('<section id="heatmap"'):page.index('<section id="coverage"')]
    link = unescape(re.search(r'href="(/dashboard/records/attendance\?[^"]+)"', heatmap).group(1))
    response = client.get(link, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "tháng 01/2026</h2>" in response.get_data(as_text=True)
