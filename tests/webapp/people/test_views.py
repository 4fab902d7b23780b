"""The people pages: list with diacritic-free live search, person page, picker, create and edit."""
import pytest
from sqlalchemy import func, select

from tests.webapp.town import START, yesterday
from webapp.extensions import db
from webapp.models import MemberRole, Person, Role

HX = {"HX-Request": "true"}


def _names_in_order(body: str, names: list[str]) -> list[str]:
    return sorted((n for n in names if n in body), key=body.index)


def test_list_is_in_vietnamese_name_order(client, town, login_as):
    login_as(Role.LEADERSHIP)
    body = client.get("/people/").get_data(as_text=True)
    names = ["Nguyễn Thăng Long", "Đặng Ngọc Vệ", "Trần Thị Hoa", "Lê Thành Đông"]
    assert _names_in_order(body, names) == ["Lê Thành Đông", "Trần Thị Hoa", "Nguyễn Thăng Long", "Đặng Ngọc Vệ"]


@pytest.mark.parametrize("query", ["nguyen thang long", "NGUYEN THANG", "thăng long", "  Nguyễn   Thăng "])
def test_live_search_ignores_diacritics_and_case(client, town, login_as, query):
    login_as(Role.ADMIN)
    response = client.get("/people/", query_string={"q": query}, headers=HX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert "Nguyễn Thăng Long" in body and "Đặng Ngọc Vệ" not in body


def test_search_without_javascript_returns_the_page(client, town, login_as):
    login_as(Role.ADMIN)
    body = client.get("/people/?q=dang ngoc").get_data(as_text=True)
    assert "<html" in body and "Đặng Ngọc Vệ" in body and "Trần Thị Hoa" not in body


def test_search_treats_like_wildcards_literally(client, town, login_as):
    login_as(Role.ADMIN)
    body = client.get("/people/?q=%25", headers=HX).get_data(as_text=True)
    assert "Không tìm thấy cá nhân nào." in body


def test_list_paginates(client, app, town, login_as, make_person):
    login_as(Role.ADMIN)
    for index in range(30):
        make_person(f"Phạm Văn Số {index:02d}")
    first = client.get("/people/").get_data(as_text=True)
    second = client.get("/people/?page=2", headers=HX).get_data(as_text=True)
    assert "Trang 1 / 2" in first and "Trang 2 / 2" in second and "<html" not in second


def test_list_shows_current_groups_and_roles(client, town, login_as):
    login_as(Role.ADMIN)
    body = client.get("/people/?q=nguyen thang").get_data(as_text=True)
    assert "Đoàn công tác số 1 — Trưởng đoàn" in body


def test_picker_returns_options_for_htmx_and_a_page_without(client, town, login_as):
    login_as(Role.GROUP_HEAD)
    fragment = client.get("/people/picker?person_q=tran thi", headers=HX).get_data(as_text=True)
    assert fragment.lstrip().startswith("<option") and f'value="{town.outsider.id}"' in fragment
    assert "Nguyễn Thăng Long" not in fragment
    page = client.get("/people/picker?person_q=tran thi").get_data(as_text=True)
    assert "<html" in page and "Trần Thị Hoa" in page


def test_group_page_search_fallback_filters_the_person_select(client, town, login_as):
    login_as(Role.ADMIN)
    body = client.get(f"/groups/{town.group.id}?person_q=tran thi").get_data(as_text=True)
    select_html = body.split('id="person_id"')[1].split("</select>")[0]
    assert "Trần Thị Hoa" in select_html and "Lê Thành Đông" not in select_html


def test_person_page_shows_groups_and_assignments_current_and_past(client, town, login_as, make_membership,
                                                                  make_assignment):
    past = make_membership(town.member, town.other_group, MemberRole.DEPUTY, start=START, end=yesterday())
    make_assignment(past, town.ward, start=START, end=yesterday())
    login_as(Role.LEADERSHIP)
    body = client.get(f"/people/{town.member.id}").get_data(as_text=True)
    current = body.split('id="current-groups"')[1].split("</table>")[0]
    past_groups = body.split('id="past-groups"')[1].split("</table>")[0]
    assert "Đoàn công tác số 1" in current and "Đoàn công tác số 2" in past_groups
    assert "Chi bộ Tổ dân phố 3" in body.split('id="current-assignments"')[1].split("</table>")[0]
    assert "Đảng bộ phường Bắc Hồng" in body.split('id="past-assignments"')[1].split("</table>")[0]


def _person_form(town, **changes):
    data = {"full_name": "  nguyễn   văn  an ", "birth_date": "1980-05-17", "position": "Chuyên viên",
            "phone": "0912 345 678", "email": "an@example.vn", "home_unit_id": str(town.cell.id),
            "is_council_delegate": "y", "notes": ""}
    return {**data, **changes}


def test_create_person_stores_a_clean_name_and_keys(client, town, login_as):
    login_as(Role.UNIT_OFFICER)
    response = client.post("/people/new", data=_person_form(town))
    person = db.session.scalar(select(Person).where(Person.search_key == "nguyen van an"))
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/people/{person.id}")
    assert person.full_name == "nguyễn văn an" and person.phone == "0912345678" and person.is_council_delegate
    assert person.home_unit_id == town.cell.id and person.sort_key


@pytest.mark.parametrize("changes,message", [
    ({"full_name": "  "}, "Hãy nhập họ và tên."),
    ({"birth_date": "17/13/1980"}, "Ngày không hợp lệ"),
    ({"birth_date": "2099-01-01"}, "Ngày sinh không thể ở tương lai."),
    ({"phone": "09abc"}, "Số điện thoại chỉ gồm chữ số"),
    ({"email": "an@"}, "Địa chỉ thư điện tử không hợp lệ."),
    ({"home_unit_id": "{other_ward}"}, "Đơn vị này nằm ngoài phạm vi quản lý của bạn."),
    ({"home_unit_id": ""}, "Hãy chọn đơn vị sinh hoạt thuộc phạm vi của bạn."),
    ({"home_unit_id": "x"}, "Lựa chọn không hợp lệ."),
])
def test_create_person_bad_input_is_shown_next_to_the_field(client, town, login_as, changes, message):
    login_as(Role.UNIT_OFFICER)
    changes = {k: v.format(other_ward=town.other_ward.id) for k, v in changes.items()}
    before = db.session.scalar(select(func.count()).select_from(Person))
    response = client.post("/people/new", data=_person_form(town, **changes))
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and message in body and 'class="field-error"' in body
    assert db.session.scalar(select(func.count()).select_from(Person)) == before


def test_edit_person_renames_and_refreshes_the_search_key(client, town, login_as):
    login_as(Role.ADMIN)
    response = client.post(f"/people/{town.outsider.id}/edit",
                           data=_person_form(town, full_name="Trần Thị Hoà", is_council_delegate=""))
    assert response.status_code == 302
    person = db.session.get(Person, town.outsider.id)
    assert person.search_key == "tran thi hoa" and person.full_name == "Trần Thị Hoà" and not person.is_council_delegate


def test_unit_officer_cannot_move_a_person_out_of_the_ward(client, town, login_as):
    login_as(Role.UNIT_OFFICER)
    response = client.post(f"/people/{town.outsider.id}/edit",
                           data=_person_form(town, home_unit_id=str(town.other_ward.id)))
    assert response.status_code == 422
    assert db.session.get(Person, town.outsider.id).home_unit_id == town.ward.id


def test_member_sees_own_page_only(client, town, login_as):
    login_as(Role.MEMBER)
    assert client.get(f"/people/{town.member.id}").status_code == 200
    assert client.get(f"/people/{town.head.id}").status_code == 403


def test_member_menu_links_to_own_page_and_hides_the_lists(client, town, login_as):
    login_as(Role.MEMBER)
    body = client.get("/").get_data(as_text=True)
    assert f'href="/people/{town.member.id}"' in body and 'href="/people/"' not in body
