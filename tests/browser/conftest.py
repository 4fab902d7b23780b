"""Browser tests: the app served on a free localhost port in a thread, driven by Debian's Chromium."""
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from webapp.extensions import db

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(app):
    """The session's app on http://127.0.0.1:<port>; shares the test database."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which("chromium") and not shutil.os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def log_in(page, username: str) -> None:
    """Log in through the form and wait for the home page's greeting."""
    from tests.factories import PASSWORD

    page.goto("/auth/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.locator("h1", has_text="Xin chào").wait_for()


def open_menu(page) -> None:
    """On a phone the menu hides behind its button: press it (on a wide screen the menu is already shown)."""
    toggle = page.locator(".menu-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    page.locator("#app-menu a").first.wait_for()


def log_out(page) -> None:
    """Log out from the menu and wait for the login page's heading."""
    open_menu(page)
    page.click("text=Đăng xuất")
    page.locator("h1", has_text="Đăng nhập").wait_for()


@pytest.fixture
def login_page(page, make_user):
    """Log the browser in as a fresh user of `role` through the login form; returns the page."""
    def do_login(role, **kwargs):
        user = make_user(role, **kwargs)
        db.session.commit()
        log_in(page, user.username)
        return page

    return do_login


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def cell_member(make_unit, root_unit, make_person, make_group, make_membership, make_assignment, make_user):
    """A ward with one cell ("Chi bộ Tổ dân phố 4") followed by member "thanhvien" of group 1; (ward, cell, user)."""
    from datetime import date

    from webapp.models import MemberRole, Role, Sector, UnitKind

    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 4", UnitKind.CELL, Sector.WARD, ward)
    person = make_person("Phạm Thị Thành")
    make_assignment(make_membership(person, make_group(1), MemberRole.MEMBER, start=date(2025, 10, 15)), cell,
                    start=date(2025, 10, 15))
    return ward, cell, make_user(Role.MEMBER, username="thanhvien", person=person)


@pytest.fixture
def phone_page(browser, live_server):
    """A page on a 390-pixel-wide phone screen."""
    context = browser.new_context(base_url=live_server, locale="vi-VN", viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
