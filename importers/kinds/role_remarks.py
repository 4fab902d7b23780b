"""A remark about the member's task after the role ("Thành viên (theo dõi khối DN FDI)", "Thành viên (phụ trách
khối doanh nghiệp)", "Phó trưởng đoàn (theo dõi công tác dân vận)"): when the bracket names no party organisation
(no "chi bộ", "đảng bộ", "CB", no residential cell such as "Tổ dân phố 5", "Thôn 2", "Khối 3") and the row's unit
column names one ("Chi bộ Tổ dân phố số 14"), the bracket says what the member looks after, it is no second unit.
The unit column's value is the unit, the role is read from the words before the bracket, and one warning lists the
remarks, which are not imported.

Read as a unit (``importers.kinds.unit_tail``), "khối DN FDI" would differ from the unit column and fail the row. A
bracket naming a party organisation other than the unit column's still fails it there; with no unit column, or a
blank or non-party unit cell, the bracket is read as today."""

import re

import pandas as pd

from ..normalising import fold, is_blank
from ..party_headers import PARTY_KINDS
from ..role_words import strict_role

# "Thành viên (theo dõi khối DN FDI)", "Thành viên - phụ trách khối doanh nghiệp", "Thành viên, theo dõi …"
_REMARK = re.compile(r"^(?P<role>[^()]+?)\s*(?:\((?P<bracket>[^()]+)\)"
                     r"|(?:,|\s[-–—])\s*(?P<task>(?:theo\s+dõi|phụ\s+trách)\b[^()]*?))\s*[.;]?\s*$", re.IGNORECASE)
# A party organisation or the residential cell a chi bộ is named after (folded): "CB", "C/B", "ĐB", "TDP 5", "Khối 3"
_PARTY_WORDS = re.compile(r"\b(?:cb|c b|db|to dan pho|tdp|khu pho|kp|khu dan cu|thon|xom|ap"
                          r"|(?:khoi|khu|to|cum)\s*(?:so\s*)?\d+)\b")
SHOWN = 3
WARNING = ("cột {letter} «{header}»: {count} ô ghi thêm sau nhiệm vụ (việc theo dõi, ghi chú), không phải đơn vị "
           "({cells}) — đơn vị lấy ở cột {unit_letter} «{unit_header}», nhiệm vụ đọc từ chữ trước phần ghi thêm; phần "
           "ghi thêm này chưa được nhập")


def _names_party(text) -> bool:
    folded = fold(text) if isinstance(text, str) else ""
    return bool(PARTY_KINDS.search(folded) or _PARTY_WORDS.search(folded))


def split_remark(text, abbreviations=None) -> tuple[str, str] | None:
    """(the role words, the remark) of a role cell ending with a remark that names no party organisation, else
    None."""
    if not isinstance(text, str):
        return None
    match = _REMARK.match(" ".join(text.split()))
    if match is None:
        return None
    role, remark = match.group("role"), match.group("bracket") or match.group("task")
    if _names_party(remark) or not strict_role(role, abbreviations):
        return None
    return role, remark.strip()


def task_remarks(stage, column) -> None:
    """Cut the task remarks off `column`'s role cells on rows whose unit column names a party organisation (module
    docstring), warning once with the cells."""
    target = stage.mapped("unit")
    if target is None or column.index not in stage.frame.columns:
        return
    cells, units = stage.frame[column.index], stage.frame[target.index]
    found = {}
    for row, cell in cells.items():
        unit = units[row]
        if is_blank(unit) or not _names_party(unit):
            continue
        split = split_remark(cell, stage.abbreviations)
        if split is not None:
            found[row] = split
    if not found:
        return
    kept = cells.copy()
    for row, (role, _) in found.items():
        kept[row] = role
    stage.write(column, pd.Series(kept, index=cells.index, dtype=object))
    rows = list(found)
    shown = ", ".join(f"{column.letter}{row} «{found[row][1]}»" for row in rows[:SHOWN]) + ("…" if len(rows) > SHOWN
                                                                                            else "")
    stage.issues.warning(rows[0], column.letter, "role", cells[rows[0]], WARNING.format(
        letter=column.letter, header=stage.label(column), count=len(rows), cells=shown, unit_letter=target.letter,
        unit_header=stage.label(target)))
