"""Roles stated in a roster's notes column ("Ghi chú": "Trưởng đoàn", "Phó đoàn", "P. Trưởng đoàn", "Trưởng đoàn; đi
học đến 12/2025") when the roster has no role column, alone or beside heads set in bold; the other notes ("Bổ sung
tháng 8/2025", "Kiêm Tổ trưởng tổ dân phố 6", "Trưởng ban công tác Mặt trận TDP 3") say nothing of the role. A note
speaking of a role unclearly is warned at its cell, and notes beside a role column that say another role are
warned, never dropped unsaid."""

import pytest
from openpyxl.styles import Font
from sheet_files import write_sheet

from importers import parse_file
from importers.role_words import note_role

TITLE = [["ĐẢNG ỦY PHƯỜNG AN HÒA"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"]]
HEADER = ["STT", "Họ và tên", "Chức vụ", "Đoàn số", "Ghi chú"]
PEOPLE = [
    ("Nguyễn Văn An", "Phó Chủ tịch UBND phường", 1, "Trưởng đoàn; đi học đến 12/2025"),
    ("Trần Thị Bình", "Chủ tịch MTTQ phường", 1, "P. Trưởng đoàn"),
    ("Lê Văn Cường", "Công chức Văn hóa - Xã hội", 1, "Kiêm Tổ trưởng tổ dân phố 6"),
    ("Phạm Thị Dung", "Chuyên viên Văn phòng", 1, None),
    ("Hoàng Văn Em", "Chủ tịch UBND phường", 2, "Trưởng Đoàn"),
    ("Đỗ Thị Giang", "Bí thư Đoàn phường", 2, "Phó đoàn"),
    ("Vũ Văn Hải", "Công chức Tư pháp", 2, "Trưởng ban công tác Mặt trận TDP 3"),
    ("Bùi Thị Lan", "Chuyên viên Ban Xây dựng Đảng", 2, "Bổ sung tháng 8/2025"),
]


def _rows(people, header=HEADER, note=None):
    rows = TITLE + ([[note]] if note else []) + [[]] + [list(header)]
    return rows + [[n, *person] for n, person in enumerate(people, 1)]


def _roles(result):
    return [(record["full_name"], record["role"]) for record in result.records()]


def _messages(result):
    return [w["message"] for w in result.warnings]


def test_roles_stated_in_the_notes_column(tmp_path):
    result = parse_file(write_sheet(tmp_path / "r.xlsx", _rows(PEOPLE)))
    assert _roles(result) == [
        ("Nguyễn Văn An", "head"), ("Trần Thị Bình", "deputy"), ("Lê Văn Cường", "member"), ("Phạm Thị Dung", "member"),
        ("Hoàng Văn Em", "head"), ("Đỗ Thị Giang", "deputy"), ("Vũ Văn Hải", "member"), ("Bùi Thị Lan", "member")]
    assert result.errors == []
    assert not any("không ai được đọc là trưởng đoàn" in m for m in _messages(result))
    said = [item for item in result.inferences if item["what"] == "Nhiệm vụ trong đoàn"]
    assert said and said[0]["value"] == "2 trưởng đoàn, 2 phó trưởng đoàn"
    assert "E5 «Trưởng đoàn; đi học đến 12/2025»" in said[0]["source"]


def test_heads_in_bold_and_deputies_in_the_notes(tmp_path):
    heads = ("Trưởng đoàn; đi học đến 12/2025", "Trưởng Đoàn")  # the heads are set in bold instead
    people = [(name, position, group, None if note in heads else note) for name, position, group, note in PEOPLE]
    rows = _rows(people, note="Ghi chú: Đồng chí có tên in đậm là Trưởng đoàn; Phó đoàn được ghi ở cột \"Ghi chú\"; "
                              "các đồng chí còn lại là thành viên.")
    bold = {"font": Font(bold=True)}
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows, styles={"B8": bold, "B12": bold}))
    assert _roles(result) == [
        ("Nguyễn Văn An", "member"), ("Trần Thị Bình", "deputy"), ("Lê Văn Cường", "head"), ("Phạm Thị Dung", "member"),
        ("Hoàng Văn Em", "member"), ("Đỗ Thị Giang", "deputy"), ("Vũ Văn Hải", "head"), ("Bùi Thị Lan", "member")]
    assert result.errors == []


def test_a_note_and_a_format_saying_two_roles_refuse_the_row(tmp_path):
    rows = _rows(PEOPLE, note="Ghi chú: Đồng chí có tên in đậm là Trưởng đoàn")
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows, styles={"B7": {"font": Font(bold=True)}}))
    assert "Trần Thị Bình" not in [name for name, _ in _roles(result)]
    assert [(e["row"], e["column"]) for e in result.errors] == [(7, "B")]
    assert "E7" in result.errors[0]["message"]


def test_an_unclear_note_is_warned_at_its_cell(tmp_path):
    people = [*PEOPLE[:3], ("Phạm Thị Dung", "Chuyên viên Văn phòng", 1, "Nguyên Trưởng đoàn"), *PEOPLE[4:]]
    result = parse_file(write_sheet(tmp_path / "r.xlsx", _rows(people)))
    assert dict(_roles(result))["Phạm Thị Dung"] == "member"
    assert dict(_roles(result))["Nguyễn Văn An"] == "head"
    warned = [w for w in result.warnings if w["field"] == "role" and w["row"] == 8]
    assert warned and warned[0]["column"] == "E" and "Nguyên Trưởng đoàn" in warned[0]["message"]


def test_notes_beside_a_role_column_saying_another_role_are_warned(tmp_path):
    header = ["STT", "Họ và tên", "Chức vụ", "Đoàn số", "Nhiệm vụ", "Ghi chú"]
    people = [(name, position, group, "Thành viên" if n not in (0, 4) else "Trưởng đoàn", note)
              for n, (name, position, group, note) in enumerate(PEOPLE)]
    result = parse_file(write_sheet(tmp_path / "r.xlsx", _rows(people, header=header)))
    assert dict(_roles(result))["Trần Thị Bình"] == "member"  # the role column stands
    warned = [m for m in _messages(result) if "ghi nhiệm vụ khác" in m]
    assert len(warned) == 1 and "F6 «P. Trưởng đoàn»" in warned[0] and "F10 «Phó đoàn»" in warned[0]
    assert "F5" not in warned[0] and "F9" not in warned[0]


@pytest.mark.parametrize(("text", "read"), [
    ("Trưởng đoàn", ("head", False)),
    ("Trưởng Đoàn", ("head", False)),
    ("Trưởng đoàn; đi học đến 12/2025", ("head", False)),
    ("Phó đoàn", ("deputy", False)),
    ("Phó Trưởng đoàn", ("deputy", False)),
    ("P. Trưởng đoàn", ("deputy", False)),
    ("PTĐ", ("deputy", False)),
    ("Thành viên", ("member", False)),
    ("Bổ sung tháng 8/2025", (None, False)),
    ("Nguyên cán bộ phường Phú Cát", (None, False)),
    ("Kiêm Tổ trưởng tổ dân phố 6", (None, False)),
    ("Trưởng ban công tác Mặt trận TDP 3", (None, False)),
    ("SĐT cũ: 0769647185", (None, False)),
    ("Bí thư Đoàn phường", (None, False)),
    ("Nguyên Trưởng đoàn", (None, True)),
    ("Tổ trưởng", (None, True)),
    ("Phó đoàn; nguyên Trưởng đoàn", (None, True)),
])
def test_note_role_wordings(text, read):
    assert note_role(text) == read
