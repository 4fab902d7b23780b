"""Rows a roster keeps for reference though the person has left the group ('Đã thôi tham gia (nghỉ hưu)', 'Không
còn là thành viên' in the notes column): such a person is no member, so the row builds no record. The officer is
told which rows were left out, since a list that keeps them usually says so only in a note line."""

import re

from ..column_types import distinct_map
from ..normalising import fold
from .roster_stage import RosterStage

_LEFT = re.compile(r"\b(?:(?:da )?thoi tham gia|khong con (?:tham gia|la thanh vien)|(?:da )?rut khoi doan"
                   r"|(?:da )?ra khoi doan|thoi khong tham gia)\b")


def has_left(value) -> bool:
    """A note saying the person no longer belongs to the group."""
    return isinstance(value, str) and _LEFT.search(fold(value)) is not None


def skip_withdrawn(stage: RosterStage) -> None:
    """Leave out the rows whose note says the person has left, with one warning listing them."""
    column = stage.mapped("note")
    if column is None or not len(stage.frame):
        return
    left = distinct_map(stage.frame[column.index], has_left).fillna(False).astype(bool).to_numpy()
    if not left.any():
        return
    rows = [int(row) for row in stage.frame.index[left]]
    listed = ", ".join(str(row) for row in rows[:10]) + ("…" if len(rows) > 10 else "")
    stage.issues.warning(rows[0], column.letter, None, stage.frame.at[rows[0], column.index],
                         f"{len(rows)} dòng có ghi chú đã thôi tham gia Đoàn (cột {column.letter}) không được nhập: "
                         f"dòng {listed}")
    stage.skip(left, "đã thôi tham gia đoàn")
