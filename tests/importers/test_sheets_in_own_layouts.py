"""A workbook of one kind of table kept a sheet per former ward (or per chi bộ, or per month), each sheet in its own
layout: header wording, column order, month labels ('T1', 'Tháng 01', '08/01') and marks (letters, words, ticks)
differ. Every sheet that parses on its own is read by itself, records joined in workbook order; a summary of counts
and a sheet of another kind are left aside, named in a warning."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from importers import parse_file
from importers.legends import parse_legend
from importers.normalising import normalise_unit_name
from tests.workbooks import write_workbook

OWN_LAYOUTS = "các trang cùng loại, bố cục khác nhau, đọc từng trang"


def letters_register():
    """Months as 'T1', marks as letters, a 'Đơn vị:' line."""
    return [["SỔ THEO DÕI SINH HOẠT CHI BỘ QUÝ I NĂM 2025"], ["Đơn vị: Chi bộ Khu vực 7"],
            ["STT", "Họ và tên", "Tháng", None, None], [None, None, "T1", "T2", "T3"],
            [1, "Tô Văn Hưng", "x", "x", "K"], [2, "Lâm Hồng Tuyết", "x", "K", "x"],
            [3, "Kim Văn Sang", "x", "P", "x"], [], ["Ghi chú: x có mặt, P vắng có phép, K vắng không phép"]]


def words_register():
    """No number column, months as 'Tháng 01' under the quarter, marks as words."""
    return [["Theo dõi sinh hoạt chi bộ - địa bàn Thới Bình cũ"], ["Chi bộ: Chi bộ Khu vực 8"],
            ["Họ tên", "Quý I/2025", None, None], [None, "Tháng 01", "Tháng 02", "Tháng 03"],
            ["Phạm Chí Kiệt", "có", "có", "có"], ["Lê Trung Lộc", "có", "trễ", "có"],
            ["Nguyễn Văn Tuấn", "có", "vắng", "vắng"]]


def dates_register():
    """Meetings as day/month under the year, ticks and letters a '|' legend explains, a notes column."""
    return [["CHI BỘ KHU VỰC 9"], ["Năm 2025"],
            ["TT", "Họ và tên", "Ngày sinh hoạt", None, None, "Ghi chú"],
            [None, None, "08/01", "12/02", "11/03", None],
            [1, "Phạm Trung Triều", "M", "✓", "✓", None], [2, "Võ Thị Lài", "✓", "CP", "✓", None],
            [3, "Lê Hoàng Hiếu", "✓", "✓", "KP", None], [],
            ["Ký hiệu: ✓ có mặt | CP vắng có phép | KP vắng không phép | M đến muộn"]]


def statuses(result):
    return [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()]


def test_registers_each_in_its_own_layout_are_all_read(tmp_path):
    path = write_workbook(tmp_path / "so.xlsx", {"KV An Lac cu": letters_register(),
                                                 "KV Thoi Binh cu": words_register(),
                                                 "KV Xuan Khanh cu": dates_register()})
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert result.sheet == ["KV An Lac cu", "KV Thoi Binh cu", "KV Xuan Khanh cu"]
    read = statuses(result)
    assert len(read) == 27
    assert read[:3] == [("Tô Văn Hưng", "2025-01-01", "present", "Chi bộ Khu vực 7"),
                        ("Tô Văn Hưng", "2025-02-01", "present", "Chi bộ Khu vực 7"),
                        ("Tô Văn Hưng", "2025-03-01", "absent", "Chi bộ Khu vực 7")]
    assert ("Lê Trung Lộc", "2025-02-01", "late", "Chi bộ Khu vực 8") in read
    assert ("Phạm Trung Triều", "2025-01-08", "late", "Chi bộ Khu vực 9") in read
    assert ("Võ Thị Lài", "2025-02-12", "excused", "Chi bộ Khu vực 9") in read
    assert ("Lê Hoàng Hiếu", "2025-03-11", "absent", "Chi bộ Khu vực 9") in read
    assert {"what": "Trang tính", "value": "KV An Lac cu, KV Thoi Binh cu, KV Xuan Khanh cu",
            "source": OWN_LAYOUTS} in result.inferences
    assert result.header_row == 4  # the first sheet's
    assert result.row_frame.groupby("sheet")["outcome"].apply(lambda o: (o == "record").sum()).to_dict() == {
        "KV An Lac cu": 3, "KV Thoi Binh cu": 3, "KV Xuan Khanh cu": 3}
    assert not any("bảng khác" in w["message"] for w in result.warnings)


def roster_a():
    return [["ĐẢNG BỘ PHƯỜNG TÂN AN"], ["ĐOÀN CÔNG TÁC SỐ 1"], [],
            ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ", "Chi bộ phụ trách", "Điện thoại"],
            [1, "Phan Chí Triều", dt.date(1957, 12, 4), "Phó Trưởng Ban Xây dựng Đảng", "Trưởng đoàn",
             "Chi bộ Khu vực 2", "0989 299 146"],
            [2, "Lê Thúy Vân", dt.date(1974, 2, 23), "Bí thư Đoàn phường", "Thành viên", "Chi bộ Khu vực 1",
             "0366 707 784"]]


def roster_b():
    """Another order and wording, a two-row header."""
    return [["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 2 - KHU VỰC THỚI BÌNH (CŨ)"], [],
            ["TT", "HỌ TÊN", "PHÂN CÔNG", None, "SINH NGÀY", "CHỨC DANH", "SĐT"],
            [None, None, "Vai trò", "Chi bộ theo dõi", None, None, None],
            [1, "NGUYỄN THỊ TRINH", "Trưởng Đoàn", "Chi bộ Khu vực 5", "06-07-1986", "Chánh Văn phòng Đảng ủy",
             895221859],
            [2, "MAI HOÀNG ĐỨC", "Thành viên", "Chi bộ Khu vực 5", "03-02-1986", "Chủ tịch Hội Cựu chiến binh",
             894983851]]


def roster_c():
    """No number column, dotted birth dates, role abbreviations."""
    return [["Đoàn công tác số 3 (Xuân Khánh cũ)"], [],
            ["Họ và tên", "Ngày, tháng, năm sinh", "Chức vụ, đơn vị công tác", "Nhiệm vụ", "Cơ sở phụ trách",
             "Điện thoại"],
            ["Huỳnh Trung Sơn", "19.3.1964", "Chủ tịch Ủy ban MTTQ phường", "Trưởng đoàn", "Chi bộ Khu vực 9",
             "0810718993"],
            ["Bùi Quốc Tâm", "5.10.1996", "Cán bộ liên lạc Khu vực 3", "Thành viên", "Chi bộ Khu vực 10",
             "0585015574"]]


def roster_summary():
    return [["TỔNG HỢP THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [], ["Đoàn", "Số thành viên", "Cơ sở phụ trách"],
            ["Đoàn 1", 2, "Chi bộ Khu vực 1, Chi bộ Khu vực 2"], ["Đoàn 2", 2, "Chi bộ Khu vực 5"],
            ["Đoàn 3", 2, "Chi bộ Khu vực 9, Chi bộ Khu vực 10"]]


def test_rosters_each_in_its_own_layout_are_all_read_and_the_summary_left_aside(tmp_path):
    path = write_workbook(tmp_path / "doan.xlsx", {"Tong hop": roster_summary(), "An Lac cu": roster_a(),
                                                   "Thoi Binh cu": roster_b(), "Xuan Khanh cu": roster_c()})
    result = parse_file(path)
    assert result.kind == "roster" and result.errors == []
    assert result.sheet == ["An Lac cu", "Thoi Binh cu", "Xuan Khanh cu"]
    assert [(r["full_name"], r["group"], r["role"]) for r in result.records()] == [
        ("Phan Chí Triều", "Đoàn công tác số 1", "head"), ("Lê Thúy Vân", "Đoàn công tác số 1", "member"),
        ("Nguyễn Thị Trinh", "Đoàn công tác số 2", "head"), ("Mai Hoàng Đức", "Đoàn công tác số 2", "member"),
        ("Huỳnh Trung Sơn", "Đoàn công tác số 3", "head"), ("Bùi Quốc Tâm", "Đoàn công tác số 3", "member")]
    assert result.records()[4]["birth_date"] == "1964-03-19"
    assert result.header_row == 4
    assert any("\"Tong hop\"" in w["message"] and "không được đọc" in w["message"] for w in result.warnings)


def month_sheet(month, days, marks):
    """A month's register: each meeting's date under 'Sinh hoạt …', marks a legend under the table explains."""
    heads = ["Sinh hoạt định kỳ", "Sinh hoạt chuyên đề"][:len(days)]
    rows = [["ĐOÀN CÔNG TÁC SỐ 2"], [f"THEO DÕI DỰ SINH HOẠT CHI BỘ - THÁNG {month:02d}/2025"], [],
            ["STT", "Họ và tên", "Chi bộ dự sinh hoạt", *heads, "Ghi chú"],
            [None, None, None, *[dt.date(2025, month, day) for day in days], None]]
    people = [("Đinh Thị Thu Huyền", "Chi bộ xóm Đồng Kem"), ("Ngô Thị Thảo", "Chi bộ xóm Phú Minh"),
              ("Trần Minh Hùng", "Chi bộ xóm Cây Thị")]
    for number, ((name, unit), row_marks) in enumerate(zip(people, marks), start=1):
        rows.append([number, name, unit, *row_marks, None])
    return rows + [[], [None, "Ký hiệu: C - có mặt; P - vắng có phép; V - vắng không phép; M - đến muộn"]]


def with_month_merges(path, names):
    """The month sheets' labels merged down over the row of meeting dates, as offices draw a two-row header."""
    book = load_workbook(path)
    for name in names:
        sheet = book[name]
        for column in range(1, sheet.max_column + 1):
            if sheet.cell(5, column).value is None:
                sheet.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
    book.save(path)
    return path


def count_summary():
    return [["TỔNG HỢP DỰ SINH HOẠT CHI BỘ QUÝ I/2025"], [],
            ["STT", "Họ và tên", "Chi bộ", "Số kỳ", "Có mặt", "Vắng có phép", "Vắng không phép"],
            [1, "Đinh Thị Thu Huyền", "Chi bộ xóm Đồng Kem", 4, 4, 0, 0],
            [2, "Ngô Thị Thảo", "Chi bộ xóm Phú Minh", 4, 2, 2, 0],
            [3, "Trần Minh Hùng", "Chi bộ xóm Cây Thị", 4, 3, 0, 1]]


def test_a_summary_of_counts_first_is_neither_chosen_nor_read(tmp_path):
    path = with_month_merges(write_workbook(tmp_path / "quy.xlsx", {
        "Tong hop Q1": count_summary(),
        "T01": month_sheet(1, [3], [["C"], ["P"], ["C"]]),
        "T02": month_sheet(2, [3, 24], [["C", "C"], ["P", "C"], ["C", "V"]]),
        "T03": month_sheet(3, [3], [["C"], ["C"], ["M"]]),
    }), ["T01", "T02", "T03"])
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert result.sheet == ["T01", "T02", "T03"]
    read = statuses(result)
    assert len(read) == 12
    assert read[0] == ("Đinh Thị Thu Huyền", "2025-01-03", "present", "Chi bộ xóm Đồng Kem")
    assert ("Trần Minh Hùng", "2025-02-24", "absent", "Chi bộ xóm Cây Thị") in read
    assert ("Trần Minh Hùng", "2025-03-03", "late", "Chi bộ xóm Cây Thị") in read
    assert any("\"Tong hop Q1\"" in w["message"] and "tổng hợp" in w["message"] for w in result.warnings)


def test_one_meeting_sheet_marked_in_the_legend_s_letters_is_a_register(tmp_path):
    path = with_month_merges(write_workbook(tmp_path / "t01.xlsx", {"T01": month_sheet(1, [3], [["C"], ["P"], ["C"]])}),
                             ["T01"])
    result = parse_file(path)
    assert result.kind == "attendance"
    assert statuses(result)[1] == ("Ngô Thị Thảo", "2025-01-03", "excused", "Chi bộ xóm Phú Minh")


def test_a_register_beside_rosters_is_not_read_and_is_named(tmp_path):
    path = write_workbook(tmp_path / "doan.xlsx", {"An Lac cu": roster_a(), "Xuan Khanh cu": roster_c(),
                                                   "So sinh hoat": letters_register()})
    result = parse_file(path)
    assert result.kind == "roster"
    assert result.sheet == ["An Lac cu", "Xuan Khanh cu"]
    assert len(result.records()) == 4
    assert any("\"So sinh hoat\"" in w["message"] and "có bảng khác" in w["message"] for w in result.warnings)


def test_a_member_list_beside_registers_is_not_read_and_is_named(tmp_path):
    members = [["DANH SÁCH ĐẢNG VIÊN CHI BỘ"], ["Họ và tên", "Ghi chú"], ["Tô Văn Hưng", "Bí thư"],
               ["Lâm Hồng Tuyết", None], ["Kim Văn Sang", None]]
    path = write_workbook(tmp_path / "so.xlsx", {"KV An Lac cu": letters_register(),
                                                 "KV Thoi Binh cu": words_register(), "DS dang vien": members})
    result = parse_file(path)
    assert result.kind == "attendance"
    assert result.sheet == ["KV An Lac cu", "KV Thoi Binh cu"]
    assert len(result.records()) == 18
    assert any("\"DS dang vien\"" in w["message"] and "không được đọc" in w["message"] for w in result.warnings)


def test_a_register_that_does_not_parse_on_its_own_is_named_not_read(tmp_path):
    broken = words_register()
    broken[4][2] = "??"  # a mark nothing explains: an error on that sheet
    path = write_workbook(tmp_path / "so.xlsx", {"KV An Lac cu": letters_register(), "KV Thoi Binh cu": broken,
                                                 "KV Xuan Khanh cu": dates_register()})
    result = parse_file(path)
    assert result.sheet == ["KV An Lac cu", "KV Xuan Khanh cu"]
    assert any("\"KV Thoi Binh cu\"" in w["message"] and "có bảng khác" in w["message"] for w in result.warnings)


def test_the_officer_s_choice_of_sheets_stands(tmp_path):
    path = write_workbook(tmp_path / "so.xlsx", {"KV An Lac cu": letters_register(),
                                                 "KV Thoi Binh cu": words_register(),
                                                 "KV Xuan Khanh cu": dates_register()})
    one = parse_file(path, sheet="KV Thoi Binh cu")
    assert one.sheet == "KV Thoi Binh cu" and len(one.records()) == 9
    two = parse_file(path, overrides={"sheets": ["KV Xuan Khanh cu", "KV An Lac cu"]})
    assert two.sheet == ["KV Xuan Khanh cu", "KV An Lac cu"] and len(two.records()) == 18


@pytest.mark.parametrize("text, marks", [
    ("Ký hiệu: ✓ có mặt | CP vắng có phép | KP vắng không phép | M đến muộn",
     {"✓": "present", "cp": "excused", "kp": "absent", "m": "late"}),
    ("Ghi chú: x - có mặt | P - vắng có phép", {"x": "present", "p": "excused"}),
])
def test_a_legend_may_separate_its_items_by_bars(text, marks):
    assert parse_legend(text) == marks


def test_an_all_caps_khu_vuc_unit_reads_as_usually_written():
    assert normalise_unit_name("CHI BỘ KHU VỰC 9") == "Chi bộ Khu vực 9"


def test_the_officer_s_column_mapping_stays_with_the_chosen_layout(tmp_path):
    path = write_workbook(tmp_path / "so.xlsx", {"KV An Lac cu": letters_register(),
                                                 "KV Thoi Binh cu": words_register(),
                                                 "KV Xuan Khanh cu": dates_register()})
    result = parse_file(path, mapping={"full_name": "B"})  # the name column of the chosen sheet, not of all
    assert result.errors == [] and len(result.records()) == 27
    assert ("Lê Trung Lộc", "2025-02-01", "late", "Chi bộ Khu vực 8") in statuses(result)
