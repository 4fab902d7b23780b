"""Resource limits applied while reading untrusted spreadsheets."""

import time
from dataclasses import dataclass, field

from .errors import TOO_SLOW, ImportFileError
from .lengths import DEFAULT_MAX_LENGTHS


@dataclass(frozen=True)
class Limits:
    """Upper bounds for file size, decompressed size, sheet shape and parse time."""

    max_bytes: int = 50 * 1024 * 1024
    max_decompressed_bytes: int = 500 * 1024 * 1024
    max_rows: int = 1_000_000
    max_cols: int = 500
    max_seconds: float = 120.0
    max_zip_members: int = 10_000
    max_lengths: dict = field(default_factory=lambda: dict(DEFAULT_MAX_LENGTHS))  # field → most characters


class Deadline:
    """A parse-time budget checked between pipeline stages."""

    def __init__(self, limits: Limits):
        self.limit = limits.max_seconds
        self.expires = time.monotonic() + limits.max_seconds

    def check(self) -> None:
        """Raise ImportFileError when the time budget is spent."""
        if time.monotonic() > self.expires:
            raise ImportFileError(TOO_SLOW.format(limit=int(self.limit)))
