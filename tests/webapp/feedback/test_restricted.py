"""Restricted categories: the secret text never reaches a user who may not see it, on any route."""
from io import BytesIO

import pytest
from openpyxl import load_workbook
from werkzeug.datastructures import FileStorage

from webapp.extensions import db
from webapp.feedback.services import attach_files, transition
from webapp.models import FeedbackStatus, Role

from .conftest import SECRET

SEES = {"admin": True, "leadership": True, "handler": True, "group_head": False, "unit_officer": False,
        "creator": False, "member_source": False}


@pytest.fixture
def secret_case(restricted_item, make_user, make_person, ward):
    """The restricted item forwarded to a handler, with a note and an attachment; one user per viewpoint."""
    source = make_person("Lê Văn Nguồn")
    restricted_item.source_person = source
    users = {
        "admin": make_user(Role.ADMIN), "leadership": make_user(Role.LEADERSHIP),
        "handler": make_user(Role.MEMBER), "group_head": make_user(Role.GROUP_HEAD),
        "unit_officer": make_user(Role.UNIT_OFFICER, scope_unit=ward),
        "creator": restricted_item.created_by, "member_source": make_user(Role.MEMBER, person=source),
    }
    transition(restricted_item, users["admin"], FeedbackStatus.FORWARDED, forwarded_to="Ủy ban kiểm tra",
               handler=users["handler"], note=f"Ghi chú: {SECRET}")
    upload = FileStorage(BytesIO(SECRET.encode()), filename="to-cao.txt", content_type="text/plain")
    attach_files(restricted_item, users["admin"], [upload])
    db.session.commit()
    return restricted_item, users


def _sheet_text(data: bytes) -> str:
    return " ".join(str(c.value) for row in load_workbook(BytesIO(data)).active.iter_rows() for c in row)


@pytest.mark.parametrize("who", SEES)
def test_secret_reaches_only_admins_leadership_and_handler(client, login, secret_case, who):
    item, users = secret_case
    login(users[who])
    lists = [client.get("/feedback/"), client.get("/feedback/", headers={"HX-Request": "true"})]
    details = [client.get(f"/feedback/{item.id}"), client.get(f"/feedback/{item.id}", headers={"HX-Request": "true"})]
    for response in lists + details:
        body = response.get_data(as_text=True)
        assert response.status_code == 200 and item.number in body
        assert (SECRET in body) is SEES[who]
    for response in details:
        assert ("Ủy ban kiểm tra" in response.get_data(as_text=True)) is SEES[who]
    export = _sheet_text(client.get("/feedback/export.xlsx").data)
    assert item.number in export and (SECRET in export) is SEES[who]
    searched = client.get("/feedback/?q=hối lộ", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert (item.number in searched) is SEES[who] and (SECRET in searched) is SEES[who]
    searched_export = _sheet_text(client.get("/feedback/export.xlsx?q=hối lộ").data)
    assert (item.number in searched_export) is SEES[who] and (SECRET in searched_export) is SEES[who]
    download = client.get(f"/feedback/attachments/{item.attachments[0].id}")
    assert download.status_code == (200 if SEES[who] else 403)
    download.close()


def test_others_cannot_act_on_restricted_items(client, login, secret_case):
    item, users = secret_case
    login(users["unit_officer"])
    response = client.post(f"/feedback/{item.id}/transition", data={"target": "in_progress"})
    assert response.status_code == 403
    assert SECRET not in response.get_data(as_text=True)


def test_users_out_of_scope_do_not_learn_the_item_exists(client, as_role, restricted_item, make_unit, root_unit):
    other_ward = make_unit("Đảng bộ phường Nam Hồng", parent=root_unit)
    as_role(Role.UNIT_OFFICER, scope_unit=other_ward)
    assert restricted_item.number not in client.get("/feedback/").get_data(as_text=True)
    assert client.get(f"/feedback/{restricted_item.id}").status_code == 403
