"""The app's clock: the office's day is Vietnam's, and a test can move the clock."""
from datetime import date, datetime, timedelta, timezone

from webapp.clock import local_today, now, utcnow
from webapp.extensions import db
from webapp.models import Role, Task, TaskStatus
from webapp.tasks.services import create_task

EVENING_UTC = datetime(2026, 11, 29, 23, 30, tzinfo=timezone.utc)


def test_the_office_day_turns_at_midnight_in_vietnam_not_in_utc(clock):
    clock(EVENING_UTC)
    assert local_today() == date(2026, 11, 30)
    assert now().utcoffset() == timedelta(hours=7)
    assert abs(utcnow() - EVENING_UTC.replace(tzinfo=None)) < timedelta(seconds=5)


def test_the_moved_clock_keeps_ticking(clock):
    clock(EVENING_UTC)
    first = utcnow()
    second = utcnow()
    assert EVENING_UTC.replace(tzinfo=None) <= first <= second


def test_a_task_done_late_in_the_utc_evening_is_done_on_the_office_day(client, login, clock, make_user,
                                                                       make_person):
    clock(EVENING_UTC)
    person = make_person()
    owner = make_user(Role.MEMBER, person=person)
    task = create_task(make_user(), title="Nắm tình hình", deadline=date(2026, 11, 30), owner_person=person)
    db.session.commit()
    login(owner)
    assert client.post(f"/tasks/{task.id}/status", data={"status": "done"}).status_code == 302
    db.session.expire_all()
    done = db.session.get(Task, task.id)
    assert done.status == TaskStatus.DONE and done.completed_on == date(2026, 11, 30)
