"""A roster kept for years, one sheet per year: "DS 2021" … "DS 2025", "Năm 2024" | "Năm 2025", or tabs of any
name under titles "… NĂM 2021" … "… NĂM 2025" (a "Năm: 2025" line too). Each sheet is that year's whole list of
working groups, a membership of its own (old sheets of a commune merged away left in), so the sheets are versions of
one list, not its parts: only the latest year's sheets are read (two sheets of that year both), and one warning names
the sheets of earlier years left aside. The officer can still pick any sheet (``sheet=``, the preview's choice).
The active sheet is not read from the file, so it never overrules the latest year.

Only a roster is a snapshot: a register kept one tab per year or period is a history, every tab read
(``importers.sheet_periods``). A sheet's year is the one its tab names, else the one its title states ("… NĂM
2023"; a place-and-date line "…, ngày 05 tháng 9 năm 2025" says when it was signed, not which year it lists); years
in the rows (birth dates, a date column) say nothing. A sheet says no clear year when its tab or title names two
years ("NK 2020-2025"), a part of a year ("Quý I 2025", "T12-2024", "6 tháng đầu năm 2025"), a draft ("DS 2026 (dự
kiến)"), tab and title disagree, or its tab names a group or a unit ("Doan 2 - 2024": sheets per group). When the
sheets name several years but one of them states no year or no clear one, nothing is left aside: all are read as
before, with a warning asking to choose the year's sheet."""

import re

from .date_words import meeting_days, stated_years, years_of_tab
from .normalising import fold
from .results import SheetData, Table
from .sheet_context import tab_facts
from .sheet_periods import STAND_IN_YEAR

# A part of a year, in a tab or the title line stating the year: a month, quarter, half, round, term or week
# ("Tháng 3", "T12", "Quý II", "Q1", "6 tháng đầu năm", "Đợt 2", "Học kỳ I", "Nhiệm kỳ", "HK2"); a place's
# name is none ("xã Lâm Thắng", "Kỳ Anh").
_NUMBERED = r"\s*(?:\d{1,2}|[ivx]+)\b"
_PART_OF_YEAR = re.compile(rf"\b(?:(?:thang|quy|dot|tuan|hk|q|t|th){_NUMBERED}|\d{{1,2}}\s*(?:thang|t)\b|"
                           r"(?:thang|nua)\s+(?:dau|cuoi)\b|(?:hoc|nhiem)\s+ky\b"
                           r"|du kien|du thao)")  # a draft ("DS 2026 (dự kiến)") is no year's list yet
LATEST_SOURCE = "danh sách của năm mới nhất (các trang năm trước để riêng)"
UNCLEAR = 0  # the year of a sheet whose tab or title says no one year


def lists_meetings(table: Table) -> bool:
    """Whether the header dates meetings ("05/01 | 05/02" under "Ngày sinh hoạt", even before a year is given to
    them): a register's, whose tabs are all read."""
    return any(meeting_days(table.labels, table.parents, table.dates, STAND_IN_YEAR))


def _named_years(name: str, table: Table) -> set[int]:
    return years_of_tab(name) | set(stated_years(table.title_text))


def sheet_year(name: str, table: Table) -> int | None:
    """The one year a sheet's tab or title states, None when neither states one, UNCLEAR when they say no one year."""
    years = _named_years(name, table)
    if len(years) > 1 or years_of_tab(name) and (_PART_OF_YEAR.search(fold(name)) or set(tab_facts(name)) - {"year"}):
        return UNCLEAR
    if any(_PART_OF_YEAR.search(line) for line in stated_years(table.title_text).values()):
        return UNCLEAR
    return next(iter(years), None)


def _quoted(names: list[str]) -> str:
    return ", ".join(f"«{name}»" for name in names)


def latest_year(versions: list[tuple[SheetData, Table]]) -> tuple[list[str], list[str]]:
    """Of a roster's sheets of one kind of list (`versions`, in workbook order), the sheets of earlier years to leave
    aside and the warnings: none when fewer than two years are stated."""
    years = {sheet.name: sheet_year(sheet.name, table) for sheet, table in versions}
    stated = sorted(set().union(*(_named_years(sheet.name, table) for sheet, table in versions)))
    if len(stated) < 2:
        return [], []
    unclear = [name for name, year in years.items() if not year]
    if unclear:
        listed = ", ".join(str(year) for year in stated)
        return [], [f"Các trang {_quoted(list(years))} ghi các năm khác nhau ({listed}) nhưng trang {_quoted(unclear)} "
                    "không ghi rõ một năm: không bỏ trang nào vì năm — nếu mỗi trang là danh sách của một năm, hãy "
                    "chọn trang của năm cần nhập."]
    latest = stated[-1]
    left = [name for name, year in years.items() if year != latest]
    kept = [name for name, year in years.items() if year == latest]
    return left, [f"Trang {_quoted(left)} là danh sách các năm trước: chỉ đọc trang {_quoted(kept)} (năm {latest}, "
                  "năm mới nhất); chọn trang khác nếu cần."]
