"""The chi bộ named at the end of an assignment text: "Trưởng Đoàn công tác số 2, phụ trách Chi bộ Tổ dân phố 5",
"TV Đoàn 3 - CB Trường THCS", "Phó trưởng đoàn số 1 (phụ trách Chi bộ Khối 2)", "…; địa bàn: Chi bộ Thôn 4", or
after the role alone ("Trưởng đoàn, phụ trách Chi bộ Tổ dân phố 5"), or after the group ("Đoàn số 1⏎Phụ trách: …")."""

import re
from typing import Any

from ..column_types import distinct_map, filled_count, share
from ..normalising import clean_text, fold, is_blank, normalise_group
from ..role_words import strict_role
from .role_remarks import task_remarks
from .unit_marks import full_unit_name

_TAIL = re.compile(
    r"^(?P<rest>.+?)\s*(?:[,;]|\s[-–—]\s|\()\s*"
    r"(?P<tail>(?:(?:được\s+)?(?:phân\s+công\s+)?(?:phụ\s+trách|theo\s+dõi|địa\s+bàn|đơn\s+vị|cơ\s+sở)\b\s*:?\s*)?"
    r"(?:chi\s+bộ|cb|c/b|đảng\s+bộ|đb|tổ\s+dân\s+phố|tdp|khu\s+phố|thôn|xóm|khối)\b[^()]*?)\)?\s*[.;]?\s*$",
    re.IGNORECASE,
)
SURE = 0.8  # share of an unnamed column's filled cells that must be a role and a unit
_LEAD = re.compile(r"^(?:được\s+)?(?:phân\s+công\s+)?(?:phụ\s+trách|theo\s+dõi|địa\s+bàn|đơn\s+vị|cơ\s+sở)\b\s*:?\s*",
                   re.IGNORECASE)


def cut_unit_tail(text: Any) -> tuple[Any, str | None]:
    """(the text before the unit, the unit's full name) when the text ends naming a unit, else (text, None)."""
    if not isinstance(text, str):
        return text, None
    match = _TAIL.match(" ".join(text.split()))
    if match is None:
        return text, None
    unit = clean_text(_LEAD.sub("", match.group("tail")))
    return match.group("rest"), full_unit_name(unit) if unit else None


def units_after_roles(stage) -> None:
    """A role column whose cells name the unit after the role ('Trưởng đoàn, phụ trách Chi bộ Tổ dân phố 5',
    'Thành viên - CB Trường THCS'): the role stays in the column, the unit goes to the row's unit; a unit column
    saying otherwise fails the row. A bracket naming no party organisation beside a unit column naming one is a
    remark on the member's task, cut off first (``importers.kinds.role_remarks``)."""
    column = stage.mapped("role") or _role_and_unit_column(stage)
    if column is None:
        return
    task_remarks(stage, column)
    cells = stage.frame[column.index]
    pairs = distinct_map(cells, cut_unit_tail)
    found = pairs.map(lambda pair: _role_unit(pair, stage))
    if found.notna().any():
        column.field = "role"
        _move_units(stage, column, cells, pairs, found)


def units_after_groups(stage) -> None:
    """A group column whose cells name the unit after the group, on a second line or after a comma, dash or
    bracket ('Đoàn số 1⏎Phụ trách: Đảng bộ phường Hưng Dũng', 'Đoàn 2 (Chi bộ Thôn 4)'): the group stays in the
    column, the unit goes to the row's unit (the group reader would drop the tail without a word)."""
    column = stage.mapped("group")
    if column is None:
        return
    cells = stage.frame[column.index]
    pairs = distinct_map(cells, lambda cell: cut_unit_tail(_lines_joined(cell)))
    found = pairs.map(lambda pair: pair[1] if isinstance(pair, tuple) and pair[1] and _names_group(pair[0]) else None)
    if found.notna().any():
        _move_units(stage, column, cells, pairs, found)


def _lines_joined(cell: Any) -> Any:
    """A cell's lines as one text, each new line a separator (as a comma would be)."""
    if not isinstance(cell, str) or "\n" not in cell.strip():
        return cell
    return ", ".join(line.strip() for line in cell.strip().splitlines() if line.strip())


def _names_group(text: Any) -> bool:
    normalised = normalise_group(text) if isinstance(text, str) else None
    return bool(normalised) and normalised.startswith(("Đoàn công tác số", "Tổ công tác số"))


def _move_units(stage, column, cells, pairs, found) -> None:
    """Cut the unit named at the end of `column`'s cells (`found`, per row) into the row's unit; the cells keep the
    text before it. A unit column naming another unit fails the row."""
    kept = cells.where(found.isna(), pairs.map(lambda pair: pair[0] if isinstance(pair, tuple) else None))
    stage.write(column, kept)
    target = stage.mapped("unit")
    if target is None:
        stage.carry("unit", found)
        return
    units = stage.frame[target.index].copy()
    for row in found.index[found.notna().to_numpy()]:
        cell = units[row]
        if is_blank(cell):
            units[row] = found[row]
        elif fold(cell) != fold(found[row]):
            stage.refuse(row, column.letter, "unit", cells[row],
                         f"ô {column.letter}{row} «{cells[row]}» và ô {target.letter}{row} «{cell}» ghi đơn vị phụ "
                         f"trách khác nhau; hãy sửa một trong hai", "đơn vị phụ trách không thống nhất")
    stage.write(target, units)


def _role_unit(pair, stage) -> str | None:
    """The unit of a (role text, unit) pair whose role text is a role wording."""
    return pair[1] if isinstance(pair, tuple) and pair[1] and strict_role(pair[0], stage.abbreviations) else None


def _role_and_unit_column(stage):
    """With no role column named, the unnamed column whose cells are a role and a unit ('Nhiệm vụ được phân công':
    'Trưởng đoàn, theo dõi Chi bộ Tổ dân phố 3'), or None."""
    for column in stage.columns:
        if column.field is not None or column.month or column.index not in stage.frame.columns:
            continue
        values = stage.frame[column.index]
        if filled_count(values) >= 2 and share(values, lambda v: _role_unit(cut_unit_tail(v), stage)) >= SURE:
            return column
    return None
