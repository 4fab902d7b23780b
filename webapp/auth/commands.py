"""`flask disable-unused-accounts` (for a scheduler) and `flask enable-account`."""
import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select

from ..extensions import db
from ..models import User
from .services import disable_unused_accounts, reactivate


@click.command("disable-unused-accounts")
@with_appcontext
def disable_unused_accounts_command():
    """Disable every account nobody logged in to for UNUSED_ACCOUNT_DAYS (run it daily from a scheduler)."""
    users = disable_unused_accounts()
    db.session.commit()
    days = current_app.config["UNUSED_ACCOUNT_DAYS"]
    if not users:
        click.echo(f"Không có tài khoản nào bỏ không quá {days} ngày.")
        return
    click.echo(f"Đã khóa {len(users)} tài khoản không được sử dụng quá {days} ngày:")
    for user in users:
        click.echo(f"  {user.username} ({user.display_name})")


@click.command("enable-account")
@click.argument("username")
@with_appcontext
def enable_account_command(username):
    """Open a disabled account again (its unused-days count starts afresh)."""
    user = db.session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user is None:
        raise click.ClickException(f"Không có tài khoản '{username}'.")
    reactivate(user)
    db.session.commit()
    click.echo(f"Đã mở lại tài khoản {user.username}.")


COMMANDS = [disable_unused_accounts_command, enable_account_command]
