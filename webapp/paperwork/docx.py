"""An `OfficialDocument` as a Word file in the layout of Hướng dẫn 36-HD/VPTW: A4, Times New Roman, the header
table (issuer under its superior, number | party name, place and date), title, body, recipients and signature.
Typed text goes into runs, never into the layout, so it cannot break it.

python-docx is imported where a document is built, not at the app's start-up (every process would load it)."""
import io
import re

from .document import OfficialDocument

FONT = "Times New Roman"
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}   # within the guideline's ranges
BODY_PT, HEADER_PT = 14, 13
# Characters an XML document cannot hold (control characters other than tab and line breaks).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Typed text without the characters Word's XML cannot hold (pasted control characters)."""
    return NOT_XML.sub("", text)


def _font(document) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(BODY_PT)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)


def _page(document, landscape: bool) -> None:
    """A4 in the orientation the document asks for: the size and the section's orientation agree, so Word's
    page setup and its printer use the same page."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    for side, value in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(value))


def _line(cell_or_doc, text: str, *, bold=False, italic=False, underline=False, size=BODY_PT,
          align=None, first=False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if align is None else align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(xml_safe(text))
    run.bold, run.italic, run.underline, run.font.size = bold, italic, underline, Pt(size)
    return paragraph


def _header(document, doc: OfficialDocument) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    lines = doc.org_lines or [""]
    for index, line in enumerate(lines):
        _line(left, line, bold=index == len(lines) - 1, size=HEADER_PT, first=index == 0)
    _line(left, "*", size=HEADER_PT)
    if doc.number_line:
        _line(left, doc.number_line, size=HEADER_PT)
    _line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=15, first=True)
    _line(right, "")
    _line(right, doc.place_date, italic=True, size=BODY_PT)


def _table(document, table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, header in zip(grid.rows[0].cells, table.headers):
        _line(cell, str(header), bold=True, size=12, first=True)
    for index, row in enumerate(table.rows):
        cells = grid.add_row().cells
        if index in table.group_rows:
            merged = cells[0].merge(cells[-1])
            _line(merged, str(row[0]), bold=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
            continue
        for cell, value in zip(cells, row):
            _line(cell, "" if value is None else str(value), size=12, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)


def _closing(document, doc: OfficialDocument) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    for index, line in enumerate(doc.recipients or [""]):
        _line(left, line, bold=index == 0, italic=index == 0, size=12 if index == 0 else 11,
              align=WD_ALIGN_PARAGRAPH.LEFT, first=index == 0)
    for index, line in enumerate(doc.signature or [""]):
        _line(right, line, bold=True, first=index == 0)


def to_docx(doc: OfficialDocument) -> bytes:
    """The document as .docx bytes."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    document = Document()
    _font(document)
    _page(document, doc.landscape)
    _header(document, doc)
    _line(document, "")
    _line(document, doc.title, bold=True, size=15)
    if doc.subtitle:
        _line(document, doc.subtitle, italic=True)
    for section in doc.sections:
        if section.title:
            _line(document, section.title, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        for text in section.paragraphs:
            paragraph = _line(document, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
            paragraph.paragraph_format.first_line_indent = Mm(10)
        for item in section.items:
            _line(document, f"- {item}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        if section.table:
            _table(document, section.table)
    if doc.legend:
        _line(document, doc.legend, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(document, "")
    _closing(document, doc)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
