"""When a sheet's rows are about: the meeting date in a row's date column, else the meetings or months its header
lists, else the one month or day the sheet states (its tab "Tháng 7", its title "… THÁNG 7/2025", "Thời gian: …
ngày 03/01/2025", a label with the date in a later cell of its row), else nothing (a roster, a summary naming no
period).

A register kept one sheet per month lists the same people on every sheet, each time for another month: its sheets
repeat people, not records; so does one sheet per quarter, each its own meeting days ("05/04 | 05/05 | 05/06", dated
in the year its title or tab states). Only a sheet whose people come with the same periods as the others' repeats them
(``importers.repeated_tabs`` leaves such a summary or copy out)."""

import re

from .date_words import meeting_days, month_and_year, read_meeting_date, year_of_tab
from .header_years import column_years
from .mapping import match_field
from .normalising import clean_text, fold, year_in_text
from .results import SheetData, Table
from .sheet_context import labelled_dates, tab_facts, title_date

# A title's one month: "… THÁNG 7/2025", "tháng 07 năm 2025"; not a date's month ("ngày 10 tháng 7 năm 2025") nor
# one of several ("tháng 7, 8, 9").
_TITLE_MONTH = re.compile(r"(?<!\d )\bthang (\d{1,2})\b(?: (?:nam )?((?:19|20)\d{2})\b)?(?! \d)")

Period = tuple | None  # ("day", iso or "--MM-DD"), ("month", year or None, month); None: the rows say no period


def _title_month(titles: list[str]) -> Period:
    """The one month the title lines name, with the year they state."""
    found = {(int(match.group(1)), match.group(2)) for text in titles
             for match in _TITLE_MONTH.finditer(fold(text)) if 1 <= int(match.group(1)) <= 12}
    if len({month for month, _ in found}) != 1:
        return None
    month, year = next(iter(found))
    return "month", int(year) if year else year_in_text(titles), month


def sheet_period(name: str | None, table: Table, rows: list[list] | None = None) -> Period:
    """The one period a sheet states for all its rows: a meeting day in its title (or on a label's row of `rows`,
    "Thời gian (ngày họp):" | 11/03/2025), its tab's month, its title's."""
    lines = [(row, text) for row, text in enumerate(table.title_text, start=1)]
    if rows is not None and table.header_rows:
        lines += [(len(table.title_text) + row, text) for row, text in labelled_dates(rows, table.header_rows[0])]
    day = title_date(lines)
    if day is not None:
        return "day", day.value
    tab = tab_facts(name)
    if "month" in tab:
        year = int(tab["year"].value) if "year" in tab else year_in_text(table.title_text)
        return "month", year, int(tab["month"].value)
    return _title_month(table.title_text)


STAND_IN_YEAR = 2000  # a leap year, to read a day/month no cell gives the year of ("29/02"); the year is then dropped


def _header_periods(table: Table, rows: list[list], year: int | None) -> set:
    """The meetings or months a wide register's header lists, one per column: a day/month label ("05/04" under
    "Ngày sinh hoạt") dated in the year over its column or the sheet's `year` (a day and month alone, "--04-05",
    when nothing states one), a month label in its own year or that one (tabs "Năm 2024" and "Năm 2025" with the
    same "T01" … "T12" list different months)."""
    over = column_years(table, rows)
    yearless = year is None and not any(over)
    days = meeting_days(table.labels, table.parents, table.dates, STAND_IN_YEAR if yearless else year, over)
    periods = set()
    for index, label in enumerate(table.labels):
        day = days[index] if index < len(days) else None
        parent = table.parents[index] if index < len(table.parents) else None
        month = None if day else month_and_year(label, parent)
        if day:
            periods.add(("day", f"--{day[5:]}" if yearless and day.startswith(f"{STAND_IN_YEAR}-") else day))
        elif month:
            periods.add(("month", month[1] or (over[index] if index < len(over) else None) or year, month[0]))
    return periods


def person_periods(sheet: SheetData, table: Table, specs, key_fields) -> set[tuple[str, Period]]:
    """(folded name, period) for each person of the sheet's body and each period the row is about."""
    fields = [match_field(label, specs) for label in table.labels]
    key = next((index for index, name in enumerate(fields) if name in key_fields), None)
    if key is None:
        return set()
    date = next((index for index, name in enumerate(fields) if name == "date"), None)
    stated = sheet_period(sheet.name, table, sheet.rows)
    year = ((stated[1] if stated and stated[0] == "month" else None) or year_in_text(table.title_text)
            or year_of_tab(sheet.name))
    listed = _header_periods(table, sheet.rows, year) or {stated}
    pairs = set()
    for row in sheet.rows[table.body_start:]:
        name = clean_text(row[key]) if key < len(row) and isinstance(row[key], str) else None
        if not name or len(name.split()) < 2:
            continue
        day = read_meeting_date(row[date], year=year).date if date is not None and date < len(row) else None
        pairs |= {(fold(name), ("day", day.isoformat()))} if day else {(fold(name), period) for period in listed}
    return pairs


def covers(mine: set, others: set) -> bool:
    """Each (person, period) of the others is one of mine, or mine names the person with no period."""
    return all(pair in mine or (pair[0], None) in mine for pair in others)
