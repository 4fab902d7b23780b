"""#21.6: no text longer than its column is stored, on SQLite (which would keep it whole) as on PostgreSQL (which
would answer 500): the forms refuse it from the column's own length (`lengths.fits`), and a flush refuses whatever
else gets through, next to the field of the column's name."""
from datetime import date

from flask import get_flashed_messages
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.groups import services as groups
from webapp.groups.forms import TermForm
from webapp.lengths import fits
from webapp.models import Person, Role, Term
from webapp.services import REFUSED, run_service


def test_form_limits_are_the_columns_lengths():
    assert fits(Person.full_name).max == Person.__table__.c.full_name.type.length == 160
    assert TermForm.name.kwargs["validators"][-1].max == Term.__table__.c.name.type.length


def test_an_over_long_value_is_refused_at_the_flush_next_to_its_field(app, term):
    with app.test_request_context(method="POST"):
        form = TermForm(meta={"csrf": False})
        refused = run_service(form, groups.create_term, "N" * 81, date(2031, 1, 1), date(2035, 12, 31))
        assert refused is REFUSED
        assert [str(e) for e in form.name.errors] == ["Không được dài quá 80 ký tự."]
    db.session.remove()
    assert db.session.scalar(select(func.count()).select_from(Term)) == 1


def test_a_violation_of_a_column_the_form_lacks_is_flashed(app, make_person):
    person_id = make_person().id

    def rename(text):
        db.session.get(Person, person_id).position = text

    with app.test_request_context(method="POST"):
        form = TermForm(meta={"csrf": False})
        assert run_service(form, rename, "c" * 256) is REFUSED
        assert get_flashed_messages() == ["Không được dài quá 255 ký tự."]
    db.session.remove()
    assert db.session.get(Person, person_id).position is None


def test_a_long_name_posted_to_a_form_is_a_422_with_the_message(client, as_role):
    as_role(Role.ADMIN)
    response = client.post("/groups/terms", data={"name": "2030" + "-" * 10_000, "start_date": "01/10/2030",
                                                  "end_date": "30/09/2035"})
    assert response.status_code == 422 and "Không được dài quá 80 ký tự." in response.get_data(as_text=True)
