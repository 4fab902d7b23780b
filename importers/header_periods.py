"""What the header rows over a month column say of its year and of its part of the year, read at every level above
the column's label and not only on the row right above it: 'Năm 2026' merged over 'Quý I' | 'Quý II', each merged
over its months 'T1' … 'T6', under a title that names no year.

- The year of a month column is the one written nearest over it ('Năm 2026', 'NĂM 2026', '2026', 'Sinh hoạt năm
  2026', a quarter with its year 'Quý I/2026'), so two years over different months ('Năm 2025' | 'Năm 2026') each
  date their own months. A different year further up over the same column is warned about (the nearest wins).
- A quarter or half-year over a month column ('Quý I', '6 tháng đầu năm') is a check only: the month is the
  column's own label. 'Quý II' over 'T1' says the header is not what it seems, and the file is refused naming the
  quarter's cell. Other parts of the year ('Học kỳ I') are seen through.
- A year in the title other than every year written over the months is warned about; the header wins, as a year in
  the month label itself does (``importers.kinds.attendance_values.month_dates``).

The merged text stands in the merge's first cell only (in a CSV export too), so each header cell is carried right
across the blank cells after it, as ``importers.header_years`` does."""

from dataclasses import dataclass
from typing import Any

from . import errors as msg
from .date_words import month_and_year
from .errors import ImportFileError
from .mapping import column_letter
from .month_numbers import header_text, year_of_label
from .month_years import school_year
from .normalising import is_blank
from .period_labels import period_months, period_year
from .results import Table
from .validating import cell_ref

NESTED_YEARS = ("Trang «{sheet}»: ô {near} ghi năm {year} trên cột tháng {letter}{more}, nhưng ô {far} phía trên ghi "
                "năm {other}: đã lấy năm {year} ghi gần cột tháng nhất, xin kiểm tra lại")
TITLE_YEAR_UNDER_HEADER = ("Trang «{sheet}»: tiêu đề ghi năm {title} nhưng dòng tiêu đề trên các cột tháng ghi năm "
                           "{header}: lấy năm ghi trên các cột tháng")


@dataclass(frozen=True)
class HeaderCell:
    """A header cell over a column: its 0-based sheet row, the column its (merged) text stands in, the text."""

    row: int
    col: int
    text: str


def _carried(row: list[Any], index: int) -> list[HeaderCell | None]:
    """Each text cell of a header row carried right across the blank cells after it, with the column it stands in."""
    out, carried = [], None
    for col, cell in enumerate(row):
        text = header_text(cell)
        carried = HeaderCell(index, col, text) if text else (carried if is_blank(cell) else None)
        out.append(carried)
    return out


def cells_above(table: Table, rows: list[list[Any]]) -> list[list[HeaderCell]]:
    """Per column of the table, the header cells over its label (on the rows above the lowest row the column has
    a cell in), nearest first."""
    header = [row for row in table.header_rows if row < len(rows)]
    carried = {row: _carried(rows[row], row) for row in header}
    out = []
    for col in range(len(table.labels)):
        level = max((row for row in header if col < len(rows[row]) and not is_blank(rows[row][col])), default=None)
        above = [carried[row][col] for row in reversed(header)
                 if level is not None and row < level and col < len(carried[row])]
        out.append([cell for cell in above if cell is not None])
    return out


def _year(text: str) -> int | None:
    return year_of_label(text) or period_year(text)


def month_columns(table: Table, dates: list) -> dict[int, int]:
    """Column -> month of each month column not yet dated by a day ('T1', 'Tháng 1', 'Th1', '1' under 'Tháng')."""
    found = {}
    for col, (label, parent) in enumerate(zip(table.labels, table.parents or [""] * len(table.labels))):
        month = month_and_year(label, parent) if label and not (col < len(dates) and dates[col]) else None
        if month:
            found[col] = month[0]
    return found


@dataclass
class HeaderYears:
    """The year written over each month column (None where none is), and the warnings reading them gave."""

    years: list[int | None]
    warnings: list[str]


def header_month_years(table: Table, rows: list[list[Any]], dates: list, sheet: str | None,
                       title_year: int | None) -> HeaderYears:
    """The year the header rows write nearest over each month column; a farther different year, or a title year
    none of them is, is a warning."""
    above = cells_above(table, rows)
    years: list[int | None] = [None] * len(table.labels)
    warnings, differing = [], []
    for col in month_columns(table, dates):
        named = [(cell, _year(cell.text)) for cell in above[col]]
        named = [(cell, year) for cell, year in named if year]
        if not named:
            continue
        years[col] = named[0][1]
        farther = next(((cell, year) for cell, year in named[1:] if year != named[0][1]), None)
        if farther:
            differing.append((col, named[0], farther))
    if differing:
        col, (near, year), (far, other) = differing[0]
        more = f" (và {len(differing) - 1} cột khác)" if len(differing) > 1 else ""
        warnings.append(NESTED_YEARS.format(
            sheet=sheet, near=cell_ref(None, near.row + 1, column_letter(near.col)), year=year,
            far=cell_ref(None, far.row + 1, column_letter(far.col)), other=other, letter=column_letter(col),
            more=more))
    written = sorted({year for year in years if year})
    span = school_year(table.title_text)
    if title_year and written and title_year not in written and not (span and set(written) <= set(span)):
        warnings.append(TITLE_YEAR_UNDER_HEADER.format(
            sheet=sheet, title=title_year, header=", ".join(str(year) for year in written)))
    return HeaderYears(years, warnings)


def misplaced_months(table: Table, rows: list[list[Any]], dates: list) -> list[tuple[HeaderCell, int, int]]:
    """(quarter or half-year cell, column, month) of each month column under a part of the year not holding it."""
    above = cells_above(table, rows)
    found = []
    for col, month in month_columns(table, dates).items():
        for cell in above[col]:
            months = period_months(cell.text)
            if months is not None and month not in months:
                found.append((cell, col, month))
                break
    return found


def refuse_misplaced_months(table: Table, rows: list[list[Any]], dates: list, sheet: str | None) -> None:
    """Refuse a register whose header sets a month column under a quarter or half-year that does not hold it."""
    found = misplaced_months(table, rows, dates)
    if found:
        by_cell: dict[HeaderCell, list[str]] = {}
        for cell, col, month in found:
            by_cell.setdefault(cell, []).append(f"{column_letter(col)} «{table.labels[col]}» (tháng {month})")
        cells = "; ".join(f"ô {cell_ref(None, cell.row + 1, column_letter(cell.col))} ghi «{cell.text}» trên cột "
                          f"{', '.join(columns)}" for cell, columns in by_cell.items())
        raise ImportFileError(msg.MONTH_OUTSIDE_PERIOD.format(sheet=sheet, cells=cells))
