"""Who may do what in the tasks area: its object-level checks, on top of `webapp.permissions`."""
from ..models import Role, Task, Unit
from ..permissions import READ_DIRECTORY, at_root, headed_group_ids, path_in_scope, unit_in_scope
from .queries import _member_group_ids


def _task_unit(task: Task) -> Unit | None:
    """The unit a task belongs to for scope: its owner unit, its group's owner, or its person's home unit."""
    if task.owner_unit is not None:
        return task.owner_unit
    if task.owner_group is not None:
        return task.owner_group.owner_unit
    return task.owner_person.home_unit if task.owner_person is not None else None


def can_read_task(user, task: Task) -> bool:
    """Members read their own and their groups' tasks; directory readers read tasks in their scope (what a
    person did is shown only for units in the reader's scope: the README's rule); town-wide readers read all."""
    if (user.person_id is not None and task.owner_person_id == user.person_id) or \
            task.owner_group_id in _member_group_ids(user) | headed_group_ids(user):
        return True
    if user.role not in READ_DIRECTORY:
        return False
    unit = _task_unit(task)
    return at_root(user) if unit is None else path_in_scope(user, unit.path)


def can_manage_task(user, task: Task) -> bool:
    """Admins for tasks in their scope (the task's unit: `_task_unit`; unit-less ones at the root); heads of the
    owning group; officers for units in scope; the owning person themself."""
    if user.role == Role.ADMIN:
        unit = _task_unit(task)
        return at_root(user) if unit is None else path_in_scope(user, unit.path)
    if user.person_id is not None and task.owner_person_id == user.person_id:
        return True
    if user.role == Role.GROUP_HEAD and task.owner_group_id is not None:
        return task.owner_group_id in headed_group_ids(user)
    return user.role == Role.UNIT_OFFICER and task.owner_unit is not None and unit_in_scope(user, task.owner_unit)


def can_create_tasks(user) -> bool:
    return user.role in (Role.ADMIN, Role.GROUP_HEAD, Role.UNIT_OFFICER)
