"""Wide registers dating each meeting by a bare day under its month ('Tháng 7' merged over 3 | 18, 'T8' over 5),
the year from the title, the tab or a 'Năm 2024' label above (generated, xlsx / ods / csv): every column is its
own meeting date. Never a guess: no year anywhere, a day the month does not have, numbers that count meetings, or
months merged over several mark columns with no day row are refused with the cells or columns named."""

import re

import pytest
from layouts import month_days
from layouts.writers import write_by_seed

from importers import parse_file
from importers.errors import ImportFileError

SEEDS = range(30)


def _write(tmp_path, sheet, seed, formats):
    return write_by_seed(tmp_path, "register", sheet, seed, formats)


def _refusal(tmp_path, seed, **variant) -> str:
    sheet, _, formats = month_days.build(seed, **variant)
    with pytest.raises(ImportFileError) as raised:
        parse_file(_write(tmp_path, sheet, seed, formats))
    return raised.value.message


@pytest.mark.parametrize("seed", SEEDS)
def test_each_day_under_its_month_is_a_meeting_date(tmp_path, seed):
    sheet, expected, formats = month_days.build(seed)
    result = parse_file(_write(tmp_path, sheet, seed, formats))
    assert result.kind == "attendance"
    assert sorted(result.records(), key=repr) == sorted(expected, key=repr)
    assert result.errors == []


@pytest.mark.parametrize("source", month_days.YEAR_SOURCES)
@pytest.mark.parametrize("seed", range(3))
def test_every_year_source_in_every_format(tmp_path, seed, source):
    sheet, expected, formats = month_days.build(seed, year_source=source)
    for offset in range(len(formats)):
        folder = tmp_path / f"f{offset}"
        folder.mkdir()
        result = parse_file(write_by_seed(folder, "register", sheet, offset, formats))
        assert sorted(result.records(), key=repr) == sorted(expected, key=repr)
        assert result.errors == []


@pytest.mark.parametrize("seed", range(6))
def test_no_year_anywhere_is_refused_naming_the_day_cells(tmp_path, seed):
    message = _refusal(tmp_path, seed, year_source="title", no_year=True)
    assert "không biết năm" in message
    assert re.search(r"\b[E-Z]\d+\b", message)


@pytest.mark.parametrize("seed", range(6))
def test_a_day_the_month_lacks_is_refused_naming_its_cell(tmp_path, seed):
    message = _refusal(tmp_path, seed, year_source="title", bad_day=True)
    assert "ngày 31 dưới tháng 9/" in message
    assert re.search(r"ô (?:[^!]+!)?[E-Z]\d+ ", message)


@pytest.mark.parametrize("seed", range(6))
def test_numbers_counting_each_months_meetings_are_refused(tmp_path, seed):
    message = _refusal(tmp_path, seed, year_source="title", numbered=True)
    assert "không ghi ngày họp" in message


@pytest.mark.parametrize("seed", range(6))
def test_months_merged_over_mark_columns_without_days_are_refused(tmp_path, seed):
    message = _refusal(tmp_path, seed, year_source="title", no_day_row=True)
    assert "gộp trên nhiều cột" in message
    assert re.search(r"\(cột [E-Z]–[E-Z]\)", message)
