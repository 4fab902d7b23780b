"""A unit column headed by the kind of party organisation ("Chi bộ phụ trách", "Theo dõi chi bộ", "Đảng bộ") whose
cells name the place alone ("Thôn Thạch Bích", "Tổ dân phố 3") reads each place as the organisation of that kind
there ("Chi bộ Thôn Thạch Bích"), said as an inference, in a roster and a register, xlsx and csv; a header naming no
kind or both, a cell that is no place, a column mixing kinds keep the place as written and warned
(``importers.unit_kind_headers``)."""

import csv

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.unit_kind_headers import bare_place, header_kind

NOT_PARTY = "không mở đầu bằng tên một tổ chức đảng"
MIXED = "chưa rõ các ô chỉ ghi địa danh"
PEOPLE = [("Đỗ Thị Hạnh", "Bí thư Đảng ủy xã", "Trưởng đoàn"), ("Bàn Mý Mai", "Phó Chủ tịch UBND xã", "Thành viên"),
          ("Bùi Văn Bình", "Phó Bí thư Đảng ủy xã", "Phó Trưởng đoàn"), ("Nông Quốc Tuyên", "Chủ tịch UBND xã",
                                                                          "Thành viên")]
PLACES = ["Thôn Thạch Bích", "Tổ dân phố 3", "Khu phố Bình Minh", "Trường THCS Lê Lợi"]
CHI_BO = [f"Chi bộ {place}" for place in PLACES]


def _save(path, rows):
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        return path
    return write_sheet(path, rows)


def _roster(path, header, units):
    rows = [["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"],
            ["STT", "Họ và tên", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn", header]]
    rows += [[n, name, position, "Đoàn số 1", role, unit]
             for n, ((name, position, role), unit) in enumerate(zip(PEOPLE, units), 1)]
    return parse_file(_save(path, rows))


def _register(path, header, units):
    rows = [["SỔ ĐIỂM DANH SINH HOẠT NĂM 2025"], ["STT", "Họ và tên", header, "Ngày sinh hoạt", "Tình trạng"]]
    for meeting in ("05/03/2025", "04/04/2025"):
        rows += [[n, name, unit, meeting, "Có mặt"] for n, ((name, _, _), unit) in enumerate(zip(PEOPLE, units), 1)]
    return parse_file(_save(path, rows))


def _units(result):
    return [record["unit"] for record in result.records()][:len(PEOPLE)]


def _warned(result, text):
    return [warning for warning in result.warnings if text in warning["message"]]


def _kind_inference(result):
    return [item for item in result.inferences if "lấy từ tiêu đề cột" in item["source"]]


@pytest.mark.parametrize("header", ["Chi bộ phụ trách", "Phụ trách chi bộ", "Chi bộ được phân công",
                                    "Theo dõi chi bộ", "CB phụ trách"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_roster_column_headed_by_chi_bo_gives_its_bare_places_that_kind(tmp_path, header, suffix):
    result = _roster(tmp_path / f"f{suffix}", header, PLACES)
    assert result.errors == []
    assert _units(result) == CHI_BO
    assert not _warned(result, NOT_PARTY)
    said = _kind_inference(result)
    assert len(said) == 1 and f"«{header}»" in said[0]["source"] and said[0]["what"] == "Đơn vị"
    assert "Thôn Thạch Bích → Chi bộ Thôn Thạch Bích" in said[0]["value"]


@pytest.mark.parametrize("header", ["Chi bộ", "Tên chi bộ", "Chi bộ sinh hoạt"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_registers_chi_bo_column_of_bare_places_reads_as_chi_bo(tmp_path, header, suffix):
    places = ["Thôn Thạch Bích", "Tổ dân phố 3", "Khu phố Bình Minh", "Xóm 5"]
    result = _register(tmp_path / f"f{suffix}", header, places)
    assert result.kind == "attendance" and result.errors == []
    assert _units(result) == [f"Chi bộ {place}" for place in places]
    assert len(result.records()) == 8 and {r["unit"] for r in result.records()[4:]} == set(_units(result))
    assert not _warned(result, NOT_PARTY) and _kind_inference(result)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_dang_bo_header_gives_dang_bo_with_the_level_in_lower_case(tmp_path, suffix):
    result = _register(tmp_path / f"f{suffix}", "Đảng bộ", ["xã Hòa Bình", "Phường An Lạc", "XÃ HÒA BÌNH",
                                                            "thị trấn Nà Phặc"])
    assert _units(result) == ["Đảng bộ xã Hòa Bình", "Đảng bộ phường An Lạc", "Đảng bộ xã Hòa Bình",
                              "Đảng bộ thị trấn Nà Phặc"]
    roster = _roster(tmp_path / f"r{suffix}", "Đảng bộ phụ trách", ["Xã Hòa Bình"] * 4)
    assert _units(roster) == ["Đảng bộ xã Hòa Bình"] * 4


def test_places_typed_in_capitals_or_lower_case_are_cased_as_the_lexicon_does(tmp_path):
    result = _roster(tmp_path / "f.xlsx", "Chi bộ phụ trách", ["TỔ DÂN PHỐ 3", "khu phố bình minh",
                                                               "TRƯỜNG TIỂU HỌC HÒA BÌNH", "thôn Ma Cái"])
    assert _units(result) == ["Chi bộ Tổ dân phố 3", "Chi bộ Khu phố Bình Minh", "Chi bộ Trường Tiểu học Hòa Bình",
                              "Chi bộ Thôn Ma Cái"]


def test_cells_naming_their_organisation_stay_and_only_the_bare_ones_get_the_kind(tmp_path):
    result = _roster(tmp_path / "f.xlsx", "Chi bộ phụ trách", ["Chi bộ Xóm 5", "CB thôn Sả Hồ", "Tổ dân phố 3",
                                                               "Phụ trách: Thôn 7"])
    assert _units(result) == ["Chi bộ Xóm 5", "Chi bộ Thôn Sả Hồ", "Chi bộ Tổ dân phố 3", "Chi bộ Thôn 7"]
    assert not _warned(result, NOT_PARTY) and not _warned(result, MIXED)
    said = _kind_inference(result)[0]["value"]
    assert "Chi bộ Xóm 5 →" not in said and "Tổ dân phố 3 → Chi bộ Tổ dân phố 3" in said


@pytest.mark.parametrize("header", ["Địa bàn", "Đơn vị", "Nơi phụ trách", "Địa bàn phụ trách",
                                    "Chi bộ/Đảng bộ phụ trách", "Chi bộ, đảng bộ phụ trách"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_header_naming_no_kind_or_both_keeps_the_places_and_warns(tmp_path, header, suffix):
    result = _roster(tmp_path / f"f{suffix}", header, PLACES)
    assert _units(result) == PLACES
    assert _warned(result, NOT_PARTY) and not _kind_inference(result)


@pytest.mark.parametrize("cells", [
    ["Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Hải", "Phạm Văn Tám"],  # people
    ["3", "x", "Thôn", "Tổ dân phố"],  # a number, a mark, kinds with no name
    ["TDP 14", "KP 3", "THCS Lê Lợi", "KP-PH1"],  # written short, no note spelling it out; a code
    ["Thôn 1, Thôn 2", "Thôn 3 và Thôn 4", "Thôn 5 - xã Hòa Bình", "Tổ dân phố 3/4"],  # several places
])
def test_cells_that_are_no_one_place_get_no_kind_and_stay_warned(tmp_path, cells):
    result = _register(tmp_path / "f.xlsx", "Chi bộ", cells)
    assert _units(result) == cells
    assert not _kind_inference(result)
    warned = " ".join(warning["message"] for warning in result.warnings if warning["field"] == "unit")
    assert warned and all(cell in warned for cell in cells[:3])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_dang_bo_column_mixing_chi_bo_names_and_bare_places_gives_no_kind_and_warns(tmp_path, suffix):
    cells = ["Thôn Thạch Bích", "Chi bộ Tổ dân phố 3", "xã Hòa Bình", "Phường An Lạc"]
    result = _register(tmp_path / f"f{suffix}", "Đảng bộ", cells)
    assert _units(result) == cells
    assert not _kind_inference(result)
    mixed = _warned(result, MIXED)
    assert len(mixed) == 1 and "«Chi bộ Tổ dân phố 3»" in mixed[0]["message"] and mixed[0]["column"] == "C"
    assert "«Thôn Thạch Bích»" in mixed[0]["message"]
    assert _warned(result, NOT_PARTY)


def test_a_chi_bo_column_holding_a_dang_bo_too_gives_no_kind(tmp_path):
    cells = ["Đảng bộ xã Hòa Bình", "Thôn Thạch Bích", "Thôn Thạch Bích", "Xóm 5"]
    result = _roster(tmp_path / "f.xlsx", "Chi bộ phụ trách", cells)
    assert _units(result) == cells
    assert _warned(result, MIXED) and _warned(result, NOT_PARTY)


@pytest.mark.parametrize(("header", "kind"), [
    ("Chi bộ", "Chi bộ"), ("Chi bộ phụ trách", "Chi bộ"), ("Phụ trách chi bộ", "Chi bộ"), ("CB theo dõi", "Chi bộ"),
    ("Chi bộ được phân công", "Chi bộ"), ("ĐẢNG BỘ", "Đảng bộ"), ("Đảng bộ phụ trách", "Đảng bộ"),
    ("Địa bàn", None), ("Đơn vị", None), ("Nơi phụ trách", None), ("Chi bộ/Đảng bộ phụ trách", None),
    ("Chi bộ thuộc Đảng bộ xã", None), ("Tổ chức cơ sở đảng", None), ("Đảng ủy phụ trách", None),
    ("Chi đảng bộ", None), (None, None),
])
def test_header_kind(header, kind):
    assert header_kind(header) == kind


@pytest.mark.parametrize(("cell", "place"), [
    ("Thôn Thạch Bích", "Thôn Thạch Bích"), ("thôn Ma Cái", "Thôn Ma Cái"), ("Xóm 5", "Xóm 5"),
    ("Tổ 5", "Tổ 5"), ("Xã Hòa Bình", "xã Hòa Bình"), ("Trường THCS Lê Lợi", "Trường THCS Lê Lợi"),
    ("Chi bộ Thôn 3", None), ("CB thôn 3", None), ("Đảng ủy xã Hòa Bình", None), ("Nguyễn Văn An", None),
    ("3", None), ("x", None), ("Thôn", None), ("Khu phố", None), ("TDP 14", None), ("KP-PH1", None),
    ("Thôn 1; Thôn 2", None), ("Phụ trách chung", None), (None, None), (3, None),
])
def test_bare_place(cell, place):
    assert bare_place(cell) == place


def test_a_wide_registers_chi_bo_column_of_bare_places_reads_as_chi_bo(tmp_path):
    rows = [["SỔ ĐIỂM DANH SINH HOẠT NĂM 2025"], ["STT", "Họ và tên", "Chi bộ", "T1", "T2"],
            [1, "Nguyễn Văn An", "Thôn 3", "x", "P"], [2, "Trần Thị Bình", "Xóm Đông", "x", "x"], [],
            ["Ký hiệu: x = có mặt; P = vắng có phép"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [record["unit"] for record in result.records()] == ["Chi bộ Thôn 3"] * 2 + ["Chi bộ Xóm Đông"] * 2
    assert not _warned(result, NOT_PARTY) and _kind_inference(result)
