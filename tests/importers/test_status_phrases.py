"""Attendance statuses written as phrases and yes/no answers (importers.status_phrases)."""
import pytest

from importers.legends import parse_legend
from importers.normalising import marks_table
from importers.status_phrases import (
    find_notes,
    is_flag_column,
    is_reason_header,
    notes_explain_reasons,
    read_status,
    status_of_reason,
)

MARKS = marks_table(None)


@pytest.mark.parametrize("value, status", [
    ("Có mặt", "present"), ("CÓ MẶT", "present"), ("Dự", "present"), ("Tham dự", "present"), ("có", "present"),
    ("Vắng có phép", "excused"), ("vắng có lý do", "excused"), ("Vắng (ốm)", "excused"),
    ("Vắng (đi công tác)", "excused"), ("Vắng - việc gia đình", "excused"), ("Vắng do ốm", "excused"),
    ("Nghỉ phép", "excused"), ("Vắng phép", "excused"), ("Vắng không phép", "absent"), ("Vắng không lý do", "absent"),
    ("vắng (không lý do)", "absent"), ("Vắng", "absent"), ("Đến muộn 15 phút", "late"), ("đi muộn", "late"),
    ("Đi trễ 10'", "late"), ("KP", "absent"), ("cp", "excused"), ("X", "present"), ("Nghỉ ốm", "excused"),
    ("Vắng đi học", "excused"), ("Có mặt (muộn 10 phút)", "late"), ("√", "present"), ("VCP", "excused"),
    ("vkp", "absent"),
])
def test_phrases_and_marks_in_any_case(value, status):
    reading = read_status(value, MARKS)
    assert (reading.status, reading.problem) == (status, None)


def test_a_reason_in_the_cell_is_marked_as_such():
    assert read_status("Vắng (ốm)", MARKS).answer == "reason"
    assert read_status("Vắng có phép", MARKS).answer is None


@pytest.mark.parametrize("value", ["Không", "không", "KO", "Không dự"])
def test_a_no_answer_is_absent_until_a_reason_says_otherwise(value):
    reading = read_status(value, MARKS)
    assert (reading.status, reading.answer) == ("absent", "no")


def test_more_words_after_present_are_a_doubt():
    reading = read_status("Có mặt đúng giờ", MARKS)
    assert reading.status == "present" and "ghi thêm" in reading.doubt


def test_leaving_early_is_late_with_a_doubt():
    reading = read_status("Về sớm", MARKS)
    assert reading.status == "late" and "về sớm" in reading.doubt


@pytest.mark.parametrize("value", ["Q", "Đi họp huyện", "??", "nghỉ", "Mặt"])
def test_a_value_not_understood_is_a_problem_never_a_status(value):
    reading = read_status(value, MARKS)
    assert reading.status is None and "ký hiệu điểm danh không rõ" in reading.problem


def test_the_files_legend_wins_over_the_phrases():
    legend = marks_table({"v": "excused", "có": "late"})
    assert read_status("V", legend).status == "excused"
    assert read_status("Có", legend).status == "late"


@pytest.mark.parametrize("reason, status", [("Nằm viện", "excused"), ("", "absent"), (None, "absent"),
                                            ("không phép", "absent"), ("Không có lý do", "absent")])
def test_a_reason_completes_a_no_answer(reason, status):
    assert status_of_reason(reason) == status


def test_flag_columns_hold_short_ticks_not_answers_or_reasons():
    assert is_flag_column(["x", "", "X", None])
    assert is_flag_column(["x"] * 12 + ["T/M CHI ỦY"])
    assert not is_flag_column(["Có", "Không", "Có"])
    assert not is_flag_column(["", "Nằm viện", "Đi công tác"])
    assert not is_flag_column(["", None])


def test_reason_headers_and_notes():
    assert is_reason_header("Lý do vắng") and is_reason_header("Nguyên nhân vắng") and not is_reason_header("Chi bộ")
    rows = [["BẢNG"], ["Họ tên", "Có mặt"], ["A", "Có"], ["Ghi chú: vắng không ghi lý do là vắng không phép", ""]]
    notes = find_notes(rows)
    assert notes == ["Ghi chú: vắng không ghi lý do là vắng không phép"]
    assert notes_explain_reasons(notes) and not notes_explain_reasons(["Ghi chú: số liệu đến 31/12"])
    assert notes_explain_reasons(["Ghi chú: vắng có lý do thì ghi lý do trong ngoặc đơn."])
    assert not notes_explain_reasons(["Ghi chú: x - có mặt; P - vắng có lý do; K - vắng không phép"])


@pytest.mark.parametrize("legend, expected", [
    ("Ký hiệu: ● có mặt   ○ vắng có lý do   ✗ vắng không lý do", {"●": "present", "○": "excused", "✗": "absent"}),
    ("Ghi chú: x  -   có mặt; P - vắng có phép", {"x": "present", "p": "excused"}),
])
def test_legend_gaps_separate_items_or_are_typing(legend, expected):
    assert parse_legend(legend) == expected


@pytest.mark.parametrize("value, status", [
    ("Vắng KP", "absent"), ("vắng cp", "excused"), ("Vắng CP", "excused"), ("vắng  C.P", "excused"),
    ("VẮNG K.P", "absent"), ("Nghỉ KP", "absent"), ("vắng kld", "absent"),
])
def test_vang_followed_by_its_abbreviation_in_any_case_or_spacing(value, status):
    assert (read_status(value, {}).status, read_status(value, {}).problem) == (status, None)


def test_vang_followed_by_an_unknown_abbreviation_is_not_guessed():
    assert read_status("Vắng XZ", {}).problem is not None
