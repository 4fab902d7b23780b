"""Matching names typed in files to the units in the database."""
from webapp.imports.matching import UnitIndex
from webapp.models import Sector, UnitKind


def test_units_match_exactly_or_fuzzily_but_never_across_numbers(root_unit, make_unit):
    three = make_unit("Chi bộ Khu phố 3", UnitKind.CELL, Sector.RESIDENTIAL, parent=root_unit)
    three_a = make_unit("Chi bộ Khu phố 3A", UnitKind.CELL, Sector.RESIDENTIAL, parent=root_unit)
    make_unit("Chi bộ Khu phố 4", UnitKind.CELL, Sector.RESIDENTIAL, parent=root_unit)
    index = UnitIndex.load("/")
    assert index.resolve("CHI BỘ KHU PHỐ 3A") == (three_a.id, [])
    assert index.resolve("Chi bộ Khu phô 3") == (three.id, [])  # a slip of the tone mark
    unit_id, suggestions = index.resolve("Chi bộ Khu phố 3B")
    assert unit_id is None and "Chi bộ Khu phố 3" in suggestions


def test_a_lettered_unit_is_not_taken_for_the_plain_number(root_unit, make_unit):
    three = make_unit("Chi bộ Khu phố 3", UnitKind.CELL, Sector.RESIDENTIAL, parent=root_unit)
    index = UnitIndex.load("/")
    assert index.resolve("Chi bộ Khu phố 3A")[0] is None
    assert index.resolve("Chi bộ Khu phố 3")[0] == three.id
