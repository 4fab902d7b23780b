"""A roster's birth column holding only years ("Năm sinh" | 1970): the birth date is left empty with one warning
naming the cells, never read as Excel's day 1970 (23 May 1905); full dates beside them are read as before."""
import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file

HEADER = ["STT", "Họ và tên", "{birth}", "Chức vụ", "Đoàn", "Nhiệm vụ"]
PEOPLE = [("Nguyễn Văn An", "Trưởng đoàn"), ("Trần Thị Bình", "Phó đoàn"), ("Lê Văn Cường", "Thành viên")]


def _roster(tmp_path, births, header="Năm sinh", suffix="xlsx"):
    rows = [[cell.format(birth=header) for cell in HEADER]]
    rows += [[number, name, birth, "Cán bộ", "Đoàn công tác số 1", role]
             for number, ((name, role), birth) in enumerate(zip(PEOPLE, births), start=1)]
    if suffix == "csv":
        path = tmp_path / "roster.csv"
        path.write_text("\n".join(",".join("" if cell is None else str(cell) for cell in row) for row in rows),
                        encoding="utf-8")
        return path
    return write_sheet(tmp_path / "roster.xlsx", rows)


def _warnings(result):
    return [warning["message"] for warning in result.warnings if "chỉ ghi năm sinh" in warning["message"]]


@pytest.mark.parametrize("births", [[1970, 1982, 1975], ["1970", "1982", "1975"], [1970.0, "1982", 1975]])
@pytest.mark.parametrize("header", ["Năm sinh", "Ngày sinh", "Ngày tháng năm sinh"])
def test_years_alone_leave_the_birth_date_empty_with_one_warning(tmp_path, births, header):
    result = parse_file(_roster(tmp_path, births, header))
    assert [record["birth_date"] for record in result.records()] == [None, None, None]
    assert result.errors == []
    (message,) = _warnings(result)
    assert "3 ô" in message and "C2 «1970»" in message and "C4 «1975»" in message
    assert not any("1905" in warning["message"] for warning in result.warnings)


def test_a_csv_of_years_reads_the_same(tmp_path):
    result = parse_file(_roster(tmp_path, ["1970", "1982", "1975"], suffix="csv"))
    assert [record["birth_date"] for record in result.records()] == [None, None, None]
    assert len(_warnings(result)) == 1


def test_full_dates_beside_a_year_are_kept_and_only_the_year_is_named(tmp_path):
    result = parse_file(_roster(tmp_path, [dt.datetime(1970, 5, 3), "12/08/1982", 1975]))
    assert [record["birth_date"] for record in result.records()] == ["1970-05-03", "1982-08-12", None]
    (message,) = _warnings(result)
    assert "1 ô" in message and "C4 «1975»" in message


def test_full_dates_alone_give_no_year_warning(tmp_path):
    result = parse_file(_roster(tmp_path, [dt.datetime(1970, 5, 3), "12/08/1982", "01-02-1975"], "Ngày sinh"))
    assert [record["birth_date"] for record in result.records()] == ["1970-05-03", "1982-08-12", "1975-02-01"]
    assert _warnings(result) == []
