"""Helper columns of formulas saved without their result (openpyxl, exports): a count beside an assignment grid, a
total or ratio of COUNTIFs, a month helper in a long register, hidden or not, feed no record. The file is read from
its other columns, exactly, with one warning naming the column; a formula column a record would read (the group,
the name, a role, a meeting's marks) still refuses the file, naming its cells (``importers.helper_formulas``)."""

import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import ImportFileError, parse_file
from importers.helper_formulas import computes_number

UNUSED = "chỉ có công thức chưa có giá trị đã tính"
REFUSED = "là công thức chưa có giá trị đã tính"
LEGEND = "Ghi chú: TĐ - Trưởng đoàn; PĐ - Phó Trưởng đoàn; TV - Thành viên."
PEOPLE = [  # name, birth date, position, unit, phone, group number, mark
    ("Nguyễn Duy Hưng", dt.datetime(1988, 2, 13), "Chủ tịch UBND phường", "Chi bộ Tổ dân phố 1", 919104843, 3, "TĐ"),
    ("Hoàng Tiến Việt", dt.datetime(1986, 2, 5), "Trưởng Công an phường", "Chi bộ Tổ dân phố 2", 937551891, 1, "TĐ"),
    ("Dương Thị Hiền", dt.datetime(1985, 11, 25), "Phó Chủ tịch UBND phường", "Chi bộ Tổ dân phố 3", 938569878, 1,
     "PĐ"),
    ("Trần Công Thắng", dt.datetime(1974, 7, 16), "Chuyên viên", "Chi bộ Tổ dân phố 4", 356874926, 3, "TV"),
    ("Bùi Mạnh Hải", dt.datetime(1983, 3, 17), "Chuyên viên Văn phòng", "Chi bộ Tổ dân phố 5", 814745759, 2, "TV"),
]
ROLES = {"TĐ": "head", "PĐ": "deputy", "TV": "member"}


def _matrix(helper="Số đoàn", formula="=COUNTA(G{row}:I{row})"):
    """A people-down, groups-across roster (groups 1-3 under a merged 'Đoàn công tác số') and a helper column J."""
    rows = [["ĐẢNG BỘ PHƯỜNG HOÀN KIẾM"], ["BẢNG PHÂN CÔNG THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC NĂM 2026"], [],
            ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Chi bộ được phân công theo dõi", "Điện thoại",
             "Đoàn công tác số", None, None, helper],
            [None, None, None, None, None, None, "1", "2", "3"]]
    for number, (name, born, position, unit, phone, group, mark) in enumerate(PEOPLE, 1):
        row = len(rows) + 1
        marks = [mark if group == index else None for index in (1, 2, 3)]
        rows.append([number, name, born, position, unit, f"0{phone}", *marks, formula.format(row=row)])
    return rows + [[], [LEGEND]]


def _matrix_records():
    return [{"full_name": name, "birth_date": born.date().isoformat(), "position": position,
             "group": f"Đoàn công tác số {group}", "role": ROLES[mark], "unit": unit, "phone": f"0{phone}"}
            for name, born, position, unit, phone, group, mark in PEOPLE]


MERGES = ["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:I4", "J4:J5"]


@pytest.mark.parametrize("hidden", [(), ("J",)])
@pytest.mark.parametrize("helper, formula", [
    ("Số đoàn", "=COUNTA(G{row}:I{row})"),
    ("Số đoàn tham gia", "=COUNTA(G{row}:I{row})"),
    ("Kiểm tra", "=IF(COUNTA(G{row}:I{row})>1,1,0)"),
    (None, "=COUNTIF(G{row}:I{row},\"TĐ\")"),
])
def test_a_count_beside_an_assignment_grid_is_left_aside(tmp_path, hidden, helper, formula):
    path = write_sheet(tmp_path / "pc.xlsx", _matrix(helper, formula), title="Phân công", merges=MERGES,
                       hidden=hidden)
    result = parse_file(path)
    assert result.errors == []
    assert result.records() == _matrix_records()
    warning = [w for w in result.warnings if UNUSED in w["message"]]
    assert [(w["column"], w["value"]) for w in warning] == [("J", helper)]
    assert "J6, J7, J8 … J10" in warning[0]["message"]
    assert ("(cột ẩn)" in warning[0]["message"]) == bool(hidden)
    assert not any("J" == w["column"] for w in result.warnings if w is not warning[0])


def _register(helper_columns):
    """A month register (Tháng 1-3), a total and a ratio of COUNTIFs beside the marks."""
    marks = {"Nguyễn Văn An": ["x", "P", "x"], "Lê Thị Hoa": ["x", "x", "K"], "Trần Minh Đức": ["K", "x", "x"]}
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], ["Chi bộ Tổ dân phố số 7"], [],
            ["STT", "Họ và tên", "Tháng 1", "Tháng 2", "Tháng 3", *[label for label, _ in helper_columns]]]
    for number, (name, cells) in enumerate(marks.items(), 1):
        row = len(rows) + 1
        rows.append([number, name, *cells, *[formula.format(row=row) for _, formula in helper_columns]])
    rows += [[], ["Ghi chú: x - có mặt; P - vắng có phép; K - vắng không phép"]]
    status = {"x": "present", "P": "excused", "K": "absent"}
    records = [{"full_name": name, "date": f"2025-{month:02d}-01", "status": status[cells[month - 1]],
                "unit": "Chi bộ Tổ dân phố số 7"} for month in (1, 2, 3) for name, cells in marks.items()]
    return rows, records


@pytest.mark.parametrize("helpers, letters", [
    ([("Tổng số buổi có mặt", '=COUNTIF(C{row}:E{row},"x")'), ("Tỷ lệ (%)", "=ROUND(F{row}/3*100,0)")], "FG"),
    ([("Tổng", '=COUNTIF(C{row}:E{row},"x")+COUNTIF(C{row}:E{row},"P")')], "F"),
    ([("Tỷ lệ", '=IFERROR(COUNTIF(C{row}:E{row},"x")/COUNTA(C{row}:E{row}),"")')], "F"),
])
def test_totals_and_ratios_beside_a_register_are_left_aside(tmp_path, helpers, letters):
    rows, records = _register(helpers)
    result = parse_file(write_sheet(tmp_path / "so.xlsx", rows))
    assert result.errors == []
    assert sorted(result.records(), key=lambda r: (r["date"], r["full_name"])) == \
        sorted(records, key=lambda r: (r["date"], r["full_name"]))
    assert [w["column"] for w in result.warnings if UNUSED in w["message"]] == list(letters)


def _long_register(hidden_month=True):
    """A long register, one row per person and meeting, with a month helper column =MONTH(B…)."""
    rows = [["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ THÔN 3 NĂM 2025"], [],
            ["STT", "Ngày họp", "Họ và tên", "Tình trạng", "Tháng" if hidden_month else "Tháng họp"]]
    entries = [(dt.datetime(2025, 1, 8), "Nguyễn Văn An", "Có mặt"), (dt.datetime(2025, 1, 8), "Lê Thị Hoa",
                                                                         "Vắng có phép"),
               (dt.datetime(2025, 2, 6), "Nguyễn Văn An", "Vắng không phép"),
               (dt.datetime(2025, 2, 6), "Lê Thị Hoa", "Có mặt")]
    for number, (day, name, status) in enumerate(entries, 1):
        rows.append([number, day, name, status, f"=MONTH(B{len(rows) + 1})"])
    statuses = {"Có mặt": "present", "Vắng có phép": "excused", "Vắng không phép": "absent"}
    return rows, [{"full_name": name, "date": day.date().isoformat(), "status": statuses[status],
                     "unit": "Chi bộ Thôn 3"}
                  for day, name, status in entries]


@pytest.mark.parametrize("hidden", [True, False])
def test_a_month_helper_in_a_long_register_is_left_aside(tmp_path, hidden):
    rows, records = _long_register(hidden)
    result = parse_file(write_sheet(tmp_path / "dd.xlsx", rows, hidden=("E",) if hidden else ()))
    assert result.kind == "attendance"
    assert result.errors == []
    assert result.records() == records
    assert [w["column"] for w in result.warnings if UNUSED in w["message"]] == ["E"]


def test_a_birth_year_beside_the_birth_date_is_left_aside(tmp_path):
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 1"], [],
            ["STT", "Họ và tên", "Năm sinh", "Ngày sinh", "Chức vụ", "Đoàn công tác"],
            [1, "Nguyễn Văn An", "=YEAR(D4)", dt.datetime(1970, 5, 2), "Bí thư chi bộ", "Đoàn công tác số 1"],
            [2, "Lê Thị Hoa", "=YEAR(D5)", dt.datetime(1981, 9, 30), "Chuyên viên", "Đoàn công tác số 1"]]
    result = parse_file(write_sheet(tmp_path / "ds.xlsx", rows))
    assert result.errors == []
    assert [(r["full_name"], r["birth_date"]) for r in result.records()] == [
        ("Nguyễn Văn An", "1970-05-02"), ("Lê Thị Hoa", "1981-09-30")]
    assert [w["column"] for w in result.warnings if UNUSED in w["message"]] == ["C"]


@pytest.mark.parametrize("helper, formula, cells", [
    ("Số đoàn", "=MATCH(\"TĐ\",G{row}:I{row},0)", "J6, J7"),  # a lookup: it may be the group
    ("Nhiệm vụ", "=IF(G{row}=\"TĐ\",\"Trưởng đoàn\",\"Thành viên\")", "J6, J7"),  # a role in words
    ("Đơn vị", "=VLOOKUP(B{row},DM!A:B,2,0)", "J6, J7"),  # copied from another table
])
def test_a_formula_column_a_record_may_read_still_refuses(tmp_path, helper, formula, cells):
    path = write_sheet(tmp_path / "pc.xlsx", _matrix(helper, formula), title="Phân công", merges=MERGES)
    with pytest.raises(ImportFileError, match=f"ô {cells}.* {REFUSED}"):
        parse_file(path)


def test_a_group_counted_by_formula_with_no_other_group_column_refuses(tmp_path):
    """A number under 'Đoàn số' is the group when nothing else gives it: its formula is what a record reads."""
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC"], [], ["STT", "Họ và tên", "Chức vụ", "Đoàn số"],
            [1, "Nguyễn Văn An", "Bí thư chi bộ", "=ROUNDUP(A4/2,0)"],
            [2, "Lê Thị Hoa", "Chuyên viên", "=ROUNDUP(A5/2,0)"],
            [3, "Trần Minh Đức", "Chuyên viên", "=ROUNDUP(A6/2,0)"]]
    with pytest.raises(ImportFileError, match=f"ô D4, D5, D6 {REFUSED}"):
        parse_file(write_sheet(tmp_path / "ds.xlsx", rows))


def test_a_month_of_marks_by_formula_still_refuses(tmp_path):
    rows, _ = _register([])
    for row in rows[4:7]:
        row[4] = f'=IF(C{rows.index(row) + 1}="x",1,0)'  # 'Tháng 3' computed: a meeting's marks, read by records
    with pytest.raises(ImportFileError, match=f"ô E5, E6, E7 {REFUSED}"):
        parse_file(write_sheet(tmp_path / "so.xlsx", rows))


@pytest.mark.parametrize("formula, expected", [
    ("COUNTA(G6:J6)", True), ("MONTH(A7)", True), ('COUNTIF($B$6:$B$27,B6)', True), ("K6/4*100", True),
    ('_xlfn.COUNTIFS(C6:N6,"x",C$5:N$5,">0")', True), ('IFERROR(F6/G6,"")', True), ("IF(C6=0,0,D6/C6)", True),
    ("B6", False), ("$B$6", False), ('B6&" "&C6', False), ("DM!B6", False), ("VLOOKUP(B6,DM!A:B,2,0)", False),
    ('IF(K6>1,"Trùng","")', False), ("UPPER(B6)", False), ("DATE(D6,C6,B6)", False), ("", False),
    ('"Tổng số"', False), ("ROW()-5", True),
])
def test_what_computes_a_number(formula, expected):
    assert computes_number(formula) is expected


def test_a_working_copy_of_the_read_sheet_is_read_alike(tmp_path):
    """The web app parses a copy of a kept read (`SheetData.with_rows`): the formulas still sit where they were."""
    from dataclasses import replace
    from pathlib import Path

    from importers import Limits
    from importers.reading import read_workbook

    path = write_sheet(tmp_path / "pc.xlsx", _matrix(), title="Phân công", merges=MERGES)
    book = read_workbook(Path(path), Limits(), None, None)
    copy = replace(book, sheets=[sheet.with_rows([list(row) for row in sheet.rows], merges=list(sheet.merges))
                                 for sheet in book.sheets])
    result = parse_file(path, book=copy)
    assert result.records() == _matrix_records()
    assert [w["column"] for w in result.warnings if UNUSED in w["message"]] == ["J"]
    assert book.sheets[0].rows[3][9] == "Số đoàn"  # the kept read itself is not changed


def test_two_totals_lines_under_the_marks_are_no_helper_column(tmp_path):
    """A 'Cộng' line and a ratio line under it put two formulas in each month's column: they work on the rows above
    them, not on their own, and stay totals lines (a note), the marks above them untouched."""
    rows, records = _register([])
    rows[7:7] = [[None, "Cộng", *[f'=COUNTIF({c}5:{c}7,"x")' for c in "CDE"]],
                 [None, "Tỷ lệ", *[f"={c}8/3" for c in "CDE"]]]
    result = parse_file(write_sheet(tmp_path / "so.xlsx", rows))
    assert result.errors == []
    assert sorted(result.records(), key=lambda r: (r["date"], r["full_name"])) == \
        sorted(records, key=lambda r: (r["date"], r["full_name"]))
    assert not [w for w in result.warnings if UNUSED in w["message"]]
    assert any("C8, D8, E8, C9" in w["message"] for w in result.warnings)


def _shared(path, sheet_name, column, first, last):
    """Rewrite a column of formulas as one shared formula, as Excel-like writers save them: the first cell holds
    the text, the others only the share's index."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for row in range(first, last + 1):
        cell = f"{column}{row}"
        if row == first:
            xml = re.sub(rf'(<c r="{cell}"[^>]*>)<f>', rf'\1<f t="shared" ref="{column}{first}:{column}{last}" si="0">',
                         xml)
        else:
            xml = re.sub(rf'(<c r="{cell}"[^>]*>)<f>[^<]*</f>', r'\1<f t="shared" si="0"/>', xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_shared_formula_is_read_cell_by_cell(tmp_path):
    from importers.reading import uncached_formula_cells

    path = _shared(write_sheet(tmp_path / "pc.xlsx", _matrix(), title="Phân công", merges=MERGES),
                   "Phân công", "J", 6, 10)
    assert uncached_formula_cells(path, ["Phân công"]) == {
        "Phân công": [(f"J{row}", f"COUNTA(G{row}:I{row})") for row in range(6, 11)]}
    result = parse_file(path)
    assert result.records() == _matrix_records()
    assert [w["column"] for w in result.warnings if UNUSED in w["message"]] == ["J"]


def test_a_count_of_each_group_under_a_title_line_is_left_aside(tmp_path):
    """'Số đoàn' names the group, which the typed 'Đoàn công tác' gives; the title merged just above the header is no
    parent of the helper column (it names the groups too)."""
    rows = [["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"],
            ["STT", "Họ và tên", "Chức vụ", "Đoàn công tác", "Số đoàn"],
            [1, "Nguyễn Văn An", "Bí thư chi bộ", "Đoàn công tác số 1", "=COUNTIF($D$3:$D$5,D3)"],
            [2, "Lê Thị Hoa", "Chuyên viên", "Đoàn công tác số 2", "=COUNTIF($D$3:$D$5,D4)"],
            [3, "Trần Minh Đức", "Chuyên viên", "Đoàn công tác số 1", "=COUNTIF($D$3:$D$5,D5)"]]
    result = parse_file(write_sheet(tmp_path / "ds.xlsx", rows, merges=["A1:E1"]))
    assert result.errors == []
    assert [(r["full_name"], r["group"]) for r in result.records()] == [
        ("Nguyễn Văn An", "Đoàn công tác số 1"), ("Lê Thị Hoa", "Đoàn công tác số 2"),
        ("Trần Minh Đức", "Đoàn công tác số 1")]
    assert [(w["column"], w["value"]) for w in result.warnings if UNUSED in w["message"]] == [("E", "Số đoàn")]
