"""The units pages: tree, unit page, create and edit (moving a unit refreshes its subtree's paths)."""
import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Role, Unit, UnitKind


def test_tree_nests_units_under_their_parents(client, town, login_as):
    login_as(Role.LEADERSHIP)
    body = client.get("/units/").get_data(as_text=True)
    ward_branch = body.split("Đảng bộ phường Bắc Hồng")[1].split("Đảng bộ phường Nam Hồng")[0]
    assert "<html" in body and "Chi bộ Tổ dân phố 3" in ward_branch


def test_unit_page_shows_followers_groups_and_sub_units(client, town, login_as):
    login_as(Role.UNIT_OFFICER)
    cell = client.get(f"/units/{town.cell.id}").get_data(as_text=True)
    assert (
        "Đặng Ngọc Vệ" in cell.split('id="unit-followers"')[1]
        and "Đoàn công tác số 1" in cell.split('id="unit-groups"')[1]
    )
    ward = client.get(f"/units/{town.ward.id}").get_data(as_text=True)
    assert "Chi bộ Tổ dân phố 3" in ward.split('id="unit-children"')[1]


def _unit_form(parent, **changes):
    data = {"name": "Chi bộ Tổ dân phố 9", "short_name": "TDP 9", "kind": "cell", "sector": "residential",
            "parent_id": str(parent.id)}
    return {**data, **changes}


def test_create_unit_gets_its_path(client, town, login_as):
    login_as(Role.UNIT_OFFICER)
    response = client.post("/units/new", data=_unit_form(town.ward))
    unit = db.session.scalar(select(Unit).where(Unit.name == "Chi bộ Tổ dân phố 9"))
    assert response.status_code == 302
    assert unit.path == f"{town.ward.path}{unit.id}/" and unit.kind == UnitKind.CELL


def test_moving_a_unit_refreshes_the_paths_of_its_subtree(client, town, login_as, make_unit):
    group_cell = make_unit("Tổ đảng 1", parent=town.cell)
    login_as(Role.ADMIN)
    response = client.post(f"/units/{town.cell.id}/edit", data=_unit_form(town.other_ward, name="Chi bộ Tổ dân phố 3"))
    assert response.status_code == 302
    db.session.expire_all()
    cell = db.session.get(Unit, town.cell.id)
    assert cell.parent_id == town.other_ward.id and cell.path == f"{town.other_ward.path}{cell.id}/"
    assert db.session.get(Unit, group_cell.id).path == f"{cell.path}{group_cell.id}/"


@pytest.mark.parametrize("changes,message", [
    ({"name": ""}, "Hãy nhập tên đơn vị."),
    ({"kind": "khac"}, "Lựa chọn không hợp lệ."),
    ({"parent_id": "{other_ward}"}, "Đơn vị cấp trên nằm ngoài phạm vi quản lý của bạn."),
    ({"parent_id": ""}, "Đơn vị cấp trên nằm ngoài phạm vi quản lý của bạn."),
])
def test_create_unit_bad_input(client, town, login_as, changes, message):
    login_as(Role.UNIT_OFFICER)
    changes = {k: v.format(other_ward=town.other_ward.id) for k, v in changes.items()}
    before = db.session.scalar(select(func.count()).select_from(Unit))
    response = client.post("/units/new", data=_unit_form(town.ward, **changes))
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Unit)) == before


def test_a_unit_cannot_be_placed_under_its_own_subtree(client, town, login_as):
    login_as(Role.ADMIN)
    response = client.post(f"/units/{town.ward.id}/edit", data=_unit_form(town.cell, name="Đảng bộ phường Bắc Hồng",
                                                                          kind="party_committee", sector="ward"))
    assert response.status_code == 422 and "Không thể đặt đơn vị dưới chính nó" in response.get_data(as_text=True)
    assert db.session.get(Unit, town.ward.id).parent_id == town.root.id


def test_unit_page_loads_targets_only_for_units_in_the_users_scope(client, town, login_as):
    login_as(Role.UNIT_OFFICER)  # scoped to the ward
    assert "unit-targets" in client.get(f"/units/{town.cell.id}").get_data(as_text=True)
    outside = client.get(f"/units/{town.other_ward.id}").get_data(as_text=True)
    assert "unit-targets" not in outside and client.get(f"/targets/unit/{town.other_ward.id}").status_code == 403


def test_new_units_cannot_choose_the_retired_town_sector(client, town, login_as):
    login_as(Role.ADMIN)
    form = client.get("/units/new").get_data(as_text=True)
    assert 'value="town"' not in form and 'value="ward"' in form
    refused = client.post("/units/new", data=_unit_form(town.ward, sector="town"))
    assert refused.status_code == 422
    assert db.session.scalar(select(func.count()).select_from(Unit).where(Unit.name == "Chi bộ Tổ dân phố 9")) == 0
    moved_in = client.post(f"/units/{town.cell.id}/edit", data=_unit_form(town.ward, sector="town"))
    assert moved_in.status_code == 422 and db.session.get(Unit, town.cell.id).sector.value != "town"


def test_a_unit_that_is_a_town_keeps_reading_and_saving_as_one(client, town, login_as):
    login_as(Role.ADMIN)
    root = db.session.get(Unit, town.cell.id).parent.parent
    assert root.sector.value == "town"
    assert "Đảng bộ cấp trên · Thị xã" in client.get(f"/units/{root.id}").get_data(as_text=True)
    edit = client.get(f"/units/{root.id}/edit").get_data(as_text=True)
    assert '<option selected value="town">' in edit
    saved = client.post(f"/units/{root.id}/edit", data={"name": root.name, "kind": "root", "sector": "town",
                                                        "parent_id": ""})
    assert saved.status_code == 302 and db.session.get(Unit, root.id).sector.value == "town"
