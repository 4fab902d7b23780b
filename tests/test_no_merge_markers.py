"""No merge-conflict markers left in the sources: inside a docstring or a template Python and Jinja load them
without a word, so only a scan finds them."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(r"^(?:<{7}|>{7}) ", re.MULTILINE)
SOURCES = ("importers", "webapp", "templates", "tests", "bench")


def test_no_conflict_markers_in_the_sources():
    marked = [str(path.relative_to(ROOT)) for folder in SOURCES for path in (ROOT / folder).rglob("*")
              if path.suffix in {".py", ".html", ".js", ".css", ".po"} and MARKER.search(path.read_text("utf-8"))]
    assert marked == []
