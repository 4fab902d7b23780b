"""Reads of the import pages: batches and jobs visible to a user, units for the option lists."""
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from ..extensions import db
from ..models import ImportBatch, ImportJob, ImportMapping, JobStatus, Role, Unit
from ..permissions import at_root, users_in_scope
from ..units.queries import indented, units_in_scope


def visible_batches(user, limit: int = 50) -> list[ImportBatch]:
    """Recent batches: for admins those of uploaders within their scope, their own for unit officers."""
    query = select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit)
    if user.role != Role.ADMIN:
        query = query.where(ImportBatch.created_by_id == user.id)
    elif not at_root(user):
        query = query.where(ImportBatch.created_by_id.in_(users_in_scope(user)))
    return list(db.session.scalars(query))


def active_jobs(user) -> list[ImportJob]:
    """Queued or running jobs the user may follow."""
    query = select(ImportJob).where(ImportJob.status.in_([JobStatus.QUEUED, JobStatus.RUNNING])) \
        .order_by(ImportJob.id.desc())
    if user.role != Role.ADMIN:
        query = query.where(ImportJob.created_by_id == user.id)
    elif not at_root(user):
        query = query.where(ImportJob.batch_id.in_(
            select(ImportBatch.id).where(ImportBatch.created_by_id.in_(users_in_scope(user)))))
    return list(db.session.scalars(query))


def latest_job(batch_id: int) -> ImportJob | None:
    return db.session.scalar(select(ImportJob).where(ImportJob.batch_id == batch_id).order_by(ImportJob.id.desc())
                             .limit(1))


def unit_choices(user) -> list[SelectChoice]:
    """Units in the user's scope, in tree order, for the option lists."""
    return [SelectChoice(0, "—")] + [
        SelectChoice(unit_id, text) for unit_id, text in indented(units_in_scope(user), "· ")
    ]


def batch_indicators(batch_id: int, limit: int = 200) -> list:
    """Indicators a targets batch created or changed, with the unit: what the officer checks after importing."""
    from ..models import ImportChange, TargetIndicator

    changed = select(ImportChange.row_id).where(
        ImportChange.batch_id == batch_id, ImportChange.table_name == "target_indicator"
    )
    return db.session.execute(
        select(
            TargetIndicator.id,
            Unit.id.label("unit_id"),
            TargetIndicator.year,
            TargetIndicator.name,
            TargetIndicator.measure_unit,
            TargetIndicator.target_value,
            (TargetIndicator.import_batch_id == batch_id).label("created"),
        )
        .join(Unit, Unit.id == TargetIndicator.unit_id)
        .where((TargetIndicator.import_batch_id == batch_id) | TargetIndicator.id.in_(changed))
        .order_by(Unit.path, TargetIndicator.year, TargetIndicator.id)
        .limit(limit)
    ).all()


def batch_members(batch_id: int, limit: int = 200) -> list:
    """Group memberships a roster batch opened: person, group, role (what the officer checks after importing)."""
    from ..models import Membership, Person, WorkingGroup

    return db.session.execute(
        select(Person.full_name, WorkingGroup.name.label("group_name"), Membership.role)
        .join(Membership, Membership.person_id == Person.id)
        .join(WorkingGroup, WorkingGroup.id == Membership.group_id)
        .where(Membership.import_batch_id == batch_id)
        .order_by(WorkingGroup.number, Membership.role, Person.sort_key)
        .limit(limit)
    ).all()


def visible_mappings(user) -> list[ImportMapping]:
    """Remembered column mappings the user may see and delete: their own, and for admins those saved by users
    within their scope (and, at the root, those of no one: saved before authors were kept, or by the CLI)."""
    query = select(ImportMapping).order_by(ImportMapping.updated_at.desc())
    if user.role != Role.ADMIN:
        query = query.where(ImportMapping.updated_by_id == user.id)
    elif not at_root(user):
        query = query.where(ImportMapping.updated_by_id.in_(users_in_scope(user)))
    return list(db.session.scalars(query))
