"""Wide registers of a school year whose meetings are headed by day and month only ('12/9' … '9/1', generated, xlsx /
ods / csv): each meeting takes the year written over its column ('Năm 2024' over the autumn, 'Năm 2025' over the
spring) before the title's year or school year; one year over all the meetings, the year in the title only, or a
school year in the title read as before; year labels that disagree with the order of the days are a warning naming
the first column that goes back."""

import pytest
from layouts import school_year_days
from layouts.writers import write_by_seed

from importers import parse_file
from importers.date_words import meeting_days
from importers.mapping import column_letter

SEEDS = range(24)
GOES_BACK = "sớm hơn buổi"


def _parsed(tmp_path, seed, source):
    sheet, expected, facts = school_year_days.build(seed, year_source=source)
    result = parse_file(write_by_seed(tmp_path, "register", sheet, seed, school_year_days.FORMATS))
    assert result.kind == "attendance"
    assert result.errors == []
    return result, expected, facts


def _order_warnings(result) -> list[dict]:
    return [item for item in result.warnings if GOES_BACK in item["message"]]


@pytest.mark.parametrize("seed", SEEDS)
def test_each_meeting_takes_the_year_written_over_its_column(tmp_path, seed):
    result, expected, _ = _parsed(tmp_path, seed, "two_labels")
    assert sorted(result.records(), key=repr) == sorted(expected, key=repr)
    assert _order_warnings(result) == []


@pytest.mark.parametrize("source", ["one_label", "title", "school_year_title"])
@pytest.mark.parametrize("seed", range(6))
def test_one_year_for_all_meetings_reads_as_before(tmp_path, seed, source):
    result, expected, _ = _parsed(tmp_path, seed, source)
    assert sorted(result.records(), key=repr) == sorted(expected, key=repr)
    assert _order_warnings(result) == []


@pytest.mark.parametrize("seed", range(9))
def test_year_labels_that_disagree_with_the_order_of_the_days_are_a_warning(tmp_path, seed):
    result, expected, facts = _parsed(tmp_path, seed, "misplaced")
    assert sorted(result.records(), key=repr) == sorted(expected, key=repr)
    found = _order_warnings(result)
    assert len(found) == 1
    assert found[0]["column"] == column_letter(facts["first_back"])
    assert "năm ghi trên tiêu đề các cột" in found[0]["message"]


def test_a_school_year_title_over_days_turning_the_year_is_a_warning(tmp_path):
    sheet, expected, _ = school_year_days.build(0, year_source="two_labels")
    first = min(int(record["date"][:4]) for record in expected)
    top = next(index for index, row in enumerate(sheet.rows) if any(str(cell).startswith("Năm ") for cell in row))
    sheet.rows[top] = [None if str(cell).startswith("Năm ") else cell for cell in sheet.rows[top]]
    sheet.rows[3] = [f"SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM HỌC {first} - {first + 1}"]
    result = parse_file(write_by_seed(tmp_path, "register", sheet, 0, ("xlsx",)))
    found = _order_warnings(result)
    assert len(found) == 1
    assert f"năm học {first} - {first + 1}" in found[0]["message"]


def test_the_year_over_a_day_month_column_wins_over_the_sheets_year():
    labels = ["Họ và tên", "12/12", "9/1", "13/2"]
    parents = ["Họ và tên", "Năm 2024", "Năm 2025", "Năm 2025"]
    assert meeting_days(labels, parents, [], 2024, [None, 2024, 2025, 2025]) == [
        None, "2024-12-12", "2025-01-09", "2025-02-13"]
    assert meeting_days(labels, parents, [], 2024) == [None, "2024-12-12", "2024-01-09", "2024-02-13"]
