"""Tasks born from a briefing's conclusion points and opinions, and the links both ways."""
from webapp.extensions import db
from webapp.models import Role, Task


def _create_task(client, group, kind, source_id, title="Sửa đổi quy chế"):
    return client.post("/tasks/new", data={"title": title, "owner_kind": "group", "owner_group_id": group.id,
                                           "deadline": "30/09/2026", "source_kind": kind, "source_id": str(source_id)})


def test_briefing_offers_to_turn_points_and_opinions_into_tasks(client, as_role, conclusion_point, opinion):
    as_role(Role.ADMIN)
    page = client.get(f"/meetings/{conclusion_point.meeting_id}").get_data(as_text=True)
    assert f"source_kind=conclusion_point&amp;source_id={conclusion_point.id}" in page
    assert f"source_kind=opinion&amp;source_id={opinion.id}" in page


def test_leadership_reads_the_briefing_without_task_links(client, as_role, conclusion_point):
    as_role(Role.LEADERSHIP)
    page = client.get(f"/meetings/{conclusion_point.meeting_id}").get_data(as_text=True)
    assert "Giao thành nhiệm vụ" not in page


def test_task_from_a_point_prefills_its_deadline_and_links_back(client, as_role, make_group, conclusion_point):
    as_role(Role.ADMIN)
    form = client.get(f"/tasks/new?source_kind=conclusion_point&source_id={conclusion_point.id}").get_data(as_text=True)
    assert 'value="2026-09-30"' in form
    assert _create_task(client, make_group(), "conclusion_point", conclusion_point.id).status_code == 302
    task = db.session.scalars(db.select(Task)).one()
    detail = client.get(f"/tasks/{task.id}").get_data(as_text=True)
    assert f"/meetings/{conclusion_point.meeting_id}#point-{conclusion_point.id}" in detail
    briefing = client.get(f"/meetings/{conclusion_point.meeting_id}").get_data(as_text=True)
    assert f"/tasks/{task.id}" in briefing


def test_task_from_an_opinion_links_back(client, as_role, make_group, opinion):
    as_role(Role.ADMIN)
    assert _create_task(client, make_group(), "opinion", opinion.id).status_code == 302
    task = db.session.scalars(db.select(Task)).one()
    assert f"#opinion-{opinion.id}" in client.get(f"/tasks/{task.id}").get_data(as_text=True)


def test_unknown_source_is_refused_with_a_message(client, as_role, make_group, conclusion_point):
    as_role(Role.ADMIN)
    response = _create_task(client, make_group(), "conclusion_point", conclusion_point.id + 999)
    assert response.status_code == 422
    assert "Không tìm thấy bản ghi nguồn" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Task.id))) == 0


def test_a_task_from_a_point_names_the_briefing_conclusion_and_its_source_is_not_editable(client, as_role,
                                                                                           conclusion_point):
    as_role(Role.ADMIN)
    url = f"/tasks/new?source_kind=conclusion_point&source_id={conclusion_point.id}"
    form = client.get(url).get_data(as_text=True)
    assert "Điểm 1 trong kết luận Giao ban các Đoàn công tác ngày 07/09/2026" in form
    assert 'name="source_kind"' not in form and 'name="source_id"' not in form and "Mã nguồn" not in form
    assert f'action="/tasks/new?source_kind=conclusion_point&amp;source_id={conclusion_point.id}"' in form


def test_a_posted_change_of_a_linked_source_is_ignored(client, as_role, make_group, conclusion_point, opinion):
    as_role(Role.ADMIN)
    response = client.post(f"/tasks/new?source_kind=conclusion_point&source_id={conclusion_point.id}",
                           data={"title": "Sửa đổi quy chế", "owner_kind": "group", "owner_group_id": make_group().id,
                                 "deadline": "30/09/2026", "source_kind": "opinion", "source_id": str(opinion.id)})
    assert response.status_code == 302
    task = db.session.scalars(db.select(Task)).one()
    assert (task.source_kind, task.source_id) == ("conclusion_point", conclusion_point.id)
    detail = client.get(f"/tasks/{task.id}").get_data(as_text=True)
    assert "Điểm 1 trong kết luận Giao ban các Đoàn công tác ngày 07/09/2026" in detail
