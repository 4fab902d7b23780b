"""Person state changes: names stored canonically with their keys, phones normalised, rules enforced."""
from datetime import date

import pytest

from webapp.extensions import db
from webapp.people import services
from webapp.people.queries import person_options
from webapp.services import RuleViolation


def _fields(**changes):
    data = dict(full_name="Nguyễn Văn An", birth_date=date(1980, 5, 17), position=None, phone=None, email=None,
                home_unit=None, is_council_delegate=False, notes=None)
    return {**data, **changes}


def test_create_person_sets_name_keys(app):
    person = services.create_person(**_fields(full_name="  NGUYỄN   Thăng  Long ", phone="+84 912.345.678"))
    db.session.commit()
    assert person.full_name == "NGUYỄN Thăng Long" and person.search_key == "nguyen thang long"
    assert person.phone == "0912345678" and person.sort_key


@pytest.mark.parametrize("changes,field", [
    ({"full_name": "   "}, "full_name"),
    ({"phone": "12345"}, "phone"),
    ({"birth_date": date(2999, 1, 1)}, "birth_date"),
])
def test_create_person_rejects_bad_values(app, changes, field):
    with pytest.raises(RuleViolation) as caught:
        services.create_person(**_fields(**changes))
    db.session.rollback()
    assert caught.value.field == field


def test_person_options_match_without_diacritics_in_name_order(make_person, app):
    for name in ["Nguyễn Thăng Long", "Nguyễn Huy Hùng", "Lê Thành Đông"]:
        make_person(name)
    assert [p.full_name for p in person_options("NGUYEN")] == ["Nguyễn Huy Hùng", "Nguyễn Thăng Long"]
    assert [p.full_name for p in person_options("thang long")] == ["Nguyễn Thăng Long"]
