"""Unit state changes keep the materialised paths of the whole tree right."""
import pytest

from webapp.extensions import db
from webapp.models import Sector, Unit, UnitKind
from webapp.services import RuleViolation
from webapp.units import services


def test_create_unit_gets_a_path_under_its_parent(root_unit):
    unit = services.create_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    db.session.commit()
    assert unit.path == f"{root_unit.path}{unit.id}/" and unit.search_key == "dang bo phuong bac hong"


def test_moving_a_unit_rewrites_the_subtree_and_to_the_top_level(root_unit, make_unit):
    ward = make_unit("Phường A", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    other = make_unit("Phường B", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    cell = make_unit("Chi bộ 1", parent=ward)
    services.update_unit(ward, "Phường A", UnitKind.PARTY_COMMITTEE, Sector.WARD, other)
    db.session.commit()
    assert db.session.get(Unit, cell.id).path == f"/{root_unit.id}/{other.id}/{ward.id}/{cell.id}/"
    services.update_unit(ward, "Phường A", UnitKind.PARTY_COMMITTEE, Sector.WARD, None)
    db.session.commit()
    assert db.session.get(Unit, cell.id).path == f"/{ward.id}/{cell.id}/"


def test_a_unit_cannot_move_under_itself(root_unit, make_unit):
    ward = make_unit("Phường A", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    cell = make_unit("Chi bộ 1", parent=ward)
    for parent in (ward, cell):
        with pytest.raises(RuleViolation) as caught:
            services.update_unit(ward, "Phường A", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent)
        db.session.rollback()
        assert caught.value.field == "parent_id"


def test_the_retired_town_sector_is_refused_to_new_units_and_kept_by_old_ones(root_unit, make_unit):
    with pytest.raises(RuleViolation) as caught:
        services.create_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.TOWN, root_unit)
    db.session.rollback()
    assert caught.value.field == "sector"
    ward = make_unit("Phường A", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    with pytest.raises(RuleViolation):
        services.update_unit(ward, "Phường A", UnitKind.PARTY_COMMITTEE, Sector.TOWN, root_unit)
    db.session.rollback()
    services.update_unit(root_unit, "Đảng bộ Hồng Sơn", UnitKind.ROOT, Sector.TOWN, None)
    db.session.commit()
    assert db.session.get(Unit, root_unit.id).sector == Sector.TOWN


def test_no_two_units_of_one_name_under_one_parent(root_unit, make_unit):
    ward = make_unit("Đảng bộ phường A", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    other = make_unit("Đảng bộ phường B", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 1", parent=ward)
    elsewhere = make_unit("Chi bộ Tổ dân phố 1", parent=other)  # the same name in another ward is fine
    for name in ("Chi bộ Tổ dân phố 1", "chi bo to dan pho  1", "CHI BỘ TỔ DÂN PHỐ 1"):
        with pytest.raises(RuleViolation) as caught:
            services.create_unit(name, UnitKind.CELL, Sector.RESIDENTIAL, ward)
        db.session.rollback()
        assert caught.value.field == "name" and "cùng tên" in str(caught.value.message)
    with pytest.raises(RuleViolation):  # nor by moving one next to its namesake
        services.update_unit(elsewhere, elsewhere.name, UnitKind.CELL, Sector.RESIDENTIAL, ward)
    db.session.rollback()
    services.update_unit(cell, "Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, ward, short_name="TDP 1")
    db.session.commit()  # saving a unit under its own name is no clash
    assert db.session.get(Unit, cell.id).short_name == "TDP 1"
