"""A group column headed by a short group word the vocabulary leaves unmapped ("Đoàn CT", "Tổ CT", "Đ.CT"): such a
header alone names no field, since in a register the same word may head anything about a delegation, so it is read
as the group column only in a roster that has none and only when its values are group references ("Đoàn 1",
"Đoàn số 2", "ĐCT 3", "Tổ 2", bare numbers, Roman numerals). A column under any other header ("Thuộc") is the
group column when its values name groups in words ("ĐCT số 1"), never on bare numbers. Being decided on the values,
after the kind is known, it never makes a register look like a roster."""

import re
from typing import Any

from ..column_types import distinct_map, filled_count, share
from ..normalising import fold, is_group_name, normalise_group
from .group_role import roman_number
from .roster_stage import RosterStage

# Folded headers of one short group word, with or without "công tác" abbreviated
# ("Tổ" alone is left out: a party cell, "Tổ đảng", is numbered too)
GROUP_HEADER = re.compile(r"^(?:doan(?: (?:ct|kt|ks))?|to (?:ct|cong tac))(?: so)?$|^(?:d ct|dct|tct)(?: so)?$")
_REFERENCE = re.compile(r"^(?:(?:doan|to|dct|tct|d ct|doan ct|to ct)(?: cong tac)?(?: so)? ?|so ?)?"
                        r"(\d{1,3}|[ivx]{1,5})$")
GROUP_COLUMN_SHARE = 0.8
MIN_VALUES = 2


def group_reference(value: Any) -> str | None:
    """The group a cell refers to ("Đoàn 1" -> "Đoàn công tác số 1", "Tổ 2" -> "Tổ công tác số 2"), the number of a
    bare number (named by the header later), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() and 0 < value < 1000 else None
    if not isinstance(value, str):
        return None
    folded = fold(value)
    if _REFERENCE.match(folded) is None:
        return None
    if folded.isdigit():
        return folded
    if folded not in ("x", "v") and (number := roman_number(folded)):  # "II" under "Đoàn CT"; a lone x, v: a tick
        return str(number)
    named = normalise_group(value)
    if is_group_name(named):
        return named
    number = _REFERENCE.match(folded).group(1)
    if folded.startswith("so") and number.isdigit():  # "Số 2" under the group word: the number, named by the header
        return str(int(number))
    return f"Tổ công tác số {int(number)}" if folded.startswith("to") and number.isdigit() else None


def _named_group(value: Any) -> str | None:
    """A cell naming a group in words ("ĐCT số 1", "Đoàn công tác số 2"), not a bare number."""
    reference = group_reference(value)
    return reference if reference and not reference.isdigit() else None


def _ticks_only(values) -> bool:
    """Only "x"/"v"/"i" in the column: ticks (or one group in Roman numerals, which no reader can tell apart)."""
    distinct = values.dropna().unique()
    texts = {fold(value) for value in distinct if isinstance(value, str)}
    return bool(texts) and texts <= {"x", "v", "i"} and not any(isinstance(value, (int, float)) for value in distinct)


def _reads_as_groups(column, values) -> bool:
    """A short group word over group references, or any header over groups named in words ('Thuộc': 'ĐCT số 1')."""
    if filled_count(values) < MIN_VALUES:
        return False
    if GROUP_HEADER.match(fold(column.header)):
        return share(values, group_reference) >= GROUP_COLUMN_SHARE and not _ticks_only(values)
    return share(values, _named_group) >= GROUP_COLUMN_SHARE


def find_group_word_column(stage: RosterStage) -> None:
    """Map the group column headed by a short group word when its values refer to groups, or by any header when
    its values name groups in words (see the module)."""
    if stage.mapped("group") is not None:
        return
    for column in stage.columns:
        if column.field is not None or column.month or column.index not in stage.frame.columns:
            continue
        values = stage.frame[column.index]
        if not _reads_as_groups(column, values):
            continue
        column.field = "group"
        read = distinct_map(values, lambda value: group_reference(value) or value).where(values.notna(), values)
        if not read.equals(values):
            stage.write(column, read)
        return
