"""A unit or a group is named by its name, with its ward or owner only when the name alone is ambiguous."""
from webapp.models import Sector, UnitKind
from webapp.unit_labels import group_label, unit_label


def test_a_unit_carries_its_ward_only_when_another_unit_has_its_name(root_unit, make_unit):
    north = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    south = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    first = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, north)
    twin = make_unit("Chi bộ tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, south)
    alone = make_unit("Chi bộ Tổ dân phố 9", UnitKind.CELL, Sector.RESIDENTIAL, south)
    assert unit_label(first) == "Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)"
    assert unit_label(twin.id) == "Chi bộ tổ dân phố 1 (Đảng bộ phường Nam Hồng)"
    assert unit_label(alone) == "Chi bộ Tổ dân phố 9" and unit_label(north) == "Đảng bộ phường Bắc Hồng"
    assert unit_label(None) == ""


def test_a_group_carries_its_owner_only_when_a_group_of_its_term_has_its_name(root_unit, make_unit, make_group):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    town_group, ward_group = make_group(1), make_group(1, owner=ward)
    named = make_group(2, name="Tổ công tác phường Bắc Hồng", owner=ward)
    assert group_label(ward_group) == "Đoàn công tác số 1 (Đảng bộ phường Bắc Hồng)"
    assert group_label(town_group.id) == f"Đoàn công tác số 1 ({root_unit.name})"
    assert group_label(named) == "Tổ công tác phường Bắc Hồng"
