from webapp.models import Role


def test_login_and_logout_in_chromium(login_page):
    page = login_page(Role.ADMIN)
    assert page.locator("h1").inner_text().startswith("Xin chào")
    page.click("text=Đăng xuất")
    page.locator("h1", has_text="Đăng nhập").wait_for()
    assert page.locator("h1").inner_text() == "Đăng nhập"


def test_change_password_from_the_user_menu_on_a_phone(phone_page, make_user):
    """A member opens "Đổi mật khẩu" from the menu, is told why a weak password is refused, then changes it and
    logs in with the new one."""
    from tests.browser.conftest import log_in, log_out, open_menu
    from tests.factories import PASSWORD

    user = make_user(Role.MEMBER, username="doimatkhau")
    page = phone_page
    log_in(page, user.username)
    open_menu(page)
    page.click("text=Đổi mật khẩu")
    page.locator("h1", has_text="Đổi mật khẩu").wait_for()
    page.fill("input[name=current_password]", PASSWORD)
    page.fill("input[name=new_password]", "matkhau123")
    page.fill("input[name=confirm_password]", "matkhau123")
    page.click("main button[type=submit]")
    page.locator("text=quá phổ biến").wait_for()
    page.fill("input[name=current_password]", PASSWORD)
    page.fill("input[name=new_password]", "Song-Hong-chay-2026")
    page.fill("input[name=confirm_password]", "Song-Hong-chay-2026")
    page.click("main button[type=submit]")
    page.locator("text=Đã đổi mật khẩu").wait_for()
    log_out(page)
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "Song-Hong-chay-2026")
    page.click("button[type=submit]")
    page.locator("h1", has_text="Xin chào").wait_for()


def test_an_admin_sets_up_two_step_verification_on_a_phone(app, phone_page, make_user):
    """An administrator is sent to the set-up page, scans (reads) the key, confirms a code and gets recovery codes;
    the next login asks for a code."""
    import re

    import pyotp

    from tests.browser.conftest import log_out
    from tests.factories import PASSWORD
    from webapp import clock as app_clock

    app.config["TOTP_REQUIRED_ROLES"] = ("admin",)
    try:
        user = make_user(Role.ADMIN, username="quantri2fa")
        page = phone_page
        page.goto("/auth/login")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("main button[type=submit]")
        page.locator("h1", has_text="Xác thực hai bước").wait_for()
        assert page.locator("main img[src^='data:image/svg+xml']").is_visible()
        secret = re.search(r"nhập khóa: ([A-Z2-7]+)", page.locator("main").inner_text()).group(1)
        page.fill("input[name=code]", pyotp.TOTP(secret).at(app_clock.now()))
        page.click("main button[type=submit]")
        page.locator("text=mã khôi phục").first.wait_for()
        assert page.locator("main code").count() == 10
        page.goto("/")
        log_out(page)
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("main button[type=submit]")
        page.locator("h1", has_text="Xác thực hai bước").wait_for()
        page.fill("input[name=code]", _fresh_code(secret))
        page.click("main button[type=submit]")
        page.locator("h1", has_text="Xin chào").wait_for()
    finally:
        app.config["TOTP_REQUIRED_ROLES"] = ()


def _fresh_code(secret: str) -> str:
    """A code of the next time step (the one just used for set-up is accepted only once)."""
    from datetime import timedelta

    import pyotp

    from webapp import clock as app_clock

    return pyotp.TOTP(secret).at(app_clock.now() + timedelta(seconds=30))
