"""Pages that embed another area's section load it through HTMX, with a plain link as fallback."""
from webapp.models import MemberRole, Role, UnitKind


def test_group_page_embeds_the_members_attendance_record(client, as_role, make_group, make_person, make_membership):
    group = make_group()
    make_membership(make_person("Lê Thành Đông"), group, MemberRole.HEAD)
    as_role(Role.LEADERSHIP)
    page = client.get(f"/groups/{group.id}").get_data(as_text=True)
    assert f'hx-get="/meetings/group/{group.id}/record"' in page
    fragment = client.get(f"/meetings/group/{group.id}/record", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.get_data(as_text=True)
    assert "Lê Thành Đông" in fragment.get_data(as_text=True)


def test_person_page_embeds_the_attendance_record(client, as_role, make_person):
    person = make_person("Nguyễn Thăng Long")
    as_role(Role.ADMIN)
    page = client.get(f"/people/{person.id}").get_data(as_text=True)
    assert f'hx-get="/meetings/person/{person.id}/record"' in page
    assert client.get(f"/meetings/person/{person.id}/record", headers={"HX-Request": "true"}).status_code == 200


def test_unit_page_embeds_its_targets(client, as_role, make_unit, root_unit):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    as_role(Role.ADMIN)
    page = client.get(f"/units/{ward.id}").get_data(as_text=True)
    assert f'hx-get="/targets/unit/{ward.id}"' in page
    assert client.get(f"/targets/unit/{ward.id}", headers={"HX-Request": "true"}).status_code == 200


def test_members_do_not_get_a_section_they_may_not_read(client, make_user, login, make_group, make_person,
                                                        make_membership):
    group = make_group()
    person = make_person("Đặng Ngọc Vệ")
    make_membership(person, group)
    login(make_user(Role.MEMBER, person=person))
    page = client.get(f"/groups/{group.id}").get_data(as_text=True)
    assert "/meetings/group/" not in page
