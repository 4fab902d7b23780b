"""The unit directory and the committee's identity are read from the database once per data version, not on every
page; a committed change is seen at the next request, a change not (yet) committed never enters the store."""
from tests.query_count import counted_statements
from webapp import data_cache
from webapp.extensions import db
from webapp.models import Role, Unit, UnitKind
from webapp.unit_labels import unit_label


def _directory_or_identity(client, url: str) -> list[str]:
    """The statements of one GET that read the directory or the identity (from an empty session)."""
    db.session.expunge_all()
    with counted_statements() as statements:
        assert client.get(url).status_code == 200
    return [s for s in statements if "org_identity" in s or s.startswith("SELECT unit.id, unit.name, unit.parent_id")]


def test_a_page_reads_the_directory_and_identity_once_per_data_version(client, as_role, make_unit, root_unit):
    make_unit("Chi bộ Tổ dân phố 1", parent=root_unit)
    root_id = root_unit.id
    as_role(Role.ADMIN)
    assert _directory_or_identity(client, "/tasks/") != []
    assert _directory_or_identity(client, "/tasks/") == []
    db.session.get(Unit, root_id).set_name("Đảng bộ phường Nam Hồng")
    db.session.commit()  # audited: the chain head moves
    assert _directory_or_identity(client, "/tasks/") != []


def test_a_committed_rename_is_seen_and_a_rolled_back_one_is_not(app, make_unit, root_unit):
    cell = make_unit("Chi bộ Tổ dân phố 1", parent=root_unit)
    with app.test_request_context("/"):
        assert unit_label(cell.id) == "Chi bộ Tổ dân phố 1"
    twin = make_unit("Chi bộ Tổ dân phố 1", parent=make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE,
                                                                 parent=root_unit))
    with app.test_request_context("/"):
        assert unit_label(twin.id) == "Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)"
        cell.set_name("Chi bộ Tổ dân phố 2")
        db.session.flush()  # written, not committed: computed afresh, not kept
        assert data_cache.request_version() is None
        assert data_cache.cached("unit_labels", lambda: "afresh") == "afresh"
        db.session.rollback()
    with app.test_request_context("/"):
        assert unit_label(cell.id) == f"Chi bộ Tổ dân phố 1 ({root_unit.name})"


def test_the_store_is_bounded_and_drops_the_least_recently_used(app, root_unit):
    computed = []

    def value(key):
        return data_cache.cached(key, lambda: computed.append(key) or key)

    with app.test_request_context("/"):
        for key in range(data_cache.MAX_ENTRIES):
            value(key)
        value(0)  # used again: now the most recent
        value("one more")  # the store is full: the least recently used (1) goes
        computed.clear()
        assert [value(0), value(2), value(1)] == [0, 2, 1]
    assert computed == [1]
