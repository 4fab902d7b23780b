"""A roster exported from a cadre-management system (QLCB) writes codes in its data sheet and their meaning on lookup
sheets of the same workbook ("DM_DOAN", "DM_VAITRO", "Danh mục", "Mã"): role, group and unit codes are read through
them when the lookup is exact; a code a table lacks, or two tables naming differently, is refused naming the cell;
without a lookup sheet number codes are never guessed as roles."""

from openpyxl import Workbook

from importers import parse_file
from importers.code_catalogues import read_catalogues

PEOPLE = [
    ("NGUYỄN THỊ PHƯỢNG", "1971-07-04", "Phó Bí thư Đảng ủy", "DCT01", "01", "Chi bộ Tổ dân phố số 6", "84770177692"),
    ("HOÀNG THU LIÊN", "1980-06-19", "Chánh Văn phòng Đảng ủy", "DCT01", "02", "Chi bộ Tổ dân phố số 2", "84396653816"),
    ("CAO QUANG KHẢI", "1980-09-22", "Trưởng phòng Kinh tế", "DCT01", "03", "Chi bộ Phố Quang Trung", "84387727936"),
    ("LÊ THỊ THẢO", "1987-02-07", "Trưởng Công an phường", "DCT02", "01", "Chi bộ Tổ dân phố số 8", "84817283485"),
    ("ĐỖ VĂN HÒA", "1979-01-02", "Chuyên viên", "DCT02", "03", "Chi bộ Phố Hàng Bông", "84969739224"),
]
ROLES = [("01", "Trưởng đoàn"), ("02", "Phó Trưởng đoàn"), ("03", "Thành viên")]
GROUPS = [("DCT01", "Đoàn công tác số 1"), ("DCT02", "Đoàn công tác số 2")]
EXPECTED = [("Nguyễn Thị Phượng", "Đoàn công tác số 1", "head"), ("Hoàng Thu Liên", "Đoàn công tác số 1", "deputy"),
            ("Cao Quang Khải", "Đoàn công tác số 1", "member"), ("Lê Thị Thảo", "Đoàn công tác số 2", "head"),
            ("Đỗ Văn Hòa", "Đoàn công tác số 2", "member")]


def _book(tmp_path, lookups, header=None, captions=True, people=PEOPLE, name="export.xlsx"):
    """An export: title lines, a row of column codes, a row of Vietnamese captions, the people; then each lookup
    sheet (name, rows)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "DS_THANHVIEN"
    sheet.append(["Báo cáo: DS_THANHVIEN_DCT - Danh sách thành viên Đoàn công tác"])
    sheet.append(["Ngày xuất: 18/09/2025 14:32:07 | Người xuất: vp.danguy | Hệ thống: QLCB v2.3"])
    sheet.append([])
    sheet.append(header or ["STT", "FULL_NAME", "DOB", "POSITION", "GROUP_CODE", "ROLE_CODE", "UNIT_NAME", "MOBILE"])
    if captions:
        sheet.append(["Số TT", "Họ và tên", "Ngày sinh (yyyy-mm-dd)", "Chức vụ", "Mã đoàn (xem DM_DOAN)",
                      "Mã vai trò (xem DM_VAITRO)", "Tên đơn vị phụ trách", "Di động (84xxxxxxxxx)"])
    for number, person in enumerate(people, 1):
        sheet.append([number, *person])
    for title, rows in lookups:
        lookup = book.create_sheet(title)
        for row in rows:
            lookup.append(list(row))
    path = tmp_path / name
    book.save(path)
    return parse_file(path)


def _read(result):
    return [(r["full_name"], r["group"], r["role"]) for r in result.records()]


def _standard(role_rows=None, group_rows=None):
    return [("DM_DOAN", group_rows or [("GROUP_CODE", "GROUP_NAME", "NOTE")] + [(*g, "Theo QĐ 18") for g in GROUPS]),
            ("DM_VAITRO", role_rows or [("ROLE_CODE", "ROLE_NAME")] + ROLES)]


def test_the_qlcb_export_reads_roles_and_groups_through_its_lookup_sheets(tmp_path):
    result = _book(tmp_path, _standard())
    assert result.errors == []
    assert _read(result) == EXPECTED
    assert [r["phone"] for r in result.records()][:2] == ["0770177692", "0396653816"]
    said = {item["what"]: item for item in result.inferences}
    assert "DM_VAITRO" in said["Nhiệm vụ trong đoàn"]["source"]
    assert "01 → Trưởng đoàn" in said["Nhiệm vụ trong đoàn"]["value"]
    assert not any("trưởng đoàn" in w["message"] and "không ai" in w["message"] for w in result.warnings)


def test_lookup_tables_headed_in_vietnamese_or_not_at_all(tmp_path):
    for roles in ([("Mã", "Tên")] + ROLES, [("MA", "TEN")] + ROLES, [("Mã vai trò", "Vai trò")] + ROLES, ROLES):
        result = _book(tmp_path, [("Danh mục", [("Mã đoàn", "Tên đoàn")] + GROUPS), ("Mã", roles)])
        assert result.errors == [], roles
        assert _read(result) == EXPECTED, roles


def test_one_lookup_sheet_holding_both_tables_side_by_side(tmp_path):
    rows = [("Mã", "Tên đoàn", None, "Mã", "Vai trò")] + [
        (*group, None, *role) for group, role in zip(GROUPS + [(None, None)], ROLES)]
    result = _book(tmp_path, [("Danh mục", rows)])
    assert result.errors == []
    assert _read(result) == EXPECTED


def test_a_role_column_named_so_holding_number_codes(tmp_path):
    people = [(*p[:4], str(int(p[4])), *p[5:]) for p in PEOPLE]  # "1", "2", "3"
    header = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn", "Vai trò", "Đơn vị phụ trách", "Số điện thoại"]
    roles = [("Mã", "Tên")] + [(str(int(code)), name) for code, name in ROLES]
    result = _book(tmp_path, [("DM_DOAN", [("Mã", "Tên")] + GROUPS), ("DM_VAITRO", roles)], header=header,
                   captions=False, people=people)
    assert result.errors == []
    assert _read(result) == EXPECTED


def test_group_codes_no_wording_explains_read_through_the_group_table(tmp_path):
    people = [(*p[:3], {"DCT01": "BAC", "DCT02": "NAM"}[p[3]], *p[4:]) for p in PEOPLE]
    groups = [("Mã", "Tên"), ("BAC", "Đoàn công tác số 1"), ("NAM", "Đoàn công tác số 2")]
    result = _book(tmp_path, [("DM_DOAN", groups), ("DM_VAITRO", ROLES)], people=people)
    assert result.errors == []
    assert _read(result) == EXPECTED


def test_unit_number_codes_read_through_the_unit_table(tmp_path):
    units = {"Chi bộ Tổ dân phố số 6": "01", "Chi bộ Tổ dân phố số 2": "02", "Chi bộ Phố Quang Trung": "03",
             "Chi bộ Tổ dân phố số 8": "04", "Chi bộ Phố Hàng Bông": "05"}
    people = [(*p[:5], units[p[5]], p[6]) for p in PEOPLE]
    header = ["STT", "FULL_NAME", "DOB", "POSITION", "GROUP_CODE", "ROLE_CODE", "UNIT_CODE", "MOBILE"]
    table = [("UNIT_CODE", "UNIT_NAME")] + [(code, name) for name, code in units.items()]
    result = _book(tmp_path, _standard() + [("DM_DONVI", table)], header=header, captions=False, people=people)
    assert result.errors == []
    assert [r["unit"] for r in result.records()] == list(units)
    assert _read(result) == EXPECTED


def test_a_code_missing_from_the_table_is_refused_naming_the_cell(tmp_path):
    people = PEOPLE[:4] + [(*PEOPLE[4][:4], "04", *PEOPLE[4][5:])]
    result = _book(tmp_path, _standard(), people=people)
    assert _read(result) == EXPECTED[:4]
    [error] = result.errors
    assert (error["row"], error["column"]) == (10, "F")
    assert "«04»" in error["message"] and "DM_VAITRO" in error["message"]


def test_two_tables_naming_one_code_differently_are_refused(tmp_path):
    other = ("Mã", [("Mã", "Tên"), ("01", "Thành viên"), ("02", "Phó Trưởng đoàn"), ("03", "Thành viên")])
    result = _book(tmp_path, _standard() + [other])
    refused = sorted((e["row"], e["column"]) for e in result.errors)
    assert refused == [(6, "F"), (9, "F")]
    assert all("DM_VAITRO" in e["message"] and "«Mã»" in e["message"] for e in result.errors)
    assert [name for name, _, _ in _read(result)] == ["Hoàng Thu Liên", "Cao Quang Khải", "Đỗ Văn Hòa"]


def test_without_lookup_sheets_number_codes_are_never_roles(tmp_path):
    result = _book(tmp_path, [("DM_DOAN", [("Mã", "Tên")] + GROUPS)])
    assert {role for _, _, role in _read(result)} == {"member"}
    assert any("không ai được đọc là trưởng đoàn" in w["message"] for w in result.warnings)
    header = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn", "Vai trò", "Đơn vị phụ trách", "Số điện thoại"]
    result = _book(tmp_path, [], header=header, captions=False)
    assert result.records() == []
    assert {e["column"] for e in result.errors} == {"F"}


def test_lookup_tables_of_other_things_give_no_roles(tmp_path):
    # a gender table explains no role; the role table explains no column saying it codes positions
    header = ["STT", "FULL_NAME", "DOB", "GENDER_CODE", "GROUP_CODE", "POSITION_CODE", "UNIT_NAME", "MOBILE"]
    people = [(p[0], p[1], {"01": "1", "02": "2", "03": "2"}[p[4]], p[3], p[4], p[5], p[6]) for p in PEOPLE]
    lookups = [("DM_GIOITINH", [("Mã", "Tên"), ("1", "Nam"), ("2", "Nữ")]),
               ("DM_DOAN", [("Mã", "Tên")] + GROUPS), ("DM_VAITRO", ROLES)]
    result = _book(tmp_path, lookups, header=header, captions=False, people=people)
    assert [(name, group) for name, group, _ in _read(result)] == [(name, group) for name, group, _ in EXPECTED]
    assert {role for _, _, role in _read(result)} == {"member"}
    assert not any(item["what"] == "Nhiệm vụ trong đoàn" for item in result.inferences)
    assert any("không ai được đọc là trưởng đoàn" in w["message"] for w in result.warnings)


def test_a_numbered_list_is_no_catalogue():
    class Sheet:
        def __init__(self, name, rows):
            self.name, self.rows = name, rows

    sheets = [Sheet("DS", [["STT", "Họ và tên"], [1, "Nguyễn Văn An"], [2, "Lê Thị Bình"]]),
              Sheet("DM_VAITRO", [["1", "Trưởng đoàn"], ["2", "Thành viên"]]),
              Sheet("DM_X", [["Mã", "Tên"], ["1", "Khu phố 1"], ["2", "Khu phố 2"]]),
              Sheet("Y", [["1", "Khu phố 1"], ["2", "Khu phố 2"]])]
    assert [(item.sheet, item.names) for item in read_catalogues(sheets, None)] == [
        ("DM_VAITRO", {"1": "Trưởng đoàn", "2": "Thành viên"}), ("DM_X", {"1": "Khu phố 1", "2": "Khu phố 2"})]


def test_two_tables_agreeing_on_the_codes_read_alike(tmp_path):
    result = _book(tmp_path, _standard() + [("Danh mục", [("MA", "TEN")] + ROLES)])
    assert result.errors == []
    assert _read(result) == EXPECTED


def test_a_table_naming_other_things_than_roles_reads_nothing_and_says_so(tmp_path):
    people = PEOPLE[:4] + [(*PEOPLE[4][:4], "04", *PEOPLE[4][5:])]
    roles = [("Mã", "Tên")] + ROLES + [("04", "Cố vấn")]
    result = _book(tmp_path, _standard(role_rows=roles), people=people)
    assert {role for _, _, role in _read(result)} == {"member"}
    assert any(w["column"] == "F" and "«DM_VAITRO»" in w["message"] for w in result.warnings)
