"""A birth date split over three columns ("Ngày" | "Tháng" | "Năm" under "Ngày, tháng, năm sinh", or unnamed
number columns beside "Ngày sinh"), joined into one date; a day, month and year that make no date refuse the row
with a message naming the three cells."""

import datetime as dt

import pandas as pd

from ..column_types import (
    date_part_of_label,
    filled_count,
    is_birth_year,
    is_day,
    is_month,
    share,
    whole_number,
)
from ..normalising import fold, is_blank
from ..results import Column
from .roster_stage import RosterStage

SURE = 0.9  # part of a column's filled cells that must be day (month, year) numbers


def _mentions_birth(stage: RosterStage, run: list[Column]) -> bool:
    return any("sinh" in fold(text).split() for column in run for text in (column.header, stage.parent(column)))


ORDERS = (("day", "month", "year"), ("year", "month", "day"))  # the only orders a date is written in


def _whole_dates(stage: RosterStage, column: Column) -> bool:
    """True when the column's filled cells are mostly whole dates, so it is a date column, not one part of one."""
    return share(stage.frame[column.index], lambda value: isinstance(value, (dt.date, pd.Timestamp))) >= SURE


def _by_header(stage: RosterStage, run: list[Column]) -> dict[str, Column] | None:
    labels = tuple(date_part_of_label(column.header) for column in run)
    if labels not in ORDERS or any(_whole_dates(stage, column) for column in run):
        return None  # "Tháng | Năm | Ngày sinh": the last is a whole date beside the parts, not their day
    parts = dict(zip(labels, run))
    parent = fold(stage.parent(run[0]))
    if parent and parent != fold(run[0].header) and "sinh" not in parent.split():
        return None  # "Ngày vào Đảng" over its own day | month | year
    return parts


def _by_values(stage: RosterStage, run: list[Column]) -> dict[str, Column] | None:
    frame = stage.frame
    tests = (is_day, is_month, is_birth_year)
    if any(filled_count(frame[column.index]) < 2 or share(frame[column.index], test) < SURE
           for column, test in zip(run, tests)):
        return None
    if not (any(column.field == "birth_date" for column in run) or _mentions_birth(stage, run)):
        return None
    return dict(zip(("day", "month", "year"), run))


def _find(stage: RosterStage) -> dict[str, Column] | None:
    elsewhere = stage.mapped("birth_date")
    for column in stage.columns:
        run = [stage.column_at(column.index + offset) for offset in range(3)]
        if any(c is None or c.field not in (None, "birth_date") for c in run):
            continue
        if elsewhere is not None and elsewhere not in run:
            continue
        parts = _by_header(stage, run) or _by_values(stage, run)
        if parts:
            return parts
    return None


def join_birth_parts(stage: RosterStage) -> None:
    """Read day, month and year columns as the birth date (into the first of them)."""
    if not len(stage.frame):
        return
    parts = _find(stage)
    if parts is None:
        return
    frame = stage.frame
    target = next((c for c in parts.values() if c.field == "birth_date"), None) \
        or min(parts.values(), key=lambda c: c.index)
    dates = []
    for row in frame.index:
        cells = {part: frame.at[row, column.index] for part, column in parts.items()}
        dates.append(_date(stage, row, parts, cells))
    stage.write(target, pd.Series(dates, index=frame.index, dtype=object))
    target.field = "birth_date"
    target.header = " / ".join(parts[part].header or parts[part].letter for part in ("day", "month", "year"))
    stage.table.consumed.update(column.index for column in parts.values() if column is not target)


def _date(stage: RosterStage, row: int, parts: dict[str, Column], cells: dict) -> dt.date | None:
    blank = [part for part, value in cells.items() if is_blank(value)]
    if len(blank) == 3:
        return None
    where = ", ".join(f"{word} {parts[part].letter}{row}" for part, word in
                      (("day", "ngày"), ("month", "tháng"), ("year", "năm")))
    shown = "/".join("…" if is_blank(cells[part]) else str(whole_number(cells[part]) or cells[part])
                     for part in ("day", "month", "year"))
    letter = parts["day"].letter
    if blank:
        stage.issues.warning(row, letter, "birth_date", shown,
                             f"ngày sinh thiếu phần ({shown}; {where}), để trống ngày sinh")
        return None
    day, month, year = (whole_number(cells[part]) for part in ("day", "month", "year"))
    try:
        if None in (day, month, year) or not 1900 <= year <= 2100:
            raise ValueError
        return dt.date(year, month, day)
    except ValueError:
        stage.refuse(row, letter, "birth_date", shown, f"ngày sinh {shown} ({where}) không phải ngày có thật",
                     "ngày sinh không có thật")
        return None
