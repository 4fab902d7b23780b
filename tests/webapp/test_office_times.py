"""Times of day reach pages in the office's zone (Asia/Ho_Chi_Minh) through one filter, never in UTC."""
from datetime import UTC, date, datetime

from sqlalchemy import select

from webapp.clock import in_office_zone, stored_moment
from webapp.extensions import db
from webapp.feedback.services import ensure_default_categories, record_feedback
from webapp.models import FeedbackCategory, FeedbackEvent, FeedbackItem, Role, UnitKind
from webapp.template_helpers import stored_value, vn_date, vn_datetime

LATE_EVENING_UTC = datetime(2026, 12, 5, 23, 30, tzinfo=UTC)  # 06:30 on 06/12 in the office


def test_a_stored_timestamp_is_shown_on_the_office_clock_and_day():
    stored = LATE_EVENING_UTC.replace(tzinfo=None)
    assert vn_datetime(stored) == "06:30 06/12/2026"
    assert vn_date(stored) == "06/12/2026"
    assert vn_datetime(LATE_EVENING_UTC) == "06:30 06/12/2026"
    assert vn_date(date(2026, 12, 5)) == "05/12/2026"
    assert vn_datetime(None) == "" and vn_datetime(date(2026, 12, 5)) == ""


def test_an_audited_value_is_shown_as_pages_show_dates_and_times():
    assert stored_value("2026-12-05T23:30:00.123456") == "06:30 06/12/2026"
    assert stored_value("2026-12-06") == "06/12/2026"
    assert stored_value("2026-13-45") == "2026-13-45" and stored_value("07:30") == "07:30" and stored_value(3) == 3


def test_stored_moment_is_the_inverse_of_the_office_zone():
    stored = stored_moment(date(2026, 12, 6), 6, 30)
    assert stored == datetime(2026, 12, 5, 23, 30)
    assert in_office_zone(stored).strftime("%H:%M %d/%m/%Y") == "06:30 06/12/2026"


def test_feedback_history_and_audit_log_read_the_office_time(client, as_role, clock, make_unit, root_unit,
                                                              make_person):
    clock(LATE_EVENING_UTC)
    admin = as_role(Role.ADMIN)
    ensure_default_categories()
    category = db.session.scalars(select(FeedbackCategory)).first()
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    item = record_feedback(admin, received_on=date(2026, 12, 6), category=category, unit=ward,
                           content="Đường ngõ 5 ngập úng khi mưa")
    make_person("Trần Văn Giờ")
    db.session.commit()

    history = client.get(f"/feedback/{item.id}").get_data(as_text=True)
    assert "06:30 06/12/2026" in history and "23:30" not in history
    audit = client.get("/audit").get_data(as_text=True)
    assert "06:30 06/12/2026" in audit and "23:30 05/12/2026" not in audit
    assert "2026-12-05T23:30" not in audit and "06/12/2026" in audit.split("received_on")[1][:40]


def test_the_demo_feedback_history_is_dated_on_the_days_things_happened(app, clock):
    from webapp.demo import load_demo

    clock(LATE_EVENING_UTC)
    load_demo()
    items = db.session.scalars(select(FeedbackItem)).all()
    assert items
    for item in items:
        events = sorted(item.events, key=lambda event: event.id)
        days = [in_office_zone(event.at).date() for event in events]
        assert days[0] == item.received_on
        assert days == sorted(days) and days[-1] <= date(2026, 12, 6)
        if item.closed_on:
            assert days[-1] == item.closed_on
    assert db.session.scalar(select(FeedbackEvent).where(FeedbackEvent.at < datetime(2026, 12, 1))) is not None
