"""Terms are town-wide: an admin scoped to a ward reads them but opens none."""
from webapp.extensions import db
from webapp.models import Role, Term

FORM = {"name": "Nhiệm kỳ 2030-2035", "start_date": "2030-10-01", "end_date": "2035-09-30"}


def test_ward_admin_cannot_create_terms(client, town, login_in_ward):
    login_in_ward(Role.ADMIN)
    before = db.session.query(Term).count()
    assert client.get("/groups/terms").status_code == 200
    assert client.post("/groups/terms", data=FORM).status_code == 403
    assert db.session.query(Term).count() == before


def test_root_scoped_admin_creates_terms(client, town, as_role):
    as_role(Role.ADMIN, scope_unit=town.root)
    before = db.session.query(Term).count()
    assert client.post("/groups/terms", data=FORM).status_code == 302
    assert db.session.query(Term).count() == before + 1
