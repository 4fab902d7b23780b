"""Statements the pages no longer run (issue #23): the scope unit read with the user, one query for a briefing's
tasks, the dashboard's terms read once, no task query for a user who owns none."""
from datetime import date

from tests.query_count import statements_of
from webapp.extensions import db
from webapp.meetings.services import add_conclusion_point, add_opinion, create_meeting
from webapp.models import MeetingKind, OpinionKind, Role, Task, Term
from webapp.models.tasks import TaskStatus


def test_a_scoped_users_scope_unit_comes_with_the_user(client, as_role, make_unit, root_unit):
    ward = make_unit("Đảng bộ phường Một", parent=root_unit)
    as_role(Role.UNIT_OFFICER, scope_unit=ward)
    statements = statements_of(client, "/people/")
    assert not [s for s in statements if s.startswith("SELECT unit.") and "WHERE unit.id = " in s], statements


def test_a_briefings_point_and_opinion_tasks_are_one_query_and_both_shown(client, as_role, make_unit, root_unit,
                                                                          make_person):
    cell = make_unit("Chi bộ Một", parent=root_unit)
    meeting = create_meeting({"kind": MeetingKind.BRIEFING, "held_on": date(2026, 3, 2), "title": "Giao ban"}, [cell])
    opinion = add_opinion(meeting, {"kind": OpinionKind.RESULTS, "text": "Ý kiến", "person": make_person()})
    point = add_conclusion_point(meeting, "Kết luận", "Chi bộ Một", date(2026, 4, 1))
    db.session.flush()
    tasks = [Task(title=title, deadline=date(2026, 5, 1), status=TaskStatus.OPEN, owner_unit_id=cell.id,
                  source_kind=kind, source_id=source_id)
             for kind, source_id, title in (("conclusion_point", point.id, "Việc từ kết luận"),
                                            ("opinion", opinion.id, "Việc từ ý kiến"))]
    db.session.add_all(tasks)
    db.session.commit()
    point_task, opinion_task = (f"NV-{task.id:05d}" for task in tasks)
    point_anchor = f'id="point-{point.id}"'
    as_role(Role.ADMIN)
    statements = statements_of(client, f"/meetings/{meeting.id}")
    assert len([s for s in statements if s.startswith("SELECT task.")]) == 1, statements
    body = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert body.index(opinion_task) < body.index(point_anchor) < body.index(point_task)


def test_the_dashboard_reads_the_terms_once_and_defaults_to_the_current_one(client, as_role):
    db.session.add_all([Term(name="Nhiệm kỳ mới", start_date=date(2030, 1, 1), end_date=date(2035, 12, 31)),
                        Term(name="Nhiệm kỳ hiện tại", start_date=date(2025, 1, 1), end_date=date(2030, 12, 31),
                             is_current=True)])
    db.session.commit()
    as_role(Role.LEADERSHIP)
    statements = statements_of(client, "/dashboard/")
    assert len([s for s in statements if "FROM term" in s and s.startswith("SELECT term.")]) == 1, statements
    body = client.get("/dashboard/").get_data(as_text=True)
    assert "Nhiệm kỳ mới" in body  # among the choices
    current = body.index("Nhiệm kỳ hiện tại")
    assert "selected" in body[body.rindex("<option", 0, current):current]


def test_the_home_page_of_a_user_who_owns_no_task_asks_for_none(client, as_role):
    as_role(Role.LEADERSHIP)
    assert not [s for s in statements_of(client, "/") if s.startswith("SELECT task.")]
