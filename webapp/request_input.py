"""The one place where what a client sends is cleaned of control characters before any view, form or service
sees it: query and form values, uploaded file names and header values; an uploaded file's name and type are
also fitted to their columns (file_name 255, content_type 120) here, for every area that stores uploads.

PostgreSQL refuses text holding NUL (a 500 deep in a flush), and no field of the app has a use for the other C0
controls; tab, line feed and carriage return stay, since text areas hold lines."""
import re

from werkzeug.datastructures import EnvironHeaders, FileStorage, ImmutableMultiDict

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FILE_NAME_MAX = 255  # every file_name column
CONTENT_TYPE_MAX = 120  # every content_type column


def strip_controls(text: str) -> str:
    """`text` without NUL and the other control characters (tab and line breaks kept)."""
    return CONTROL.sub("", text) if CONTROL.search(text) else text


def fit_file_name(name: str) -> str:
    """A file name short enough for its column, its extension kept."""
    if len(name) <= FILE_NAME_MAX:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 10:
        return name[:FILE_NAME_MAX]
    return stem[:FILE_NAME_MAX - len(ext) - 1] + "." + ext


def _clean_upload(upload: FileStorage) -> FileStorage:
    if upload.filename:
        upload.filename = fit_file_name(strip_controls(upload.filename))
    content_type = upload.headers.get("Content-Type")
    if content_type is not None and (len(content_type) > CONTENT_TYPE_MAX or CONTROL.search(content_type)):
        upload.headers["Content-Type"] = "application/octet-stream"
    return upload


def _clean(value):
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, FileStorage):
        return _clean_upload(value)
    return value


class CleanMultiDict(ImmutableMultiDict):
    """Query arguments, form fields and files with control characters stripped from every value."""

    def __init__(self, mapping=None):
        if isinstance(mapping, dict):
            mapping = list(mapping.items())
        items = [(strip_controls(key) if isinstance(key, str) else key, _clean(value))
                 for key, value in (mapping or [])]
        super().__init__(items)


class CleanHeaders(EnvironHeaders):
    """Header values as sent, less control characters."""

    def __getitem__(self, key):
        return strip_controls(super().__getitem__(key))

    def __iter__(self):
        for key, value in super().__iter__():
            yield key, strip_controls(value)


class CleanInput:
    """Mixed into the app's request class (which extensions such as htmx-flask replace first)."""

    parameter_storage_class = CleanMultiDict

    def __init__(self, environ, *args, **kwargs):
        super().__init__(environ, *args, **kwargs)
        self.headers = CleanHeaders(environ)


def install(app) -> None:
    """Make every request of `app` clean its input; call after the extensions have set their request class."""
    base = app.request_class
    if not issubclass(base, CleanInput):
        app.request_class = type(f"Clean{base.__name__}", (CleanInput, base), {})
