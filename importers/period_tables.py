"""Wide registers split into tables stacked on one sheet: by period ('I. SÁU THÁNG ĐẦU NĂM' with T1–T6, then 'II.
SÁU THÁNG CUỐI NĂM' with its own header row T7–T12, the same people or nearly listed again), or one table per chi
bộ ('1. Chi bộ Tổ dân phố 5' over its header of meeting days '07/07 | 05/08 | …', '2. Chi bộ Tổ dân phố 6' over
'11/07 | 14/08 | …'). A row below the first table that repeats its header's other labels column for column and
names other periods of the same kind (months, or meeting days) starts a new table whose period columns mean its own
labels. The same labels again are a printed page's repeated header, not a new table; so are months named twice.
A header may take two or three rows, its period labels on the last ('STT | Họ và tên | Chi bộ | Ngày sinh hoạt'
over '06/01 | 10/02 | …'): a later table's header then repeats every row of it, and the name label sits on a row
above the periods (a person's row is never the periods' row: its name fills a column the rows above label).

The sheet is rewritten in memory as one wide table: each later table's period cells move to the columns of its
labels (a label an earlier table has keeps that table's column, others get new columns to the right, headed on the
first header row), in the same rows, and its header row and the title lines just above it are cleared, except a
line naming a unit or group ('2. Chi bộ Tổ dân phố 6'), which stays as the heading row of the rows under it. Every
row then reads with the periods its own table named.

A later table under a section title with a header of another shape ('II. SINH HOẠT CHUYÊN ĐỀ' over 'STT | Họ và tên
| Chi bộ | Chuyên đề quý III (ngày 20/9/2025) | … | Ghi chú') is rewritten the same way, its other columns too moved
to where the first table reads their fields (``importers.section_tables``)."""

import datetime as dt
from dataclasses import dataclass, field

from .context import read_context
from .date_words import read_meeting_date, without_remark
from .dated_header_rows import leaves_names_out
from .kinds import attendance
from .locating import HEADER_SCAN_ROWS
from .mapping import match_field
from .normalising import fold, is_blank, month_of_header
from .results import SheetData
from .section_tables import label_targets, labels_only, names_people, section_periods, under_section_title

TITLE_LINES = 3  # lone text lines (or blanks) over a later table's header that belong to it
MIN_PERIODS = 2
HEADER_ROWS = 3  # rows a table's header may take, its period labels on the last
ANY_YEAR = 2000  # a leap year, to tell a day/month label ('29/02') without the sheet's year
Period = tuple[str, object]  # ('month', 7) or ('day', '07 07'): the kind of period and which one


def _period(cell) -> Period | None:
    """The period a header cell names: a month ('T7', 'Tháng 7', '07/2025') or a meeting day ('07/07',
    '07/07/2025', a date cell)."""
    if isinstance(cell, dt.date):
        return "day", cell.isoformat()[:10]
    if not isinstance(cell, str) or not cell.strip():
        return None
    month = month_of_header(cell)
    if month:
        return "month", month
    bare = without_remark(cell)  # '17/6\n(ghép SP)': a joint meeting, still the meeting of 17/6
    return ("day", fold(bare)) if read_meeting_date(bare, year=ANY_YEAR).date else None


def _periods(row) -> dict[int, Period]:
    """Column -> period for the cells of a row that are period labels, all of one kind."""
    found = {index: period for index, cell in enumerate(row) if (period := _period(cell))}
    return found if len({kind for kind, _ in found.values()}) == 1 else {}


def _others(row, periods: dict[int, Period]) -> dict[int, str]:
    return {index: fold(cell) for index, cell in enumerate(row)
            if index not in periods and isinstance(cell, str) and cell.strip()}


@dataclass
class Header:
    """A table's header: its rows from `top` to `row`, the periods' row; the periods by column and the other
    labels by (row below `top`, column), folded."""

    top: int
    row: int
    periods: dict[int, Period]
    labels: dict[tuple[int, int], str]
    # a section's table with a header of its own shape (``importers.section_tables``): its label columns -> the
    # first table's column of the same field (None: a column to add); None for a table of the first one's shape
    targets: dict[int, int | None] | None = field(default=None)

    @property
    def depth(self) -> int:
        return self.row - self.top

    @property
    def columns(self) -> set[int]:
        return {column for _, column in self.labels}


def _heads_names(row, columns) -> bool:
    return any(match_field(row[index], attendance.FIELDS) == "full_name" for index in columns)


def _header(rows, row: int, depth: int, section: bool = False) -> Header | None:
    """The header whose periods are on `row` and whose other labels take the `depth` rows above it too, if it is
    one: two or more distinct periods of one kind beside other labels; with days, or over several rows, one of the
    labels heads the names (a register's data row may hold two dates, never a 'Họ và tên'). A `section` table's
    header (``importers.section_tables``) may name one period or several of any kind, meetings by their kind
    too."""
    top = row - depth
    periods = section_periods(rows[row]) if section else _periods(rows[row])
    if len(periods) < (1 if section else MIN_PERIODS) or len(set(periods.values())) != len(periods) or top < 0:
        return None
    below = _others(rows[row], periods)
    if not depth:
        days = next(iter(periods.values()))[0] == "day"
        if len(below) < 2 or (days and not _heads_names(rows[row], below)):
            return None
        return Header(top, row, periods, {(0, column): label for column, label in below.items()})
    if any(_lone_or_blank(rows[index]) for index in range(top, row)):
        return None
    above = [_others(rows[index], {}) for index in range(top, row)]
    overlap = {column for found in above for column in found} & set(below)
    if (overlap and not leaves_names_out(rows, top, row)) or not any(
            _heads_names(rows[top + offset], found) for offset, found in enumerate(above)):
        return None  # a person's row: its name (or mark words) under a column the rows above label
    labels = {(offset, column): label for offset, found in enumerate(above) for column, label in found.items()}
    return Header(top, row, periods, labels | {(depth, column): label for column, label in below.items()})


def _first_header(rows, row: int) -> Header | None:
    return next((found for depth in range(HEADER_ROWS) if (found := _header(rows, row, depth))), None)


def _lone_or_blank(row) -> bool:
    return sum(1 for cell in row if not is_blank(cell)) <= 1


def _is_repeat(periods: set[Period], tables: list[set[Period]]) -> bool:
    """A header naming an earlier table's periods again (a printed page's header), or months named before."""
    named = set().union(*tables)
    return periods in tables or (any(kind == "month" for kind, _ in periods) and bool(periods & named))


def _later_headers(rows, first: Header) -> list[Header]:
    """Headers below the first one repeating its other labels in place, row for row, each naming periods of its
    own."""
    found: list[Header] = []
    tables = [set(first.periods.values())]
    kind = next(iter(tables[0]))[0]
    (offset, column), label = next(iter(first.labels.items()))
    for index in range(first.row + first.depth + 1, len(rows)):
        line = rows[index - first.depth + offset]
        cell = line[column] if column < len(line) else None
        header = _header(rows, index, first.depth) if isinstance(cell, str) and fold(cell) == label else None
        if header is None or header.labels != first.labels:
            header = _section_header(rows, index, first, tables)
            if header is not None and header.top > (found[-1] if found else first).row:
                tables.append(set(header.periods.values()))
                found.append(header)
            continue
        if header.top <= (found[-1] if found else first).row:
            continue
        periods = set(header.periods.values())
        if next(iter(periods))[0] != kind or _is_repeat(periods, tables):
            continue
        tables.append(periods)
        found.append(header)
    return found


def _section_header(rows, index: int, first: Header, tables: list[set[Period]]) -> Header | None:
    """A section's table below the first one with a header of its own shape, its periods on row `index`
    (``importers.section_tables``)."""
    for depth in range(min(HEADER_ROWS, index + 1)):  # the cheap tests first: a register's body is long
        if not labels_only(rows, index - depth, index) or not under_section_title(rows, index - depth):
            continue
        header = _header(rows, index, depth, section=True)
        if header is None or not names_people(header.labels, rows, header.top):
            continue
        if _is_repeat(set(header.periods.values()), tables):
            return None
        first_labels = {column: rows[first.top + offset][column] for offset, column in first.labels}
        own = {column: rows[header.top + offset][column] for offset, column in sorted(header.labels)
               if column not in header.periods}  # a label over its meetings ('Chuyên đề') is theirs
        header.targets = label_targets(first_labels, own)
        return header
    return None


def _is_row_of_people(row, columns: set[int]) -> bool:
    """A person's row: something in a column the header names besides the periods, and not a lone line."""
    return not _lone_or_blank(row) and any(index < len(row) and not is_blank(row[index]) for index in columns)


def stack_period_tables(sheet: SheetData) -> bool:
    """Rewrite a sheet of period tables stacked one under another as one wide table; True when it was."""
    rows = sheet.rows
    for index in range(min(len(rows), HEADER_SCAN_ROWS)):
        first = _first_header(rows, index)
        if first is None:
            continue
        later = _later_headers(rows, first)
        tops = [_top(rows, header.top) for header in later]
        titled = [any(_names_unit(rows[row]) for row in range(top, header.top)) for top, header in zip(tops, later)]
        if not later or (any(titled) and not all(titled)):
            return False  # a table with no unit line among titled ones would take the unit above it unsaid
        _rewrite(sheet, first, later, tops)
        return True
    return False


def _rewrite(sheet: SheetData, first: Header, later: list[Header], tops: list[int]) -> None:
    rows = sheet.rows
    width = max(len(row) for row in rows)
    rows[:] = [list(row) + [""] * (width - len(row)) for row in rows]
    heading = rows[first.row]
    columns = {period: column for column, period in first.periods.items()}  # period -> its column
    merges, kept = [], set()
    for number, header in enumerate(later):
        index, periods = header.row, header.periods
        end = tops[number + 1] if number + 1 < len(later) else len(rows)
        moved = {}
        for column in sorted(periods):
            if periods[column] not in columns:
                columns[periods[column]] = len(heading)
                for row in rows:
                    row.append("")
                heading[-1] = rows[index][column]
            moved[column] = columns[periods[column]]
        if header.targets is not None:  # its own labels: each read where the first table reads that field
            for column, target in sorted(header.targets.items()):
                if target is None:
                    target = len(heading)
                    for row in rows:
                        row.append("")
                    heading[-1] = next(rows[line][column] for line in range(index, header.top - 1, -1)
                                       if not is_blank(rows[line][column]))
                moved[column] = target
        for body in range(index + 1, end):
            if _is_row_of_people(rows[body], header.columns if header.targets is not None else first.columns):
                cells = {column: rows[body][column] for column in moved}
                if header.targets is not None:  # a column its own header leaves unlabelled is no column of it
                    rows[body][:] = [""] * len(rows[body])
                for column in moved:
                    rows[body][column] = ""
                for column, target in moved.items():
                    rows[body][target] = cells[column]
        for cleared in range(tops[number], index + 1):
            if _names_unit(rows[cleared]):
                kept.add(cleared)
            else:
                rows[cleared] = [""] * len(rows[cleared])
        merges.append((tops[number], index, end, moved))
    sheet.merges = [_moved_merge(merge, merges) for merge in sheet.merges if merge[0][0] in kept or not any(
        top <= merge[0][0] <= index for top, index, _, _ in merges)]


def _names_unit(row) -> bool:
    """A later table's title line naming its chi bộ or group: kept as the heading of the rows under it."""
    texts = [cell for cell in row if isinstance(cell, str) and cell.strip()]
    facts = read_context(texts[0]) if len(texts) == 1 else None
    return bool(facts) and bool({"unit", "group"} & set(facts))


def _moved_merge(merge, moves):
    """A vertical merge of a later table's period cells, moved with them."""
    (top, left), (bottom, right) = merge
    for _, index, end, moved in moves:
        if index < top < end and left == right and left in moved:
            return (top, moved[left]), (bottom, moved[left])
    return merge


def _top(rows, header: int) -> int:
    """The first of the title lines (and blanks) just above a later table's header that belong to it."""
    top = header
    for index in range(header - 1, max(-1, header - 1 - TITLE_LINES), -1):
        if not _lone_or_blank(rows[index]):
            break
        if all(is_blank(cell) for cell in rows[index]):
            continue
        top = index
    return top
