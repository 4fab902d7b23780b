"""Legends written with the mark in brackets before a meaning that holds its own commas ("(P) vắng có báo cáo, có
lý do"), and meanings that hold a presence word they deny ("vắng có …", "không dự", "không có mặt")."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.legends import meaning_to_status, parse_legend

LEGEND = "Ký hiệu: (+) dự đầy đủ; (P) vắng có báo cáo, có lý do; (-) không dự, không báo cáo; (M) đến muộn"


def test_bracketed_marks_keep_the_commas_of_their_meanings():
    assert parse_legend(LEGEND) == {"+": "present", "p": "excused", "-": "absent", "m": "late"}
    assert parse_legend("Ký hiệu: (x) có mặt; (P) vắng, có lý do; (K) vắng, không lý do") == {
        "x": "present", "p": "excused", "k": "absent"}
    assert parse_legend("x - có mặt, P - vắng, có lý do, K - vắng") == {"x": "present", "p": "excused", "k": "absent"}


def test_pairs_separated_by_semicolons_stay_apart():
    assert parse_legend("Ghi chú: Dự = có mặt; Vắng CP = vắng có phép; Muộn = đến muộn") == {"dự": "present"}
    assert parse_legend("Có mặt: X, Vắng: V") == {"x": "present", "v": "absent"}


@pytest.mark.parametrize("meaning, status", [
    ("vắng có báo cáo", "excused"), ("vắng có giấy", "excused"), ("không dự, không báo cáo", "absent"),
    ("không tham dự", "absent"), ("không có mặt", "absent"), ("dự đầy đủ", "present"), ("có", "present"),
])
def test_a_denied_presence_is_no_presence(meaning, status):
    assert meaning_to_status(meaning) == status


@pytest.mark.parametrize("meaning", ["chưa có báo cáo", "Chưa báo cáo", "chưa cập nhật", "chưa có số liệu"])
def test_a_meaning_saying_nothing_is_known_yet_is_no_status(meaning):
    """b30: 'ô trống: chưa có báo cáo' read blank cells as excused ('có báo cáo'), or as present ('có')."""
    assert meaning_to_status(meaning) is None


def test_blank_cells_not_reported_yet_give_no_record(tmp_path):
    header = ["TT", "Họ và tên", "T7/2025", "T8/2025", "T9/2025"]
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN 3 NĂM 2025"], [], header,
            [1, "Nguyễn Văn An", "✓", "CP", None], [2, "Trần Thị Bình", "✓", None, "M"], [],
            [None, "Ghi chú: ✓ có mặt; CP vắng có phép; KP vắng không phép; M đến muộn; ô trống: chưa có báo cáo"]]
    result = parse_file(write_sheet(tmp_path / "theo_doi.xlsx", rows))
    assert sorted((r["full_name"], r["date"], r["status"]) for r in result.records()) == [
        ("Nguyễn Văn An", "2025-07-01", "present"), ("Nguyễn Văn An", "2025-08-01", "excused"),
        ("Trần Thị Bình", "2025-07-01", "present"), ("Trần Thị Bình", "2025-09-01", "late")]


def test_a_register_reads_its_bracketed_legend_under_the_table(tmp_path):
    header = ["STT", "Họ và tên", "Đoàn", "Chi bộ được phân công", "Tháng 1/2025", "Tháng 2/2025", "Tháng 3/2025"]
    rows = [["THEO DÕI THÀNH VIÊN ĐOÀN CÔNG TÁC DỰ SINH HOẠT TẠI CHI BỘ ĐƯỢC PHÂN CÔNG"], [], header,
            [1.0, "Nguyễn Văn An", "Đoàn 1", "Chi bộ Tổ dân phố số 2", "+", "P", "M"],
            [2.0, "Trần Thị Bình", "Đoàn 1", "Chi bộ Tổ dân phố số 7", "-", "+", "P"],
            [], [None, LEGEND]]
    result = parse_file(write_sheet(tmp_path / "theo_doi.xlsx", rows))
    assert result.errors == []
    got = {(record["full_name"], record["date"]): record["status"] for record in result.records()}
    assert got == {("Nguyễn Văn An", "2025-01-01"): "present", ("Nguyễn Văn An", "2025-02-01"): "excused",
                   ("Nguyễn Văn An", "2025-03-01"): "late", ("Trần Thị Bình", "2025-01-01"): "absent",
                   ("Trần Thị Bình", "2025-02-01"): "present", ("Trần Thị Bình", "2025-03-01"): "excused"}


@pytest.mark.parametrize("legend", [
    "Ghi chú: Cột Có mặt: x = có mặt, M = đến muộn. Cột Vắng: P = có phép, K = không phép.",
    "Cột Có mặt: x = có mặt; M = đến muộn; Cột Vắng: P = có phép; K = không phép",
])
def test_each_column_of_a_legend_keeps_its_marks_after_the_column_label(legend):
    assert parse_legend(legend) == {"x": "present", "m": "late", "p": "excused", "k": "absent"}
