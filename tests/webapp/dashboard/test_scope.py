"""Drill-downs of leadership scoped to a ward never list items of units outside it, whoever brought them in."""
from datetime import date

from webapp.extensions import db
from webapp.models import FeedbackCategory, FeedbackItem, FeedbackStatus, Role

YEAR = {"period": "year", "year": "2026"}
SECRET = "Tố cáo giám đốc công ty dệt may"


def _restricted_item(town, unit):
    denunciation = FeedbackCategory(name="Tố cáo", restricted=True)
    db.session.add(denunciation)
    db.session.flush()
    db.session.add(FeedbackItem(received_on=date(2026, 2, 5), due_on=date(2026, 3, 5), category_id=denunciation.id,
                                unit_id=unit.id, source_person_id=town.a.id, content=SECRET,
                                status=FeedbackStatus.NEW))
    db.session.commit()


def test_ward_leadership_does_not_read_another_units_restricted_text(client, as_role, work):
    _restricted_item(work, work.ent)   # the enterprise cell lies outside the ward
    as_role(Role.LEADERSHIP, scope_unit=work.ward)
    for args in ({"person": work.a.id, "group": work.g1.id}, {"group": work.g1.id}, {"person": work.a.id}):
        body = client.get("/dashboard/records/feedback", query_string={**YEAR, **args}).get_data(as_text=True)
        assert SECRET not in body, args
        assert "03/02/2026" in body      # the ward's own items are still listed


def test_ward_leadership_reads_its_own_wards_restricted_text(client, as_role, work):
    _restricted_item(work, work.c1)
    as_role(Role.LEADERSHIP, scope_unit=work.ward)
    body = client.get("/dashboard/records/feedback", query_string={**YEAR, "person": work.a.id}).get_data(as_text=True)
    assert SECRET in body
