"""What one import run carries besides its records: the officer's options, the batch and scope, and the refusal
that stops the whole run."""
from dataclasses import dataclass, field
from datetime import date

from ...clock import local_today


def confirmed_units(confirmations: dict | None) -> dict:
    """Folded unit text -> {"unit_id": id} or {"new": True}, as the officer confirmed it."""
    return dict((confirmations or {}).get("units") or {})


def ended_heads(confirmations: dict | None) -> set[int]:
    """Group numbers whose current head the officer chose to end on the batch's start date."""
    return {int(n) for n, chosen in ((confirmations or {}).get("heads") or {}).items() if chosen}


class ImportRefused(Exception):
    """The whole import cannot run (e.g. no current term); `.message` is Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Options:
    """Choices the officer makes on the preview page."""

    start_date: date = field(default_factory=local_today)
    create_units: bool = False
    unit_parent_id: int | None = None
    create_persons: bool = False
    default_unit_id: int | None = None

    @classmethod
    def from_dict(cls, data: dict | None) -> "Options":
        data = dict(data or {})
        if isinstance(data.get("start_date"), str):
            data["start_date"] = date.fromisoformat(data["start_date"])
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def as_dict(self) -> dict:
        return {"start_date": self.start_date.isoformat(), "create_units": self.create_units,
                "unit_parent_id": self.unit_parent_id, "create_persons": self.create_persons,
                "default_unit_id": self.default_unit_id}


@dataclass
class Context:
    """What one run needs besides the records: the batch, the options, the user's scope, progress callback."""

    batch_id: int
    options: Options
    scope_path: str = "/"
    progress: object = None
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    confirmations: dict = field(default_factory=dict)  # the officer's answers in the values table (see `values`)
    strict: bool = True  # a commit refuses while a value awaits confirmation; the dry run fails its rows instead
    plan: dict = field(default_factory=dict)  # what each distinct value resolved to, for the values table

    def tick(self, percent: int) -> None:
        if self.progress:
            self.progress(percent)

    def count(self, bucket: dict, table: str, n: int) -> None:
        bucket[table] = bucket.get(table, 0) + int(n)
