"""Codes a file explains in lines of their own: a software export writes its units as codes ("CB07", "DB12") in
the rows and appends what each stands for ("# CB07 = Chi bộ Khối phố 7", "CB01: Chi bộ Khu phố 1"). A unit column
of codes is read through those lines; a code no line explains stays as written, with a warning."""

import re
from typing import Any

import pandas as pd

from .normalising import clean_text, fold, is_blank, normalise_unit_name
from .unit_abbreviations import written_out

SCAN_ROWS = 60
_LINE = re.compile(r"^\s*(?:#+|//|--|\*+)?\s*(?P<code>[A-Za-z0-9][A-Za-z0-9._/-]{0,11})\s*(?:=|:|->|→|\s[-–]\s)\s*"
                   r"(?P<meaning>\S.{1,150}?)\s*[.;]?\s*$")
# Headers of a column of unit codes: "MaDV", "Mã đơn vị", "Mã chi bộ", "Ma_CB"
_CODE_HEADER = re.compile(r"^ma\s?_?\s?(?:dv|don\s?vi|chi\s?bo|cb|db|dang\s?bo|to\s?chuc(?:\s?dang)?)$")
UNEXPLAINED = ("Cột {letter} «{header}»: mã đơn vị {codes} không có dòng giải nghĩa trong tệp (như «CB01 = Chi bộ "
               "Khu phố 1»), giữ nguyên mã; xin sửa thành tên chi bộ trước khi nhập")


def _key(value: Any) -> str:
    return str(value).strip().casefold()


def code_lines(rows: list[list[Any]]) -> dict[str, str]:
    """Code -> meaning for every 'code = meaning' line among a sheet's first and last rows (cells alone on a row
    or in its first column)."""
    edge = rows[:SCAN_ROWS] + rows[max(SCAN_ROWS, len(rows) - SCAN_ROWS):]
    found = {}
    for row in edge:
        filled = [cell for cell in row if not is_blank(cell)]
        if len(filled) != 1 or not isinstance(filled[0], str):
            continue
        match = _LINE.match(filled[0])
        if match:
            found.setdefault(_key(match.group("code")), clean_text(match.group("meaning")))
    return found


def is_code_header(header: Any) -> bool:
    return bool(_CODE_HEADER.match(fold(header)))


def explained_code_column(frame: pd.DataFrame, columns, codes: dict[str, str]):
    """With no unit column mapped, the unmapped column whose every value is a code the file's lines explain
    ("MaDV" might be a member's code or a unit's: the explaining lines settle it), or None."""
    if not codes:
        return None
    for column in columns:
        if column.field or column.month or column.index not in frame.columns:
            continue
        distinct = [value for value in pd.unique(frame[column.index].to_numpy(dtype=object)) if not is_blank(value)]
        if distinct and all(codes.get(_key(value)) for value in distinct):
            return column
    return None


def decode_unit_codes(frame: pd.DataFrame, column, codes: dict[str, str], issues, notes=()) -> pd.DataFrame:
    """The frame with the unit column's codes replaced by the units the code lines name, when the column is one of
    codes (its header says so, or every value is an explained code). A code a note spells out otherwise ("Mã chi
    bộ: MH - Chi bộ thôn …; TN - …" on one line: `notes`, ``importers.unit_abbreviations``) is written out later,
    not warned about here."""
    if column is None or column.index not in frame.columns:
        return frame
    values = frame[column.index]
    distinct = [value for value in pd.unique(values.to_numpy(dtype=object)) if not is_blank(value)]
    explained = {value: codes.get(_key(value)) for value in distinct}
    if not distinct or not (is_code_header(column.header) or all(explained.values())):
        return frame
    missing = [str(value) for value, unit in explained.items() if not unit and written_out(value, notes) == value]
    if missing:
        issues.warning(None, column.letter, "unit", None, UNEXPLAINED.format(
            letter=column.letter, header=column.header, codes=", ".join(f"«{code}»" for code in missing[:5])))
    names = {value: normalise_unit_name(unit) or unit for value, unit in explained.items() if unit}
    frame = frame.copy(deep=False)
    frame[column.index] = values.map(lambda value: names.get(value, value))
    return frame
