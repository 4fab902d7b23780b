"""The main menu is rendered once per kind of user (language, role, own record) and reused on later pages."""
from flask import template_rendered

from webapp.main_menu import TEMPLATE
from webapp.models import Role


def _menu_renders(app, client, url: str) -> tuple[int, str]:
    rendered = []

    def note(sender, template, context, **extra):
        rendered.append(template.name)

    template_rendered.connect(note, app)
    try:
        html = client.get(url).get_data(as_text=True)
    finally:
        template_rendered.disconnect(note, app)
    return rendered.count(TEMPLATE), html


def test_the_menu_is_rendered_once_per_kind_of_user(app, client, as_role, make_person):
    app.extensions["main_menu"].clear()
    as_role(Role.LEADERSHIP)
    assert _menu_renders(app, client, "/tasks/")[0] == 1
    count, html = _menu_renders(app, client, "/feedback/")
    assert count == 0 and 'href="/dashboard/"' in html
    client.post("/auth/locale/en", data={"next": "/"})
    count, html = _menu_renders(app, client, "/tasks/")
    assert count == 1 and ">Working groups<" in html
    client.post("/auth/logout")
    as_role(Role.MEMBER, person=make_person("Nguyễn Văn An"))
    count, html = _menu_renders(app, client, "/tasks/")
    assert count == 1 and 'href="/dashboard/"' not in html
