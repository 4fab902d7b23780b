"""The daily e-mail digest: per user with an address, their overdue and soon-due work."""
import smtplib
from email.message import EmailMessage

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from ..extensions import db
from ..models import User
from ..tasks.queries import due_soon
from ..template_helpers import label, vn_date


def digest_text(items) -> str:
    """Plain-text body: one line per work item, overdue ones marked."""
    lines = ["Việc cần xử lý (quá hạn hoặc sắp đến hạn):", ""]
    for item in items:
        mark = " [QUÁ HẠN]" if item.overdue else ""
        lines.append(f"- {item.reference}: {item.title[:120]} — hạn {vn_date(item.deadline)}{mark} ({label(item.status)})")
    return "\n".join(lines)


def _send(message: EmailMessage) -> None:
    config = current_app.config
    with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=30) as smtp:
        smtp.send_message(message)


@click.command("send-digest")
@click.option("--days", default=3, show_default=True, type=click.IntRange(0, 60), help="Báo trước bao nhiêu ngày.")
@click.option("--dry-run", is_flag=True, help="Chỉ in ra những gì sẽ gửi.")
@with_appcontext
def send_digest_command(days, dry_run):
    """E-mail each user their overdue and soon-due feedback items and tasks (for cron / Task Scheduler)."""
    if not current_app.config.get("SMTP_HOST") and not dry_run:
        click.echo("Chưa cấu hình SMTP_HOST: không gửi thư nhắc việc. Đặt SMTP_HOST (và SMTP_PORT, SMTP_FROM) rồi chạy lại.")
        return
    users = db.session.scalars(select(User).where(User.active.is_(True), User.email.is_not(None), User.email != ""))
    sent = 0
    with current_app.test_request_context():
        for user in users:
            items = due_soon(user, days)
            if not items:
                continue
            message = EmailMessage()
            message["Subject"] = f"[Đoàn công tác] {len(items)} việc cần xử lý"
            message["From"] = current_app.config["SMTP_FROM"]
            message["To"] = user.email
            message.set_content(digest_text(items))
            if dry_run:
                click.echo(f"--- {user.email} ({user.username}): {message['Subject']}\n{digest_text(items)}\n")
            else:
                _send(message)
            sent += 1
    click.echo(f"{'Sẽ gửi' if dry_run else 'Đã gửi'} {sent} thư nhắc việc.")
