"""Codes a workbook explains on a sheet of their own: the roster writes each unit as a code ("KP-PH1", "YT") and a
catalogue sheet ("DM_CoSo": Mã | Tên tổ chức cơ sở đảng | …) gives the name of each. A catalogue is two neighbouring
columns, codes then names, one line per code, every code once. A unit (or group) column of codes is read through
the one catalogue that holds every code the column uses (``kinds.catalogued_codes``)."""

import re
from dataclasses import dataclass
from typing import Any

from .normalising import clean_text, is_blank

SCAN_ROWS = 500
MIN_CODES = 2
_TOKEN = re.compile(r"^[^\W_][\w./-]{0,11}$")


@dataclass
class Catalogue:
    """Code (case-folded) -> name, read from one sheet."""

    sheet: str
    names: dict[str, str]


def is_code(value: Any) -> bool:
    """True for a text that reads as a code rather than a name: one short token of letters with digits or joiners
    ("KP-PH1", "CB07", "TH.TA") or in capitals ("YT"), never a plain word ("Khu") or a number."""
    text = clean_text(value) if isinstance(value, str) else None
    if text is None or not _TOKEN.match(text) or not any(ch.isalpha() for ch in text):
        return False
    return any(ch.isdigit() or ch in "-./_" for ch in text) or (text.isupper() and len(text) >= 2)


def code_key(value: Any) -> str:
    """A code as catalogues are keyed: cleaned, case-folded."""
    return str(clean_text(value)).casefold()


def _is_name(value: Any) -> bool:
    """A name a code stands for: words, not a code, a number or a date ('05/08/2025')."""
    return isinstance(value, str) and not is_blank(value) and not is_code(value) \
        and sum(ch.isalpha() for ch in value) >= 2


def _pairs(rows: list[list[Any]], at: int) -> dict[str, str] | None:
    """Code -> name of the code column at `at` and the name column right of it, None when it is no catalogue."""
    names: dict[str, str] = {}
    for row in rows[:SCAN_ROWS]:
        code = row[at] if at < len(row) else None
        name = row[at + 1] if at + 1 < len(row) else None
        if not is_code(code) or not _is_name(name):
            continue
        key = code_key(code)
        if key in names and names[key] != clean_text(name):
            return None  # one code, two names: not a catalogue
        names[key] = clean_text(name)
    return names if len(names) >= MIN_CODES else None


def read_catalogues(sheets: list, chosen: str | None) -> list[Catalogue]:
    """Every catalogue on the workbook's sheets other than the one read."""
    found = []
    for sheet in sheets:
        if sheet.name == chosen or not sheet.rows:
            continue
        width = max(len(row) for row in sheet.rows[:SCAN_ROWS])
        found += [Catalogue(sheet.name, names) for at in range(width - 1) if (names := _pairs(sheet.rows, at))]
    return found


def is_catalogue(rows: list[list[Any]]) -> bool:
    """True for a sheet whose first columns are a catalogue of codes (not a data table left unread)."""
    width = max((len(row) for row in rows[:SCAN_ROWS]), default=0)
    return any(_pairs(rows, at) for at in range(width - 1))
