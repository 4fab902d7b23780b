"""Named state changes of tasks; callers commit."""
from datetime import date

from ..clock import local_today
from ..extensions import db
from ..models import Task, TaskNote, TaskStatus


def create_task(user, *, title: str, deadline: date, description: str | None = None, owner_group=None,
                owner_person=None, owner_unit=None, source_kind: str | None = None,
                source_id: int | None = None) -> Task:
    """Open a task owned by exactly one group, person or unit (the database enforces the 'exactly one')."""
    task = Task(title=title, description=description or None, deadline=deadline, owner_group=owner_group,
                owner_person=owner_person, owner_unit=owner_unit, source_kind=source_kind, source_id=source_id,
                status=TaskStatus.OPEN, created_by_id=user.id)
    db.session.add(task)
    db.session.flush()  # ids are set, so permission checks that read owner ids see the new owner
    return task


def set_status(task: Task, status: TaskStatus, on: date | None = None) -> Task:
    """Change a task's status, dating its completion when it is done."""
    task.status = status
    task.completed_on = (on or local_today()) if status == TaskStatus.DONE else None
    return task


def add_note(task: Task, user, text: str, noted_on: date | None = None) -> TaskNote:
    """Record a dated progress note."""
    note = TaskNote(task=task, text=text, noted_on=noted_on or local_today(), by_id=user.id)
    db.session.add(note)
    return note
