"""A birth date written in the name cell ("Nguyễn Văn An (15/03/1978)", "Lê Văn Bình - SN: 15/3/1978",
"Trần Thị B (SN 02-11-1985)", "Phạm Thị Cúc, sinh năm 1978") is cut out of the name. A year of two digits
("Nguyễn Văn An (15/3/78)", "Lê Thị Hoa - SN 78") is read as dates in a column are (78 -> 1978, 05 -> 2005), and
the cells whose century was assumed are named in a warning.

The date goes where a birth-date column would hold it. When the sheet has a birth-date column, that column wins:
a blank cell takes the date from the name, a different date is said in a warning naming both cells. A year alone
("sinh năm 1978") gives no birth date (the record holds whole dates only); the officer is told once per column."""

import datetime as dt
import re
from typing import Any

import pandas as pd

from ..normalising import fold, is_blank, normalise_date, two_digit_year
from .roster_stage import RosterStage

# The words that may open the birth part: "SN", "sinh", "sinh ngày", "sinh năm", "NS", "năm sinh", "ngày sinh".
_LEAD = r"(?:(?:s\.?\s?n|n\.?\s?s|sinh(?:\s+(?:ngày|năm))?|(?:ngày|năm)\s+sinh)\s*:?\s*)"
_DATE = r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:\d{4}|\d{2})"
_YEAR = r"(?:19|20)\d{2}"
_SHORT = r"\d{2}"  # a year of two digits, only after "SN" / "sinh năm" (in brackets alone it may be an age)
_BIRTH = rf"(?:(?P<lead>{_LEAD})(?P<short>{_SHORT})\b|(?P<lead2>{_LEAD})?(?:(?P<date>{_DATE})|(?P<year>{_YEAR})))"
SHAPES = (
    re.compile(rf"^(?P<name>[^\d()\[\]]*?\S)\s*[(\[]\s*{_BIRTH}\s*[)\]]\s*\.?$", re.IGNORECASE),
    re.compile(rf"^(?P<name>[^\d()\[\]]*?[^\s,;:\-–—])\s*(?:\n|[,;]|\s[-–—]|[-–—]\s)\s*{_BIRTH}\s*\.?$",
               re.IGNORECASE),
    re.compile(rf"^(?P<name>[^\d()\[\]]*?\S)\s+(?:(?P<lead>{_LEAD})(?P<short>{_SHORT})\b|(?P<lead2>{_LEAD})"
               rf"(?:(?P<date>{_DATE})|(?P<year>{_YEAR})))\s*\.?$", re.IGNORECASE),
)
MIN_NAME_WORDS = 2


NO_DATE = "no date"  # the birth part of a name cell that makes no real date ("31/02/1978")


def split_birth(text: Any, bare_year: bool = False) -> tuple[str, dt.date | int | str, bool] | None:
    """(name, birth date or year, whether the year was of two digits) when the cell holds a name followed by a
    birth date, else None; the date is NO_DATE when the birth part names no real day. A year alone after the name
    needs "SN" / "sinh" or brackets, unless the column's header says the cells hold the birth date (`bare_year`);
    a year of two digits alone needs "SN" / "sinh"."""
    if not isinstance(text, str) or not any(ch.isdigit() for ch in text):
        return None
    for shape in SHAPES:
        match = shape.match(text.strip())
        if match is None:
            continue
        name = match.group("name").strip(" -–—,;:")
        if len(name.split()) < MIN_NAME_WORDS or not all(word.isalpha() for word in fold(name).split()):
            continue
        if match.group("short"):
            return name, two_digit_year(int(match.group("short"))), True
        if match.group("year"):
            if not (match.group("lead2") or bare_year or "(" in text or "[" in text):
                continue  # "Nguyễn Văn An - 1978" may be anything
            return name, int(match.group("year")), False
        typed = re.sub(r"\s+", "", match.group("date")).replace(".", "/").replace("-", "/")
        date, problem = normalise_date(typed)
        short = len(typed.rsplit("/", 1)[-1]) == 2
        return name, NO_DATE if date is None or problem is not None else date, short
    return None


def births_from_names(stage: RosterStage) -> None:
    """Cut birth dates out of the name cells; they fill (or are checked against) the birth-date column."""
    key = stage.mapped("full_name")
    if key is None or not len(stage.frame):
        return
    names = stage.frame[key.index]
    codes, uniques = pd.factorize(names, use_na_sentinel=True)
    bare_year = "sinh" in fold(key.header).split()  # "Họ và tên, năm sinh"
    found = [split_birth(value, bare_year) for value in uniques] + [None]
    split = pd.Series([found[code] for code in codes], index=names.index, dtype=object)
    marked = split.notna()
    if not marked.any():
        return
    stage.write(key, names.where(~marked, split.map(lambda found: found[0] if found else None)))
    births = split.map(lambda found: found[1] if found else None)
    _warn_centuries(stage, key, names, births, split.map(lambda found: bool(found and found[2])))
    for row in births.index[births.eq(NO_DATE).to_numpy()]:
        stage.refuse(int(row), key.letter, "birth_date", names[row],
                     f"ngày sinh ghi trong ô họ tên «{names[row]}» không phải ngày có thật; hãy sửa lại",
                     "ngày sinh không có thật")
    births = births.where(births.ne(NO_DATE))
    years = births.map(lambda value: isinstance(value, int))
    dates = births.where(marked & ~years)
    column = stage.mapped("birth_date")
    typed = stage.frame[column.index].map(lambda v: not is_blank(v)) if column is not None else False
    _warn_years(stage, key, names, births, years & ~typed)
    if column is None:
        stage.carry("birth_date", dates)
        return
    _agree_with_column(stage, key, column, dates, births.where(years), names)


def _warn_centuries(stage: RosterStage, key, names: pd.Series, births: pd.Series, short: pd.Series) -> None:
    """Name the cells whose birth year had two digits, with the century taken (one line for the column)."""
    rows = [row for row in births.index[short.to_numpy()] if births[row] != NO_DATE]
    if not rows:
        return
    shown = ", ".join(f"{key.letter}{row} «{names[row]}» -> {_year(births[row])}" for row in rows[:5]) \
        + (", …" if len(rows) > 5 else "")
    stage.issues.warning(
        int(rows[0]), key.letter, "birth_date", names[rows[0]] if len(rows) == 1 else None,
        f"cột {key.letter} «{key.header}»: {len(rows)} họ tên ghi năm sinh hai chữ số, đã hiểu thế kỷ như sau "
        f"({shown}); hãy kiểm tra lại")


def _year(birth) -> int:
    return birth if isinstance(birth, int) else birth.year


def _warn_years(stage: RosterStage, key, names: pd.Series, births: pd.Series, years: pd.Series) -> None:
    rows = list(births.index[years.to_numpy()])
    if not rows:
        return
    shown = ", ".join(f"{key.letter}{row} «{names[row]}»" for row in rows[:5]) + (", …" if len(rows) > 5 else "")
    stage.issues.warning(
        int(rows[0]),
        key.letter,
        "birth_date",
        None,
        f"cột {key.letter} «{key.header}»: {len(rows)} họ tên chỉ ghi năm sinh, không đủ ngày tháng nên để trống "
        f"ngày sinh ({shown})",
    )


def _agree_with_column(stage: RosterStage, key, column, dates: pd.Series, years: pd.Series,
                       names: pd.Series) -> None:
    """The birth-date column wins; its blank cells take the name's date and a different date is warned about."""
    cells = stage.frame[column.index]
    written = cells.copy()
    for row in dates.index[(dates.notna() | years.notna()).to_numpy()]:
        cell = cells[row]
        if is_blank(cell):
            if dates[row] is not None and not pd.isna(dates[row]):
                written[row] = dates[row]
            continue
        typed, _ = normalise_date(cell)
        stated = dates[row] if dates.notna()[row] else years[row]
        same = typed is not None and (typed == stated if isinstance(stated, dt.date) else typed.year == stated)
        if typed is not None and not same:
            stage.issues.warning(
                int(row), column.letter, "birth_date", cell,
                f"ô họ tên {key.letter}{row} «{names[row]}» ghi năm/ngày sinh khác với ô ngày sinh "
                f"{column.letter}{row}; dùng ô ngày sinh, hãy kiểm tra lại")
    if not written.equals(cells):
        stage.write(column, written)
