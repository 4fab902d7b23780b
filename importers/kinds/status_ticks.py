"""A register's status column read with the tick columns beside it: "Có mặt" answering yes / no (a written «Có» /
«Không», an 'x', or a checkbox of Google Sheets: TRUE / FALSE, ``importers.ticks.checkbox``) next to "Muộn" or
"Vắng có phép" ticked where that status applies ("đến muộn thì tích thêm ô Muộn").

A tick refines the row's answer into its column's status when they agree (a late tick on a yes, an excused one on
a "no" whose kind the answer leaves open), gives its status to a row with no answer, and says nothing when unticked;
a tick disagreeing with the answer (late on a "no", "Vắng có phép" on a yes) refuses the row, naming both cells —
unless the columns are checkboxes with exactly one ticked in every row ("Có mặt | Vắng có phép | Vắng không phép |
Đi muộn"): then an unticked "Có mặt" beside a ticked "Đi muộn" is late, the one box ticked saying the status. A
column is read so only when its header names a status and every filled cell is a tick or a checkbox: words or
numbers there are something else (minutes late, a reason), and a checkbox under a header naming nothing is never
read."""

import pandas as pd

from ..flag_marks import flag_wording
from ..legends import is_plain_meaning, meaning_to_status
from ..normalising import fold, is_blank
from ..results import Column
from ..status_phrases import EXEMPT, Reading, is_reason_header, is_yes_header, status_of_reason
from ..tick_rules import tick_rules
from ..ticks import checkbox, is_tick
from .attendance_values import reason_column

YES, NO = "Có", "Không"  # the answers a checkbox under 'Có mặt' gives, read as the written ones are
PRESENT_SIDE = {"present", "late"}
ABSENT_SIDE = {"absent", "excused", EXEMPT}
DISAGREES = ("ô {cell} «{header}» được tích, trái với ô này: không rõ là có mặt hay vắng, vắng có phép hay không "
             "— xin sửa một trong hai ô")


def as_answers(values, header, notes=()) -> list:
    """The cells of a status column as they are read: under a header asking "present?" ('Có mặt', 'Tham dự',
    'Check-in'), or one the file's `notes` say is ticked for those present ("Điểm danh TRUE = có mặt"), a checkbox
    is the answer «Có» (ticked) or «Không»; under any other header, and any other cell, unchanged."""
    if not is_yes_header(header) and not _ticked_when_present(header, notes):
        return list(values)
    answers = []
    for value in values:
        checked = checkbox(value)
        answers.append(value if checked is None else YES if checked else NO)
    return answers


def _ticked(value) -> bool:
    return checkbox(value) is True or is_tick(value)


def _ticked_when_present(header, notes) -> bool:
    """Whether a note line says the column's tick is "present" ("Điểm danh TRUE = có mặt", "tích Điểm danh là có
    mặt")."""
    return any(rule.ticked == {fold(header)} and not rule.unticked and rule.status == "present"
               for rule in tick_rules(notes, [header]))


def _wording(column: Column, parents: list) -> str:
    return flag_wording(parents[column.index] if column.index < len(parents) else "", column.header)


def tick_columns(frame: pd.DataFrame, columns: list[Column], status_column: Column, context) -> list:
    """(column, its status, its wording) of each unmapped column headed by a status other than present whose
    filled cells are all ticks or checkboxes (one at least)."""
    consumed = getattr(context, "consumed", None) or set()
    parents = getattr(context, "parents", None) or []
    found = []
    for column in columns:
        if column.month or column.field or column.index == status_column.index or column.index in consumed \
                or column.index not in frame.columns:
            continue
        wording = _wording(column, parents)
        status = meaning_to_status(wording)
        if status in (None, "present") or is_reason_header(wording):
            continue
        filled = [value for value in frame[column.index] if not is_blank(value)]
        if filled and all(checkbox(value) is not None or is_tick(value) for value in filled):
            found.append((column, status, wording))
    return found


def ticked_positions(frame: pd.DataFrame, columns: list[Column], status_column: Column, context) -> frozenset:
    """The positions of the rows with a status box ticked beside the status column."""
    ticks = tick_columns(frame, columns, status_column, context)
    return frozenset(position for position, row in enumerate(frame.index)
                     if any(_ticked(frame.at[row, column.index]) for column, _, _ in ticks))


def refine_by_ticks(statuses: list, readings: list, frame: pd.DataFrame, columns: list[Column],
                    status_column: Column, context) -> tuple[list, list]:
    """Statuses and readings per row with the tick columns read into them (see the module's docstring)."""
    ticks = tick_columns(frame, columns, status_column, context)
    if not ticks:
        return statuses, readings
    consumed = getattr(context, "consumed", None)
    if consumed is not None:
        consumed.update(column.index for column, _, _ in ticks)
    reasons = reason_column(columns, frame)
    statuses, readings = list(statuses), list(readings)
    ticked_rows = [[(column, status, wording) for column, status, wording in ticks
                    if _ticked(frame.at[row, column.index])] for row in frame.index]
    exclusive = _one_box_each(frame, status_column, ticked_rows)
    for position, row in enumerate(frame.index):
        ticked = ticked_rows[position]
        if not ticked or readings[position].problem:
            continue
        reason = frame.at[row, reasons.index] if reasons is not None else None
        status = _refined(statuses[position], readings[position], ticked, reason)
        if status is None and exclusive and checkbox(frame.at[row, status_column.index]) is False:
            status = _only_tick(ticked)  # 'Có mặt' unticked, 'Đi muộn' ticked: one box of the four
        if status is None:
            column = ticked[0][0]
            readings[position] = Reading(problem=DISAGREES.format(cell=f"{column.letter}{row}", header=column.header))
        statuses[position] = status
    return statuses, readings


def _one_box_each(frame: pd.DataFrame, status_column: Column, ticked_rows: list) -> bool:
    """Whether the status column and the tick columns are one row of checkboxes with exactly one box ticked in
    every row ("Có mặt | Vắng có phép | Vắng không phép | Đi muộn" of Google Sheets): the status is the ticked
    box's, and an unticked "Có mặt" only says it is another."""
    values = frame[status_column.index].tolist()
    return bool(values) and all(checkbox(value) is not None for value in values) \
        and all(int(checkbox(value) is True) + len(ticked) == 1 for value, ticked in zip(values, ticked_rows))


def _only_tick(ticked: list) -> str | None:
    """The status of the one ticked box, None for a plain 'Vắng' or several."""
    specific = {status for _, status, wording in ticked if not is_plain_meaning(wording)}
    return next(iter(specific)) if len(ticked) == 1 and len(specific) == 1 else None


def _refined(said: str | None, reading: Reading, ticked: list, reason) -> str | None:
    """The status of a row whose status column says `said` (as `reading` of its cell, refined by a reason) and
    whose `ticked` columns are ticked; None when they disagree."""
    specific = {status for _, status, wording in ticked if not is_plain_meaning(wording)}
    if len(specific) > 1:
        return None
    tick = next(iter(specific), "absent")  # a plain 'Vắng' tick says "no" and no more
    if reading.status is None:  # no answer: the tick alone, a plain 'Vắng' completed by the reason as a «Không»
        return tick if specific else status_of_reason(reason)
    if said in PRESENT_SIDE:
        return "late" if tick == "late" else None
    if tick == "late":
        return None
    if not specific or said == tick:
        return said
    return tick if reading.answer in ("no", "bare") else None  # «Không» or «Vắng» leave the kind of absence open
