"""Whether a column mapping still fits the file it is applied to.

A remembered mapping (or the officer's own, after the header moved) may name columns the table no longer has, or
read a column of numbers (STT) as names or units: such a mapping is dropped with a message, never applied."""
import re

from importers.kinds import spec_module

NUMBER = re.compile(r"^\s*\d+([.,]\d+)?\s*$")
TEXT_FIELDS = ("full_name", "unit", "group", "indicator", "name")


def _numbers_only(values) -> bool:
    present = [v for v in values if v is not None and v == v and str(v).strip()]
    return bool(present) and all(isinstance(v, (int, float)) or NUMBER.match(str(v)) for v in present)


def misfit(mapping: dict | None, result) -> str | None:
    """Why `mapping` does not fit the parse `result` made with it (Vietnamese), or None when it fits."""
    if not mapping:
        return None
    letters = {column.letter: column for column in result.columns}
    labels = {spec.name: spec.label for spec in spec_module(result.kind).FIELDS}
    for field, letter in mapping.items():
        if letter and letter not in letters:
            return f"cột {letter} (trường «{labels.get(field, field)}») không có trong bảng của tệp này"
    for field, letter in mapping.items():
        if letter and field in TEXT_FIELDS and field in result.frame and _numbers_only(result.frame[field].tolist()):
            header = letters[letter].header
            return (f"cột {letter} «{header}» chỉ chứa số nên không thể là «{labels.get(field, field)}»")
    return None
