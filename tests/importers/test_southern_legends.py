"""Southern wordings: a legend whose last pair ends a sentence before a rule on blank cells ("T đến trễ. Ô để
trống: …"), late written 'trễ' ('T'), 'nghỉ có phép' / 'nghỉ không phép', 'hiện diện'."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.legends import meaning_to_status, parse_legend

PEOPLE = ["Trần Thanh Cường", "Đỗ Ngọc Thịnh", "Tạ Trọng Đạt"]


@pytest.mark.parametrize("late", ["đến trễ", "đi trễ", "trễ", "vào trễ", "đi họp trễ"])
def test_a_pair_ending_a_sentence_is_read(late):
    legend = f"Ký hiệu: ✔ có mặt; P vắng có phép; O vắng không phép; T {late}. Ô để trống: không thuộc chi bộ."
    assert parse_legend(legend) == {"✔": "present", "p": "excused", "o": "absent", "t": "late"}


def test_a_short_abbreviation_with_a_full_stop_ends_no_item():
    assert parse_legend("Ghi chú: X - có mặt; V - vắng (P. Phú Hòa cũ ghi khác); M - đến muộn") == {
        "x": "present", "v": "absent", "m": "late"}


@pytest.mark.parametrize(("meaning", "status"), [
    ("nghỉ có phép", "excused"), ("nghỉ không phép", "absent"), ("vắng ko phép", "absent"),
    ("hiện diện", "present"), ("không hiện diện", "absent"), ("đến trễ", "late"),
])
def test_southern_meanings(meaning, status):
    assert meaning_to_status(meaning) == status


@pytest.mark.parametrize("legend", [
    "Ký hiệu: ✔ có mặt; P nghỉ có phép; O nghỉ không phép; T đến trễ. Ô để trống: chưa chuyển về.",
    "Ghi chú: ✔ = hiện diện, P = vắng có phép, O = vắng không phép, T = đi trễ.",
])
def test_a_register_marking_late_with_t(tmp_path, legend):
    rows = [["SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ 6 THÁNG CUỐI NĂM 2025"], [],
            ["STT", "Họ và tên", "Chi bộ", "T7", "T8", "T9"],
            [1, PEOPLE[0], "Chi bộ Khu phố 1", "✔", "T", "P"],
            [2, PEOPLE[1], "Chi bộ Khu phố 1", "T", "O", "✔"],
            [3, PEOPLE[2], "Chi bộ Khu phố 1", "✔", "✔", "T"], [], [legend]]
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows))
    assert result.errors == []
    late = sorted((r["full_name"], r["date"]) for r in result.records() if r["status"] == "late")
    assert late == sorted([(PEOPLE[0], "2025-08-01"), (PEOPLE[1], "2025-07-01"), (PEOPLE[2], "2025-09-01")])
