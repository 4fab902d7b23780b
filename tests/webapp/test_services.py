"""One transaction convention: services flush, `run_service` commits or rolls back and shows the rule's message;
rules that used to sit in views now hold in the services, whoever calls them."""
import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Person, Role, Sector, Term, Unit, UnitKind
from webapp.people import services as people
from webapp.services import REFUSED, RuleViolation, run_service
from webapp.units import services as units


def test_run_service_commits_when_the_rules_hold_and_rolls_back_with_the_message_when_not(app, term):
    from datetime import date

    from webapp.groups import services as groups
    from webapp.groups.forms import TermForm

    with app.test_request_context(method="POST"):
        form = TermForm(meta={"csrf": False})
        made = run_service(form, groups.create_term, "2031 - 2035", date(2031, 1, 1), date(2035, 12, 31))
        assert made.id and not form.errors
        refused = run_service(form, groups.create_term, "Sai", date(2031, 1, 1), date(2030, 1, 1))
        assert refused is REFUSED and not refused
        assert "Ngày kết thúc không được trước ngày bắt đầu" in str(form.end_date.errors[0])
    db.session.remove()
    assert sorted(db.session.scalars(select(Term.name))) == ["2025 - 2030", "2031 - 2035"]


@pytest.fixture
def in_request(app):
    """A request context: rule messages render in the request's language."""
    with app.test_request_context():
        yield


def test_a_unit_officer_cannot_file_a_person_outside_their_scope_through_the_service(in_request, root_unit, make_unit,
                                                                                     make_user):
    mine, other = make_unit("Chi bộ A", parent=root_unit), make_unit("Chi bộ B", parent=root_unit)
    officer = make_user(Role.UNIT_OFFICER, scope_unit=mine)
    fields = dict(full_name="Lê Văn An", birth_date=None, position=None, phone=None, email=None,
                  is_council_delegate=False, notes=None)
    with pytest.raises(RuleViolation) as refused:
        people.create_person(user=officer, home_unit=other, **fields)
    assert (refused.value.field, str(refused.value.message)) == ("home_unit_id",
                                                                 "Đơn vị này nằm ngoài phạm vi quản lý của bạn.")
    with pytest.raises(RuleViolation, match="Hãy chọn đơn vị sinh hoạt"):
        people.create_person(user=officer, home_unit=None, **fields)
    assert people.create_person(user=officer, home_unit=mine, **fields).home_unit_id == mine.id
    assert people.create_person(home_unit=other, **fields).id  # no user: the system's own writes (demo, imports)


def test_a_unit_officer_cannot_place_a_unit_outside_their_scope_through_the_service(in_request, root_unit, make_unit,
                                                                                    make_user):
    mine, other = make_unit("Đảng bộ A", UnitKind.PARTY_COMMITTEE, parent=root_unit), make_unit("Chi bộ B")
    officer = make_user(Role.UNIT_OFFICER, scope_unit=mine)
    with pytest.raises(RuleViolation, match="Đơn vị cấp trên nằm ngoài phạm vi"):
        units.create_unit("Chi bộ C", UnitKind.CELL, Sector.WARD, other, user=officer)
    child = units.create_unit("Chi bộ C", UnitKind.CELL, Sector.WARD, mine, user=officer)
    units.update_unit(child, "Chi bộ C1", UnitKind.CELL, Sector.WARD, mine, user=officer)  # parent unchanged
    with pytest.raises(RuleViolation, match="Đơn vị cấp trên nằm ngoài phạm vi"):
        units.update_unit(child, "Chi bộ C1", UnitKind.CELL, Sector.WARD, other, user=officer)
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0
    assert db.session.get(Unit, child.id).parent_id == mine.id


def test_account_rules_hold_in_the_service_and_the_command_line_uses_them(runner, in_request, make_user):
    from webapp.auth.services import create_user

    make_user(Role.MEMBER, username="vanphong")
    for args, field in ((("VanPhong", "mot-mat-khau"), "username"), (("moi", "ngan"), "password"),
                        (("moi", "mot-mat-khau", Role.MEMBER, None, 999), "scope_unit_id")):
        with pytest.raises(RuleViolation) as refused:
            create_user(*args if len(args) > 2 else (*args, Role.MEMBER))
        assert refused.value.field == field
    result = runner.invoke(args=["create-user", "VANPHONG", "--password", "mot-mat-khau"])
    assert result.exit_code != 0 and "Tên đăng nhập 'VANPHONG' đã tồn tại." in result.output
    result = runner.invoke(args=["create-user", "moi", "--password", "mot-mat-khau", "--scope-unit", "999"])
    assert result.exit_code != 0 and "Không có tổ chức đảng mã 999." in result.output


def test_a_second_schedule_of_one_frequency_and_a_taken_category_name_are_refused_by_the_services(in_request,
                                                                                                   make_group):
    from webapp.feedback.services import save_category
    from webapp.models import ReportFrequency
    from webapp.reports.services import create_schedule

    group = make_group()
    create_schedule(group, ReportFrequency.MONTHLY)
    create_schedule(group, ReportFrequency.QUARTERLY)
    with pytest.raises(RuleViolation, match="Đoàn này đã có chế độ báo cáo kỳ này."):
        create_schedule(group, ReportFrequency.MONTHLY)
    first = save_category(None, name="Y tế", restricted=False, sla_days=7)
    assert save_category(first, name="Y tế", restricted=True, sla_days=7).restricted  # its own name is fine
    with pytest.raises(RuleViolation, match="Đã có lĩnh vực mang tên này."):
        save_category(None, name="Y tế", restricted=False, sla_days=7)


def test_run_service_without_a_form_flashes_the_rule_and_rolls_back(app, root_unit):
    from flask import get_flashed_messages

    def rename_then_refuse():
        root_unit.name = "Đổi tên"
        raise RuleViolation("name", "Quy tắc không cho phép.")

    unit_id = root_unit.id
    with app.test_request_context():
        assert run_service(None, rename_then_refuse) is REFUSED
        assert get_flashed_messages(with_categories=True) == [("error", "Quy tắc không cho phép.")]
    db.session.remove()
    assert db.session.get(Unit, unit_id).name != "Đổi tên"


def test_the_losing_request_of_a_double_submit_gets_a_message_not_a_500(app, make_group):
    """#21.6: the unique constraint kept one row but the person saw an error page; now `run_service` refuses the
    second write with a Vietnamese message and leaves the first row alone."""
    from datetime import date

    from flask import get_flashed_messages

    from webapp.models import ReportFrequency, ReportSchedule

    group = make_group()
    db.session.add(ReportSchedule(group=group, frequency=ReportFrequency.MONTHLY, due_day=20, months_after=1,
                                  starts_on=date(2026, 1, 1)))
    db.session.commit()

    def twin():  # the other request's insert, past every check this one made before it
        db.session.add(ReportSchedule(group_id=group.id, frequency=ReportFrequency.MONTHLY, due_day=20,
                                      months_after=1, starts_on=date(2026, 1, 1)))
        db.session.flush()

    with app.test_request_context(method="POST"):
        assert run_service(None, twin) is REFUSED
        assert any("bấm gửi hai lần" in message for message in get_flashed_messages())
    db.session.remove()
    assert db.session.scalar(select(func.count()).select_from(ReportSchedule)) == 1
