"""Register and header families read by rule: legends in many wordings, status words, meeting dates as column
headers, a status given by an 'x' in one of several columns, a field split over sub-columns, a sheet in a legacy
font whose ambiguous cells decode with the rest."""
import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.legacy import unicode_to_tcvn3
from importers.legends import meaning_to_status, parse_legend, read_mark
from importers.normalising import marks_table


@pytest.mark.parametrize("legend, expected", [
    ("Ghi chú: x - có mặt; P - vắng có phép; K - vắng không phép; M - đi muộn",
     {"x": "present", "p": "excused", "k": "absent", "m": "late"}),
    ("Ghi chú: (+) có mặt; (V) vắng có lý do; (-) vắng không lý do; (M) đến muộn",
     {"+": "present", "v": "excused", "-": "absent", "m": "late"}),
    ("Ký hiệu: X: có mặt, P: vắng có phép, V: vắng không phép", {"x": "present", "p": "excused", "v": "absent"}),
    ("Chú thích: Có mặt: ✓; Vắng có phép: CP; Vắng không phép: KP", {"✓": "present", "cp": "excused", "kp": "absent"}),
    ("Quy ước:   1 = có mặt   0 = vắng   T = đi trễ", {"1": "present", "0": "absent", "t": "late"}),
    ("Ghi chú: [x] tham dự; [n] nghỉ có phép", {"x": "present", "n": "excused"}),
])
def test_legends_in_many_wordings(legend, expected):
    assert parse_legend(legend) == expected


@pytest.mark.parametrize("word, status", [("có mặt", "present"), ("Có phép", "excused"), ("vắng", "absent"),
                                          ("VẮNG KHÔNG LÝ DO", "absent"), ("đi muộn", "late"), ("Muộn", "late"),
                                          ("nghỉ phép", "excused"), ("tham dự", "present")])
def test_status_words_read_without_a_legend(word, status):
    assert read_mark(word, marks_table(None)) == (status, None)
    assert meaning_to_status(word) == status


def test_an_unknown_short_mark_is_still_a_problem():
    assert read_mark("Q", marks_table(None)) == (None, "ký hiệu điểm danh không rõ")


def _save(tmp_path, rows, name="f.xlsx"):
    return write_sheet(tmp_path / name, rows)


def test_meeting_dates_as_column_headers(tmp_path):
    days = [dt.datetime(2025, 1, 7), dt.datetime(2025, 2, 4), dt.datetime(2025, 3, 11)]
    path = _save(tmp_path, [["BẢNG ĐIỂM DANH"], ["STT", "Họ và tên", "Ngày sinh hoạt"], [None, None, *days],
                            [1, "Lê Văn An", "x", "P", None], [2, "Trần Thị Bình", "x", "x", "M"],
                            ["Ghi chú: x - có mặt; P - vắng có phép; M - đi muộn"]])
    result = parse_file(path)
    assert result.kind == "attendance" and result.header_row == 3
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Lê Văn An", "2025-01-07", "present"), ("Lê Văn An", "2025-02-04", "excused"),
        ("Trần Thị Bình", "2025-01-07", "present"), ("Trần Thị Bình", "2025-02-04", "present"),
        ("Trần Thị Bình", "2025-03-11", "late")]


@pytest.mark.parametrize("present, excused, absent, late", [
    (("Có mặt", None), ("Vắng mặt", "Có lý do"), ("Vắng mặt", "Không lý do"), ("Đi muộn", None)),
    (("Có mặt", None), ("Vắng", "Có phép"), ("Vắng", "Không phép"), ("Muộn", None)),
    (("Tham dự", None), ("Nghỉ", "Có phép"), ("Nghỉ", "Không phép"), ("Đến muộn", None)),
])
def test_a_status_given_by_an_x_in_one_of_several_columns(tmp_path, present, excused, absent, late):
    uppers = [present[0], excused[0], None if absent[0] == excused[0] else absent[0], late[0]]
    lowers = [present[1], excused[1], absent[1], late[1]]
    path = _save(tmp_path, [["SỔ THEO DÕI"], ["STT", "Ngày họp", "Họ và tên", *uppers], [None, None, None, *lowers],
                            [1, "05/01/2025", "Lê Văn An", "x"], [2, "05/01/2025", "Trần Thị Bình", None, "x"],
                            [3, "05/01/2025", "Ngô Văn Cường", None, None, "x"],
                            [4, "05/01/2025", "Đỗ Thị Dung", None, None, None, "X"]])
    result = parse_file(path, kind="attendance")
    assert [r["status"] for r in result.records()] == ["present", "excused", "absent", "late"]
    assert result.header_row == 3 and result.errors == []


def test_a_birth_date_split_over_men_and_women(tmp_path):
    path = _save(tmp_path, [["DANH SÁCH"], ["TT", "Họ và tên", "Năm sinh", None, "Đoàn", "Nhiệm vụ"],
                            [None, None, "Nam", "Nữ", None, None],
                            [1, "Lê Văn An", "12/03/1970", None, "Đoàn công tác số 1", "Trưởng đoàn"],
                            [2, "Trần Thị Bình", None, dt.datetime(1982, 5, 6), "Đoàn công tác số 1", "Thành viên"]])
    result = parse_file(path, kind="roster")
    assert [r["birth_date"] for r in result.records()] == ["1970-03-12", "1982-05-06"]


def test_a_sheet_in_tcvn3_decodes_its_ambiguous_cells_too(tmp_path):
    rows = [[unicode_to_tcvn3("BẢNG THEO DÕI SINH HOẠT CHI BỘ NĂM 2025")],
            ["STT", unicode_to_tcvn3("Họ và tên"), unicode_to_tcvn3("Chi bộ"), "T1", "T2"],
            [1, unicode_to_tcvn3("Nguyễn Văn Hùng"), unicode_to_tcvn3("Chi bộ Tổ 1"), "x", "x"],
            [2, unicode_to_tcvn3("Trần Thị Hương"), unicode_to_tcvn3("Chi bộ Tổ 1"), "x", "P"]]
    result = parse_file(_save(tmp_path, rows), kind="attendance")
    assert {r["unit"] for r in result.records()} == {"Chi bộ Tổ 1"}
    assert [r["full_name"] for r in result.records()][:1] == ["Nguyễn Văn Hùng"]


def test_an_over_long_cell_fails_its_row_with_the_cell_named(tmp_path):
    from importers import Limits

    path = _save(tmp_path, [["DANH SÁCH"], ["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"],
                            [1, "Lê Văn An", "Đoàn công tác số 1", "Trưởng đoàn"],
                            [2, "Tr" + "ầ" * 8000, "Đoàn công tác số 1", "Thành viên"]])
    result = parse_file(path, kind="roster", limits=Limits(max_lengths={"full_name": 160}))
    assert [r["full_name"] for r in result.records()] == ["Lê Văn An"]
    assert any(e["message"] == "Sheet!B4: họ và tên dài 8002 ký tự, tối đa 160" for e in result.errors)
    assert {r["row"]: r["outcome"] for r in result.rows}[4] == "failed"


@pytest.mark.parametrize("legend", [
    "x: có mặt, vp: vắng có phép, vk: vắng không phép, m: đi muộn",
    "x = có mặt, vp = vắng có phép, vk = vắng không phép, m = đi muộn",
    "x - có mặt, vp - vắng có phép, vk - vắng không phép, m - đi muộn",
    "x: có mặt; vp: vắng có phép; vk: vắng không phép; m: đi muộn",
])
def test_a_legend_with_no_legend_word_listing_marks_with_commas_is_read(legend):
    from importers.legends import is_legend_text, parse_legend
    assert is_legend_text(legend)
    assert parse_legend(legend) == {"x": "present", "vp": "excused", "vk": "absent", "m": "late"}


@pytest.mark.parametrize("name", ["Nguyễn Văn An", "Lê Thị Hoa, Trần Văn Bình", "Phạm Văn Tú - Bí thư"])
def test_names_are_not_legends(name):
    from importers.legends import is_legend_text
    assert not is_legend_text(name)
