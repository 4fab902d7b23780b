"""A legend meaning that states why a person was away ("CT - vắng do đi công tác, tuần tra kiểm soát (có phép)",
"Ô - vắng vì ốm") is an excused absence, its qualifier in brackets kept with it; one that says nobody was told
("vắng vì không báo", "vắng do tự ý bỏ về") stays an absence, and a bare "vắng" too."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.legends import legend_items, meaning_to_status

NAMES = ["Mạc Thị Thu Hạnh", "Đỗ Văn Hùng", "Cao Trọng Tiến", "Bùi Quang Tùng", "Tạ Đức Bình"]


@pytest.mark.parametrize("meaning, status", [
    ("vắng do đi công tác", "excused"),
    ("vắng do đi công tác, tuần tra kiểm soát (có phép)", "excused"),
    ("vắng vì ốm", "excused"),
    ("nghỉ do ốm đau", "excused"),
    ("vắng vì không báo", "absent"),
    ("vắng do tự ý bỏ về", "absent"),
    ("vắng không lý do", "absent"),
    ("vắng", "absent"),
])
def test_a_stated_reason_excuses_and_a_missing_one_does_not(meaning, status):
    assert meaning_to_status(meaning) == status


def test_a_meaning_going_on_past_a_comma_keeps_its_closing_qualifier():
    items = legend_items("Ký hiệu: x - có mặt; CT - vắng do đi công tác, tuần tra kiểm soát (có phép); K - vắng "
                         "không phép.")
    assert items == ["x - có mặt", "CT - vắng do đi công tác, tuần tra kiểm soát (có phép)", "K - vắng không phép."]


def test_a_bracketed_legend_after_a_comma_is_still_an_item_of_its_own():
    assert legend_items("Ghi chú: x - có mặt, (P) vắng có phép") == ["x - có mặt", "(P) vắng có phép"]


def test_a_transposed_register_reads_a_reason_mark_as_excused(tmp_path):
    rows = [["ĐẢNG ỦY ĐỒN BIÊN PHÒNG"], ["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"],
            ["Đơn vị: Chi bộ Trạm Kiểm soát Biên phòng"], [],
            ["Tháng", "Ngày sinh hoạt", *NAMES, "Số có mặt"],
            ["T1", "03/01/2025", "x", "CT", "K", "x", "x", 3], ["T2", "03/02/2025", "CT", "x", "x", "x", "x", 4],
            ["T3", "03/03/2025", "x", "x", "x", "CT", "x", 4], [],
            ["Ký hiệu: x - có mặt; CT - vắng do đi công tác, tuần tra kiểm soát (có phép); K - vắng không phép."]]
    result = parse_file(write_sheet(tmp_path / "t.xlsx", rows), kind="attendance")
    statuses = {(r["full_name"], r["date"]): r["status"] for r in result.records()}
    assert statuses[(NAMES[1], "2025-01-03")] == "excused"
    assert statuses[(NAMES[0], "2025-02-03")] == "excused"
    assert statuses[(NAMES[2], "2025-01-03")] == "absent"
    assert statuses[(NAMES[0], "2025-01-03")] == "present"
