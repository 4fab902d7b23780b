"""An official document as plain data (Vietnamese administrative layout: letterhead, title, sections, signature).

The print-ready HTML page, the .docx (`docx`) and the spreadsheets (`sheets`) render the same object, so the
formats never disagree."""
from dataclasses import dataclass, field
from datetime import date

from ..clock import local_today
from ..units.identity import Identity


@dataclass
class DocTable:
    headers: list[str]
    rows: list[list]
    widths: list[int] = field(default_factory=list)
    group_rows: set[int] = field(default_factory=set)  # indexes of sub-header rows ("I. ĐOÀN CÔNG TÁC SỐ 1")


@dataclass
class DocSection:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    table: DocTable | None = None


@dataclass
class OfficialDocument:
    """A report, roster or register in the party's administrative layout."""

    org_lines: list[str]
    place_date: str
    title: str
    subtitle: str
    sections: list[DocSection]
    signature: list[str]
    recipients: list[str] = field(default_factory=list)
    legend: str | None = None
    landscape: bool = False
    number_line: str = ""

    @property
    def width(self) -> int:
        """Columns the layout spans: the widest table, at least 8."""
        return max([8] + [len(s.table.headers) for s in self.sections if s.table])


def letterhead(who: Identity, today: date | None = None) -> tuple[list[str], str]:
    """Organisation lines (the superior, then the issuer) and 'place, ngày … tháng … năm …'."""
    today = today or local_today()
    org = [line for line in (who.superior_name.upper(), who.issuer_name.upper()) if line]
    return org, f"{who.place_name}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"


def signature(who: Identity) -> list[str]:
    return [who.signer_on_behalf, who.signer_title, "", who.signer_name or ""]


def recipients(who: Identity) -> list[str]:
    return ["Nơi nhận:"] + who.recipients
