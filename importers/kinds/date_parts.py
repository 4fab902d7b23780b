"""A date split over three columns, joined into one date: a roster's birth date ("Ngày" | "Tháng" | "Năm" under
"Ngày, tháng, năm sinh", or unnamed number columns beside "Ngày sinh") and a register's meeting date ("Ngày" |
"Tháng" | "Năm" under "Ngày sinh hoạt", or alone on the header row). Both go through the one reader below; a day,
month and year that make no date refuse the row with a message naming the three cells."""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..column_types import (
    date_part_of_label,
    filled_count,
    is_day,
    is_month,
    share,
    whole_number,
)
from ..mapping import match_field
from ..normalising import fold, is_blank
from ..results import Column
from . import attendance
from .roster_stage import RosterStage

SURE = 0.9  # part of a column's filled cells that must be day (month, year) numbers
ORDERS = (("day", "month", "year"), ("year", "month", "day"))  # the only orders a date is written in
_BIRTH = re.compile(r"\bsinh\b(?! hoat\b)")  # folded: 'Ngày sinh', 'Năm sinh', not 'Ngày sinh hoạt'


def _names_birth(folded: str) -> bool:
    return bool(_BIRTH.search(folded))


def _names_meeting(folded: str) -> bool:
    """An upper header naming a register's meeting date ('Ngày sinh hoạt', 'Thời gian họp'), no birth date."""
    return not _names_birth(folded) and match_field(folded, attendance.FIELDS) == "date"


@dataclass(frozen=True)
class DateParts:
    """Which date a day | month | year run gives, and how its cells and headers are told."""

    field: str  # the field the joined date carries
    word: str  # its name in messages
    years: range  # the years the year column's numbers fall in, for a run found by its values
    names_it: Callable[[str], bool]  # a folded header naming this date
    excluded: Callable[[str], bool]  # a folded header over the run naming another date


BIRTH = DateParts("birth_date", "ngày sinh", range(1900, 2011), _names_birth, lambda folded: False)
MEETING = DateParts("date", "ngày sinh hoạt", range(1990, 2101), _names_meeting, _names_birth)


def _texts(stage: RosterStage, run: list[Column]) -> list[str]:
    return [fold(text) for column in run for text in (column.header, stage.parent(column))]


def _whole_dates(stage: RosterStage, column: Column) -> bool:
    """True when the column's filled cells are mostly whole dates, so it is a date column, not one part of one."""
    return share(stage.frame[column.index], lambda value: isinstance(value, (dt.date, pd.Timestamp))) >= SURE


def _by_header(stage: RosterStage, run: list[Column], parts: DateParts) -> dict[str, Column] | None:
    labels = tuple(date_part_of_label(column.header) for column in run)
    if labels not in ORDERS or any(_whole_dates(stage, column) for column in run):
        return None  # "Tháng | Năm | Ngày sinh": the last is a whole date beside the parts, not their day
    parent = fold(stage.parent(run[0]))
    if parent and parent != fold(run[0].header) and not parts.names_it(parent):
        return None  # "Ngày vào Đảng" over its own day | month | year
    if any(parts.excluded(text) for text in _texts(stage, run)):
        return None  # "Ngày sinh | Tháng sinh | Năm sinh" in a register: a birth date, no meeting
    return dict(zip(labels, run))


def _by_values(stage: RosterStage, run: list[Column], parts: DateParts) -> dict[str, Column] | None:
    frame = stage.frame
    tests = (is_day, is_month, lambda value: whole_number(value) in parts.years)
    if any(filled_count(frame[column.index]) < 2 or share(frame[column.index], test) < SURE
           for column, test in zip(run, tests)):
        return None
    texts = _texts(stage, run)
    if any(parts.excluded(text) for text in texts):
        return None
    if not (any(column.field == parts.field for column in run) or any(map(parts.names_it, texts))):
        return None
    return dict(zip(("day", "month", "year"), run))


def _find(stage: RosterStage, parts: DateParts) -> dict[str, Column] | None:
    elsewhere = stage.mapped(parts.field)
    for column in stage.columns:
        run = [stage.column_at(column.index + offset) for offset in range(3)]
        if any(c is None or c.field not in (None, parts.field) for c in run):
            continue
        if elsewhere is not None and elsewhere not in run:
            continue
        found = _by_header(stage, run, parts) or _by_values(stage, run, parts)
        if found:
            return found
    return None


def join_birth_parts(stage: RosterStage) -> None:
    """Read day, month and year columns as the birth date (into the first of them)."""
    join_date_parts(stage, BIRTH)


def join_meeting_date_parts(stage: RosterStage) -> None:
    """Read day, month and year columns as a register's meeting date (into the first of them)."""
    join_date_parts(stage, MEETING)


def join_date_parts(stage: RosterStage, parts: DateParts) -> None:
    """Read a day | month | year run as one date of `parts.field`, in the column already carrying it, else the
    first of the three; the other two are consumed."""
    if not len(stage.frame):
        return
    found = _find(stage, parts)
    if found is None:
        return
    frame = stage.frame
    target = next((c for c in found.values() if c.field == parts.field), None) \
        or min(found.values(), key=lambda c: c.index)
    dates = []
    for row in frame.index:
        cells = {part: frame.at[row, column.index] for part, column in found.items()}
        dates.append(_date(stage, row, found, cells, parts))
    stage.write(target, pd.Series(dates, index=frame.index, dtype=object))
    target.field = parts.field
    target.header = " / ".join(found[part].header or found[part].letter for part in ("day", "month", "year"))
    stage.table.consumed.update(column.index for column in found.values() if column is not target)


def _date(stage: RosterStage, row: int, found: dict[str, Column], cells: dict, parts: DateParts) -> dt.date | None:
    blank = [part for part, value in cells.items() if is_blank(value)]
    if len(blank) == 3:
        return None
    where = ", ".join(f"{word} {found[part].letter}{row}" for part, word in
                      (("day", "ngày"), ("month", "tháng"), ("year", "năm")))
    shown = "/".join("…" if is_blank(cells[part]) else str(whole_number(cells[part]) or cells[part])
                     for part in ("day", "month", "year"))
    letter = found["day"].letter
    if blank:
        stage.issues.warning(row, letter, parts.field, shown,
                             f"{parts.word} thiếu phần ({shown}; {where}), để trống {parts.word}")
        return None
    day, month, year = (whole_number(cells[part]) for part in ("day", "month", "year"))
    try:
        if None in (day, month, year) or not 1900 <= year <= 2100:
            raise ValueError
        return dt.date(year, month, day)
    except ValueError:
        stage.refuse(row, letter, parts.field, shown, f"{parts.word} {shown} ({where}) không phải ngày có thật",
                     f"{parts.word} không có thật")
        return None
