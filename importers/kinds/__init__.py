"""Column specifications per import kind, as data."""

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    """A canonical field: its name, the header words that name it, and whether a row needs it."""

    name: str
    synonyms: tuple[str, ...]
    required: bool = False
    label: str = ""  # Vietnamese name used in messages


KINDS = ("roster", "attendance")


def spec_module(kind: str):
    """The module holding FIELDS and CANONICAL for a kind."""
    return importlib.import_module(f"{__name__}.{kind}")


def builder_module(kind: str):
    """The module holding build_records for a kind (imports pandas)."""
    return importlib.import_module(f"{__name__}.{kind}_records")
