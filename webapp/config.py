"""Configuration read from the environment, with safe defaults for a single-office install."""
import os
import secrets
from pathlib import Path

from importers.office_zone import OFFICE_TIMEZONE


def _secret_key(instance_path: str) -> str:
    """Return SECRET_KEY from the environment, or one generated once and kept in the instance folder."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = Path(instance_path) / "secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{Path(instance_path) / 'doancongtac.sqlite'}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def build_config(instance_path: str) -> dict:
    """Everything the app reads from its environment, in one place."""
    mb = 1024 * 1024
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SQLITE_BUSY_TIMEOUT_SECONDS": float(os.environ.get("SQLITE_BUSY_TIMEOUT_SECONDS", "10")),
        "MAX_CONTENT_LENGTH": int(os.environ.get("UPLOAD_MAX_MB", "50")) * mb,
        "IMPORT_MAX_DECOMPRESSED_MB": int(os.environ.get("IMPORT_MAX_DECOMPRESSED_MB", "500")),
        "IMPORT_MAX_ROWS": int(os.environ.get("IMPORT_MAX_ROWS", "1000000")),
        "IMPORT_MAX_COLS": int(os.environ.get("IMPORT_MAX_COLS", "500")),
        "IMPORT_MAX_SECONDS": int(os.environ.get("IMPORT_MAX_SECONDS", "120")),
        "IMPORT_BACKGROUND_BYTES": int(os.environ.get("IMPORT_BACKGROUND_KB", "256")) * 1024,
        "IMPORT_JOB_LEASE_SECONDS": int(os.environ.get("IMPORT_JOB_LEASE_SECONDS", "60")),
        "IMPORT_WORKER": os.environ.get("IMPORT_WORKER", "thread"),
        "UPLOAD_FOLDER": os.environ.get("UPLOAD_FOLDER", str(Path(instance_path) / "uploads")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "0") == "1",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "0") == "1",
        "WTF_CSRF_TIME_LIMIT": None,
        "BABEL_DEFAULT_LOCALE": "vi",
        "BABEL_DEFAULT_TIMEZONE": os.environ.get("TZ_NAME", OFFICE_TIMEZONE.key),
        "LOGIN_MAX_FAILURES": int(os.environ.get("LOGIN_MAX_FAILURES", "5")),
        "LOGIN_LOCK_MINUTES": int(os.environ.get("LOGIN_LOCK_MINUTES", "15")),
        "PASSWORD_HASH_METHOD": os.environ.get("PASSWORD_HASH_METHOD", "argon2"),
        "PASSWORD_MIN_LENGTH": int(os.environ.get("PASSWORD_MIN_LENGTH", "10")),
        "SESSION_IDLE_MINUTES": int(os.environ.get("SESSION_IDLE_MINUTES", "15")),
        "TOTP_REQUIRED_ROLES": tuple(
            r.strip() for r in os.environ.get("TOTP_REQUIRED_ROLES", "admin").split(",") if r.strip()
        ),
        "TOTP_ISSUER": os.environ.get("TOTP_ISSUER", "Doan cong tac"),  # the name authenticator apps show
        "UNUSED_ACCOUNT_DAYS": int(os.environ.get("UNUSED_ACCOUNT_DAYS", "90")),
        "AUDIT_RETENTION_MONTHS": int(os.environ.get("AUDIT_RETENTION_MONTHS", "12")),
        # days to answer a person's request about their data (72 hours by default; set what the current rules require)
        "PERSONAL_DATA_ANSWER_DAYS": int(os.environ.get("PERSONAL_DATA_ANSWER_DAYS", "3")),
        "AUDIT_ARCHIVE_FOLDER": os.environ.get("AUDIT_ARCHIVE_FOLDER", str(Path(instance_path) / "audit-archive")),
        "PAGE_SIZE": int(os.environ.get("PAGE_SIZE", "25")),
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        "SMTP_PORT": int(os.environ.get("SMTP_PORT", "25")),
        "SMTP_FROM": os.environ.get("SMTP_FROM", "doancongtac@localhost"),
        "OFFICE_CONVERTER": os.environ.get("OFFICE_CONVERTER", ""),  # LibreOffice for .odt/.pdf; found on PATH if empty
    }
