"""The one place that decides page, fragment or redirect: HTMX gets fragments, boosted navigations whole pages."""
import pytest
from flask import get_flashed_messages

from webapp.rendering import hx_redirect, render, render_or_redirect, wants_fragment

HTMX = {"HX-Request": "true"}
BOOSTED = {"HX-Request": "true", "HX-Boosted": "true"}
HISTORY_RESTORE = {"HX-Request": "true", "HX-History-Restore-Request": "true"}  # the back button after a cache miss


@pytest.mark.parametrize("headers, fragment", [({}, False), (HTMX, True), (BOOSTED, False),
                                                (HISTORY_RESTORE, False), ({"HX-Request": "false"}, False)])
def test_only_a_plain_htmx_request_wants_a_fragment(app, headers, fragment):
    with app.test_request_context("/", headers=headers):
        assert wants_fragment() is fragment


def test_render_picks_the_fragment_for_htmx_and_the_page_otherwise(app):
    with app.test_request_context("/", headers=HTMX):
        body, status = render("errors/error.html", "errors/_error.html", http_status=422, code=422, message="x")
        assert status == 422 and "<html" not in body
    with app.test_request_context("/", headers=BOOSTED):
        body, _status = render("errors/error.html", "errors/_error.html", code=422, message="x")
        assert "<html" in body


def test_render_or_redirect_swaps_the_fragment_in_or_redirects_with_the_message(app):
    with app.test_request_context("/", headers=HTMX):
        body, status = render_or_redirect("/next", "errors/_error.html", flashed="Đã lưu.", code=200, message="ok")
        assert status == 200 and "ok" in body and get_flashed_messages() == []
    with app.test_request_context("/"):
        response = render_or_redirect("/next", "errors/_error.html", flashed="Đã lưu.", code=200, message="ok")
        assert response.status_code == 302 and response.location == "/next"
        assert get_flashed_messages(with_categories=True) == [("success", "Đã lưu.")]


def test_hx_redirect_tells_htmx_where_to_go_and_redirects_a_whole_page(app):
    with app.test_request_context("/", headers=HTMX):
        response = hx_redirect("/next")
        assert response.status_code == 204 and response.headers["HX-Redirect"] == "/next"
    with app.test_request_context("/", headers=BOOSTED):
        response = hx_redirect("/next")
        assert response.status_code == 302 and response.location == "/next" and "HX-Redirect" not in response.headers
