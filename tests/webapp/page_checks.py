"""What the page walk (test_walk.py) looks for in a page's visible text beyond broken links, gathered from the
database once the demo is loaded: codes shown instead of their labels, stored UTC timestamps shown on the UTC
clock instead of the office's, and unit names borne by several units shown without their ward."""
import enum
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser

from babel.messages.pofile import read_po
from sqlalchemy import DateTime, select

from webapp import models
from webapp.clock import in_office_zone
from webapp.dashboard.queries import STATUS_CHOICES
from webapp.extensions import db
from webapp.imports.labels import KIND_LABELS, OUTCOME_LABELS
from webapp.models import AuditAction, Unit, User
from webapp.names import fold
from webapp.template_helpers import LABELS

# A time next to a date, either way round ("21:38 05/12/2026", "05/12 lúc 21:38"): what a timestamp looks like.
TIME_THEN_DATE = re.compile(r"\b(\d{2}:\d{2})\D{0,12}?\b(\d{2}/\d{2}(?:/\d{4})?)\b")
DATE_THEN_TIME = re.compile(r"\b(\d{2}/\d{2}(?:/\d{4})?)\D{0,12}?\b(\d{2}:\d{2})\b")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
WORD = re.compile(r"(?<!\w)[a-z_]+(?!\w)")  # a whole lowercase word ("tháng" holds none)


class Page(HTMLParser):
    """The links, the visible text and the h1/h2 texts of one HTML page. `prose` is the visible text outside
    <code> (identifiers shown as such); for each of its chunks, `branches` gives the opening text of the list item
    one level up when the chunk sits in a nested list (a tree: a unit listed under its ward), and `stored` whether
    it sits in an element of class "stored" (a record's values as stored, such as the audit log's)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, bool]] = []  # (url, is an htmx request)
        self.text: list[str] = []
        self.prose: list[str] = []
        self.branches: list[str] = []
        self.stored: list[bool] = []
        self.headings: list[str] = []
        self._skip = 0
        self._code = 0
        self._heading: list[str] | None = None
        self._items: list[dict] = []  # the open <li>s: their opening text, closed when a nested list opens
        self._stored = 0  # the depth of elements inside the innermost element of class "stored", plus one

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID and (self._stored or "stored" in (attrs.get("class") or "").split()):
            self._stored += 1
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "code":
            self._code += 1
        if tag in ("h1", "h2"):
            self._heading = []
        if tag == "li":
            self._items.append({"head": "", "closed": False})
        if tag in ("ul", "ol") and self._items:
            self._items[-1]["closed"] = True
        if attrs.get("href") and tag in ("a", "area"):
            self.links.append((attrs["href"], False))
        if attrs.get("hx-get"):
            self.links.append((attrs["hx-get"], True))

    def handle_endtag(self, tag):
        if tag not in VOID and self._stored:
            self._stored -= 1
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "code" and self._code:
            self._code -= 1
        if tag == "li" and self._items:
            self._items.pop()
        if tag in ("h1", "h2") and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if not self._code:
            self.prose.append(data)
            self.branches.append(self._items[-2]["head"].strip() if len(self._items) > 1 else "")
            self.stored.append(bool(self._stored))
        if self._items and not self._items[-1]["closed"]:
            self._items[-1]["head"] += data
        if self._heading is not None:
            self._heading.append(data)


def _enum_codes() -> set[str]:
    """The values of every enum the models declare or the pages label, the audit log's operations, the import
    area's kinds and outcomes and the dashboard's status filters (codes with labels of their own)."""
    enums = {value for value in vars(models).values() if isinstance(value, type) and issubclass(value, enum.Enum)}
    enums |= set(LABELS)
    codes = {member.value for cls in enums for member in cls if isinstance(member.value, str)}
    return codes | {a.value for a in AuditAction} | set(KIND_LABELS) | set(OUTCOME_LABELS) | set(STATUS_CHOICES)


def _translations(catalogue_path) -> set[str]:
    with catalogue_path.open("rb") as handle:
        return {message.string for message in read_po(handle) if isinstance(message.string, str)}


def _stored_moments() -> list[datetime]:
    """Every timestamp the database holds (naive UTC, as the app stores them)."""
    moments = []
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, DateTime):
                moments += [m for m in db.session.scalars(select(column).where(column.isnot(None))) if m]
    return moments


def _renderings(moment: datetime) -> set[tuple[str, str]]:
    return {(moment.strftime("%H:%M"), moment.strftime(pattern)) for pattern in ("%d/%m/%Y", "%d/%m")}


@dataclass
class PageChecks:
    codes: set[str]                     # raw codes that must never be a page's visible text
    english_words: set[str]             # codes that are also an English translation (legitimate in English)
    utc_only: set[tuple[str, str]]      # (HH:MM, date) of a stored timestamp read in UTC, which the office never reads
    ambiguous: dict[str, set[str]]      # a unit name borne by several units → the names of their parents

    @classmethod
    def from_database(cls, catalogue_path) -> "PageChecks":
        codes = _enum_codes() - set(db.session.scalars(select(User.username)))  # "Văn phòng (admin)" is a login
        utc, office = set(), set()
        for moment in set(_stored_moments()):
            utc |= _renderings(moment)
            office |= _renderings(in_office_zone(moment))
        units = db.session.execute(select(Unit.id, Unit.name, Unit.parent_id)).all()
        names = {u.id: u.name for u in units}
        by_name = defaultdict(list)
        for unit in units:
            by_name[fold(unit.name)].append(unit)
        ambiguous = {}
        for same in (found for found in by_name.values() if len(found) > 1):
            for unit in same:
                ambiguous.setdefault(unit.name, set()).add(names.get(unit.parent_id, ""))
        return cls(codes=codes, english_words=codes & _translations(catalogue_path), utc_only=utc - office,
                   ambiguous=ambiguous)

    def defects(self, page: Page, english: bool) -> list[str]:
        """What is wrong with a parsed page."""
        text = "".join(page.prose)
        return self.raw_codes(page.prose, english) + self.utc_times(text) + self.bare_unit_names(page)

    def raw_codes(self, chunks: list[str], english: bool) -> list[str]:
        """A code alone between tags (`<td>present</td>`), or, on a Vietnamese page, a code among its words
        (there an English lowercase word is never prose); a code with an underscore is never a word."""
        found = set()
        for chunk in chunks:
            whole = chunk.strip()
            if whole in self.codes and not (english and whole in self.english_words):
                found.add(whole)
            for word in WORD.findall(chunk):
                if word in self.codes and ("_" in word or not english):
                    found.add(word)
        return [f"shows the code {code!r}" for code in sorted(found)]

    def utc_times(self, text: str) -> list[str]:
        """A stored timestamp shown as "HH:MM" beside its UTC date, where the office reads another time."""
        shown = {m.groups() for m in TIME_THEN_DATE.finditer(text)}
        shown |= {(m.group(2), m.group(1)) for m in DATE_THEN_TIME.finditer(text)}
        return [f"shows {time} {day}, a stored time on the UTC clock" for time, day in sorted(shown & self.utc_only)]

    def bare_unit_names(self, page: Page) -> list[str]:
        """A unit name that several units bear, shown without its ward: neither followed by "(its ward)" nor
        right after its ward (a breadcrumb), nor listed under its ward's item (a tree), nor a stored value."""
        text = "".join(page.prose)
        starts = [0]
        for chunk in page.prose:
            starts.append(starts[-1] + len(chunk))
        found = set()
        for name, parents in self.ambiguous.items():
            for match in re.finditer(re.escape(name) + r"(?!\w)", text):
                after, before = text[match.end():], text[:match.start()].rstrip(" \n\t›»/·>-")
                chunk = bisect_right(starts, match.start()) - 1
                if page.stored[chunk]:
                    continue
                if not any(after.startswith(f" ({parent})") or before.endswith(parent)
                           or page.branches[chunk].startswith(parent) for parent in parents):
                    found.add(name)
        return [f"shows {', '.join(map(repr, sorted(found)))} without the ward"] if found else []


def utc_evening() -> datetime:
    """A moment when the office's date is already the next day's (21:38 UTC is 04:38 in Hanoi)."""
    return datetime(2026, 12, 5, 21, 38, tzinfo=UTC)
