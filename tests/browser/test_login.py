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
    from tests.browser.conftest import log_in, log_out
    from tests.factories import PASSWORD

    user = make_user(Role.MEMBER, username="doimatkhau")
    page = phone_page
    log_in(page, user.username)
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
