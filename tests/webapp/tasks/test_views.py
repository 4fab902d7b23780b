"""Tasks: owners (exactly one), overdue marks, progress notes, my work, export."""
from datetime import date, timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy.exc import IntegrityError

from webapp.clock import local_today
from webapp.extensions import db
from webapp.models import MemberRole, Role, Task, TaskStatus, UnitKind
from webapp.tasks.queries import is_task_overdue
from webapp.tasks.services import create_task


def test_database_refuses_a_task_with_two_owners(make_user, make_group, make_person):
    user = make_user()
    group, person = make_group(), make_person()
    with pytest.raises(IntegrityError):
        create_task(user, title="x", deadline=local_today(), owner_group=group, owner_person=person)
    db.session.rollback()


@pytest.mark.parametrize("status, deadline, expected", [
    (TaskStatus.OPEN, date(2028, 2, 28), True), (TaskStatus.IN_PROGRESS, date(2028, 2, 29), False),
    (TaskStatus.DONE, date(2028, 1, 1), False), (TaskStatus.CANCELLED, date(2028, 1, 1), False),
])
def test_task_overdue_after_deadline_unless_finished(status, deadline, expected):
    assert is_task_overdue(status, deadline, date(2028, 2, 29)) is expected


def test_admin_creates_a_task_from_a_conclusion_point(client, as_role, make_group, conclusion_point):
    group = make_group()
    as_role(Role.ADMIN)
    point_id = conclusion_point.id
    form = client.get(f"/tasks/new?source_kind=conclusion_point&source_id={point_id}&title=Sửa quy chế").get_data(
        as_text=True
    )
    assert "Sửa quy chế" in form
    response = client.post("/tasks/new", data={"title": "Sửa đổi quy chế hoạt động", "owner_kind": "group",
                                                "owner_group_id": group.id, "deadline": "30/09/2026",
                                                "source_kind": "conclusion_point", "source_id": str(point_id)})
    assert response.status_code == 302
    task = db.session.scalars(db.select(Task)).one()
    assert (task.owner_group_id, task.owner_person_id, task.source_kind, task.source_id) == (group.id, None,
                                                                                          "conclusion_point", point_id)
    page = client.get(f"/tasks/{task.id}").get_data(as_text=True)
    assert "Quá hạn" in page and "Điểm 1 trong kết luận Giao ban các Đoàn công tác ngày 07/09/2026" in page


def test_task_form_errors_are_vietnamese(client, as_role):
    as_role(Role.ADMIN)
    response = client.post("/tasks/new", data={"title": "", "owner_kind": "person", "deadline": "hôm qua",
                                                "source_id": "bảy"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    for message in ("Hãy nhập nội dung nhiệm vụ", "Hãy chọn đơn vị thực hiện", "Ngày không hợp lệ",
                    "Hãy nhập một số nguyên"):
        assert message in body
    assert db.session.scalar(db.select(db.func.count(Task.id))) == 0


def test_owner_records_progress_and_completes(client, login, make_user, make_person):
    person = make_person()
    owner = make_user(Role.MEMBER, person=person)
    task = create_task(make_user(), title="Nắm tình hình", deadline=local_today(), owner_person=person)
    db.session.commit()
    login(owner)
    assert client.post(f"/tasks/{task.id}/notes", data={"noted_on": "2026-11-20", "text": ""}).status_code == 422
    assert (
        client.post(
            f"/tasks/{task.id}/notes", data={"noted_on": "2026-11-20", "text": "Đã làm việc với chi bộ"}
        ).status_code
        == 302
    )
    assert client.post(f"/tasks/{task.id}/status", data={"status": "done"}).status_code == 302
    assert client.post(f"/tasks/{task.id}/status", data={"status": "bogus"}).status_code == 422
    db.session.expire_all()
    task = db.session.get(Task, task.id)
    assert task.status == TaskStatus.DONE and task.completed_on == local_today()
    assert task.notes[0].text == "Đã làm việc với chi bộ" and task.notes[0].noted_on == date(2026, 11, 20)


def test_my_work_lists_handled_feedback_and_owned_tasks_soonest_first(client, login, make_user, make_person,
                                                                     make_group, make_membership):

    person = make_person()
    group = make_group()
    make_membership(person, group, MemberRole.HEAD)
    user = make_user(Role.GROUP_HEAD, person=person)
    admin = make_user()
    today = local_today()
    create_task(admin, title="Việc của đoàn", deadline=today + timedelta(days=5), owner_group=group)
    create_task(admin, title="Việc cá nhân", deadline=today - timedelta(days=1), owner_person=person)
    create_task(admin, title="Việc đã xong", deadline=today, owner_person=person).status = TaskStatus.DONE
    create_task(admin, title="Việc của người khác", deadline=today, owner_person=make_person())
    db.session.commit()
    login(user)
    body = client.get("/tasks/mine").get_data(as_text=True)
    assert body.index("Việc cá nhân") < body.index("Việc của đoàn")
    assert "Việc đã xong" not in body and "người khác" not in body and "Quá hạn" in body


def test_members_see_only_their_tasks_and_export_is_neutralised(client, login, make_user, make_person, make_group):
    person = make_person()
    admin = make_user()
    create_task(admin, title="@SUM(1)", deadline=local_today(), owner_person=person)
    create_task(admin, title="Việc bí mật của đoàn khác", deadline=local_today(), owner_group=make_group())
    db.session.commit()
    login(make_user(Role.MEMBER, person=person))
    assert "đoàn khác" not in client.get("/tasks/").get_data(as_text=True)
    sheet = load_workbook(BytesIO(client.get("/tasks/export.xlsx").data)).active
    assert sheet["B4"].value == "'@SUM(1)" and sheet.max_row == 4


def test_a_group_head_gives_their_group_a_task_through_the_form(client, login, make_user, make_person, make_group,
                                                                make_membership):
    person = make_person()
    group = make_group()
    make_membership(person, group, MemberRole.HEAD)
    head = make_user(Role.GROUP_HEAD, person=person)
    db.session.commit()
    login(head)
    created = client.post("/tasks/new", data={"title": "Nắm tình hình tổ 3", "owner_kind": "group",
                                              "owner_group_id": group.id, "deadline": local_today().isoformat()})
    assert created.status_code == 302
    assert db.session.scalar(db.select(Task.owner_group_id)) == group.id


def test_unit_officers_read_tasks_of_their_ward_only(client, login, make_user, make_unit, make_person, make_group,
                                                     root_unit):
    """#21.10: what a person did (tasks) is shown only for units in the reader's scope, page and export alike."""
    ward_a = make_unit("Đảng bộ phường A", kind=UnitKind.PARTY_COMMITTEE, parent=root_unit)
    ward_b = make_unit("Đảng bộ phường B", kind=UnitKind.PARTY_COMMITTEE, parent=root_unit)
    cell_a, cell_b = make_unit("Chi bộ Tổ dân phố 1", parent=ward_a), make_unit("Chi bộ Tổ dân phố 1", parent=ward_b)
    admin = make_user()
    create_task(admin, title="Việc của chi bộ phường A", deadline=local_today(), owner_unit=cell_a)
    create_task(admin, title="Việc của chi bộ phường B", deadline=local_today(), owner_unit=cell_b)
    create_task(admin, title="Việc của đoàn phường B", deadline=local_today(), owner_group=make_group(owner=ward_b))
    create_task(admin, title="Việc của đoàn thị xã", deadline=local_today(), owner_group=make_group())
    create_task(admin, title="Việc của người ở phường B", deadline=local_today(),
                owner_person=_person_at(make_person(), cell_b))
    db.session.commit()
    officer = make_user(Role.UNIT_OFFICER, scope_unit=ward_a)
    login(officer)
    page = client.get("/tasks/").get_data(as_text=True)
    assert "phường A" in page
    assert "phường B" not in page and "thị xã" not in page
    sheet = load_workbook(BytesIO(client.get("/tasks/export.xlsx").data)).active
    titles = {sheet.cell(row, 2).value for row in range(1, sheet.max_row + 1)}
    assert "Việc của chi bộ phường A" in titles and not any("phường B" in str(t) or "thị xã" in str(t) for t in titles)
    others = db.session.scalars(db.select(Task).where(Task.title.contains("phường B"))).all()
    assert all(client.get(f"/tasks/{task.id}").status_code == 403 for task in others)


def _person_at(person, unit):
    person.home_unit = unit
    db.session.flush()
    return person


def test_a_task_of_a_cell_whose_name_another_bears_names_its_ward(client, login, make_user, make_unit, root_unit):
    ward_a = make_unit("Đảng bộ phường A", kind=UnitKind.PARTY_COMMITTEE, parent=root_unit)
    ward_b = make_unit("Đảng bộ phường B", kind=UnitKind.PARTY_COMMITTEE, parent=root_unit)
    cell_a = make_unit("Chi bộ Tổ dân phố 1", parent=ward_a)
    make_unit("Chi bộ Tổ dân phố 1", parent=ward_b)
    admin = login(make_user())
    task = create_task(admin, title="Rà soát đảng viên", deadline=local_today(), owner_unit=cell_a)
    db.session.commit()
    labelled = "Chi bộ Tổ dân phố 1 (Đảng bộ phường A)"
    assert f"<td>{labelled}</td>" in client.get("/tasks/").get_data(as_text=True)
    assert f"<td>{labelled}</td>" in client.get(f"/tasks/{task.id}").get_data(as_text=True)
    sheet = load_workbook(BytesIO(client.get("/tasks/export.xlsx").data)).active
    assert sheet.cell(sheet.max_row, 3).value == labelled
