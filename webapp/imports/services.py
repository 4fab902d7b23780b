"""Named state changes of an import batch: create it, configure it, fix cells, commit it, cancel it.

The dry run lives in `preview`, the revert in `undo`; every write of records goes through `commit.execute`."""
from sqlalchemy import delete, insert, select, update

from importers.kinds import spec_module

from ..clock import utcnow
from ..extensions import db
from ..i18n import N_
from ..models import AuditAction, AuditLog, BatchStatus, ImportBatch, ImportMapping
from . import files, locks
from .commit import Context, ImportRefused, Options, execute, records_frame
from .outcomes import count_outcomes, row_results


def update_batch(batch_id: int, **values) -> None:
    """Write batch fields with Core (the batch is its own audit record; big JSON stays out of the audit log)."""
    db.session.execute(update(ImportBatch.__table__).where(ImportBatch.__table__.c.id == batch_id).values(**values))
    batch = db.session.identity_map.get((ImportBatch, (batch_id,), None))
    if batch is not None:
        db.session.expire(batch)


def create_batch(source, file_name: str, user_id: int | None, kind: str | None = None,
                 sheet: str | None = None, options: dict | None = None) -> int:
    """Keep the uploaded file under its SHA-256 and open a draft batch for it."""
    sha256, size = files.store_file(source)
    table = ImportBatch.__table__
    batch_id = db.session.execute(insert(table).values(
        kind=kind, status=BatchStatus.DRAFT.value, file_name=file_name[:255], sha256=sha256, size_bytes=size,
        sheet=sheet, options=options or Options().as_dict(), overrides={}, created_by_id=user_id,
        created_at=utcnow()).returning(table.c.id)).scalar_one()
    db.session.commit()
    return batch_id


def parse_batch(batch: ImportBatch):
    """Read the batch's file with its kind, sheet, mapping, cell fixes and corrections."""
    return _parse(_reading(batch))


def _reading(batch: ImportBatch) -> tuple:
    """What a parse of the batch depends on besides its file (immutable, named by its content hash)."""
    return (batch.sha256, batch.kind, batch.sheet, batch.mapping, batch.overrides or None, batch.file_name,
            batch.layout)


def _parse(reading: tuple):
    sha256, kind, sheet, mapping, overrides, file_name, layout = reading
    return files.parse(sha256, kind=kind, sheet=sheet, mapping=mapping, overrides=overrides,
                       original_name=file_name, layout=layout)


def full_mapping(kind: str, columns: list[dict]) -> dict:
    """Field -> column letter (None when unmapped) for every field of the kind: a complete, replayable mapping."""
    chosen = {c["field"]: c["letter"] for c in columns if c["field"] and not c["field"].startswith(("month_", "date_"))}
    return {spec.name: chosen.get(spec.name) for spec in spec_module(kind).FIELDS}


def remembered_mapping(kind: str, signature: str) -> dict | None:
    """The column mapping an officer saved for files with this header signature, if any."""
    return db.session.scalar(select(ImportMapping.mapping).where(ImportMapping.kind == kind,
                                                                  ImportMapping.signature == signature))


def remember_mapping(kind: str, signature: str, mapping: dict, user_id: int | None) -> None:
    """Store the confirmed mapping for files with this header signature."""
    table = ImportMapping.__table__
    found = db.session.scalar(select(table.c.id).where(table.c.kind == kind, table.c.signature == signature))
    if found:
        db.session.execute(update(table).where(table.c.id == found).values(mapping=mapping, updated_at=utcnow(),
                                                                           updated_by_id=user_id))
    else:
        db.session.execute(insert(table).values(kind=kind, signature=signature, mapping=mapping,
                                                updated_at=utcnow(), updated_by_id=user_id))


def forget_mapping(kind: str, signature: str) -> None:
    """Drop the mapping remembered for files with this header signature."""
    db.session.execute(delete(ImportMapping.__table__).where(ImportMapping.kind == kind,
                                                             ImportMapping.signature == signature))
    db.session.commit()


def delete_mapping(mapping_id: int) -> None:
    """Forget a remembered column mapping (the templates page)."""
    db.session.execute(delete(ImportMapping.__table__).where(ImportMapping.__table__.c.id == mapping_id))
    db.session.commit()


def run_context(batch: ImportBatch, scope_path: str, progress=None, strict: bool = True) -> Context:
    """The run of a batch with its options, the officer's scope and confirmations, a progress callback; `strict`
    (the commit) refuses while a value awaits confirmation, the dry run fails its rows instead."""
    return Context(batch_id=batch.id, options=Options.from_dict(batch.options), scope_path=scope_path,
                   progress=progress, confirmations=dict(batch.confirmations or {}), strict=strict)


def set_cell(batch_id: int, ref: str, value: str | None) -> None:
    """Keep an officer's fix of one cell with the batch (applied on a copy before every parse and the commit)."""
    batch = db.session.get(ImportBatch, batch_id)
    files.split_ref(ref)
    overrides = dict(batch.overrides or {})
    overrides[ref] = value if value not in ("",) else None
    update_batch(batch_id, overrides=overrides)
    db.session.commit()


def configure(batch_id: int, **values) -> bool:
    """Change kind, sheet, mapping or options of a draft batch; False when a commit has taken it meanwhile."""
    table = ImportBatch.__table__
    changed = db.session.execute(update(table).where(table.c.id == batch_id, table.c.status == BatchStatus.DRAFT.value)
                                 .values(**values)).rowcount == 1
    db.session.commit()
    db.session.expire_all()
    return changed


BUSY = {BatchStatus.COMMITTING.value: N_("Lượt nhập này đang được ghi vào dữ liệu (có thể do bấm Nhập hai lần); "
                                         "hãy chờ ghi xong."),
        BatchStatus.UNDOING.value: N_("Lượt nhập này đang được hoàn tác; hãy chờ xong.")}
DONE_ALREADY = N_("Lượt nhập này đã được ghi hoặc đã hủy.")


class BatchBusy(ImportRefused):
    """Another request or worker holds the batch (or it is already past this step)."""


def refusal(batch_id: int) -> str:
    """Why a batch cannot be taken now (Vietnamese msgid): another request is at it, or it is past that."""
    status = db.session.scalar(select(ImportBatch.status).where(ImportBatch.id == batch_id))
    return BUSY.get(status.value if status else "", DONE_ALREADY)


def commit_batch(batch_id: int, user_id: int | None, scope_path: str = "/", progress=None, claimed: bool = False,
                 finish=None) -> dict:
    """Write the batch exactly once, in one transaction (all or nothing), and store its receipt; returns the counts.

    Only the caller whose conditional UPDATE moves the batch from draft to committing writes; any other is refused.
    A background job has `claimed` the batch when it was queued, and its `finish` runs inside the transaction.
    The file is read before the write lock is taken (on SQLite every other write waits while the lock is held);
    under the lock the batch's reading settings are compared with those the read used, and the file read again
    if a cell fix slipped in meanwhile. Everything the database decides (units, persons, meetings, marks) is
    looked up under the lock, so the commit stays all-or-nothing and exactly-once."""
    if not claimed and not locks.claim(batch_id, BatchStatus.DRAFT.value, BatchStatus.COMMITTING.value):
        raise BatchBusy(refusal(batch_id))
    try:
        read = _read_outside_lock(batch_id)
        locks.begin_writing(references_at_end=True)
        counts = _write(batch_id, read, user_id, scope_path, progress)
        if finish:
            finish()
        locks.check_references()
        db.session.commit()
    except BaseException:
        db.session.rollback()
        if not claimed:  # nothing written: the officer may try again (a job's runner frees its own batch)
            locks.claim(batch_id, BatchStatus.COMMITTING.value, BatchStatus.DRAFT.value)
        raise
    return counts


def _read_outside_lock(batch_id: int) -> tuple[tuple, object, object]:
    """The batch's file parsed with its settings before any lock: (the settings used, the parse result, its
    records frame). The read transaction ends before the parse, so nothing is held while the file is read."""
    db.session.rollback()
    reading = _reading(db.session.get(ImportBatch, batch_id))
    db.session.rollback()
    result = _parse(reading)
    return reading, result, records_frame(result)


def _write(batch_id: int, read: tuple[tuple, object, object], user_id: int | None, scope_path: str,
           progress) -> dict:
    batch = db.session.get(ImportBatch, batch_id)
    if batch.status != BatchStatus.COMMITTING:  # taken from this writer while it read the file (a lost lease)
        raise BatchBusy(refusal(batch_id))
    reading, result, frame = read
    if _reading(batch) != reading:  # a cell fixed between the read and the lock: the commit writes what is stored
        result = parse_batch(batch)
        frame = records_frame(result)
    ctx = run_context(batch, scope_path, progress)
    frame = execute(result, ctx, frame)
    rows = row_results(result, frame)
    counts = {**count_outcomes(rows), "rows": len(rows), "records": int(result.record_count),
              "created": ctx.created, "updated": ctx.updated}
    mapping = batch.mapping or full_mapping(result.kind, result.columns_as_dicts())  # shown on the receipt
    now = utcnow()
    update_batch(batch_id, status=BatchStatus.COMMITTED.value, committed_at=now, counts=counts,
                 row_results=rows, kind=result.kind, sheet=None if len(result.sheets) > 1 else result.sheet,
                 header_row=result.header_row,
                 signature=result.signature, mapping=mapping)
    db.session.execute(insert(AuditLog.__table__).values(
        at=now, user_id=user_id, action=AuditAction.IMPORT.value, table_name="import_batch", row_id=batch_id,
        after={"file": batch.file_name, "sha256": batch.sha256, "created": ctx.created,
               "updated": ctx.updated}, note=batch.file_name[:255]))
    return counts


def cancel_batch(batch_id: int) -> bool:
    """Abandon a draft batch (the uploaded file stays on disk, named by its hash); False when a commit took it first."""
    return locks.claim(batch_id, BatchStatus.DRAFT.value, BatchStatus.CANCELLED.value)
