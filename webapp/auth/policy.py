"""The password policy's inputs: the configured minimum length and the shipped list of common passwords."""
from functools import lru_cache
from pathlib import Path

from flask import current_app

from . import rules

COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The common passwords, lower-cased (comment lines skipped)."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def policy_violation(password: str, username: str):
    """The Vietnamese message saying why `password` is refused for `username`, else None."""
    return rules.password_policy(password, username, current_app.config["PASSWORD_MIN_LENGTH"], common_passwords())
