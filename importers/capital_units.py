"""A unit's name the file only ever writes in capitals ("CHI BỘ PHÂN XƯỞNG VỎ TÀU 2", "CHI BỘ LÀNG KON RƠNG") is
read by the rule of ``importers.unit_words``: the first syllable of each word of an organisation's name capitalised,
the other syllables of a compound common word not ("Chi bộ Phân xưởng Vỏ tàu 2"). Capitals do not say which
syllables are a place's or a person's name ("Kon Rơng", "Bắc Hồng": each capitalised) and which a common noun's
("vỏ tàu", "làng"), and no lexicon holds every trade or every name, so the spelling read may not be the one the
chi bộ uses. It is never silent: one warning per distinct unit names the first cell writing it in capitals and the
spelling read, for the officer to check.

A unit the file also writes in ordinary case anywhere (another title line, a cell of a column, another sheet) is
spelt as the file spells it (``importers.sheet_context``, ``importers.unit_spellings``) and is not warned — unless
that spelling differs in case from the one read ('CHI BỘ THÔN NẬM PUNG' read 'Chi bộ Thôn Nậm Pung' while a note
writes 'Chi bộ thôn Nậm Pung'): then the warning names the cell writing it otherwise; nor is a
unit whose name holds no word to recase ("CHI BỘ 5", "CHI BỘ TDP 5": a kind, numbers and abbreviations), nor one
only written in lower case or typed without tone marks (a tab name "CB Khu pho 1" is warned where it is read)."""

import re
import unicodedata
from collections.abc import Iterable, Sequence

from .context import fold_in_place
from .normalising import clean_text, fold
from .plausibility.findings import CHECK, warning
from .syllables import is_abbreviation
from .unit_words import spelling_key

CAPITALS_ONLY = ("{where}: tên {kind} chỉ viết chữ in hoa «{written}», đã đọc là «{unit}» — xin kiểm tra cách viết "
                 "hoa (chữ in hoa không cho biết tiếng nào là tên riêng, tiếng nào là danh từ chung)")
OTHER_CASE = ("{where}: tên {kind} được đọc từ chữ in hoa là «{unit}», nhưng ô này viết thường «{written}» — xin "
              "kiểm tra cách viết hoa, cách nào đúng thì sửa trong bảng cho thống nhất")
UNIT_KEY = "_capitals_unit"  # the unit a warning is about, until ``one_per_unit`` keeps one line per unit
_KINDS = (("chi bo ", "chi bộ"), ("dang bo ", "đảng bộ"), ("dang uy ", "đảng ủy"))
_MAX_CELL = 500
_LETTERS = re.compile(r"[^\W\d_]")


def _letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _cells(sheets: Sequence, first: str | None) -> list[tuple[str | None, int, int, str, str]]:
    """(sheet, 1-based row, 0-based column, text, text folded in place) of every text cell of the workbook, the
    sheet read first before the others."""
    ordered = sorted(sheets, key=lambda sheet: sheet.name != first)
    found = []
    for sheet in ordered:
        for row, cells in enumerate(sheet.rows or []):
            for col, cell in enumerate(cells):
                if isinstance(cell, str) and len(cell) <= _MAX_CELL and (text := clean_text(cell)):
                    found.append((sheet.name, row + 1, col, text, fold_in_place(text)))
    return found


def _kind(unit: str) -> tuple[str, str]:
    """The words naming the unit's kind ('chi bộ') and the rest of its name ('Phân xưởng Vỏ tàu 2')."""
    folded = fold(unit) + " "
    for start, word in _KINDS:
        if folded.startswith(start):
            return word, unit.split(" ", 2)[2] if unit.count(" ") >= 2 else ""
    return "đơn vị", unit


def _recased(name: str) -> bool:
    """Whether a name holds a written-out word whose case the rule chose (not only numbers and abbreviations)."""
    return any(_LETTERS.search(word) and not is_abbreviation(word) for word in name.split())


def _spans(target: str, cells: list) -> list[tuple[tuple, str]]:
    """(cell, the text as written) of each place a cell spells `target`, case and tone placement aside."""
    wanted = spelling_key(target)
    folded = fold_in_place(target)
    pattern = re.compile(rf"(?<!\w){re.escape(folded)}(?!\w)")
    found = []
    for cell in cells:
        if folded not in cell[4]:
            continue
        for match in pattern.finditer(cell[4]):
            written = cell[3][match.start():match.end()]
            if spelling_key(written) == wanted:
                found.append((cell, written))
    return found


def _is_caps(text: str) -> bool:
    return text == text.upper() and text != text.lower()


def _ordinary(text: str) -> bool:
    """Written in ordinary case: some capitals, some small letters."""
    return text != text.upper() and text != text.lower()


def capitals_only_units(units: Iterable, sheets: Sequence, first: str | None) -> list[dict]:
    """One warning for each distinct unit of `units` (the records' units) that the workbook's `sheets` write only
    in capitals (module docstring), naming the first cell that writes it, `first` sheet's before the others."""
    names = [unicodedata.normalize("NFC", unit) for unit in dict.fromkeys(units)
             if isinstance(unit, str) and unit.strip()]
    if not names:
        return []
    cells = _cells(sheets, first)
    found = []
    for unit in names:
        kind, name = _kind(unit)
        if not _recased(name) or _is_caps(unit):
            continue
        spans = _spans(unit, cells) or (_spans(name, cells) if " " in name else [])
        ordinary = [(cell, written) for cell, written in spans if _ordinary(written)]
        if ordinary and not any(written in (unit, name) for _, written in ordinary):
            found.append(_item(ordinary[0], unit, kind, OTHER_CASE))  # 'CHI BỘ THÔN X' read, 'Chi bộ thôn X' below
            continue
        if not spans or ordinary:
            continue
        caps = [(cell, written) for cell, written in spans if _is_caps(written)]
        if not caps:
            continue
        found.append(_item(caps[0], unit, kind, CAPITALS_ONLY))
    return found


def _item(span: tuple, unit: str, kind: str, text: str) -> dict:
    """The warning about `unit` at the cell of `span` ((sheet, row, column, …), the words as written there)."""
    (sheet, row, col, _, _), written = span
    where = (f"Trang «{sheet}», ô {_letter(col)}{row}" if sheet else f"Ô {_letter(col)}{row}")
    item = warning(sheet, row, _letter(col), "unit", written,
                   text.format(where=where, kind=kind, written=written, unit=unit), CHECK)
    item[UNIT_KEY] = unit
    return item


def one_per_unit(warnings: list[dict]) -> list[dict]:
    """The warnings with one line per unit written only in capitals (a register read sheet by sheet finds the unit
    on each), the working key removed."""
    seen, kept = set(), []
    for item in warnings:
        unit = item.pop(UNIT_KEY, None)
        if unit is not None:
            if unit in seen:
                continue
            seen.add(unit)
        kept.append(item)
    return kept
