"""Formulas saved without their result (openpyxl and some exporters write the formula, not what it gives):
reading sees a blank where the cell has a value, so such a cell stops the import where it would feed a record —
under a column that gives a field or whose header names one (a formula column looks empty, so another may have been
read in its stead), in a row read as a person (or read and found empty), or in a header cell over
such a column or over data. In a totals or subtotal row, a heading or note row, or outside the table it feeds
nothing and is only named in a note ("=COUNTA(D6:D40)" under "Tổng cộng"); so does a row of such counts of the
columns above it whatever its label ("Có mặt" under the names, '=COUNTIF(E8:E22,"CM")' under each meeting).

On a sheet a stage rebuilt before the table was looked for (a matrix unpivoted, a register turned round) the
cells no longer sit where they were read: where the stage told which cells its records come from
(`SheetData.fed_cells`: a register turned round) only those stop the import — a totals row or column of COUNTIFs
beside the marks feeds nothing; elsewhere only totals and footer lines are known to feed nothing. A
file refused for another reason (no table, no date column) has such formulas named too: the blanks they leave may
be the cause. A helper column of such formulas no record reads (a count beside the marks, a month helper) is left
aside before any of this, with a warning of its own (``importers.helper_formulas``)."""

from . import errors as msg
from .errors import ImportFileError
from .helper_formulas import computes_number, reads_own_row
from .kinds.subtotals import is_subtotal_name
from .locating import is_stop_text
from .mapping import column_letter, match_field
from .normalising import is_blank
from .results import Column, SheetData, Table

SHOWN_CELLS = 6
READ_REASONS = {"không có dữ liệu để nhập", "dòng trống"}  # rows read whose blanks may be the formula's value
IGNORED = ("Trang «{sheet}»: ô {cells} là công thức chưa có giá trị đã tính, nằm ngoài dữ liệu nhập (dòng hoặc cột "
           "cộng, dòng ghi chú hoặc ngoài bảng): bỏ qua.")


def check_uncached(sheet: SheetData, table: Table, columns: list[Column], specs, row_frame) -> dict | None:
    """Refuse the file when a formula without a result feeds a record; else the note naming the ignored ones."""
    if not sheet.uncached:
        return None
    if sheet.rows is sheet.uncached_rows:
        feeding = _feeding_cells(sheet, table, columns, specs, row_frame)
    elif sheet.fed_cells is not None:
        feeding = [cell for cell in sheet.uncached if cell in sheet.fed_cells]
    else:
        feeding = [cell for cell in sheet.uncached if not _totals_line(sheet.uncached_rows, cell[0])]
    named = _named(feeding or sheet.uncached)
    if feeding:
        raise ImportFileError(msg.UNCACHED_FORMULAS.format(sheet=sheet.name, cells=named))
    return {"sheet": sheet.name, "row": None, "column": None, "field": None, "value": None,
            "message": IGNORED.format(sheet=sheet.name, cells=named)}


def _feeding_cells(sheet: SheetData, table: Table, columns: list[Column], specs, row_frame) -> list[tuple[int, int]]:
    # the row number ("STT", "=ROW()-5") feeds no record
    fields = {column.index for column in columns if column.month or column.day
              or (column.field or match_field(column.header or "", specs)) not in (None, "index")}
    fields |= table.consumed
    read = row_frame["outcome"].isin(("record", "failed")) | row_frame["reason"].isin(READ_REASONS)
    read_rows = {int(row) - 1 for row in row_frame.loc[read, "row"]}
    filled = {index for row in read_rows if row < len(sheet.rows)
              for index, cell in enumerate(sheet.rows[row]) if not is_blank(cell)}
    totals = _column_totals_rows(sheet)
    feeding = []
    for row, col in sheet.uncached:
        if row in totals:
            continue
        if row < 0 or (row in read_rows and col in fields) \
                or (row in table.header_rows and (col in fields or col in filled)):
            feeding.append((row, col))
    return feeding


MIN_TOTALS = 2  # formulas in a row of column totals
MAX_LABELS = 2  # texts labelling it


def _column_totals_rows(sheet: SheetData) -> set[int]:
    """Rows (0-based) that total the columns above them whatever their label ("Có mặt" under the names: a count of
    the marks, '=COUNTIF(E8:E22,"CM")'): every cell of the row holds a formula without a result computing a number
    from rows other than its own (two at least), or one or two texts labelling it."""
    by_row: dict[int, list[int]] = {}
    for row, col in sheet.uncached:
        if row >= 0:
            by_row.setdefault(row, []).append(col)
    found = set()
    for row, cols in by_row.items():
        if len(cols) < MIN_TOTALS or row >= len(sheet.rows):
            continue
        texts = [sheet.formula_texts.get((row, col), "") for col in cols]
        if not all(computes_number(text) and not reads_own_row(text, row + 1) for text in texts):
            continue
        others = [cell for index, cell in enumerate(sheet.rows[row]) if index not in cols and not is_blank(cell)]
        if len(others) <= MAX_LABELS and all(isinstance(cell, str) for cell in others):
            found.add(row)
    return found


def _totals_line(rows: list[list] | None, row: int) -> bool:
    """A totals or footer line ('Tổng cộng', 'Cộng: 6 đồng chí', 'Tổng số'), told by its first text."""
    if rows is None or not 0 <= row < len(rows):
        return False
    first = next((cell for cell in rows[row] if isinstance(cell, str) and cell.strip()), None)
    return is_subtotal_name(first) or is_stop_text(first)


def _named(cells: list[tuple[int, int]]) -> str:
    names = [f"{column_letter(col)}{row + 1}" if row >= 0 else "?" for row, col in sorted(cells)]
    return ", ".join(names[:SHOWN_CELLS]) + ("…" if len(names) > SHOWN_CELLS else "")


def with_uncached_formulas(error: ImportFileError, sheets: list[SheetData]) -> ImportFileError:
    """A refusal for another reason, told the blanks it may come from: the formulas not in a totals line."""
    if msg.UNCACHED_FORMULAS.split("{cells}")[1] in error.message:
        return error
    for sheet in sheets:
        cells = [cell for cell in sheet.uncached if not _totals_line(sheet.uncached_rows, cell[0])]
        if cells:
            formulas = msg.UNCACHED_FORMULAS.format(sheet=sheet.name, cells=_named(cells))
            return ImportFileError(f"{error.message} {formulas}")
    return error
