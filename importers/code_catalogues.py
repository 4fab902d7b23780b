"""Codes a workbook explains on a sheet of their own: the roster writes each unit as a code ("KP-PH1", "YT") and a
catalogue sheet ("DM_CoSo": Mã | Tên tổ chức cơ sở đảng | …) gives the name of each. A catalogue is two neighbouring
columns, codes then names, one line per code, every code once. A unit (or group) column of codes is read through
the one catalogue that holds every code the column uses (``kinds.catalogued_codes``).

An HR export (QLCB) codes with numbers too ("01 | Trưởng đoàn" on "DM_VAITRO"): a number is a code only in a
catalogue whose header names its column as codes ("Mã", "MA", "ROLE_CODE", "Mã vai trò"), or whose names are all
role words; a numbered list ("STT | Họ và tên") is no catalogue. Which field a catalogue's names fit, and the
columns read through one, are ``kinds.coded_columns``' and ``kinds.catalogued_codes``' to say."""

import re
from dataclasses import dataclass
from typing import Any

from .code_headers import code_words, is_code_label
from .normalising import clean_text, fold, is_blank
from .role_words import strict_role

SCAN_ROWS = 500
MIN_CODES = 2
_TOKEN = re.compile(r"^[^\W_][\w./-]{0,11}$")
_NUMBER = re.compile(r"^\d{1,4}$")
_CODE_WORDS = ("ma", "code", "id")  # a header naming its column as codes: "Mã", "Mã vai trò", "ROLE_CODE", "ID"


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


def number_code(value: Any) -> str | None:
    """A number written as a code ("01", "3", or the number 3 an export saved as such), as written; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() and 0 <= value < 10000 else None
    text = clean_text(value) if isinstance(value, str) else None
    return text if text is not None and _NUMBER.match(text) else None


def code_key(value: Any) -> str:
    """A code as catalogues are keyed: cleaned, case-folded ("01" stays "01": the lookup is exact)."""
    number = number_code(value)
    return number if number is not None else str(clean_text(value)).casefold()


def names_codes(header: Any) -> bool:
    """True for a header naming its column as codes ("Mã", "Mã vai trò", "MA_DOAN", "ROLE_CODE", "Code")."""
    if not isinstance(header, str) or not header.strip():
        return False
    words = (code_words(header) if is_code_label(header) else fold(header)).split()
    return bool(words) and (words[0] in _CODE_WORDS or words[-1] in _CODE_WORDS)


def _is_name(value: Any) -> bool:
    """A name a code stands for: words, not a code, a number or a date ('05/08/2025')."""
    return isinstance(value, str) and not is_blank(value) and not is_code(value) \
        and sum(ch.isalpha() for ch in value) >= 2


def _pairs(rows: list[list[Any]], at: int) -> dict[str, str] | None:
    """Code -> name of the code column at `at` and the name column right of it, None when it is no catalogue.
    Numbers count as codes under a header naming codes, or when every name they stand for is a role."""
    names: dict[str, str] = {}
    numbered: dict[str, str] = {}
    headed = False
    for row in rows[:SCAN_ROWS]:
        code = row[at] if at < len(row) else None
        name = row[at + 1] if at + 1 < len(row) else None
        if names_codes(code) and isinstance(name, str) and not names and not numbered:
            headed = True  # the catalogue's header row: "Mã | Tên", "ROLE_CODE | ROLE_NAME"
            continue
        if not _is_name(name):
            continue
        found = names if is_code(code) else numbered if number_code(code) is not None else None
        if found is None:
            continue
        key = code_key(code)
        if key in found and found[key] != clean_text(name):
            return None  # one code, two names: not a catalogue
        found[key] = clean_text(name)
    if numbered and (headed or all(strict_role(name, {}) for name in numbered.values())):
        names = {**names, **numbered}
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
