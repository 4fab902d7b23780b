"""Column specifications per import kind, as data."""

import importlib
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class FieldSpec:
    """A canonical field: its name, the header words that name it, and whether a row needs it."""

    name: str
    synonyms: tuple[str, ...]
    required: bool = False
    label: str = ""  # Vietnamese name used in messages
    # the field this one is a narrower kind of (a landline of the phone): a label naming both names the broader one
    within: str = ""

    def __hash__(self) -> int:
        """The fields' hash, worked out once: specs are keys of the cached label readers, hashed per cell."""
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.name, self.synonyms, self.required, self.label))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __getstate__(self) -> dict:
        """Pickled without the kept hash: text hashes differ from one process to the next."""
        return {key: value for key, value in self.__dict__.items() if key != "_hash"}


@dataclass(frozen=True)
class RowRules:
    """How a kind tells its data rows from the rest of a table body.

    `key` is the field every data row fills (a row without it is blank, a footer or a group sub-header);
    `is_heading` recognises sub-header text whose value carries down onto the rows below it; with
    `heading_in_key` the sub-header may also be written in the key column itself (targets sheets put
    "I. ĐẢNG BỘ PHƯỜNG …" where the indicator names go); `read_context` reads the facts (group, unit, role) a
    context row sets for the rows below it, see `importers.context`."""

    key: str
    key_label: str
    is_heading: Callable[[Any], bool]
    heading_in_key: bool = False
    read_context: Callable[[Any], dict | None] | None = None


KINDS = ("roster", "attendance", "targets")
KEY_FIELDS = ("full_name", "indicator")  # the RowRules.key of every kind: a header row names one of them


def spec_module(kind: str):
    """The module holding FIELDS, CANONICAL and ROWS for a kind."""
    return importlib.import_module(f"{__name__}.{kind}")


def builder_module(kind: str):
    """The module holding build_records for a kind (imports pandas)."""
    return importlib.import_module(f"{__name__}.{kind}_records")
