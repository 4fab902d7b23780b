"""Walk every page: each demo shape, each demo login, breadth-first from "/" over every same-site link the app
renders (`href` and `hx-get`), GET only. A link the app shows must lead somewhere: no 500, no 404, no 403 (a
link the role cannot follow should not be shown), and no page may show a placeholder left unformatted or text
escaped twice. In English, no heading may still carry a Vietnamese interface string. Nor may a page show a code
instead of its label, a stored time on the UTC clock, or a unit name several units bear without its ward
(page_checks.py; the clock is set to an evening, when the office's date is already UTC's next day)."""
import re
from collections import deque
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from babel.messages.pofile import read_po

from tests.conftest import RequestClient
from tests.webapp.page_checks import Page, PageChecks, utc_evening
from webapp.demo import load_demo

PASSWORD = "doancongtac"
ROLES = ["admin", "lanhdao", "truongdoan1", "canbo", "thanhvien"]
PAGES_PER_ROLE = 300  # a guard: the walk of the demo town ends near 280 pages
IDS_PER_PATTERN = 3
SKIPPED = re.compile(r"^/(static|auth/logout|auth/locale)(/|$)|\.ics$")
CATALOGUE = Path(__file__).resolve().parents[2] / "webapp" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ]", re.I)
# Text a parser decoded once that still reads as markup or as a format string was escaped twice or never formatted.
# A template tag left whole ("{{ name }}", "{% if %}"); a lone "}}" is data (the audit log shows JSON).
LEFTOVERS = re.compile(r"&(amp|lt|gt|quot|#\d+);|%\(\w+\)s|\{\{[^{}]*\}\}|\{%[^{}]*%\}")


def _pattern(url: str) -> str:
    """/meetings/12/edit?page=2 -> /meetings/#/edit?page: the shape that IDS_PER_PATTERN limits."""
    parts = urlsplit(url)
    path = re.sub(r"/\d+(?=/|$)", "/#", parts.path)
    return path + "?" + "&".join(sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)}))


def _same_site(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    target = urlsplit(urljoin("http://localhost" + base, href))
    if target.netloc != "localhost" or SKIPPED.search(target.path):
        return None
    return target.path + ("?" + target.query if target.query else "")


def _vietnamese_headings() -> list[re.Pattern]:
    """A pattern for each interface string (the catalogue's msgids) that reads as Vietnamese: a heading made of
    nothing but one of them, its placeholders filled with anything, was never translated."""
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    found = []
    for message in catalogue:
        if not any(path.startswith("templates/") for path, _ in message.locations):
            continue  # headings come from templates; names seeded from Python constants are data once stored
        for msgid in message.id if isinstance(message.id, tuple) else (message.id,):
            pieces = re.split(r"%\(\w+\)[sd]|%[sd]", msgid or "")
            if len(" ".join(pieces).split()) >= 2 and VIETNAMESE.search(" ".join(pieces)):
                found.append(re.compile(".+".join(re.escape(" ".join(p.split())) for p in pieces)))
    return found


# Pages every demo login must reach from the menu (a page left out of every walk is never checked).
MUST_REACH = ["/meetings/cells/scorecard"]
# Pages only the dashboard's readers see: (path, query arguments the URL must carry), whatever the other arguments (a
# dashboard section carries the filters). The cell section, and the scorecard filtered to a cell it lists.
MUST_REACH_BY_ROLE = {role: [("/dashboard/section/cells", set()), ("/meetings/cells/scorecard", {"unit", "quarter"})]
                      for role in ("admin", "lanhdao")}


def _reached(seen: set[str], path: str, arguments: set[str]) -> bool:
    return any(urlsplit(url).path == path and arguments <= {key for key, _ in parse_qsl(urlsplit(url).query)}
               for url in seen)


def walk(client, role: str, english_headings: list[re.Pattern] | None, checks: PageChecks,
         seen: set[str] | None = None) -> list[str]:
    """Walk the app as the logged-in client; return what is wrong, one line each (`seen` collects the URLs)."""
    defects: list[str] = []
    seen = set() if seen is None else seen
    per_pattern: dict[str, int] = {}
    queue = deque([("/", False, "(start)")])
    visited = 0
    while queue and visited < PAGES_PER_ROLE:
        url, htmx, source = queue.popleft()
        if url in seen:
            continue
        pattern = _pattern(url)
        if per_pattern.get(pattern, 0) >= IDS_PER_PATTERN:
            continue
        seen.add(url)
        per_pattern[pattern] = per_pattern.get(pattern, 0) + 1
        visited += 1
        response = client.get(url, headers={"HX-Request": "true"} if htmx else {})
        status = response.status_code
        where = f"{role}: GET {url}{' (htmx)' if htmx else ''} linked from {source}"
        if status >= 400:
            defects.append(f"{where} -> {status}")
            continue
        if status in (301, 302, 303, 307, 308):
            target = _same_site(url, response.headers.get("Location", ""))
            if target and not target.startswith("/auth/login"):
                queue.append((target, False, url))
            elif target:
                defects.append(f"{where} -> redirected to the login page")
            continue
        if not response.mimetype.startswith("text/html"):
            continue
        page = Page()
        page.feed(response.get_data(as_text=True))
        text = "".join(page.text)
        for leftover in sorted(set(m.group(0) for m in LEFTOVERS.finditer(text))):
            defects.append(f"{where} shows {leftover!r}")
        defects += [f"{where} {defect}" for defect in checks.defects(page, english_headings is not None)]
        if english_headings is not None:
            for heading in page.headings:
                if any(pattern.fullmatch(heading) for pattern in english_headings):
                    defects.append(f"{where}: heading {heading!r} is untranslated")
        for href, is_htmx in page.links:
            target = _same_site(url, href)
            if target and target not in seen:
                queue.append((target, is_htmx, url))
    return defects


@pytest.mark.parametrize("shape", ["town", "ward", "province"])
def test_every_rendered_link_leads_somewhere_for_every_demo_login(app, clock, shape):
    clock(utc_evening())
    logins = {name for name, _, _ in load_demo(shape=shape)}
    assert set(ROLES) <= logins
    english = _vietnamese_headings()
    defects = []
    for role in ROLES:
        app.test_client_class = RequestClient
        client = app.test_client()
        response = client.post("/auth/login", data={"username": role, "password": PASSWORD})
        assert response.status_code == 302, role
        checks = PageChecks.from_database(CATALOGUE)  # read after the login, which stamps its own times
        if role == ROLES[0]:  # the other logins walk in English only: the pages are the same, the time is not
            defects += walk(client, role, None, checks)
        assert client.post("/auth/locale/en").status_code == 302
        seen: set[str] = set()
        defects += walk(client, role, english, checks, seen)
        defects += [f"{role}: the walk never reached {page}" for page in MUST_REACH if page not in seen]
        defects += [f"{role}: the walk never reached {path} with {sorted(arguments)}"
                    for path, arguments in MUST_REACH_BY_ROLE.get(role, []) if not _reached(seen, path, arguments)]
    assert not defects, "\n".join(defects)
