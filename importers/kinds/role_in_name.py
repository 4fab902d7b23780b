"""A role written in the name cell ("Nguyễn Văn An (Trưởng đoàn)", "Lê Thị Bình - Phó đoàn", "Trần Văn Cường
(PTĐ)", "Tổ trưởng: Hồ Văn Dũng", the role on a second line) is cut out of the name.

With no role column it is the row's role, and the rows without one are members (as such lists say in a note).
With a role column the two must agree: a row whose name cell and role cell say different roles is refused."""

import re
from typing import Any

import pandas as pd

from ..column_types import share
from ..normalising import fold, is_blank
from ..role_words import WORDING, strict_role
from .roster_stage import RosterStage

_DASH = r"(?:\s[-–—]\s*|[-–—]\s+)"
# Shapes of a name cell carrying a role: (pattern over the cell text); the groups are "name" and "role".
SHAPES = (
    re.compile(r"^(?P<name>.*?\S)\s*\n\s*(?P<role>[^\n]+?)\s*$"),
    re.compile(r"^(?P<name>.*?\S)\s*[(\[]\s*(?P<role>[^()\[\]]+?)\s*[)\]]\s*\.?\s*$"),
    re.compile(rf"^(?P<name>.*?\S)\s*(?:{_DASH}|\s/\s*|,\s*|:\s*)(?P<role>[^,:()\-–—/\n]+?)\s*\.?\s*$"),
    re.compile(r"^\s*[(\[]\s*(?P<role>[^()\[\]]+?)\s*[)\]]\s*(?P<name>\S.*)$"),
    re.compile(rf"^\s*(?P<role>[^,:()\-–—/\n]+?)\s*(?:{_DASH}|:\s*)(?P<name>\S.*)$"),
)
# Header words of a position column that also holds the role ("Chức vụ - Chức danh trong đoàn").
ROLE_HEADER_WORDS = ("trong doan", "chuc danh", "nhiem vu", "vai tro")
POSITION_SHARE = 0.8  # part of a position column's cells that must end in a role, unless its header says so
NAMED_POSITION_SHARE = 0.3


def split_role(text: Any, abbreviations: dict[str, str]) -> tuple[str, str] | None:
    """(name, role) when the cell holds a name and a role wording, else None."""
    if not isinstance(text, str) or not text.strip():
        return None
    for shape in SHAPES:
        match = shape.match(text.strip())
        if match is None:
            continue
        role = strict_role(match.group("role"), abbreviations)
        name = match.group("name").strip()
        if role and any(ch.isalpha() for ch in name) and strict_role(name, abbreviations) is None:
            return name, role
    return None


def roles_from_names(stage: RosterStage) -> None:
    """Cut roles out of the name cells; they set or must agree with the row's role."""
    key = stage.mapped("full_name")
    if key is None or not len(stage.frame):
        return
    names = stage.frame[key.index]
    codes, uniques = pd.factorize(names, use_na_sentinel=True)
    found = [split_role(value, stage.abbreviations) for value in uniques] + [None]
    split = pd.Series([found[code] for code in codes], index=names.index, dtype=object)
    marked = split.notna()
    if not marked.any():
        return
    stage.write(key, names.where(~marked, split.map(lambda pair: pair[0] if pair else None)))
    roles = split.map(lambda pair: pair[1] if pair else None)
    column = stage.mapped("role")
    if column is not None:
        _agree_with_column(stage, key, column, roles, names)
        return
    carried = stage.carried("role")
    for row in roles.index[(marked & carried.notna()).to_numpy()]:
        if carried[row] != roles[row]:
            _refuse(stage, key, row, names[row], f"nhiệm vụ của dòng tiêu đề ({WORDING[carried[row]]})")
    stage.carry("role", roles.where(marked, carried.where(carried.notna(), "member")))


def _agree_with_column(stage: RosterStage, key, column, roles: pd.Series, names: pd.Series) -> None:
    cells = stage.frame[column.index]
    written = cells.copy()
    for row in roles.index[roles.notna().to_numpy()]:
        cell = cells[row]
        if is_blank(cell):
            written[row] = WORDING[roles[row]]
        elif stage.read_role(cell) != roles[row]:
            _refuse(stage, key, row, names[row], f"ô nhiệm vụ {column.letter}{row} «{cell}»")
    stage.write(column, written)


def _refuse(stage: RosterStage, key, row: int, cell: Any, other: str) -> None:
    stage.refuse(row, key.letter, "role", cell,
                 f"nhiệm vụ ghi trong ô họ tên «{cell}» khác với {other}; hãy sửa một trong hai",
                 "nhiệm vụ không thống nhất")


def roles_from_positions(stage: RosterStage) -> None:
    """A role appended to the position ("Chánh Văn phòng Thị ủy / Phó Trưởng Đoàn") is the row's role when no column
    gives one; the column keeps the position."""
    if stage.mapped("role") is not None or stage.carried("role").notna().any() or not len(stage.frame):
        return
    position = stage.mapped("position")
    candidates = [position] if position is not None else [
        c for c in stage.columns if c.field is None and not c.month and c.index in stage.frame.columns
        and "chuc vu" in fold(c.header)]
    for column in candidates:
        cells = stage.frame[column.index]
        split = cells.map(lambda v: split_role(v, stage.abbreviations))
        named = any(f" {w} " in f" {fold(column.header)} " for w in ROLE_HEADER_WORDS)
        if share(cells, lambda v: split_role(v, stage.abbreviations) is not None) \
                < (NAMED_POSITION_SHARE if named else POSITION_SHARE):
            continue
        marked = split.notna() & split.map(lambda pair: isinstance(pair, tuple))
        stage.write(column, cells.where(~marked, split.map(lambda pair: pair[0] if isinstance(pair, tuple) else None)))
        stage.carry("role", split.map(lambda pair: pair[1] if isinstance(pair, tuple) else None))
        column.field = "position"
        return
