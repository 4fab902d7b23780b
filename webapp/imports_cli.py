"""`flask import` and `flask inspect-sheet`: the importers' JSON contract, plus a commit through the web's path.

This module lives outside the `imports` blueprint and imports nothing heavy at the top, because it is also
registered as a Flask CLI plugin (pyproject `flask.commands`): a dry run then reads the file without loading
the web application at all, which would cost more than reading a large file.
"""
import json
import logging
import sys
import warnings
from pathlib import Path

import click
from flask import has_app_context
from flask.cli import ScriptInfo, with_appcontext

EXIT_OK, EXIT_UNIMPORTABLE = 0, 2


def _quiet() -> None:
    """Nothing but the JSON object may reach stdout: logs go to stderr, warnings are silenced."""
    warnings.simplefilter("ignore")
    for name in ("sqlalchemy", "flask", "werkzeug", "alembic"):
        logging.getLogger(name).propagate = False


def _delegate(argv: list[str]) -> None:
    import importers.cli

    sys.exit(importers.cli.main(argv))


def _today():
    """The office's today for the plausibility checks (the app's clock; no app needs loading for it)."""
    from .clock import local_today

    return local_today()


def _emit(payload: dict) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False, default=str))


def _options(create_persons, create_units, unit_parent, default_unit, start_date):
    from sqlalchemy import select

    from .clock import local_today
    from .extensions import db
    from .imports.commit import Options
    from .models import Unit, UnitKind

    parent = unit_parent
    if create_units and parent is None:
        parent = db.session.scalar(select(Unit.id).where(Unit.parent_id.is_(None), Unit.kind == UnitKind.ROOT))
    return Options(start_date=start_date.date() if start_date else local_today(), create_units=create_units,
                   unit_parent_id=parent, create_persons=create_persons, default_unit_id=default_unit)


def receipt(batch) -> dict:
    """A committed batch as JSON: the same facts as the receipt page."""
    rows = batch.row_results or []
    return {"batch_id": batch.id, "file": batch.file_name, "sha256": batch.sha256, "kind": batch.kind,
            "sheet": batch.sheet, "header_row": batch.header_row, "status": batch.status.value,
            "committed_at": batch.committed_at, "mapping": batch.mapping, "counts": batch.counts,
            "failed_rows": [r for r in rows if r["outcome"] == "failed"][:1000]}


def _commit(path: Path, kind, sheet, options) -> tuple[dict, int]:
    import importers

    from .extensions import db
    from .imports import services
    from .imports.commit import ImportRefused
    from .models import ImportBatch

    try:
        batch_id = services.create_batch(path, path.name, None, kind=kind, sheet=sheet, options=options.as_dict())
        services.commit_batch(batch_id, None)
    except (importers.ImportFileError, ImportRefused) as exc:
        return {"error": exc.message}, EXIT_UNIMPORTABLE
    return receipt(db.session.get(ImportBatch, batch_id)), EXIT_OK


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--kind", type=click.Choice(["roster", "attendance", "targets"]))
@click.option("--sheet")
@click.option("--mapping", help="JSON: trường -> cột (chữ cái hoặc số)")
@click.option("--dry-run", is_flag=True, help="Chỉ đọc và kiểm tra, không ghi.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.option("--summary", is_flag=True, help="Chỉ in số bản ghi thay vì toàn bộ bản ghi.")
@click.option("--create-persons", is_flag=True, help="Tạo người chưa có trong danh bạ (điểm danh).")
@click.option("--create-units", is_flag=True, help="Tạo đơn vị chưa có (dưới --unit-parent, mặc định Đảng bộ cấp trên).")
@click.option("--unit-parent", type=int)
@click.option("--default-unit", type=int, help="Chi bộ cho các dòng không ghi chi bộ.")
@click.option("--start-date", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Ngày bắt đầu hiệu lực (đoàn) hoặc ngày cập nhật cho các dòng chỉ tiêu không ghi ngày.")
def import_command(file, kind, sheet, mapping, dry_run, as_json, summary, create_persons, create_units,
                   unit_parent, default_unit, start_date):
    """Import a roster, attendance or targets spreadsheet (--dry-run: read and validate only)."""
    _quiet()
    if dry_run:
        argv = ["import", file] + (["--kind", kind] if kind else []) + (["--sheet", sheet] if sheet else [])
        argv += (["--mapping", mapping] if mapping else []) + ["--dry-run", "--json"] + (["--summary"] if summary else [])
        argv += ["--today", _today().isoformat()]
        _delegate(argv)
    path = Path(file)
    if not path.is_file():
        _emit({"error": f"Không tìm thấy tệp '{file}'."})
        sys.exit(EXIT_UNIMPORTABLE)
    if has_app_context():
        payload, code = _commit_safely(path, kind, sheet, create_persons, create_units, unit_parent, default_unit,
                                       start_date)
    else:
        with click.get_current_context().ensure_object(ScriptInfo).load_app().app_context():
            payload, code = _commit_safely(path, kind, sheet, create_persons, create_units, unit_parent,
                                           default_unit, start_date)
    _emit(payload)
    sys.exit(code)


def _commit_safely(path, kind, sheet, *option_values) -> tuple[dict, int]:
    """Commit like the web flow; any failure becomes the JSON error object, never a traceback."""
    from .extensions import db

    try:
        return _commit(path, kind, sheet, _options(*option_values))
    except Exception as exc:  # the contract: one JSON object, never a traceback
        db.session.rollback()
        return {"error": f"Không thể nhập tệp do lỗi không mong muốn: {type(exc).__name__}"}, EXIT_UNIMPORTABLE


@click.command("inspect-sheet")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--sheet")
@click.option("--json", "as_json", is_flag=True)
def inspect_sheet_command(file, sheet, as_json):
    """Print the sheets of a file as JSON grids anchored at A1."""
    _quiet()
    _delegate(["inspect-sheet", file] + (["--sheet", sheet] if sheet else []) + ["--json"])


@click.command("worker")
@click.option("--poll", default=2.0, show_default=True, help="Giây chờ giữa hai lần tìm việc khi hàng đợi trống.")
@click.option("--once", is_flag=True, help="Chạy hết các việc đang chờ rồi thoát.")
@with_appcontext
def worker_command(poll, once):
    """Run background import jobs (big files) from the database, alongside any number of app processes."""
    from flask import current_app

    from webapp.imports import jobs

    app = current_app._get_current_object()
    app.config["IMPORT_WORKER_POLL_SECONDS"] = poll
    click.echo(f"Đang chạy tiến trình nhập nền {jobs.worker_name()}.")
    if once:
        while jobs.work_once(app) is not None:
            pass
        return
    jobs.work_forever(app)


COMMANDS = [import_command, inspect_sheet_command, worker_command]
