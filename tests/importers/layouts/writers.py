"""Writers: a list of Sheets -> .xlsx (openpyxl), .ods (odfpy), .csv (UTF-8, UTF-8 BOM, Windows-1258 ';')."""

import csv
import datetime as dt
import io

from .encodings import to_cp1258_text


def write_xlsx(path, sheets, date1904=False):
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    book.remove(book.active)
    if date1904:
        book.epoch = CALENDAR_MAC_1904
    for sheet in sheets:
        ws = book.create_sheet(sheet.name)
        for row in sheet.padded():
            ws.append(row)
        for r0, c0, r1, c1 in sheet.merges:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, dt.datetime):
                    cell.number_format = "DD/MM/YYYY"
        if sheet.hidden:
            ws.sheet_state = "hidden"
    book.active = next(i for i, s in enumerate(sheets) if not s.hidden)
    book.save(path)


def write_ods(path, sheets):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    hidden_style = Style(name="hiddentable", family="table")
    hidden_style.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(hidden_style)
    for sheet in sheets:
        table = Table(name=sheet.name, stylename=hidden_style) if sheet.hidden else Table(name=sheet.name)
        spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in sheet.merges}
        covered = {(r, c) for r0, c0, r1, c1 in sheet.merges for r in range(r0, r1 + 1)
                   for c in range(c0, c1 + 1)} - set(spans)
        for r, values in enumerate(sheet.padded()):
            tr = TableRow()
            for c, value in enumerate(values):
                if (r, c) in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                attrs = {}
                if (r, c) in spans:
                    attrs = {"numberrowsspanned": spans[r, c][0], "numbercolumnsspanned": spans[r, c][1]}
                if value is None:
                    cell = TableCell(**attrs)
                elif isinstance(value, bool):  # a checkbox
                    cell = TableCell(valuetype="boolean", booleanvalue=str(value).lower(), **attrs)
                    cell.addElement(P(text=str(value).upper()))
                elif isinstance(value, dt.datetime):
                    cell = TableCell(valuetype="date", datevalue=value.date().isoformat(), **attrs)
                    cell.addElement(P(text=value.strftime("%d/%m/%Y")))
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value, **attrs)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string", **attrs)
                    cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):  # a checkbox, as a spreadsheet's CSV export writes it
        return str(value).upper()
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


CSV_ENCODINGS = {  # (python codec, delimiter, text transform)
    "csv_utf8": ("utf-8", ",", None),
    "csv_utf8_bom": ("utf-8-sig", ",", None),
    "csv_utf8_bom_semicolon": ("utf-8-sig", ";", None),
    "csv_cp1258_semicolon": ("cp1258", ";", to_cp1258_text),
}


def write_csv(path, sheet, variant):
    codec, delimiter, transform = CSV_ENCODINGS[variant]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in sheet.padded():
        values = [_csv_value(v) for v in row]
        writer.writerow([transform(v) if transform else v for v in values])
    with open(path, "wb") as handle:
        handle.write(buffer.getvalue().encode(codec))


def write_one_sheet(folder, stem, sheet, as_csv):
    """One generated sheet saved as `<stem>.csv` (UTF-8) or `<stem>.xlsx` in `folder`; the path."""
    path = folder / f"{stem}.{'csv' if as_csv else 'xlsx'}"
    if as_csv:
        write_csv(path, sheet, "csv_utf8")
    else:
        write_xlsx(path, [sheet])
    return path


def write_by_seed(folder, stem, sheet, seed, formats=("xlsx", "xlsx", "xlsx", "ods")):
    """One generated sheet saved in the format its seed picks from `formats` ('xlsx', 'csv' or 'ods'), so a run of
    seeds covers each format; the path."""
    chosen = formats[seed % len(formats)]
    if chosen == "ods":
        path = folder / f"{stem}.ods"
        write_ods(path, [sheet])
        return path
    return write_one_sheet(folder, stem, sheet, chosen == "csv")
