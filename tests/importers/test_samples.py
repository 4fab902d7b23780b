"""Every shared sample parses to exactly its truth file, with the kind auto-detected or given."""

import json

import pytest
from importer_paths import SAMPLES, require_samples, sample_files

from importers import parse_file

SAMPLE_FILES = sample_files() or [pytest.param(None, marks=pytest.mark.skip(reason=f"no samples at {SAMPLES}"))]


def _truth(path):
    return json.loads((path.parent / f"{path.name}.truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name if p else "none")
@pytest.mark.parametrize("explicit_kind", [False, True], ids=["auto-kind", "given-kind"])
def test_sample_parses_to_its_truth(path, explicit_kind):
    truth = _truth(path)
    result = parse_file(path, kind=truth["kind"] if explicit_kind else None)
    assert (result.kind, result.sheet, result.header_row) == (truth["kind"], truth["sheet"], truth["header_row"])
    assert result.records() == truth["records"]
    assert result.errors == []


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name if p else "none")
def test_every_data_row_is_accounted_for(path):
    result = parse_file(path)
    rows = result.rows
    assert sum(row["record_count"] for row in rows) == len(result.records())
    assert all(row["outcome"] in {"record", "skipped", "failed"} for row in rows)
    for sheet in dict.fromkeys(row.get("sheet") for row in rows):  # a table spread over sheets: each sheet's rows
        numbers = [row["row"] for row in rows if row.get("sheet") == sheet]
        assert numbers == sorted(set(numbers))


def test_legacy_conversions_are_previewed():
    require_samples()
    result = parse_file(SAMPLES / "a11_roster_tcvn3_vntime.xls")
    pairs = {item["before"]: item["after"] for item in result.legacy_conversions}
    assert pairs["NguyÔn B¸ ThÞnh"] == "Nguyễn Bá Thịnh"
    assert all(item["cell"].startswith("DSDoan!") for item in result.legacy_conversions)


def test_signature_is_stable_and_columns_name_fields():
    require_samples()
    first = parse_file(SAMPLES / "a01_roster_title_block.xlsx")
    again = parse_file(SAMPLES / "a01_roster_title_block.xlsx")
    assert first.signature == again.signature
    fields = {column.field for column in first.columns}
    assert {"full_name", "birth_date", "group", "role", "unit", "phone"} <= fields


def test_attendance_year_comes_from_the_title():
    require_samples()
    assert parse_file(SAMPLES / "a06_attendance_wide_months.xlsx").year == 2025


def test_frame_has_exactly_the_canonical_columns():
    require_samples()
    result = parse_file(SAMPLES / "a07_attendance_long_dates.xlsx")
    assert list(result.frame.columns) == ["full_name", "date", "status", "unit"]


def test_group_sub_headers_and_spacer_rows_are_skipped_with_reasons():
    require_samples()
    rows = {row["row"]: row for row in parse_file(SAMPLES / "a02_roster_group_subheaders.xlsx").rows}
    assert rows[7]["outcome"] == "skipped" and rows[7]["reason"] == "dòng tiêu đề nhóm"
    assert rows[15]["outcome"] == "skipped" and rows[15]["reason"] == "dòng trống"
    assert rows[8] == {"row": 8, "outcome": "record", "reason": None, "record_count": 1}
    assert max(rows) < 40  # the signature block is not part of the table
