"""Undo of a committed batch: what it touched, what others built on it since, and the revert itself (updated rows
restored from their before-image, created rows deleted), in one transaction."""
from sqlalchemy import delete, insert, select, update

from ..clock import utcnow
from ..extensions import db
from ..i18n import N_
from ..models import (
    Assignment,
    Attendance,
    AuditAction,
    AuditLog,
    BatchStatus,
    ImportBatch,
    ImportChange,
    Meeting,
    Membership,
    Person,
    TargetIndicator,
    TargetMeasurement,
    Unit,
    WorkingGroup,
)
from ..models.meetings import meeting_unit
from . import locks
from .commit import ImportRefused
from .services import BUSY, BatchBusy, update_batch

TABLES = {"person": Person, "membership": Membership, "assignment": Assignment, "meeting": Meeting,
          "attendance": Attendance, "unit": Unit, "working_group": WorkingGroup,
          "target_indicator": TargetIndicator, "target_measurement": TargetMeasurement}
BULK_TABLES = ("attendance", "assignment", "membership", "meeting", "person", "target_indicator",
               "target_measurement")  # carry import_batch_id


def _created_ids_query(table_name: str, batch_id: int):
    model = TABLES[table_name]
    if table_name in BULK_TABLES:
        return select(model.id).where(model.import_batch_id == batch_id)
    return select(ImportChange.row_id).where(ImportChange.batch_id == batch_id, ImportChange.table_name == table_name,
                                             ImportChange.action == "insert")


def edited_since(batch: ImportBatch) -> list[dict]:
    """Rows this batch created or updated that were changed afterwards (from the audit log)."""
    found = []
    for table_name in TABLES:
        touched = _created_ids_query(table_name, batch.id).union(
            select(ImportChange.row_id).where(ImportChange.batch_id == batch.id,
                                              ImportChange.table_name == table_name, ImportChange.action == "update"))
        rows = db.session.execute(select(AuditLog.table_name, AuditLog.row_id, AuditLog.action, AuditLog.at).where(
            AuditLog.table_name == table_name, AuditLog.at >= batch.committed_at,
            AuditLog.row_id.in_(touched)).order_by(AuditLog.at).limit(100)).all()
        found += [{"table": r.table_name, "row_id": r.row_id, "action": r.action, "at": r.at} for r in rows]
    return found


def dependents(batch: ImportBatch) -> list[str]:
    """Rows made by others that rest on rows this batch created (undo would break them): Vietnamese lines."""
    b = batch.id
    persons, meetings = _created_ids_query("person", b), _created_ids_query("meeting", b)
    groups, units = _created_ids_query("working_group", b), _created_ids_query("unit", b)
    indicators = _created_ids_query("target_indicator", b)
    other = lambda model: (model.import_batch_id.is_(None)) | (model.import_batch_id != b)  # noqa: E731
    checks = [
        ("thành viên đoàn của người do lượt này tạo", select(Membership.id).where(Membership.person_id.in_(persons),
                                                                                   other(Membership))),
        ("điểm danh của người do lượt này tạo", select(Attendance.id).where(Attendance.person_id.in_(persons),
                                                                             other(Attendance))),
        ("điểm danh trong cuộc họp do lượt này tạo", select(Attendance.id).where(Attendance.meeting_id.in_(meetings),
                                                                                  other(Attendance))),
        ("thành viên của đoàn do lượt này tạo", select(Membership.id).where(Membership.group_id.in_(groups),
                                                                             other(Membership))),
        ("phân công về đơn vị do lượt này tạo", select(Assignment.id).where(Assignment.unit_id.in_(units),
                                                                             other(Assignment))),
        ("cuộc họp của đơn vị do lượt này tạo", select(meeting_unit.c.meeting_id).where(
            meeting_unit.c.unit_id.in_(units), meeting_unit.c.meeting_id.not_in(meetings))),
        ("đơn vị con của đơn vị do lượt này tạo", select(Unit.id).where(Unit.parent_id.in_(units),
                                                                         Unit.id.not_in(units))),
        ("người thuộc đơn vị do lượt này tạo", select(Person.id).where(Person.home_unit_id.in_(units), other(Person))),
        ("lần cập nhật ghi sau trên chỉ tiêu do lượt này tạo", select(TargetMeasurement.id).where(
            TargetMeasurement.indicator_id.in_(indicators), other(TargetMeasurement))),
        ("chỉ tiêu của đơn vị do lượt này tạo", select(TargetIndicator.id).where(
            TargetIndicator.unit_id.in_(units), other(TargetIndicator))),
    ]
    lines = []
    for text, query in checks:
        n = db.session.scalar(select(db.func.count()).select_from(query.subquery()))
        if n:
            lines.append(f"{n} {text}")
    return lines


def _restore_updates(batch_id: int) -> None:
    changes = db.session.execute(select(ImportChange).where(ImportChange.batch_id == batch_id,
                                                            ImportChange.action == "update")
                                 .order_by(ImportChange.id.desc())).scalars().all()
    for change in changes:
        table = TABLES[change.table_name].__table__
        values = {}
        for key, value in (change.before or {}).items():
            column = table.c[key]
            python_type = column.type.python_type
            values[key] = python_type.fromisoformat(value) if value and hasattr(python_type, "fromisoformat") \
                else value
        db.session.execute(update(table).where(table.c.id == change.row_id).values(**values))


def undo_batch(batch_id: int, user_id: int | None, force: bool = False) -> dict:
    """Revert a committed batch in one transaction: restore updated rows, delete created ones.

    Refuses when others' rows depend on what the batch created; asks for `force` when rows were edited since."""
    if not locks.claim(batch_id, BatchStatus.COMMITTED.value, BatchStatus.UNDOING.value):
        status = db.session.scalar(select(ImportBatch.status).where(ImportBatch.id == batch_id))
        raise BatchBusy(BUSY.get(status.value if status else "", NOT_COMMITTED))
    try:
        locks.begin_writing()
        edited = _undo(batch_id, user_id, force)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        locks.claim(batch_id, BatchStatus.UNDOING.value, BatchStatus.COMMITTED.value)
        raise
    return {"edited": len(edited)}


NOT_COMMITTED = N_("Chỉ hoàn tác được lượt nhập đã ghi vào dữ liệu.")


def _undo(batch_id: int, user_id: int | None, force: bool) -> list:
    batch = db.session.get(ImportBatch, batch_id)
    blockers = dependents(batch)
    if blockers:
        raise ImportRefused("Không thể hoàn tác vì có dữ liệu khác dựa trên dữ liệu của lượt nhập này: "
                            + "; ".join(blockers) + ".")
    edited = edited_since(batch)
    if edited and not force:
        raise ImportRefused(
            f"Có {len(edited)} bản ghi đã được sửa sau khi nhập; xác nhận để hoàn tác cả những thay đổi đó."
        )
    _restore_updates(batch_id)
    b = batch_id
    meetings = select(Meeting.id).where(Meeting.import_batch_id == b)
    db.session.execute(delete(Attendance.__table__).where(Attendance.__table__.c.import_batch_id == b))
    db.session.execute(delete(meeting_unit).where(meeting_unit.c.meeting_id.in_(meetings)))
    for model in (Meeting, Assignment, Membership, Person, TargetMeasurement, TargetIndicator):
        db.session.execute(delete(model.__table__).where(model.__table__.c.import_batch_id == b))
    for table_name in ("working_group", "unit"):
        ids = db.session.scalars(_created_ids_query(table_name, b)).all()
        table = TABLES[table_name].__table__
        for row_id in sorted(ids, reverse=True):
            db.session.execute(delete(table).where(table.c.id == row_id))
    now = utcnow()
    update_batch(batch_id, status=BatchStatus.UNDONE.value, undone_at=now)
    db.session.execute(insert(AuditLog.__table__).values(
        at=now, user_id=user_id, action=AuditAction.UNDO_IMPORT.value, table_name="import_batch", row_id=batch_id,
        after={"edited_since": len(edited)}, note=batch.file_name[:255]))
    return edited
