"""A group heading that names its unit after a dash of any kind ('—', '–', '-') is read for both; one whose other
words no wording reads ('ĐOÀN CÔNG TÁC SỐ 1 / Chi bộ ấp Thới Hòa') keeps its group and says, on that row, which
words were not used: a unit is never dropped without a word."""

import pytest
from sheet_files import write_sheet

from importers import parse_file

HEADER = ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ", "Điện thoại"]


def _roster(tmp_path, heading):
    rows = [["ĐẢNG ỦY XÃ THỚI LAI"], ["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], [], HEADER,
            [heading.format(n=1, unit="Chi bộ ấp Thới Hòa")],
            [1, "Nguyễn Văn An", "Phó Bí thư Đảng ủy", "Trưởng đoàn", "0912345678"],
            [2, "Trần Thị Bình", "Chủ tịch UBMTTQ", "Thành viên", "0912345679"],
            [heading.format(n=2, unit="Chi bộ ấp Thới Lộc")],
            [1, "Lê Văn Cường", "Phó Chủ tịch UBND", "Trưởng đoàn", "0912345670"]]
    return parse_file(write_sheet(tmp_path / "f.xlsx", rows))


@pytest.mark.parametrize("heading", [
    "ĐOÀN CÔNG TÁC SỐ {n} — địa bàn: {unit}",
    "ĐOÀN CÔNG TÁC SỐ {n} — Địa bàn phụ trách: {unit}",
    "ĐOÀN CÔNG TÁC SỐ {n} ― phụ trách {unit}",
    "ĐOÀN CÔNG TÁC SỐ {n} – phụ trách: {unit}",
])
def test_a_unit_after_any_dash_is_the_groups_unit(tmp_path, heading):
    result = _roster(tmp_path, heading)
    assert [(r["group"], r["unit"]) for r in result.records()] == [
        ("Đoàn công tác số 1", "Chi bộ ấp Thới Hòa"), ("Đoàn công tác số 1", "Chi bộ ấp Thới Hòa"),
        ("Đoàn công tác số 2", "Chi bộ ấp Thới Lộc")]
    assert result.errors == [] and result.warnings == []


@pytest.mark.parametrize("heading", [
    "ĐOÀN CÔNG TÁC SỐ {n} / {unit}",
    "ĐOÀN CÔNG TÁC SỐ {n} → {unit}",
    "ĐOÀN CÔNG TÁC SỐ {n}: xuống {unit}",
])
def test_words_after_the_group_that_nothing_reads_are_warned_on_their_row(tmp_path, heading):
    result = _roster(tmp_path, heading)
    assert [r["group"] for r in result.records()] == ["Đoàn công tác số 1"] * 2 + ["Đoàn công tác số 2"]
    unread = [w for w in result.warnings if "chưa dùng" in w["message"] and w["field"] == "group"]
    assert [(w["row"], w["column"]) for w in unread] == [(5, "B"), (8, "B")]
    assert "Chi bộ ấp Thới Hòa" in unread[0]["message"]


@pytest.mark.parametrize("heading", ["ĐOÀN CÔNG TÁC SỐ {n} (3 đồng chí)", "ĐOÀN CÔNG TÁC SỐ {n}, gồm các đồng chí:",
                                     "{n}. ĐOÀN CÔNG TÁC SỐ {n}"])
def test_a_head_count_after_the_group_is_no_unread_text(tmp_path, heading):
    assert _roster(tmp_path, heading).warnings == []


def test_a_second_cell_beside_the_heading_that_nothing_reads_is_warned(tmp_path):
    rows = [["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], [], HEADER,
            ["ĐOÀN CÔNG TÁC SỐ 1", None, "Ấp Thới Hòa, ấp Thới Lộc"],
            [1, "Nguyễn Văn An", "Phó Bí thư Đảng ủy", "Trưởng đoàn", "0912345678"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert any("Ấp Thới Hòa, ấp Thới Lộc" in w["message"] and w["row"] == 4 for w in result.warnings)
