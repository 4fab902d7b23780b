"""`flask` commands: accounts, demo data, backup/restore, production serving."""
import sqlite3
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from .extensions import db
from .models import Role, Unit
from .imports_cli import COMMANDS as IMPORT_COMMANDS
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
    from .formfields import RuleViolation
    from .i18n import in_vietnamese

    try:  # the account's rules are the service's, as for every other write
        create_user(username, password, Role(role), display_name, scope_unit)
    except RuleViolation as violation:
        db.session.rollback()
        raise click.ClickException(in_vietnamese(violation.message)) from None
    db.session.commit()
    click.echo(f"Đã tạo tài khoản {username} ({role}).")


@click.command("demo")
@click.option("--reset", is_flag=True, help="Xóa dữ liệu hiện có trước khi nạp.")
@with_appcontext
def demo_command(reset):
    """Load a realistic demo town (fictional people) and demo logins."""
    from .demo import load_demo

    if db.session.scalar(select(Unit).limit(1)) is not None and not reset:
        click.echo("Cơ sở dữ liệu đã có dữ liệu; bỏ qua nạp dữ liệu mẫu (dùng --reset để nạp lại).")
        return
    logins = load_demo(reset=reset)
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
@with_appcontext
def restore_command(source, yes):
    """Replace the SQLite database with the backup SOURCE (stop the server first)."""
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


@click.command("serve")
@click.option("--host", default="0.0.0.0", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@with_appcontext
def serve_command(host, port, threads):
    """Serve the app with waitress (production; works on Windows servers too)."""
    from waitress import serve

    app = current_app._get_current_object()
    click.echo(f"Đang phục vụ tại http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}/")
    serve(app, host=host, port=port, threads=threads)


COMMANDS = [create_user_command, demo_command, backup_command, restore_command, serve_command,
            send_digest_command, *IMPORT_COMMANDS]
