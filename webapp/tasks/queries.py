"""Who reads and manages which task, the filtered task list, and each user's own work list."""
from dataclasses import dataclass
from datetime import date

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import joinedload

from ..clock import local_today
from ..extensions import db
from ..models import Membership, Person, Task, WorkingGroup
from ..models.groups import active_on
from ..models.tasks import FINISHED_TASK_STATUSES, TaskStatus
from ..permissions import READ_DIRECTORY, at_root, headed_group_ids, scope_unit_ids
from ..restricted import can_see_task_text, task_text_visible_clause

WITHHELD = _l("(Nội dung hạn chế)")


def is_task_overdue(status: TaskStatus, deadline: date, today: date) -> bool:
    """Still open or in progress after its deadline."""
    return status not in FINISHED_TASK_STATUSES and today > deadline


@dataclass(frozen=True)
class TaskText:
    """What a reader is shown of a task's own text (every list, page, export, work list and feed uses it)."""

    title: str
    description: str | None
    withheld: bool


def task_text(user, task: Task) -> TaskText:
    """The task's title and description, withheld when they copy restricted text the user may not read (a task
    made from a restricted complaint or visit: `restricted.can_see_task_text`)."""
    if can_see_task_text(user, task):
        return TaskText(task.title, task.description, False)
    return TaskText(str(WITHHELD), None, True)


def _member_group_ids(user) -> set[int]:
    if not user.person_id:
        return set()
    return set(db.session.scalars(select(Membership.group_id).where(
        Membership.person_id == user.person_id, active_on(Membership, local_today()))))


@dataclass
class TaskFilters:
    status: TaskStatus | None = None
    owner: str = ""
    overdue: bool = False
    q: str = ""

    @classmethod
    def from_args(cls, args) -> "TaskFilters":
        status = args.get("status")
        return cls(status=TaskStatus(status) if status in {s.value for s in TaskStatus} else None,
                   owner=args.get("owner") if args.get("owner") in ("group", "person", "unit") else "",
                   overdue=args.get("overdue") == "1", q=(args.get("q") or "").strip()[:200])


OWNER_COLUMNS = {"group": Task.owner_group_id, "person": Task.owner_person_id, "unit": Task.owner_unit_id}


def _readable_clause(user):
    """`can_read_task` as a query clause (None: every task)."""
    if user.role in READ_DIRECTORY and at_root(user):
        return None
    mine = [Task.owner_group_id.in_(_member_group_ids(user) | headed_group_ids(user))]
    if user.person_id:
        mine.append(Task.owner_person_id == user.person_id)
    if user.role in READ_DIRECTORY:
        scoped = scope_unit_ids(user)
        mine += [Task.owner_unit_id.in_(scoped),
                 Task.owner_group_id.in_(select(WorkingGroup.id).where(WorkingGroup.owner_unit_id.in_(scoped))),
                 Task.owner_person_id.in_(select(Person.id).where(Person.home_unit_id.in_(scoped)))]
    return or_(*mine)


def task_select(user, filters: TaskFilters, today: date | None = None):
    """Tasks the user may read, filtered, soonest deadline first, owners loaded."""
    today = today or local_today()
    # each task has at most one owner of each kind: joined in the one query, not three more round trips
    statement = select(Task).options(joinedload(Task.owner_group), joinedload(Task.owner_person),
                                     joinedload(Task.owner_unit)).order_by(Task.deadline, Task.id)
    readable = _readable_clause(user)
    if readable is not None:
        statement = statement.where(readable)
    if filters.status:
        statement = statement.where(Task.status == filters.status)
    if filters.owner:
        statement = statement.where(OWNER_COLUMNS[filters.owner].is_not(None))
    if filters.overdue:
        statement = statement.where(Task.status.not_in(FINISHED_TASK_STATUSES), Task.deadline < today)
    if filters.q:
        pattern = "%" + filters.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        # a search matches only the text the user may read
        statement = statement.where(and_(task_text_visible_clause(user), or_(
            Task.title.ilike(pattern, escape="\\"), Task.description.ilike(pattern, escape="\\"))))
    return statement


@dataclass
class WorkItem:
    """One line of a user's work list: a feedback item to handle or a task to carry out."""

    kind: str
    reference: str
    title: str
    deadline: date
    overdue: bool
    status: object
    url: str


def _owned_tasks_clause(user):
    """The tasks the user owns (own person, headed groups, scoped units) as a clause; None when nothing."""
    clauses = []
    if user.person_id:
        clauses.append(Task.owner_person_id == user.person_id)
    heads = headed_group_ids(user)
    if heads:
        clauses.append(Task.owner_group_id.in_(heads))
    if user.scope_unit_id:
        clauses.append(Task.owner_unit_id.in_(scope_unit_ids(user)))
    return or_(*clauses) if clauses else None


def my_work(user, today: date | None = None) -> list[WorkItem]:
    """Open feedback the user handles and open tasks they own (own person, headed groups, scoped units)."""
    from ..feedback.visibility import handled_by_select, present

    today = today or local_today()
    items = [WorkItem("feedback", view.number, view.content or view.category_name, view.due_on, view.overdue,
                      view.status, url_for("feedback.detail", item_id=view.id))
             for view in (present(user, item, today) for item in db.session.scalars(handled_by_select(user)))]
    owned = _owned_tasks_clause(user)
    tasks = [] if owned is None else db.session.scalars(  # a user who owns nothing is not asked about
        select(Task).where(owned, Task.status.not_in(FINISHED_TASK_STATUSES))
    )
    items += [WorkItem("task", f"NV-{t.id:05d}", task_text(user, t).title, t.deadline,
                       is_task_overdue(t.status, t.deadline, today),
                       t.status, url_for("tasks.detail", task_id=t.id)) for t in tasks]
    return sorted(items, key=lambda w: (w.deadline, w.reference))


def due_soon(user, days: int, today: date | None = None) -> list[WorkItem]:
    """The user's work that is overdue or due within `days` days."""
    today = today or local_today()
    return [w for w in my_work(user, today) if (w.deadline - today).days <= days]
