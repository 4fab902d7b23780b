"""A register kept one sheet per meeting: the date only in a line above the table ("Thời gian: 16 giờ 30, ngày 5
tháng 1 năm 2025. Địa điểm: …"), the status written out in words under "Điểm danh" beside a "Chức vụ" column and an
empty "Ký tên" column, a totals line and the signature titles ("THƯ KÝ", "BÍ THƯ") under the table, the members
changing from sheet to sheet. It is a register, not a roster: each sheet's rows take its line's date."""
import pytest
from openpyxl import Workbook

from importers import parse_file

PEOPLE = [("Nguyễn Thị Hồng Tâm", "Hiệu trưởng"), ("Phạm Đình Dũng", "Giáo viên"), ("Lê Văn Hậu", "Kế toán")]
NEWCOMER = ("Bùi Anh Hòa", "Tổng phụ trách Đội")
DAYS = {1: 5, 2: 6, 3: 4, 4: 8}
WORDS = {"present": "Có mặt", "excused": "Vắng có phép", "absent": "Vắng không phép", "late": "Đến muộn"}
LINES = {
    "long": "Thời gian: 16 giờ 30, ngày {d} tháng {m} năm 2025. Địa điểm: Phòng họp Hội đồng nhà trường",
    "numeric": "Thời gian: 14h00 ngày {d:02d}/{m:02d}/2025; Địa điểm: Hội trường",
}


def _book(path, line, signatures):
    book = Workbook()
    book.remove(book.active)
    expected = []
    for month, day in DAYS.items():
        sheet = book.create_sheet(f"T{month}-2025")
        sheet.append(["ĐẢNG BỘ PHƯỜNG BẮC HỒNG", None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"])
        sheet.append(["CHI BỘ TRƯỜNG THCS BẮC HỒNG"])
        sheet.append([])
        sheet.append([f"DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ THÁNG {month}/2025"])
        sheet.append([LINES[line].format(d=day, m=month)])
        sheet.append([])
        sheet.append(["TT", "Họ và tên", "Chức vụ", "Điểm danh", "Ký tên"])
        people = PEOPLE[:2] + ([NEWCOMER] if month >= 2 else []) + (PEOPLE[2:] if month <= 3 else [])
        for number, (name, position) in enumerate(people, 1):
            status = list(WORDS)[(number + month) % 4]
            sheet.append([number, name, position, WORDS[status]])
            expected.append((name, f"2025-{month:02d}-{day:02d}", status, "Chi bộ Trường THCS Bắc Hồng"))
        sheet.append([])
        sheet.append([f"Tổng số đảng viên của Chi bộ Trường THCS Bắc Hồng: {len(people)} đồng chí."])
        sheet.append([])
        sheet.append([None, *signatures])
        sheet.append([])
        sheet.append([None, "Trần Thị Minh Linh", None, "Nguyễn Thị Hồng Tâm"])
    book.save(path)
    return expected


@pytest.mark.parametrize("line", sorted(LINES))
@pytest.mark.parametrize("signatures", [("THƯ KÝ", None, "BÍ THƯ"), ("NGƯỜI LẬP", None, "T/M CHI BỘ")])
def test_one_sheet_per_meeting_takes_the_date_of_its_time_line(tmp_path, line, signatures):
    expected = _book(tmp_path / "m.xlsx", line, signatures)
    result = parse_file(tmp_path / "m.xlsx")
    assert result.kind == "attendance" and not result.errors
    assert result.sheet == [f"T{month}-2025" for month in DAYS]
    assert [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()] == expected
