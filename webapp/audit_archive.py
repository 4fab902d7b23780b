"""Retention of the audit log: entries older than AUDIT_RETENTION_MONTHS leave the database for a signed file.

The file is JSON Lines: a header, one line per entry (with its chain fields), and a last line holding the
HMAC-SHA256 (SECRET_KEY) of every byte before it. An `AuditArchive` row, itself signed, records the last
archived entry's hash, so `verify` checks the chain left in the database from that point on."""
import hashlib
import hmac
import json
from datetime import date, datetime, time
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, func, select

from .audit_chain import _plain, archive_signature, entry_hash, sign
from .clock import local_today, utcnow
from .extensions import db
from .models.audit import AuditArchive, AuditLog

FORMAT = "doancongtac-audit-archive/1"
_table = AuditLog.__table__


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def retention_cutoff() -> datetime:
    """Entries stored before this moment (UTC, like `at`) are past the retention."""
    return datetime.combine(months_before(local_today(), current_app.config["AUDIT_RETENTION_MONTHS"]), time())


class ArchiveRefused(Exception):
    """Archiving would lose evidence: the chain to archive is broken (the message says where)."""


def _line(data) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain).encode() + b"\n"


def archive(cutoff: datetime | None = None, folder: Path | None = None) -> AuditArchive | None:
    """Move the sealed entries before `cutoff` (a prefix of the chain) to a signed file; None when there are
    none. Refused when that part of the chain does not verify. The caller commits."""
    cutoff = cutoff or retention_cutoff()
    folder = Path(folder or current_app.config["AUDIT_ARCHIVE_FOLDER"])
    conn = db.session.connection()
    kept_from = conn.execute(select(func.min(_table.c.chain_seq)).where(
        _table.c.chain_seq.is_not(None), _table.c.at >= cutoff)).scalar()
    upper = _table.c.chain_seq < kept_from if kept_from is not None else _table.c.chain_seq.is_not(None)
    rows = conn.execute(select(_table).where(upper).order_by(_table.c.chain_seq)).mappings().all()
    if not rows:
        return None
    previous = db.session.scalar(select(AuditArchive).order_by(AuditArchive.up_to_seq.desc()).limit(1))
    expected, prev = (previous.up_to_seq + 1, previous.last_hash) if previous else (1, "")
    for row in rows:
        if row["chain_seq"] != expected or row["prev_hash"] != prev or not hmac.compare_digest(
                row["entry_hash"] or "", entry_hash(row["prev_hash"] or "", row)):
            raise ArchiveRefused(f"Chuỗi nhật ký bị hỏng tại mục {row['chain_seq']} (id {row['id']}); không lưu trữ. "
                                 "Hãy chạy `flask audit verify` để xem chi tiết.")
        expected, prev = row["chain_seq"] + 1, row["entry_hash"]
    first, last = rows[0]["chain_seq"], rows[-1]["chain_seq"]
    body = _line({"format": FORMAT, "from_seq": first, "up_to_seq": last, "entries": len(rows),
                  "prev_hash": rows[0]["prev_hash"], "last_hash": prev, "created_at": utcnow()})
    body += b"".join(_line(dict(row)) for row in rows)
    content = body + _line({"signature": sign(body)})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"audit-{first:010d}-{last:010d}.jsonl"
    partial = path.with_suffix(".partial")
    partial.write_bytes(content)
    partial.replace(path)
    record = AuditArchive(from_seq=first, up_to_seq=last, entries=len(rows), last_hash=prev, file_name=path.name,
                          file_digest=hashlib.sha256(content).hexdigest(), signature="")
    record.signature = archive_signature(record)
    db.session.add(record)
    db.session.execute(delete(_table).where(_table.c.chain_seq <= last, _table.c.chain_seq >= first))
    db.session.flush()
    return record


def check_file(path: Path) -> list[str]:
    """What is wrong with an archive file (an empty list when its signature and inner chain hold)."""
    data = Path(path).read_bytes()
    body, _, tail = data.rstrip(b"\n").rpartition(b"\n")
    body += b"\n"
    try:
        signature = json.loads(tail)["signature"]
        lines = [json.loads(line) for line in body.splitlines()]
    except (ValueError, KeyError, TypeError):
        return [f"Tệp {path} không đúng định dạng lưu trữ nhật ký."]
    problems = []
    if not hmac.compare_digest(signature, sign(body)):
        problems.append(f"Chữ ký của tệp {path} không khớp: tệp đã bị sửa hoặc được ký bằng khóa khác.")
    header, entries = lines[0], lines[1:]
    prev = header.get("prev_hash") or ""
    for entry in entries:
        if entry.get("prev_hash") != prev or entry.get("entry_hash") != entry_hash(prev, _as_row(entry)):
            problems.append(f"Mục {entry.get('chain_seq')} (id {entry.get('id')}) trong tệp không khớp chuỗi.")
        prev = entry.get("entry_hash") or ""
    if prev != header.get("last_hash") or len(entries) != header.get("entries"):
        problems.append(f"Tệp {path} thiếu mục so với phần đầu tệp.")
    return problems


def _as_row(entry: dict) -> dict:
    """An archived entry as `entry_hash` reads a database row (`at` back to a datetime)."""
    return {**entry, "at": datetime.fromisoformat(entry["at"]) if entry.get("at") else None}
