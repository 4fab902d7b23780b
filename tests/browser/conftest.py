"""Browser tests: the app served on a free localhost port in a thread, driven by Debian's Chromium."""
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from webapp.extensions import db

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# How long a test waits for what a person would see (a row, a heading, a counter). A wait ends as soon as the thing
# shows, so a generous limit costs nothing when the app works; it only keeps a loaded CI machine (two cores shared by
# Chromium, the app and pytest) from failing a test whose page came, just late.
WAIT_MS = 30_000
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class InFlight:
    """The live server's requests received and not yet answered in full. A request counts from the moment the
    app is called until its connection's thread has written the answer and closed the socket (werkzeug closes
    every connection after one request), however it ended: an answer the browser stopped reading included."""

    def __init__(self, app):
        self.app = app
        self.running = {}  # connection thread → "METHOD /path"
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            self.running[threading.get_ident()] = f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']}"
        return self.app(environ, start_response)

    def watch(self, server):
        """Drop each request from the count when the server's thread for its connection ends."""
        handle = server.process_request_thread

        def process_request_thread(request, client_address):
            try:
                handle(request, client_address)
            finally:
                with self.changed:
                    self.running.pop(threading.get_ident(), None)
                    self.changed.notify_all()

        server.process_request_thread = process_request_thread
        return server

    def wait_idle(self, timeout=30.0):
        """Block until every received request has been answered; fail the test if one is still running."""
        with self.changed:
            if not self.changed.wait_for(lambda: not self.running, timeout=timeout):
                pytest.fail(f"still running {timeout:.0f} s after the page was closed: {sorted(self.running.values())}")


@pytest.fixture(scope="session")
def in_flight(app):
    return InFlight(app)


@pytest.fixture(scope="session")
def live_server(app, in_flight):
    """The session's app on http://127.0.0.1:<port>; shares the test database."""
    server = in_flight.watch(make_server("127.0.0.1", 0, in_flight, threaded=True))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def close_quietly(context, page, in_flight) -> None:
    """Stop the page (no more polling or badge requests), close its context, and wait until the live server has
    answered every request it received: only then may the test's teardown empty the database (on PostgreSQL a
    TRUNCATE deadlocks with a request still holding its row locks)."""
    if not page.is_closed():
        page.goto("about:blank")
    context.close()
    db.session.rollback()  # the test's own open transaction ends: no request may be left waiting for its locks
    in_flight.wait_idle()


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which("chromium") and not shutil.os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    sync_api.expect.set_options(timeout=WAIT_MS)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server, in_flight):
    context = browser.new_context(base_url=live_server, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    yield page
    close_quietly(context, page, in_flight)


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
def phone_page(browser, live_server, in_flight):
    """A page on a 390-pixel-wide phone screen."""
    context = browser.new_context(base_url=live_server, locale="vi-VN", viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    yield page
    close_quietly(context, page, in_flight)
