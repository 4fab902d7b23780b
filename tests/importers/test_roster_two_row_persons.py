"""A roster pasted from a Word report: the header stacks two labels in one column over two rows ('Họ và tên' over
'Chức vụ', 'Họ tên' over 'Năm sinh', 'Điện thoại' over 'Email'), every other header cell merged down over both; each
person takes two rows the same way, the other cells merged down over the pair (or left blank on the second row).
Each pair is one record with both fields; a person without a second row is reported, naming the row, and a header
whose other cells are not merged down is no such header."""

import pytest
from layouts.sheet import Sheet
from layouts.writers import write_ods, write_xlsx

from importers import parse_file
from importers.errors import ImportFileError

HEADER = ["TT", "Họ và tên", "Nhiệm vụ trong Đoàn", "Chi bộ được phân công theo dõi", "Số điện thoại", "Ghi chú"]
PEOPLE = [
    ("1.", "Hoàng Mạnh Tâm", "Ủy viên BTV, Chủ nhiệm UBKT", "Trưởng đoàn", "Chi bộ thôn Đông Thành", "0945 091 778"),
    ("2.", "Đỗ\u00a0Văn Kiên", "Chỉ huy trưởng Ban CHQS xã", "Phó Trưởng đoàn", "Chi bộ thôn Tây Sơn",
     "0960\u00a0279\u00a0040"),
    ("3.", "Mai Thu Mai ", "Công chức Văn phòng - Thống kê", "Thành viên", "Chi bộ thôn Nam Hà", "0366.182.521"),
    ("4.", "Vũ Văn Hiếu", None, "Thành viên", "Chi bộ thôn An Lạc", "0946777075"),  # no position row
    ("5.", "Bùi Đức Hùng", "Hiệu trưởng Trường Tiểu học", "Thành viên", "Chi bộ thôn Phú Mỹ", "0968466305"),
]
EXPECTED = [
    ("Hoàng Mạnh Tâm", "Ủy viên BTV, Chủ nhiệm UBKT", "head", "Chi bộ thôn Đông Thành", "0945091778",
     "Đoàn công tác số 1"),
    ("Đỗ Văn Kiên", "Chỉ huy trưởng Ban CHQS xã", "deputy", "Chi bộ thôn Tây Sơn", "0960279040", "Đoàn công tác số 1"),
    ("Mai Thu Mai", "Công chức Văn phòng - Thống kê", "member", "Chi bộ thôn Nam Hà", "0366182521",
     "Đoàn công tác số 1"),
    ("Vũ Văn Hiếu", None, "member", "Chi bộ thôn An Lạc", "0946777075", "Đoàn công tác số 2"),
    ("Bùi Đức Hùng", "Hiệu trưởng Trường Tiểu học", "member", "Chi bộ thôn Phú Mỹ", "0968466305",
     "Đoàn công tác số 2"),
]


def _sheet(merged_body=True, merged_header=True) -> tuple[Sheet, int]:
    """The roster, and the 1-based row of the person without a second row."""
    sheet = Sheet("Sheet1", width=len(HEADER))
    sheet.add(["ĐẢNG ỦY XÃ VŨ TÂN AN"])
    sheet.add(["DANH SÁCH thành viên các Đoàn công tác"])
    sheet.add()
    top = sheet.add(HEADER)
    sheet.add([None, "Chức vụ"])
    if merged_header:
        for column in (0, 2, 3, 4, 5):
            sheet.merge(top, column, top + 1, column)
    lone = None
    for index, (number, name, position, role, unit, phone) in enumerate(PEOPLE):
        if index in (0, 3):
            sheet.add([f"Đoàn số {1 + (index == 3)}"])
        first = sheet.add([number, name, role, unit, phone, None])
        if position is None:
            lone = first + 1
            continue
        sheet.add([None, position])
        if merged_body:
            for column in (0, 2, 3, 4, 5):
                sheet.merge(first, column, first + 1, column)
    sheet.add()
    sheet.add(["Danh sách gồm 5 đồng chí./."])
    return sheet, lone


def _write_xls(path, sheet: Sheet):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet.name)
    covered = {(r, c) for r0, c0, r1, c1 in sheet.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r0, c0, r1, c1 in sheet.merges:
        ws.write_merge(r0, r1, c0, c1, sheet.padded()[r0][c0])
    for r, row in enumerate(sheet.padded()):
        for c, value in enumerate(row):
            if value is not None and (r, c) not in covered:
                ws.write(r, c, value)
    book.save(str(path))


def _records(result):
    return [(r["full_name"], r["position"], r["role"], r["unit"], r["phone"], r["group"]) for r in result.records()]


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "xls"])
@pytest.mark.parametrize("merged_body", [True, False])
def test_each_person_on_two_rows_is_one_record_with_both_fields(tmp_path, suffix, merged_body):
    sheet, lone = _sheet(merged_body=merged_body)
    path = tmp_path / f"f.{suffix}"
    {"xlsx": write_xlsx, "ods": write_ods}.get(suffix, lambda p, s: _write_xls(p, s[0]))(path, [sheet])
    result = parse_file(path)
    assert _records(result) == EXPECTED
    assert result.errors == []
    lone_warnings = [w for w in result.warnings if "chỉ có một dòng" in w["message"]]
    assert [w["row"] for w in lone_warnings] == [lone]


def test_a_second_row_whose_person_is_not_merged_over_it_is_reported(tmp_path):
    sheet, _ = _sheet()
    sheet.merges = [merge for merge in sheet.merges if merge[0] != 10]  # the third person, rows 11-12
    path = tmp_path / "f.xlsx"
    write_xlsx(path, [sheet])
    result = parse_file(path)
    assert _records(result) == EXPECTED
    assert any(w["row"] == 12 and "không gộp xuống" in w["message"] for w in result.warnings)


def test_name_over_birth_year_and_phone_over_email(tmp_path):
    sheet = Sheet("DS", width=5)
    sheet.add(["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 3"])
    top = sheet.add(["STT", "Họ tên", "Chức vụ", "Vai trò", "Điện thoại"])
    sheet.add([None, "Năm sinh", None, None, "Email"])
    for column in (0, 2, 3):
        sheet.merge(top, column, top + 1, column)
    for number, (name, year, position, role, phone, mail) in enumerate([
            ("Lê Thị Hoa", "05/03/1978", "Chánh Văn phòng", "Trưởng đoàn", "0912345678", "hoa@example.vn"),
            ("Phan Văn Nam", "01/09/1986", "Chuyên viên", "Thành viên", "0987654321", "nam@example.vn")], 1):
        first = sheet.add([number, name, position, role, phone])
        sheet.add([None, year, None, None, mail])
        for column in (0, 2, 3):
            sheet.merge(first, column, first + 1, column)
    path = tmp_path / "f.xlsx"
    write_xlsx(path, [sheet])
    result = parse_file(path)
    assert [(r["full_name"], r["birth_date"], r["position"], r["phone"]) for r in result.records()] == [
        ("Lê Thị Hoa", "1978-03-05", "Chánh Văn phòng", "0912345678"),
        ("Phan Văn Nam", "1986-09-01", "Chuyên viên", "0987654321")]
    assert any("Email" in w["message"] for w in result.warnings)  # a column no field reads is shown, not lost


def test_a_header_whose_other_cells_are_not_merged_down_pairs_no_rows(tmp_path):
    sheet, _ = _sheet(merged_header=False)  # 'Chức vụ' may then be a header of its own: no pairing, refused
    path = tmp_path / "f.xlsx"
    write_xlsx(path, [sheet])
    with pytest.raises(ImportFileError):
        parse_file(path)


def test_a_body_without_any_second_row_pairs_nothing(tmp_path):
    sheet = Sheet("DS", width=4)
    top = sheet.add(["STT", "Họ và tên", "Vai trò", "Chi bộ phụ trách"])
    sheet.add([None, "Chức vụ"])
    for column in (0, 2, 3):
        sheet.merge(top, column, top + 1, column)
    sheet.add([1, "Lê Thị Hoa", "Trưởng đoàn", "Chi bộ Khu phố 4"])
    sheet.add([2, "Phan Văn Nam", "Thành viên", "Chi bộ Khu phố 4"])
    path = tmp_path / "f.xlsx"
    write_xlsx(path, [sheet])
    with pytest.raises(ImportFileError):  # as before: 'Chức vụ' labels the names' column, no name column found
        parse_file(path)
