"""The main menu of every page, rendered once per kind of user rather than on every page.

The menu (`_partials/nav_items.html`) depends only on the language, the user's role, whether the user is linked to
a person (a member's own record is one of its links) and where the app is mounted; its twenty-odd links and labels
cost more to render than many pages' own content. Each variant is rendered at its first use and kept for the
process (per app); with template auto-reload on (development) it is rendered every time."""
from flask import Flask, current_app, render_template, request
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup

from .models import Role

TEMPLATE = "_partials/nav_items.html"


def _variant(user) -> tuple:
    own_record = user.person_id if user.role == Role.MEMBER else bool(user.person_id)
    return str(get_locale()), user.role, own_record, request.script_root


def main_menu() -> Markup:
    """The menu's list items for the signed-in user."""
    app = current_app._get_current_object()
    if app.jinja_env.auto_reload:
        return Markup(render_template(TEMPLATE))
    menus = app.extensions["main_menu"]
    key = _variant(current_user)
    menu = menus.get(key)
    if menu is None:
        menu = menus[key] = Markup(render_template(TEMPLATE))
    return menu


def install(app: Flask) -> None:
    app.extensions["main_menu"] = {}
    app.add_template_global(main_menu)
