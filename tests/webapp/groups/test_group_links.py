"""A ward-level group names the higher-level group it works with: set by an admin whose scope covers both, shown
both ways, and it lets the two groups' members following one unit read each other's member reports."""
from datetime import date, datetime, timezone

import pytest

from webapp.extensions import db
from webapp.member_reports.services import set_rule, submit_member_report
from webapp.models import FieldVisit, MemberRole, ReportFrequency, Role, Sector, UnitKind, WorkingGroup

START = date(2025, 10, 15)
NOV_26 = datetime(2026, 11, 26, 3, 0, tzinfo=timezone.utc)


@pytest.fixture
def levels(make_unit, root_unit, make_group, make_person, make_membership, make_assignment, make_user):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    other_ward = make_unit("Đảng bộ phường Nam Sơn", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.WARD, ward)
    town_group = make_group(1, "Đoàn công tác số 1")
    ward_group = make_group(2, "Tổ công tác phường Bắc Hồng", owner=ward)
    users = {}
    for key, name, group in (("town_member", "Phạm Thị Thành", town_group), ("ward_member", "Đỗ Văn Phối", ward_group)):
        person = make_person(name)
        make_assignment(make_membership(person, group, MemberRole.MEMBER, start=START), cell, start=START)
        users[key] = make_user(Role.MEMBER, username=key, person=person)
    db.session.commit()
    return dict(ward=ward, other_ward=other_ward, cell=cell, town_group=town_group, ward_group=ward_group, **users)


def _form(group, **changes):
    return {"number": str(group.number), "name": group.name, "term_id": str(group.term_id),
            "owner_unit_id": str(group.owner_unit_id), "notes": "", **changes}


def test_an_admin_links_the_ward_group_and_both_pages_show_it(client, as_role, levels):
    as_role(Role.ADMIN)
    ward_group, town_group = levels["ward_group"], levels["town_group"]
    form = client.get(f"/groups/{ward_group.id}/edit").get_data(as_text=True)
    assert 'name="works_with_group_id"' in form and "Đoàn công tác số 1" in form
    response = client.post(f"/groups/{ward_group.id}/edit",
                           data=_form(ward_group, works_with_group_id=str(town_group.id)))
    assert response.status_code == 302
    assert db.session.get(WorkingGroup, ward_group.id).works_with_group_id == town_group.id
    below = client.get(f"/groups/{ward_group.id}").get_data(as_text=True)
    assert "Phối hợp với đoàn cấp trên" in below and "Đoàn công tác số 1" in below
    above = client.get(f"/groups/{town_group.id}").get_data(as_text=True)
    assert "Đoàn cấp dưới phối hợp" in above and "Tổ công tác phường Bắc Hồng" in above
    cleared = client.post(f"/groups/{ward_group.id}/edit", data=_form(ward_group, works_with_group_id=""))
    assert cleared.status_code == 302 and db.session.get(WorkingGroup, ward_group.id).works_with_group_id is None


@pytest.mark.parametrize("target, message", [
    ("self", "không liên kết với chính nó"),
    ("lower", "Chỉ liên kết với đoàn của cấp ủy cấp trên"),
    ("missing", "Lựa chọn không hợp lệ."),
])
def test_a_wrong_link_is_refused_next_to_the_field(client, as_role, levels, target, message):
    as_role(Role.ADMIN)
    ward_group, town_group = levels["ward_group"], levels["town_group"]
    group, other = {"self": (ward_group, ward_group), "lower": (town_group, ward_group),
                    "missing": (ward_group, None)}[target]
    response = client.post(f"/groups/{group.id}/edit",
                           data=_form(group, works_with_group_id=str(other.id) if other else "999"))
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert db.session.get(WorkingGroup, group.id).works_with_group_id is None


def test_a_ward_admin_cannot_link_to_a_group_outside_their_scope(client, as_role, levels):
    as_role(Role.ADMIN, scope_unit=levels["ward"])
    ward_group, town_group = levels["ward_group"], levels["town_group"]
    assert "Đoàn công tác số 1" not in client.get(f"/groups/{ward_group.id}/edit").get_data(as_text=True)
    response = client.post(f"/groups/{ward_group.id}/edit",
                           data=_form(ward_group, works_with_group_id=str(town_group.id)))
    assert response.status_code == 422 and "ngoài phạm vi" in response.get_data(as_text=True)


def _report_of(user, group):
    rule = set_rule(group, ReportFrequency.MONTHLY, 25, 0, date(2026, 1, 1))
    report = submit_member_report(user, rule, user.person_id, "2026-11", "Chi bộ tổ 1 cần sửa đèn.", date(2026, 11, 26))
    db.session.commit()
    return report


@pytest.mark.parametrize("linked", [True, False])
def test_members_of_linked_groups_following_one_unit_read_each_others_reports(client, login, clock, levels, app,
                                                                              linked):
    clock(NOV_26)
    if linked:
        levels["ward_group"].works_with = levels["town_group"]
    with app.test_request_context():
        report = _report_of(levels["ward_member"], levels["ward_group"])
    login(levels["town_member"])
    listing = client.get("/member-reports/").get_data(as_text=True)
    detail = client.get(f"/member-reports/{report.id}")
    if linked:
        assert 'id="partner-reports"' in listing and "Đỗ Văn Phối" in listing
        assert detail.status_code == 200 and "Chi bộ tổ 1 cần sửa đèn." in detail.get_data(as_text=True)
    else:
        assert 'id="partner-reports"' not in listing and detail.status_code == 403


def test_the_unit_timeline_shows_the_visits_of_both_levels(client, as_role, clock, levels):
    clock(NOV_26)
    for key, group in (("town_member", "town_group"), ("ward_member", "ward_group")):
        db.session.add(FieldVisit(person_id=levels[key].person_id, unit_id=levels["cell"].id,
                                  group_id=levels[group].id, visited_on=date(2026, 11, 10), findings="Nắm tình hình"))
    db.session.commit()
    as_role(Role.ADMIN)
    page = client.get(f"/units/{levels['cell'].id}/timeline").get_data(as_text=True)
    assert "Đoàn công tác số 1 (Đảng bộ thị xã Hồng Sơn)" in page
    assert "Tổ công tác phường Bắc Hồng (Đảng bộ phường Bắc Hồng)" in page
