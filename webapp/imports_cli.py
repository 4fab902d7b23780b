"""`flask import` and `flask inspect-sheet`: the importers' JSON contract, plus a commit through the web's path.

This module lives outside the `imports` blueprint and imports nothing heavy at the top, because it is also
registered as a Flask CLI plugin (pyproject `flask.commands`): a dry run then reads the file without loading
the web application at all, which would cost more than reading a large file.
"""
import gc
import json
import logging
import sys
import warnings
from contextlib import contextmanager
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


@contextmanager
def _collector_paused():
    """The cycle collector off while the app loads and a file is read and checked: the garbage goes by reference
    counting, and the collector would only walk the million cells of a large file (and the app's modules) again and
    again, a sixth of a dry run's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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


def _commit(path: Path, kind, sheet, options, template: dict) -> tuple[dict, int]:
    import importers

    from .extensions import db
    from .imports import services
    from .imports.commit import ImportRefused
    from .models import ImportBatch

    try:
        batch_id = services.create_batch(path, path.name, None, kind=kind, sheet=sheet, options=options.as_dict())
        if template:
            services.configure(batch_id, mapping=template.get("mapping"), layout=template.get("layout") or None,
                               confirmations=template.get("confirmations") or None)
        services.commit_batch(batch_id, None)
    except (importers.ImportFileError, ImportRefused) as exc:
        return {"error": exc.message}, EXIT_UNIMPORTABLE
    return receipt(db.session.get(ImportBatch, batch_id)), EXIT_OK


def _template(file) -> dict:
    """The corrections of `--template FILE`: the JSON the preview's rescue form builds (importers.overrides), or
    an object with "layout", "mapping" and "confirmations" (the values table's answers)."""
    import importers
    from importers.overrides import from_dict

    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise importers.ImportFileError(f"Không đọc được tệp mẫu sửa đổi '{file}': {type(exc).__name__}.") from exc
    if not isinstance(data, dict):
        raise importers.ImportFileError(f"Tệp mẫu sửa đổi '{file}' phải là một đối tượng JSON.")
    parts = {"layout", "mapping", "confirmations"}
    template = {k: data.get(k) for k in parts} if parts & set(data) else {"layout": data}
    from_dict(template["layout"])  # refused with its Vietnamese message, as the web form refuses it
    return template


def _plan(path: Path, kind, sheet, mapping, template_file, summary_only, options) -> tuple[dict, int]:
    """The dry run through the web preview's plan: the importers' reading plus the database checks (units, with
    near matches to confirm, heads, persons) and the same warnings."""
    import importers

    from .imports import dry_run, values

    try:
        chosen = json.loads(mapping) if mapping else None
    except ValueError:
        return {"error": "Tham số --mapping không phải JSON hợp lệ."}, EXIT_UNIMPORTABLE
    try:
        template = _template(template_file) if template_file else {}
        result, summary = dry_run.plan_file(path, kind=kind, sheet=sheet, mapping=chosen or template.get("mapping"),
                                            layout=template.get("layout"),
                                            confirmations=template.get("confirmations"), options=options)
    except importers.ImportFileError as exc:
        return {"error": exc.message}, EXIT_UNIMPORTABLE
    table = summary.get("values") or {}
    payload = {"kind": result.kind, "sheet": result.sheet, "header_row": result.header_row}
    if summary_only:
        payload["record_count"] = result.record_count
    else:
        payload["records"] = result.records()
    payload.update({
        "errors": result.errors, "warnings": result.warnings + values.warnings(table),
        "refused": summary.get("refused"), "planned": summary.get("planned"),
        "failed_rows": [{"row": r["row"], "reason": r["reason"]} for r in summary.get("preview", [])
                        if r["outcome"] == "failed"],
        "needs_confirmation": table.get("pending", []), "values": table or None})
    return payload, EXIT_OK


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--kind", type=click.Choice(["roster", "attendance", "targets"]))
@click.option("--sheet")
@click.option("--mapping", help="JSON: trường -> cột (chữ cái hoặc số)")
@click.option("--dry-run", is_flag=True,
              help="Chỉ đọc và kiểm tra với dữ liệu hiện có (như trang xem trước), không ghi.")
@click.option("--file-only", is_flag=True,
              help="Với --dry-run: chỉ đọc tệp, không kiểm tra với dữ liệu (không cần CSDL).")
@click.option("--template", "template_file", type=click.Path(dir_okay=False),
              help="JSON các sửa đổi (như biểu mẫu sửa của trang xem trước), áp dụng khi đọc tệp.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.option("--summary", is_flag=True, help="Chỉ in số bản ghi thay vì toàn bộ bản ghi.")
@click.option("--create-persons", is_flag=True, help="Tạo người chưa có trong danh bạ (điểm danh).")
@click.option(
    "--create-units", is_flag=True, help="Tạo đơn vị chưa có (dưới --unit-parent, mặc định Đảng bộ cấp trên)."
)
@click.option("--unit-parent", type=int)
@click.option("--default-unit", type=int, help="Chi bộ cho các dòng không ghi chi bộ.")
@click.option("--start-date", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Ngày bắt đầu hiệu lực (đoàn) hoặc ngày cập nhật cho các dòng chỉ tiêu không ghi ngày.")
def import_command(file, kind, sheet, mapping, dry_run, file_only, template_file, as_json, summary, create_persons,
                   create_units, unit_parent, default_unit, start_date):
    """Import a roster, attendance or targets spreadsheet (--dry-run: read and check only, as the web preview)."""
    _quiet()
    if dry_run and file_only:
        argv = ["import", file] + (["--kind", kind] if kind else []) + (["--sheet", sheet] if sheet else [])
        argv += (
            (["--mapping", mapping] if mapping else []) + ["--dry-run", "--json"] + (["--summary"] if summary else [])
        )
        argv += ["--today", _today().isoformat()]
        with _collector_paused():
            _delegate(argv)
    path = Path(file)
    if not path.is_file():
        _emit({"error": f"Không tìm thấy tệp '{file}'."})
        sys.exit(EXIT_UNIMPORTABLE)
    run = (lambda: _plan_safely(path, kind, sheet, mapping, template_file, summary, create_persons, create_units,
                                unit_parent, default_unit, start_date)) if dry_run else \
        (lambda: _commit_safely(path, kind, sheet, template_file, create_persons, create_units, unit_parent,
                                default_unit, start_date))
    with _collector_paused():  # loading the app too: its modules' objects are many and live as long as the process
        if has_app_context():
            payload, code = run()
        else:
            with click.get_current_context().ensure_object(ScriptInfo).load_app().app_context():
                payload, code = run()
    _emit(payload)
    sys.exit(code)


NO_DATABASE = ("Cơ sở dữ liệu chưa sẵn sàng (chưa tạo bảng hoặc không kết nối được): hãy chạy "
               "`flask --app wsgi db upgrade` trước; muốn chỉ đọc tệp mà không đối chiếu dữ liệu, thêm --file-only.")


def _database_ready() -> bool:
    """Whether the app's database answers and holds the import tables (the plan checks units, heads, persons)."""
    from sqlalchemy import inspect

    from .extensions import db

    try:
        return inspect(db.engine).has_table("import_batch")
    except Exception:  # a database that does not answer is not ready
        return False


def _plan_safely(path, kind, sheet, mapping, template_file, summary_only, *option_values) -> tuple[dict, int]:
    """Plan like the web preview; any failure becomes the JSON error object, never a traceback."""
    from .extensions import db

    if not _database_ready():
        return {"error": NO_DATABASE}, EXIT_UNIMPORTABLE
    try:
        return _plan(path, kind, sheet, mapping, template_file, summary_only, _options(*option_values))
    except Exception as exc:  # the contract: one JSON object, never a traceback
        db.session.rollback()
        return {"error": f"Không thể kiểm tra tệp do lỗi không mong muốn: {type(exc).__name__}"}, EXIT_UNIMPORTABLE


def _commit_safely(path, kind, sheet, template_file, *option_values) -> tuple[dict, int]:
    """Commit like the web flow; any failure becomes the JSON error object, never a traceback."""
    import importers

    from .extensions import db

    try:
        template = _template(template_file) if template_file else {}
    except importers.ImportFileError as exc:
        return {"error": exc.message}, EXIT_UNIMPORTABLE
    try:
        return _commit(path, kind, sheet, _options(*option_values), template)
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
