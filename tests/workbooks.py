"""Writing small office-style workbooks for tests: named sheets of rows, some hidden."""
from openpyxl import Workbook


def write_workbook(path, sheets: dict, hidden=()):
    """An .xlsx at `path` with one sheet per item of `sheets` (name -> rows), those named in `hidden` hidden."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path
