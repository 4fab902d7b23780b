"""A full name split over two or three columns ("Họ" | "Đệm" | "Tên", "Họ và tên đệm" | "Tên", a "Họ và tên" header
merged over "Nguyễn Văn" | "An"), found by the header words or by the values, joined into the name column.

A name column left holding given names only is never read quietly: the officer is told it lacks the surname.
Rosters and attendance registers are joined alike (a register has none of the other roster readers)."""

import pandas as pd

from ..column_types import (
    distinct_share,
    filled_count,
    is_given_name,
    is_name_head,
    mean_words,
    name_part_of_label,
    name_words,
    share,
    starts_with_surname,
    word_count,
)
from ..legacy import decode_legacy, detect_legacy, may_hold_legacy
from ..legacy_evidence import is_unicode_vietnamese, loses_words
from ..normalising import clean_text, is_blank
from ..results import Column
from .role_in_name import split_role
from .roster_stage import RosterStage

# Part sequences that make a whole name, left to right.
SEQUENCES = (("surname", "middle", "given"), ("head", "middle", "given"), ("head", "given"), ("surname", "given"))
SURE = 0.8  # part of the filled cells that must fit a part's values
SURNAME_SHARE = 0.7  # part of the joined names that must start with a known surname
MANY_ONE_WORD = 0.5  # from this part of one-word names on, the name column holds given names only


def _free(column: Column | None, key: Column) -> bool:
    return column is not None and (column is key or column.field is None)


def _by_header(stage: RosterStage, key: Column) -> list[Column] | None:
    """The run of adjacent columns around the name column whose headers name the parts of a name."""
    for sequence in SEQUENCES:
        for start in range(key.index - len(sequence) + 1, key.index + 1):
            run = [stage.column_at(start + offset) for offset in range(len(sequence))]
            if all(_free(column, key) for column in run) and key in run \
                    and tuple(name_part_of_label(stage.label(column)) for column in run) == sequence:
                given = stage.frame[run[-1].index]
                if share(given, lambda v: _given_part(v, stage.abbreviations)) >= SURE:
                    return run
    return None


def _given_part(value, abbreviations: dict[str, str]) -> bool:
    """A given name, perhaps followed by the role ("An (Trưởng đoàn)"): not a full name in the wrong column."""
    split = split_role(value, abbreviations)
    words = name_words(split[0] if split else value)
    return words is not None and len(words) <= 2


def _given_only(values: pd.Series) -> bool:
    return share(values, is_given_name) >= SURE and mean_words(values) <= 1.5


def _by_values(stage: RosterStage, key: Column) -> list[Column] | None:
    """Name parts told by their values: given names beside surnames (with middle names) in unnamed columns."""
    frame = stage.frame
    values = frame[key.index]
    if _given_only(values):
        left = stage.column_at(key.index - 1)
        if _free(left, key) and left is not key and share(frame[left.index], is_name_head) >= SURE:
            return [left, key]
        further = stage.column_at(key.index - 2)
        if _free(left, key) and _free(further, key) and left is not key and further is not key \
                and share(frame[left.index], lambda v: name_words(v) is not None) >= SURE \
                and share(frame[further.index], is_name_head) >= SURE and mean_words(frame[further.index]) <= 1.3:
            return [further, left, key]
        return None
    right = stage.column_at(key.index + 1)
    if (
        right is None
        or right.field is not None
        or (stage.label(right) and name_part_of_label(stage.label(right)) is None)
    ):
        return None
    given = frame[right.index]
    enough = filled_count(given) >= 2 and (filled_count(given) < 4 or distinct_share(given) >= 0.5)
    if enough and share(values, is_name_head) >= SURE and mean_words(values) <= 2.5 and _given_only(given):
        return [key, right]
    return None


def _decoded(values: pd.Series) -> pd.Series:
    """A part column's cells with TCVN3/VNI text decoded (only mapped columns were decoded before this stage)."""
    text = "\x00".join(value for value in values if isinstance(value, str))
    if not may_hold_legacy(text):
        return values
    found = [detect_legacy(value) for value in values if isinstance(value, str)]
    encoding = max(set(found) - {None}, key=found.count, default=None)
    if encoding is None:
        return values
    if sum(map(is_unicode_vietnamese, values)) >= len(found) - found.count(None):  # Unicode: sure cells only
        return values.map(lambda v: decode_legacy(v) if isinstance(v, str) else v)
    return values.map(lambda v: _in_font(v, encoding) if isinstance(v, str) else v)


def _in_font(text: str, encoding: str) -> str:
    """A cell of a legacy column decoded, unless that would leave it less Vietnamese than it reads."""
    decoded = decode_legacy(text, encoding)
    return text if loses_words(text, decoded) else decoded


def _joined(frame: pd.DataFrame, run: list[Column]) -> pd.Series:
    parts = [_decoded(frame[column.index]).map(lambda v: None if is_blank(v) else clean_text(v)) for column in run]

    def join(values) -> str | None:
        words = [value for value in values if isinstance(value, str) and value]
        return " ".join(words) if words else None

    return pd.Series([join(values) for values in zip(*parts)], index=frame.index, dtype=object)


def join_name_parts(stage: RosterStage) -> None:
    """Join the parts of a split name into the name column; warn when the name column holds given names only."""
    key = stage.mapped("full_name")
    if key is None or not len(stage.frame):
        return
    run = _by_header(stage, key) or _by_values(stage, key)
    if run is not None:
        joined = _joined(stage.frame, run)
        if share(joined, starts_with_surname) >= SURNAME_SHARE or _by_header(stage, key):
            stage.write(key, joined)
            key.header = " + ".join(column.header or column.letter for column in run)
            stage.table.consumed.update(column.index for column in run if column is not key)
    _warn_given_only(stage, key)


def _warn_given_only(stage: RosterStage, key: Column) -> None:
    values = stage.frame[key.index]
    filled = filled_count(values)
    single = round(share(values, lambda value: word_count(value) == 1) * filled)
    if filled >= 2 and single >= filled * MANY_ONE_WORD:
        stage.issues.warning(
            None,
            key.letter,
            "full_name",
            None,
            f"cột {key.letter} «{key.header}»: {single} trên {filled} họ tên chỉ có một chữ, "
            f"có thể chỉ là tên gọi, thiếu họ và tên đệm (hãy ghép với cột họ).",
        )
