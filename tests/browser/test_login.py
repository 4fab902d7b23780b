from webapp.models import Role


def test_login_and_logout_in_chromium(login_page):
    page = login_page(Role.ADMIN)
    assert page.locator("h1").inner_text().startswith("Xin chào")
    page.click("text=Đăng xuất")
    page.locator("h1", has_text="Đăng nhập").wait_for()
    assert page.locator("h1").inner_text() == "Đăng nhập"
