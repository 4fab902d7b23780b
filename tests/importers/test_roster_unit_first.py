"""A roster ordered by unit (unit and bare group number merged down, the member column headed 'Đồng chí phụ
trách', roles abbreviated with a legend, phones as numbers) is read as a roster; a register keeps its name
wordings."""

import pytest
from layouts import unit_first
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds import attendance, roster
from importers.mapping import match_field


@pytest.mark.parametrize("seed", range(20))
def test_unit_first_roster(tmp_path, seed):
    built = unit_first.build(seed)
    result = parse_file(write_sheet(tmp_path / "f.xlsx", built.rows, merges=built.merges))
    assert result.kind == "roster"
    got = [(r["full_name"], r["group"], r["role"], r["unit"], r["phone"]) for r in result.records()]
    assert got == built.records
    assert result.errors == []


def test_the_cadre_following_is_no_register_name():
    assert match_field("Đồng chí phụ trách", roster.FIELDS) == "full_name"
    assert match_field("Đồng chí phụ trách", attendance.FIELDS) != "full_name"
    assert match_field("Họ và tên đồng chí phụ trách", attendance.FIELDS) == "full_name"
