"""Templates translate through `template_i18n`: the request's translations are looked up once per locale, and a
locale switched in mid-request (force_locale, refresh) is still honoured string by string."""
from flask import render_template_string, session
from flask_babel import force_locale, refresh

from webapp import template_i18n

PAGE = "{{ _('Trang chủ') }}|{{ pgettext('menu', 'Đoàn công tác') }}|{{ _('%(n)s <b>', n='<i>') }}"


def test_templates_use_the_per_request_gettext(app):
    for name in ("_", "gettext", "ngettext", "pgettext", "npgettext"):
        assert app.jinja_env.globals[name] is getattr(template_i18n, "gettext" if name == "_" else name)


def test_strings_follow_the_locale_within_one_request(app):
    with app.test_request_context("/"):
        assert render_template_string(PAGE) == "Trang chủ|Đoàn công tác|&lt;i&gt; <b>"
        with force_locale("en"):
            assert render_template_string(PAGE) == "Home|Working groups|&lt;i&gt; <b>"
        assert render_template_string(PAGE).startswith("Trang chủ|")
        session["locale"] = "en"  # what choosing English does, followed by Flask-Babel's refresh
        refresh()
        assert render_template_string(PAGE).startswith("Home|")


def test_plural_and_context_formatting_match_jinja(app):
    with app.test_request_context("/"):
        assert render_template_string("{{ ngettext('%(num)s x', '%(num)s xs', 2) }}") == "2 xs"
        assert render_template_string("{{ npgettext('c', '%(context)s %(num)s', '%(num)s', 1) }}") == "c 1"


def test_an_enum_label_is_translated_once_per_language(app, monkeypatch):
    from webapp import template_helpers
    from webapp.models import Role

    monkeypatch.setattr(template_helpers, "_label_texts", {})
    with app.test_request_context("/"):
        template_helpers.label(Role.ADMIN)
        monkeypatch.setattr(type(template_helpers.LABELS[Role][Role.ADMIN]), "__str__", lambda self: "again")
        vietnamese = template_helpers.label(Role.ADMIN)
        with force_locale("en"):
            english = template_helpers.label(Role.ADMIN)
    assert vietnamese != "again" and english == "again"


def test_labels_of_two_enums_with_one_value_stay_apart(app):
    from webapp import template_helpers
    from webapp.models import MeetingKind, UnitKind

    with app.test_request_context("/"):
        assert template_helpers.label(MeetingKind.CELL) == str(template_helpers.LABELS[MeetingKind][MeetingKind.CELL])
        assert template_helpers.label(UnitKind.CELL) == str(template_helpers.LABELS[UnitKind][UnitKind.CELL])
        assert template_helpers.label(UnitKind.CELL) != template_helpers.label(MeetingKind.CELL)
