"""An assignment matrix: one row per working group, a column per role ("Trưởng đoàn" | "Phó trưởng đoàn" |
"Thành viên") whose cells list the people, one a line, as "Họ và tên - Chức vụ" or "Họ và tên (Chức vụ)". The group
column is the one so headed or, headed otherwise ("Nội dung"), the one whose every value names a numbered group. The
header may take two rows: a heading merged over some role columns ("Lãnh đạo Đoàn" over "Trưởng đoàn" | "Phó Trưởng
đoàn"), the other labels merged down over both. The sheet is rewritten as the roster it stands for (one row per
person, the group's other cells repeated) before the table is looked for.

The rewritten rows replace the matrix's body, so a row number in a message counts the people, not the groups:
the header and the rows above it keep their place.

A column of the matrix that lists people ("Đ/c …" lines) under a heading naming no role is not guessed at: its
people are not imported, and a warning names the column and its cells (`SheetData.found`), so none is lost silently."""

from typing import Any

from ..honorifics import strip_title
from ..mapping import column_letter, match_field
from ..normalising import clean_text, is_blank, is_group_name, normalise_group
from ..results import SheetData
from ..role_words import WORDING, strict_role
from . import roster
from .person_lines import person_lines, without_marker
from .stacked_fields import noted_stack

HEADER_SCAN_ROWS = 40
GROUP_SCAN_ROWS = 60
SHOWN = 3
UNREAD_PEOPLE = ("{count} ô ghi tên người ({cells}) nhưng tiêu đề cột «{label}» không cho biết nhiệm vụ trong đoàn "
                 "(trưởng đoàn, phó trưởng đoàn hay thành viên) — những người này chưa được nhập; hãy đặt tiêu đề cột "
                 "là một nhiệm vụ")
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
    if len(set(roles.values())) < 2 or "full_name" in fields:
        return None
    return {"roles": roles, "group": fields.get("group"), "unit": fields.get("unit")}


def _group_by_values(rows: list[list[Any]], start: int, found: dict) -> int | None:
    """The column naming each row's group by its values ('Đoàn số 1', 'ĐOÀN CÔNG TÁC SỐ 2') when no heading names
    it ('Nội dung', none): every filled cell of the rows below the header, up to the first empty row, a numbered
    group, in two rows at least."""
    body = []
    for row in rows[start:start + GROUP_SCAN_ROWS]:
        if all(is_blank(cell) for cell in row):
            break
        body.append(row)
    width = max((len(row) for row in body), default=0)
    for index in range(width):
        if index in found["roles"] or index == found["unit"]:
            continue
        values = [row[index] for row in body if index < len(row) and not is_blank(row[index])]
        if len(values) >= 2 and all(is_group_name(normalise_group(value)) for value in values):
            return index
    return None


def _people(cell: Any, noted: bool = False) -> list[tuple[str, str | None]]:
    """(name, position) of each person listed in a cell, one a line, numbered or not (a phone stays in the
    position: the readers that take this have no phone column); `noted`: a note says the line under a name is the
    position (``stacked_fields.noted_stack``)."""
    return [(name, position if phone is None else f"{position or ''} (ĐT: {phone})".strip())
            for name, position, phone in person_lines(cell, noted)]


def _lists_people(cell: Any) -> bool:
    """A cell naming people with a title before each ('Đ/c Lê Hoa - Chuyên viên', '1. Đồng chí Võ Hải')."""
    if not isinstance(cell, str):
        return False
    lines = [without_marker(line.strip()) for line in cell.strip().splitlines() if line.strip()]
    return any(strip_title(line) != line for line in lines)


def _unread_people(sheet: SheetData, at: int, height: int, end: int, found: dict) -> None:
    """Warn about each column of the matrix, read as no role, group or unit, whose cells list people."""
    read = {*found["roles"], found["group"], found["unit"]}
    header = _stacked(sheet.rows[at], sheet.rows[at + 1]) if height == 2 else sheet.rows[at]
    for index, label in enumerate(header):
        if index in read:
            continue
        cells = [(number, row[index]) for number, row in enumerate(sheet.rows[at + height:end], at + height + 1)
                 if index < len(row) and _lists_people(row[index])]
        if not cells:
            continue
        letter = column_letter(index)
        shown = ", ".join(f"{letter}{number}" for number, _ in cells[:SHOWN]) + (", …" if len(cells) > SHOWN else "")
        text = UNREAD_PEOPLE.format(count=len(cells), cells=shown, label=clean_text(label) or "")
        sheet.found.append(("warning", at + 1, letter, "full_name", cells[0][1], text))


def _stacked(upper: list[Any], lower: list[Any]) -> list[Any]:
    """A two-row header read as one: each column's lower label ('Trưởng đoàn' under 'Lãnh đạo Đoàn'), else the
    upper one, merged down over both rows ('Đoàn', 'Thành viên')."""
    width = max(len(upper), len(lower))
    return [lower[index] if index < len(lower) and not is_blank(lower[index])
            else (upper[index] if index < len(upper) else None) for index in range(width)]


def _labels_read(found: dict | None) -> int:
    return 0 if found is None else len(found["roles"]) + (found["group"] is not None) + (found["unit"] is not None)


def _two_rows(upper: list[Any], lower: list[Any]) -> dict | None:
    """The header read from two rows, when the upper one adds labels to the lower one (a title or a blank row
    above a one-row header adds none)."""
    found = _header(_stacked(upper, lower))
    return found if _labels_read(found) > _labels_read(_header(lower)) else None


def _find_header(rows: list[list[Any]]) -> tuple[int, int, dict] | None:
    """(first header row, rows the header takes, its columns) of a matrix whose header takes one row or two."""
    for at, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        for height in (1, 2):
            found = _header(row) if height == 1 else _two_rows(row, rows[at + 1] if at + 1 < len(rows) else [])
            if found and found["group"] is None:
                found["group"] = _group_by_values(rows, at + height, found)
            if found and found["group"] is not None:
                return at, height, found
    return None


def unpivot_assignment_matrix(sheet: SheetData) -> bool:
    """Rewrite an assignment-matrix sheet as a roster in place; True when it was one."""
    located = _find_header(sheet.rows)
    if located is None:
        return False
    at, height, found = located
    if at > 0 and any(isinstance(cell, str) and match_field(clean_text(cell) or "", PERSON_SPECS) == "full_name"
                      for cell in sheet.rows[at - 1]):
        return False  # role sub-columns under a header that names the person: a roster already
    persons, end = [], at + height
    noted = noted_stack(sheet.rows)
    while end < len(sheet.rows):
        row = sheet.rows[end]
        if is_blank(row[found["group"]] if found["group"] < len(row) else None):
            break
        group = row[found["group"]]
        unit = row[found["unit"]] if found["unit"] is not None and found["unit"] < len(row) else None
        for index, role in sorted(found["roles"].items(), key=lambda item: ("head", "deputy", "member").index(item[1])):
            for name, position, phone in person_lines(row[index] if index < len(row) else None, noted):
                persons.append([name, position, group, WORDING[role], unit, phone])
        end += 1
    if not any(" " in (clean_text(name) or "") for name, *_ in persons):
        return False  # ticks or single words under the role headings: no people listed in the cells
    _unread_people(sheet, at, height, end, found)
    header = ["Họ và tên", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách", "Số điện thoại"]
    width = max(len(header), max((len(r) for r in sheet.rows), default=0))
    pad = [None] * (width - len(header))
    sheet.rows = sheet.rows[:at] + [header + pad] + [person + pad for person in persons] + [
        list(r) + [None] * (width - len(r)) for r in sheet.rows[end:]]
    sheet.merges = [merge for merge in sheet.merges if merge[1][0] < at]
    return True
