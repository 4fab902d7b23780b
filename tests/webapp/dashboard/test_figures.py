"""Dashboard figures on the hand-built town of conftest.py; every expected number is worked out by hand."""
from datetime import date

import pytest

from webapp.dashboard.figures import activity, attendance, common, coverage, dashboard, members
from webapp.dashboard.filters import parse_filters
from webapp.meetings.rates import Counts
from webapp.models import Role
from webapp.models.groups import overlaps
from webapp.permissions import path_under

TODAY = date(2026, 12, 31)


@pytest.fixture
def filters_for(make_user, app):
    user = make_user(Role.LEADERSHIP)

    def make(**args):
        with app.test_request_context():
            f = parse_filters({k: str(v) for k, v in args.items()}, user, today=TODAY)
        assert f.errors == []
        return f

    return make


def by_name(figures):
    return {fig.member.name: fig for fig in figures}


def member_figures(f):
    return by_name(members.member_figures(f, members.members_in_view(f), attendance.attendance_cube(f),
                                          attendance.group_meeting_cube(f), activity.opinion_cube(f)))


def test_first_quarter_counts_only_assigned_cells(town, filters_for):
    figs = member_figures(filters_for(period="quarter", year=2026, quarter=1))
    a = figs["Nguyễn Văn An"].attendance
    # C1 on 10/1 present, 10/2 excused, 10/3 present; C2 on 12/3 not counted (A follows C2 from April).
    assert (a.expected, a.present, a.late, a.excused, a.absent) == (3, 2, 0, 1, 0)
    assert a.rate == 66.7


def test_whole_year_adds_the_new_assignment_and_drops_the_old(town, filters_for):
    figs = member_figures(filters_for(period="year", year=2026))
    a = figs["Nguyễn Văn An"]
    # + C2 on 12/4 late; C1 on 10/4 no longer counts (assignment to C1 ended 31/3).
    assert (a.attendance.expected, a.attendance.attended, a.attendance.excused) == (4, 3, 1)
    assert a.attendance.rate == 75.0
    assert a.meetings_attended == 3
    # The heatmap per month: the counted meetings attended, what its drill-down lists (the two opinions A raised
    # at the briefing of 20/3 are counted apart).
    assert a.opinions == 2
    assert a.months == {**{f"2026-{m:02d}": 0 for m in range(1, 13)}, "2026-01": 1, "2026-03": 1, "2026-04": 1}


def test_meeting_of_two_followed_units_counts_once(town, filters_for):
    f_fig = member_figures(filters_for(period="year", year=2026))["Hoàng Thị Phương"]
    # C1 on 10/1, 10/2, 10/3, 10/4 and the joint C1 + ward conference on 25/1: five, not six.
    assert (f_fig.attendance.expected, f_fig.attendance.attended, f_fig.attendance.rate) == (5, 5, 100.0)


def test_opinions_count_within_the_period_only(town, filters_for):
    q2 = member_figures(filters_for(period="quarter", year=2026, quarter=2))
    assert q2["Nguyễn Văn An"].opinions == 0
    march = member_figures(filters_for(period="month", year=2026, month=3))
    assert (march["Nguyễn Văn An"].opinions, march["Trần Thị Bình"].opinions) == (2, 1)


def test_an_opinion_recorded_for_a_group_counts_for_that_group_only(town, filters_for, make_membership,
                                                                     make_meeting):
    from webapp.extensions import db
    from webapp.models import MeetingKind, Opinion, OpinionKind

    make_membership(town.a, town.g2, start=date(2025, 10, 15))
    briefing = make_meeting([], date(2026, 6, 20), kind=MeetingKind.BRIEFING, title="Giao ban quý II")
    db.session.add(Opinion(meeting_id=briefing.id, position=1, person_id=town.a.id, group_id=town.g2.id,
                           kind=OpinionKind.RESULTS, text="Báo cáo của Đoàn 2"))
    db.session.commit()
    f = filters_for(period="quarter", year=2026, quarter=2)
    figs = members.member_figures(f, members.members_in_view(f), {}, {}, activity.opinion_cube(f))
    a_in = {fig.member.group_id: fig.opinions for fig in figs if fig.member.person_id == town.a.id}
    assert a_in == {town.g1.id: 0, town.g2.id: 1}


def test_a_member_of_two_groups_is_credited_where_they_spoke_and_reported(town, filters_for, make_membership,
                                                                          make_meeting):
    from webapp.dashboard import queries
    from webapp.extensions import db
    from webapp.models import FeedbackCategory, FeedbackItem, MeetingKind, Opinion, OpinionKind

    make_membership(town.a, town.g2, start=date(2025, 10, 15))
    g2_meeting = make_meeting([], date(2026, 5, 6), kind=MeetingKind.GROUP, group=town.g2, title="Họp Đoàn 2")
    c2_meeting = make_meeting([town.c2], date(2026, 5, 12), title="Sinh hoạt TDP 2")  # A follows C2 for Đoàn 1
    c3_meeting = make_meeting([town.c3], date(2026, 5, 14), title="Sinh hoạt TDP 3")  # A is not assigned there
    category = FeedbackCategory(name="Đất đai")
    db.session.add(category)
    for meeting, text in [(g2_meeting, "Ý kiến tại Đoàn 2"), (c2_meeting, "Ý kiến tại TDP 2"),
                          (c3_meeting, "Ý kiến tại TDP 3")]:
        db.session.add(Opinion(meeting_id=meeting.id, position=1, person_id=town.a.id, kind=OpinionKind.PROPOSALS,
                               text=text))
    db.session.flush()
    for group in (town.g1, None):
        db.session.add(FeedbackItem(received_on=date(2026, 6, 1), due_on=date(2026, 6, 15), category_id=category.id,
                                    unit_id=town.c1.id, group_id=group.id if group else None,
                                    source_person_id=town.a.id, content="Kiến nghị"))
    db.session.commit()
    f = filters_for(period="year", year=2026)
    figs = members.member_figures(f, members.members_in_view(f), {}, {}, activity.opinion_cube(f),
                                  activity.feedback_cube(f))
    a_in = {fig.member.group_id: fig for fig in figs if fig.member.person_id == town.a.id}
    # The town briefing of 20/3 (2 opinions) and the TDP 3 meeting count for both groups; the Đoàn 2 meeting for
    # Đoàn 2 only; the TDP 2 meeting for Đoàn 1, which assigned A there. The feedback item naming Đoàn 1 counts
    # there only; the one naming no group counts for both.
    assert (a_in[town.g1.id].opinions, a_in[town.g2.id].opinions) == (4, 4)
    assert (a_in[town.g1.id].feedback, a_in[town.g2.id].feedback) == (2, 1)
    for group, absent in ((town.g1, "Ý kiến tại Đoàn 2"), (town.g2, "Ý kiến tại TDP 2")):
        drilled = [r.text for r in db.session.execute(queries.opinion_records(f, town.a.id, group.id))]
        assert len(drilled) == a_in[group.id].opinions and absent not in drilled


def test_flags_low_attendance_and_zero_activity(town, filters_for):
    figs = member_figures(filters_for(period="year", year=2026))
    assert figs["Trần Thị Bình"].attendance.rate == 50.0 and figs["Trần Thị Bình"].flags == ["low_attendance"]
    assert figs["Phạm Văn Dũng"].flags == ["no_activity"]          # excused at the group meeting only
    assert figs["Lê Văn Cường"].attendance.rate is None            # nothing expected ...
    assert figs["Lê Văn Cường"].group_meetings == 1 and figs["Lê Văn Cường"].flags == []  # ... but active
    assert figs["Nguyễn Văn An"].flags == [] and "Ngô Văn Xa" not in figs


def test_threshold_is_configurable(town, filters_for):
    figs = member_figures(filters_for(period="year", year=2026, threshold=80))
    assert figs["Nguyễn Văn An"].flags == ["low_attendance"]        # 75.0 % < 80 %
    figs = member_figures(filters_for(period="year", year=2026, threshold=50))
    assert figs["Trần Thị Bình"].flags == []                        # 50.0 % is not below 50 %


def test_ranking_puts_flagged_members_first(town, filters_for):
    dash = dashboard.build_dashboard(filters_for(period="year", year=2026))
    assert [fig.member.name for fig in dash.flagged] == ["Phạm Văn Dũng", "Trần Thị Bình"]
    assert [fig.member.name for fig in dash.ranking][:2] == ["Phạm Văn Dũng", "Trần Thị Bình"]


def test_the_member_board_is_the_dashboards_member_figures(town, filters_for):
    f = filters_for(period="year", year=2026)
    dash, board = dashboard.build_dashboard(f, today=TODAY), members.member_board(f, TODAY)
    assert board.members == dash.members and board.ranking == dash.ranking and board.heat_peak == dash.heat_peak
    assert [fig.member.name for fig in board.ranking][:2] == ["Phạm Văn Dũng", "Trần Thị Bình"]


def test_group_figures_sum_their_members(town, filters_for):
    dash = dashboard.build_dashboard(filters_for(period="year", year=2026))
    groups = {g.group.number: g for g in dash.groups}
    # Group 1: A 3/4 + B 1/2 = 4/6; meetings attended A 3 + B 1 + C 1; B and D flagged.
    g1 = groups[1]
    assert (g1.members, g1.attendance.expected, g1.attendance.attended, g1.attendance.rate) == (4, 6, 4, 66.7)
    assert (g1.meetings_attended, g1.flagged, g1.opinions) == (5, 2, 3)   # X's opinion is not a member's
    assert (groups[2].members, groups[2].attendance.rate) == (1, 100.0)
    assert (dash.total.expected, dash.total.attended) == (11, 9)


def test_group_and_unit_filters(town, filters_for):
    only_g2 = member_figures(filters_for(period="year", year=2026, group=town.g2.id))
    assert list(only_g2) == ["Hoàng Thị Phương"]
    in_ward = member_figures(filters_for(period="year", year=2026, unit=town.ward.id))
    assert sorted(in_ward) == ["Hoàng Thị Phương", "Nguyễn Văn An", "Trần Thị Bình"]
    in_c1 = member_figures(filters_for(period="year", year=2026, unit=town.c1.id))
    # Within C1 only: A's C2 meeting and F's ward-only rows drop out; the joint meeting stays (it has C1).
    assert in_c1["Nguyễn Văn An"].attendance.expected == 3 and in_c1["Hoàng Thị Phương"].attendance.expected == 5


def test_uncovered_units_split_enterprise(town, filters_for):
    dash = dashboard.build_dashboard(filters_for(period="year", year=2026))
    enterprise, others = dash.uncovered
    assert enterprise == [] and [u.name for u in others] == ["Chi bộ Tổ dân phố 3"]


def test_cells_not_attended_in_last_months(town, filters_for):
    year = dashboard.build_dashboard(filters_for(period="year", year=2026))
    enterprise, others = year.unattended
    # Window 1/10–31/12: C1 (F last came 10/4), C2 (A last came 12/4) and the enterprise cell (never);
    # C3 is followed by nobody, so it is listed as uncovered instead.
    assert [(c.unit.name, c.last_attended) for c in others] == [("Chi bộ Tổ dân phố 1", date(2026, 4, 10)),
                                                               ("Chi bộ Tổ dân phố 2", date(2026, 4, 12))]
    assert [(c.unit.name, c.last_attended) for c in enterprise] == [("Chi bộ Công ty TNHH Dệt may Hồng Sơn", None)]
    q2 = dashboard.build_dashboard(filters_for(period="quarter", year=2026, quarter=2))
    assert q2.unattended[1] == [] and len(q2.unattended[0]) == 1
    wide = dashboard.build_dashboard(filters_for(period="year", year=2026, months=9))
    assert wide.unattended[1] == []  # 9 months back from 31/12 reaches 12/4


def test_while_the_period_runs_the_window_ends_today(town, make_user, app):
    with app.test_request_context():
        f = parse_filters({"period": "year", "year": "2026"}, make_user(Role.LEADERSHIP), today=date(2026, 6, 15))
    assert (f.end, f.as_of, f.gap_start) == (date(2026, 12, 31), date(2026, 6, 15), date(2026, 3, 16))
    enterprise, others = dashboard.build_dashboard(f).unattended
    # Window 16/3–15/6: F came to C1 on 10/4 and A to C2 on 12/4; the enterprise cell was never visited.
    assert others == [] and [c.unit.name for c in enterprise] == ["Chi bộ Công ty TNHH Dệt may Hồng Sơn"]


def test_target_achievement_and_low_units(town, filters_for):
    year = dashboard.build_dashboard(filters_for(period="year", year=2026))
    percents = {fig.indicator.name: fig.percent for fig in year.indicators}
    assert percents == {"Kết nạp đảng viên mới": 60.0, "Chi bộ đạt trong sạch vững mạnh": 100.0, "Thu quỹ đảng": None}
    # Ward: (60 + 100) / 2 = 80, not below 80; C1: unmeasured = 0.
    assert [(u.unit.name, u.average) for u in year.low_units] == [("Chi bộ Tổ dân phố 1", 0.0)]
    q1 = dashboard.build_dashboard(filters_for(period="quarter", year=2026, quarter=1))
    assert [(u.unit.name, u.average) for u in q1.low_units] == [("Chi bộ Tổ dân phố 1", 0.0),
                                                               ("Đảng bộ phường Bắc Hồng", 15.0)]


@pytest.mark.parametrize("value,peak,level", [(0, 5, 0), (1, 5, 1), (2, 5, 2), (5, 5, 4), (3, 0, 0)])
def test_heat_levels(value, peak, level):
    assert members.heat_level(value, peak) == level


def test_dashboard_runs_a_constant_number_of_queries(town, filters_for, app):
    from sqlalchemy import event

    from webapp.extensions import db

    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    year, quarter = filters_for(period="year", year=2026), filters_for(period="quarter", year=2026, quarter=1)
    db.session.expunge_all()  # nothing cached: a lazy load per row would show up as extra statements
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        dashboard.build_dashboard(year)
        first = len(statements)
        statements.clear()
        dashboard.build_dashboard(quarter)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert len(statements) == first and first <= 20  # 16 + two field-visit and two obligation statements


def test_feedback_and_tasks_per_member(work, filters_for):
    f = filters_for(period="year", year=2026)
    figs = by_name(members.member_figures(f, members.members_in_view(f), {}, {}, {}, activity.feedback_cube(f),
                                          activity.task_counts(f, TODAY)))
    a, c, d = figs["Nguyễn Văn An"], figs["Lê Văn Cường"], figs["Phạm Văn Dũng"]
    assert (a.feedback, a.tasks_on_time, a.tasks_overdue) == (2, 1, 1)     # done late counts as overdue
    assert c.feedback == 1 and (d.tasks_on_time, d.tasks_overdue) == (0, 1)  # 2027 task is outside the period
    assert a.months["2026-02"] == 0   # feedback is not in the heatmap, which shows what its drill-down lists


def test_feedback_breakdown_and_task_ages(work, filters_for):
    dash = dashboard.build_dashboard(filters_for(period="year", year=2026), today=TODAY)
    assert dash.feedback.total == 3 and dash.feedback.by_category == {"Đất đai": {"new": 2, "closed": 1}}
    assert dash.feedback.by_month["2026-02"] == {"new": 1, "closed": 1}
    # As of 31/12/2026: the open task due 1/4 is 274 days overdue; the 2027 one is not due; done tasks by deadline.
    assert dash.tasks == {"open": {"overdue_more": 1, "not_due": 1}, "done": {"overdue_more": 2}}


FILTER_VARIANTS = [dict(period="year", year=2026), dict(period="quarter", year=2026, quarter=1),
                   dict(period="quarter", year=2026, quarter=2), dict(period="year", year=2026, months=9),
                   dict(period="year", year=2025)]


def _reference_cube(f):
    """attendance_cube recomputed in Python from the drill-down's rows (`counted_attendance`)."""
    from webapp.extensions import db

    cube = {}
    for row in db.session.execute(attendance.counted_attendance(f, f.start, f.end)).mappings():
        counts = cube.setdefault((row["group_id"], row["person_id"], row["held_on"].strftime("%Y-%m")), Counts())
        status = getattr(row["status"], "value", row["status"])
        setattr(counts, status, getattr(counts, status) + 1)
    return cube


def _reference_unattended(f):
    """unattended_cells as first written: the latest attended mark per unit over the whole history, joined."""
    from sqlalchemy import exists, func, or_, select

    from webapp.extensions import db
    from webapp.models import Assignment, Membership, Unit, UnitKind

    attended = attendance.attended_marks(f, None, f.as_of, all_groups=True).subquery()
    last = (select(attended.c.unit_id, func.max(attended.c.held_on).label("last"))
            .group_by(attended.c.unit_id).subquery())
    followed = (select(Assignment.id).join(Membership, Membership.id == Assignment.membership_id)
                .where(Assignment.unit_id == Unit.id, overlaps(Assignment, f.gap_start, f.as_of),
                       Membership.group_id.in_(common.group_ids(f, all_groups=True))))
    stmt = (select(Unit.id, last.c.last).outerjoin(last, last.c.unit_id == Unit.id)
            .where(Unit.active.is_(True), Unit.kind == UnitKind.CELL, path_under(Unit.path, f.unit_path),
                   exists(followed), or_(last.c.last.is_(None), last.c.last < f.gap_start))
            .order_by(Unit.path))
    return [tuple(row) for row in db.session.execute(stmt)]


@pytest.mark.parametrize("extra", [{}, "group", "ward", "c1"])
@pytest.mark.parametrize("args", FILTER_VARIANTS)
def test_figures_match_the_reference_join(town, filters_for, args, extra):
    """The cube equals the drill-down's rows counted one by one; the coverage's per-cell lookup equals the
    history of attended marks grouped by unit."""
    extra = {} if extra == {} else ({"group": town.g2.id} if extra == "group"
                                    else {"unit": getattr(town, extra).id})
    f = filters_for(**args, **extra)
    assert attendance.attendance_cube(f) == _reference_cube(f)
    assert [(cell.unit.id, cell.last_attended) for cell in coverage.unattended_cells(f)] == _reference_unattended(f)
