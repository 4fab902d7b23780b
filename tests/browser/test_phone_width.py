"""Every page fits a 390-pixel phone: the demo town is walked as each demo login (the page walk's crawler, one
page per URL shape), and each page is opened in Chromium at the phone's width; none may be wider than the screen."""
from collections import deque

from tests.browser.conftest import PHONE
from tests.conftest import RequestClient
from tests.webapp.page_checks import Page
from tests.webapp.test_walk import PAGES_PER_ROLE, PASSWORD, ROLES, _pattern, _same_site
from webapp.demo import load_demo

IDS_PER_PATTERN = 1
# The element reaching furthest right, deepest first on a tie: the one that makes the page wide.
# The outermost element reaching past the screen's right edge (its parent does not): the one that makes it wide.
WIDEST = """() => {
  const limit = document.documentElement.clientWidth + 0.5;
  const right = (el) => el.getBoundingClientRect().right;
  const worst = [...document.body.querySelectorAll("*")].find(
    (el) => right(el) > limit && right(el.parentElement) <= limit);
  if (!worst) { return "(none found)"; }
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.classList.length ? "." + [...el.classList].join(".") : "");
  const path = [];
  for (let el = worst; el && el !== document.body && path.length < 4; el = el.parentElement) { path.unshift(name(el)); }
  return path.join(" > ") + " (" + Math.round(worst.getBoundingClientRect().width) + " px wide: "
    + JSON.stringify((worst.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60)) + ")";
}"""


def full_pages(client) -> list[str]:
    """The walk's breadth-first crawl from "/", one URL per shape: the URLs that answer a whole HTML page."""
    pages, seen, per_pattern = [], set(), {}
    queue = deque([("/", False)])
    while queue and len(seen) < PAGES_PER_ROLE:
        url, htmx = queue.popleft()
        pattern = _pattern(url) + (" (htmx)" if htmx else "")
        if url in seen or per_pattern.get(pattern, 0) >= IDS_PER_PATTERN:
            continue
        seen.add(url)
        per_pattern[pattern] = per_pattern.get(pattern, 0) + 1
        response = client.get(url, headers={"HX-Request": "true"} if htmx else {})
        if response.status_code in (301, 302, 303, 307, 308):
            target = _same_site(url, response.headers.get("Location", ""))
            if target and not target.startswith("/auth/login"):
                queue.append((target, False))
            continue
        if response.status_code >= 400 or not response.mimetype.startswith("text/html"):
            continue
        if not htmx:
            pages.append(url)
        parsed = Page()
        parsed.feed(response.get_data(as_text=True))
        queue.extend((target, is_htmx) for href, is_htmx in parsed.links
                     if (target := _same_site(url, href)) and target not in seen)
    return pages


def _too_wide(page, url: str) -> str | None:
    page.goto(url)
    if page.locator("[hx-trigger~=load]").count():
        page.wait_for_load_state("networkidle")  # the parts a page fetches once loaded are part of its width
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= PHONE["width"]:
        return None
    return f"{url}: {width} px wide, widest {page.evaluate(WIDEST)}"


def test_every_page_of_the_demo_town_fits_a_phone_for_every_demo_login(app, browser, live_server):
    logins = {name for name, _, _ in load_demo(shape="town")}
    assert set(ROLES) <= logins
    app.test_client_class = RequestClient
    defects, visited = [], 0
    for role in ROLES:
        client = app.test_client()
        assert client.post("/auth/login", data={"username": role, "password": PASSWORD}).status_code == 302
        urls = full_pages(client)
        assert len(urls) > 10, role
        context = browser.new_context(base_url=live_server, locale="vi-VN", viewport=PHONE, is_mobile=True)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto("/auth/login")
        page.fill("input[name=username]", role)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.locator("h1", has_text="Xin chào").wait_for()
        for url in urls:
            if problem := _too_wide(page, url):
                defects.append(f"{role}: {problem}")
        visited += len(urls)
        context.close()
    assert not defects, f"{len(defects)} of {visited} pages are wider than the phone:\n" + "\n".join(defects)
