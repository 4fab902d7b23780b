"""Password hashes: argon2id for new ones; older werkzeug hashes (pbkdf2, scrypt) still verify and are rehashed
at the next successful login.

`PASSWORD_HASH_METHOD` names the method: "argon2" (the default) or a werkzeug method such as
"pbkdf2:sha256:1000", which the tests use because it is cheap.
"""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from werkzeug.security import check_password_hash as _werkzeug_check
from werkzeug.security import generate_password_hash as _werkzeug_hash

ARGON2 = "argon2"
_hasher = PasswordHasher()


def generate_password_hash(password: str, method: str = ARGON2) -> str:
    """A new hash of `password` with `method`."""
    if method == ARGON2:
        return _hasher.hash(password)
    return _werkzeug_hash(password, method=method)


def check_password_hash(stored: str, password: str) -> bool:
    """Whether `password` matches `stored`, whichever supported method made it."""
    if (stored or "").startswith("$argon2"):
        try:
            return _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    return _werkzeug_check(stored or "", password)


def needs_rehash(stored: str, method: str = ARGON2) -> bool:
    """Whether `stored` was made by another method (or weaker argon2 parameters) than `method`."""
    stored = stored or ""
    if method == ARGON2:
        if not stored.startswith("$argon2"):
            return True
        try:
            return _hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True
    return stored.startswith("$argon2") or stored.split("$", 1)[0] != method
