"""The groups pages: lists, group page, forms, and the inline HTMX membership and assignment changes."""
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.webapp.town import START, yesterday
from webapp.clock import local_today
from webapp.extensions import db
from webapp.groups.queries import group_summaries
from webapp.models import Assignment, MemberRole, Membership, Role, Term, WorkingGroup

HX = {"HX-Request": "true"}


def _count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_group_list_shows_groups_with_their_head_and_size(client, town, login_as):
    login_as(Role.LEADERSHIP)
    body = client.get("/groups/").get_data(as_text=True)
    assert "<html" in body and "Đoàn công tác số 1" in body and "Nguyễn Thăng Long" in body


def test_group_list_search_answers_htmx_with_the_rows_fragment(client, town, login_as):
    login_as(Role.ADMIN)
    body = client.get("/groups/?q=số 2", headers=HX).get_data(as_text=True)
    assert "<html" not in body and "Đoàn công tác số 2" in body and "Đoàn công tác số 1" not in body


def test_group_page_lists_members_by_role_with_units_and_history(client, town, login_as, make_membership):
    make_membership(town.outsider, town.group, MemberRole.DEPUTY, start=START, end=yesterday())
    login_as(Role.LEADERSHIP)
    body = client.get(f"/groups/{town.group.id}").get_data(as_text=True)
    assert "<html" in body
    head_table = body.split('id="members-head"')[1].split("</table>")[0]
    member_table = body.split('id="members-member"')[1].split("</table>")[0]
    history = body.split('id="history-memberships"')[1].split("</table>")[0]
    assert "Nguyễn Thăng Long" in head_table and "Phụ trách chung" in head_table
    assert "Đặng Ngọc Vệ" in member_table and "Chi bộ Tổ dân phố 3" in member_table
    assert "Trần Thị Hoa" in history and "Trần Thị Hoa" not in body.split('id="history-memberships"')[0]
    assert "Thêm thành viên" not in body  # leadership reads only


def test_group_page_for_htmx_is_the_members_fragment(client, town, login_as):
    login_as(Role.ADMIN)
    body = client.get(f"/groups/{town.group.id}", headers=HX).get_data(as_text=True)
    assert "<html" not in body and 'id="members-head"' in body and "Thêm thành viên" in body


def test_user_text_is_escaped(client, town, login_as, make_person, make_membership):
    make_membership(make_person("<script>alert(1)</script>"), town.group)
    login_as(Role.ADMIN)
    body = client.get(f"/groups/{town.group.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)" in body


def _group_form(town, **changes):
    data = {"number": "7", "name": "Đoàn công tác số 7", "term_id": str(town.group.term_id),
            "owner_unit_id": str(town.root.id), "notes": "Phụ trách khối doanh nghiệp"}
    return {**data, **changes}


def test_create_group(client, town, login_as):
    login_as(Role.ADMIN)
    response = client.post("/groups/new", data=_group_form(town))
    group = db.session.scalar(select(WorkingGroup).where(WorkingGroup.number == 7))
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/groups/{group.id}")
    assert group.notes == "Phụ trách khối doanh nghiệp" and group.owner_unit_id == town.root.id


@pytest.mark.parametrize("changes,message", [
    ({"name": ""}, "Hãy nhập tên đoàn."),
    ({"number": "bảy"}, "Hãy nhập một số nguyên."),
    ({"number": "1"}, "Số đoàn 1 đã có trong nhiệm kỳ này."),
    ({"term_id": ""}, "Hãy chọn nhiệm kỳ."),
    ({"term_id": "999"}, "Hãy chọn nhiệm kỳ."),
    ({"owner_unit_id": "abc"}, "Lựa chọn không hợp lệ."),
])
def test_create_group_bad_input_is_shown_next_to_the_field(client, town, login_as, changes, message):
    login_as(Role.ADMIN)
    response = client.post("/groups/new", data=_group_form(town, **changes))
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and message in body and 'class="field-error"' in body
    assert _count(WorkingGroup) == 2


def test_scoped_admin_cannot_own_a_group_outside_the_scope(client, town, as_role):
    as_role(Role.ADMIN, scope_unit=town.ward)
    response = client.post("/groups/new", data=_group_form(town, owner_unit_id=str(town.other_ward.id)))
    assert response.status_code == 422 and "ngoài phạm vi" in response.get_data(as_text=True)
    assert _count(WorkingGroup) == 2


def test_edit_group(client, town, login_as):
    login_as(Role.ADMIN)
    response = client.post(f"/groups/{town.group.id}/edit", data=_group_form(town, number="1", name="Đoàn số 1 (mới)"))
    assert response.status_code == 302
    assert db.session.get(WorkingGroup, town.group.id).name == "Đoàn số 1 (mới)"


def test_edit_group_refuses_the_number_of_another_group(client, town, login_as):
    login_as(Role.ADMIN)
    response = client.post(f"/groups/{town.group.id}/edit", data=_group_form(town, number="2"))
    assert response.status_code == 422 and "Số đoàn 2 đã có" in response.get_data(as_text=True)
    assert db.session.get(WorkingGroup, town.group.id).number == 1


def _add(client, town, headers=HX, **changes):
    data = {"person_id": str(town.outsider.id), "role": "deputy", "start_date": "2026-01-05",
            "responsibilities": "Dân vận"}
    return client.post(f"/groups/{town.group.id}/members", data={**data, **changes}, headers=headers)


def test_add_member_with_htmx_returns_the_updated_members_fragment(client, town, login_as):
    login_as(Role.GROUP_HEAD)
    response = _add(client, town)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert "Trần Thị Hoa" in body.split('id="members-deputy"')[1].split("</table>")[0]
    membership = db.session.scalar(select(Membership).where(Membership.person_id == town.outsider.id))
    assert (membership.role, membership.start_date) == (MemberRole.DEPUTY, date(2026, 1, 5))


def test_add_member_without_javascript_returns_the_whole_page(client, town, login_as):
    login_as(Role.ADMIN)
    response = _add(client, town, headers={})
    assert response.status_code == 200 and "<html" in response.get_data(as_text=True)
    assert _count(Membership, Membership.person_id == town.outsider.id) == 1


@pytest.mark.parametrize("changes,message", [
    ({"person_id": ""}, "Hãy chọn một cá nhân."),
    ({"person_id": "99999"}, "Hãy chọn một cá nhân."),
    ({"person_id": "{member}"}, "Đặng Ngọc Vệ đang là thành viên của đoàn này."),
    ({"role": "head"}, "Đoàn đã có Trưởng đoàn"),
    ({"role": "boss"}, "Lựa chọn không hợp lệ."),
    ({"start_date": "2024-01-01"}, "Ngày phải nằm trong nhiệm kỳ 2025 - 2030"),
    ({"start_date": "31/02/2026"}, "Ngày không hợp lệ"),
    ({"start_date": ""}, "Hãy nhập ngày bắt đầu."),
])
def test_add_member_bad_input_is_shown_next_to_the_field(client, town, login_as, changes, message):
    login_as(Role.ADMIN)
    changes = {k: v.format(member=town.member.id) for k, v in changes.items()}
    before = _count(Membership)
    response = _add(client, town, **changes)
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and "<html" not in body
    form = body.split('id="add-member-form"')[1].split("</form>")[0]
    assert message in form and 'class="field-error"' in form
    assert _count(Membership) == before


def test_change_role_closes_the_row_and_opens_a_new_one(client, town, login_as):
    login_as(Role.ADMIN)
    key = f"edit-{town.member_membership.id}"
    response = client.post(f"/groups/{town.group.id}/members/{town.member_membership.id}/edit", headers=HX,
                           data={f"{key}-role": "deputy", f"{key}-on_date": "2026-03-01",
                                 f"{key}-responsibilities": "Theo dõi khối dân vận"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Đặng Ngọc Vệ" in body.split('id="members-deputy"')[1].split("</table>")[0]
    rows = db.session.scalars(select(Membership).where(Membership.person_id == town.member.id)
                              .order_by(Membership.start_date)).all()
    assert [(r.role, r.end_date) for r in rows] == [(MemberRole.MEMBER, date(2026, 2, 28)), (MemberRole.DEPUTY, None)]
    assert rows[1].responsibilities == "Theo dõi khối dân vận"


def test_editing_only_the_responsibilities_keeps_the_row(client, town, login_as):
    login_as(Role.ADMIN)
    key = f"edit-{town.member_membership.id}"
    client.post(f"/groups/{town.group.id}/members/{town.member_membership.id}/edit", headers=HX,
                data={f"{key}-role": "member", f"{key}-on_date": "2026-03-01", f"{key}-responsibilities": "Mới"})
    assert _count(Membership, Membership.person_id == town.member.id) == 1
    assert db.session.get(Membership, town.member_membership.id).responsibilities == "Mới"


def test_change_role_bad_date_reopens_the_row_form_with_the_error(client, town, login_as):
    login_as(Role.ADMIN)
    key = f"edit-{town.member_membership.id}"
    response = client.post(f"/groups/{town.group.id}/members/{town.member_membership.id}/edit", headers=HX,
                           data={f"{key}-role": "deputy", f"{key}-on_date": "2025-10-15"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'id="{key}-on_date-err"' in body and "Ngày thay đổi phải sau ngày bắt đầu (15/10/2025)" in body
    assert '<details class="inline-form" open>' in body
    assert _count(Membership, Membership.person_id == town.member.id) == 1


def test_ending_a_membership_today_lists_it_as_ended_everywhere_with_a_confirmation(client, town, login_as):
    login_as(Role.GROUP_HEAD)
    key = f"end-{town.member_membership.id}"
    today = local_today()
    count_before = group_summaries([town.group], today)[town.group.id]["count"] - 1
    response = client.post(f"/groups/{town.group.id}/members/{town.member_membership.id}/end", headers=HX,
                           data={f"{key}-on_date": today.isoformat()})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Đặng Ngọc Vệ" not in body.split('id="members-member"')[1].split("</table>")[0]
    assert "Đặng Ngọc Vệ" in body.split('id="history-memberships"')[1].split("</table>")[0]
    notice = body.split('id="members-notice"')[1].split("</p>")[0]
    assert f"Đặng Ngọc Vệ thôi tham gia đoàn từ ngày {today:%d/%m/%Y}" in notice
    assert db.session.get(Membership, town.member_membership.id).end_date == yesterday()
    assert db.session.get(Assignment, town.assignment.id).end_date == yesterday()
    assert group_summaries([town.group], today)[town.group.id]["count"] == count_before
    person_page = client.get(f"/people/{town.member.id}").get_data(as_text=True)
    assert town.group.name not in person_page.split('id="current-groups"')[1].split("</table>")[0]
    assert town.group.name in person_page.split('id="past-groups"')[1].split("</table>")[0]


@pytest.mark.parametrize("value,message", [
    ("2025-10-01", "Ngày thôi phải sau ngày bắt đầu tham gia đoàn (15/10/2025)."),
    ("2025-10-15", "Ngày thôi phải sau ngày bắt đầu tham gia đoàn (15/10/2025)."),
    ("2031-01-02", "Ngày phải nằm trong nhiệm kỳ"),
    ("hôm qua", "Ngày không hợp lệ"),
])
def test_end_membership_bad_date_changes_nothing(client, town, login_as, value, message):
    login_as(Role.ADMIN)
    key = f"end-{town.member_membership.id}"
    response = client.post(f"/groups/{town.group.id}/members/{town.member_membership.id}/end", headers=HX,
                           data={f"{key}-on_date": value})
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert db.session.get(Membership, town.member_membership.id).end_date is None


def test_assign_unit_and_scope_error(client, town, as_role):
    as_role(Role.ADMIN, scope_unit=town.root)
    key = f"assign-{town.member_membership.id}"
    url = f"/groups/{town.group.id}/members/{town.member_membership.id}/assignments"
    response = client.post(
        url, headers=HX, data={f"{key}-unit_id": str(town.ward.id), f"{key}-start_date": "2026-02-01"}
    )
    assert response.status_code == 200
    assert _count(Assignment, Assignment.unit_id == town.ward.id, Assignment.end_date.is_(None)) == 1


def test_assign_unit_outside_the_scope_is_refused_next_to_the_field(client, town, make_user, login):
    login(make_user(Role.GROUP_HEAD, person=town.head, scope_unit=town.ward))
    key = f"assign-{town.member_membership.id}"
    url = f"/groups/{town.group.id}/members/{town.member_membership.id}/assignments"
    response = client.post(
        url, headers=HX, data={f"{key}-unit_id": str(town.other_ward.id), f"{key}-start_date": "2026-02-01"}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and f'id="{key}-unit_id-err"' in body and "ngoài phạm vi" in body
    assert _count(Assignment, Assignment.unit_id == town.other_ward.id) == 0


def test_change_assignment_unit_and_end_assignment(client, town, login_as):
    login_as(Role.ADMIN)
    key = f"unit-{town.assignment.id}"
    response = client.post(f"/groups/{town.group.id}/assignments/{town.assignment.id}/unit", headers=HX,
                           data={f"{key}-unit_id": str(town.ward.id), f"{key}-on_date": "2026-04-01"})
    assert response.status_code == 200
    assert db.session.get(Assignment, town.assignment.id).end_date == date(2026, 3, 31)
    new = db.session.scalar(select(Assignment).where(Assignment.end_date.is_(None)))
    assert new.unit_id == town.ward.id
    key = f"endassign-{new.id}"
    response = client.post(f"/groups/{town.group.id}/assignments/{new.id}/end", headers=HX,
                           data={f"{key}-on_date": "2026-03-01"})
    assert response.status_code == 422 and "sau ngày bắt đầu phân công (01/04/2026)" in response.get_data(as_text=True)
    response = client.post(f"/groups/{town.group.id}/assignments/{new.id}/end", headers=HX,
                           data={f"{key}-on_date": local_today().isoformat()})
    assert response.status_code == 200 and db.session.get(Assignment, new.id).end_date == yesterday()
    assert "thôi theo dõi Đảng bộ phường Bắc Hồng từ ngày" in response.get_data(as_text=True)
    assert "Đảng bộ phường Bắc Hồng" in response.get_data(as_text=True).split('id="history-assignments"')[1]


def test_create_term(client, term, as_role):
    as_role(Role.ADMIN)
    response = client.post("/groups/terms", data={"name": "2030 - 2035", "start_date": "2030-10-01",
                                                   "end_date": "2035-09-30", "is_current": "y"})
    assert response.status_code == 302
    assert db.session.scalar(select(Term.name).where(Term.is_current)) == "2030 - 2035"


@pytest.mark.parametrize("data,message", [
    ({"name": "", "start_date": "2030-10-01", "end_date": "2035-09-30"}, "Hãy nhập tên nhiệm kỳ."),
    ({"name": "2025 - 2030", "start_date": "2030-10-01", "end_date": "2035-09-30"}, "Đã có nhiệm kỳ với tên này."),
    ({"name": "X", "start_date": "2030-10-01", "end_date": "2029-09-30"}, "Ngày kết thúc không được trước"),
    ({"name": "X", "start_date": "2030-13-01", "end_date": "2035-09-30"}, "Ngày không hợp lệ"),
])
def test_create_term_bad_input(client, term, as_role, data, message):
    as_role(Role.ADMIN)
    response = client.post("/groups/terms", data=data)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert _count(Term) == 1


def test_posts_without_a_csrf_token_are_rejected(client, town, login_as, request):
    login_as(Role.ADMIN)
    request.getfixturevalue("csrf_on")  # after logging in: the login form posts no token here
    response = _add(client, town)
    assert response.status_code == 400 and "CSRF" in response.get_data(as_text=True)
    assert _count(Membership, Membership.person_id == town.outsider.id) == 0


def test_posts_with_the_csrf_header_are_accepted(client, town, login_as, request):
    login_as(Role.ADMIN)
    request.getfixturevalue("csrf_on")
    page = client.get(f"/groups/{town.group.id}").get_data(as_text=True)
    token = page.split('name="csrf-token" content="')[1].split('"')[0]
    response = _add(client, town, headers={**HX, "X-CSRFToken": token})
    assert response.status_code == 200
    assert _count(Membership, Membership.person_id == town.outsider.id) == 1


def test_a_failed_add_keeps_the_chosen_person_selected(client, town, login_as, make_person):
    for index in range(55):
        make_person(f"An Văn {index:02d}")
    login_as(Role.ADMIN)
    body = _add(client, town, person_id=str(town.member.id)).get_data(as_text=True)
    assert f'<option selected value="{town.member.id}">' in body


def test_a_member_sees_colleagues_and_units_as_text_not_as_links_that_answer_403(client, town, login_as):
    login_as(Role.MEMBER)
    body = client.get(f"/groups/{town.group.id}").get_data(as_text=True)
    assert f'href="/people/{town.member.id}"' in body  # their own page
    assert f'href="/people/{town.head.id}"' not in body and "Nguyễn Thăng Long" in body
    assert f'href="/units/{town.cell.id}"' not in body and "Chi bộ Tổ dân phố 3" in body
    assert 'href="/groups/"' not in body
    assert client.get(f"/people/{town.head.id}").status_code == 403


def test_readers_get_the_links(client, town, login_as):
    login_as(Role.LEADERSHIP)
    body = client.get(f"/groups/{town.group.id}").get_data(as_text=True)
    assert f'href="/people/{town.head.id}"' in body and f'href="/units/{town.cell.id}"' in body
    assert 'href="/groups/"' in body


def test_unit_selects_come_with_their_form_not_with_the_page(client, town, login_as):
    login_as(Role.ADMIN)
    mid = town.member_membership.id
    page = client.get(f"/groups/{town.group.id}").get_data(as_text=True)
    assert f'name="assign-{mid}-unit_id"' not in page
    assert f'hx-get="/groups/{town.group.id}/row-form/assign/{mid}"' in page
    assert f'href="/groups/{town.group.id}/row-form/assign/{mid}#membership-{mid}"' in page  # without JavaScript
    body = client.get(f"/groups/{town.group.id}/row-form/assign/{mid}", headers=HX).get_data(as_text=True)
    assert f'name="assign-{mid}-unit_id"' in body and "Chi bộ Tổ dân phố 3" in body and "<html" not in body
    opened = client.get(f"/groups/{town.group.id}/row-form/assign/{mid}").get_data(as_text=True)
    assert "<html" in opened and f'name="assign-{mid}-unit_id"' in opened
    assert client.get(f"/groups/{town.group.id}?form=assign-{mid}").get_data(as_text=True).count(
        f'name="assign-{mid}-unit_id"') == 1
    unit_form = client.get(f"/groups/{town.group.id}/row-form/unit/{town.assignment.id}").get_data(as_text=True)
    assert f'name="unit-{town.assignment.id}-unit_id"' in unit_form


def test_lazy_forms_check_the_group_and_the_role(client, town, login_as):
    login_as(Role.ADMIN)
    mid = town.member_membership.id
    assert client.get(f"/groups/{town.other_group.id}/row-form/assign/{mid}").status_code == 404
    assert client.get(f"/groups/{town.group.id}/row-form/nope/{mid}").status_code == 404
    assert client.get(f"/groups/{town.other_group.id}/row-form/end/{mid}", headers=HX).status_code == 404
    assert client.get(f"/groups/{town.other_group.id}/row-form/endassign/{town.assignment.id}").status_code == 404


@pytest.mark.parametrize("kind,row,action,field", [
    ("edit", "member_membership", "/members/{id}/edit", "responsibilities"),
    ("end", "member_membership", "/members/{id}/end", "on_date"),
    ("endassign", "assignment", "/assignments/{id}/end", "on_date"),
])
def test_a_rows_forms_come_when_opened_and_open_on_their_own_page(client, town, login_as, request, kind, row, action,
                                                                   field):
    login_as(Role.GROUP_HEAD)
    request.getfixturevalue("csrf_on")  # after the login: the forms carry their token
    row_id = getattr(town, row).id
    anchor = "membership" if row == "member_membership" else "assignment"
    url = f"/groups/{town.group.id}/row-form/{kind}/{row_id}"
    name = f'name="{kind}-{row_id}-{field}"'
    page = client.get(f"/groups/{town.group.id}").get_data(as_text=True)
    assert name not in page and f'hx-get="{url}"' in page
    assert f'href="{url}#{anchor}-{row_id}"' in page  # without JavaScript
    body = client.get(url, headers=HX).get_data(as_text=True)
    post = f'/groups/{town.group.id}{action.format(id=row_id)}'
    assert "<html" not in body and name in body and f'hx-post="{post}"' in body
    assert f'name="{kind}-{row_id}-csrf_token"' in body
    opened = client.get(url).get_data(as_text=True)
    assert "<html" in opened and name in opened and opened.count("<details class=\"inline-form\" open") == 1
    if kind == "edit":
        assert 'selected value="member"' in body or 'value="member" selected' in body


def test_readers_do_not_get_the_lazy_forms(client, town, login_as):
    login_as(Role.LEADERSHIP)
    assert client.get(f"/groups/{town.group.id}/row-form/assign/{town.member_membership.id}").status_code == 403
