"""Legacy encodings need evidence: a Unicode sheet whose marks are symbols ('×', '○', 'Δ') and whose names use only
Latin-1 letters ('Phan Công Khánh') is never converted; a legacy cell pasted into a Unicode sheet is decoded on its
own, and its neighbours are left as typed."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.legacy import decode_legacy, detect_legacy, unicode_to_tcvn3

DATES = ["05/01/2025", "05/02/2025", "05/03/2025", "05/04/2025"]
LEGEND = "Ký hiệu:  ● có mặt    ○ vắng có phép    × vắng không phép    Δ đến muộn"
STATUS = {"●": "present", "○": "excused", "×": "absent", "Δ": "late"}


@pytest.mark.parametrize("text", ["×", "Phan Công Khánh", "Võ Thị Bé", "Café", "÷", "× ×"])
def test_latin1_text_that_decodes_into_no_more_vietnamese_words_is_not_legacy(text):
    assert detect_legacy(text) is None
    assert decode_legacy(text) == text


def _register(people, legend=LEGEND):
    rows = [["ĐẢNG ỦY XÃ ĐỨC LAM"], ["SỔ THEO DÕI ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["TT", "Họ và tên", "Chi bộ", *DATES]]
    rows += [[number, name, unit, *marks] for number, (name, unit, marks) in enumerate(people, 1)]
    return rows + [[], [legend]]


def _bare(name):
    return " ".join(word for word in name.split() if word.casefold() != "đ/c")


PEOPLE = [
    ("đ/c Hoàng Công Hoàn", "Chi bộ Xóm 5", "●○●×"),
    ("Đ/c  Phạm  Văn Trung", "Chi bộ Xóm 6", "××●Δ"),
    ("Phan Công Khánh", "Chi bộ Công ty May Hoàng Lam", "●×○●"),
    ("Võ Thị Bé", "Chi bộ Xóm 6", "×●●×"),
    ("đ/c Lưu Thị Thu Lý", "Chi bộ Xóm 5", "Δ×●●"),
]


@pytest.mark.parametrize("legend", [LEGEND, "Ghi chú: ● - Có mặt; ○ - Vắng có phép; × - Vắng không phép; Δ - Đi muộn"])
def test_a_unicode_register_with_symbol_marks_is_not_converted(tmp_path, legend):
    result = parse_file(write_sheet(tmp_path / "symbols.xlsx", _register(PEOPLE, legend)), kind="attendance")
    assert result.legacy_conversions == []
    expected = {(_bare(name), STATUS[mark]) for name, _, marks in PEOPLE for mark in marks}
    assert {(r["full_name"], r["status"]) for r in result.records()} == expected
    assert result.errors == []


def test_legacy_cells_pasted_into_a_unicode_sheet_are_decoded_alone(tmp_path):
    pasted = [(unicode_to_tcvn3(name), unicode_to_tcvn3(unit), marks) for name, unit, marks in [
        ("Nguyễn Văn Hùng", "Chi bộ Tổ 1", "●●●●"), ("Trần Thị Hương", "Chi bộ Tổ 1", "●○●●"),
        ("Đỗ Thị Thủy", "Chi bộ Tổ 1", "●●×●")]]
    unicode_people = [("Lê Thị Nguyệt", "Chi bộ Xóm 5", "●●●●"), ("Đặng Văn Lực", "Chi bộ Xóm 5", "○●●●")]
    rows = _register(PEOPLE + unicode_people + pasted)
    result = parse_file(write_sheet(tmp_path / "mixed.xlsx", rows), kind="attendance")
    names = {r["full_name"] for r in result.records()}
    assert {"Nguyễn Văn Hùng", "Trần Thị Hương", "Đỗ Thị Thủy", "Phan Công Khánh", "Võ Thị Bé"} <= names
    assert {item["after"] for item in result.legacy_conversions} >= {"Nguyễn Văn Hùng", "Chi bộ Tổ 1"}
    assert not {item["before"] for item in result.legacy_conversions} & {"Phan Công Khánh", "Võ Thị Bé", "●×○●"}
