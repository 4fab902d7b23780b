"""The dashboard as a reader sees it once scrolled to the end: its first response carries the headline figures and
a placeholder per section; each placeholder names the URL HTMX loads it from when it comes into view."""
import re
from html import unescape

PLACEHOLDER = re.compile(r'<section id="(?P<name>[\w-]+)" class="lazy-section" hx-get="(?P<url>[^"]+)"'
                         r' hx-trigger="intersect once" hx-swap="outerHTML">.*?</section>', re.S)


def lazy_sections(html: str) -> dict[str, str]:
    """Section name → the URL its placeholder loads it from."""
    return {match["name"]: unescape(match["url"]) for match in PLACEHOLDER.finditer(html)}


def whole_dashboard(client, url: str = "/dashboard/", query_string=None) -> str:
    """The page at `url` with every section it loads on reveal fetched (as HTMX does) and put in its place."""
    response = client.get(url, query_string=query_string)
    assert response.status_code == 200, response.status_code
    html = response.get_data(as_text=True)

    def loaded(match) -> str:
        section = client.get(unescape(match["url"]), headers={"HX-Request": "true"})
        assert section.status_code == 200, (match["url"], section.status_code)
        body = section.get_data(as_text=True)
        assert "<html" not in body and f'<section id="{match["name"]}"' in body, match["url"]
        return body

    return PLACEHOLDER.sub(loaded, html)
