"""A group's sub-header row that goes on with what the group covers ("ĐOÀN 1 - CỤM KHU DÂN CƯ PHÍA ĐÔNG", "Đoàn số 2:
Cụm cơ quan, trường học", "Đoàn 4 (khối doanh nghiệp)") names that group for the rows below it; the description is
no unit. An area in words is said no more; other words after the group, which may be a unit, are warned on their row.
A position, a title, a youth-union line or a note mentioning "Đoàn" never becomes a group's title."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.context import read_context, unread_rest

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ", "Chi bộ theo dõi", "Số điện thoại"]


def _person(number, name, position="Chuyên viên", role="Thành viên", unit="Chi bộ Khu 1"):
    return [number, name, "1980-01-01", position, role, unit, f"09123456{number:02d}"]


def _roster(tmp_path, first, second, *, between=None, notes=()):
    """Two groups under their titles `first` and `second`, `between` a row among the first group's people."""
    rows = [["ĐẢNG BỘ PHƯỜNG KHE TAM"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [], HEADER, [first],
            _person(1, "Nguyễn Quang Thắng", "Bí thư Đảng ủy phường", "Trưởng đoàn"),
            *([between] if between else []),
            _person(2, "Vũ Văn Tùng"), [second],
            _person(1, "Tạ Văn Toàn", "Phó Bí thư Thường trực", "Trưởng đoàn", "Chi bộ Khu 5"),
            _person(2, "Đào Thị Thu Nga", unit="Chi bộ Khu 6"), [], *notes]
    return parse_file(write_sheet(tmp_path / "f.xlsx", rows))


def _groups(result):
    return [(r["full_name"], r["group"]) for r in result.records()]


EXPECTED = [("Nguyễn Quang Thắng", "Đoàn công tác số 1"), ("Vũ Văn Tùng", "Đoàn công tác số 1"),
            ("Tạ Văn Toàn", "Đoàn công tác số 2"), ("Đào Thị Thu Nga", "Đoàn công tác số 2")]


@pytest.mark.parametrize("title", [
    "ĐOÀN {n} - CỤM KHU DÂN CƯ PHÍA ĐÔNG",
    "Đoàn số {n}: Cụm cơ quan, trường học",
    "ĐOÀN CÔNG TÁC SỐ {n} – CỤM PHÂN XƯỞNG",
    "Đoàn {n} (khối doanh nghiệp)",
    "{n}. Đoàn {n} — Khối cơ quan, trường học",
    "Đoàn công tác số {n}: cụm các khu dân cư phía Tây (6 đồng chí)",
])
def test_a_group_title_with_its_area_names_the_group(tmp_path, title):
    result = _roster(tmp_path, title.format(n=1), title.format(n=2))
    assert _groups(result) == EXPECTED
    assert [r["unit"] for r in result.records()] == ["Chi bộ Khu 1", "Chi bộ Khu 1", "Chi bộ Khu 5", "Chi bộ Khu 6"]
    assert result.errors == [] and result.warnings == []
    assert {r["row"]: r["reason"] for r in result.rows if r["outcome"] == "skipped"}.get(5) == "dòng tiêu đề nhóm"


@pytest.mark.parametrize(("title", "rest"), [
    ("Đoàn {n} - Khu dân cư phía Tây", "Khu dân cư phía Tây"),
    ("Đoàn số {n} (Khối 5)", "Khối 5"),
    ("ĐOÀN {n}: Cụm 3", "Cụm 3"),
])
def test_other_words_after_the_group_are_read_as_the_group_and_warned(tmp_path, title, rest):
    result = _roster(tmp_path, title.format(n=1), title.format(n=2))
    assert _groups(result) == EXPECTED
    unread = [w for w in result.warnings if w["field"] == "group" and "chưa dùng" in w["message"]]
    assert [w["row"] for w in unread] == [5, 8]
    assert rest in unread[0]["message"]


def test_a_unit_the_title_assigns_is_still_the_groups_unit(tmp_path):
    rows = [["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [], HEADER[:5],
            ["Đoàn 1 - Phụ trách: Chi bộ Khu 3"], _person(1, "Nguyễn Quang Thắng", role="Trưởng đoàn")[:5],
            ["Đoàn số 2: Cụm cơ quan, trường học"], _person(1, "Tạ Văn Toàn", role="Trưởng đoàn")[:5]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [(r["group"], r["unit"]) for r in result.records()] == [("Đoàn công tác số 1", "Chi bộ Khu 3"),
                                                                    ("Đoàn công tác số 2", None)]


@pytest.mark.parametrize("position", ["Trưởng Đoàn 2 - cụm phía Tây", "Bí thư Đoàn xã", "Phó Bí thư Đoàn 3"])
def test_a_position_naming_a_youth_union_or_another_group_is_no_group_title(tmp_path, position):
    between = _person(3, "Lê Văn Cường", position)
    result = _roster(tmp_path, "ĐOÀN 1 - CỤM KHU DÂN CƯ PHÍA ĐÔNG", "ĐOÀN 2 - CỤM KHU DÂN CƯ PHÍA TÂY", between=between)
    assert ("Lê Văn Cường", "Đoàn công tác số 1") in _groups(result)
    assert len(result.records()) == 5


def test_a_youth_union_line_is_no_group_title(tmp_path):
    result = _roster(tmp_path, "ĐOÀN 1 - CỤM KHU DÂN CƯ PHÍA ĐÔNG", "ĐOÀN 2 - CỤM KHU DÂN CƯ PHÍA TÂY",
                     between=["Đoàn thanh niên phường - cụm phía Đông"])
    assert _groups(result) == EXPECTED  # the people below it stay in group 1
    assert not any(r["row"] == 7 and r["reason"] == "dòng tiêu đề nhóm" for r in result.rows)


def test_a_note_line_naming_a_group_is_no_group_title(tmp_path):
    result = _roster(tmp_path, "ĐOÀN 1 - CỤM KHU DÂN CƯ PHÍA ĐÔNG", "ĐOÀN 2 - CỤM KHU DÂN CƯ PHÍA TÂY",
                     notes=[["Ghi chú: Đoàn 1 - cụm phía Đông gồm các khu 1 đến 4."]])
    assert _groups(result) == EXPECTED
    assert result.errors == []


@pytest.mark.parametrize("text", ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC", "Đoàn thanh niên phường", "Bí thư Đoàn xã",
                                  "Trưởng Đoàn 2 - cụm phía Tây", "Ghi chú: Đoàn 1 - cụm phía Đông", "Đoàn 1986 - cụm",
                                  "Đoàn 2 - 1234", "ĐOÀN 1 - Trưởng đoàn: đ/c Lê Văn An", "Đoàn 2: đ/c Lê Văn Bình"])
def test_near_misses_read_as_no_group(text):
    assert read_context(text) is None


@pytest.mark.parametrize(("text", "rest"), [
    ("ĐOÀN 1 - CỤM KHU DÂN CƯ PHÍA ĐÔNG", None), ("Đoàn 4 (khối doanh nghiệp)", None),
    ("Đoàn 4 (Khối 5)", "(Khối 5)"), ("Đoàn 2 - Khu vực II", "Khu vực II"), ("Đoàn 2 - Khu dân cư", "Khu dân cư"),
])
def test_an_area_in_words_is_said_no_more(text, rest):
    assert read_context(text) == {"group": f"Đoàn công tác số {text.split()[1]}"}
    assert unread_rest(text) == rest


def test_role_ticks_under_the_role_header_and_an_abbreviated_unit_column(tmp_path):
    """The layout that brought the family: role tick sub-columns, the group titles with their areas, "CB Khu 1"
    written out by the note "CB: Chi bộ."."""
    rows = [["ĐẢNG BỘ PHƯỜNG KHE TAM"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"],
            ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ trong Đoàn", None, None, "Chi bộ theo dõi"],
            [None, None, None, None, "Trưởng đoàn", "Phó đoàn", "Thành viên"],
            ["ĐOÀN 1 - CỤM KHU DÂN CƯ PHÍA ĐÔNG"],
            [1, "Nguyễn Quang Thắng", "1986-05-17", "Bí thư Đảng ủy phường", "x", None, None, "CB Khu 1"],
            [2, "Vũ Văn Tùng", "1981-12-01", "Trưởng Công an phường", None, "x", None, "CB Khu 2"],
            ["ĐOÀN 2 - KHỐI CƠ QUAN, TRƯỜNG HỌC"],
            [1, "Bùi Thị Thu Hằng", "1993-07-28", "Bí thư Đoàn Thanh niên phường", None, None, "x", "CB Khu 3"],
            [], ["Ghi chú: Đánh dấu (x) vào cột nhiệm vụ tương ứng; CB: Chi bộ."]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows, merges=["E3:G3"]))
    assert [(r["group"], r["role"], r["unit"]) for r in result.records()] == [
        ("Đoàn công tác số 1", "head", "Chi bộ Khu 1"), ("Đoàn công tác số 1", "deputy", "Chi bộ Khu 2"),
        ("Đoàn công tác số 2", "member", "Chi bộ Khu 3")]
    assert result.errors == []
