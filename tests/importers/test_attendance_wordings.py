"""Registers worded in ways the samples do not show, built in code: month headers with their year, totals
columns and rows, weekday dates, yes/no answers with a reason column, phrases. Each is read exactly or flagged."""
import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook
from sheet_files import write_sheet

from importers import parse_file
from importers.errors import ImportFileError

LEGEND = "Ghi chú: x - có mặt; cp - vắng có phép; kp - vắng không phép"


def _save(tmp_path, rows, name="register.xlsx"):
    return write_sheet(tmp_path / name, rows, title="SHCB")


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


def test_a_symbol_legend_above_the_header_keeps_its_items_apart(tmp_path):
    path = _save(tmp_path, [
        ["BẢNG THEO DÕI DỰ SINH HOẠT CHI BỘ - NĂM 2025"],
        ["Ký hiệu: ● có mặt   ○ vắng có lý do   ✗ vắng không lý do   ◐ đến muộn"],
        ["STT", "Họ và tên", "Chi bộ được phân công", "T1", "T2", "T3", "T4"],
        [1, "Lê Văn An", "Chi bộ Thôn 1", "●", "○", "✗", "◐"],
    ])
    result = parse_file(path)
    assert result.errors == []
    assert [(r["status"], r["unit"]) for r in result.records()] == [
        ("present", "Chi bộ Thôn 1"), ("excused", "Chi bộ Thôn 1"), ("absent", "Chi bộ Thôn 1"),
        ("late", "Chi bộ Thôn 1")]


def test_two_meetings_a_month_as_days_under_the_month_and_a_ratio_row(tmp_path):
    path = _save(tmp_path, [
        ["Hồng Lĩnh, ngày 15 tháng 1 năm 2026"], ["SỔ THEO DÕI DỰ SINH HOẠT NĂM 2025"], [],
        ["STT", "Họ và tên", "Tháng 1/2025", None, "Tháng 2/2025", None, "Số buổi vắng"],
        [None, None, "Ngày 5", "Ngày 20", "Ngày 5", "Ngày 20", None],
        [1, "Lê Văn An", "x", "K", "x", "P", 2],
        [2, "Trần Thị Bình", "x", "x", "M", "x", 0],
        [None, "Tỷ lệ dự họp (%)", 100, 50, 100, 50, None],
        ["Ghi chú: x có mặt, P vắng có phép, K vắng không phép, M đi muộn"],
    ])
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert _triples(result) == [
        ("Lê Văn An", "2025-01-05", "present"), ("Lê Văn An", "2025-01-20", "absent"),
        ("Lê Văn An", "2025-02-05", "present"), ("Lê Văn An", "2025-02-20", "excused"),
        ("Trần Thị Bình", "2025-01-05", "present"), ("Trần Thị Bình", "2025-01-20", "present"),
        ("Trần Thị Bình", "2025-02-05", "late"), ("Trần Thị Bình", "2025-02-20", "present")]


def test_day_and_month_headers_take_the_title_year(tmp_path):
    path = _save(tmp_path, [
        ["ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2024"],
        ["STT", "Họ và tên", "T2 08/01", "T4 07/02", "06/03"],
        [1, "Lê Văn An", "x", "cp", "x"],
        [], [LEGEND],
    ])
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert [r["date"] for r in result.records()] == ["2024-01-08", "2024-02-07", "2024-03-06"]


def test_a_sheet_per_meeting_takes_its_date_and_unit_from_its_lines(tmp_path):
    workbook = Workbook()
    for month, day in ((1, 3), (2, 7)):
        sheet = workbook.active if month == 1 else workbook.create_sheet()
        sheet.title = f"Tháng {month}"
        for row in [["ĐẢNG BỘ PHƯỜNG BẮC HỒNG"], ["Hồng Lĩnh, ngày 20 tháng 2 năm 2025"],
                    [f"ĐIỂM DANH SINH HOẠT CHI BỘ THÁNG {month}/2025"],
                    [f"Thời gian: Thứ Sáu, ngày {day:02d}/{month:02d}/2025; Địa điểm: Nhà văn hóa"],
                    ["STT", "Họ và tên đảng viên", "Tình hình dự họp", "Ghi chú"],
                    [1, "Lê Văn An", "Có mặt", None], [2, "Trần Thị Bình", "Vắng có lý do", "Ốm"],
                    [], [None, "Chi bộ: Chi bộ Khu phố 3"]]:
            sheet.append(row)
    path = tmp_path / "per_meeting.xlsx"
    workbook.save(path)
    result = parse_file(path)
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()] == [
        ("Lê Văn An", "2025-01-03", "present", "Chi bộ Khu phố 3"),
        ("Trần Thị Bình", "2025-01-03", "excused", "Chi bộ Khu phố 3"),
        ("Lê Văn An", "2025-02-07", "present", "Chi bộ Khu phố 3"),
        ("Trần Thị Bình", "2025-02-07", "excused", "Chi bộ Khu phố 3")]


def test_only_the_place_and_date_line_gives_no_meeting_date(tmp_path):
    path = _save(tmp_path, [
        ["Hồng Lĩnh, ngày 20 tháng 2 năm 2025"], ["ĐIỂM DANH SINH HOẠT CHI BỘ"],
        ["STT", "Họ và tên", "Tình hình dự họp"], [1, "Lê Văn An", "Có mặt"],
    ])
    with pytest.raises(ImportFileError):
        parse_file(path, kind="attendance")


def test_a_ticked_present_column_with_reasons_reads_blanks_as_absences(tmp_path):
    path = _save(tmp_path, [
        ["Ngày sinh hoạt", "Họ tên", "Có mặt", "Lý do vắng"],
        [dt.date(2025, 1, 6), "Lê Văn An", "x", None],
        [dt.date(2025, 1, 6), "Trần Thị Bình", None, "Đi công tác"],
        [dt.date(2025, 1, 6), "Phạm Văn Cường", None, None],
    ])
    result = parse_file(path)
    assert [r["status"] for r in result.records()] == ["present", "excused", "absent"]
    assert any(w["column"] == "C" and "(ô trống)" in w["message"] for w in result.warnings)


def test_a_ticked_present_column_without_any_reason_leaves_blanks_unread(tmp_path):
    path = _save(tmp_path, [
        ["Ngày sinh hoạt", "Họ tên", "Có mặt", "Lý do vắng"],
        [dt.date(2025, 1, 6), "Lê Văn An", "x", None],
        [dt.date(2025, 1, 6), "Trần Thị Bình", None, None],
    ])
    result = parse_file(path)
    assert [r["full_name"] for r in result.records()] == ["Lê Văn An"]


def test_a_mark_the_legend_leaves_out_is_read_the_usual_way_and_flagged(tmp_path):
    path = _save(tmp_path, [
        ["BẢNG ĐIỂM DANH NĂM 2025"],
        ["STT", "Họ và tên", "T1", "T2", "T3"],
        [1, "Lê Văn An", "x", "P", "V"],
        [], ["Ghi chú: x - có mặt; P - vắng có phép"],
    ])
    result = parse_file(path)
    assert [r["status"] for r in result.records()] == ["present", "excused", "present"]
    flagged = [w for w in result.warnings if "«V» (1 ô)" in w["message"]]
    assert len(flagged) == 1 and "C–E" in flagged[0]["message"]


def test_a_wrong_weekday_repeated_on_a_meetings_rows_is_one_warning(tmp_path):
    path = _csv(tmp_path, [
        "Ngày họp,Họ và tên,Điểm danh",
        '"Thứ Ba, 06/01/2025",Lê Văn An,x',
        '"Thứ Ba, 06/01/2025",Trần Thị Bình,x',
        '"Thứ Ba, 06/01/2025",Phạm Văn Cường,x',
    ])
    result = parse_file(path)
    assert [r["date"] for r in result.records()] == ["2025-01-06"] * 3
    assert [(w["row"], w["column"]) for w in result.warnings] == [(2, "A")]
    assert "Thứ Hai" in result.warnings[0]["message"] and "2 ô khác" in result.warnings[0]["message"]


def test_the_tab_name_gives_the_year_when_no_title_does(tmp_path):
    path = _save(tmp_path, [["STT", "Họ và tên", "T1", "T2"], [1, "Lê Văn An", "x", "cp"], [], [LEGEND]])
    workbook = load_workbook(path)
    workbook.active.title = "Nam 2024"
    workbook.save(path)
    assert [r["date"] for r in parse_file(path).records()] == ["2024-01-01", "2024-02-01"]


def test_a_register_with_roster_like_headers_is_read_as_attendance_by_its_marks(tmp_path):
    path = _save(tmp_path, [
        ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Ngày họp", "Kết quả"],
        [1, "Lê Văn An", dt.date(1970, 2, 1), "Bí thư", dt.date(2025, 1, 6), "Có mặt"],
        [2, "Trần Thị Bình", dt.date(1980, 3, 4), "Đảng viên", dt.date(2025, 1, 6), "Vắng có phép"],
        [3, "Phạm Văn Cường", dt.date(1990, 5, 6), "Đảng viên", dt.date(2025, 1, 6), "x"],
    ])
    result = parse_file(path)
    assert result.kind == "attendance"
    assert [r["status"] for r in result.records()] == ["present", "excused", "present"]


def test_a_roster_with_a_date_column_stays_a_roster(tmp_path):
    path = _save(tmp_path, [
        ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn công tác", "Nhiệm vụ"],
        [1, "Lê Văn An", dt.date(1970, 2, 1), "Bí thư", "Đoàn công tác số 1", "Trưởng đoàn"],
        [2, "Trần Thị Bình", dt.date(1980, 3, 4), "Chuyên viên", "Đoàn công tác số 1", "Thành viên"],
        [3, "Phạm Văn Cường", dt.date(1990, 5, 6), "Chuyên viên", "Đoàn công tác số 1", "Thành viên"],
    ])
    assert parse_file(path).kind == "roster"


def test_a_v_mark_without_a_legend_is_flagged(tmp_path):
    path = _save(tmp_path, [["BẢNG ĐIỂM DANH NĂM 2025"], ["STT", "Họ và tên", "T1", "T2"],
                            [1, "Lê Văn An", "V", "x"]])
    result = parse_file(path)
    assert [r["status"] for r in result.records()] == ["present", "present"]
    assert len(result.warnings) == 1 and "«V» (1 ô)" in result.warnings[0]["message"]


def test_day_month_headers_take_the_tab_year_when_no_title_states_one(tmp_path):
    path = _save(tmp_path, [["STT", "Họ và tên", "06/01", "03/02", "03/03"], [1, "Lê Văn An", "x", "cp", "x"],
                            [], [LEGEND]])
    workbook = load_workbook(path)
    workbook.active.title = "SHCB 2025"
    workbook.save(path)
    result = parse_file(path)
    assert result.kind == "attendance"
    assert [r["date"] for r in result.records()] == ["2025-01-06", "2025-02-03", "2025-03-03"]
