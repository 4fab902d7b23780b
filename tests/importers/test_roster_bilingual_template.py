"""Software import templates with two-language headers ('Full name – Position' over 'Họ tên – Chức vụ', 'Họ và tên /
Full name'): each header is read by its Vietnamese wording, and a 'Mã đoàn' column whose codes spell the group
('ĐCT-01') is the group."""

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.bilingual_headers import vietnamese_wording
from importers.group_codes import read_group_codes
from importers.kinds.roster import FIELDS
from importers.mapping import match_field
from importers.results import SheetData


@pytest.mark.parametrize("label, wording", [
    ("Full name – Position\nHọ tên – Chức vụ", "Họ tên – Chức vụ"),
    ("Họ và tên / Full name", "Họ và tên"),
    ("Mobile\nĐiện thoại", "Điện thoại"),
    ("Role (*)\nNhiệm vụ", "Nhiệm vụ"),
    ("No.\nSTT", "STT"),
    ("Họ và tên\nChức vụ", None),      # two fields stacked, both Vietnamese
    ("Ho ten\nNgay sinh", None),       # Vietnamese typed without accents is no English
    ("Lưu ý / Note: không thay đổi thứ tự cột", None),
    ("Full name", None),
    (12, None),
])
def test_vietnamese_wording(label, wording):
    assert vietnamese_wording(label) == wording


@pytest.mark.parametrize("label, values, relabelled", [
    ("Mã đoàn", ["ĐCT-01", "ĐCT-01", "ĐCT-02"], True),
    ("Mã Đoàn công tác", ["Đoàn 1", "Đoàn-02", None], True),
    ("Mã đoàn", ["D01", "D01", "D02"], False),   # a code that does not spell the group stays a code
    ("MA_DOAN", ["ĐCT-01", "ĐCT-02"], False),     # export code labels are code_headers' business
])
def test_group_code_columns(label, values, relabelled):
    sheet = SheetData(name="Chi tiet", rows=[["Họ và tên", label]] + [["Lê Văn An", value] for value in values])
    read_group_codes(sheet)
    assert (sheet.rows[0][1] == "Đoàn công tác") is relabelled
    assert match_field(sheet.rows[0][1], FIELDS) == ("group" if relabelled else match_field(label, FIELDS))


def _template(path, english_first: bool):
    def both(english, vietnamese):
        return f"{english}\n{vietnamese}" if english_first else f"{vietnamese} / {english}"
    book = Workbook()
    summary = book.active
    summary.title = "Tong hop"
    for row in [["TỔNG HỢP CÁC ĐOÀN"], [], ["Mã đoàn", "Địa bàn phụ trách", "Trưởng đoàn", "Số thành viên"],
                ["ĐCT-01", "Đảng bộ phường An Bình", "Lê Văn Tâm", 2], ["ĐCT-02", "Chi bộ Thôn Đông", "Ngô Thị Lan", 2],
                ["Cộng", None, None, 4]]:
        summary.append(row)
    detail = book.create_sheet("Chi tiet")
    detail.append(["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC – MẪU NHẬP LIỆU (IMPORT TEMPLATE)"])
    detail.append([])
    detail.append([both("No.", "STT"), both("Full name – Position", "Họ tên – Chức vụ"),
                   both("DOB", "Ngày sinh (d-m-yy)"), both("Team", "Mã đoàn"), both("Role (*)", "Nhiệm vụ"),
                   both("Assigned unit", "Đơn vị phụ trách"), both("Mobile", "Điện thoại")])
    detail.append([1, "Lê Văn Tâm - UV BTV Huyện ủy, Trưởng Ban Tổ chức", "7-7-80", "ĐCT-01", "TĐ",
                   "Đảng bộ phường An Bình", "+84 912 345 678"])
    detail.append([2, "Trần Thị Mai - Chuyên viên Văn phòng", "26-2-91", "ĐCT-01", "TV", "Đảng bộ phường An Bình",
                   "84987654321"])
    detail.append([])
    detail.append([3, "Ngô Thị Lan - Chủ tịch Hội Nông dân", "4-11-75", "ĐCT-02", "TĐ", "Chi bộ Thôn Đông",
                   "0911222333"])
    detail.append([4, "Phạm Quốc Huy - Phó Chánh Văn phòng", "15-6-68", "ĐCT-02", "PTĐ", "Chi bộ Thôn Đông", None])
    detail.append([])
    detail.append(["Total / Tổng số: 4 thành viên"])
    detail.append(["(*) Role / Nhiệm vụ: TĐ = Trưởng đoàn; PTĐ = Phó Trưởng đoàn; TV = Thành viên."])
    book.save(path)
    return path


@pytest.mark.parametrize("english_first", [True, False])
def test_an_import_template_with_two_language_headers(tmp_path, english_first):
    result = parse_file(_template(tmp_path / "template.xlsx", english_first))
    assert result.errors == []
    assert result.sheet == "Chi tiet"
    assert [(r["full_name"], r["position"], r["birth_date"], r["group"], r["role"], r["unit"], r["phone"])
            for r in result.records()] == [
        ("Lê Văn Tâm", "UV BTV Huyện ủy, Trưởng Ban Tổ chức", "1980-07-07", "Đoàn công tác số 1", "head",
         "Đảng bộ phường An Bình", "0912345678"),
        ("Trần Thị Mai", "Chuyên viên Văn phòng", "1991-02-26", "Đoàn công tác số 1", "member",
         "Đảng bộ phường An Bình", "0987654321"),
        ("Ngô Thị Lan", "Chủ tịch Hội Nông dân", "1975-11-04", "Đoàn công tác số 2", "head", "Chi bộ Thôn Đông",
         "0911222333"),
        ("Phạm Quốc Huy", "Phó Chánh Văn phòng", "1968-06-15", "Đoàn công tác số 2", "deputy", "Chi bộ Thôn Đông",
         None),
    ]
