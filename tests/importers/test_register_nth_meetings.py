"""Quarter registers with one to three meetings a month under each month header (generated): the sub-header
'Lần 1 (06/01)' / 'Buổi 2 - 20/01' / '06/01' gives each meeting's date (year from the title) and makes the sheet a
register, not a roster; sub-headers 'Lần 1', 'Lần 2' with no date are never given invented dates."""

import pytest
from layouts import nth_meetings
from layouts.writers import write_by_seed

from importers import parse_file
from importers.errors import ImportFileError

SEEDS = range(24)


def _write(tmp_path, sheet, seed):
    return write_by_seed(tmp_path, "register", sheet, seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_meeting_dates_in_the_sub_header_are_read_exactly(tmp_path, seed):
    sheet, expected = nth_meetings.build(seed)
    result = parse_file(_write(tmp_path, sheet, seed))
    assert result.kind == "attendance"
    assert result.records() == expected
    assert result.errors == []
    assert result.warnings == []


@pytest.mark.parametrize("seed", range(8))
def test_meetings_numbered_without_dates_are_never_dated(tmp_path, seed):
    sheet, expected = nth_meetings.build(seed, dated=False)
    try:
        result = parse_file(_write(tmp_path, sheet, seed))
    except ImportFileError as error:
        assert "Lần" in str(error) or "buổi" in str(error).lower()
        return
    dates = {record["date"] for record in expected}
    assert not any(record.get("date") in dates for record in result.records())
    assert result.errors or result.warnings
    messages = " ".join(item["message"] for item in result.errors + result.warnings)
    assert "ngày" in messages
