import re

from webapp.models import Role


def test_login_page_is_vietnamese(client):
    body = client.get("/auth/login").get_data(as_text=True)
    assert "Đăng nhập" in body and "Tên đăng nhập" in body


def test_pages_redirect_anonymous_users_to_login(client):
    response = client.get("/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_wrong_password_says_so_next_to_the_field(client, make_user):
    user = make_user(Role.ADMIN)
    response = client.post("/auth/login", data={"username": user.username, "password": "sai"})
    assert response.status_code == 401
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.get_data(as_text=True)


def test_login_is_throttled_after_repeated_failures(client, make_user, app):
    user = make_user(Role.ADMIN)
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        client.post("/auth/login", data={"username": user.username, "password": "sai"})
    response = client.post("/auth/login", data={"username": user.username, "password": "mat-khau-thu"})
    assert response.status_code == 429
    assert "quá nhiều lần" in response.get_data(as_text=True)


def test_login_then_logout(client, make_user, login):
    login(make_user(Role.LEADERSHIP))
    assert client.get("/").status_code == 200
    assert client.post("/auth/logout").status_code == 302
    assert client.get("/").status_code == 302


def test_login_ignores_offsite_next(client, make_user):
    user = make_user(Role.ADMIN)
    response = client.post("/auth/login?next=//evil.example/x",
                           data={"username": user.username, "password": "mat-khau-thu"})
    assert response.headers["Location"] == "/"


def test_post_without_csrf_token_is_rejected(csrf_on, client, make_user):
    user = make_user(Role.ADMIN)
    response = client.post("/auth/login", data={"username": user.username, "password": "mat-khau-thu"})
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)


def test_post_with_csrf_header_is_accepted(csrf_on, client, make_user):
    user = make_user(Role.ADMIN)
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    response = client.post("/auth/login", data={"username": user.username, "password": "mat-khau-thu"},
                           headers={"X-CSRFToken": token})
    assert response.status_code == 302


def test_session_cookie_is_httponly(client, make_user, login):
    login(make_user(Role.ADMIN))
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only


def test_language_switch_to_english_translates_the_interface(client, make_user, login):
    login(make_user(Role.ADMIN))
    assert "Xin chào" in client.get("/").get_data(as_text=True)
    client.post("/auth/locale/en", data={"next": "/"})
    page = client.get("/").get_data(as_text=True)
    assert "Hello" in page and "Xin chào" not in page
    client.post("/auth/locale/vi", data={"next": "/"})
    assert "Xin chào" in client.get("/").get_data(as_text=True)


def test_each_request_sees_the_user_logged_in_now(client, make_user, login):
    login(make_user(Role.ADMIN))
    assert client.get("/audit").status_code == 200
    client.post("/auth/logout")
    login(make_user(Role.MEMBER))
    assert client.get("/audit").status_code == 403
