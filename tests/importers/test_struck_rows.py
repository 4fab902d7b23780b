"""A list re-issued with corrections whose office crossed entries out with the strikethrough font instead of deleting
them: a roster member who left (the name or the whole row struck, with a note 'Rút khỏi đoàn từ 01/9/2025'), a
person entered twice in a register, a wrong mark struck. What is struck through is not read, and the officer is told
(one warning for the rows, one per mark or field value); .xlsx, .xls and .ods alike. Near-misses read as before: a
struck cell of a column nothing reads, underline or italics, an old phone struck beside a name that is not."""

import openpyxl
import pytest
from openpyxl.styles import Font

from importers import parse_file
from importers.cell_fonts import shows_struck_text

STRUCK = Font(strike=True)
HEADER = ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ trong đoàn", "Số điện thoại", "Ghi chú"]
PEOPLE = [[1, "Nguyễn Văn An", "Phó Bí thư", "Trưởng đoàn", "0912345678", None],
          [2, "Trần Thị Bình", "Ủy viên BTV", "Phó trưởng đoàn", "0987654321", None],
          [3, "Lê Văn Cường", "Chuyên viên", "Thành viên", "0901234567", "Rút khỏi đoàn từ 01/9/2025"],
          [4, "Phạm Thị Dung", "Chuyên viên", "Thành viên", "0934567890", "chuyển công tác"],
          [5, "Hoàng Minh Đức", "Chuyên viên", "Thành viên", "0945678901", None]]
ROLES = {"Trưởng đoàn": "head", "Phó trưởng đoàn": "deputy", "Thành viên": "member"}


def _roster_rows(header=HEADER, people=PEOPLE):
    return [["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 3 (ĐIỀU CHỈNH)"], [], header, *people]


def _xlsx(tmp_path, rows, fonts, name="DS"):
    """`fonts`: {cell ref ('B6') or row number (the whole row): Font}."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = name
    for row in rows:
        sheet.append(row)
    for where, font in fonts.items():
        for cell in (sheet[where] if isinstance(where, int) else [sheet[where]]):
            cell.font = font
    path = tmp_path / "f.xlsx"
    book.save(path)
    return path


def _people(result):
    return [(r["full_name"], r["role"], r["phone"]) for r in result.records()]


def _messages(result):
    return [warning["message"] for warning in result.warnings]


def _reasons(result):
    return {row["row"]: row["reason"] for row in result.rows if row["outcome"] != "record"}


def test_struck_rows_and_names_are_left_out_and_listed(tmp_path):
    path = _xlsx(tmp_path, _roster_rows(), {6: STRUCK, "B7": STRUCK})
    result = parse_file(path)
    assert _people(result) == [("Nguyễn Văn An", "head", "0912345678"), ("Trần Thị Bình", "deputy", "0987654321"),
                               ("Hoàng Minh Đức", "member", "0945678901")]
    assert _messages(result) == [
        "DS!B6: dòng 6, 7 bị gạch ngang (đã bỏ): không nhập — dòng 6: Lê Văn Cường (Rút khỏi đoàn từ 01/9/2025); "
        "dòng 7: Phạm Thị Dung (chuyển công tác)"]
    assert _reasons(result) == {
        6: "dòng bị gạch ngang (đã bỏ) — không nhập: Lê Văn Cường (Rút khỏi đoàn từ 01/9/2025)",
        7: "dòng bị gạch ngang (đã bỏ) — không nhập: Phạm Thị Dung (chuyển công tác)"}


def test_every_filled_cell_struck_but_the_row_number(tmp_path):
    people = [row[:5] + [None] for row in PEOPLE]
    path = _xlsx(tmp_path, _roster_rows(people=people), {ref: STRUCK for ref in ("C5", "D5", "E5", "B5")})
    result = parse_file(path)
    assert [name for name, _, _ in _people(result)] == ["Nguyễn Văn An", "Lê Văn Cường", "Phạm Thị Dung",
                                                         "Hoàng Minh Đức"]
    assert _messages(result) == ["DS!B5: dòng 5 bị gạch ngang (đã bỏ): không nhập — dòng 5: Trần Thị Bình"]


def test_an_old_phone_struck_is_not_used_and_the_row_is_read(tmp_path):
    people = [row[:5] + [None] for row in PEOPLE]
    path = _xlsx(tmp_path, _roster_rows(people=people), {"E8": STRUCK})
    result = parse_file(path)
    assert _people(result)[-1] == ("Hoàng Minh Đức", "member", None)
    assert len(result.records()) == 5
    assert _messages(result) == ["DS!E8: số điện thoại «0945678901» ở ô E8 bị gạch ngang (đã bỏ) — không dùng giá "
                                 "trị này, dòng vẫn được nhập"]
    assert _reasons(result) == {}


def test_a_struck_withdrawal_note_keeps_the_member(tmp_path):
    """The note saying the member left was itself crossed out: the member stays, told so."""
    people = [row[:5] + [None] for row in PEOPLE]
    people[4][5] = "Rút khỏi đoàn từ 01/9/2025"
    path = _xlsx(tmp_path, _roster_rows(people=people), {"F8": STRUCK})
    result = parse_file(path)
    assert len(result.records()) == 5
    assert _messages(result) == ["DS!F8: ghi chú «Rút khỏi đoàn từ 01/9/2025» ở ô F8 bị gạch ngang (đã bỏ) — không "
                                 "dùng giá trị này, dòng vẫn được nhập"]


def test_near_misses_read_as_before(tmp_path):
    """Underline, italics and a struck cell of a column nothing reads change nothing, and say nothing."""
    header = HEADER[:5] + ["Quê quán"]
    people = [row[:5] + ["Xã An Bình"] for row in PEOPLE]
    plain = parse_file(_xlsx(tmp_path, _roster_rows(header, people), {}))
    path = _xlsx(tmp_path, _roster_rows(header, people),
                 {"B4": Font(underline="single"), "B5": Font(italic=True), "F6": STRUCK, "A7": STRUCK})
    result = parse_file(path)
    assert result.records() == plain.records() and len(result.records()) == 5
    assert _messages(result) == _messages(plain)
    assert _reasons(result) == _reasons(plain)


def _register(tmp_path, fonts):
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], ["Chi bộ thôn Đông"],
            ["STT", "Họ và tên", "Tháng 7", "Tháng 8", "Tháng 9", "Ghi chú"],
            [1, "Nguyễn Văn An", "x", "x", "x", None],
            [2, "Trần Thị Bình", "x", "P", "x", "T8: có mặt"],
            [3, "Lê Văn Cường", "x", "x", "K", None],
            [4, "Trần Thị Bình", "x", "P", "x", "nhập trùng"],
            [], ["Ghi chú: x - có mặt; P - vắng có phép; K - vắng không phép"]]
    return parse_file(_xlsx(tmp_path, rows, fonts, "Diem danh"))


def test_register_struck_mark_and_twice_entered_row(tmp_path):
    result = _register(tmp_path, {"D5": STRUCK, 7: STRUCK})
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2025-07-01", "present"), ("Nguyễn Văn An", "2025-08-01", "present"),
        ("Nguyễn Văn An", "2025-09-01", "present"), ("Trần Thị Bình", "2025-07-01", "present"),
        ("Trần Thị Bình", "2025-09-01", "present"), ("Lê Văn Cường", "2025-07-01", "present"),
        ("Lê Văn Cường", "2025-08-01", "present"), ("Lê Văn Cường", "2025-09-01", "absent")]
    assert _messages(result)[:2] == [
        "Diem danh!B7: dòng 7 bị gạch ngang (đã bỏ): không nhập — dòng 7: Trần Thị Bình (nhập trùng)",
        "Diem danh!D5: ký hiệu «P» ở ô D5 bị gạch ngang (đã bỏ) — không nhập ô này; hãy kiểm tra điểm danh buổi "
        "này (ký hiệu đúng có thể ghi ở ô bên cạnh hoặc ghi chú: «T8: có mặt»)"]
    assert _reasons(result)[7] == "dòng bị gạch ngang (đã bỏ) — không nhập: Trần Thị Bình (nhập trùng)"


def test_register_without_strikes_is_unchanged(tmp_path):
    result = _register(tmp_path, {"D5": Font(underline="single")})
    assert len(result.records()) == 12
    assert not any("gạch ngang" in text for text in _messages(result))


def test_struck_tick_beside_its_replacement_in_the_same_meeting_is_only_warned(tmp_path):
    rows = [["ĐIỂM DANH SINH HOẠT CHI BỘ THÁNG 8/2025"],
            ["STT", "Họ và tên", "Ngày 05/8/2025", None, None, "Ghi chú"],
            [None, None, "Có mặt", "Vắng có phép", "Vắng không phép", None],
            [1, "Nguyễn Văn An", "x", None, None, None],
            [2, "Trần Thị Bình", "x", "x", None, None],
            [3, "Lê Văn Cường", None, None, "x", None]]
    book_path = _xlsx(tmp_path, rows, {"C5": STRUCK}, "T8")
    book = openpyxl.load_workbook(book_path)
    book.active.merge_cells("C2:E2")
    book.save(book_path)
    result = parse_file(book_path)
    assert "T8!C5: ký hiệu «x» ở ô C5 bị gạch ngang, cùng buổi có «x» ở ô D5 — đọc như bảng ghi, hãy kiểm tra điểm " \
           "danh buổi này" in _messages(result)
    assert [r["full_name"] for r in result.records()] == ["Nguyễn Văn An", "Lê Văn Cường"]
    assert result.errors  # the two ticks are still refused as before, not guessed


def test_xls_struck_name(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("DS")
    struck = xlwt.easyxf("font: struck_out on")
    for row, values in enumerate(_roster_rows()):
        for col, value in enumerate(values):
            if value is not None:
                sheet.write(row, col, value, struck if (row, col) == (5, 1) else xlwt.Style.default_style)
    path = tmp_path / "f.xls"
    book.save(str(path))
    assert shows_struck_text(path)
    result = parse_file(path)
    assert [name for name, _, _ in _people(result)] == ["Nguyễn Văn An", "Trần Thị Bình", "Phạm Thị Dung",
                                                         "Hoàng Minh Đức"]
    assert _messages(result)[0] == "DS!B6: dòng 6 bị gạch ngang (đã bỏ): không nhập — dòng 6: Lê Văn Cường (Rút " \
                                   "khỏi đoàn từ 01/9/2025)"


def test_ods_struck_row(tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    style = Style(name="gach", family="table-cell")
    style.addElement(TextProperties(textlinethroughstyle="solid", textlinethroughtype="single"))
    doc.automaticstyles.addElement(style)
    table = Table(name="DS")
    people = [row[:5] + [None if row[0] == 3 else row[5]] for row in PEOPLE]
    for row, values in enumerate(_roster_rows(people=people)):
        line = TableRow()
        for value in values:
            attrs = {"stylename": style} if row == 6 else {}
            if value is None:
                cell = TableCell(**attrs)
            elif isinstance(value, int):
                cell = TableCell(valuetype="float", value=value, **attrs)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string", **attrs)
                cell.addElement(P(text=value))
            line.addElement(cell)
        table.addElement(line)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "f.ods"
    doc.save(str(path))
    assert shows_struck_text(path)
    result = parse_file(path)
    assert [name for name, _, _ in _people(result)] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
                                                         "Hoàng Minh Đức"]
    assert _messages(result) == ["DS!B7: dòng 7 bị gạch ngang (đã bỏ): không nhập — dòng 7: Phạm Thị Dung (chuyển "
                                 "công tác)"]


def test_files_without_struck_fonts_are_not_read_again(tmp_path):
    assert not shows_struck_text(_xlsx(tmp_path, _roster_rows(), {"B5": Font(italic=True)}))
    assert shows_struck_text(_xlsx(tmp_path, _roster_rows(), {"B5": STRUCK}))


def _with_runs(path, runs):
    """Keep the xlsx's texts of `runs` as Excel does, shared, with words struck as runs of their own:
    {text: [(part, struck)]}."""
    import html
    import re
    import zipfile
    from xml.sax.saxutils import escape

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    order = list(runs)

    def shared(found):
        text = html.unescape(found.group(2))
        return f'<c r="{found.group(1)}" t="s"><v>{order.index(text)}</v></c>' if text in runs else found.group(0)

    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = re.sub(r'<c r="(\w+)" t="inlineStr"><is><t>([^<]*)</t></is></c>', shared,
                                               sheet).encode()
    items = "".join("<si>" + "".join(f'<r>{"<rPr><strike/></rPr>" if struck else ""}<t xml:space="preserve">'
                                     f"{escape(part)}</t></r>" for part, struck in runs[text]) + "</si>"
                    for text in order)
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(order)}" uniqueCount="{len(order)}">{items}</sst>').encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sharedStrings+xml"/></Types>').encode())
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>", (
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml" Id="rId9"/></Relationships>').encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_xlsx_words_struck_within_the_cell(tmp_path):
    """A name struck as a rich text's run is left out as a struck cell is; an old position struck before the new
    one in the same cell is read whole, and warned."""
    people = [row[:5] + [None] for row in PEOPLE]
    people[3][2] = "Chuyên viên Phó trưởng phòng"
    path = _with_runs(_xlsx(tmp_path, _roster_rows(people=people), {}), {
        "Trần Thị Bình": [("Trần Thị Bình", True)],
        "Chuyên viên Phó trưởng phòng": [("Chuyên viên", True), (" Phó trưởng phòng", False)]})
    assert shows_struck_text(path)
    result = parse_file(path)
    assert [name for name, _, _ in _people(result)] == ["Nguyễn Văn An", "Lê Văn Cường", "Phạm Thị Dung",
                                                         "Hoàng Minh Đức"]
    assert _messages(result) == [
        "DS!B5: dòng 5 bị gạch ngang (đã bỏ): không nhập — dòng 5: Trần Thị Bình",
        "DS!C7: «Chuyên viên» trong ô C7 («Chuyên viên Phó trưởng phòng») bị gạch ngang — giá trị được đọc cả phần "
        "bị gạch; hãy sửa ô cho chỉ còn giá trị đúng"]
