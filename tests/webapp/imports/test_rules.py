"""The roster import obeys the group forms' rules (single head, within term, carry-over), with their messages."""
from datetime import date
from html import unescape

import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Assignment, ImportBatch, MemberRole, Membership, Person, Role, WorkingGroup

from .conftest import COMMIT, batch_id_of


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


def commit(client, batch_id, **extra):
    return client.post(f"/imports/{batch_id}/commit", data={**COMMIT, **extra}, follow_redirects=True)


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def form_message(client, group, person, **fields) -> str:
    """The error the group page's add-member form shows for `fields` (the form must refuse them)."""
    data = {"person_id": str(person.id), "role": "member", "start_date": "2025-11-01", **fields}
    response = client.post(f"/groups/{group.id}/members", data=data, headers={"HX-Request": "true"})
    assert response.status_code == 422
    return unescape(response.get_data(as_text=True))


def failed_rows(batch_id) -> dict[int, str]:
    preview = db.session.get(ImportBatch, batch_id).summary["preview"]
    return {r["row"]: r["reason"] for r in preview if r["outcome"] == "failed"}


def test_a_second_head_row_is_refused_with_the_group_forms_message(client, admin, town, upload, roster_file,
                                                                   make_person):
    unit = roster_file.unit
    rows = [[1, "Phạm Văn Khải", "12/04/1970", "Phó Bí thư", "Đoàn công tác số 7", "Trưởng đoàn", unit, "0912000001"],
            [2, "Đỗ Thị Mai", "03/09/1982", "Trưởng ban", "Đoàn công tác số 7", "Trưởng đoàn", unit, "0912000002"],
            [3, "Lý Văn Tâm", "20/01/1979", "Chánh văn phòng", "Đoàn công tác số 7", "Phó đoàn", unit, "0912000003"]]
    batch_id = batch_id_of(upload(roster_file(rows)))
    refused = failed_rows(batch_id)
    assert list(refused) == [5]
    commit(client, batch_id)
    db.session.expire_all()
    group = db.session.scalar(select(WorkingGroup).where(WorkingGroup.number == 7))
    heads = db.session.scalars(select(Membership).where(Membership.group_id == group.id,
                                                        Membership.role == MemberRole.HEAD)).all()
    assert [h.person.full_name for h in heads] == ["Phạm Văn Khải"]
    assert count(Membership) == 2 and count(Assignment) == 2
    assert db.session.scalar(select(Person).where(Person.full_name == "Đỗ Thị Mai")) is None  # nothing else
    # the group page's form refuses a second head with exactly the import's reason
    other = make_person("Trần Văn Bình")
    assert refused[5] in form_message(client, group, other, role="head")


def test_a_head_row_is_refused_when_the_group_already_has_a_head(client, admin, town, upload, roster_file,
                                                                 make_group, make_membership, make_person):
    group = make_group(number=7)
    make_membership(make_person("Nguyễn Văn Cũ"), group, role=MemberRole.HEAD)
    rows = [[1, "Phạm Văn Khải", "12/04/1970", "", "Đoàn công tác số 7", "Trưởng đoàn", roster_file.unit, ""]]
    batch_id = batch_id_of(upload(roster_file(rows)))
    assert failed_rows(batch_id)[4] in form_message(client, group, make_person("Lê Bình"), role="head")
    before = count(Membership)
    commit(client, batch_id)
    assert count(Membership) == before


def test_a_head_moved_to_another_role_in_the_same_file_frees_the_place(client, admin, town, upload, roster_file,
                                                                       make_group, make_membership, make_person):
    group = make_group(number=7)
    make_membership(make_person("Nguyễn Văn Cũ"), group, role=MemberRole.HEAD)
    rows = [[1, "Nguyễn Văn Cũ", "", "", "Đoàn công tác số 7", "Thành viên", roster_file.unit, ""],
            [2, "Phạm Văn Khải", "12/04/1970", "", "Đoàn công tác số 7", "Trưởng đoàn", roster_file.unit, ""]]
    batch_id = batch_id_of(upload(roster_file(rows)))
    assert failed_rows(batch_id) == {}
    commit(client, batch_id)
    db.session.expire_all()
    heads = db.session.scalars(select(Membership).where(Membership.role == MemberRole.HEAD,
                                                        Membership.end_date.is_(None))).all()
    assert [h.person.full_name for h in heads] == ["Phạm Văn Khải"]


def test_a_start_date_outside_the_term_fails_every_row_as_the_form_does(client, admin, town, upload, roster_file,
                                                                        make_group, make_person):
    batch_id = batch_id_of(upload(roster_file()))
    commit(client, batch_id, start_date="2031-01-05")
    db.session.expire_all()
    batch = db.session.get(ImportBatch, batch_id)
    assert batch.counts["failed"] == 3 and count(Membership) == 0 and count(WorkingGroup) == 0
    reasons = {r["reason"] for r in batch.row_results if r["outcome"] == "failed"}
    assert len(reasons) == 1
    page = form_message(client, make_group(number=3), make_person("Lê Bình"), start_date="2031-01-05")
    assert reasons.pop() in page and "Ngày phải nằm trong nhiệm kỳ 2025 - 2030" in page


def test_a_start_date_inside_the_term_is_taken(client, admin, town, upload, roster_file):
    commit(client, batch_id_of(upload(roster_file())), start_date="2030-09-30")
    assert count(Membership) == 3


def test_a_role_change_carries_the_followed_units_over(client, admin, town, upload, roster_file, make_group,
                                                       make_membership, make_assignment, make_person):
    group = make_group(number=7)
    other_unit = next(u for name, u in town["units"].items() if name != roster_file.unit)
    membership = make_membership(make_person("Đỗ Thị Mai"), group, role=MemberRole.MEMBER)
    followed = make_assignment(membership, other_unit)
    rows = [[1, "Đỗ Thị Mai", "", "", "Đoàn công tác số 7", "Phó đoàn", roster_file.unit, ""]]
    receipt = commit(client, batch_id_of(upload(roster_file(rows))))
    db.session.expire_all()
    successor = db.session.scalar(select(Membership).where(Membership.end_date.is_(None)))
    assert successor.role == MemberRole.DEPUTY and successor.start_date == date(2025, 11, 1)
    assert db.session.get(Assignment, followed.id).end_date == date(2025, 10, 31)
    assert sorted(a.unit.name for a in successor.assignments) == sorted([other_unit.name, roster_file.unit])
    client.post(f"/imports/{batch_id_of(receipt)}/undo")
    db.session.expire_all()
    assert db.session.get(Assignment, followed.id).end_date is None and count(Assignment) == 1


def test_an_imported_cell_meeting_gets_the_expected_list_the_meeting_form_gives(
        client, admin, town, upload, tmp_path, make_group, make_membership, make_assignment, make_person):
    from webapp.meetings.roster import expected_person_ids
    from webapp.models import Attendance, Meeting

    from .conftest import write_xlsx

    cell_name = next(name for name in town["units"] if name.startswith("Chi bộ"))
    follower = make_person("Nguyễn Văn Theo")
    make_assignment(make_membership(follower, make_group(number=4)), town["units"][cell_name])
    marked = make_person("Phạm Thị Dự")
    path = write_xlsx(tmp_path / "dd.xlsx", ["STT", "Họ và tên", "Chi bộ", "Ngày sinh hoạt", "Điểm danh"],
                      [[1, "Phạm Thị Dự", cell_name, "05/11/2025", "Có mặt"]], title="THEO DÕI SINH HOẠT CHI BỘ")
    receipt = commit(client, batch_id_of(upload(path, kind="attendance")))
    db.session.expire_all()
    meeting = db.session.scalar(select(Meeting))
    rows = {a.person_id: a for a in meeting.attendances}
    assert set(rows) == expected_person_ids(meeting) | {marked.id} == {follower.id, marked.id}
    assert rows[follower.id].expected and rows[follower.id].status is None
    client.post(f"/imports/{batch_id_of(receipt)}/undo")
    assert count(Attendance) == 0 and count(Meeting) == 0


def test_a_rules_message_is_stored_in_vietnamese_outside_a_request_too(app):
    from webapp.groups import rules
    from webapp.i18n import in_vietnamese as vietnamese

    with app.app_context():  # a background job or the `flask import` command
        assert vietnamese(rules.second_head("head", 1)).startswith("Đoàn đã có Trưởng đoàn")
    assert rules.second_head("member", 1) is None and rules.second_head("head", 0) is None
