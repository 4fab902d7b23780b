"""The scope rules of writes, one test each (the tables of `test_write_scope.py` try every route; these name the
rules): cadres without a home unit, groups working in a ward, regulations, feedback credit, and the tasks read."""
from datetime import date, timedelta

import pytest

from webapp.clock import local_today
from webapp.extensions import db
from webapp.models import Document, FeedbackCategory, FeedbackItem, MemberRole, Person, Role, Task

DAY = date(2026, 3, 2).strftime("%d/%m/%Y")


@pytest.fixture
def log_in(client, as_role):
    """Log in as a fresh user, leaving the previous one's session first; a refused request's flushed rows are
    dropped as the end of a real request would (tests share one session)."""
    def switch(role, **fields):
        db.session.rollback()
        client.post("/auth/logout")
        return as_role(role, **fields)

    return switch


def test_a_cadre_without_home_unit_is_edited_only_by_a_town_wide_admin(client, town, make_person, log_in):
    cadre = make_person("Võ Văn Cán")
    form = {"full_name": "Võ Văn Cán Bộ"}
    log_in(Role.ADMIN, scope_unit=town.ward)
    assert client.post(f"/people/{cadre.id}/edit", data=form).status_code == 403
    log_in(Role.UNIT_OFFICER, scope_unit=town.ward)
    assert client.post(f"/people/{cadre.id}/edit", data=form).status_code == 403
    db.session.expire_all()
    assert db.session.get(Person, cadre.id).full_name == "Võ Văn Cán"
    log_in(Role.ADMIN, scope_unit=town.root)
    assert client.post(f"/people/{cadre.id}/edit", data=form).status_code == 302
    db.session.expire_all()
    assert db.session.get(Person, cadre.id).full_name == "Võ Văn Cán Bộ"


def test_a_ward_group_is_changed_only_within_its_owner_s_scope(client, town, make_group, make_person,
                                                                make_membership, log_in):
    group = make_group(owner=town.other_ward)
    membership = make_membership(make_person(home_unit=town.other_ward), group, MemberRole.MEMBER)
    url, form = f"/groups/{group.id}/members/{membership.id}/end", {f"end-{membership.id}-on_date": DAY}
    log_in(Role.ADMIN, scope_unit=town.ward)
    assert client.post(url, data=form).status_code == 403
    db.session.expire_all()
    assert db.session.get(type(membership), membership.id).end_date is None
    log_in(Role.ADMIN, scope_unit=town.other_ward)
    assert client.post(url, data=form).status_code in (200, 302)
    db.session.expire_all()
    assert db.session.get(type(membership), membership.id).end_date is not None


def test_a_record_names_only_groups_working_in_its_author_s_scope(client, town, make_group, log_in):
    """A ward officer's feedback may name a group that follows the ward (the town's group 1 has a member assigned
    to its cell), never a group owned by and working in the other ward."""
    category = FeedbackCategory(name="Đất đai", sla_days=15)
    db.session.add(category)
    db.session.commit()
    elsewhere = make_group(owner=town.other_ward)
    log_in(Role.UNIT_OFFICER, scope_unit=town.ward)
    form = {"category_id": category.id, "received_on": DAY, "content": "Đường ngập", "unit_id": town.cell.id}
    assert client.post("/feedback/new", data={**form, "group_id": elsewhere.id}).status_code == 422
    assert db.session.query(FeedbackItem).count() == 0
    assert client.post("/feedback/new", data={**form, "group_id": town.group.id}).status_code == 302
    assert db.session.query(FeedbackItem).one().group_id == town.group.id


def test_a_regulation_is_issued_or_annulled_only_by_its_issuer_s_scope(client, town, log_in):
    draft = Document(title="Dự thảo quy chế sửa đổi", status="draft", relation="annuls", related=town.document)
    db.session.add(draft)
    db.session.commit()
    log_in(Role.ADMIN, scope_unit=town.ward)
    assert client.post(f"/documents/{draft.id}/issue").status_code == 403
    db.session.expire_all()
    assert (db.session.get(Document, draft.id).status, town.document.effective_to) == ("draft", None)
    log_in(Role.ADMIN, scope_unit=town.root)
    assert client.post(f"/documents/{draft.id}/issue").status_code == 302
    db.session.expire_all()
    assert db.session.get(Document, draft.id).status == "issued"
    assert db.session.get(Document, town.document.id).effective_to is not None


def test_feedback_is_credited_to_oneself_or_by_officers_to_people_in_scope(client, town, make_person, log_in):
    category = FeedbackCategory(name="Đất đai", sla_days=15)
    db.session.add(category)
    db.session.commit()
    form = {"category_id": category.id, "received_on": DAY, "content": "Đường ngập", "unit_id": town.cell.id}
    neighbour = make_person("Hồ Văn Nam", home_unit=town.other_ward)
    log_in(Role.MEMBER, person=town.member)
    assert client.post("/feedback/new", data={**form, "source_person_id": town.outsider.id}).status_code in (403, 422)
    assert client.post("/feedback/new", data={**form, "source_person_id": town.member.id}).status_code == 302
    log_in(Role.UNIT_OFFICER, scope_unit=town.ward)
    assert client.post("/feedback/new", data={**form, "source_person_id": neighbour.id}).status_code in (403, 422)
    assert client.post("/feedback/new", data={**form, "source_person_id": town.outsider.id}).status_code == 302
    credited = db.session.scalars(db.select(FeedbackItem.source_person_id).order_by(FeedbackItem.id)).all()
    assert credited == [town.member.id, town.outsider.id]


def test_tasks_are_read_and_assigned_by_scope(client, town, make_person, log_in):
    deadline = local_today() + timedelta(days=20)
    ours, theirs = Task(title="Việc của phường Bắc", owner_unit=town.ward, deadline=deadline), \
        Task(title="Việc của phường Nam", owner_unit=town.other_ward, deadline=deadline)
    db.session.add_all([ours, theirs])
    db.session.commit()
    log_in(Role.ADMIN, scope_unit=town.ward)
    listing = client.get("/tasks/").get_data(as_text=True)
    assert "Việc của phường Bắc" in listing and "Việc của phường Nam" not in listing
    assert client.get(f"/tasks/{ours.id}").status_code == 200
    assert client.get(f"/tasks/{theirs.id}").status_code == 403
    neighbour = make_person("Hồ Văn Nam", home_unit=town.other_ward)
    form = {"title": "Việc giao sang phường Nam", "deadline": deadline.strftime("%d/%m/%Y"),
            "owner_kind": "person", "owner_person_id": neighbour.id}
    assert client.post("/tasks/new", data=form).status_code == 403
    db.session.rollback()
    assert client.post("/tasks/new", data={**form, "owner_person_id": town.outsider.id}).status_code == 302
    assert db.session.query(Task).count() == 3
