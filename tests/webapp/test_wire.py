"""#23, the wire: text answers gzip-compressed when asked, compressed downloads left alone, static files under
fingerprinted URLs kept a year, pages never stored as fresh."""
import gc
import gzip
import hashlib
import re
from io import BytesIO
from pathlib import Path

import pytest
from flask import Response
from openpyxl import load_workbook
from werkzeug.test import EnvironBuilder

from webapp import create_app
from webapp.models import Role
from webapp.wire import IMMUTABLE, asset_url

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "webapp" / "static"
GZIP = {"Accept-Encoding": "gzip, deflate, br"}
ASSET = re.compile(r'(?:href|src|data-chartjs)="(/static/[^"]+)"')
CSRF = re.compile(r'(name="csrf-token" content="|"X-CSRFToken": "|name="csrf_token"[^>]*?value=")[^"]+')


def _same_tokens(page: str) -> str:
    """A page with its CSRF tokens blanked: they are signed with the second they were made in."""
    return CSRF.sub(r"\1", page)


def test_a_page_asked_with_gzip_comes_back_gzip_and_decodes_to_the_same_page(client, as_role, root_unit):
    as_role(Role.ADMIN)
    plain = client.get("/people/")
    packed = client.get("/people/", headers=GZIP)
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed.headers["Vary"]
    assert int(packed.headers["Content-Length"]) == len(packed.data) < len(plain.data) / 2
    assert _same_tokens(gzip.decompress(packed.data).decode()) == _same_tokens(plain.get_data(as_text=True))


def test_an_xlsx_export_is_not_gzip_wrapped(client, as_role, root_unit):
    as_role(Role.ADMIN)
    response = client.get("/people/export.xlsx", headers=GZIP)
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    assert "Content-Encoding" not in response.headers
    assert load_workbook(BytesIO(response.data)).active["A3"].value


def test_pages_are_never_stored_as_fresh(client, as_role, root_unit):
    as_role(Role.ADMIN)
    cache = client.get("/people/").headers["Cache-Control"]
    assert "no-cache" in cache and "max-age" not in cache and "immutable" not in cache


def test_every_asset_a_page_links_carries_its_fingerprint_and_is_kept_a_year(client, as_role, root_unit):
    as_role(Role.ADMIN)
    urls = set(ASSET.findall(client.get("/dashboard/").get_data(as_text=True)))
    urls |= set(ASSET.findall(client.get("/meetings/").get_data(as_text=True)))
    assert {"css/app.css", "js/app.js", "vendor/htmx/htmx.min.js", "vendor/chartjs/chart.umd.min.js",
            "js/meetings.js"} <= {url.split("?")[0].removeprefix("/static/") for url in urls}
    for url in urls:
        path, _, query = url.partition("?")
        content = (STATIC / path.removeprefix("/static/")).read_bytes()
        assert query == f"v={hashlib.sha256(content).hexdigest()[:12]}", url
        with client.get(url) as response:
            assert response.status_code == 200 and response.headers["Cache-Control"] == IMMUTABLE, url
            assert response.data == content


@pytest.mark.parametrize("accept", [GZIP, {}], ids=["gzip", "plain"])
def test_a_static_file_is_closed_even_when_the_browser_leaves_mid_body(app, accept):
    """A server skips the body's close() when the connection drops mid-body; the file must not stay open (an open
    file left to the garbage collector is a ResourceWarning, which pytest turns into an error here)."""
    environ = EnvironBuilder(path="/static/img/favicon.svg", headers=accept).get_environ()
    body = app.wsgi_app(environ, lambda status, headers, exc_info=None: None)
    assert next(iter(body))  # the first chunk went out, then the browser left
    del body
    gc.collect()


def test_a_static_file_asked_with_gzip_comes_back_compressed_and_decodes_to_the_file(client, app):
    with app.test_request_context():
        url = asset_url("vendor/htmx/htmx.min.js")
    with client.get(url, headers=GZIP) as response:
        assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Cache-Control"] == IMMUTABLE
        assert gzip.decompress(response.data) == (STATIC / "vendor/htmx/htmx.min.js").read_bytes()
    with client.get(url, headers={**GZIP, "If-None-Match": response.headers["ETag"]}) as again:
        assert again.status_code == 304 and again.headers["Cache-Control"] == IMMUTABLE


@pytest.mark.parametrize("query", ["", "?v=0123456789ab"])
def test_a_plain_or_outdated_static_url_still_answers_revalidated(client, query):
    with client.get(f"/static/css/app.css{query}") as response:
        assert response.status_code == 200 and response.data == (STATIC / "css/app.css").read_bytes()
        assert "immutable" not in response.headers["Cache-Control"]
        assert "no-cache" in response.headers["Cache-Control"]


def test_a_byte_range_is_not_compressed(client):
    with client.get("/static/css/app.css", headers={**GZIP, "Range": "bytes=0-99"}) as response:
        assert response.status_code == 206 and "Content-Encoding" not in response.headers
        assert response.data == (STATIC / "css/app.css").read_bytes()[:100]


def test_a_changed_file_gets_a_new_url(app, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    (tmp_path / "site.css").write_text("body { color: red; }")
    with app.test_request_context():
        first = asset_url("site.css")
        (tmp_path / "site.css").write_text("body { color: blue; }")
        second = asset_url("site.css")
        assert first.startswith("/static/site.css?v=") and second.startswith("/static/site.css?v=")
        assert first != second
        assert asset_url("missing.css") == "/static/missing.css"


def test_no_template_links_a_static_file_but_through_asset_url():
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "templates").rglob("*.html")
                 if re.search(r"url_for\(\s*['\"]static['\"]|['\"]/static/", path.read_text())]
    assert offenders == []


def test_a_streamed_answer_still_streams_and_decodes_whole(tmp_path, monkeypatch):
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    streaming = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    lines = [f"dòng {n}: {'x' * 200}\n" for n in range(500)]

    @streaming.get("/stream")
    def stream():
        return Response((line for line in lines), mimetype="text/plain")

    with streaming.test_client().get("/stream", headers=GZIP, buffered=False) as response:
        assert response.is_streamed and response.headers["Content-Encoding"] == "gzip"
        assert "Content-Length" not in response.headers
        chunks = list(response.response)
    assert len(chunks) > 1
    assert gzip.decompress(b"".join(chunks)).decode() == "".join(lines)
