"""A meeting not held, written once over its month's column ("Nghỉ hè - không sinh hoạt" merged down July), gives no
records and one inference naming the column and its words (importers.kinds.no_meeting_cells); "Miễn sinh hoạt" stays
a member's exemption, and such words in one member's cell stay refused. A schedule written after the unit's name (on
the next line of its cell, after a bar or a dash) is a remark, never part of the unit (importers.unit_remarks)."""
import openpyxl
import pytest

from importers import parse_file
from importers.kinds.no_meeting_cells import says_not_held
from importers.legends import parse_legend
from importers.normalising import normalise_unit_name
from importers.unit_remarks import split_remark_tail

PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
MONTHS = 4
HEADER = 6
NOT_HELD = "Buổi không sinh hoạt"


def _register(path, unit_lines=("Đơn vị: Chi bộ Khoa Lịch sử",), column=None, merge=True, across=False,
              legend="Ký hiệu: x có mặt; P vắng có phép; K vắng không phép"):
    """A wide register of PEOPLE over Tháng 1..4 of 2025, all 'x'; `column` (text) written over Tháng 3 (E),
    merged down (and over Tháng 4 too with `across`) or typed in every row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "SH 2025"
    sheet["A1"] = "ĐẢNG BỘ TRƯỜNG ĐẠI HỌC KHOA HỌC"
    sheet["A2"] = "BẢNG THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"
    for offset, line in enumerate(unit_lines):
        sheet.cell(3 + offset, 1, line)
    sheet.cell(HEADER, 1, "STT")
    sheet.cell(HEADER, 2, "Họ và tên")
    for month in range(1, MONTHS + 1):
        sheet.cell(HEADER, 2 + month, f"Tháng {month}")
    for index, name in enumerate(PEOPLE):
        row = HEADER + 1 + index
        sheet.cell(row, 1, index + 1)
        sheet.cell(row, 2, name)
        for month in range(1, MONTHS + 1):
            sheet.cell(row, 2 + month, "x")
    if column is not None:
        last = HEADER + len(PEOPLE)
        for row in range(HEADER + 1, last + 1):
            sheet.cell(row, 5, column if row == HEADER + 1 or not merge else None)
            if across:
                sheet.cell(row, 6, None)
        if merge:
            sheet.merge_cells(start_row=HEADER + 1, start_column=5, end_row=last, end_column=6 if across else 5)
    sheet.cell(HEADER + len(PEOPLE) + 2, 1, legend)
    book.save(path)
    return path


def _months(result) -> set[str]:
    return {record["date"] for record in result.records()}


def _said(result, what=NOT_HELD) -> list[dict]:
    return [item for item in result.inferences if item["what"] == what]


@pytest.mark.parametrize("text", ["Nghỉ hè - không sinh hoạt", "Không sinh hoạt", "Nghỉ Tết", "Không họp (lũ)",
                                  "Hoãn", "Tạm dừng sinh hoạt", "Hoãn do bão số 13", "KHÔNG SINH HOẠT"])
def test_a_column_merged_down_saying_no_meeting(tmp_path, text):
    result = parse_file(_register(tmp_path / "a.xlsx", column=text))
    assert result.errors == [] and result.warnings == []
    assert _months(result) == {"2025-01-01", "2025-02-01", "2025-04-01"}
    assert len(result.records()) == 3 * len(PEOPLE)
    assert all(record["status"] == "present" for record in result.records())
    said = _said(result)
    assert len(said) == 1 and said[0]["value"] == f"cột E «Tháng 3»: «{text}»"
    assert "không có buổi sinh hoạt, không nhập" in said[0]["source"]


def test_a_merge_over_two_months(tmp_path):
    result = parse_file(_register(tmp_path / "a.xlsx", column="Nghỉ hè", across=True))
    assert result.errors == []
    assert _months(result) == {"2025-01-01", "2025-02-01"}
    assert _said(result)[0]["value"] == "cột E, F «Tháng 3», «Tháng 4»: «Nghỉ hè»"


def test_the_words_typed_in_every_row_without_a_merge(tmp_path):
    result = parse_file(_register(tmp_path / "a.xlsx", column="Không sinh hoạt", merge=False))
    assert result.errors == []
    assert _months(result) == {"2025-01-01", "2025-02-01", "2025-04-01"}
    assert len(_said(result)) == 1


def test_an_exemption_merged_down_stays_exempt(tmp_path):
    result = parse_file(_register(tmp_path / "a.xlsx", column="Miễn sinh hoạt"))
    assert _said(result) == []
    assert sorted(record["status"] for record in result.records() if record["date"] == "2025-03-01") \
        == ["exempt"] * len(PEOPLE)


def test_one_members_note_is_refused_as_today(tmp_path):
    path = _register(tmp_path / "a.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["E7"] = "Không sinh hoạt"  # the others are marked 'x' for Tháng 3: the meeting took place
    book.save(path)
    result = parse_file(path)
    assert _said(result) == []
    assert [(error["row"], error["column"], error["value"]) for error in result.errors
            if error["field"] == "status" and error["row"] == 7] == [(7, "E", "Không sinh hoạt")]


def test_a_lone_merge_over_part_of_the_column_with_marks_below_is_refused(tmp_path):
    path = _register(tmp_path / "a.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet["E7"], sheet["E8"] = "Nghỉ hè", None
    sheet.merge_cells("E7:E8")  # E9 still 'x': the meeting of Tháng 3 was held
    book.save(path)
    result = parse_file(path)
    assert _said(result) == []
    assert {(error["row"], error["column"]) for error in result.errors if error["field"] == "status"} \
        >= {(7, "E"), (8, "E")}


@pytest.mark.parametrize("text, held", [
    ("Nghỉ hè - không sinh hoạt", False), ("Không họp (lũ)", False), ("Tạm hoãn", False), ("Nghỉ Tết", False),
    ("Miễn sinh hoạt", True), ("Miễn SH", True), ("Hoàn thành", True), ("Vắng", True), ("x", True),
])
def test_what_says_not_held(text, held):
    assert says_not_held(text) is not held


# -- a schedule after the unit's name


SCHEDULE = "Sinh hoạt định kỳ ngày thứ Tư tuần đầu của tháng"


@pytest.mark.parametrize("lines", [
    (f"Đơn vị: Chi bộ Khoa Lịch sử     |     {SCHEDULE}",),
    (f"Đơn vị: Chi bộ Khoa Lịch sử\n{SCHEDULE}",),
    ("Đơn vị: Chi bộ Khoa Lịch sử", SCHEDULE),
    (f"Chi bộ: Khoa Lịch sử | {SCHEDULE}",),
    ("Đơn vị: Chi bộ Khoa Lịch sử - SH ngày 5 hằng tháng",),
    (f"Chi bộ Khoa Lịch sử\n{SCHEDULE}",),
])
def test_a_schedule_after_the_unit_is_a_remark(tmp_path, lines):
    result = parse_file(_register(tmp_path / "a.xlsx", unit_lines=lines))
    assert result.errors == [] and result.warnings == []
    assert {record["unit"] for record in result.records()} == {"Chi bộ Khoa Lịch sử"}
    said = _said(result, "Ghi chú sau tên chi bộ")
    if len(lines) == 1:
        assert len(said) == 1 and "trong ngoặc" not in said[0]["source"]


@pytest.mark.parametrize("line, unit", [
    ("Đơn vị: Chi bộ Khoa Lịch sử - Địa lý", "Chi bộ Khoa Lịch sử - Địa lý"),  # a name with a dash in it
    ("Đơn vị: Chi bộ Khoa Lịch sử", "Chi bộ Khoa Lịch sử"),
])
def test_a_name_after_a_dash_stays(tmp_path, line, unit):
    result = parse_file(_register(tmp_path / "a.xlsx", unit_lines=(line,)))
    assert {record["unit"] for record in result.records()} == {unit}
    assert _said(result, "Ghi chú sau tên chi bộ") == []


@pytest.mark.parametrize("text, name, remark", [
    (f"Chi bộ Khoa Lịch sử | {SCHEDULE}", "Chi bộ Khoa Lịch sử", SCHEDULE),
    ("Chi bộ Thôn 1\nSH ngày 5 hằng tháng", "Chi bộ Thôn 1", "SH ngày 5 hằng tháng"),
    ("Chi bộ Thôn 1 - Bí thư: đ/c Lan", "Chi bộ Thôn 1", "Bí thư: đ/c Lan"),
    ("Chi bộ Thôn 1; 12 đảng viên", "Chi bộ Thôn 1", "12 đảng viên"),
    ("Chi bộ Tổ dân phố 1 | Phường Phú Xuân", "Chi bộ Tổ dân phố 1 | Phường Phú Xuân", None),
    ("Chi bộ Khoa Lịch sử - Địa lý", "Chi bộ Khoa Lịch sử - Địa lý", None),
    ("Chi bộ Trường THCS - THPT Nguyễn Du", "Chi bộ Trường THCS - THPT Nguyễn Du", None),
    ("Chi bộ Hưu trí 3 - NĂM 2025", "Chi bộ Hưu trí 3 - NĂM 2025", None),  # a period: the title readers' to cut
    ("Chi bộ Thôn 1 - Quý II/2025", "Chi bộ Thôn 1 - Quý II/2025", None),
])
def test_the_remark_after_a_separator(text, name, remark):
    assert split_remark_tail(text) == (name, remark)
    if remark:
        assert normalise_unit_name(text) == name


def test_a_legend_sentence_after_a_bracket():
    legend = ("Ghi chú: ✓ có mặt; P vắng có phép; K vắng không phép; M đi muộn; CT đi công tác dài hạn (tính vắng "
              "có phép). NCS: nghiên cứu sinh.")
    assert parse_legend(legend) == {"✓": "present", "p": "excused", "k": "absent", "m": "late", "ct": "excused"}
