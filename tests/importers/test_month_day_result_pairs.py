"""Registers kept as one pair of sub-columns per month ('Tháng 7' merged over 'Ngày | KQ'): each row gives the day
its member's chi bộ met that month and the result mark, so each (row, month) is one record dated that day
(``importers.month_day_pairs``). A roster-looking left part ('Đoàn' numbers, 'Chi bộ được phân công') does not make
it a roster; a mark without its day, a day the month lacks or a day/month of another month is refused naming the
day's cell; a full date of another month is read as written, with a warning; a day with no mark is no record."""

import csv
import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.errors import ImportFileError

TITLE = "THEO DÕI THÀNH VIÊN ĐOÀN CÔNG TÁC DỰ SINH HOẠT TẠI CHI BỘ ĐƯỢC PHÂN CÔNG 6 THÁNG CUỐI NĂM 2025"
LEGEND = 'Ghi chú: Cột "Ngày" ghi ngày chi bộ họp trong tháng; cột "KQ": D - dự đủ; M - dự nhưng đến muộn; ' \
         "VP - vắng có báo cáo; V - vắng không báo cáo."
PEOPLE = [("Nguyễn Văn An", "Chi bộ Tổ dân phố số 1"), ("Trần Thị Bình", "Chi bộ Tổ dân phố số 2"),
          ("Lê Văn Cường", "Chi bộ Tổ dân phố số 3")]


def _register(path, pairs, months=(7, 8), day="Ngày", result="KQ", result_first=False, legend=LEGEND, title=TITLE):
    """A register with the roster-looking left part of the family's offices; `pairs[person][month]` = (day, mark)."""
    sub = [result, day] if result_first else [day, result]
    rows = [["ĐẢNG BỘ PHƯỜNG CỬA NAM"], [title], [],
            ["STT", "Họ và tên", "Đoàn", "Chi bộ được phân công"] + [x for m in months for x in (f"Tháng {m}", None)],
            [None] * 4 + sub * len(months)]
    for number, ((name, unit), cells) in enumerate(zip(PEOPLE, pairs), 1):
        row = [number, name, 1 + number // 3, unit]
        for day_value, mark in cells:
            row += [mark, day_value] if result_first else [day_value, mark]
        rows.append(row)
    rows += [[], [legend]]
    merges = ["A4:A5", "B4:B5", "C4:C5", "D4:D5"] + [f"{chr(69 + 2 * k)}4:{chr(70 + 2 * k)}4"
                                                   for k in range(len(months))]
    return write_sheet(path, rows, merges=merges)


def _by_person(result):
    return sorted((record["full_name"], record["date"], record["status"], record["unit"])
                  for record in result.records())


PLAIN = [[(20, "VP"), (20, "M")], [(5, "D"), (6, "D")], [(12, "V"), (None, None)]]
EXPECTED = [("Lê Văn Cường", "2025-07-12", "absent", "Chi bộ Tổ dân phố số 3"),
            ("Nguyễn Văn An", "2025-07-20", "excused", "Chi bộ Tổ dân phố số 1"),
            ("Nguyễn Văn An", "2025-08-20", "late", "Chi bộ Tổ dân phố số 1"),
            ("Trần Thị Bình", "2025-07-05", "present", "Chi bộ Tổ dân phố số 2"),
            ("Trần Thị Bình", "2025-08-06", "present", "Chi bộ Tổ dân phố số 2")]


def test_each_row_and_month_is_one_record_dated_by_its_own_day(tmp_path):
    result = parse_file(_register(tmp_path / "pairs.xlsx", PLAIN))
    assert result.kind == "attendance"
    assert _by_person(result) == EXPECTED
    assert result.errors == []


@pytest.mark.parametrize(("day", "result_word"), [("Ngày họp", "Kết quả"), ("Ngày SH", "Tình hình"),
                                                  ("Ngày sinh hoạt", "KQ"), ("Ngày", "Điểm danh")])
@pytest.mark.parametrize("result_first", [False, True])
def test_wordings_and_either_order(tmp_path, day, result_word, result_first):
    result = parse_file(_register(tmp_path / "pairs.xlsx", PLAIN, day=day, result=result_word,
                                  result_first=result_first))
    assert result.kind == "attendance"
    assert _by_person(result) == EXPECTED
    assert result.errors == []


def test_a_csv_without_merges_reads_alike(tmp_path):
    path = tmp_path / "pairs.csv"
    rows = [[TITLE], ["STT", "Họ và tên", "Đoàn", "Chi bộ được phân công", "Tháng 7", "", "Tháng 8", ""],
            ["", "", "", "", "Ngày", "KQ", "Ngày", "KQ"]]
    for number, ((name, unit), cells) in enumerate(zip(PEOPLE, PLAIN), 1):
        rows.append([number, name, 1, unit] + ["" if value is None else value for pair in cells for value in pair])
    rows += [[], [LEGEND]]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    result = parse_file(path)
    assert result.kind == "attendance"
    assert _by_person(result) == EXPECTED


def test_two_meetings_under_one_month(tmp_path):
    rows = [[TITLE], ["STT", "Họ và tên", "Chi bộ", "Tháng 7", None, None, None],
            [None, None, None, "Ngày", "KQ", "Ngày", "KQ"],
            [1, "Nguyễn Văn An", "Chi bộ 1", 5, "D", 20, "VP"], [2, "Trần Thị Bình", "Chi bộ 2", 12, "M", 26, "D"],
            [], [LEGEND]]
    result = parse_file(write_sheet(tmp_path / "two.xlsx", rows, merges=["D2:G2"]))
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2025-07-05", "present"), ("Nguyễn Văn An", "2025-07-20", "excused"),
        ("Trần Thị Bình", "2025-07-12", "late"), ("Trần Thị Bình", "2025-07-26", "present")]


def test_a_note_sub_column_beside_the_pair_is_no_obstacle(tmp_path):
    rows = [[TITLE], ["STT", "Họ và tên", "Chi bộ", "Tháng 7", None, None, "Tháng 8", None, None],
            [None, None, None, "Ngày", "KQ", "Ghi chú", "Ngày", "KQ", "Ghi chú"],
            [1, "Nguyễn Văn An", "Chi bộ 1", 5, "D", None, 6, "VP", "ốm"],
            [2, "Trần Thị Bình", "Chi bộ 2", 12, "M", None, 13, "D", None], [], [LEGEND]]
    result = parse_file(write_sheet(tmp_path / "notes.xlsx", rows, merges=["D2:F2", "G2:I2"]))
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2025-07-05", "present"), ("Nguyễn Văn An", "2025-08-06", "excused"),
        ("Trần Thị Bình", "2025-07-12", "late"), ("Trần Thị Bình", "2025-08-13", "present")]


def test_a_full_date_in_the_day_cell(tmp_path):
    pairs = [[(dt.datetime(2025, 7, 20), "D"), ("06/08/2025", "M")],
             [(dt.datetime(2025, 8, 2), "D"), (6, "D")],  # July's meeting held on 2 August: as written, warned
             [("ngày 12", "V"), ("13/8", "D")]]
    result = parse_file(_register(tmp_path / "dates.xlsx", pairs))
    assert result.errors == []
    assert ("Trần Thị Bình", "2025-08-02", "present", "Chi bộ Tổ dân phố số 2") in _by_person(result)
    assert ("Nguyễn Văn An", "2025-08-06", "late", "Chi bộ Tổ dân phố số 1") in _by_person(result)
    assert ("Lê Văn Cường", "2025-08-13", "present", "Chi bộ Tổ dân phố số 3") in _by_person(result)
    warned = [w for w in result.warnings if w["column"] == "E" and w["row"] == 7]
    assert warned and "không thuộc «Tháng 7»" in warned[0]["message"]
    assert len(result.records()) == 6


def test_a_day_the_month_lacks_is_refused_naming_the_cell(tmp_path):
    pairs = [[(31, "D"), (31, "D")], [(5, "D"), (30, "D")], [(12, "V"), (4, "M")]]
    result = parse_file(_register(tmp_path / "nov.xlsx", pairs, months=(10, 11)))
    errors = [(e["row"], e["column"]) for e in result.errors]
    assert errors == [(6, "G")]
    assert "tháng 11/2025 không có ngày 31" in result.errors[0]["message"]
    assert ("Nguyễn Văn An", "2025-10-31", "present", "Chi bộ Tổ dân phố số 1") in _by_person(result)
    assert not any(record["date"] == "2025-11-01" for record in result.records())
    assert len(result.records()) == 5


def test_a_mark_without_its_day_is_refused_never_dated(tmp_path):
    pairs = [[(None, "VP"), (20, "D")], [(5, "D"), (6, "D")], [(12, "V"), (13, "D")]]
    result = parse_file(_register(tmp_path / "noday.xlsx", pairs))
    assert [(e["row"], e["column"]) for e in result.errors] == [(6, "E")]
    assert "F6" in result.errors[0]["message"] and "VP" in result.errors[0]["message"]
    assert not any(record["date"] == "2025-07-01" for record in result.records())
    assert len(result.records()) == 5


def test_a_day_without_a_mark_is_no_record(tmp_path):
    pairs = [[(20, None), (20, "D")], [(5, "D"), (6, None)], [(12, "V"), (13, "D")]]
    result = parse_file(_register(tmp_path / "nomark.xlsx", pairs))
    assert result.errors == []
    assert len(result.records()) == 4
    assert ("Nguyễn Văn An", "2025-08-20", "present", "Chi bộ Tổ dân phố số 1") in _by_person(result)


@pytest.mark.parametrize("written", ["5/8", "x", "nt", 45, dt.datetime(1900, 1, 20), "20/07/2024"])
def test_a_day_cell_giving_no_day_of_its_month_is_refused(tmp_path, written):
    pairs = [[(written, "D"), (20, "D")], [(5, "D"), (6, "D")], [(12, "V"), (13, "D")]]
    result = parse_file(_register(tmp_path / "bad.xlsx", pairs))
    assert [(e["row"], e["column"]) for e in result.errors] == [(6, "E")]
    assert len(result.records()) == 5


def test_a_month_whose_day_pairs_with_no_result_refuses_the_file(tmp_path):
    rows = [[TITLE], ["STT", "Họ và tên", "Chi bộ", "Tháng 7", None, "Tháng 8", None],
            [None, None, None, "Ngày", "KQ", "Ngày", "Nội dung"],
            [1, "Nguyễn Văn An", "Chi bộ 1", 5, "D", 6, "Học nghị quyết"],
            [2, "Trần Thị Bình", "Chi bộ 2", 12, "M", 13, "Học nghị quyết"], [], [LEGEND]]
    with pytest.raises(ImportFileError) as raised:
        parse_file(write_sheet(tmp_path / "mixed.xlsx", rows, merges=["D2:E2", "F2:G2"]))
    assert "«Tháng 8» (cột F–G)" in raised.value.message


def test_days_with_topics_are_no_register(tmp_path):
    """'Tháng 7' over 'Ngày | Nội dung' is a plan of meetings, not marks: no attendance is read from it."""
    pairs = [[(5, "Học nghị quyết"), (6, "Tổng kết")], [(3, "Kiểm điểm"), (4, "Bầu cử")],
             [(8, "Học nghị quyết"), (9, "Tổng kết")]]
    path = _register(tmp_path / "plan.xlsx", pairs, result="Nội dung", legend="")
    try:
        result = parse_file(path)
    except ImportFileError:
        return
    assert result.kind != "attendance" or not result.records()


def test_the_pairs_win_over_an_explicit_attendance_kind_and_lose_to_roster(tmp_path):
    path = _register(tmp_path / "pairs.xlsx", PLAIN)
    assert _by_person(parse_file(path, kind="attendance")) == EXPECTED
    assert parse_file(path, kind="roster").kind == "roster"


def test_a_school_year_dates_the_months_after_december_in_the_next_year(tmp_path):
    rows = [["THEO DÕI DỰ SINH HOẠT NĂM HỌC 2024 - 2025"],
            ["STT", "Họ và tên", "Chi bộ", "Tháng 12", None, "Tháng 1", None],
            [None, None, None, "Ngày", "KQ", "Ngày", "KQ"],
            [1, "Nguyễn Văn An", "Chi bộ 1", 5, "D", 6, "VP"], [2, "Trần Thị Bình", "Chi bộ 2", 12, "M", 13, "D"],
            [], [LEGEND]]
    result = parse_file(write_sheet(tmp_path / "school.xlsx", rows, merges=["D2:E2", "F2:G2"]))
    assert [record["date"] for record in result.records()] == ["2024-12-05", "2025-01-06", "2024-12-12", "2025-01-13"]
    assert result.errors == [] and result.warnings == []
