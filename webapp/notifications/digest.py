"""The daily e-mail digest: per user with an address, their overdue and soon-due work, the meetings they are
expected at (new and moved invitations marked) and the member reports they owe soon."""
import smtplib
from datetime import date, timedelta
from email.message import EmailMessage

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..meetings.queries import upcoming_for_person
from ..member_reports.queries import owed_by
from ..models import User
from ..tasks.queries import due_soon
from ..template_helpers import label, vn_date
from .invitations import notices


def _mark(notice) -> str:
    if notice is None:
        return ""
    return f" [ĐÃ ĐỔI LỊCH {vn_date(notice.on)}]" if notice.changed else " [MỚI]"


def digest_text(items, meetings=(), reports=()) -> str:
    """Plain-text body: one line per work item (overdue ones marked), per meeting ahead (new and moved invitations
    marked) and per report owed."""
    lines = []
    marks = notices(meetings)
    if items:
        lines += ["Việc cần xử lý (quá hạn hoặc sắp đến hạn):", ""]
    for item in items:
        mark = " [QUÁ HẠN]" if item.overdue else ""
        lines.append(
            f"- {item.reference}: {item.title[:120]} — hạn {vn_date(item.deadline)}{mark} ({label(item.status)})"
        )
    if meetings:
        lines += ["", "Cuộc họp đồng chí được mời dự:", ""]
    for meeting in meetings:
        when = f"{meeting.starts_at} " if meeting.starts_at else ""
        place = meeting.place or ", ".join(unit.name for unit in meeting.units)
        lines.append(f"- {when}{vn_date(meeting.held_on)}: {meeting.title[:120]}" + (f" — {place}" if place else "")
                     + _mark(marks.get(meeting.id)))
    if reports:
        lines += ["", "Báo cáo thành viên cần gửi:", ""]
    for owed in reports:
        lines.append(f"- {owed.rule.group.name}, kỳ {owed.period_key} — hạn {vn_date(owed.due_on)}")
    return "\n".join(lines).lstrip("\n")


def digest_parts(user, days: int, today: date):
    """What one user's digest holds: work due soon, meetings ahead and member reports owed within `days`."""
    meetings = upcoming_for_person(user.person_id, today, days, limit=50) if user.person_id else []
    reports = [owed for owed in (owed_by(user.person_id, today) if user.person_id else [])
               if owed.report is None and today <= owed.due_on <= today + timedelta(days=days)]
    return due_soon(user, days, today), meetings, reports


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
        click.echo(
            "Chưa cấu hình SMTP_HOST: không gửi thư nhắc việc. Đặt SMTP_HOST (và SMTP_PORT, SMTP_FROM) rồi chạy lại."
        )
        return
    users = db.session.scalars(select(User).where(User.active.is_(True), User.email.is_not(None), User.email != ""))
    sent = 0
    with current_app.test_request_context():
        for user in users:
            items, meetings, reports = digest_parts(user, days, local_today())
            if not (items or meetings or reports):
                continue
            body = digest_text(items, meetings, reports)
            message = EmailMessage()
            message["Subject"] = (f"[Đoàn công tác] {len(items)} việc cần xử lý, {len(meetings)} cuộc họp, "
                                  f"{len(reports)} báo cáo")
            message["From"] = current_app.config["SMTP_FROM"]
            message["To"] = user.email
            message.set_content(body)
            if dry_run:
                click.echo(f"--- {user.email} ({user.username}): {message['Subject']}\n{body}\n")
            else:
                _send(message)
            sent += 1
    click.echo(f"{'Sẽ gửi' if dry_run else 'Đã gửi'} {sent} thư nhắc việc.")
