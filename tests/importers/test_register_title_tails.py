"""A register's title naming its chi bộ after its last dash ("BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ 6 THÁNG ĐẦU NĂM 2025 -
Chi bộ Tổ dân phố số 11") gives every row that unit; one naming several units, or a đảng bộ above the cells, gives
none (and the officer is told)."""
import csv

import pytest

from importers import parse_file
from importers.sheet_context import title_unit

HEADER = ["TT", "Họ và tên", "Tháng 01", "Tháng 02", "Tháng 03", "Ghi chú"]
BODY = [["1", "Nguyễn Văn An", "C", "P", "C", ""], ["2", "Trần Thị Bình", "C", "C", "K", ""],
        ["3", "Lê Văn Cường", "C", "C", "C", ""], ["4", "Phạm Thị Dung", "K", "C", "P", ""]]


def _parse(tmp_path, title):
    path = tmp_path / "diem_danh.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=";").writerows([["ĐẢNG ỦY PHƯỜNG TÂN HƯNG"], [title], [], HEADER, *BODY, [],
                                                  ["Ghi chú: C - có mặt; P - vắng có phép; K - vắng không phép"]])
    return parse_file(path)


@pytest.mark.parametrize("title, unit", [
    ("BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ 6 THÁNG ĐẦU NĂM 2025 - Chi bộ Tổ dân phố số 11", "Chi bộ Tổ dân phố số 11"),
    ("SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025 – CHI BỘ THÔN 3", "Chi bộ Thôn 3"),
    ("Sổ điểm danh sinh hoạt chi bộ năm 2025 - Chi bộ Thôn 3 - Đảng bộ xã An Lạc", "Chi bộ Thôn 3"),
])
def test_a_title_tail_names_the_registers_unit(tmp_path, title, unit):
    result = _parse(tmp_path, title)
    assert result.errors == []
    told = [warning["value"] for warning in result.warnings if warning["field"] == "unit"]
    assert told == (["CHI BỘ THÔN 3"] if title.isupper() else [])  # only in capitals: the spelling read is told
    assert len(result.warnings) == len(told)
    assert {record["unit"] for record in result.records()} == {unit}
    assert len(result.records()) == 12


@pytest.mark.parametrize("title", [
    "BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025 - Đảng bộ phường Tân Hưng",
    "BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025 - Chi bộ Thôn 1 và Chi bộ Thôn 2",
    "BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025 - Chi bộ Thôn 1 và Thôn 2",
])
def test_a_title_tail_naming_no_one_cell_gives_no_unit(tmp_path, title):
    result = _parse(tmp_path, title)
    assert {record["unit"] for record in result.records()} == {None}
    assert any("không bản ghi nào có chi bộ" in warning["message"] for warning in result.warnings)


def test_the_tail_and_an_org_line_naming_another_cell_give_no_unit():
    lines = [(1, "CHI BỘ THÔN 2"), (2, "SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025 - Chi bộ Thôn 3")]
    assert title_unit(lines) is None
    assert title_unit([(2, "Sổ điểm danh sinh hoạt năm 2025 - Chi bộ Phòng Tài nguyên và Môi trường")]).value == \
        "Chi bộ Phòng Tài nguyên và Môi trường"
