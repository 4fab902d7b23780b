"""Transposed registers (people across the header row, months or dates down a column) and sheets whose one
meeting is dated in a line above the table."""

import datetime as dt

import pytest

from importers import parse_file
from importers.errors import ImportFileError
from importers.locating import locate_table
from importers.parsing import HEADER_SPECS
from importers.person_headers import looks_like_name
from importers.transposed import transpose_register
from tests.workbooks import write_workbook

LEGEND = "Ghi chú: x - có mặt; P - vắng có phép; K - vắng không phép; M - đi muộn."


def transposed_sheet(side, corner="Tháng", total=True, unit_note=" Đơn vị: Chi bộ Trường Tiểu học Trung Lương."):
    names = ["Lý Thanh An", "Hoàng Thị Ngọc", "Võ Bích Loan"]
    marks = [["x", "P", None], ["K", "x", "M"], ["x", "x", "x"]]
    rows = [["ĐẢNG BỘ PHƯỜNG TRUNG LƯƠNG"], ["CHI BỘ TRƯỜNG TIỂU HỌC TRUNG LƯƠNG"], [],
            ["THEO DÕI SINH HOẠT CHI BỘ NĂM 2024"], [corner, *names, *(["Số có mặt"] if total else [])]]
    for label, row in zip(side, marks):
        rows.append([label, *row, *([sum(mark == "x" for mark in row)] if total else [])])
    return rows + [[], [LEGEND + unit_note]]


@pytest.mark.parametrize("side, dates", [
    (["Tháng 1", "Tháng 2", "Tháng 3"], ["2024-01-01", "2024-02-01", "2024-03-01"]),
    (["T1", "T2", "T3"], ["2024-01-01", "2024-02-01", "2024-03-01"]),
    ([dt.datetime(2024, 1, 5), dt.datetime(2024, 2, 9), dt.datetime(2024, 3, 8)],
     ["2024-01-05", "2024-02-09", "2024-03-08"]),
])
def test_a_register_with_people_across_the_top_is_read_a_row_per_person(tmp_path, side, dates):
    path = write_workbook(tmp_path / "xoay.xlsx", {"Diem danh 2024": transposed_sheet(side)})
    result = parse_file(path)
    assert (result.kind, result.sheet, result.header_row) == ("attendance", "Diem danh 2024", 5)
    unit = "Chi bộ Trường Tiểu học Trung Lương"
    assert result.records() == [  # the file's reading order: month (or meeting) by month, people left to right
        {"full_name": "Lý Thanh An", "date": dates[0], "status": "present", "unit": unit},
        {"full_name": "Hoàng Thị Ngọc", "date": dates[0], "status": "excused", "unit": unit},
        {"full_name": "Lý Thanh An", "date": dates[1], "status": "absent", "unit": unit},
        {"full_name": "Hoàng Thị Ngọc", "date": dates[1], "status": "present", "unit": unit},
        {"full_name": "Võ Bích Loan", "date": dates[1], "status": "late", "unit": unit},
        {"full_name": "Lý Thanh An", "date": dates[2], "status": "present", "unit": unit},
        {"full_name": "Hoàng Thị Ngọc", "date": dates[2], "status": "present", "unit": unit},
        {"full_name": "Võ Bích Loan", "date": dates[2], "status": "present", "unit": unit},
    ]
    assert any(item["what"] == "Chiều bảng" for item in result.inferences)
    assert result.errors == []


def test_without_a_unit_note_the_capitals_org_line_names_the_unit(tmp_path):
    path = write_workbook(tmp_path / "xoay.xlsx", {"So": transposed_sheet(["T1", "T2", "T3"], unit_note="")})
    assert {r["unit"] for r in parse_file(path).records()} == {"Chi bộ Trường Tiểu học Trung Lương"}


def test_an_ordinary_wide_register_is_not_turned():
    rows = [["SỔ THEO DÕI NĂM 2025"], ["STT", "Họ và tên", "T1", "T2", "T3"], [1, "Nguyễn Văn An", "x", "P", "x"],
            [2, "Lê Thị Hoa", "x", "x", "K"]]
    assert transpose_register(rows, HEADER_SPECS) is None


def test_a_long_register_with_dates_down_a_column_is_not_turned():
    rows = [["Ngày họp", "Họ và tên", "Điểm danh"]] + [
        [dt.datetime(2025, month, 5), name, "x"] for month in (1, 2, 3) for name in ("Nguyễn Văn An", "Lê Thị Hoa")]
    assert transpose_register(rows, HEADER_SPECS) is None
    assert locate_table(rows, None, HEADER_SPECS) is not None


@pytest.mark.parametrize("label, is_name", [("Nguyễn Văn An", True), ("Họ và tên", False), ("Số có mặt", False),
                                            ("Tháng 1", False), ("NGUYỄN VĂN AN", True), ("TỔNG SỐ", False),
                                            ("SỐ CÓ MẶT", False), ("Ghi chú", False),
                                            ("Trần Thị Thu Hà", True)])
def test_only_capitalised_person_names_count_as_people(label, is_name):
    assert looks_like_name(label, HEADER_SPECS) is is_name


def meeting_sheet(time_line, people):
    rows = [["ĐẢNG BỘ PHƯỜNG BẮC HỒNG"], ["CHI BỘ KHU PHỐ 3"], [], ["ĐIỂM DANH SINH HOẠT CHI BỘ"], [time_line],
            ["STT", "Họ và tên đảng viên", "Tình hình dự họp", "Ghi chú"]]
    rows += [[n, name, status, None] for n, (name, status) in enumerate(people, start=1)]
    return rows + [[], [None, "Chi bộ: Chi bộ Khu phố 3"]]


@pytest.mark.parametrize("time_line, day", [
    ("Thời gian: Thứ Sáu, ngày 03/01/2025; Địa điểm: Nhà văn hóa khu phố 3", "2025-01-03"),
    ("Ngày họp: 7/2/2025", "2025-02-07"),
    ("Thời gian sinh hoạt: 19 giờ 30, ngày 5 tháng 3 năm 2025", "2025-03-05"),
])
def test_a_meeting_dated_above_the_table_dates_every_row(tmp_path, time_line, day):
    path = write_workbook(tmp_path / "hop.xlsx", {"Sheet1": meeting_sheet(
        time_line, [("Trần Xuân Quân", "Có mặt"), ("Võ Thu Quyên", "Đi muộn")])})
    result = parse_file(path)
    assert result.records() == [
        {"full_name": "Trần Xuân Quân", "date": day, "status": "present", "unit": "Chi bộ Khu phố 3"},
        {"full_name": "Võ Thu Quyên", "date": day, "status": "late", "unit": "Chi bộ Khu phố 3"},
    ]


def test_a_meeting_date_beats_the_month_of_the_tab_and_a_mismatch_is_refused(tmp_path):
    path = write_workbook(tmp_path / "hop.xlsx", {
        "Tháng 1": meeting_sheet("Thời gian: ngày 03/01/2025", [("Trần Xuân Quân", "Có mặt")]),
    })
    assert [r["date"] for r in parse_file(path).records()] == ["2025-01-03"]
    path = write_workbook(tmp_path / "hop2.xlsx", {
        "Tháng 1": meeting_sheet("Thời gian: ngày 03/01/2025", [("Trần Xuân Quân", "Có mặt")]),
        "Tháng 2": meeting_sheet("Thời gian: ngày 07/03/2025", [("Trần Xuân Quân", "Vắng có lý do")]),
    })
    with pytest.raises(ImportFileError) as refused:
        parse_file(path)
    assert "«Tháng 2»" in str(refused.value) and "07/03/2025" in str(refused.value)


def test_two_meetings_a_month_under_a_merged_month_header_are_dated_by_day(tmp_path):
    rows = [["SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"],
            ["STT", "Họ và tên", "Chi bộ", "Tháng 1/2025", None, "Tháng 2/2025", None],
            [None, None, None, "Ngày 5", "Ngày 20", "Ngày 5", "Ngày 20"],
            [1, "Dương Thu Loan", "Chi bộ Khu phố 6", "x", "K", "P", None],
            [], ["Ghi chú: x có mặt, P vắng có phép, K vắng không phép"]]
    result = parse_file(write_workbook(tmp_path / "so.xlsx", {"Quy I": rows}))
    assert [(r["date"], r["status"]) for r in result.records()] == [
        ("2025-01-05", "present"), ("2025-01-20", "absent"), ("2025-02-05", "excused")]


def test_a_month_sheet_with_day_columns_takes_the_month_from_its_tab(tmp_path):
    def sheet(marks):
        return [["DANH SÁCH DỰ SINH HOẠT CHI BỘ NĂM 2025"], ["STT", "Họ và tên", "Ngày 5", "Ngày 20"],
                [1, "Dương Thu Loan", *marks], [], ["Ghi chú: x có mặt, P vắng có phép, K vắng không phép"]]

    result = parse_file(write_workbook(tmp_path / "so.xlsx", {"Tháng 3": sheet(["x", "P"]),
                                                              "Tháng 4": sheet(["K", "x"])}))
    assert result.sheet == ["Tháng 3", "Tháng 4"]
    assert [(r["date"], r["status"]) for r in result.records()] == [
        ("2025-03-05", "present"), ("2025-03-20", "excused"), ("2025-04-05", "absent"), ("2025-04-20", "present")]


def test_a_transposed_register_typed_in_tcvn3_is_turned_and_decoded(tmp_path):
    from importers.legacy import unicode_to_tcvn3

    rows = [[unicode_to_tcvn3("THEO DÕI SINH HOẠT CHI BỘ NĂM 2024")],
            [unicode_to_tcvn3(text) for text in ("Tháng", "Lý Thanh An", "Hoàng Thị Ngọc")],
            [unicode_to_tcvn3("Tháng 1"), "x", "P"], [unicode_to_tcvn3("Tháng 2"), "K", "x"],
            [unicode_to_tcvn3("Tháng 3"), "x", "x"], [], ["Ghi chó: x cã mÆt, P v¾ng cã phÐp, K v¾ng kh«ng phÐp"]]
    result = parse_file(write_workbook(tmp_path / "xoay.xlsx", {"So": rows}))
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()][:3] == [
        ("Lý Thanh An", "2024-01-01", "present"), ("Hoàng Thị Ngọc", "2024-01-01", "excused"),
        ("Lý Thanh An", "2024-02-01", "absent")]


def test_day_and_month_headers_without_the_year_take_the_title_year(tmp_path):
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], ["STT", "Họ và tên", "Chi bộ", "5/3", "19/3", "02/4"],
            [1, "Dương Thu Loan", "Chi bộ Khu phố 6", "x", "P", "K"], [],
            ["Ghi chú: x có mặt, P vắng có phép, K vắng không phép"]]
    result = parse_file(write_workbook(tmp_path / "so.xlsx", {"So": rows}))
    assert [(r["date"], r["status"]) for r in result.records()] == [
        ("2025-03-05", "present"), ("2025-03-19", "excused"), ("2025-04-02", "absent")]


def test_a_meeting_label_column_beside_a_date_column_gives_way_to_the_dates(tmp_path):
    """'Kỳ sinh hoạt' labels ('Tháng 2/2024 (chuyên đề)') in one column, the real date in the next: the dates
    are the meetings', and a label the month reader does not know does not cut the register short."""
    rows = transposed_sheet(["Tháng 1/2024", "Tháng 2/2024", "Tháng 2/2024 (chuyên đề)"], total=False)
    dates = [dt.datetime(2024, 1, 5), dt.datetime(2024, 2, 9), dt.datetime(2024, 2, 24)]
    rows[4] = ["Kỳ sinh hoạt", "Ngày họp", *rows[4][1:]]
    for index, day in zip(range(5, 8), dates):
        rows[index] = [rows[index][0], day, *rows[index][1:]]
    result = parse_file(write_workbook(tmp_path / "xoay.xlsx", {"Diem danh": rows}))
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Lý Thanh An", "2024-01-05", "present"), ("Hoàng Thị Ngọc", "2024-01-05", "excused"),
        ("Lý Thanh An", "2024-02-09", "absent"), ("Hoàng Thị Ngọc", "2024-02-09", "present"),
        ("Võ Bích Loan", "2024-02-09", "late"), ("Lý Thanh An", "2024-02-24", "present"),
        ("Hoàng Thị Ngọc", "2024-02-24", "present"), ("Võ Bích Loan", "2024-02-24", "present"),
    ]
