"""The number of SQL statements of the main pages does not grow with the number of rows they list (no N+1)."""
from datetime import date

import pytest

from tests.query_count import statements_of
from webapp import data_cache
from webapp.clock import local_today
from webapp.extensions import db
from webapp.meetings.services import add_conclusion_point, add_opinion, create_meeting
from webapp.models import MeetingKind, MemberReportRule, MemberRole, OpinionKind, Person, ReportFrequency, Role, Unit


@pytest.fixture
def groups_of(make_unit, root_unit, make_person, make_group, make_membership, make_assignment):
    """A group of `size` members (a head, a deputy, members), each with a home unit and a followed cell of their own
    (distinct rows, so that no row loaded for one relation hides the lazy load of another)."""
    def make(number: int, size: int):
        ward = make_unit(f"Đảng bộ phường {number}", parent=root_unit)
        group = make_group(number)
        people = []
        for n in range(size):
            cell, home = make_unit(f"Chi bộ {number}-{n}", parent=ward), make_unit(f"Chi bộ nơi ở {number}-{n}")
            person = make_person(f"Nguyễn Văn Đoàn{number} Số{n:02d}", home_unit_id=home.id, position="Cán bộ")
            role = MemberRole.HEAD if n == 0 else MemberRole.DEPUTY if n == 1 else MemberRole.MEMBER
            make_assignment(make_membership(person, group, role, responsibilities="Theo dõi"), cell)
            people.append(person)
        return group, people

    return make


def _pair(client, small_url: str, large_url: str) -> tuple[int, int]:
    return len(statements_of(client, small_url)), len(statements_of(client, large_url))


@pytest.mark.parametrize("role", [Role.ADMIN, Role.LEADERSHIP])
def test_the_group_page_runs_as_many_statements_for_30_members_as_for_3(client, as_role, groups_of, role):
    (small, _), (large, _) = groups_of(1, 3), groups_of(2, 30)
    urls = f"/groups/{small.id}", f"/groups/{large.id}"
    as_role(role)
    few, many = _pair(client, *urls)
    assert few == many, (few, many)


def test_a_persons_page_runs_as_many_statements_for_five_memberships_as_for_one(client, as_role, groups_of,
                                                                                 make_membership, make_assignment,
                                                                                 make_unit, root_unit):
    (_group, people), _ = groups_of(1, 3), groups_of(2, 3)
    busy, quiet = people[2], people[1]
    for number in range(3, 7):
        group, _ = groups_of(number, 2)
        make_assignment(make_membership(busy, group), make_unit(f"Chi bộ thêm {number}", parent=root_unit))
    urls = f"/people/{quiet.id}", f"/people/{busy.id}"
    as_role(Role.ADMIN)
    few, many = _pair(client, *urls)
    assert few == many, (few, many)


def test_the_meetings_list_runs_as_many_statements_for_20_meetings_as_for_2(client, as_role, groups_of):
    group, _ = groups_of(1, 3)
    cell_ids = [membership.assignments[0].unit_id for membership in group.memberships]
    as_role(Role.ADMIN)

    def meetings(count: int) -> int:
        for n in range(count):
            create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, 3, 1 + n), "title": f"Họp {n}"},
                           [db.session.get(Unit, unit_id) for unit_id in cell_ids[: 1 + n % 3]])
        db.session.commit()
        return len(statements_of(client, "/meetings/"))

    few = meetings(2)
    assert meetings(18) == few


def test_the_dashboard_runs_as_many_statements_for_30_members_as_for_3(client, as_role, groups_of):
    (small, _), (large, _) = groups_of(1, 3), groups_of(2, 30)
    group_ids = small.id, large.id
    as_role(Role.LEADERSHIP)
    for section in ("", "section/groups", "section/ranking", "section/heatmap", "section/flagged",
                    "section/obligations", "section/visits", "section/coverage"):
        counts = []
        for group_id in group_ids:
            data_cache.clear()  # the figures computed afresh, as after a write
            counts.append(len(statements_of(client, f"/dashboard/{section}?period=year&year=2026&group={group_id}",
                                            headers={"HX-Request": "true"})))
        assert counts[0] == counts[1], (section, counts)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.LEADERSHIP])
def test_a_meetings_page_runs_as_many_statements_for_12_speeches_as_for_2(client, as_role, groups_of, make_group,
                                                                          make_person, role):
    """Each speech names a speaker and the group they spoke for (each its own), each point its owner."""
    group, _ = groups_of(1, 3)
    cell_ids = [membership.assignments[0].unit_id for membership in group.memberships]
    as_role(role)

    def meeting_with(speeches: int) -> int:
        meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, 3, 2), "title": "Họp"},
                                 [db.session.get(Unit, unit_id) for unit_id in cell_ids])
        for n in range(speeches):
            add_opinion(meeting, {"kind": OpinionKind.RESULTS, "text": f"Ý kiến {n}", "person": make_person(),
                                  "group": make_group()})
            add_conclusion_point(meeting, f"Kết luận {n}", f"Chi bộ {n}", date(2026, 4, 1 + n))
        db.session.commit()
        meeting_id = meeting.id
        statements = statements_of(client, f"/meetings/{meeting_id}")
        assert client.get(f"/meetings/{meeting_id}").get_data(as_text=True).count("Ý kiến ") >= speeches
        return len(statements)

    few = meeting_with(2)
    assert meeting_with(12) == few


@pytest.mark.parametrize("role", [Role.ADMIN, Role.LEADERSHIP])
def test_a_meetings_readers_get_no_forms_nor_the_queries_of_their_selects(client, as_role, groups_of, role):
    """The speakers' and groups' selects of the recorders' forms are not queried for a reader, who has no forms."""
    group, _ = groups_of(1, 3)
    meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, 3, 2), "title": "Họp"},
                             [membership.assignments[0].unit for membership in group.memberships])
    db.session.commit()
    url = f"/meetings/{meeting.id}"
    as_role(role)
    statements = statements_of(client, url)
    body = client.get(url).get_data(as_text=True)
    records = role == Role.ADMIN
    assert ('name="speaker_name"' in body) == records
    assert any("FROM working_group JOIN membership" in s for s in statements) == records
    assert any(s.startswith("SELECT attendance.id") and "JOIN person" in s for s in statements) == records


def test_the_home_page_runs_as_many_statements_for_a_member_of_four_reporting_groups_as_of_one(
        client, groups_of, make_user, login, make_membership):
    """The reports a member owes: one group with a monthly report rule, then three more (each period of each rule
    is checked against the member's terms without a query of its own)."""
    (first, people), _ = groups_of(1, 3), groups_of(2, 3)
    member, member_id = people[2], people[2].id
    today = local_today()

    def report_monthly(group) -> None:
        db.session.add(MemberReportRule(group_id=group.id, frequency=ReportFrequency.MONTHLY, due_day=25,
                                        starts_on=date(today.year - 1, 1, 1)))
        db.session.commit()

    report_monthly(first)
    login(make_user(Role.MEMBER, person=member))
    few = len(statements_of(client, "/"))
    for number in range(3, 6):
        group, _ = groups_of(number, 2)
        make_membership(db.session.get(Person, member_id), group, start=date(today.year - 1, 1, 1))
        report_monthly(group)
    many = len(statements_of(client, "/"))
    assert few == many, (few, many)
