"""Registers worded in ways the samples do not show, built in code: month headers with their year, totals
columns and rows, weekday dates, yes/no answers with a reason column, phrases. Each is read exactly or flagged."""
import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.errors import ImportFileError

LEGEND = "Ghi chú: x - có mặt; cp - vắng có phép; kp - vắng không phép"


def _save(tmp_path, rows, name="register.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "SHCB"
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def _csv(tmp_path, lines, name="register.csv"):
    path = tmp_path / name
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def _triples(result):
    return [(r["full_name"], r["date"], r["status"]) for r in result.records()]


def test_thg_headers_with_totals_column_and_row_read_as_attendance(tmp_path):
    path = _save(tmp_path, [
        ["BẢNG THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
        ["STT", "Họ và tên", "Thg 1", "Thg 2", "Thg 3", "Số buổi dự", "Tỷ lệ %"],
        [1, "Lê Văn An", "X", "CP", "x", 2, 66.7],
        [2, "Trần Thị Bình", "kp", "x", "X", 2, 66.7],
        ["Cộng", None, 1, 2, 2, None, None],
        [], [LEGEND],
    ])
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert _triples(result) == [
        ("Lê Văn An", "2025-01-01", "present"), ("Lê Văn An", "2025-02-01", "excused"),
        ("Lê Văn An", "2025-03-01", "present"), ("Trần Thị Bình", "2025-01-01", "absent"),
        ("Trần Thị Bình", "2025-02-01", "present"), ("Trần Thị Bình", "2025-03-01", "present")]


def test_month_headers_spanning_two_years_keep_each_ones_year(tmp_path):
    path = _save(tmp_path, [
        ["TỔNG HỢP DỰ SINH HOẠT"], [],
        ["STT", "Họ và tên", "Chi bộ", "Tháng 11/2024", "Tháng 12/2024", "Tháng 01/2025"],
        [1, "Lê Văn An", "Chi bộ Thôn 1", "x", "cp", "x"],
        [], [LEGEND],
    ])
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert [r["date"] for r in result.records()] == ["2024-11-01", "2024-12-01", "2025-01-01"]


def test_a_header_year_beats_the_title_year_with_a_warning(tmp_path):
    path = _save(tmp_path, [
        ["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2024"], [],
        ["STT", "Họ và tên", "01/2025", "02/2025", "03/2025"],
        [1, "Lê Văn An", "x", "x", "kp"],
        [], [LEGEND],
    ])
    result = parse_file(path)
    assert [r["date"] for r in result.records()] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    assert any("2024" in w["message"] and "2025" in w["message"] for w in result.warnings)


def test_a_place_and_date_line_of_the_next_year_is_no_conflict(tmp_path):
    path = _save(tmp_path, [
        ["Yên Phú, ngày 05 tháng 01 năm 2026"], ["BẢNG TỔNG HỢP NĂM 2025"], [],
        ["STT", "Họ và tên", "T01/2025", "T02/2025", "T03/2025"],
        [1, "Lê Văn An", "x", "x", "x"],
        [], [LEGEND],
    ])
    result = parse_file(path)
    assert [r["date"] for r in result.records()] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    assert result.warnings == [] and result.errors == []


def test_weekday_dates_of_every_wording_and_a_wrong_weekday_flagged(tmp_path):
    path = _csv(tmp_path, [
        "SỔ ĐIỂM DANH NĂM 2025,,",
        "Ngày họp,Họ và tên,Điểm danh",
        '"T2, 06/01/2025",Lê Văn An,x',
        "ngày 7 tháng 2 năm 2025,Lê Văn An,x",
        '"Thứ Ba, 06/03/2025",Lê Văn An,x',
        "CN 06/04/2025,Lê Văn An,x",
    ])
    result = parse_file(path)
    assert result.errors == []
    assert [r["date"] for r in result.records()] == ["2025-01-06", "2025-02-07", "2025-03-06", "2025-04-06"]
    wrong_day = [w for w in result.warnings if w["field"] == "date"]
    assert [(w["row"], w["column"]) for w in wrong_day] == [(5, "A")]
    assert "Thứ Năm" in wrong_day[0]["message"]


def test_dates_without_a_year_take_the_title_year_with_one_warning(tmp_path):
    path = _save(tmp_path, [
        ["THEO DÕI SINH HOẠT CHI BỘ NĂM 2024"], [],
        ["Ngày họp", "Họ và tên", "Tình hình"],
        ["07/3", "Lê Văn An", "Có mặt"],
        ["07/3", "Trần Thị Bình", "Vắng có phép"],
        ["04/4", "Lê Văn An", "Đi muộn"],
    ])
    result = parse_file(path)
    assert result.errors == []
    assert _triples(result) == [("Lê Văn An", "2024-03-07", "present"), ("Trần Thị Bình", "2024-03-07", "excused"),
                                ("Lê Văn An", "2024-04-04", "late")]
    assert len([w for w in result.warnings if "2024" in w["message"]]) == 1


def test_yes_no_with_a_reason_column_and_no_note_is_read_and_flagged(tmp_path):
    path = _save(tmp_path, [
        ["Ngày sinh hoạt", "Họ tên", "Dự họp", "Lý do"],
        [dt.date(2025, 1, 6), "Lê Văn An", "Có", None],
        [dt.date(2025, 1, 6), "Trần Thị Bình", "Không", "Ốm"],
        [dt.date(2025, 1, 6), "Phạm Văn Cường", "Không", None],
        [dt.date(2025, 1, 6), "Đỗ Thị Dung", "Không", "Không có lý do"],
    ])
    result = parse_file(path)
    assert result.errors == []
    assert [r["status"] for r in result.records()] == ["present", "excused", "absent", "absent"]
    assert any(w["column"] == "C" and "D «Lý do»" in w["message"] for w in result.warnings)


def test_yes_no_with_a_note_explaining_reasons_is_not_flagged(tmp_path):
    path = _save(tmp_path, [
        ["Ngày sinh hoạt", "Họ tên", "Có mặt", "Lý do vắng"],
        [dt.date(2025, 1, 6), "Lê Văn An", "Có", None],
        [dt.date(2025, 1, 6), "Trần Thị Bình", "Không", "Ốm"],
        [dt.date(2025, 1, 6), "Phạm Văn Cường", "Không", None],
        [], ["Ghi chú: vắng không ghi lý do là vắng không phép"],
    ])
    result = parse_file(path)
    assert [r["status"] for r in result.records()] == ["present", "excused", "absent"]
    assert result.warnings == [] and result.errors == []


def test_a_no_answer_without_any_reason_column_is_absent_and_flagged(tmp_path):
    path = _save(tmp_path, [
        ["Ngày sinh hoạt", "Họ tên", "Có mặt"],
        [dt.date(2025, 1, 6), "Lê Văn An", "Có"],
        [dt.date(2025, 1, 6), "Trần Thị Bình", "Không"],
    ])
    result = parse_file(path)
    assert [r["status"] for r in result.records()] == ["present", "absent"]
    assert any("Không" in w["message"] and w["column"] == "C" for w in result.warnings)


def test_phrases_with_reasons_leaving_early_and_an_unknown_value(tmp_path):
    path = _save(tmp_path, [
        ["SỔ ĐIỂM DANH NĂM 2025"], [],
        ["Ngày họp", "Họ và tên", "Tình hình", "Nội dung sinh hoạt"],
        [dt.date(2025, 1, 7), "Đ/c Lê Văn An", "Tham dự", "Sinh hoạt thường kỳ"],
        [dt.date(2025, 1, 7), "Đ/c Trần Thị Bình", "Vắng (đi công tác)", None],
        [dt.date(2025, 1, 7), "Đ/c Phạm Văn Cường", "Về sớm", None],
        [dt.date(2025, 1, 7), "Đ/c Đỗ Thị Dung", "Đi họp huyện", None],
        [dt.date(2025, 1, 7), "Đ/c Hồ Văn Em", "Đến muộn 20 phút", None],
    ])
    result = parse_file(path)
    assert _triples(result) == [("Lê Văn An", "2025-01-07", "present"), ("Trần Thị Bình", "2025-01-07", "excused"),
                                ("Phạm Văn Cường", "2025-01-07", "late"), ("Hồ Văn Em", "2025-01-07", "late")]
    assert [(e["row"], e["column"]) for e in result.errors] == [(7, "C")]
    assert "Đi họp huyện" in result.errors[0]["message"]
    assert any(w["row"] == 6 and "về sớm" in w["message"] for w in result.warnings)
    assert any(w["column"] == "C" and "vắng có phép" in w["message"] for w in result.warnings)  # no note says so


def test_a_status_column_with_an_unknown_heading_is_found_by_its_values(tmp_path):
    path = _save(tmp_path, [
        ["Ngày sinh hoạt", "Họ và tên", "Đi họp", "Số con"],
        [dt.date(2025, 1, 6), "Lê Văn An", "Có mặt", 2],
        [dt.date(2025, 1, 6), "Trần Thị Bình", "Vắng có phép", 1],
        [dt.date(2025, 1, 6), "Phạm Văn Cường", "x", 1],
    ])
    result = parse_file(path, kind="attendance")
    assert [r["status"] for r in result.records()] == ["present", "excused", "present"]
    assert any(w["column"] == "C" and "Đi họp" in w["message"] for w in result.warnings)


def test_a_date_column_with_an_unknown_heading_is_found_by_its_values(tmp_path):
    path = _save(tmp_path, [
        ["Buổi", "Họ và tên", "Điểm danh"],
        ["Thứ Hai, 06/01/2025", "Lê Văn An", "x"],
        ["Thứ Hai, 06/01/2025", "Trần Thị Bình", "cp"],
    ])
    result = parse_file(path, kind="attendance")
    assert _triples(result) == [("Lê Văn An", "2025-01-06", "present"), ("Trần Thị Bình", "2025-01-06", "excused")]
    assert any(w["column"] == "A" for w in result.warnings)


def test_a_column_of_counts_is_never_taken_for_statuses(tmp_path):
    path = _save(tmp_path, [
        ["Ngày sinh hoạt", "Họ và tên", "Số lần"],
        [dt.date(2025, 1, 6), "Lê Văn An", 1],
        [dt.date(2025, 1, 6), "Trần Thị Bình", 0],
    ])
    with pytest.raises(ImportFileError, match="cột"):
        parse_file(path, kind="attendance")
