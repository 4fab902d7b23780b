"""One meeting's quick attendance list (generated): the chi bộ on the first line with its đảng bộ after a dash
(the unit is the chi bộ), the meeting's day stated once on a line about the meeting (every row's date), and
'Có mặt' | 'Vắng' columns holding the legend's marks (each read through the legend, a tick by its column). The
document's place-and-date line is never the meeting's date; two meeting days, or the document's date alone, give no
date (the list is refused as before)."""

import datetime as dt

import pytest
from layouts import quick_meetings
from layouts.writers import write_by_seed

from importers import parse_file
from importers.errors import ImportFileError
from importers.flag_marks import legend_status
from importers.kinds.attendance_records import NO_DATE_COLUMNS
from importers.meeting_lines import meeting_line_dates
from importers.sheet_context import title_date, title_unit
from importers.unit_lines import without_superior

SEEDS = range(40)
FORMATS = ("csv", "xlsx", "ods")


@pytest.mark.parametrize("seed", SEEDS)
def test_quick_lists_of_one_meeting_read_exactly(tmp_path, seed):
    sheet, expected, facts = quick_meetings.quick_list(seed)
    result = parse_file(write_by_seed(tmp_path, "list", sheet, seed, FORMATS))
    assert result.kind == "attendance"
    assert result.records() == expected
    assert result.errors == []
    told = [warning["value"] for warning in result.warnings if warning["field"] == "unit"]
    assert told == ([expected[0]["unit"].upper()] if facts["unit_in_capitals"] else [])  # the casing rule's guess
    assert len(result.warnings) == len(told)


def test_the_generator_covers_every_variation():
    facts = [quick_meetings.quick_list(seed)[2] for seed in SEEDS]
    assert {fact["letterhead"] for fact in facts} == {None, "above", "below"}


@pytest.mark.parametrize("kind", ["two_dates", "letterhead_only"])
@pytest.mark.parametrize("seed", range(8))
def test_an_unsure_meeting_date_is_never_taken(tmp_path, seed, kind):
    sheet = quick_meetings.unsure_list(seed, kind)
    with pytest.raises(ImportFileError) as refused:
        parse_file(write_by_seed(tmp_path, "list", sheet, seed, FORMATS))
    assert refused.value.message == NO_DATE_COLUMNS


@pytest.mark.parametrize("text, days", [
    ("Điểm danh sinh hoạt chi bộ định kỳ tháng 6/2025, thứ Ba ngày 10/6/2025", [dt.date(2025, 6, 10)]),
    ("Danh sách đảng viên dự họp ngày 05 tháng 3 năm 2025", [dt.date(2025, 3, 5)]),
    ("Sinh hoạt chi bộ định kỳ ngày 10.06.2025", [dt.date(2025, 6, 10)]),
    ("DIEM DANH SINH HOAT NGAY 10/6/2025", [dt.date(2025, 6, 10)]),
    ("Nhơn An, ngày 12 tháng 6 năm 2025", []),  # the document's place and date
    ("Nhơn An, ngày 12 tháng 6 năm 2025 - họp chi bộ", []),
    ("Danh sách dự họp (theo Kế hoạch số 12-KH/CB ngày 2/6/2025)", []),  # a document's date
    ("Tổng hợp ngày 5/6/2025", []),  # 'hợp' is no meeting
    ("Điểm danh sinh hoạt chi bộ tháng 6/2025", []),
])
def test_meeting_lines(text, days):
    assert meeting_line_dates(text) == days


def test_a_meeting_line_and_a_labelled_line_must_agree():
    one = [(1, "Điểm danh sinh hoạt chi bộ, ngày 10/6/2025"), (2, "Thời gian: 19h30 ngày 10/6/2025")]
    assert title_date(one).value == "2025-06-10"
    two = [(1, "Điểm danh sinh hoạt chi bộ, ngày 10/6/2025"), (2, "Thời gian: 19h30 ngày 17/6/2025")]
    assert title_date(two) is None


@pytest.mark.parametrize("text, unit", [
    ("Chi bộ thôn Háo Đức - Đảng bộ xã Nhơn An", "Chi bộ thôn Háo Đức"),
    ("Chi bộ Khối 3, Đảng bộ phường Bắc Hồng", "Chi bộ Khối 3"),
    ("Chi bộ Xóm 2 thuộc Đảng bộ xã Cẩm Thành", "Chi bộ Xóm 2"),
    ("CHI BỘ THÔN ĐÔNG – ĐẢNG BỘ XÃ NHƠN AN", "CHI BỘ THÔN ĐÔNG"),
    ("Chi bộ Khu phố 1", "Chi bộ Khu phố 1"),
    ("Đảng bộ xã Nhơn An - Chi bộ thôn Háo Đức", "Đảng bộ xã Nhơn An - Chi bộ thôn Háo Đức"),
])
def test_a_chi_bo_without_its_superior(text, unit):
    assert without_superior(text) == unit


def test_the_first_line_names_the_chi_bo_not_its_superior():
    found = title_unit([(1, "Chi bộ thôn Háo Đức - Đảng bộ xã Nhơn An"), (2, "Điểm danh sinh hoạt chi bộ")])
    assert found.value == "Chi bộ thôn Háo Đức"
    labelled = title_unit([(1, "Đơn vị: Chi bộ Khối 3 - Đảng bộ phường Bắc Hồng")])
    assert labelled.value == "Chi bộ Khối 3"


LEGEND = {"x": "present", "m": "late", "p": "excused", "k": "absent", "v": "absent"}


@pytest.mark.parametrize("value, wording, status", [
    ("M", "Có mặt", "late"), ("P", "Vắng", "excused"), ("k", "Vắng mặt", "absent"), ("x", "Vắng", None),
    ("X", "Có mặt", None), ("v", "Có mặt", "absent"), ("đi khám", "Vắng", None), (None, "Vắng", None),
    ("P", "Có mặt", "excused"),  # the other side: the legend still decides (with a warning)
    ("v", "Vắng có phép", None),  # a column naming its status closely keeps it for a mark of its side
    ("M", "Vắng có phép", "late"),
])
def test_a_legend_mark_decides_a_tick_takes_its_column(value, wording, status):
    assert legend_status(value, LEGEND, wording) == status


def test_a_legend_mark_in_the_other_sides_column_is_read_with_a_warning(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("Chi bộ Khối 3 - Đảng bộ phường Bắc Hồng\n"
                    "Điểm danh sinh hoạt chi bộ ngày 10/6/2025\n"
                    "STT,Họ và tên,Có mặt,Vắng,Ghi chú\n"
                    "1,Lê Văn An,x,,\n2,Trần Thị Bình,P,,\n3,Phạm Văn Cường,,K,\n4,Hồ Thị Dung,,x,\n\n"
                    "Ghi chú: x - có mặt; M - đến muộn; P - vắng có phép; K - vắng không phép\n", encoding="utf-8")
    result = parse_file(path)
    assert [(r["full_name"], r["status"], r["unit"]) for r in result.records()] == [
        ("Lê Văn An", "present", "Chi bộ Khối 3"), ("Trần Thị Bình", "excused", "Chi bộ Khối 3"),
        ("Phạm Văn Cường", "absent", "Chi bộ Khối 3"), ("Hồ Thị Dung", "absent", "Chi bộ Khối 3")]
    assert {r["date"] for r in result.records()} == {"2025-06-10"}
    assert [w["message"] for w in result.warnings] == [
        "Cột C «Có mặt»: «P» ở 1 ô (C5) được đọc theo chú thích ký hiệu (vắng có phép), khác với tên cột «Có mặt», "
        "cần kiểm tra"]
