"""A cell's formatting that a legend on the sheet explains: a roster with no role column whose head's cell is filled
yellow, set in bold or written in red ("Ô tô màu vàng là Trưởng đoàn …", "Đồng chí in đậm là Trưởng đoàn", "Tên chữ
đỏ: Trưởng đoàn"), a register whose mark cells' fill or coloured "x" says the status ("Ô nền đỏ: vắng không phép").
A legend about formats the file cannot keep (CSV), a colour the legend does not define, a legend no cell matches,
a role column or a mark disagreeing with a format: each is warned or refused, never guessed."""

import pytest
import xlwt
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.colors import Color
from sheet_files import write_sheet

from importers import parse_file
from importers.colour_names import colour_names, matches, with_tint
from importers.format_legends import BOLD, COLOUR, FILL, FONT, ITALIC, read_format_legend

PEOPLE = [("Nguyễn Văn An", "Phó Bí thư"), ("Trần Thị Bình", "Chủ tịch MTTQ"), ("Lê Văn Cường", "Phó Chủ tịch UBND")]
TITLE = [["ĐẢNG ỦY PHƯỜNG NINH KIỀU"], ["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 2"], []]


def fill(rgb=None, theme=None, tint=0.0):
    colour = Color(theme=theme, tint=tint) if theme is not None else rgb
    return {"fill": PatternFill("solid", fgColor=colour)}


def _roster(tmp_path, notes, styles, header=("STT", "Họ và tên", "Chức vụ", "Điện thoại"), extra=None):
    rows = TITLE + [list(header)]
    for n, (name, position) in enumerate(PEOPLE, 1):
        rows.append([n, name, position, f"091234567{n}"] + ([extra[n - 1]] if extra else []))
    rows += [[]] + [[note] for note in notes]
    return parse_file(write_sheet(tmp_path / "r.xlsx", rows, styles=styles))


def _roles(result):
    return [(record["full_name"], record["role"]) for record in result.records()]


def _messages(result):
    return [w["message"] for w in result.warnings]


def _headless(result):
    return [m for m in _messages(result) if "không ai được đọc là trưởng đoàn" in m]


@pytest.mark.parametrize("note", [
    "Ghi chú: Ô tô màu vàng là Trưởng đoàn, tô màu xanh là Phó Trưởng đoàn, còn lại là thành viên",
    "Ghi chú: ô nền vàng: Trưởng đoàn; ô nền xanh dương: Phó Trưởng đoàn",
    "Trưởng đoàn: tô màu vàng; Phó Trưởng đoàn: tô màu xanh lam",
])
def test_roles_by_fill(tmp_path, note):
    result = _roster(tmp_path, [note], {"B5": fill("FFFF00"), "B6": fill("00B0F0")})
    assert _roles(result) == [("Nguyễn Văn An", "head"), ("Trần Thị Bình", "deputy"), ("Lê Văn Cường", "member")]
    assert _headless(result) == [] and result.errors == []
    assert not any("màu" in m for m in _messages(result))


def test_roles_by_bold_and_italic(tmp_path):
    result = _roster(tmp_path, ["(Đồng chí in đậm là Trưởng đoàn, in nghiêng là Phó Trưởng đoàn)"],
                     {"B6": {"font": Font(bold=True)}, "B7": {"font": Font(italic=True)}})
    assert _roles(result) == [("Nguyễn Văn An", "member"), ("Trần Thị Bình", "head"), ("Lê Văn Cường", "deputy")]
    assert _headless(result) == []


def test_roles_by_font_colour(tmp_path):
    result = _roster(tmp_path, ["Tên chữ đỏ: Trưởng đoàn"], {"B7": {"font": Font(color="FF0000")}})
    assert _roles(result) == [("Nguyễn Văn An", "member"), ("Trần Thị Bình", "member"), ("Lê Văn Cường", "head")]
    assert _headless(result) == []


def test_a_whole_row_filled_gives_the_role(tmp_path):
    styles = {f"{letter}6": fill("FFFF00") for letter in "ABCD"}
    result = _roster(tmp_path, ["Ghi chú: dòng tô màu vàng là Trưởng đoàn"], styles)
    assert _roles(result) == [("Nguyễn Văn An", "member"), ("Trần Thị Bình", "head"), ("Lê Văn Cường", "member")]


def test_a_group_given_several_heads_by_format_is_warned(tmp_path):
    styles = {f"B{row}": {"font": Font(bold=True)} for row in (5, 6, 7)}
    result = _roster(tmp_path, ["(Đồng chí in đậm là Trưởng đoàn)"], styles)
    assert [role for _, role in _roles(result)] == ["head"] * 3
    assert ("Sheet!B5: 3 người của «Đoàn công tác số 2» được đọc là trưởng đoàn theo định dạng (B5, B6, B7) — mỗi đoàn "
            "có một trưởng đoàn, hãy kiểm tra định dạng hoặc thêm cột Nhiệm vụ") in _messages(result)


def test_a_bold_number_column_alone_gives_no_role(tmp_path):
    result = _roster(tmp_path, ["(Đồng chí in đậm là Trưởng đoàn)"], {"A5": {"font": Font(bold=True)}})
    assert [role for _, role in _roles(result)] == ["member"] * 3


def test_a_theme_colour_is_read_through_the_theme(tmp_path):
    # accent 4 of the file's theme (openpyxl writes Office 2007's: 8064A2, lightened): purple, where Office 2013's
    # default theme has gold
    result = _roster(tmp_path, ["Ghi chú: Ô tô màu tím là Trưởng đoàn"], {"B5": fill(theme=7, tint=0.4)})
    assert _roles(result) == [("Nguyễn Văn An", "head"), ("Trần Thị Bình", "member"), ("Lê Văn Cường", "member")]


def test_a_colour_the_legend_does_not_define_is_warned_with_its_cells(tmp_path):
    result = _roster(tmp_path, ["Ghi chú: Ô tô màu vàng là Trưởng đoàn"],
                     {"B5": fill("FFFF00"), "B6": fill("FF99CC"), "B7": fill("FF99CC")})
    assert _roles(result) == [("Nguyễn Văn An", "head"), ("Trần Thị Bình", "member"), ("Lê Văn Cường", "member")]
    warned = [w for w in result.warnings if "không có trong ghi chú" in w["message"]]
    assert len(warned) == 1
    assert warned[0]["message"].startswith("Sheet!B6: màu «hồng» ở B6, B7 không có trong ghi chú «Ghi chú: Ô tô")


def test_a_colour_between_two_names_takes_the_one_the_legend_uses(tmp_path):
    result = _roster(tmp_path, ["Ghi chú: Ô tô màu vàng là Trưởng đoàn"], {"B5": fill("FFC000")})
    assert _roles(result) == [("Nguyễn Văn An", "head"), ("Trần Thị Bình", "member"), ("Lê Văn Cường", "member")]
    assert not any("màu" in m for m in _messages(result))


def test_a_legend_no_cell_matches_is_warned(tmp_path):
    result = _roster(tmp_path, ["Ghi chú: Ô tô màu vàng là Trưởng đoàn"], {})
    assert _roles(result) == [(name, "member") for name, _ in PEOPLE]
    assert any(m.startswith("Sheet: ghi chú «Ghi chú: Ô tô màu vàng là Trưởng đoàn» nói nhiệm vụ được tô màu, nhưng "
                            "không ô nào có định dạng như ghi chú") for m in _messages(result))
    assert len(_headless(result)) == 1


def test_a_role_column_wins_and_a_format_disagreeing_is_warned(tmp_path):
    result = _roster(tmp_path, ["Ghi chú: Ô tô màu vàng là Trưởng đoàn"], {"B6": fill("FFFF00")},
                     header=("STT", "Họ và tên", "Chức vụ", "Điện thoại", "Nhiệm vụ"),
                     extra=["Trưởng đoàn", "Thành viên", "Thành viên"])
    assert _roles(result) == [("Nguyễn Văn An", "head"), ("Trần Thị Bình", "member"), ("Lê Văn Cường", "member")]
    assert [w["message"] for w in result.warnings if "giữ theo cột" in w["message"]] == [
        "Sheet!E6: cột nhiệm vụ ghi «thành viên» nhưng định dạng ô B6 theo ghi chú là «trưởng đoàn» — giữ theo cột, "
        "hãy kiểm tra"]


def test_a_csv_with_a_colour_legend_is_warned(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 2\n\nSTT,Họ và tên,Chức vụ\n1,Nguyễn Văn An,Phó Bí thư\n"
                    "2,Trần Thị Bình,Chủ tịch MTTQ\n\n"
                    "\"Ghi chú: Ô tô màu vàng là Trưởng đoàn, còn lại là thành viên\"\n",
                    encoding="utf-8")
    result = parse_file(path)
    assert _roles(result) == [("Nguyễn Văn An", "member"), ("Trần Thị Bình", "member")]
    assert ("ghi chú «Ghi chú: Ô tô màu vàng là Trưởng đoàn, còn lại là thành viên» nói nhiệm vụ được tô màu, nhưng "
            "tệp CSV không giữ màu, chữ đậm hay chữ nghiêng — hãy thêm cột Nhiệm vụ; các ô chưa được đọc theo định "
            "dạng") in _messages(result)
    assert len(_headless(result)) == 1


# ---- registers ---------------------------------------------------------------------------------------------------

REGISTER = [["BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [], ["STT", "Họ và tên", "T1", "T2", "T3"],
            [1, "Nguyễn Văn An", "x", "x", None], [2, "Trần Thị Bình", None, "x", "x"],
            [3, "Lê Văn Cường", "x", None, "x"], []]


def _statuses(result):
    return [(r["full_name"][:3], r["date"][5:7], r["status"]) for r in result.records()]


def test_register_statuses_by_fill(tmp_path):
    rows = REGISTER + [["Ghi chú: Ô nền đỏ: vắng không phép; nền vàng: vắng có phép; ô có dấu x: có mặt"]]
    styles = {"E4": fill("FF0000"), "C5": fill("FFFF00"), "D6": fill("C00000")}
    result = parse_file(write_sheet(tmp_path / "a.xlsx", rows, styles=styles))
    assert _statuses(result) == [
        ("Ngu", "01", "present"), ("Ngu", "02", "present"), ("Ngu", "03", "absent"),
        ("Trầ", "01", "excused"), ("Trầ", "02", "present"), ("Trầ", "03", "present"),
        ("Lê ", "01", "present"), ("Lê ", "02", "absent"), ("Lê ", "03", "present")]
    assert result.errors == [] and not any("màu" in m for m in _messages(result))


def test_register_coloured_marks(tmp_path):
    rows = [list(row) for row in REGISTER] + [["Ghi chú: x: có mặt; x màu đỏ: vắng không phép"]]
    rows[3][4], rows[4][2] = "x", "x"
    red = {"font": Font(color="FF0000")}
    result = parse_file(write_sheet(tmp_path / "a.xlsx", rows, styles={"E4": red, "C5": red}))
    assert _statuses(result) == [
        ("Ngu", "01", "present"), ("Ngu", "02", "present"), ("Ngu", "03", "absent"),
        ("Trầ", "01", "absent"), ("Trầ", "02", "present"), ("Trầ", "03", "present"),
        ("Lê ", "01", "present"), ("Lê ", "03", "present")]
    assert result.errors == []


def test_register_fill_against_an_explained_mark_is_refused(tmp_path):
    rows = [list(row) for row in REGISTER] + [["Ghi chú: Ô nền đỏ: vắng không phép; x: có mặt"]]
    result = parse_file(write_sheet(tmp_path / "a.xlsx", rows, styles={"C4": fill("FF0000")}))
    assert ("Ngu", "01", "present") not in _statuses(result)
    assert [e["message"] for e in result.errors] == [
        "Sheet!C4: ký hiệu «x» là «có mặt» nhưng định dạng ô theo ghi chú là «vắng không phép» — không đoán, hãy "
        "sửa trong bảng"]


def test_register_undefined_colour_is_warned(tmp_path):
    rows = REGISTER + [["Ghi chú: Ô nền đỏ: vắng không phép; x: có mặt"]]
    result = parse_file(write_sheet(tmp_path / "a.xlsx", rows, styles={"E4": fill("FF0000"), "C5": fill("00B050")}))
    assert ("Ngu", "03", "absent") in _statuses(result)
    assert not any(name == "Trầ" and month == "01" for name, month, _ in _statuses(result))
    assert any(m.startswith("Sheet!C5: màu «xanh lá» ở C5 không có trong ghi chú") for m in _messages(result))


def test_long_register_statuses_by_fill(tmp_path):
    rows = [["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ"], [], ["STT", "Họ và tên", "Ngày họp", "Điểm danh"],
            [1, "Nguyễn Văn An", "05/01/2025", "x"], [2, "Trần Thị Bình", "05/01/2025", None],
            [3, "Lê Văn Cường", "05/01/2025", None], [],
            ["Ghi chú: ô có dấu x: có mặt; nền vàng: vắng có phép; ô nền đỏ: vắng không phép"]]
    result = parse_file(write_sheet(tmp_path / "l.xlsx", rows, styles={"D5": fill("FFFF00"), "D6": fill("FF0000")}))
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2025-01-05", "present"), ("Trần Thị Bình", "2025-01-05", "excused"),
        ("Lê Văn Cường", "2025-01-05", "absent")]


# ---- xls -----------------------------------------------------------------------------------------------------------

def _xls(path, rows, styles):
    book = xlwt.Workbook()
    sheet = book.add_sheet("DS")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            style = styles.get((r, c))
            if style is not None:
                sheet.write(r, c, value, xlwt.easyxf(style))
            elif value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def test_xls_roles_by_fill_and_bold(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Chức vụ"]] + [[n, *person] for n, person in enumerate(PEOPLE, 1)] \
        + [[], ["Ghi chú: Ô tô màu vàng là Trưởng đoàn, chữ in đậm là Phó Trưởng đoàn, còn lại là thành viên"]]
    styles = {(4, 1): "pattern: pattern solid, fore_colour yellow", (5, 1): "font: bold on"}
    result = parse_file(_xls(tmp_path / "r.xls", rows, styles))
    assert _roles(result) == [("Nguyễn Văn An", "head"), ("Trần Thị Bình", "deputy"), ("Lê Văn Cường", "member")]


def test_xls_register_statuses_by_fill(tmp_path):
    rows = REGISTER + [["Ghi chú: Ô nền đỏ: vắng không phép; nền vàng: vắng có phép; ô có dấu x: có mặt"]]
    styles = {(3, 4): "pattern: pattern solid, fore_colour red", (4, 2): "pattern: pattern solid, fore_colour yellow"}
    result = parse_file(_xls(tmp_path / "a.xls", rows, styles))
    assert ("Ngu", "03", "absent") in _statuses(result) and ("Trầ", "01", "excused") in _statuses(result)
    assert not any(status != "present" for name, month, status in _statuses(result)
                   if (name, month) not in {("Ngu", "03"), ("Trầ", "01")})
    assert not any(name == "Lê " and month == "02" for name, month, _ in _statuses(result))  # blank, no fill


# ---- ods -----------------------------------------------------------------------------------------------------------

def _ods(path, rows, styles):
    """An ODS file of `rows`; `styles` maps (row, col) to (name, cell properties, text properties)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableCellProperties, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P, Span

    doc = OpenDocumentSpreadsheet()
    made = {}
    for name, cell_props, text_props, family in {style for style in styles.values()}:
        style = Style(name=name, family=family)
        if cell_props:
            style.addElement(TableCellProperties(**dict(cell_props)))
        if text_props:
            style.addElement(TextProperties(**dict(text_props)))
        doc.automaticstyles.addElement(style)
        made[name] = style
    table = Table(name="DS")
    for r, row in enumerate(rows):
        line = TableRow()
        for c, value in enumerate(row):
            style = styles.get((r, c))
            on_cell = {"stylename": made[style[0]]} if style and style[3] == "table-cell" else {}
            if isinstance(value, int):
                cell = TableCell(valuetype="float", value=value, **on_cell)
            else:
                cell = TableCell(valuetype="string", **on_cell)
            if value is not None:
                paragraph = P()
                if style and style[3] == "text":
                    paragraph.addElement(Span(stylename=made[style[0]], text=str(value)))
                else:
                    paragraph.addText(str(value))
                cell.addElement(paragraph)
            line.addElement(cell)
        table.addElement(line)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


YELLOW = ("ceY", (("backgroundcolor", "#ffff00"),), (), "table-cell")
RED_FILL = ("ceR", (("backgroundcolor", "#ff0000"),), (), "table-cell")
BOLD_CELL = ("ceB", (), (("fontweight", "bold"),), "table-cell")
RED_TEXT = ("T1", (), (("color", "#ff0000"),), "text")


def test_ods_roles_by_fill_bold_and_a_coloured_span(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Chức vụ"]] + [[n, *person] for n, person in enumerate(PEOPLE, 1)] \
        + [[], ["Ghi chú: Ô tô màu vàng là Trưởng đoàn, chữ in đậm là Phó Trưởng đoàn, còn lại là thành viên"]]
    result = parse_file(_ods(tmp_path / "r.ods", rows, {(4, 1): YELLOW, (5, 1): BOLD_CELL}))
    assert _roles(result) == [("Nguyễn Văn An", "head"), ("Trần Thị Bình", "deputy"), ("Lê Văn Cường", "member")]
    rows[-1] = ["Tên chữ đỏ: Trưởng đoàn"]
    result = parse_file(_ods(tmp_path / "s.ods", rows, {(6, 1): RED_TEXT}))
    assert _roles(result) == [("Nguyễn Văn An", "member"), ("Trần Thị Bình", "member"), ("Lê Văn Cường", "head")]


def test_ods_register_statuses_by_fill(tmp_path):
    rows = REGISTER + [["Ghi chú: Ô nền đỏ: vắng không phép; nền vàng: vắng có phép; ô có dấu x: có mặt"]]
    result = parse_file(_ods(tmp_path / "a.ods", rows, {(3, 4): RED_FILL, (4, 2): YELLOW}))
    assert _statuses(result) == [
        ("Ngu", "01", "present"), ("Ngu", "02", "present"), ("Ngu", "03", "absent"),
        ("Trầ", "01", "excused"), ("Trầ", "02", "present"), ("Trầ", "03", "present"),
        ("Lê ", "01", "present"), ("Lê ", "03", "present")]


# ---- the pure readers ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, rules, rest", [
    ("Ghi chú: Ô tô màu vàng là Trưởng đoàn, tô màu xanh là Phó Trưởng đoàn, còn lại là thành viên",
     [(FILL, "vàng", "role", "head"), (FILL, "xanh", "role", "deputy")], {"role": "member"}),
    ("Đồng chí in đậm là Trưởng đoàn, in nghiêng là Phó Trưởng đoàn",
     [(BOLD, None, "role", "head"), (ITALIC, None, "role", "deputy")], {}),
    ("Tên chữ đỏ: Trưởng đoàn", [(FONT, "đỏ", "role", "head")], {}),
    ("Chữ màu xanh lá cây là Phó đoàn", [(FONT, "xanh lá", "role", "deputy")], {}),
    ("ô màu xanh da trời = Trưởng đoàn", [(FILL, "xanh dương", "role", "head")], {}),
    ("màu cam là Phó Trưởng đoàn", [(COLOUR, "cam", "role", "deputy")], {}),
    ("Ô nền đỏ: vắng không phép; nền vàng: vắng có phép; ô có dấu x: có mặt",
     [(FILL, "đỏ", "status", "absent"), (FILL, "vàng", "status", "excused")], {}),
    ("x màu đỏ: vắng; x màu xanh: có mặt", [(FONT, "đỏ", "status", "absent"), (FONT, "xanh", "status", "present")],
     {}),
    ("Ô màu ghi: miễn sinh hoạt; ô không tô màu: có mặt", [(FILL, "xám", "status", "exempt")], {"status": "present"}),
])
def test_format_legend_wordings(text, rules, rest):
    legend = read_format_legend([text])
    assert [(r.where, r.colour, r.field, r.value) for r in legend.rules] == rules
    assert legend.rest == rest


@pytest.mark.parametrize("text", ["Ghi chú: x - có mặt; P - vắng có phép", "Ghi chú: Tô Văn Lâm chuyển sinh hoạt",
                                  "Ghi chú: vắng có phép", "Cam kết: đủ 100% đảng viên dự"])
def test_texts_giving_no_format_a_meaning(text):
    assert read_format_legend([text]) is None


@pytest.mark.parametrize("rgb, names", [
    ("FFFF00", {"vàng"}), ("FFFF0000", {"đỏ"}), ("00B050", {"xanh lá"}), ("0070C0", {"xanh dương"}),
    ("FFC000", {"vàng", "cam"}), ("7030A0", {"tím"}), ("FF99CC", {"hồng"}), ("808080", {"xám"}),
    ("996633", {"cam", "nâu"}), ("7F3F00", {"nâu"}), ("FFFFFF", set()), ("000000", set()), (None, set()),
])
def test_colour_names(rgb, names):
    assert colour_names(rgb) == names


def test_generic_green_blue_and_tint():
    assert matches("xanh", frozenset({"xanh lá"})) and matches("xanh", frozenset({"xanh dương"}))
    assert not matches("xanh lá", frozenset({"xanh dương"}))
    assert with_tint("000000", 0.5) == "808080" and with_tint("FFC000", 0) == "FFC000"
