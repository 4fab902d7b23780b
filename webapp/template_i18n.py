"""Gettext for templates: the request's translations looked up once per locale, not on every string.

A page shows a few hundred strings. Flask-Babel's Jinja callables find the translations anew for each one (three
trips through `g`, the locale turned into text for a cache key), which cost more than the rest of a string's
rendering. Here the translations are kept next to Flask-Babel's own per-request state, tagged with the locale
object they were found for: `force_locale` and `refresh` replace that object, so a switched locale is seen at
once. The functions behave as Jinja's "newstyle" gettext: the result is markup-safe in autoescaped templates and
always %-formatted with the keyword arguments (`num` and `context` included)."""
from flask import Flask, g
from flask_babel import get_translations
from jinja2 import pass_eval_context
from markupsafe import Markup

_KEPT = "template_translations"


def current_translations():
    """The translations of the current locale, found at the first string of a request (and after a switch); None
    outside an application context (where Flask-Babel answers with a fresh set of no translations each time)."""
    try:
        state = g.get("_flask_babel")
    except RuntimeError:
        return None
    locale = getattr(state, "babel_locale", None)
    if locale is None:  # the locale is not chosen yet: Flask-Babel chooses it (and creates `state`)
        return get_translations()
    kept = getattr(state, _KEPT, None)
    if kept is not None and kept[0] is locale:
        return kept[1]
    translations = get_translations()
    setattr(state, _KEPT, (locale, translations))
    return translations


def _translations():
    return current_translations() or get_translations()


def _finish(eval_ctx, text: str, variables: dict) -> str:
    if eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


@pass_eval_context
def gettext(__eval_ctx, __string: str, **variables) -> str:
    return _finish(__eval_ctx, _translations().ugettext(__string), variables)


@pass_eval_context
def ngettext(__eval_ctx, __singular: str, __plural: str, __num: int, **variables) -> str:
    variables.setdefault("num", __num)
    return _finish(__eval_ctx, _translations().ungettext(__singular, __plural, __num), variables)


@pass_eval_context
def pgettext(__eval_ctx, __string_ctx: str, __string: str, **variables) -> str:
    variables.setdefault("context", __string_ctx)
    return _finish(__eval_ctx, _translations().upgettext(__string_ctx, __string), variables)


@pass_eval_context
def npgettext(__eval_ctx, __string_ctx: str, __singular: str, __plural: str, __num: int, **variables) -> str:
    variables.setdefault("context", __string_ctx)
    variables.setdefault("num", __num)
    return _finish(__eval_ctx, _translations().unpgettext(__string_ctx, __singular, __plural, __num), variables)


def install(app: Flask) -> None:
    """Replace Flask-Babel's template callables (after `babel.init_app`, which installs the i18n extension)."""
    app.jinja_env.globals.update(gettext=gettext, ngettext=ngettext, pgettext=pgettext, npgettext=npgettext,
                                 _=gettext)
