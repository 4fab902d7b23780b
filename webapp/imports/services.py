"""Named state changes of an import: create a batch, analyse it (dry run), fix cells, commit, undo."""
from collections import defaultdict

import pandas as pd
from sqlalchemy import delete, insert, select, update

import importers
from importers.kinds import spec_module
from importers.mapping import column_letter

from ..extensions import db
from ..models import (Assignment, Attendance, AuditLog, BatchStatus, ImportBatch, ImportChange, ImportMapping,
                      Meeting, Membership, Person, TargetIndicator, TargetMeasurement, Unit, WorkingGroup)
from ..clock import utcnow
from ..models.meetings import meeting_unit
from ..i18n import N_
from . import files, layouts, locks
from .engine import Context, ImportRefused, Options, execute

PREVIEW_ROWS = 30
PREVIEW_MAX = 200
LIST_MAX = 500
TABLES = {"person": Person, "membership": Membership, "assignment": Assignment, "meeting": Meeting,
          "attendance": Attendance, "unit": Unit, "working_group": WorkingGroup,
          "target_indicator": TargetIndicator, "target_measurement": TargetMeasurement}
BULK_TABLES = ("attendance", "assignment", "membership", "meeting", "person", "target_indicator",
               "target_measurement")  # carry import_batch_id


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


def _parse(batch: ImportBatch):
    return files.parse(batch.sha256, kind=batch.kind, sheet=batch.sheet, mapping=batch.mapping,
                       overrides=batch.overrides or None, original_name=batch.file_name, layout=batch.layout)


def full_mapping(kind: str, columns: list[dict]) -> dict:
    """Field -> column letter (None when unmapped) for every field of the kind: a complete, replayable mapping."""
    chosen = {c["field"]: c["letter"] for c in columns if c["field"] and not c["field"].startswith(("month_", "date_"))}
    return {spec.name: chosen.get(spec.name) for spec in spec_module(kind).FIELDS}


def _remembered(kind: str, signature: str) -> dict | None:
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


def row_results(result, frame: pd.DataFrame) -> list[dict]:
    """Every data row of the file as imported / unchanged / skipped / failed, with the reason."""
    errors = defaultdict(list)
    for issue in result.errors:
        if issue.get("row"):
            errors[int(issue["row"])].append(issue["message"])
    failed_rows, changed_rows, reasons, recorded = set(), set(), {}, set()
    if len(frame):
        recorded = set(pd.unique(frame["src_row"]).tolist())
        failed = frame[frame["outcome"].eq("failed")]
        failed_rows = set(pd.unique(failed["src_row"]).tolist())
        changed_rows = set(pd.unique(frame.loc[frame["outcome"].isin(["created", "updated"]), "src_row"]).tolist())
        for row, texts in failed.groupby("src_row")["reason"]:
            reasons[int(row)] = "; ".join(dict.fromkeys(t for t in texts if t))
    rows = []
    for item in result.rows:
        row = int(item["row"])
        parse_errors = "; ".join(errors.get(row, []))
        if item["outcome"] != "record" or row not in recorded:
            outcome = "failed" if item["outcome"] == "failed" else "skipped"
            reason = parse_errors or item.get("reason") or ""
        else:
            outcome = "failed" if row in failed_rows else "imported" if row in changed_rows else "unchanged"
            reason = "; ".join(r for r in (reasons.get(row, ""), parse_errors) if r)
        rows.append({"row": row, "outcome": outcome, "reason": reason})
    return rows


def _count_outcomes(rows: list[dict]) -> dict:
    counts = {"imported": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    for row in rows:
        counts[row["outcome"]] += 1
    return counts


def _cell_issues(result) -> dict:
    issues = {}
    for level, items in (("err", result.errors), ("warn", result.warnings)):
        for issue in items:
            if issue.get("row"):
                issues.setdefault((int(issue["row"]), issue.get("column")), {}).setdefault(level, []).append(
                    issue["message"])
    for conversion in result.legacy_conversions:
        ref = conversion["cell"].split("!")[-1]
        try:
            r, c = files.split_ref(ref)
        except ValueError:
            continue
        issues.setdefault((r + 1, column_letter(c)), {})["legacy"] = conversion["before"]
    return issues


def _preview(batch: ImportBatch, result, rows: list[dict]) -> list[dict]:
    """The first data rows plus every row with a problem, cell by cell, with issues attached."""
    grid = files.grid(batch.sha256, result.sheet, batch.file_name)
    issues = _cell_issues(result)
    problem_rows = {r for r, _ in issues} | {r["row"] for r in rows if r["outcome"] == "failed"}
    chosen = [r for i, r in enumerate(rows) if i < PREVIEW_ROWS or r["row"] in problem_rows][:PREVIEW_MAX]
    width = len(result.columns)
    overrides = batch.overrides or {}
    preview = []
    for item in chosen:
        cells_in = grid[item["row"] - 1] if item["row"] - 1 < len(grid) else []
        cells = []
        for index in range(width):
            letter = column_letter(index)
            value = cells_in[index] if index < len(cells_in) else None
            cell = {"letter": letter, "v": value, **issues.get((item["row"], letter), {})}
            if f"{letter}{item['row']}" in overrides:
                cell["fixed"] = True
            cells.append(cell)
        row_errors = issues.get((item["row"], None), {}).get("err", [])
        preview.append({**item, "cells": cells, "row_errors": row_errors})
    return preview


def _summary(batch: ImportBatch, result, rows: list[dict], ctx: Context | None, refused: str | None) -> dict:
    return {
        "kind": result.kind, "sheet": result.sheet, "header_row": result.header_row, "signature": result.signature,
        "columns": result.columns_as_dicts(), "year": result.year,
        "errors": result.errors[:LIST_MAX], "error_count": len(result.errors),
        "warnings": result.warnings[:LIST_MAX], "warning_count": len(result.warnings),
        "legacy": result.legacy_conversions[:LIST_MAX], "legacy_count": len(result.legacy_conversions),
        "record_count": result.record_count, "planned": _count_outcomes(rows),
        "created": ctx.created if ctx else {}, "updated": ctx.updated if ctx else {},
        "preview": _preview(batch, result, rows), "refused": refused,
        "sheets": files.sheet_names(batch.sha256, batch.file_name), "inferences": result.inferences,
        "detected_signature": result.detected_signature, "detected_sheet": result.sheet,
    }


def _context(batch: ImportBatch, scope_path: str, progress=None) -> Context:
    return Context(batch_id=batch.id, options=Options.from_dict(batch.options), scope_path=scope_path,
                   progress=progress)


def analyse(batch_id: int, scope_path: str = "/", progress=None) -> dict:
    """Parse the batch's file and run the import as a dry run (rolled back); store and return the summary.

    Raises importers.ImportFileError when the file cannot be read at all (the batch keeps the message)."""
    batch = db.session.get(ImportBatch, batch_id)
    try:
        result = _parse(batch)
        if batch.mapping is None:
            remembered = _remembered(result.kind, result.signature)
            if remembered:
                update_batch(batch_id, mapping=remembered, kind=result.kind)
                result = _parse(batch)
        if batch.layout is None and layouts.apply_template(batch, result, scope_path):
            result = _parse(batch)
    except importers.ImportFileError as exc:
        db.session.rollback()
        update_batch(batch_id, error=exc.message)
        db.session.commit()
        raise
    if progress:
        progress(20)
    ctx, refused, rows = _context(batch, scope_path, progress), None, []
    try:
        locks.begin_writing()  # the dry run inserts too (then rolls back): it waits for commits writing the same rows
        frame = execute(result, ctx)
        rows = row_results(result, frame)
    except ImportRefused as exc:
        refused = exc.message
        rows = row_results(result, pd.DataFrame())
    finally:
        db.session.rollback()
    batch = db.session.get(ImportBatch, batch_id)
    summary = _summary(batch, result, rows, ctx, refused)
    # a register spanning several sheets is found again from the file (sheet None): every later read sees them all
    update_batch(batch_id, kind=result.kind, sheet=None if len(result.sheets) > 1 else result.sheet,
                 header_row=result.header_row, signature=result.signature, summary=summary, error=None,
                 mapping=batch.mapping or full_mapping(result.kind, result.columns_as_dicts()))
    db.session.commit()
    return summary


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
    A background job has `claimed` the batch when it was queued, and its `finish` runs inside the transaction."""
    if not claimed and not locks.claim(batch_id, BatchStatus.DRAFT.value, BatchStatus.COMMITTING.value):
        raise BatchBusy(refusal(batch_id))
    try:
        locks.begin_writing()
        counts = _write(batch_id, user_id, scope_path, progress)
        if finish:
            finish()
        db.session.commit()
    except BaseException:
        db.session.rollback()
        if not claimed:  # nothing written: the officer may try again (a job's runner frees its own batch)
            locks.claim(batch_id, BatchStatus.COMMITTING.value, BatchStatus.DRAFT.value)
        raise
    return counts


def _write(batch_id: int, user_id: int | None, scope_path: str, progress) -> dict:
    batch = db.session.get(ImportBatch, batch_id)
    result = _parse(batch)
    ctx = _context(batch, scope_path, progress)
    frame = execute(result, ctx)
    rows = row_results(result, frame)
    counts = {**_count_outcomes(rows), "rows": len(rows), "records": int(result.record_count),
              "created": ctx.created, "updated": ctx.updated}
    mapping = batch.mapping or full_mapping(result.kind, result.columns_as_dicts())
    remember_mapping(result.kind, result.signature, mapping, user_id)
    now = utcnow()
    update_batch(batch_id, status=BatchStatus.COMMITTED.value, committed_at=now, counts=counts,
                 row_results=rows, kind=result.kind, sheet=result.sheet, header_row=result.header_row,
                 signature=result.signature, mapping=mapping)
    db.session.execute(insert(AuditLog.__table__).values(
        at=now, user_id=user_id, action="import", table_name="import_batch", row_id=batch_id,
        after={"file": batch.file_name, "sha256": batch.sha256, "created": ctx.created,
               "updated": ctx.updated}, note=batch.file_name[:255]))
    return counts


# ---------------------------------------------------------------- undo
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
        raise ImportRefused(f"Có {len(edited)} bản ghi đã được sửa sau khi nhập; xác nhận để hoàn tác cả những thay đổi đó.")
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
        at=now, user_id=user_id, action="undo_import", table_name="import_batch", row_id=batch_id,
        after={"edited_since": len(edited)}, note=batch.file_name[:255]))
    return edited


def cancel_batch(batch_id: int) -> bool:
    """Abandon a draft batch (the uploaded file stays on disk, named by its hash); False when a commit took it first."""
    return locks.claim(batch_id, BatchStatus.DRAFT.value, BatchStatus.CANCELLED.value)
