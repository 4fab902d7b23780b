"""The home page: a member's own work (tasks, meetings they are expected at, reports they owe, the feedback they
recorded) comes before the town-wide figures; those who lead the town still open on the figures."""
from datetime import date, datetime, timezone

from webapp.extensions import db
from webapp.feedback.services import record_feedback, save_category
from webapp.meetings.services import create_meeting
from webapp.member_reports.services import set_rule
from webapp.models import MeetingKind, ReportFrequency, Role
from webapp.tasks.services import create_task

TODAY = datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc)


def _own_work(town, user):
    """A task of the member's, a meeting of their cell, a report their group asks for and a feedback item of theirs."""
    create_task(user, title="Nắm tình hình hộ nghèo Tổ dân phố 3", deadline=date(2026, 11, 27),
                owner_person=town.member)
    create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, 11, 26), "title": "Sinh hoạt chi bộ tháng 11"},
                   [town.cell])
    rule = set_rule(town.group, ReportFrequency.MONTHLY, 25, 0, date(2026, 11, 1))
    category = save_category(None, name="Hạ tầng, môi trường", restricted=False, sla_days=15)
    record_feedback(user, received_on=date(2026, 11, 20), category=category, unit=town.cell,
                    content="Đèn đường ngõ 12 hỏng")
    db.session.commit()
    return rule


def _sections(body: str) -> list[str]:
    """The home page's section ids, in the order they appear."""
    names = ("home-work", "home-meetings", "home-reports", "home-feedback", "home-town")
    return sorted((name for name in names if f'id="{name}"' in body), key=lambda name: body.index(f'id="{name}"'))


def test_a_members_home_shows_their_own_work_before_the_town_figures(client, town, login_as, clock):
    clock(TODAY)
    user = login_as(Role.MEMBER)
    rule = _own_work(town, user)
    body = client.get("/").get_data(as_text=True)
    assert _sections(body) == ["home-work", "home-meetings", "home-reports", "home-feedback", "home-town"]
    mine = body.split('id="home-mine"')[1].split('id="home-town"')[0]
    assert "Nắm tình hình hộ nghèo Tổ dân phố 3" in mine and "Sinh hoạt chi bộ tháng 11" in mine
    reports = mine.split('id="home-reports"')[1].split('id="home-feedback"')[0]
    assert f'href="/member-reports/write/{rule.id}/2026-11"' in reports and "25/11/2026" in reports
    assert "Đèn đường ngõ 12 hỏng" in mine.split('id="home-feedback"')[1]
    assert "Toàn địa bàn" in body.split('id="home-town"')[1]


def test_a_member_with_nothing_owed_is_told_so(client, town, login_as, clock):
    clock(TODAY)
    login_as(Role.MEMBER)
    body = client.get("/").get_data(as_text=True)
    assert "Không có báo cáo nào đến hạn." in body.split('id="home-reports"')[1]
    assert 'id="home-feedback"' not in body  # no feedback of theirs: no empty section


def test_a_leaders_home_still_opens_on_the_town_figures(client, town, login_as, clock):
    clock(TODAY)
    login_as(Role.LEADERSHIP)
    body = client.get("/").get_data(as_text=True)
    assert _sections(body)[:2] == ["home-town", "home-work"]
    assert "Toàn địa bàn" not in body


def test_the_town_counts_are_read_once_and_follow_a_new_group(client, town, login_as, make_group):
    """The home page's town totals are kept between views (no count statement on a repeat view) and a write that
    adds a group shows at the next view."""
    from tests.query_count import counted_statements

    login_as(Role.LEADERSHIP)
    client.get("/")
    db.session.expunge_all()
    with counted_statements() as statements:
        first = client.get("/").get_data(as_text=True)
    assert not [s for s in statements if "count(" in s.lower()], statements
    groups = first.split('id="home-town"')[1].split("<h2>")[1].split("</h2>")[0]
    make_group(number=97)
    again = client.get("/").get_data(as_text=True)
    assert again.split('id="home-town"')[1].split("<h2>")[1].split("</h2>")[0] == str(int(groups) + 1)
