"""`flask audit verify | archive | verify-archive`: the audit log's tamper evidence and retention."""
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from . import audit_archive, audit_chain
from .extensions import db

audit_command = AppGroup("audit", help="Nhật ký thay đổi: kiểm tra chuỗi băm, lưu trữ mục cũ.")


@audit_command.command("verify")
def verify_command():
    """Check the hash chain; list every edited, deleted or foreign entry (exit status 1 when any)."""
    problems, checked, (seq, head) = audit_chain.verify(db.session.connection())
    db.session.rollback()
    for problem in problems:
        click.echo(problem.message, err=True)
    if problems:
        raise click.ClickException(f"Nhật ký KHÔNG toàn vẹn: {len(problems)} vấn đề trong {checked} mục đã kiểm tra.")
    click.echo(f"Nhật ký toàn vẹn: {checked} mục, mục cuối {seq}, mã băm {head[:16]}…")


@audit_command.command("archive")
@click.option(
    "--folder", type=click.Path(file_okay=False), help="Thư mục ghi tệp lưu trữ (mặc định AUDIT_ARCHIVE_FOLDER)."
)
def archive_command(folder):
    """Move entries older than AUDIT_RETENTION_MONTHS to a signed file (run it monthly from a scheduler)."""
    try:
        record = audit_archive.archive(folder=Path(folder) if folder else None)
    except audit_archive.ArchiveRefused as refused:
        db.session.rollback()
        raise click.ClickException(str(refused)) from None
    db.session.commit()
    months = current_app.config["AUDIT_RETENTION_MONTHS"]
    if record is None:
        click.echo(f"Không có mục nào cũ hơn {months} tháng.")
        return
    click.echo(f"Đã lưu trữ {record.entries} mục (mục {record.from_seq}–{record.up_to_seq}) vào {record.file_name}.")


@audit_command.command("verify-archive")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def verify_archive_command(path):
    """Check an archive file's signature and inner chain."""
    problems = audit_archive.check_file(Path(path))
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.ClickException("Tệp lưu trữ KHÔNG toàn vẹn.")
    click.echo("Tệp lưu trữ toàn vẹn: chữ ký và chuỗi băm khớp.")
