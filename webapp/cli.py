"""`flask` commands: accounts, demo data, backup/restore, production serving."""
import atexit
import os
import sqlite3
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from .audit_cli import audit_command
from .auth.commands import COMMANDS as ACCOUNT_COMMANDS
from .demo_shapes import SHAPES
from .extensions import db
from .imports_cli import COMMANDS as IMPORT_COMMANDS
from .models import Role, Unit
from .notifications.digest import send_digest_command


def _sqlite_path() -> Path:
    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    if not url.startswith("sqlite:///"):
        raise click.ClickException(
            "Lệnh này chỉ dùng cho SQLite. Với PostgreSQL hãy dùng pg_dump / pg_restore (xem README)."
        )
    return Path(url.removeprefix("sqlite:///"))


@click.command("create-user")
@click.argument("username")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.MEMBER.value, show_default=True)
@click.option("--name", "display_name", help="Tên hiển thị")
@click.option("--scope-unit", type=int, help="Mã tổ chức đảng giới hạn phạm vi quyền (mặc định: toàn bộ)")
@with_appcontext
def create_user_command(username, password, role, display_name, scope_unit):
    """Create a user account."""
    from .auth.services import create_user
    from .i18n import in_vietnamese
    from .services import RuleViolation

    try:  # the account's rules are the service's, as for every other write
        create_user(username, password, Role(role), display_name, scope_unit)
    except RuleViolation as violation:
        db.session.rollback()
        raise click.ClickException(in_vietnamese(violation.message)) from None
    db.session.commit()
    click.echo(f"Đã tạo tài khoản {username} ({role}).")


@click.command("demo")
@click.option("--reset", is_flag=True, help="Xóa dữ liệu hiện có trước khi nạp.")
@click.option("--shape", type=click.Choice(list(SHAPES)), default="town", show_default=True,
              help="town: cấp ủy thị xã với các phường, xã; ward: Đảng ủy phường với các chi bộ; "
                   "province: Tỉnh ủy với các đoàn công tác làm việc tại xã, phường.")
@with_appcontext
def demo_command(reset, shape):
    """Load a realistic demo town or ward (fictional people) and demo logins."""
    from .demo import load_demo

    if db.session.scalar(select(Unit).limit(1)) is not None and not reset:
        click.echo("Cơ sở dữ liệu đã có dữ liệu; bỏ qua nạp dữ liệu mẫu (dùng --reset để nạp lại).")
        return
    logins = load_demo(reset=reset, shape=shape)
    click.echo("Đã nạp dữ liệu mẫu. Tài khoản dùng thử (tên / mật khẩu):")
    for username, password, role in logins:
        click.echo(f"  {username:<12} {password:<14} {role}")


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def backup_command(target):
    """Write a consistent copy of the live SQLite database (online backup API) to TARGET."""
    source_path = _sqlite_path()
    target_path = Path(target)
    if target_path.resolve() == source_path.resolve():
        raise click.ClickException("Tệp sao lưu phải khác tệp cơ sở dữ liệu đang dùng.")
    db.session.remove()
    with sqlite3.connect(source_path) as source, sqlite3.connect(target_path) as dest:
        source.backup(dest)
    dest.close()
    source.close()
    click.echo(f"Đã sao lưu vào {target_path}.")


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Không hỏi lại.")
@click.option("--force", is_flag=True, help="Khôi phục cả khi tệp khóa của máy chủ còn đó.")
@with_appcontext
def restore_command(source, yes, force):
    """Replace the SQLite database with the backup SOURCE; refused while the server runs (its lock file is held)."""
    holder = serving_pid()
    if holder is not None and not force:
        raise click.ClickException(
            f"Máy chủ đang chạy (tiến trình {holder}, tệp khóa {serve_lock_path()}): dừng máy chủ trước khi khôi phục, "
            "nếu không dữ liệu ghi sau bản sao lưu sẽ mất. Dùng --force nếu chắc chắn máy chủ đã dừng.")
    target_path = _sqlite_path()
    with sqlite3.connect(source) as check:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise click.ClickException("Tệp sao lưu bị hỏng (integrity_check thất bại).")
    check.close()
    if not yes:
        click.confirm(f"Thay toàn bộ dữ liệu trong {target_path} bằng {source}?", abort=True)
    db.session.remove()
    db.engine.dispose()
    with sqlite3.connect(source) as src, sqlite3.connect(target_path) as dest:
        src.backup(dest)
    src.close()
    dest.close()
    click.echo(f"Đã khôi phục từ {source}.")


def serve_lock_path() -> Path:
    return Path(current_app.instance_path) / "serve.lock"


def serving_pid() -> int | None:
    """The process id in the server's lock file while that process lives; a stale lock is ignored."""
    path = serve_lock_path()
    try:
        pid = int(path.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def hold_serve_lock() -> None:
    """Write this process's id into the lock file for as long as it serves (a killed server leaves a stale lock,
    which `serving_pid` ignores)."""
    path = serve_lock_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(str(os.getpid()))
    atexit.register(release_serve_lock, path)


def release_serve_lock(path: Path) -> None:
    """Remove the lock file if this process wrote it."""
    try:
        if path.read_text().strip() == str(os.getpid()):
            path.unlink()
    except OSError:
        pass


@click.command("serve")
@click.option("--host", default="0.0.0.0", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@with_appcontext
def serve_command(host, port, threads):
    """Serve the app with waitress (production; works on Windows servers too)."""
    from waitress import serve

    from .heap import freeze_start_up_heap
    from .imports import jobs

    app = current_app._get_current_object()
    hold_serve_lock()
    if app.config["IMPORT_WORKER"] == "thread":  # background imports run here unless `flask worker` processes do
        jobs.start_worker_thread(app)
    click.echo(f"Đang phục vụ tại http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}/")
    freeze_start_up_heap()
    try:
        serve(app, host=host, port=port, threads=threads)
    finally:
        release_serve_lock(serve_lock_path())


COMMANDS = [create_user_command, demo_command, backup_command, restore_command, serve_command,
            send_digest_command, audit_command, *ACCOUNT_COMMANDS, *IMPORT_COMMANDS]
