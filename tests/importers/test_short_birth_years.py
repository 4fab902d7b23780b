"""A birth date in the name cell with a year of two digits ("Nguyễn Văn An (15/3/78)", "Lê Thị Hoa - SN 78") is cut
out of the name and read with the century dates in a column get (78 -> 1978, 05 -> 2005); the cells whose
century was assumed are named in one warning."""

import pytest
from layouts import short_years
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds.birth_in_name import split_birth

CENTURY = "ghi năm sinh hai chữ số, đã hiểu thế kỷ như sau"


@pytest.mark.parametrize("seed", range(30))
def test_two_digit_birth_years_in_name_cells(tmp_path, seed):
    built = short_years.build(seed)
    result = parse_file(write_sheet(tmp_path / "f.xlsx", built.rows, title="DS"))
    assert [(r["full_name"], r["birth_date"]) for r in result.records()] == built.records
    assert result.errors == []
    told = [w["message"] for w in result.warnings if CENTURY in w["message"]]
    assert len(told) == 1, result.warnings
    assert f"{len(built.assumed)} họ tên" in told[0]
    for row, _, year in built.assumed[:5]:
        assert f"B{row} «" in told[0] and f"-> {year}" in told[0]
    if built.years_only:
        assert any("chỉ ghi năm sinh" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("text", ["Nguyễn Văn An (48)", "Nguyễn Văn An - 78", "Nguyễn Văn An 78"])
def test_two_digits_without_a_birth_word_are_no_year(text):
    assert split_birth(text) is None


def test_four_digit_years_assume_no_century(tmp_path):
    rows = [["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ"],
            [1, "Nguyễn Văn An (15/03/1978)", "Đoàn 1", "Trưởng đoàn"], [2, "Lê Thị Hoa", "Đoàn 1", "Thành viên"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert result.records()[0]["birth_date"] == "1978-03-15"
    assert not [w for w in result.warnings if CENTURY in w["message"]]
