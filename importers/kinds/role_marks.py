"""The role given by a tick in one of two or three columns headed by roles ("Vai trò" or "Chức danh trong đoàn"
over "Trưởng đoàn | Phó đoàn | Thành viên", "Tr.đoàn | P.đoàn | TV", "Trưởng đoàn | Ủy viên"); the ticks are
"x", "X", "✓", "v", "1" and the like, or the checkbox of Google Sheets or Excel ("TĐ | PĐ" holding TRUE / FALSE: a
box says yes or no to the role its header names).

A row ticked under two roles is refused. A row ticked nowhere is refused as well when one of the columns stands
for the members: the officer left it out, and guessing "member" would hide that. When no column stands for the
members ("Trưởng đoàn | Phó đoàn"), a row ticked nowhere is a member, which is what such a list means. A table with
a role column of its own ("Vai trò") is read by that column: the tick columns beside it stay unread (and are named
as such)."""

from typing import Any

import pandas as pd

from ..normalising import fold, is_blank
from ..role_words import WORDING, strict_role
from ..ticks import checkbox
from .roster_stage import RosterStage

MARK_MAX_LENGTH = 3  # "x", "X", "✓", "1": a tick, not a word
UNTICKED = {"-", "0", "o", "k", "khong"}  # written where a role does not apply


def _role_of(stage: RosterStage, column) -> str | None:
    return strict_role(column.header, stage.abbreviations) or strict_role(column.header)


def _ticked(value: Any) -> bool:
    box = checkbox(value)
    if box is not None:
        return box
    if isinstance(value, (int, float)):  # 1 / 0, perhaps read as 1.0 / 0.0
        return value == value and value != 0
    return not is_blank(value) and fold(value) not in UNTICKED and str(value).strip() not in UNTICKED


def _is_mark(value: Any) -> bool:
    """A cell a tick column may hold: blank, a checkbox, or a mark too short to be a word."""
    return is_blank(value) or checkbox(value) is not None or len(str(value).strip()) <= MARK_MAX_LENGTH


def read_role_marks(stage: RosterStage) -> None:
    """Read the tick columns as the role column (the first of them carries the field; the others are consumed)."""
    marks = [
        column
        for column in stage.columns
        if column.field in (None, "role")
        and not column.month
        and column.index in stage.frame.columns
        and _role_of(stage, column) is not None
    ]
    if len({_role_of(stage, column) for column in marks}) < 2:
        return
    role = stage.mapped("role")
    if role is not None and role not in marks:
        return
    frame = stage.frame
    if not all(_is_mark(value) for column in marks for value in frame[column.index]):
        return
    members_listed = any(_role_of(stage, column) == "member" for column in marks)
    cells = ", ".join(column.letter for column in marks)
    roles = []
    for row in frame.index:
        ticked = [column for column in marks if _ticked(frame.at[row, column.index])]
        found = {_role_of(stage, column) for column in ticked}
        if len(found) > 1:
            where = ", ".join(f"{column.letter}{row}" for column in ticked)
            stage.refuse(row, ticked[0].letter, "role", None,
                         f"đánh dấu nhiều nhiệm vụ cùng lúc ({where}); hãy chỉ đánh dấu một cột",
                         "nhiệm vụ không thống nhất")
        elif not found and members_listed:
            stage.refuse(row, marks[0].letter, "role", None,
                         f"không đánh dấu nhiệm vụ nào ở các cột {cells} (dòng {row}); hãy đánh dấu một cột",
                         "thiếu nhiệm vụ trong đoàn")
        roles.append(WORDING[found.pop()] if len(found) == 1 else None if members_listed else WORDING["member"])
    for column in marks:
        column.field = None
    first = marks[0]
    first.field = "role"
    first.header = " / ".join(column.header for column in marks)
    stage.write(first, pd.Series(roles, index=frame.index, dtype=object))
    stage.table.consumed.update(column.index for column in marks[1:])
