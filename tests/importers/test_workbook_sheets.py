"""A table spread over several sheets, read as one: a sheet per group, per party cell or per month; the group, unit
or month each sheet states once (tab name, title line); summary sheets and sheets with another table."""

import pytest

from importers import ImportFileError, parse_file
from tests.workbooks import write_workbook

ROSTER_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ", "Đơn vị phụ trách", "Điện thoại"]
MONTHS = ["T01", "T02", "T03"]


def roster_sheet(title, people, header=ROSTER_HEADER):
    rows = [["BAN THƯỜNG VỤ THỊ ỦY"], [title], []] if title is not None else [[], []]
    rows.append(header)
    for number, (name, role) in enumerate(people, start=1):
        rows.append([number, name, "01/02/1970", "Chuyên viên", role, "Đảng bộ xã Yên Phú", "0912345678"])
    return rows


def register_sheet(org_lines, people, year_title="SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"):
    rows = [[line] for line in org_lines] + [[year_title], ["STT", "Họ và tên", *MONTHS]]
    for number, name in enumerate(people, start=1):
        rows.append([number, name, "x", "P", "x"])
    rows += [[], ["Ghi chú: x có mặt, P vắng có phép, K vắng không phép"]]
    return rows


def groups_of(result):
    return [(record["full_name"], record["group"]) for record in result.records()]


@pytest.mark.parametrize("tabs", [("Doan 1", "Doan 2"), ("Đoàn 1", "Đoàn 2"), ("ĐCT 1", "ĐCT 2"),
                                  ("Đoàn công tác số 1", "Đoàn công tác số 2")])
def test_a_sheet_per_group_takes_the_group_from_each_tab(tmp_path, tabs):
    path = write_workbook(tmp_path / "doan.xlsx", {
        tabs[0]: roster_sheet("DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC", [("Nguyễn Văn An", "Trưởng đoàn")]),
        tabs[1]: roster_sheet("DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC", [("Trần Thị Bình", "Trưởng đoàn"),
                                                                      ("Lê Văn Cường", "Thành viên")]),
    })
    result = parse_file(path)
    assert result.sheet == list(tabs)
    assert groups_of(result) == [("Nguyễn Văn An", "Đoàn công tác số 1"), ("Trần Thị Bình", "Đoàn công tác số 2"),
                                 ("Lê Văn Cường", "Đoàn công tác số 2")]
    assert result.errors == []


def test_the_group_in_a_title_line_beats_an_unnumbered_tab(tmp_path):
    path = write_workbook(tmp_path / "doan.xlsx", {
        "Sheet1": roster_sheet("DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 3", [("Nguyễn Văn An", "Trưởng đoàn")]),
        "Sheet2": roster_sheet("Đoàn công tác số 4", [("Trần Thị Bình", "Thành viên")]),
    })
    result = parse_file(path)
    assert groups_of(result) == [("Nguyễn Văn An", "Đoàn công tác số 3"), ("Trần Thị Bình", "Đoàn công tác số 4")]
    assert {"what": "Đoàn", "value": "Đoàn công tác số 3", "source": "dòng 2"} in result.inferences


def test_a_tab_and_a_title_naming_different_groups_are_reported(tmp_path):
    path = write_workbook(tmp_path / "doan.xlsx", {
        "Doan 2": roster_sheet("DANH SÁCH ĐOÀN CÔNG TÁC SỐ 3", [("Nguyễn Văn An", "Trưởng đoàn")]),
    })
    result = parse_file(path)
    assert groups_of(result) == [("Nguyễn Văn An", "Đoàn công tác số 3")]
    assert any("tên trang và tiêu đề ghi khác nhau" in w["message"] for w in result.warnings)


def test_a_single_roster_sheet_takes_its_group_from_the_title(tmp_path):
    path = write_workbook(tmp_path / "doan.xlsx", {
        "Danh sach": roster_sheet("ĐOÀN CÔNG TÁC SỐ 5", [("Nguyễn Văn An", "Trưởng đoàn"), ("Lê Thị Hoa", "Phó đoàn")]),
    })
    result = parse_file(path)
    assert result.sheet == "Danh sach"
    assert [r["group"] for r in result.records()] == ["Đoàn công tác số 5"] * 2


def test_a_group_column_wins_over_the_tab(tmp_path):
    header = ["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ"]
    path = write_workbook(tmp_path / "doan.xlsx", {
        "Doan 1": [header, [1, "Nguyễn Văn An", "Đoàn công tác số 7", "Trưởng đoàn"]],
    })
    assert groups_of(parse_file(path)) == [("Nguyễn Văn An", "Đoàn công tác số 7")]


@pytest.mark.parametrize("org_lines, tab, unit", [
    (["ĐẢNG BỘ PHƯỜNG TÂN LẬP", "CHI BỘ KHU PHỐ 1", "Đơn vị: Chi bộ Khu phố 1"], "CB Khu pho 1", "Chi bộ Khu phố 1"),
    (["ĐẢNG BỘ PHƯỜNG TÂN LẬP", "CHI BỘ KHU PHỐ 1"], "CB Khu pho 1", "Chi bộ Khu phố 1"),
    (["ĐẢNG BỘ PHƯỜNG TÂN LẬP", "CHI BỘ TỔ DÂN PHỐ 5"], "Chi bộ Tổ dân phố 5", "Chi bộ Tổ dân phố 5"),
    (["Chi bộ: Thôn Đông"], "Sheet1", "Chi bộ Thôn Đông"),
    (["ĐẢNG BỘ XÃ AN HÒA"], "Chi bộ Trường Tiểu học", "Chi bộ Trường Tiểu học"),
])
def test_a_register_sheet_states_its_party_cell(tmp_path, org_lines, tab, unit):
    path = write_workbook(tmp_path / "so.xlsx", {tab: register_sheet(org_lines, ["Nguyễn Văn An"])})
    result = parse_file(path)
    assert {record["unit"] for record in result.records()} == {unit}
    assert not any("không dấu" in w["message"] for w in result.warnings)


def test_a_unit_known_only_from_a_tab_without_tone_marks_is_written_and_warned(tmp_path):
    path = write_workbook(tmp_path / "so.xlsx", {
        "CB Khu pho 1": register_sheet(["ĐẢNG BỘ PHƯỜNG TÂN LẬP"], ["Nguyễn Văn An"]),
        "CB Khu pho 2": register_sheet(["ĐẢNG BỘ PHƯỜNG TÂN LẬP"], ["Trần Văn Bảo"]),
    })
    result = parse_file(path)
    assert [r["unit"] for r in result.records()] == ["Chi bộ Khu pho 1"] * 3 + ["Chi bộ Khu pho 2"] * 3
    warned = [w for w in result.warnings if "không dấu" in w["message"]]
    assert [w["sheet"] for w in warned] == ["CB Khu pho 1", "CB Khu pho 2"]


def test_a_sheet_per_party_cell_reads_every_sheet_with_its_unit(tmp_path):
    path = write_workbook(tmp_path / "so.xlsx", {
        "CB Khu pho 1": register_sheet(["ĐẢNG BỘ PHƯỜNG TÂN LẬP", "CHI BỘ KHU PHỐ 1", "Đơn vị: Chi bộ Khu phố 1"],
                                       ["Nguyễn Văn An", "Lê Thị Hoa"]),
        "CB Dong Tien": register_sheet(["ĐẢNG BỘ PHƯỜNG TÂN LẬP", "CHI BỘ KHU PHỐ ĐÔNG TIẾN",
                                        "Đơn vị: Chi bộ Khu phố Đông Tiến"], ["Trần Văn Bảo"]),
    })
    result = parse_file(path)
    assert result.sheet == ["CB Khu pho 1", "CB Dong Tien"]
    units = [(r["full_name"], r["unit"]) for r in result.records() if r["date"] == "2025-01-01"]
    assert units == [("Nguyễn Văn An", "Chi bộ Khu phố 1"), ("Lê Thị Hoa", "Chi bộ Khu phố 1"),
                     ("Trần Văn Bảo", "Chi bộ Khu phố Đông Tiến")]
    assert result.errors == [] and result.warnings == []


def month_sheet(people, title="DANH SÁCH DỰ SINH HOẠT CHI BỘ NĂM 2025"):
    rows = [["CHI BỘ KHU PHỐ 3"], [title], ["STT", "Họ và tên", "Tình hình dự họp", "Ghi chú"]]
    rows += [[number, name, mark, None] for number, (name, mark) in enumerate(people, start=1)]
    return rows + [[], ["Ghi chú: x có mặt, P vắng có phép, K vắng không phép, M đến muộn"]]


@pytest.mark.parametrize("tabs, dates", [
    (("Tháng 1", "Tháng 2"), ("2025-01-01", "2025-02-01")),
    (("T1", "T2"), ("2025-01-01", "2025-02-01")),
    (("Th.03", "Th.04"), ("2025-03-01", "2025-04-01")),
])
def test_a_sheet_per_month_dates_each_sheet_from_its_tab(tmp_path, tabs, dates):
    path = write_workbook(tmp_path / "thang.xlsx", {
        tabs[0]: month_sheet([("Nguyễn Văn An", "x"), ("Lê Thị Hoa", "P")]),
        tabs[1]: month_sheet([("Nguyễn Văn An", "M"), ("Lê Thị Hoa", "x")]),
    })
    result = parse_file(path)
    assert result.kind == "attendance" and result.sheet == list(tabs)
    assert result.records() == [
        {"full_name": "Nguyễn Văn An", "date": dates[0], "status": "present", "unit": "Chi bộ Khu phố 3"},
        {"full_name": "Lê Thị Hoa", "date": dates[0], "status": "excused", "unit": "Chi bộ Khu phố 3"},
        {"full_name": "Nguyễn Văn An", "date": dates[1], "status": "late", "unit": "Chi bộ Khu phố 3"},
        {"full_name": "Lê Thị Hoa", "date": dates[1], "status": "present", "unit": "Chi bộ Khu phố 3"},
    ]


def test_a_month_tab_may_carry_the_year(tmp_path):
    path = write_workbook(tmp_path / "thang.xlsx", {
        "T3-2024": month_sheet([("Nguyễn Văn An", "x")], title="DANH SÁCH DỰ SINH HOẠT CHI BỘ"),
        "T4-2024": month_sheet([("Nguyễn Văn An", "K")], title="DANH SÁCH DỰ SINH HOẠT CHI BỘ"),
    })
    assert [(r["date"], r["status"]) for r in parse_file(path).records()] == [("2024-03-01", "present"),
                                                                               ("2024-04-01", "absent")]


def test_a_month_tab_without_any_year_is_refused_with_the_sheet_named(tmp_path):
    path = write_workbook(tmp_path / "thang.xlsx", {
        "Tháng 5": month_sheet([("Nguyễn Văn An", "x")], title="DANH SÁCH DỰ SINH HOẠT CHI BỘ"),
    })
    with pytest.raises(ImportFileError, match="Tháng 5.*không tìm thấy năm"):
        parse_file(path)


def test_a_summary_sheet_repeating_the_others_is_left_out_with_a_warning(tmp_path):
    path = write_workbook(tmp_path / "doan.xlsx", {
        "Tong hop": roster_sheet("DANH SÁCH CÁC ĐOÀN CÔNG TÁC", [("Nguyễn Văn An", "Trưởng đoàn"),
                                                                  ("Trần Thị Bình", "Trưởng đoàn"),
                                                                  ("Lê Văn Cường", "Thành viên")]),
        "Doan 1": roster_sheet("ĐOÀN CÔNG TÁC", [("Nguyễn Văn An", "Trưởng đoàn")]),
        "Doan 2": roster_sheet("ĐOÀN CÔNG TÁC", [("Trần Thị Bình", "Trưởng đoàn"), ("Lê Văn Cường", "Thành viên")]),
    })
    result = parse_file(path)
    assert result.sheet == ["Doan 1", "Doan 2"]
    assert [r["group"] for r in result.records()] == ["Đoàn công tác số 1", "Đoàn công tác số 2",
                                                      "Đoàn công tác số 2"]
    assert any("Tong hop" in w["message"] and "tổng hợp" in w["message"] for w in result.warnings)


def test_a_data_sheet_with_another_table_is_named_not_dropped_silently(tmp_path):
    other = [["Họ và tên", "Ngày sinh hoạt", "Điểm danh"], ["Nguyễn Văn An", "05/01/2025", "x"]]
    path = write_workbook(tmp_path / "doan.xlsx", {
        "Doan 1": roster_sheet("ĐOÀN CÔNG TÁC SỐ 1", [("Nguyễn Văn An", "Trưởng đoàn"), ("Lê Thị Hoa", "Thành viên")]),
        "Diem danh": other,
    })
    result = parse_file(path)
    assert result.sheet == "Doan 1" and len(result.records()) == 2
    assert any("\"Diem danh\"" in w["message"] and "không được đọc" in w["message"] for w in result.warnings)


def test_a_notes_sheet_without_a_table_draws_no_warning(tmp_path):
    path = write_workbook(tmp_path / "doan.xlsx", {
        "Ghi chu": [["Hướng dẫn điền biểu"], ["Cột Nhiệm vụ ghi Trưởng đoàn, Phó đoàn hoặc Thành viên"]],
        "Doan 1": roster_sheet("ĐOÀN CÔNG TÁC SỐ 1", [("Nguyễn Văn An", "Trưởng đoàn")]),
    })
    assert parse_file(path).warnings == []


def test_sheets_worded_differently_but_naming_the_same_fields_are_one_table(tmp_path):
    other_header = ["TT", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách", "SĐT"]
    path = write_workbook(tmp_path / "doan.xlsx", {
        "Doan 1": roster_sheet(None, [("Nguyễn Văn An", "Trưởng đoàn")]),
        "Doan 2": roster_sheet(None, [("Trần Thị Bình", "Trưởng đoàn")], header=other_header),
    })
    result = parse_file(path)
    assert result.sheet == ["Doan 1", "Doan 2"]
    assert groups_of(result) == [("Nguyễn Văn An", "Đoàn công tác số 1"), ("Trần Thị Bình", "Đoàn công tác số 2")]


def test_a_sheet_of_unrecognised_rows_is_named_in_a_warning(tmp_path):
    odd = [["Tên", "Tuổi", "Nơi ở"], ["Nguyễn Văn An", 50, "Khu phố 1"], ["Lê Thị Hoa", 45, "Khu phố 2"],
           ["Trần Văn Bảo", 38, "Khu phố 3"]]
    path = write_workbook(tmp_path / "doan.xlsx", {
        "Doan 1": roster_sheet("ĐOÀN CÔNG TÁC SỐ 1", [("Nguyễn Văn An", "Trưởng đoàn")]),
        "Khac": odd,
    })
    result = parse_file(path)
    assert len(result.records()) == 1
    assert any("\"Khac\"" in w["message"] and "không nhận ra dòng tiêu đề" in w["message"] for w in result.warnings)


def test_sheets_per_unit_that_never_name_their_unit_are_warned(tmp_path):
    path = write_workbook(tmp_path / "so.xlsx", {
        "KP1": register_sheet([], ["Nguyễn Văn An"]),
        "KP3": register_sheet([], ["Trần Văn Bảo"]),
    })
    result = parse_file(path)
    assert result.sheet == ["KP1", "KP3"] and {r["unit"] for r in result.records()} == {None}
    assert any("\"KP1\", \"KP3\"" in w["message"] and "không trang nào ghi tên chi bộ" in w["message"]
               for w in result.warnings)


def test_sheets_per_quarter_without_a_unit_draw_no_such_warning(tmp_path):
    second = register_sheet([], ["Nguyễn Văn An"])
    second[1] = ["STT", "Họ và tên", "T4", "T5", "T6"]  # each quarter its own months, so no meeting on two sheets
    path = write_workbook(tmp_path / "so.xlsx", {"Quý 1": register_sheet([], ["Nguyễn Văn An"]), "Quý 2": second})
    result = parse_file(path)
    assert sorted(r["date"] for r in result.records())[-1] == "2025-06-01"
    assert result.warnings == []


NO_UNIT_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ", "Điện thoại"]


def no_unit_sheet(above, below=()):
    rows = [[line] for line in above] + [NO_UNIT_HEADER, [1, "Nguyễn Văn An", "01/02/1970", "Chuyên viên",
                                                          "Trưởng đoàn", "0912345678"]]
    return rows + [[]] + [[line] for line in below]


@pytest.mark.parametrize("above, below, group, unit", [
    (["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 3", "Phụ trách: Đảng bộ phường Bắc Hồng"], [], "Đoàn công tác số 3",
     "Đảng bộ phường Bắc Hồng"),
    (["ĐOÀN CÔNG TÁC SỐ 2 PHỤ TRÁCH ĐẢNG BỘ XÃ YÊN PHÚ"], [], "Đoàn công tác số 2", "Đảng bộ xã Yên Phú"),
    (["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 1 THEO DÕI CHI BỘ KHU PHỐ 1"],
     ["Ghi chú: Các đồng chí trong danh sách này được phân công theo dõi Chi bộ Khu phố 1."],
     "Đoàn công tác số 1", "Chi bộ Khu phố 1"),
])
def test_a_roster_title_or_note_states_the_group_and_its_unit(tmp_path, above, below, group, unit):
    result = parse_file(write_workbook(tmp_path / "doan.xlsx", {"Sheet1": no_unit_sheet(above, below)}))
    assert [(r["group"], r["unit"]) for r in result.records()] == [(group, unit)]


def test_a_roster_org_header_is_the_issuer_not_the_assigned_unit(tmp_path):
    sheet = no_unit_sheet(["ĐẢNG BỘ THỊ XÃ HỒNG LĨNH", "CHI BỘ CƠ QUAN THỊ ỦY", "ĐOÀN CÔNG TÁC SỐ 4"])
    result = parse_file(write_workbook(tmp_path / "doan.xlsx", {"Sheet1": sheet}))
    assert [(r["group"], r["unit"]) for r in result.records()] == [("Đoàn công tác số 4", None)]


def test_a_roster_sheet_per_followed_cell_takes_the_unit_from_its_tab_and_warns_without_tone_marks(tmp_path):
    path = write_workbook(tmp_path / "doan.xlsx", {
        "CB Khu pho 1": no_unit_sheet(["ĐOÀN CÔNG TÁC SỐ 1"]),
        "Chi bộ Khu phố 2": no_unit_sheet(["ĐOÀN CÔNG TÁC SỐ 2"]),
    })
    result = parse_file(path)
    assert [r["unit"] for r in result.records()] == ["Chi bộ Khu pho 1", "Chi bộ Khu phố 2"]
    assert [w["sheet"] for w in result.warnings if "không dấu" in w["message"]] == ["CB Khu pho 1"]
