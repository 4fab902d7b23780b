"""#24: a member excused from cell meetings (miễn sinh hoạt) is its own status, read from "MS", "miễn", "miễn SH",
"miễn sinh hoạt", from a reason cell saying so, and from whatever mark the file's legend defines as such; a reason
that merely mentions "miền" stays what it was."""
import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.legends import meaning_to_status, parse_legend
from importers.normalising import marks_table
from importers.overrides import from_dict
from importers.status_phrases import read_status, status_of_reason

MARKS = marks_table(None)


@pytest.mark.parametrize("value", ["MS", "ms", "Ms", "miễn", "Miễn", "miễn SH", "Miễn SH", "miễn sinh hoạt",
                                   "Miễn sinh hoạt", "MIỄN SINH HOẠT", "Vắng (miễn sinh hoạt)", "Được miễn"])
def test_exempt_wordings_and_the_ms_mark(value):
    reading = read_status(value, MARKS)
    assert (reading.status, reading.problem) == ("exempt", None)


@pytest.mark.parametrize("value, status", [("Vắng (đi công tác miền Nam)", "excused"), ("M", "late"),
                                           ("P", "excused"), ("K", "absent")])
def test_neighbouring_marks_and_words_keep_their_status(value, status):
    assert read_status(value, MARKS).status == status


def test_a_legend_defines_its_own_exempt_mark():
    legend = parse_legend("Ghi chú: x - có mặt; P - vắng có phép; K - vắng không phép; Đ - được miễn; M: miễn")
    assert legend == {"x": "present", "p": "excused", "k": "absent", "đ": "exempt", "m": "exempt"}
    assert read_status("Đ", marks_table(legend)).status == "exempt"
    assert read_status("M", marks_table(legend)).status == "exempt"  # the legend wins over "M" for late
    assert meaning_to_status("công tác miền Trung") is None


def test_a_reason_saying_exempt_completes_a_no_answer():
    assert status_of_reason("Miễn sinh hoạt (tuổi cao)") == "exempt"
    assert status_of_reason("MS") == "exempt"
    assert status_of_reason("Đi công tác miền Nam") == "excused"
    assert status_of_reason("Không có lý do") == "absent"


def test_the_rescue_form_may_give_a_mark_the_exempt_status():
    assert from_dict({"legend": {"Đ": "exempt"}}).legend == {"đ": "exempt"}


def _save(tmp_path, rows, name="register.xlsx"):
    return write_sheet(tmp_path / name, rows)


def test_a_month_register_reads_ms_and_the_legends_mark_without_a_warning(tmp_path):
    path = _save(tmp_path, [
        ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
        ["STT", "Họ và tên", "Tháng 1", "Tháng 2", "Tháng 3"],
        [1, "Lê Văn An", "x", "MS", "x"],
        [2, "Trần Thị Bình", "Đ", "P", "K"],
        [3, "Phạm Văn Cường", "miễn SH", "x", "M"],
        [],
        ["Ghi chú: x - có mặt; M - đi muộn; P - vắng có phép; K - vắng không phép; MS - miễn sinh hoạt; Đ - được miễn"],
    ])
    result = parse_file(path)
    assert result.errors == []
    statuses = {(r["full_name"], r["date"][:7]): r["status"] for r in result.records()}
    assert statuses == {
        ("Lê Văn An", "2025-01"): "present", ("Lê Văn An", "2025-02"): "exempt", ("Lê Văn An", "2025-03"): "present",
        ("Trần Thị Bình", "2025-01"): "exempt", ("Trần Thị Bình", "2025-02"): "excused",
        ("Trần Thị Bình", "2025-03"): "absent", ("Phạm Văn Cường", "2025-01"): "exempt",
        ("Phạm Văn Cường", "2025-02"): "present", ("Phạm Văn Cường", "2025-03"): "late"}
    assert not [w for w in result.warnings if w["field"] == "status"]


def test_an_ms_mark_the_legend_leaves_out_is_read_with_a_warning_in_words(tmp_path):
    path = _save(tmp_path, [
        ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
        ["STT", "Họ và tên", "Tháng 1", "Tháng 2"],
        [1, "Lê Văn An", "x", "MS"],
        [2, "Trần Thị Bình", "P", "x"],
        [],
        ["Ghi chú: x - có mặt; P - vắng có phép"],
    ])
    result = parse_file(path)
    assert [r["status"] for r in result.records() if r["full_name"] == "Lê Văn An"] == ["present", "exempt"]
    assert any("«MS» (1 ô) là miễn sinh hoạt" in w["message"] for w in result.warnings if w["field"] == "status")


def test_a_long_register_reads_exempt_words_and_reasons(tmp_path):
    path = _save(tmp_path, [
        ["Ngày sinh hoạt", "Họ tên", "Dự họp", "Lý do"],
        [dt.date(2025, 1, 6), "Lê Văn An", "Có", None],
        [dt.date(2025, 1, 6), "Trần Thị Bình", "Miễn sinh hoạt", None],
        [dt.date(2025, 1, 6), "Phạm Văn Cường", "Không", "Miễn sinh hoạt (tuổi cao)"],
        [dt.date(2025, 1, 6), "Đỗ Thị Dung", "Không", "Ốm"],
    ])
    result = parse_file(path)
    assert result.errors == []
    assert [(r["full_name"], r["status"]) for r in result.records()] == [
        ("Lê Văn An", "present"), ("Trần Thị Bình", "exempt"), ("Phạm Văn Cường", "exempt"),
        ("Đỗ Thị Dung", "excused")]


@pytest.mark.parametrize("legend", ["Ghi chú: x - có mặt; MS, Đ - miễn sinh hoạt; K - vắng không phép",
                                    "Ký hiệu: x: có mặt, MS, Đ: miễn sinh hoạt, K: vắng không phép"])
def test_two_marks_listed_for_one_meaning_both_read(legend):
    assert parse_legend(legend) == {"x": "present", "ms": "exempt", "đ": "exempt", "k": "absent"}


def test_a_bare_mark_before_a_meaning_first_item_is_not_given_its_meaning():
    assert parse_legend("Ghi chú: Q, Có mặt: X; Vắng: V") == {"x": "present", "v": "absent"}
