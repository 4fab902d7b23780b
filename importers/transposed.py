"""Transposed registers: members' names across the header row and the months (or meeting dates) down a column,
a mark where they cross. Such a sheet is turned the usual way round (a row per member, a column per month) before
the table is looked for, so every later stage reads it like any wide register.

The shape is recognised strictly: three or more month or date cells one under the other in one of the first
columns, and in the row above them two or more header cells that read as people's names (``person_headers``: in
capitals, one opening with no known surname only beside the others, over their marks, and said in a warning),
whose cells below hold short marks. The names may stand one row higher, over a row of posts or chi bộ with the
dates column merged down over both (`transposed_headers`).

A column among them whose cells hold the same marks as the people's but whose header reads as no name ("Lê Hoa
(Đồn BP)", a blank) cannot be turned into anyone's records: a warning names it and its cells (`SheetData.found`), so
a column of marks is never lost silently.

Once turned, the cells no longer sit where they were read; the cells records come from are told in the sheet as read
(`SheetData.fed_cells`), so a formula saved without its result stops the import only there
(``uncached_formulas``): a totals row or column of COUNTIFs beside the marks feeds nothing."""

from typing import Any

from .date_words import read_meeting_date
from .label_layouts import read_label_layout
from .legacy import decode_legacy
from .locating import header_date
from .mapping import column_letter
from .normalising import clean_text, fold, is_blank, month_of_header
from .person_headers import CAPITALS, NAMED, person_header
from .results import SheetData
from .transposed_headers import count_columns, reads_as_units, sub_header, sub_header_note

SIDE_COLUMNS = 3  # the months or dates column is one of the first three
SCAN_ROWS = 120  # a transposed register starts near the top: titles, a header row, at most a year of weeks
MIN_SIDE = 3
MIN_PEOPLE = 2
MAX_MARK = 6  # a mark cell holds a short code ("x", "P", "CP"), not text
NAME_LABEL = "Họ và tên"
TOTAL_WORDS = ("tong so", "tong cong", "tong hop", "so ", "ty le", "cong ")
SHOWN = 3
LOST_MARKS = ("{count} ô có ký hiệu điểm danh ({cells}) dưới {label}, không đọc được là họ và tên một đảng viên — "
              "cột này chưa được nhập; hãy ghi họ và tên ở tiêu đề cột")
CAPITALS_READ = ("{count} cột có tiêu đề viết hoa không mở đầu bằng một họ thường gặp ({columns}) đã được đọc là họ và "
                 "tên đảng viên, vì đứng cùng dòng với họ tên các đảng viên khác, trên cùng các ký hiệu điểm danh — "
                 "nếu cột nào không phải một đảng viên, hãy sửa tiêu đề cột đó")


def _worded_date(cell: Any):
    """A meeting date written out with its year ('ngày 4 tháng 2 năm 2025', 'Thứ Năm, 06/03/2025'), else None."""
    if not isinstance(cell, str):
        return None
    read = read_meeting_date(decode_legacy(cell))  # TCVN3/VNI is decoded later; the date is read now
    return read.date if read.date and not read.problem and not read.warning and not read.year_added else None


def _is_side(cell: Any) -> bool:
    if header_date(cell) or _worded_date(cell):
        return True
    return isinstance(cell, str) and month_of_header(clean_text(decode_legacy(cell)) or "") is not None


def _side_run(rows: list[list], col: int) -> tuple[int, int] | None:
    """The first run of at least MIN_SIDE month/date cells down column `col`: (first, end) row indices."""
    start = None
    for index, row in enumerate(rows[:SCAN_ROWS] + [[]]):
        side = col < len(row) and _is_side(row[col])
        if side and start is None:
            start = index
        elif not side and start is not None:
            if index - start >= MIN_SIDE:
                return start, index
            start = None
    return None


def _short_marks(rows: list[list], index: int, first: int, end: int) -> bool:
    """Whether the cells of column `index` in the run are all blank, numbers or short marks."""
    marks = [row[index] if index < len(row) else None for row in rows[first:end]]
    return all(is_blank(mark) or (isinstance(mark, str) and len(mark.strip()) <= MAX_MARK)
               or isinstance(mark, (int, float)) for mark in marks)


def _people(rows: list[list], header: int, col: int, first: int, end: int, specs) -> tuple[list[int], list[int]]:
    """Columns right of `col` whose header cell is a name and whose cells in the run are blank or short marks; and
    those among them read as names only beside the others (``person_headers.CAPITALS``), whose filled cells are
    short marks, most of them marks the others use (as a lost column's are: `_lost_columns`)."""
    kinds = {index: person_header(cell, specs) for index, cell in enumerate(rows[header]) if index > col}
    named = [index for index, kind in kinds.items() if kind == NAMED and _short_marks(rows, index, first, end)]
    if not named:
        return [], []
    used = _used_marks(rows, first, end, named)
    capitals = [index for index, kind in kinds.items()
                if kind == CAPITALS and _marks_like(_filled_marks(rows, index, first, end), used)]
    return sorted(named + capitals), capitals


def _mark_key(value: Any) -> str | None:
    """A mark cell's folded text; None for a number, a blank or a longer text."""
    if not isinstance(value, str) or len(value.strip()) > MAX_MARK:
        return None
    return fold(value) or None


def _used_marks(rows: list[list], first: int, end: int, people: list[int]) -> set[str]:
    """The folded marks the people's columns hold in the run."""
    return {_mark_key(row[person]) for row in rows[first:end] for person in people if person < len(row)} - {None}


def _filled_marks(rows: list[list], index: int, first: int, end: int) -> list[tuple[int, Any]]:
    """(row, cell) of the filled cells of column `index` in the run."""
    return [(number, row[index]) for number, row in enumerate(rows[first:end], first)
            if index < len(row) and not is_blank(row[index])]


def _marks_like(cells: list[tuple[int, Any]], used: set[str]) -> bool:
    """Whether the filled cells are all short marks, most of them marks the people's columns use (`used`)."""
    keys = [_mark_key(mark) for _, mark in cells]
    return bool(cells) and None not in keys and 2 * sum(key in used for key in keys) >= len(keys)


def _lost_columns(rows: list[list], header: int, col: int, first: int, end: int, people: list[int]) -> list[tuple]:
    """(column, header text, [(row, mark)]) of each column right of `col`, not a person's, whose filled cells in the
    run are all short marks, most of them marks the people's columns use: a member's column whose header was not
    read as a name."""
    used = _used_marks(rows, first, end, people)
    width = max(len(row) for row in rows[header:end])
    found = []
    for index in range(col + 1, width):
        if index in people:
            continue
        cells = _filled_marks(rows, index, first, end)
        if _marks_like(cells, used):
            label = rows[header][index] if index < len(rows[header]) else None
            found.append((index, clean_text(label) or "", cells))
    return found


def _dated_run(rows: list[list], col: int, run: tuple[int, int] | None) -> bool:
    """A run of real meeting dates. When one column labels each meeting ('Tháng 2/2026 (chuyên đề)', 'Kỳ 3') and
    another gives its date, the dates are the meetings' and are tried first."""
    if run is None:
        return False
    return all(header_date(rows[index][col]) or _worded_date(rows[index][col]) for index in range(*run))


def _totals_rows(rows: list[list], col: int, end: int, people: list[int], formulas: frozenset) -> list[int]:
    """The totals rows right under the dates ('Số buổi có mặt', 'Tổng cộng' over a count per member): turned with
    the register they become totals columns, which no field reads, instead of rows that would read as people. A
    row with a formula saved without its result under every member (a COUNTIF each, read blank) is one whatever
    its label, unless its date cell is a formula too."""
    found = []
    for index in range(end, min(end + 3, len(rows))):
        row = rows[index]
        label = fold(clean_text(row[col]) or "") if col < len(row) and isinstance(row[col], str) else ""
        counts = [row[person] for person in people if person < len(row) and not is_blank(row[person])]
        computed = [person for person in people if (index, person) in formulas]
        totalled = (label + " ").startswith(TOTAL_WORDS) and (counts or computed) \
            and all(isinstance(count, (int, float)) for count in counts)
        if not (totalled or (len(computed) == len(people) and (index, col) not in formulas)):
            break
        found.append(index)
    return found


def _fed_cells(rows: list[list], col: int, names: list[int], run: range, people: list[int], after: int) -> set:
    """The cells a turned register's records come from: the names (and the units under them), the meeting dates and
    the marks; a names-row cell over a column holding values read as nobody's (a name given by a formula reads
    blank); the dates column of a line further down holding marks but no date (a date by formula ends the run)."""
    fed = {(row, person) for row in [*names, *run] for person in people} | {(row, col) for row in run}
    width = max(len(row) for row in rows[names[0]:run.stop])
    fed |= {(names[0], index) for index in range(col + 1, width) if index not in people
            and any(index < len(rows[row]) and not is_blank(rows[row][index]) for row in run)}
    fed |= {(number, col) for number, row in enumerate(rows[after:], after)
            if (col >= len(row) or is_blank(row[col])) and any(person < len(row) and _mark_key(row[person])
                                                                for person in people)}
    return fed


def transpose_register(rows: list[list], specs, lost: list | None = None, fed: set | None = None,
                       formulas: frozenset = frozenset()) -> list[list] | None:
    """The sheet turned round when it is a transposed register (titles kept above, notes below), else None; the
    columns of marks it leaves out are added to `lost` as `SheetData.found` warnings, the cells its records come
    from (as `rows` has them) to `fed`; `formulas` are the cells holding a formula saved without its result."""
    runs = {col: _side_run(rows, col) for col in range(SIDE_COLUMNS)}
    for col in sorted(runs, key=lambda col: not _dated_run(rows, col, runs[col])):
        run = runs[col]
        if run is None or run[0] == 0:
            continue
        first, end = run
        header, sub = first - 1, None
        people, capitals = _people(rows, header, col, first, end, specs)
        if len(people) < MIN_PEOPLE and sub_header(rows, col, first):
            header, sub = first - 2, first - 1
            people, capitals = _people(rows, header, col, first, end, specs)
        if len(people) < MIN_PEOPLE:
            continue
        under = [rows[sub][person] if person < len(rows[sub]) else None for person in people] if sub else []
        units = reads_as_units(under)
        if lost is not None:
            if capitals:
                lost.append(_capitals_warning(header, [(index, rows[header][index]) for index in capitals]))
            lost += [_lost_warning(header, index, label, cells)
                     for index, label, cells in _lost_columns(rows, header, col, first, end, people)]
            lost += [("inference", None, None, None, None, note) for note in
                     count_columns(rows, [header, sub] if sub else [header], col, first, end, people)]
            if not units and any(not is_blank(cell) for cell in under):
                lost.append(("inference", None, None, None, None, sub_header_note(sub + 1, under)))
        extra = [[cell] for cell in under] if units else [[] for _ in people]
        totals = _totals_rows(rows, col, end, people, formulas)
        side = [_worded_date(rows[index][col]) or rows[index][col] for index in range(first, end)]
        side += [rows[index][col] for index in totals]
        turned = [[NAME_LABEL, *([None] if units else []), *side]]
        turned += [[rows[header][person], *unit] + [rows[index][person] if person < len(rows[index]) else None
                                                    for index in [*range(first, end), *totals]]
                   for person, unit in zip(people, extra)]
        after = end + len(totals)
        if fed is not None:
            fed |= _fed_cells(rows, col, [header, sub] if sub else [header], range(first, end), people, after)
        return [list(row) for row in rows[:header]] + turned + [list(row) for row in rows[after:]]
    return None


def _lost_warning(header: int, index: int, label: str, cells: list[tuple]) -> tuple:
    letter = column_letter(index)
    shown = ", ".join(f"{letter}{row + 1}" for row, _ in cells[:SHOWN]) + (", …" if len(cells) > SHOWN else "")
    heading = f"tiêu đề «{label}»" if label else "tiêu đề để trống"
    return ("warning", header + 1, letter, "full_name", label or None,
            LOST_MARKS.format(count=len(cells), cells=shown, label=heading))


def _capitals_warning(header: int, columns: list[tuple[int, Any]]) -> tuple:
    shown = ", ".join(f"{column_letter(index)} «{clean_text(label)}»" for index, label in columns)
    first, label = columns[0]
    return ("warning", header + 1, column_letter(first), "full_name", clean_text(label),
            CAPITALS_READ.format(count=len(columns), columns=shown))


def turn_transposed(sheets: list[SheetData], specs) -> list[str]:
    """Turn every transposed register among the sheets in place, and rewrite every sheet whose labels run down a
    column (label_layouts) as a table; the names of those turned."""
    turned = []
    for sheet in sheets:
        lost: list = []
        fed: set = set()
        as_read = sheet.rows is sheet.uncached_rows  # formulas are known where they sit only in the rows as read
        formulas = frozenset(sheet.uncached) if as_read else frozenset()
        rows = (transpose_register(sheet.rows, specs, lost, fed, formulas) or read_label_layout(sheet.rows, specs)) \
            if sheet.rows else None
        if rows is not None:
            sheet.found += lost
            if fed and as_read:
                sheet.fed_cells = frozenset(fed)
            width = max(len(row) for row in rows)
            sheet.rows = [row + [None] * (width - len(row)) for row in rows]
            sheet.merges = []
            turned.append(sheet.name)
    return turned


def in_reading_order(records, columns):
    """A turned register's records in the file's reading order: meeting by meeting (the rows as typed, top to
    bottom), each meeting's people left to right; records are built person by person once it is turned."""
    import numpy as np

    if records.empty or "date" not in records:
        return records
    place: dict = {}
    for index, column in enumerate(columns):
        if column.day:
            place.setdefault(column.day, index)
        elif column.month:
            place.setdefault(column.month, index)
    keys = [place.get(date, place.get(int(date[5:7]), len(columns))) if isinstance(date, str) else len(columns)
            for date in records["date"]]
    return records.iloc[np.argsort(np.array(keys), kind="stable")]
