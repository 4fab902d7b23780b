"""Login under attack: failures lock a (user name, address) pair only; an unknown user name costs the same work as
a known one; logging out or a new password ends every copy of the session cookie."""
from tests.factories import PASSWORD
from webapp.extensions import db
from webapp.models import Role


def _post(client, username, password, addr):
    return client.post("/auth/login", data={"username": username, "password": password},
                       environ_base={"REMOTE_ADDR": addr})


def test_failures_lock_the_pair_not_the_whole_address(client, app, make_user):
    make_user(Role.MEMBER, username="an")
    make_user(Role.MEMBER, username="binh")
    db.session.commit()
    limit = app.config["LOGIN_MAX_FAILURES"]
    for _ in range(limit * 3):
        _post(client, "an", "sai-mat-khau", "10.0.0.1")
    assert _post(client, "an", PASSWORD, "10.0.0.1").status_code == 429
    assert _post(client, "binh", PASSWORD, "10.0.0.1").status_code == 302  # same proxy address, other officer
    client.post("/auth/logout")
    assert _post(client, "an", PASSWORD, "10.0.0.2").status_code == 302


def test_an_unknown_user_name_costs_a_password_check_too(client, make_user, monkeypatch):
    import webapp.auth.services as services
    import webapp.models.accounts as accounts

    make_user(Role.MEMBER, username="an")
    db.session.commit()
    calls = []
    real = services.check_password_hash

    def counting(stored, password):
        calls.append(stored)
        return real(stored, password)

    monkeypatch.setattr(services, "check_password_hash", counting)
    monkeypatch.setattr(accounts, "check_password_hash", counting)
    _post(client, "khong-ton-tai", "x", "10.0.0.9")
    _post(client, "an", "x", "10.0.0.9")
    assert len(calls) == 2


def test_a_cookie_copied_before_logout_is_dead_after_it(app, client, login, make_user):
    user = make_user(Role.ADMIN, username="vanphong")
    db.session.commit()
    login(user)
    copied = client.get_cookie("session").value
    assert client.get("/").status_code == 200
    client.post("/auth/logout")
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/").status_code == 302


def test_a_new_password_ends_the_old_sessions(app, client, login, make_user):
    user = make_user(Role.ADMIN, username="vanphong")
    db.session.commit()
    login(user)
    copied = client.get_cookie("session").value
    user.set_password("mat-khau-moi-2026")
    db.session.commit()
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/").status_code == 302


def test_a_deactivated_account_costs_a_password_check_too(client, make_user, monkeypatch):
    """#21.13: a deactivated account answered in 6 ms against 116 ms, which told it apart."""
    import webapp.models.accounts as accounts

    user = make_user(Role.MEMBER, username="nghi")
    user.active = False
    db.session.commit()
    calls = []
    real = accounts.check_password_hash
    monkeypatch.setattr(
        accounts, "check_password_hash", lambda stored, password: calls.append(1) or real(stored, password)
    )
    assert _post(client, "nghi", PASSWORD, "10.0.0.7").status_code == 401
    assert len(calls) == 1


def test_parallel_wrong_passwords_never_get_more_checks_than_the_limit(app, make_user, monkeypatch):
    """#21.12: forty parallel wrong passwords for one account got 10-12 checks against a limit of 5."""
    import threading

    import webapp.models.accounts as accounts

    make_user(Role.MEMBER, username="an")
    db.session.commit()
    db.session.remove()
    checks, lock = [], threading.Lock()
    real = accounts.check_password_hash

    def counting(stored, password):
        with lock:
            checks.append(1)
        return real(stored, password)

    monkeypatch.setattr(accounts, "check_password_hash", counting)
    start = threading.Barrier(16)
    statuses = []

    def attempt():
        with app.test_client() as own:
            start.wait()
            statuses.append(_post(own, "an", "sai-mat-khau", "10.0.0.3").status_code)

    threads = [threading.Thread(target=attempt) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == 16 and all(status < 500 for status in statuses)
    assert len(checks) <= app.config["LOGIN_MAX_FAILURES"]
