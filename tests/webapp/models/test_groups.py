from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from webapp.extensions import db
from webapp.models import MemberRole, Membership
from webapp.models.groups import active_on


def test_membership_end_date_cannot_precede_start(make_person, make_group, make_membership):
    with pytest.raises(IntegrityError):
        make_membership(make_person(), make_group(), start=date(2025, 10, 1), end=date(2025, 9, 1))
    db.session.rollback()


def test_active_on_covers_open_and_closed_periods(make_person, make_group, make_membership):
    group = make_group()
    ended = make_membership(make_person(), group, start=date(2025, 1, 1), end=date(2025, 6, 30))
    current = make_membership(make_person(), group, role=MemberRole.HEAD, start=date(2025, 6, 1))

    def on(day):
        return set(db.session.scalars(select(Membership.id).where(active_on(Membership, day))))

    assert on(date(2025, 3, 1)) == {ended.id}
    assert on(date(2025, 6, 15)) == {ended.id, current.id}
    assert on(date(2025, 7, 1)) == {current.id}
    assert ended.is_active(date(2025, 6, 30)) and not ended.is_active(date(2025, 7, 1))
