"""Named state changes of persons; each checks its rules, changes the row and flushes (the caller commits)."""
import re
from datetime import date

from flask_babel import lazy_gettext as _

from ..clock import local_today
from ..extensions import db
from ..models import Person, Unit
from ..services import RuleViolation
from . import rules
from .access import can_place_person


def normalise_phone(raw: str | None) -> str | None:
    """Digits only, with the leading 0 Vietnamese numbers start with (+84 → 0)."""
    digits = re.sub(r"\D", "", raw or "")
    if digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits or None


def _apply_fields(person: Person, full_name: str, birth_date: date | None, position: str | None,
                  phone: str | None, email: str | None, home_unit: Unit | None,
                  is_council_delegate: bool, notes: str | None) -> None:
    if birth_date and birth_date > local_today():
        raise RuleViolation("birth_date", _("Ngày sinh không thể ở tương lai."))
    phone = normalise_phone(phone)
    if phone and not 9 <= len(phone) <= 11:
        raise RuleViolation("phone", _("Số điện thoại chỉ gồm chữ số (9–11 số)."))
    person.set_name(full_name)
    if not person.full_name:
        raise RuleViolation("full_name", _("Hãy nhập họ và tên."))
    person.birth_date, person.position, person.phone = birth_date, (position or "").strip() or None, phone
    person.email, person.home_unit = (email or "").strip() or None, home_unit
    person.is_council_delegate, person.notes = bool(is_council_delegate), (notes or "").strip() or None


def _check_placement(user, home_unit: Unit | None) -> None:
    message = rules.home_unit_refused(home_unit is not None, user is None or can_place_person(user, home_unit))
    if message is not None:
        raise RuleViolation("home_unit_id", message)


def create_person(user=None, **fields) -> Person:
    """Add a person to the directory (with `user`, under a unit of their scope)."""
    _check_placement(user, fields.get("home_unit"))
    person = Person()
    _apply_fields(person, **fields)
    db.session.add(person)
    db.session.flush()
    return person


def update_person(person: Person, user=None, **fields) -> Person:
    """Change a person's name, details or home unit (with `user`, to a unit of their scope)."""
    _check_placement(user, fields.get("home_unit"))
    _apply_fields(person, **fields)
    db.session.flush()
    return person
