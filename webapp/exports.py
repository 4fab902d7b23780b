"""Safe .xlsx export shared by every list: a title, a bold header row, Times New Roman, set column widths,
and every text cell neutralised against formula injection."""
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO

from flask import Response

# openpyxl is imported where a workbook is built, not at the app's start-up (every process would load it).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FONT_NAME = "Times New Roman"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    """One exported column: its header and width in characters."""

    header: str
    width: int = 15


def neutralise(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _write_cell(sheet, row: int, col: int, value) -> None:
    from openpyxl.styles import Alignment, Font

    cell = sheet.cell(row=row, column=col)
    safe = neutralise(value)
    cell.value = safe
    if isinstance(safe, str):
        cell.data_type = "s"
    if isinstance(value, (date, datetime)):
        cell.number_format = "DD/MM/YYYY"
    cell.font = Font(name=FONT_NAME, size=12)
    cell.alignment = Alignment(vertical="top", wrap_text=isinstance(safe, str))


@dataclass(frozen=True)
class Sheet:
    """One sheet of an export: its tab name, title, columns and rows (sequences in the order of `columns`)."""

    name: str
    title: str
    columns: list[Column]
    rows: object


def _fill(sheet, title: str, columns: list[Column], rows) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    _write_cell(sheet, 1, 1, title)
    sheet.cell(row=1, column=1).font = Font(name=FONT_NAME, size=14, bold=True)
    sheet.cell(row=1, column=1).alignment = Alignment(horizontal="left")
    for index, column in enumerate(columns, start=1):
        _write_cell(sheet, 3, index, column.header)
        sheet.cell(row=3, column=index).font = Font(name=FONT_NAME, size=12, bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_number, row in enumerate(rows, start=4):
        for index, value in enumerate(row, start=1):
            _write_cell(sheet, row_number, index, value)
    sheet.freeze_panes = "A4"


def build_book(sheets: list[Sheet]) -> bytes:
    """The .xlsx bytes of several titled tables, one sheet each, in order."""
    from openpyxl import Workbook

    book = Workbook()
    for index, spec in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = spec.name[:31]
        _fill(sheet, spec.title, spec.columns, spec.rows)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def build_workbook(title: str, columns: list[Column], rows, sheet_name: str = "Danh sách") -> bytes:
    """The .xlsx bytes of a titled table; `rows` are sequences in the order of `columns`."""
    return build_book([Sheet(sheet_name, title, columns, rows)])


def book_response(filename: str, sheets: list[Sheet]) -> Response:
    """A download response for `build_book(...)`."""
    return Response(build_book(sheets), mimetype=XLSX_MIMETYPE,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def xlsx_response(filename: str, title: str, columns: list[Column], rows) -> Response:
    """A download response for `build_workbook(...)`."""
    return book_response(filename, [Sheet("Danh sách", title, columns, rows)])
