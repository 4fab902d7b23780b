"""The dry run of a batch: parse its file, run the import and roll it back, keep the summary the work area shows
(counts, issues, the first rows and every row with a problem, cell by cell)."""
import pandas as pd

import importers
from importers.mapping import column_letter

from ..extensions import db
from ..models import ImportBatch
from . import files, layouts, locks
from .commit import Context, ImportRefused, execute
from .outcomes import count_outcomes, row_results
from .services import _context, _parse, _remembered, full_mapping, update_batch

PREVIEW_ROWS = 30
PREVIEW_MAX = 200
LIST_MAX = 500


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


def _summary(batch: ImportBatch, result, rows: list[dict], ctx: Context | None, refused: str | None) -> dict:
    sheets = files.sheet_names(batch.sha256, batch.file_name)  # reads every sheet: the preview's grid is among them
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


def _read(batch: ImportBatch, scope_path: str):
    """Parse the batch's file; the mapping remembered for its header and the unit's template for its layout (both
    found from that parse) go on the batch, and only then is the file parsed again, once, with them."""
    result, changed = _parse(batch), False
    if batch.mapping is None:
        remembered = _remembered(result.kind, result.signature)
        if remembered:
            update_batch(batch.id, mapping=remembered, kind=result.kind)
            changed = True
    if batch.layout is None and layouts.apply_template(batch, result, scope_path):
        changed = True
    return _parse(batch) if changed else result


def analyse(batch_id: int, scope_path: str = "/", progress=None) -> dict:
    """Parse the batch's file and run the import as a dry run (rolled back); store and return the summary.

    Raises importers.ImportFileError when the file cannot be read at all (the batch keeps the message)."""
    batch = db.session.get(ImportBatch, batch_id)
    try:
        result = _read(batch, scope_path)
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
