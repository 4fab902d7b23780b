"""An assignment matrix: one row per working group, a column per role ("Trưởng đoàn" | "Phó trưởng đoàn" |
"Thành viên") whose cells list the people, one a line, as "Họ và tên - Chức vụ". The sheet is rewritten as the
roster it stands for (one row per person, the group's other cells repeated) before the table is looked for.

The rewritten rows replace the matrix's body, so a row number in a message counts the people, not the groups:
the header and the rows above it keep their place."""

from typing import Any

from ..mapping import match_field
from ..normalising import clean_text, is_blank
from ..results import SheetData
from ..role_words import WORDING, strict_role
from . import roster
from .person_lines import person_lines

HEADER_SCAN_ROWS = 40
PERSON_SPECS = tuple(spec for spec in roster.FIELDS if spec.name in ("full_name", "group", "unit"))


def _header(row: list[Any]) -> dict | None:
    """The role columns and the group / unit columns of a matrix header row, or None."""
    roles, fields = {}, {}
    for index, cell in enumerate(row):
        if not isinstance(cell, str) or is_blank(cell):
            continue
        role = strict_role(cell, {})
        if role:
            roles[index] = role
            continue
        field = match_field(clean_text(cell), PERSON_SPECS)
        if field:
            fields.setdefault(field, index)
    if len(set(roles.values())) < 2 or "group" not in fields or "full_name" in fields:
        return None
    return {"roles": roles, "group": fields["group"], "unit": fields.get("unit")}


def _people(cell: Any) -> list[tuple[str, str | None]]:
    """(name, position) of each person listed in a cell, one a line, numbered or not (a phone stays in the
    position: the readers that take this have no phone column)."""
    return [(name, position if phone is None else f"{position or ''} (ĐT: {phone})".strip())
            for name, position, phone in person_lines(cell)]


def unpivot_assignment_matrix(sheet: SheetData) -> bool:
    """Rewrite an assignment-matrix sheet as a roster in place; True when it was one."""
    for at, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        found = _header(row)
        if found:
            break
    else:
        return False
    if at > 0 and any(isinstance(cell, str) and match_field(clean_text(cell) or "", PERSON_SPECS) == "full_name"
                      for cell in sheet.rows[at - 1]):
        return False  # role sub-columns under a header that names the person: a roster already
    persons, end = [], at + 1
    while end < len(sheet.rows):
        row = sheet.rows[end]
        if is_blank(row[found["group"]] if found["group"] < len(row) else None):
            break
        group = row[found["group"]]
        unit = row[found["unit"]] if found["unit"] is not None and found["unit"] < len(row) else None
        for index, role in sorted(found["roles"].items(), key=lambda item: ("head", "deputy", "member").index(item[1])):
            for name, position, phone in person_lines(row[index] if index < len(row) else None):
                persons.append([name, position, group, WORDING[role], unit, phone])
        end += 1
    if not persons:
        return False
    header = ["Họ và tên", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách", "Số điện thoại"]
    width = max(len(header), max((len(r) for r in sheet.rows), default=0))
    pad = [None] * (width - len(header))
    sheet.rows = sheet.rows[:at] + [header + pad] + [person + pad for person in persons] + [
        list(r) + [None] * (width - len(r)) for r in sheet.rows[end:]]
    sheet.merges = [merge for merge in sheet.merges if merge[1][0] < at]
    return True
