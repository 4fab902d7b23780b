"""Factories for the feedback register."""

import pytest

from webapp.clock import local_today
from webapp.extensions import db
from webapp.feedback.services import record_feedback, save_category
from webapp.models import Role

SECRET = "Tố cáo ông X nhận hối lộ ở dự án Y"


@pytest.fixture
def make_category(app):
    def make(name="Kinh tế - xã hội", restricted=False, sla_days=15):
        category = save_category(None, name=name, restricted=restricted, sla_days=sla_days)
        db.session.commit()
        return category

    return make


@pytest.fixture
def ward(make_unit, root_unit):
    from webapp.models import Sector, UnitKind

    return make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)


@pytest.fixture
def make_item(make_category, ward, make_user):
    state = {}

    def make(content="Đường ngõ 5 ngập úng khi mưa", category=None, unit=None, received_on=None,
             creator=None, **fields):
        if category is None:
            category = state.get("category") or state.setdefault("category", make_category())
        if creator is None:
            creator = state.get("creator") or state.setdefault("creator", make_user(Role.UNIT_OFFICER, scope_unit=ward))
        item = record_feedback(creator, received_on=received_on or local_today(), category=category, unit=unit or ward,
                               content=content, **fields)
        db.session.commit()
        return item

    return make


@pytest.fixture
def restricted_item(make_item, make_category):
    """A denunciation whose text must never reach anyone but admins, leadership and the handler."""
    return make_item(content=SECRET, category=make_category("Tố cáo", restricted=True, sla_days=30))
