"""A meeting's date stated once per sheet or per block, in the many wordings offices use: a line of its own above
the table ("Ngày: 04.4.2025", "Thời gian: 19h30, 05-3-2025", "Thứ Ba, 6/5/2025"), an export's day-and-time column
beside its month-only period column, a block's opening row ("Buổi 6 - 05/6/25"). Each sheet is built here."""

import datetime as dt

import pytest
import xlwt

from importers import parse_file
from importers.date_words import date_line, unread_date_line
from importers.errors import ImportFileError
from tests.workbooks import write_workbook

PEOPLE = [("Trần Thị Ngọc Kiều", "x"), ("Hồ Tấn Được", "K"), ("Nguyễn Thị Út", "P")]
STATUSES = ["present", "absent", "excused"]


def meeting_sheet(date_text, people=PEOPLE):
    rows = [["ĐẢNG BỘ PHƯỜNG TÂN AN"], ["CHI BỘ KHU PHỐ 5"], ["ĐIỂM DANH SINH HOẠT CHI BỘ ĐỊNH KỲ"], [date_text], [],
            ["STT", "Họ và tên", "Điểm danh", "Ghi chú"]]
    rows += [[number, name, mark, None] for number, (name, mark) in enumerate(people, start=1)]
    return rows + [["Ký hiệu: x - có mặt; P - vắng có phép; K - vắng không phép; M - đi muộn"]]


@pytest.mark.parametrize("tab, line, day", [
    ("T01-2025", "Ngày 06/01/2025", "2025-01-06"),
    ("T02-2025", "ngày 5 tháng 2 năm 2025", "2025-02-05"),
    ("T03-2025", "Thời gian: 19h30, 05-3-2025", "2025-03-05"),
    ("T04-2025", "Ngày: 04.4.2025", "2025-04-04"),
    ("T05-2025", "Thứ Ba, 6/5/2025", "2025-05-06"),
    ("Tháng 6", "Ngày họp: 10/6/2025", "2025-06-10"),
])
def test_a_date_line_of_its_own_dates_every_row_of_its_sheet(tmp_path, tab, line, day):
    path = write_workbook(tmp_path / "hop.xlsx", {tab: meeting_sheet(line)})
    result = parse_file(path)
    assert not result.errors
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        (name, day, status) for (name, _), status in zip(PEOPLE, STATUSES)]


def test_each_sheet_takes_its_own_line_not_the_first_of_its_tabs_month(tmp_path):
    path = write_workbook(tmp_path / "hop.xlsx", {
        "T01-2025": meeting_sheet("Ngày 06/01/2025"), "T02-2025": meeting_sheet("ngày 5 tháng 2 năm 2025")})
    assert sorted({r["date"] for r in parse_file(path).records()}) == ["2025-01-06", "2025-02-05"]


@pytest.mark.parametrize("tab, line", [("T02-2025", "Ngày: 04.3.2025"), ("T03-2024", "Thứ Tư, 5/3/2025")])
def test_a_line_and_a_tab_naming_different_months_are_refused_naming_both(tmp_path, tab, line):
    path = write_workbook(tmp_path / "hop.xlsx", {tab: meeting_sheet(line)})
    with pytest.raises(ImportFileError) as refused:
        parse_file(path)
    message = str(refused.value)
    assert f"«{tab}»" in message and f"«{line}»" in message and "Dòng 4" in message


def test_a_date_line_whose_day_does_not_exist_is_refused_by_name(tmp_path):
    path = write_workbook(tmp_path / "hop.xlsx", {"T02-2025": meeting_sheet("Ngày: 31/02/2025")})
    with pytest.raises(ImportFileError) as refused:
        parse_file(path)
    assert "«Ngày: 31/02/2025»" in str(refused.value)


def test_a_weekday_the_date_contradicts_keeps_the_date_with_a_warning(tmp_path):
    path = write_workbook(tmp_path / "hop.xlsx", {"T05-2025": meeting_sheet("Thứ Hai, 6/5/2025")})
    result = parse_file(path)
    assert {r["date"] for r in result.records()} == {"2025-05-06"}
    assert any("ghi sai thứ" in w["message"] and w["sheet"] == "T05-2025" for w in result.warnings)


@pytest.mark.parametrize("text", ["Hà Nội, ngày 5 tháng 1 năm 2026", "Ngày in: 15/04/2025", "Năm 2025",
                                  "Từ ngày: 01/01/2025 - Đến ngày: 31/03/2025", "Ngày 06/01/2025, tại hội trường",
                                  "Ngày xuất: 15/04/2025 08:42", "Ngày 06/01"])
def test_a_line_saying_more_than_a_date_is_no_date_line(text):
    assert date_line(text) is None
    assert unread_date_line([text]) is None


def test_date_lines_read_as_dates():
    assert date_line("Thời gian: 19h30, 05-3-2025").date == dt.date(2025, 3, 5)
    assert date_line("Vào lúc: 14h00, Thứ Sáu, 07/3/2025").date == dt.date(2025, 3, 7)
    assert unread_date_line(["CHI BỘ A", "Ngày: 31/02/2025"]) == "Ngày: 31/02/2025"


# ---- an export's period column beside its day-and-time column ---------------------------------------------------

EXPORT_HEADER = ["STT", "Họ và tên", "Tổ chức đảng", "Kỳ sinh hoạt", "Thời gian sinh hoạt", "Tình trạng tham dự"]


def export_rows(meetings):
    rows = [EXPORT_HEADER]
    for number, (name, period, when, status) in enumerate(meetings, start=1):
        rows.append([number, name, "Chi bộ Tổ dân phố Đồng Tâm", period, when, status])
    return rows


def test_the_day_column_beats_the_month_only_period_with_its_date_part(tmp_path):
    path = write_workbook(tmp_path / "export.xlsx", {"Export": export_rows([
        ("Vũ Mạnh Tuấn", "Tháng 01/2025", dt.datetime(2025, 1, 3, 19, 30), "Có mặt"),
        ("Trần Thị Lan", "Tháng 01/2025", dt.datetime(2025, 1, 3, 19, 30), "Vắng có lý do"),
        ("Vũ Mạnh Tuấn", "Tháng 02/2025", dt.datetime(2025, 2, 7, 14, 0), "Đi muộn"),
        ("Trần Thị Lan", "Tháng 02/2025", None, "Có mặt"),
    ])})
    result = parse_file(path)
    assert not result.errors
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Vũ Mạnh Tuấn", "2025-01-03", "present"), ("Trần Thị Lan", "2025-01-03", "excused"),
        ("Vũ Mạnh Tuấn", "2025-02-07", "late"), ("Trần Thị Lan", "2025-02-01", "present")]
    assert not any("chưa dùng" in w["message"] for w in result.warnings)


def test_the_day_column_wins_when_it_comes_first_too(tmp_path):
    rows = [[row[0], row[1], row[2], row[4], row[3], row[5]] for row in export_rows([
        ("Vũ Mạnh Tuấn", "Tháng 01/2025", "03/01/2025 19:30", "Có mặt"),
        ("Trần Thị Lan", "Tháng 01/2025", "03/01/2025 19:30", "Vắng không lý do")])]
    result = parse_file(write_workbook(tmp_path / "export.xlsx", {"Export": rows}))
    assert [r["date"] for r in result.records()] == ["2025-01-03", "2025-01-03"]
    assert not any("chưa dùng" in w["message"] for w in result.warnings)


def test_a_day_outside_its_period_month_is_refused_naming_the_cells(tmp_path):
    path = write_workbook(tmp_path / "export.xlsx", {"Export": export_rows([
        ("Vũ Mạnh Tuấn", "Tháng 01/2025", dt.datetime(2025, 1, 3, 19, 30), "Có mặt"),
        ("Trần Thị Lan", "Tháng 01/2025", dt.datetime(2025, 2, 3, 19, 30), "Có mặt"),
    ])})
    with pytest.raises(ImportFileError) as refused:
        parse_file(path)
    message = str(refused.value)
    assert "D3 «Tháng 01/2025»" in message and "E3 «03/02/2025 19:30»" in message and "D2" not in message


# ---- one block per meeting, each opened by its own row -------------------------------------------------------------

def write_blocks(path, captions):
    book = xlwt.Workbook()
    sheet = book.add_sheet("So diem danh")
    rows = [["CHI BỘ KHU VỰC 2 - ĐẢNG BỘ PHƯỜNG TÂN AN"], ["SỔ GHI ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["TT", "Họ và tên", "Điểm danh", "Ghi chú"]]
    merged = []
    for caption in captions:
        merged.append(len(rows))
        rows.append([caption])
        rows += [[1, "Huỳnh Tấn Khánh", "x", None], [2, "Trần Tấn Tư", "K", None], [3, "Nguyễn Minh Lợi", "x", None]]
    rows += [[], ["Ghi chú: x = có mặt, K = vắng không phép, P = vắng có phép, M = đến muộn"]]
    for r, row in enumerate(rows):
        if r in merged:
            sheet.write_merge(r, r, 0, 3, row[0])
            continue
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def test_each_block_is_dated_by_its_opening_row_in_any_wording(tmp_path):
    captions = ["Buổi 1 - ngày 7/1/2025", "Buổi 2 - 04/02/2025", "Buổi 3 - ngày 06-3-2025", "Buổi 4 - 3.4.2025",
                "Buổi 5 - ngày 6 tháng 5/2025", "Buổi 6 - 05/6/25"]
    result = parse_file(write_blocks(tmp_path / "so.xls", captions))
    assert not result.errors
    days = ["2025-01-07", "2025-02-04", "2025-03-06", "2025-04-03", "2025-05-06", "2025-06-05"]
    assert [r["date"] for r in result.records()] == [day for day in days for _ in range(3)]


def test_a_block_whose_opening_row_gives_no_date_is_refused_naming_it_not_dated_from_above(tmp_path):
    result = parse_file(write_blocks(tmp_path / "so.xls", ["Buổi 1 - ngày 7/1/2025", "Buổi 2 - ngày 31/02/2025"]))
    assert {r["date"] for r in result.records()} == {"2025-01-07"}
    assert len(result.records()) == 3
    assert len(result.errors) == 3
    assert all("Buổi 2 - ngày 31/02/2025" in error["message"] for error in result.errors)


def test_a_bare_day_number_beside_the_period_is_no_day_column(tmp_path):
    rows = [["STT", "Họ và tên", "Chi bộ", "Kỳ sinh hoạt", "Ngày", "Điểm danh"],
            [1, "Vũ Mạnh Tuấn", "Chi bộ Tổ dân phố Đồng Tâm", "Tháng 01/2025", 5, "x"],
            [2, "Trần Thị Lan", "Chi bộ Tổ dân phố Đồng Tâm", "Tháng 01/2025", 5, "x"]]
    result = parse_file(write_workbook(tmp_path / "so.xlsx", {"Sheet1": rows}))
    assert {r["date"] for r in result.records()} == {"2025-01-01"}
