"""Writing a small test workbook: rows appended to one sheet, optionally titled and with merged ranges."""
from pathlib import Path

from openpyxl import Workbook


def write_sheet(path: Path, rows, *, title: str | None = None, merges=(), hidden=()) -> Path:
    """Save `rows` (lists of cell values) as the only sheet of an .xlsx at `path`, the columns lettered in `hidden`
    hidden; return the path."""
    book = Workbook()
    sheet = book.active
    if title is not None:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    for letter in hidden:
        sheet.column_dimensions[letter].hidden = True
    book.save(path)
    return path
