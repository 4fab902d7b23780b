"""A catalogue of each group's unit under a roster with no header row of its own, only a caption saying what it
lists ("ĐỊA BÀN PHỤ TRÁCH CỦA CÁC ĐOÀN", then "Đoàn 1 | Chi bộ Khu vực 1"): its lines give the groups their
units and are never read as people (b54_04)."""
from sheet_files import write_sheet

from importers import parse_file

PEOPLE = [
    [1, "Cao Thị Nga", "20/06/1984", "Đoàn 1", "Trưởng đoàn"],
    [2, "Thạch Chanh Đa", "27/05/1995", None, "Thành viên"],
    [3, "Phạm Thị Mai", "23/03/1985", "Đoàn 2", "Trưởng đoàn"],
    [4, "Lưu Trung Dũng", "12/06/1975", None, "Thành viên"],
]
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Đoàn", "Nhiệm vụ"]


def _roster(tmp_path, below):
    rows = [["ĐẢNG ỦY PHƯỜNG TÂN AN"], ["PHÂN CÔNG ĐOÀN CÔNG TÁC"], [], HEADER, *PEOPLE, [], *below]
    return parse_file(write_sheet(tmp_path / "roster.xlsx", rows, merges=["D5:D6", "D7:D8"]))


def test_captioned_lines_give_each_group_its_unit(tmp_path):
    result = _roster(tmp_path, [[None, "ĐỊA BÀN PHỤ TRÁCH CỦA CÁC ĐOÀN"], [None, "Đoàn 1", "Chi bộ Khu vực 1"],
                                [None, "Đoàn 2", "Chi bộ Khu vực 6"]])
    assert result.errors == []
    assert [(r["full_name"], r["group"], r["unit"]) for r in result.records()] == [
        ("Cao Thị Nga", "Đoàn công tác số 1", "Chi bộ Khu vực 1"),
        ("Thạch Chanh Đa", "Đoàn công tác số 1", "Chi bộ Khu vực 1"),
        ("Phạm Thị Mai", "Đoàn công tác số 2", "Chi bộ Khu vực 6"),
        ("Lưu Trung Dũng", "Đoàn công tác số 2", "Chi bộ Khu vực 6")]
    reasons = {row["row"]: row["reason"] for row in result.rows}
    assert all("địa bàn" in reasons[row] for row in (10, 11, 12))


def test_lines_naming_no_party_organisation_are_no_catalogue(tmp_path):
    result = _roster(tmp_path, [[None, "ĐỊA BÀN PHỤ TRÁCH CỦA CÁC ĐOÀN"], [None, "Đoàn 1", "Khu vực 1"],
                                [None, "Đoàn 2", "Khu vực 6"]])
    assert {r["unit"] for r in result.records()} == {None}


def test_a_caption_naming_something_else_is_no_catalogue(tmp_path):
    result = _roster(tmp_path, [[None, "Ghi chú: danh sách gửi kèm"], [None, "Đoàn 1", "Chi bộ Khu vực 1"]])
    assert {r["unit"] for r in result.records() if r["group"] == "Đoàn công tác số 2"} == {None}
