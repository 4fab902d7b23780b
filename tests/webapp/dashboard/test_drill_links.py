"""Drill-down links carry the dashboard's filters, with the figure's own arguments taking precedence."""
from urllib.parse import parse_qs, urlsplit

from webapp.dashboard import drill, drill_href
from webapp.dashboard.filters import parse_filters
from webapp.models import Role


def test_figure_arguments_replace_filter_arguments(app, make_user):
    user = make_user(Role.LEADERSHIP)
    with app.test_request_context("/dashboard/?period=month&year=2026&month=3"):
        f = parse_filters({"period": "month", "year": "2026", "month": "3"}, user)
        href = drill_href(f, "attendance", person=7, month="2026-03", status=None)
        url = urlsplit(href)
        query = parse_qs(url.query)
        assert url.path == "/dashboard/records/attendance"
        assert query["month"] == ["2026-03"] and query["person"] == ["7"] and query["year"] == ["2026"]
        assert "status" not in query
        assert drill_href(f, "attendance", person=8).endswith("person=8")


def test_drill_link_escapes_its_text(app, make_user):
    user = make_user(Role.LEADERSHIP)
    with app.test_request_context("/dashboard/"):
        f = parse_filters({}, user)
        html = str(drill("<b>5</b>", f, "opinions", person=1, group=2))
        assert "&lt;b&gt;5&lt;/b&gt;" in html and "&amp;person=1&amp;group=2" in html
