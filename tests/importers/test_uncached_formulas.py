"""Formulas saved without a result (openpyxl, some exporters): they stop the import only where a record would read
them; in a totals row, beside the table, in a title or footer line they are named in a note and ignored."""

import pytest
from layouts import formulas

from importers import ImportFileError, parse_file

NOTE = "là công thức chưa có giá trị đã tính, nằm ngoài dữ liệu nhập"
REFUSED = "công thức chưa có giá trị đã tính"


@pytest.mark.parametrize("seed", range(24))
def test_formulas_outside_the_records_are_ignored_with_a_note(tmp_path, seed):
    layout = formulas.build(seed)
    result = parse_file(formulas.write(layout.rows, tmp_path / "f.xlsx"))
    assert result.kind == layout.kind, layout.options
    key = ("date", "full_name") if layout.kind == "attendance" else ("full_name",)
    assert sorted(result.records(), key=lambda r: [r[k] for k in key]) == \
        sorted(layout.records, key=lambda r: [r[k] for k in key]), layout.options
    assert result.errors == [], layout.options
    assert any(NOTE in warning["message"] for warning in result.warnings), layout.options


ROSTER = [["DANH SÁCH ĐOÀN CÔNG TÁC"], [],
          ["STT", "Họ và tên", "Chức vụ", "Số điện thoại", "Đoàn công tác"],
          [1, "Nguyễn Văn An", "Bí thư chi bộ", "0912345678", "Đoàn công tác số 1"],
          [2, "Lê Thị Hoa", "Chuyên viên", "0987654321", "Đoàn công tác số 1"],
          [None, "Tổng cộng", "=COUNTA(C4:C5)", None, None]]


@pytest.mark.parametrize("cell, ref", [
    ((4, 1), "B5"),  # the name
    ((3, 3), "D4"),  # the phone
    ((2, 2), "C3"),  # a header cell over data
    ((4, 4), "E5"),  # the group
])
def test_a_formula_a_record_would_read_refuses_the_file_naming_the_cell(tmp_path, cell, ref):
    rows = [list(row) for row in ROSTER]
    rows[cell[0]][cell[1]] = f"=UPPER({ref.replace(ref[1:], str(int(ref[1:]) + 10))})"
    with pytest.raises(ImportFileError, match=f"Trang «DS»: ô {ref} là {REFUSED}"):
        parse_file(formulas.write(rows, tmp_path / "f.xlsx"))


def test_a_mark_given_by_a_formula_refuses_the_register(tmp_path):
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["STT", "Họ và tên", "Tháng 1", "Tháng 2"],
            [1, "Nguyễn Văn An", "x", '=IF(C4="x","x","V")'],
            [2, "Lê Thị Hoa", "P", "x"],
            [None, "Cộng", "=COUNTIF(C4:C5,\"x\")", "=COUNTIF(D4:D5,\"x\")"]]
    with pytest.raises(ImportFileError, match=f"ô D4 là {REFUSED}"):
        parse_file(formulas.write(rows, tmp_path / "f.xlsx"))


def test_a_row_holding_only_a_formula_under_a_field_is_not_taken_for_a_blank_row(tmp_path):
    rows = [list(row) for row in ROSTER[:5]] + [[3, '=B4', None, None, None]] + [list(ROSTER[5])]
    with pytest.raises(ImportFileError, match=f"ô B6 là {REFUSED}"):
        parse_file(formulas.write(rows, tmp_path / "f.xlsx"))


def test_a_running_number_by_formula_feeds_no_record(tmp_path):
    rows = [list(row) for row in ROSTER]
    rows[3][0], rows[4][0] = "=ROW()-3", "=ROW()-3"
    result = parse_file(formulas.write(rows, tmp_path / "f.xlsx"))
    assert [r["full_name"] for r in result.records()] == ["Nguyễn Văn An", "Lê Thị Hoa"]
    assert any("A4, A5, C6" in w["message"] and NOTE in w["message"] for w in result.warnings)


def _blocks(mark):
    """A register one block per meeting (rebuilt before the table is looked for), a count by formula per block."""
    rows = [["Chi bộ Trường THCS Lê Lợi"], ["SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["STT", "Họ và tên", "Có mặt", "Vắng có phép (nêu lý do)", "Vắng không phép", "Ghi chú"]]
    for number, day in enumerate((8, 12), 1):
        rows.append([f"Buổi {number}: Sinh hoạt thường kỳ - ngày {day:02d}/01/2025"])
        top = len(rows) + 1
        rows += [[1, "Lê Ngọc Thảo", mark], [2, "Kiều Đức Tâm", None, "Ốm"], [3, "Ngô Kim Hà", "x"],
                 [4, "Lê Thị Yến", None, None, "x"]]
        rows.append(["Cộng: 4 đồng chí", None, None, f"=COUNTA(D{top}:D{top + 3})"])
    return rows


def test_counts_by_formula_in_a_rebuilt_register_are_ignored(tmp_path):
    result = parse_file(formulas.write(_blocks("x"), tmp_path / "f.xlsx"))
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        (name, f"2025-01-{day:02d}", status) for day in (8, 12) for name, status in (
            ("Lê Ngọc Thảo", "present"), ("Kiều Đức Tâm", "excused"), ("Ngô Kim Hà", "present"),
            ("Lê Thị Yến", "absent"))]
    assert any(NOTE in w["message"] and "D10, D16" in w["message"] for w in result.warnings)


def test_a_mark_by_formula_in_a_rebuilt_register_refuses_it(tmp_path):
    with pytest.raises(ImportFileError, match=f"ô C6, C12 là {REFUSED}"):
        parse_file(formulas.write(_blocks('=IF(1,"x","")'), tmp_path / "f.xlsx"))
