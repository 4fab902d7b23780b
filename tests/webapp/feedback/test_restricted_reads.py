"""Reads of restricted records are logged: whoever is shown a restricted item's content (its page, the list, the
export, an attachment) leaves an audit entry; a user shown the item blanked leaves none."""
import pytest
from sqlalchemy import select

from tests.query_count import counted_statements
from webapp.extensions import db
from webapp.models import AuditLog, Role

from .test_restricted import secret_case  # noqa: F401 (fixture)


def _reads(user) -> list[tuple[str, int, str]]:
    db.session.expire_all()
    return [(e.table_name, e.row_id, e.note) for e in db.session.scalars(
        select(AuditLog).where(AuditLog.action == "read", AuditLog.user_id == user.id).order_by(AuditLog.id))]


@pytest.mark.parametrize("who", ["admin", "handler"])
def test_every_read_of_restricted_content_is_logged(client, login, secret_case, who):  # noqa: F811
    item, users = secret_case
    login(users[who])
    assert client.get(f"/feedback/{item.id}").status_code == 200
    assert client.get("/feedback/").status_code == 200
    assert client.get("/feedback/export.xlsx").status_code == 200
    client.get(f"/feedback/attachments/{item.attachments[0].id}").close()
    assert _reads(users[who]) == [("feedback_item", item.id, note) for note in (
        "xem phản ánh", "xem danh sách phản ánh", "xuất Excel sổ phản ánh", "tải tệp đính kèm")]


def test_a_blanked_item_is_not_a_read(client, login, secret_case):  # noqa: F811
    item, users = secret_case
    login(users["unit_officer"])
    assert client.get(f"/feedback/{item.id}").status_code == 200
    assert client.get("/feedback/").status_code == 200
    assert _reads(users["unit_officer"]) == []


def test_reads_of_unrestricted_items_are_not_logged(client, as_role, make_item, ward):
    user = as_role(Role.ADMIN)
    item = make_item()
    assert client.get(f"/feedback/{item.id}").status_code == 200
    assert _reads(user) == []


def test_a_logged_read_leaves_the_cached_directory_valid(client, login, secret_case):  # noqa: F811
    """Showing a restricted item writes a read entry, not a change: the next page still finds the unit directory
    and the committee's identity in memory (the data version is the last change, `audit_chain.data_head`)."""
    item, users = secret_case
    login(users["admin"])
    assert client.get("/feedback/").status_code == 200
    before = len(_reads(users["admin"]))
    db.session.expunge_all()
    with counted_statements() as statements:
        assert client.get("/feedback/").status_code == 200
    assert len(_reads(users["admin"])) == before + 1
    directory = "SELECT unit.id, unit.name, unit.parent_id"
    assert not [s for s in statements if "org_identity" in s or s.startswith(directory)]
