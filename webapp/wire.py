"""What travels over the wire: text responses gzip-compressed when the browser asks (Flask-Compress), static files
under fingerprinted URLs that browsers keep for a year (`asset_url`); pages themselves are never cached."""
import hashlib
import os
from pathlib import Path

from flask import Flask, Response, current_app, request, url_for
from werkzeug.security import safe_join

from .extensions import compress

# Text worth compressing; everything else (xlsx, docx, pdf, png, zip: compressed already) goes out as it is.
COMPRESSED_TYPES = [
    "text/html", "text/css", "text/javascript", "application/javascript", "application/json", "image/svg+xml",
    "text/calendar", "text/csv", "text/plain", "text/xml", "application/xml",
]
IMMUTABLE = "public, max-age=31536000, immutable"
PAGE_CACHING = "no-cache, private"
FINGERPRINT_ARG = "v"

_fingerprints: dict[str, tuple[int, int, str]] = {}  # file path -> (mtime_ns, size, content hash)
_paths: dict[tuple[str, str], str | None] = {}  # (static folder, file name) -> file path, None outside the folder


def _static_path(filename: str) -> str | None:
    folder = current_app.static_folder or ""
    key = (folder, filename)
    if key not in _paths:
        _paths[key] = safe_join(folder, filename)
    return _paths[key]


def fingerprint(filename: str) -> str | None:
    """A short hash of a static file's content (None when there is no such file), computed again only when the
    file's modification time or size changed: a changed file gets a new URL. A page links several assets, so
    what does not change (the file's path, its hash) is looked up, not rebuilt: one `stat` per asset."""
    path = _static_path(filename)
    if path is None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    known = _fingerprints.get(path)
    if known and known[0] == stat.st_mtime_ns and known[1] == stat.st_size:
        return known[2]
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
    _fingerprints[path] = (stat.st_mtime_ns, stat.st_size, digest)
    return digest


def asset_url(filename: str) -> str:
    """The URL of a static file with its content's fingerprint (`?v=`): the one way a template links a static file.
    Built through the templates' remembering `url_for` (``url_memo``)."""
    build = current_app.jinja_env.globals.get("url_for", url_for)
    digest = fingerprint(filename)
    if digest is None:  # a missing file still gets its plain URL (the browser's 404, not a broken page)
        return build("static", filename=filename)
    return build("static", filename=filename, **{FINGERPRINT_ARG: digest})


def _caching(response: Response) -> Response:
    """A static file asked by its current fingerprint is kept a year without revalidation; a plain or outdated
    static URL still answers, revalidated each time (Flask's default); a page is never stored as fresh."""
    if request.endpoint == "static":
        asked = request.args.get(FINGERPRINT_ARG)
        if asked and response.status_code in (200, 304) and asked == fingerprint(request.view_args["filename"]):
            response.headers["Cache-Control"] = IMMUTABLE
            response.headers.pop("Expires", None)
    elif "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = PAGE_CACHING
    return response


def _read_static_file(response: Response) -> None:
    """A static file's body read into memory and its file closed at once. Streamed, the file stayed open until the
    response was closed, which a server skips when the browser drops the connection mid-body (a page left while
    its icon loads); static files here are small."""
    body = response.response
    try:
        data = b"".join(body)
    finally:
        close = getattr(body, "close", None)
        if callable(close):
            close()
    response.direct_passthrough = False
    response.set_data(data)


def _compressed(response: Response) -> Response:
    """Flask-Compress's choice (type, size, Accept-Encoding), except for a byte range, which must stay uncompressed
    for its Content-Range to hold. Any other streamed body is compressed as it streams; the file under it is still
    closed with the response (the library's wrapper drops the file's `close`)."""
    if response.status_code == 206:
        return response
    if request.endpoint == "static" and response.status_code == 200 and response.is_streamed:
        _read_static_file(response)
    body = response.response
    response = compress.after_request(response)
    if response.response is not body and callable(getattr(body, "close", None)):
        response.call_on_close(body.close)
    return response


def install(app: Flask) -> None:
    """Register compression (last of the after-request steps: it sees the final body) and static-file caching."""
    app.config.setdefault("COMPRESS_MIMETYPES", COMPRESSED_TYPES)
    app.config.setdefault("COMPRESS_ALGORITHM", ["gzip"])  # every browser reads it; CPU, not bandwidth, is scarce
    app.config.setdefault("COMPRESS_ALGORITHM_STREAMING", ["gzip"])  # static files are streamed from disk
    # level 1: a page's gzip is about a tenth bigger than at the default 6 and costs half the CPU (bench/pages_bench.py)
    app.config.setdefault("COMPRESS_LEVEL", 1)
    app.config["COMPRESS_REGISTER"] = False
    compress.init_app(app)
    app.after_request(_compressed)  # after-request functions run last-registered first
    app.after_request(_caching)
    app.add_template_global(asset_url)
