"""A roster's group of several people none of whom is read as its head is warned: every working group has a head,
so roles given some way the reader does not know (a cell's colour, bold type, a note) must never all fall to
'member' without a word. A role column that says 'Thành viên' for everyone is the file's own word."""

import pytest
from sheet_files import write_sheet

from importers import parse_file

PEOPLE = [("Nguyễn Văn An", "Phó Bí thư"), ("Trần Thị Bình", "Chủ tịch MTTQ"), ("Lê Văn Cường", "Phó Chủ tịch UBND")]


def _roster(tmp_path, header, cells, notes=()):
    rows = [["ĐẢNG ỦY PHƯỜNG NINH KIỀU"], ["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 2"], [], header]
    rows += [[n, name, position, *extra] for n, ((name, position), extra) in enumerate(zip(PEOPLE, cells), 1)]
    return parse_file(write_sheet(tmp_path / "f.xlsx", rows + [[]] + [[note] for note in notes]))


def _headless(result):
    return [w for w in result.warnings if "không ai được đọc là trưởng đoàn" in w["message"]]


@pytest.mark.parametrize("note", ["Ghi chú: ô tô màu vàng là Trưởng đoàn, màu xanh là Phó Trưởng đoàn.",
                                  "(Đồng chí in đậm là Trưởng đoàn)", None])
def test_a_group_with_no_head_read_is_warned(tmp_path, note):
    result = _roster(tmp_path, ["STT", "Họ và tên", "Chức vụ", "Điện thoại"],
                     [["0912345678"], ["0912345679"], ["0912345670"]], [note] if note else [])
    assert [r["role"] for r in result.records()] == ["member"] * 3
    warned = _headless(result)
    assert len(warned) == 1 and "«Đoàn công tác số 2»: 3 người" in warned[0]["message"]
    assert warned[0]["field"] == "role"


def test_a_group_whose_head_is_read_is_not_warned(tmp_path):
    result = _roster(tmp_path, ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ"],
                     [["Trưởng đoàn"], ["Thành viên"], ["Thành viên"]])
    assert [r["role"] for r in result.records()] == ["head", "member", "member"]
    assert _headless(result) == []


def test_a_role_column_saying_member_for_everyone_is_the_files_word(tmp_path):
    result = _roster(tmp_path, ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ"],
                     [["Thành viên"], ["Thành viên"], ["Thành viên"]])
    assert _headless(result) == []


def test_each_headless_group_is_named(tmp_path):
    rows = [["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [], ["STT", "Họ và tên", "Chức vụ", "Đoàn"],
            [1, "Nguyễn Văn An", "Phó Bí thư", "Đoàn 1"], [2, "Trần Thị Bình", "Chủ tịch MTTQ", "Đoàn 1"],
            [3, "Lê Văn Cường", "Phó Chủ tịch UBND", "Đoàn 2"], [4, "Phạm Thị Dung", "Chuyên viên", "Đoàn 2"]]
    warned = _headless(parse_file(write_sheet(tmp_path / "f.xlsx", rows)))
    assert sorted(w["message"][:22] for w in warned) == ["«Đoàn công tác số 1»: ", "«Đoàn công tác số 2»: "]
