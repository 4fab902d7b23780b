"""The dry run of a batch: parse its file, run the import and roll it back, keep the summary the work area shows
(counts, issues, the first rows and every row with a problem, cell by cell)."""
import logging
from functools import cache
from pathlib import Path

import pandas as pd
from sqlalchemy import delete

import importers
from importers.locating import HEADER_SCAN_ROWS
from importers.mapping import column_letter

from ..extensions import db
from ..models import ImportBatch
from . import files, layouts, locks, values
from .commit import Context, ImportRefused, execute
from .fitness import misfit
from .outcomes import count_outcomes, row_results
from .planned import planned
from .services import create_batch, forget_mapping, parse_batch, remembered_mapping, run_context, update_batch

PREVIEW_ROWS = 30
PREVIEW_MAX = 200
LIST_MAX = 500
MAX_COLUMNS = 52


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
    grid = files.grid(batch.sha256, result.first_sheet, batch.file_name)
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


def _summary(batch: ImportBatch, result, rows: list[dict], ctx: Context | None, refused: str | None,
             sheets: list[dict]) -> dict:
    return {
        "kind": result.kind, "sheet": result.sheet, "header_row": result.header_row, "signature": result.signature,
        "columns": result.columns_as_dicts(), "year": result.year,
        "errors": result.errors[:LIST_MAX], "error_count": len(result.errors),
        "warnings": result.warnings[:LIST_MAX], "warning_count": len(result.warnings),
        "legacy": result.legacy_conversions[:LIST_MAX], "legacy_count": len(result.legacy_conversions),
        "record_count": result.record_count, "planned": count_outcomes(rows),
        "created": ctx.created if ctx else {}, "updated": ctx.updated if ctx else {},
        "preview": _preview(batch, result, rows), "refused": refused,
        "sheets": sheets, "inferences": result.inferences,
        "detected_signature": result.detected_signature, "detected_sheet": result.first_sheet,
    }


DROPPED_REMEMBERED = "Cách ghép cột đã lưu cho bố cục tệp này không còn khớp ({why}); đã bỏ và xóa nó, các cột được " \
    "nhận biết lại."
DROPPED_OWN = "Cách ghép cột đã chọn không còn khớp với bảng ({why}); đã bỏ, các cột được nhận biết lại."
DROPPED_TEMPLATE = "Mẫu đã lưu cho bố cục tệp này không đọc được tệp ({why}); đã bỏ và xóa mẫu."
UNREADABLE_WITH = "không đọc được tệp theo cách này"
UNPLACED = "Chưa tìm thấy bảng dữ liệu trong tệp: {why} Hãy chỉ ra trang tính, dòng tiêu đề hoặc cách ghép cột ở " \
    "phần \"Sửa cách đọc tệp\" rồi bấm \"Đọc lại theo các sửa đổi\"."
log = logging.getLogger(__name__)


def _try_parse(batch: ImportBatch):
    """Parse with the batch's stored settings: (result, None), or (None, why) when they cannot read the file."""
    try:
        return parse_batch(batch), None
    except importers.ImportFileError as exc:
        return None, exc.message
    except Exception:  # a stored setting must never make the file unreadable: it is dropped, the error logged
        log.exception("import batch %s: stored settings failed to read the file", batch.id)
        return None, UNREADABLE_WITH


def _settle(batch_id: int, **values) -> ImportBatch:
    update_batch(batch_id, **values)
    db.session.commit()
    return db.session.get(ImportBatch, batch_id)


def _stored(batch: ImportBatch, result, scope_path: str) -> list[tuple[dict, str, object]]:
    """The remembered settings that apply to the file as first read: (batch values, notice, forget) for the mapping
    remembered for its header and the unit's template for its layout."""
    found = []
    remembered = remembered_mapping(result.kind, result.signature) if batch.mapping is None else None
    if remembered:
        found.append(({"mapping": remembered}, DROPPED_REMEMBERED,
                      lambda: forget_mapping(result.kind, result.signature)))
    template = layouts.find_template(scope_path, result.kind, result.first_sheet, result.detected_signature) \
        if batch.layout is None else None
    if template is not None:
        values = {"layout": {**template.overrides, "template_id": template.id}}
        if template.mapping:
            values["mapping"] = template.mapping
        found.append((values, DROPPED_TEMPLATE, lambda template_id=template.id: layouts.delete_template(template_id)))
    return found


def _fits(batch_id: int, values: dict):
    """Parse with `values` put on the batch: (result, None) when they fit, else (None, why)."""
    batch = _settle(batch_id, **values)
    tried, why = _try_parse(batch)
    why = why or misfit(batch.mapping, tried)
    return (None, why) if why else (tried, None)


def _read(batch: ImportBatch, scope_path: str):
    """Parse the batch's file with the settings that still fit it; returns (result, notices).

    The officer's mapping, the mapping remembered for the file's header and the unit's template for its layout are
    applied together (one more parse); one that no longer fits is dropped (a remembered one forgotten) with a
    notice in Vietnamese, and the file is read without it."""
    notices = []
    if batch.mapping:
        result, why = _try_parse(batch)
        if why is not None and why != UNREADABLE_WITH:
            raise importers.ImportFileError(why)  # the file itself, not the mapping: shown as it is
        why = why or misfit(batch.mapping, result)
    else:
        result, why = parse_batch(batch), None
    if why:
        notices.append(DROPPED_OWN.format(why=why))
        batch = _settle(batch.id, mapping=None)
        result = parse_batch(batch)
    stored = _stored(batch, result, scope_path)
    if not stored:
        return result, notices
    plain = {"mapping": batch.mapping, "layout": batch.layout, "kind": batch.kind}
    together = {key: value for settings, _, _ in stored for key, value in settings.items()}
    tried, why = _fits(batch.id, {**plain, **together, "kind": result.kind})
    if tried is not None:
        return tried, notices
    kept = {}
    for settings, notice, forget in stored:  # one at a time: only the settings that fail alone are dropped
        alone, why = _fits(batch.id, {**plain, **kept, **settings, "kind": result.kind})
        if alone is None:
            notices.append(notice.format(why=why))
            forget()
        else:
            kept.update(settings)
    batch = _settle(batch.id, **{**plain, **kept, "kind": result.kind})
    return (parse_batch(batch) if kept else result), notices


def _unplaced(batch: ImportBatch, message: str) -> dict | None:
    """The summary of a file the detector could not place but that can be read: its sheets and columns, so the
    preview opens with the correction form; None when the file cannot be read at all."""
    try:
        sheets = files.sheet_names(batch.sha256, batch.file_name)
        sheet = batch.sheet or ((batch.layout or {}).get("sheets") or [None])[0]
        grid = files.grid(batch.sha256, sheet, batch.file_name)
    except importers.ImportFileError:
        return None
    head = grid[:HEADER_SCAN_ROWS]
    fullest = max(range(len(head)), key=lambda i: sum(v not in (None, "") for v in head[i]), default=0)
    width = min(max((len(row) for row in grid), default=0), MAX_COLUMNS)
    labels = head[fullest] if head else []
    columns = [{"index": i, "letter": column_letter(i), "field": None,
                "header": str(labels[i]) if i < len(labels) and labels[i] is not None else ""} for i in range(width)]
    return {"kind": batch.kind, "sheet": sheet, "header_row": fullest + 1, "signature": None, "columns": columns,
            "year": None, "errors": [], "error_count": 0, "warnings": [], "warning_count": 0, "legacy": [],
            "legacy_count": 0, "record_count": 0, "planned": count_outcomes([]), "created": {}, "updated": {},
            "preview": [], "plan": None, "refused": None, "sheets": sheets, "inferences": [], "notices": [],
            "unplaced": UNPLACED.format(why=message), "detected_signature": None, "detected_sheet": sheet}


def _words(batch: ImportBatch, result, frame: pd.DataFrame) -> dict:
    """The cell text of the role and mark columns per record, for the values table (one sheet only: the source
    row of a record read from several sheets does not name its sheet)."""
    if len(result.sheets) > 1:
        return {}
    grid = files.grid(batch.sha256, result.first_sheet, batch.file_name)
    columns = result.columns_as_dicts()
    found = {field: values.words(frame, grid, columns, field, result.blocks) for field in ("role", "status")}
    return {field: texts for field, texts in found.items() if texts is not None}


def plan(batch_id: int, scope_path: str = "/", progress=None) -> tuple[object, dict]:
    """Parse the batch's file and run the import as a dry run (rolled back); store the summary (the records it would
    write, its values table) on the batch and return the parse result and the summary. The web preview and
    `flask import --dry-run` both come here, so they show the same plan.

    Raises importers.ImportFileError when the file cannot be read at all (the batch keeps the message)."""
    batch = db.session.get(ImportBatch, batch_id)
    try:
        sheets = files.sheet_names(batch.sha256, batch.file_name)  # every sheet, read once: the parse reads it too
        result, notices = _read(batch, scope_path)
    except importers.ImportFileError as exc:
        db.session.rollback()
        batch = db.session.get(ImportBatch, batch_id)
        update_batch(batch_id, error=exc.message, summary=_unplaced(batch, exc.message))
        db.session.commit()
        raise
    if progress:
        progress(20)
    ctx, refused, rows = run_context(batch, scope_path, progress, strict=False), None, []
    records, table = None, None
    try:
        # the dry run inserts too (then rolls back): it waits for commits writing the same rows
        locks.begin_writing(references_at_end=True)
        frame = execute(result, ctx)
        records = planned(result, frame, batch_id, batch.layout, cache(
            lambda sheet: files.grid(batch.sha256, sheet or None, batch.file_name)))
        table = values.build(frame, ctx, result.kind, _words(batch, result, frame)) if len(frame) else None
        rows = row_results(result, frame)  # last: a line per row of the file, not held while the plan is counted
    except ImportRefused as exc:
        refused = exc.message
        rows = row_results(result, pd.DataFrame())
    finally:
        db.session.rollback()
    batch = db.session.get(ImportBatch, batch_id)
    summary = {**_summary(batch, result, rows, ctx, refused, sheets), "plan": records, "values": table,
               "notices": notices, "unplaced": None}
    # a register spanning several sheets is found again from the file (sheet None): every later read sees them all
    update_batch(batch_id, kind=result.kind, sheet=None if len(result.sheets) > 1 else result.sheet,
                 header_row=result.header_row, signature=result.signature, summary=summary, error=None)
    db.session.commit()
    return result, summary


def analyse(batch_id: int, scope_path: str = "/", progress=None) -> dict:
    """The dry run of the web preview and background jobs: `plan`, returning the summary."""
    return plan(batch_id, scope_path, progress)[1]


def plan_file(path, *, kind=None, sheet=None, mapping=None, layout=None, confirmations=None, options=None,
              scope_path: str = "/") -> tuple[object, dict]:
    """The plan of a file outside the web (`flask import --dry-run`): a draft batch is opened with the same
    corrections, planned exactly as the preview plans it, then forgotten (nothing of it stays in the database)."""
    batch_id = create_batch(path, Path(path).name, None, kind=kind, sheet=sheet,
                            options=options.as_dict() if options else None)
    try:
        update_batch(batch_id, mapping=mapping, layout=layout or None, confirmations=confirmations or None)
        db.session.commit()
        return plan(batch_id, scope_path)
    finally:
        db.session.rollback()
        db.session.execute(delete(ImportBatch.__table__).where(ImportBatch.__table__.c.id == batch_id))
        db.session.commit()
