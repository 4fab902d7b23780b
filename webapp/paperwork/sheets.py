"""An `OfficialDocument` as .xlsx (openpyxl) and .ods (odfpy), in the administrative layout; every text cell is
neutralised against formula injection."""
import io

from ..exports import neutralise
from .document import DocTable, OfficialDocument

FONT = "Times New Roman"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


# ---------------------------------------------------------------- xlsx
# openpyxl is imported where a workbook is built, not at the app's start-up (every process would load it).


def _box():
    from openpyxl.styles import Border, Side

    thin = Side(style="thin")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def _font(size=13, bold=False, italic=False, underline=None):
    from openpyxl.styles import Font

    return Font(name=FONT, size=size, bold=bold, italic=italic, underline=underline)


class _Sheet:
    """A cursor writing rows of merged, styled text onto an openpyxl worksheet."""

    def __init__(self, ws, width: int):
        self.ws, self.width, self.row = ws, width, 1

    def put(self, col: int, value, font=None, align="left", span: int = 1, wrap=True, border=False, bullet=False):
        """Write one cell; a `bullet` line starts with our own '- ' and is text, so it is not neutralised."""
        cell = self.ws.cell(row=self.row, column=col, value=value if bullet else neutralise(value))
        if isinstance(value, str):
            cell.data_type = "s"
        from openpyxl.styles import Alignment

        cell.font = font or _font()
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
        if span > 1:
            self.ws.merge_cells(start_row=self.row, start_column=col, end_row=self.row, end_column=col + span - 1)
        if border:
            box = _box()
            for c in range(col, col + span):
                self.ws.cell(row=self.row, column=c).border = box
        return cell

    def line(self, value, font=None, align="left", lines: int = 1, bullet=False):
        self.put(1, value, font, align, span=self.width, bullet=bullet)
        self.ws.row_dimensions[self.row].height = 18 * lines
        self.row += 1


def _paragraph_lines(text: str, width: int) -> int:
    return max(1, -(-len(text) // (width * 11)))


def _xlsx_header(sheet: _Sheet, doc: OfficialDocument) -> None:
    half = sheet.width // 2
    left = doc.org_lines + ["*"]
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM", "", doc.place_date]
    for index in range(max(len(left), len(right))):
        if index < len(left):
            sheet.put(1, left[index], _font(13, bold=index < len(doc.org_lines)), "center", span=half)
        if index < len(right) and right[index]:
            font = _font(13, bold=True, underline="single") if index == 0 else _font(13, italic=True)
            sheet.put(half + 1, right[index], font, "center", span=sheet.width - half)
        sheet.row += 1
    sheet.put(1, doc.number_line, _font(13), "center", span=half)
    sheet.row += 2
    sheet.line(doc.title, _font(14, bold=True), "center", lines=2)
    sheet.line(doc.subtitle, _font(13, italic=True), "center")
    sheet.row += 1


def _xlsx_table(sheet: _Sheet, table: DocTable) -> int:
    header_row = sheet.row
    for col, text in enumerate(table.headers, start=1):
        sheet.put(col, text, _font(12, bold=True), "center", border=True)
    sheet.ws.row_dimensions[sheet.row].height = 33
    sheet.row += 1
    for index, row in enumerate(table.rows):
        if index in table.group_rows:
            sheet.put(1, row[0], _font(12, bold=True), span=len(table.headers), border=True)
        else:
            for col, value in enumerate(row, start=1):
                align = "left" if isinstance(value, str) and col > 1 else "center"
                sheet.put(col, value, _font(12), align, border=True)
        sheet.row += 1
    return header_row


def _xlsx_signature(sheet: _Sheet, doc: OfficialDocument) -> None:
    sheet.row += 1
    half = sheet.width // 2
    start = sheet.row
    for index, text in enumerate(doc.recipients):
        sheet.put(1, text, _font(12, bold=index == 0, italic=index == 0), span=half, bullet=True)
        sheet.row += 1
    sheet.row = start
    for index, text in enumerate(doc.signature):
        sheet.put(half + 1, text, _font(13, bold=True, italic=index > 1), "center", span=sheet.width - half)
        sheet.row += 1 if index < 1 else 4 if index == 1 else 1


def to_xlsx(doc: OfficialDocument) -> bytes:
    """The document as an A4 workbook: Times New Roman, table header repeated on every printed page."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"[:31]
    sheet = _Sheet(ws, doc.width)
    _xlsx_header(sheet, doc)
    print_row = None
    for section in doc.sections:
        if section.title:
            sheet.line(section.title, _font(13, bold=True))
        for text in section.paragraphs:
            sheet.line(text, _font(13), lines=_paragraph_lines(text, doc.width))
        for text in section.items:
            sheet.line("- " + text, _font(13), lines=_paragraph_lines(text, doc.width), bullet=True)
        if section.table:
            row = _xlsx_table(sheet, section.table)
            print_row = print_row or row
        sheet.row += 1
    if doc.legend:
        sheet.line(doc.legend, _font(12, italic=True))
    _xlsx_signature(sheet, doc)
    widths = next((s.table.widths for s in doc.sections if s.table and s.table.widths), [])
    for col in range(1, doc.width + 1):
        ws.column_dimensions[get_column_letter(col)].width = widths[col - 1] if col <= len(widths) else 12
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if doc.landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left, ws.page_margins.right = 0.8, 0.6
    if print_row:
        ws.print_title_rows = f"{print_row}:{print_row}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- ods
def _ods_styles(doc_ods, landscape: bool) -> dict:
    from odf.style import (
        FontFace,
        MasterPage,
        PageLayout,
        PageLayoutProperties,
        ParagraphProperties,
        Style,
        TableCellProperties,
        TextProperties,
    )

    doc_ods.fontfacedecls.addElement(FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="roman"))
    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(pagewidth="29.7cm" if landscape else "21cm",
                                           pageheight="21cm" if landscape else "29.7cm",
                                           printorientation="landscape" if landscape else "portrait",
                                           margin="1.5cm"))
    doc_ods.automaticstyles.addElement(layout)
    doc_ods.masterstyles.addElement(MasterPage(name="Default", pagelayoutname=layout))
    styles = {}
    for name, bold, italic, size, align, border in [
        ("body", False, False, "13pt", "start", None), ("bold", True, False, "13pt", "start", None),
        ("center", False, False, "13pt", "center", None), ("title", True, False, "14pt", "center", None),
        ("italic", False, True, "13pt", "center", None), ("boldc", True, False, "13pt", "center", None),
        ("th", True, False, "12pt", "center", "0.5pt solid #000000"),
        ("td", False, False, "12pt", "start", "0.5pt solid #000000"),
    ]:
        cell = Style(name=name, family="table-cell")
        cell.addElement(TextProperties(fontname=FONT, fontsize=size, fontweight="bold" if bold else "normal",
                                       fontstyle="italic" if italic else "normal"))
        cell.addElement(ParagraphProperties(textalign=align))
        cell.addElement(TableCellProperties(wrapoption="wrap", **({"border": border} if border else {})))
        doc_ods.automaticstyles.addElement(cell)
        styles[name] = cell
    return styles


def _ods_cell(value, style, span: int = 1, bullet=False):
    from odf.table import TableCell
    from odf.text import P

    value = value if bullet else neutralise(value)
    kwargs = {"stylename": style, "numbercolumnsspanned": span} if span > 1 else {"stylename": style}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell = TableCell(valuetype="float", value=value, **kwargs)
    else:
        cell = TableCell(valuetype="string", **kwargs)
    cell.addElement(P(text="" if value is None else str(value)))
    return cell


def _ods_row(cells, bullet=False):
    from odf.table import CoveredTableCell, TableRow

    row = TableRow()
    for value, style, span in cells:
        row.addElement(_ods_cell(value, style, span, bullet))
        for _ in range(span - 1):
            row.addElement(CoveredTableCell())
    return row


def to_ods(doc: OfficialDocument) -> bytes:
    """The same document as an OpenDocument spreadsheet, for offices that must use open formats."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableColumn

    ods = OpenDocumentSpreadsheet()
    st = _ods_styles(ods, doc.landscape)
    width, half = doc.width, doc.width // 2
    sheet = Table(name="Báo cáo")
    for _ in range(width):
        sheet.addElement(TableColumn())
    left, right = doc.org_lines + ["*", doc.number_line], ["ĐẢNG CỘNG SẢN VIỆT NAM", "", doc.place_date]
    for index in range(max(len(left), len(right))):
        lv = left[index] if index < len(left) else ""
        rv = right[index] if index < len(right) else ""
        sheet.addElement(_ods_row([(lv, st["boldc" if index < len(doc.org_lines) else "center"], half),
                                   (rv, st["boldc" if index == 0 else "italic"], width - half)]))
    sheet.addElement(_ods_row([(doc.title, st["title"], width)]))
    sheet.addElement(_ods_row([(doc.subtitle, st["italic"], width)]))
    for section in doc.sections:
        if section.title:
            sheet.addElement(_ods_row([(section.title, st["bold"], width)]))
        for text in section.paragraphs:
            sheet.addElement(_ods_row([(text, st["body"], width)]))
        for item in section.items:
            sheet.addElement(_ods_row([("- " + item, st["body"], width)], bullet=True))
        if section.table:
            table = section.table
            sheet.addElement(_ods_row([(h, st["th"], 1) for h in table.headers]))
            for index, row in enumerate(table.rows):
                if index in table.group_rows:
                    sheet.addElement(_ods_row([(row[0], st["th"], len(table.headers))]))
                else:
                    sheet.addElement(_ods_row([(v, st["td"], 1) for v in row]))
    if doc.legend:
        sheet.addElement(_ods_row([(doc.legend, st["italic"], width)]))
    for index in range(max(len(doc.signature), len(doc.recipients))):
        lv = doc.recipients[index] if index < len(doc.recipients) else ""
        rv = doc.signature[index] if index < len(doc.signature) else ""
        sheet.addElement(_ods_row([(lv, st["body"], half), (rv, st["boldc"], width - half)], bullet=True))
    ods.spreadsheet.addElement(sheet)
    buffer = io.BytesIO()
    ods.write(buffer)
    return buffer.getvalue()
