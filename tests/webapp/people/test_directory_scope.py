"""The directory of people and units is town-wide for every reading role; changes and records stay scoped."""
import pytest

from webapp.models import Role


@pytest.mark.parametrize("role", [Role.ADMIN, Role.LEADERSHIP, Role.UNIT_OFFICER])
def test_ward_scoped_readers_see_the_whole_directory(client, town, login_in_ward, make_person, role):
    stranger = make_person("Vũ Thị Lan", home_unit=town.other_ward)
    login_in_ward(role)
    assert client.get(f"/people/{stranger.id}").status_code == 200
    assert client.get(f"/units/{town.other_ward.id}").status_code == 200
    assert "Vũ Thị Lan" in client.get("/people/", query_string={"q": "Lan"}).get_data(as_text=True)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.UNIT_OFFICER])
def test_ward_scoped_editors_do_not_change_another_wards_directory(client, town, login_in_ward, make_person, role):
    stranger = make_person("Vũ Thị Lan", home_unit=town.other_ward)
    login_in_ward(role)
    assert client.get(f"/people/{stranger.id}/edit").status_code == 403
    assert client.get(f"/units/{town.other_ward.id}/edit").status_code == 403


def test_members_do_not_read_the_directory(client, town, login_as):
    login_as(Role.MEMBER)
    assert client.get(f"/people/{town.outsider.id}").status_code == 403


@pytest.mark.parametrize("role", [Role.ADMIN, Role.UNIT_OFFICER])
def test_ward_scoped_editors_do_not_touch_town_cadres(client, town, login_in_ward, make_person, role):
    """#21.3: a person with no home unit is a town cadre; a ward's admin could edit one or move one into the ward."""
    cadre = make_person("Đinh Văn Thị Ủy")
    login_in_ward(role)
    assert client.get(f"/people/{cadre.id}/edit").status_code == 403
    moved = client.post(f"/people/{cadre.id}/edit", data={"full_name": "Đinh Văn Thị Ủy", "home_unit_id": town.ward.id})
    assert moved.status_code == 403
    assert cadre.home_unit_id is None


def test_a_town_admin_edits_town_cadres(client, town, as_role, make_person):
    cadre = make_person("Đinh Văn Thị Ủy")
    as_role(Role.ADMIN)
    assert client.get(f"/people/{cadre.id}/edit").status_code == 200
