"""TOTP codes (RFC 6238, the 6-digit codes of authenticator apps) and recovery codes, read from the app clock."""
import hashlib
import secrets

import pyotp
import segno

from ..clock import now

RECOVERY_CODES = 10


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str, issuer: str) -> str:
    """What the QR code carries for an authenticator app."""
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


def qr_data_uri(uri: str) -> str:
    """The QR code as an SVG data URI (allowed by the Content-Security-Policy's img-src data:)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def matching_step(secret: str, code: str) -> int | None:
    """The time step whose code is `code` (now, or one step either side for clock drift), else None."""
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now())
    for step in (current - 1, current, current + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def code_for(secret: str) -> str:
    """The code an authenticator app shows now (tests and the set-up page's self-check)."""
    return pyotp.TOTP(secret).at(now())


def new_recovery_codes() -> list[str]:
    """Ten single-use codes such as "k3f9-2q7m", shown once."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return ["-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(2))
            for _ in range(RECOVERY_CODES)]


def recovery_hash(code: str) -> str:
    return hashlib.sha256((code or "").strip().lower().replace(" ", "").encode()).hexdigest()
