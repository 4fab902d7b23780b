"""Ditto marks ('nt', 'n.t', '-nt-', 'như trên', '"', '〃') alone in a text cell repeat the value above in the same
column, said in one warning naming the cells; with nothing above they are an error; mark columns never read them."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.ditto_marks import is_ditto

ROSTER_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn số", "Chi bộ phụ trách"]


@pytest.mark.parametrize("mark", ["nt", "n.t", "-nt-", "như trên", "Như trên", '"', "〃", " nt "])
def test_ditto_words_and_signs(mark):
    assert is_ditto(mark)


@pytest.mark.parametrize("text", ["Chi bộ Thôn 3", "ntn", "P", "x", "-", "", None, 3])
def test_other_cells_are_no_ditto(text):
    assert not is_ditto(text)


@pytest.mark.parametrize("mark", ["nt", '"', "như trên", "〃"])
def test_roster_ditto_repeats_the_value_above(tmp_path, mark):
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC NĂM 2026"], [], ROSTER_HEADER,
            [1, "Nguyễn Văn An", "05/03/1970", "Bí thư chi bộ", 1, "Chi bộ Thôn 3"],
            [2, "Trần Thị Bình", "05/03/1975", "Chi ủy viên", 1, mark],
            [3, "Lê Văn Cường", "05/03/1980", mark, 1, mark],
            [4, "Phạm Văn Dũng", "05/03/1982", "Đảng viên", 2, "Chi bộ Thôn 5"],
            [5, "Hoàng Thị Em", "05/03/1985", "Đảng viên", 2, mark]]
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", rows, title="DS"))
    assert result.errors == []
    units = [record["unit"] for record in result.records()]
    positions = [record["position"] for record in result.records()]
    assert units == ["Chi bộ Thôn 3"] * 3 + ["Chi bộ Thôn 5"] * 2
    assert positions[2] == "Chi ủy viên"
    dittos = [item["message"] for item in result.warnings if "như trên" in item["message"]]
    assert len(dittos) == 1
    assert "4 ô" in dittos[0] and "D6" in dittos[0] and "F5" in dittos[0] and "F8" in dittos[0]


def test_ditto_with_nothing_above_is_an_error(tmp_path):
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC NĂM 2026"], [], ROSTER_HEADER,
            [1, "Nguyễn Văn An", "05/03/1970", "Bí thư chi bộ", 1, "nt"],
            [2, "Trần Thị Bình", "05/03/1975", "Chi ủy viên", 1, "Chi bộ Thôn 3"]]
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", rows, title="DS"))
    assert any(item["row"] == 4 and item["column"] == "F" and "như trên" in item["message"]
               for item in result.errors)
    assert not any(record["unit"] == "Chi bộ Thôn 3" and record["full_name"] == "Nguyễn Văn An"
                   for record in result.records())


def test_a_mark_column_is_never_read_as_ditto(tmp_path):
    rows = [["CHI BỘ THÔN 3"], ["THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["STT", "Họ và tên", "T1", "T2", "T3"],
            [1, "Nguyễn Văn An", "x", "x", "x"],
            [2, "Trần Thị Bình", "x", '"', "P"],
            [], ["Ký hiệu: x - có mặt; P - vắng có phép"]]
    result = parse_file(write_sheet(tmp_path / "register.xlsx", rows, title="SH"))
    feb = [record for record in result.records() if record["full_name"] == "Trần Thị Bình"
           and record["date"] == "2025-02-01"]
    assert feb == []
    assert any(item["column"] == "D" and item["row"] == 6 for item in result.errors + result.warnings)


def test_a_ditto_never_reaches_into_the_table_stacked_above(tmp_path):
    header = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ trong đoàn"]
    rows = [["ĐẢNG BỘ PHƯỜNG AN LẠC"], ["DANH SÁCH CÁC ĐOÀN CÔNG TÁC NĂM 2025"], [],
            ["1. ĐOÀN CÔNG TÁC SỐ 1 - Phụ trách: Chi bộ Khu phố 1"], header,
            [1, "Nguyễn Văn An", "01/03/1971", "Chuyên viên", "Trưởng đoàn"],
            [2, "Trần Thị Bình", "02/04/1972", "nt", "Thành viên"], [],
            ["2. ĐOÀN CÔNG TÁC SỐ 2 - Phụ trách: Chi bộ Khu phố 2"], header,
            [1, "Lê Minh Cường", "03/05/1973", "nt", "Trưởng đoàn"],
            [2, "Phạm Đức Dũng", "04/06/1974", "Kế toán", "Thành viên"]]
    result = parse_file(write_sheet(tmp_path / "stacked.xlsx", rows, title="DS"))
    positions = {record["full_name"]: record["position"] for record in result.records()}
    assert positions["Trần Thị Bình"] == "Chuyên viên"
    assert positions.get("Lê Minh Cường") != "Chuyên viên"
    assert any(item["row"] == 11 and item["column"] == "D" for item in result.errors)
