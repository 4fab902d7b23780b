"""The audit log's hash chain: entries are sealed in commit order, each with the hash of the one before.

An entry's hash is an HMAC (key derived from SECRET_KEY) over the previous entry's hash and the entry's content,
so someone who can write to the database but does not hold the app's key cannot rewrite history and recompute
the chain. Sealing happens just before commit, under a lock (PostgreSQL: an advisory transaction lock; SQLite:
the writer lock the transaction already holds), so concurrent transactions extend one chain, never fork it.
"""
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import bindparam, event, literal, select, text, true, union_all, update
from sqlalchemy.orm import Session

from .models.audit import AuditAction, AuditArchive, AuditLog

CHAIN_LOCK = 0x61756469  # "audi": the PostgreSQL advisory lock that serialises sealing
UNSEALED = "audit_unsealed"
GENESIS = ""
_table = AuditLog.__table__


_keys: dict[tuple[str, bytes], bytes] = {}  # (SECRET_KEY, purpose) -> derived key: derived once, not per entry


def _key(purpose: bytes) -> bytes:
    secret = current_app.config["SECRET_KEY"]
    key = _keys.get((secret, purpose))
    if key is None:
        key = _keys[(secret, purpose)] = hmac.new(secret.encode(), purpose, hashlib.sha256).digest()
    return key


def sign(data: bytes) -> str:
    """HMAC-SHA256 of `data` with the app's SECRET_KEY (archive files and archive rows)."""
    return hmac.new(current_app.config["SECRET_KEY"].encode(), data, hashlib.sha256).hexdigest()


def _plain(value):
    return value.isoformat() if isinstance(value, datetime) else value


def canonical(row) -> bytes:
    """The entry's content as hashed: every column but the chain's own hash, in a fixed order."""
    content = {name: _plain(row[name]) for name in (
        "id", "chain_seq", "at", "user_id", "action", "table_name", "row_id", "before", "after", "note")}
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def entry_hash(prev_hash: str, row) -> str:
    return hmac.new(_key(b"audit-chain"), prev_hash.encode() + b"\n" + canonical(row), hashlib.sha256).hexdigest()


def archive_signature(archive) -> str:
    """The signature of an AuditArchive row's chain facts."""
    facts = f"{archive.from_seq}|{archive.up_to_seq}|{archive.entries}|{archive.last_hash}|{archive.file_digest}"
    return sign(facts.encode())


def _head_statement(entries):
    """The last of `entries` sealed (seq, hash), and the last archive's, as one statement."""
    last = (select(_table.c.chain_seq, _table.c.entry_hash).where(entries, _table.c.chain_seq.is_not(None))
            .order_by(_table.c.chain_seq.desc()).limit(1).subquery())
    archived = (select(AuditArchive.up_to_seq, AuditArchive.last_hash)
                .order_by(AuditArchive.up_to_seq.desc()).limit(1).subquery())
    return union_all(select(last), select(archived))


_HEADS = {
    "chain": lambda: _head_statement(true()),
    # every entry but a read, written as the partial index's WHERE so the database uses the index
    "data": lambda: _head_statement(_table.c.action != literal(AuditAction.READ.value, literal_execute=True)),
}
_head_sql: dict[tuple[str, str], str] = {}


def _head(conn, which: str) -> tuple[int, str]:
    """The last sealed entry of `which` head (seq, hash); after an archive that emptied the log, the archive's; else
    (0, ""). The statement is compiled once per dialect and run as its SQL text: every page reads the data head,
    and compiling and caching the statement each time cost twenty times the query itself."""
    key = (conn.dialect.name, which)
    sql = _head_sql.get(key)
    if sql is None:
        compiled = _HEADS[which]().compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        sql = _head_sql[key] = str(compiled)
    candidates = [tuple(r) for r in conn.exec_driver_sql(sql)]
    return max(candidates) if candidates else (0, GENESIS)


def chain_head(conn) -> tuple[int, str]:
    """The last sealed entry's (seq, hash): where the next entry links (one statement)."""
    return _head(conn, "chain")


def data_head(conn) -> tuple[int, str]:
    """The last sealed entry that records a change of data (every entry but a read): the data version pages key
    their caches on (`data_cache`). A read entry changes nothing a page computes, so showing a
    restricted record (which writes one) leaves every cached figure valid. One statement, on a partial index."""
    return _head(conn, "data")


@event.listens_for(Session, "do_orm_execute")
def _note_core_inserts(state):
    """Entries written with `session.execute(insert(AuditLog.__table__))` (the audit listener, imports)."""
    if state.is_insert and getattr(state.statement, "table", None) is _table:
        state.session.info[UNSEALED] = True


def note_unsealed(session) -> None:
    session.info[UNSEALED] = True


@event.listens_for(Session, "before_commit")
def _seal(session):
    """Give every entry this transaction wrote its place in the chain, just before the commit."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    if not session.info.pop(UNSEALED, False):
        return
    seal(session.connection())


# Built once: a page that shows restricted content seals its read entries on every request, and building and keying
# these statements anew cost more than running them.
_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
_UNSEALED = select(_table).where(_table.c.chain_seq.is_(None)).order_by(_table.c.id)
_SEAL = update(_table).where(_table.c.id == bindparam("b_id"))


def seal(conn) -> int:
    """Chain every unsealed entry (in id order) after the current head; returns how many were sealed."""
    if conn.dialect.name == "postgresql":
        conn.execute(_LOCK, {"key": CHAIN_LOCK})
    seq, prev = chain_head(conn)
    rows = conn.execute(_UNSEALED).mappings().all()
    updates = []
    for row in rows:
        seq += 1
        sealed = {**row, "chain_seq": seq}
        digest = entry_hash(prev, sealed)
        updates.append({"b_id": row["id"], "chain_seq": seq, "prev_hash": prev, "entry_hash": digest})
        prev = digest
    if updates:
        conn.execute(_SEAL, updates)
    return len(updates)


@dataclass(frozen=True)
class Problem:
    """Where the chain breaks, and how (the message is Vietnamese, for the operator)."""
    seq: int | None
    entry_id: int | None
    message: str


def verify(conn, batch: int = 5000) -> tuple[list[Problem], int, tuple[int, str]]:
    """Walk the chain from the last archive point: problems found, entries checked, and the head reached."""
    problems = []
    archive = conn.execute(select(AuditArchive).order_by(AuditArchive.up_to_seq.desc()).limit(1)).first()
    expected_seq, prev = (archive.up_to_seq + 1, archive.last_hash) if archive else (1, GENESIS)
    if archive is not None and not hmac.compare_digest(archive.signature, archive_signature(archive)):
        problems.append(
            Problem(
                archive.up_to_seq,
                None,
                f"Bản ghi lưu trữ số {archive.id} (đến mục {archive.up_to_seq}) đã bị sửa: chữ ký không khớp.",
            )
        )
    checked, last_seq = 0, expected_seq - 1
    while True:
        rows = (
            conn.execute(select(_table).where(_table.c.chain_seq > last_seq).order_by(_table.c.chain_seq).limit(batch))
            .mappings()
            .all()
        )
        if not rows:
            break
        for row in rows:
            seq = row["chain_seq"]
            if seq != expected_seq:
                problems.append(
                    Problem(
                        seq,
                        row["id"],
                        f"Thiếu mục {expected_seq}–{seq - 1} của nhật ký (đã bị xóa) trước mục {seq} (id {row['id']}).",
                    )
                )
            elif row["prev_hash"] != prev:
                problems.append(Problem(seq, row["id"], f"Mục {seq} (id {row['id']}) không nối với mục trước nó."))
            if not hmac.compare_digest(row["entry_hash"] or "", entry_hash(row["prev_hash"] or "", row)):
                problems.append(
                    Problem(
                        seq,
                        row["id"],
                        f"Mục {seq} (id {row['id']}, bảng {row['table_name']}, "
                        f"lúc {_plain(row['at'])}) đã bị sửa: mã băm không khớp.",
                    )
                )
            prev, expected_seq, last_seq = row["entry_hash"] or "", seq + 1, seq
            checked += 1
    loose = conn.execute(select(_table.c.id).where(_table.c.chain_seq.is_(None)).order_by(_table.c.id)).scalars().all()
    if archive is not None:
        stale = conn.execute(
            select(_table.c.chain_seq)
            .where(_table.c.chain_seq <= archive.up_to_seq)
            .order_by(_table.c.chain_seq)
            .limit(1)
        ).scalar()
        if stale is not None:
            problems.append(Problem(stale, None, f"Mục {stale} đã được lưu trữ nhưng vẫn còn trong nhật ký."))
    for entry_id in loose:
        problems.append(
            Problem(
                None,
                entry_id,
                f"Mục id {entry_id} không thuộc chuỗi: được ghi ngoài ứng dụng, hoặc "
                "trước khi nâng cấp và chưa có thay đổi nào sau đó để niêm phong.",
            )
        )
    return problems, checked, (last_seq, prev)
