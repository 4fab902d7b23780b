"""`url_for` for templates, remembering the URLs it built.

A list page builds a few dozen links (two or three per row, the menu, the pager), and the same rows come back
request after request; building one through Flask and Werkzeug costs several times more than a dictionary
look-up. A built URL depends only on the endpoint, the values and where the app is mounted (SCRIPT_NAME) as long as
it is a plain relative URL: only those calls are remembered, with values of plain types (an object's text could
change while its identity stays). Anchors, schemes, external URLs, methods and blueprint-relative endpoints go
straight to Flask, as does everything outside a request. The app declares no URL defaults or value preprocessors
(they would make a URL depend on the request); a build error is never remembered."""
from datetime import date

from flask import Flask, has_request_context, request

PLAIN = frozenset({int, str, bool, type(None), float, date})
LIMIT = 20000  # URLs kept per app before the memo starts afresh (a big directory's links; a few MB)


def install(app: Flask) -> None:
    build = app.url_for
    urls: dict = {}

    def url_for(endpoint: str, /, **values) -> str:
        if endpoint[:1] == "." or not has_request_context() or any(
                key[:1] == "_" or type(value) not in PLAIN for key, value in values.items()):
            return build(endpoint, **values)
        key = (endpoint, request.script_root, *values.items())
        url = urls.get(key)
        if url is None:
            url = build(endpoint, **values)
            if len(urls) >= LIMIT:
                urls.clear()
            urls[key] = url
        return url

    app.jinja_env.globals["url_for"] = url_for
