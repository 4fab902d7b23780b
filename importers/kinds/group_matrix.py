"""A roster crossed with its groups: the people down the rows (name, birth date, position, phone) and one column per
working group across ("Đoàn số 1" | "Đoàn 2" | "ĐCT 3" …, often under a merged "Phân công tham gia Đoàn công tác", or
bare numbers "1" | "II" under a header naming the groups). A header row under the groups may give each group's unit
("phụ trách Chi bộ Thôn Đông", "Đảng bộ phường …"; a group left blank there has none); so may the group cell itself
("Đoàn số 1 (Đảng bộ …)", or on its second line). In a person's row the cell under the group is the person's mark
there, read by `group_marks`: "Trưởng đoàn", "Phó", "TĐ", "T" / "P" / "x" as a note line explains them, a tick for a
member; a mark not understood is refused naming its cell.

Before the table is looked for, the group columns are replaced by three columns added at the right: the group, the
role (as its canonical wording) and the unit (headed only when a group names one: else a unit column of the
person's own, "Chi bộ được phân công theo dõi", is the unit). A row marked under two groups is the person's two
memberships: the row is repeated under itself, and a row number further down then counts the added row. A "Cộng"
line of counts per group becomes one "Tổng cộng: N đồng chí" line, checked against the people read. A person listed
with no mark under any group is in no group: the row is left blank (no record) and a warning names it."""

import re
from typing import Any

from ..legacy import decode_legacy
from ..mapping import column_letter, match_field
from ..normalising import clean_text, fold, is_blank, is_group_name, normalise_group
from ..results import SheetData
from . import roster
from .group_columns import _group_and_unit
from .group_marks import GroupMarks
from .group_role import roman_number

HEADER_SCAN_ROWS = 40
MIN_GROUPS = 2
PARENT_ROWS = 2  # header rows above the group row that may name the person's fields
MARKED_SHARE = 0.6  # of the person rows, the share that must hold a mark under a group
_BARE_NUMBER = re.compile(r"^(?:so\s*)?(\d{1,2})$")
_UNIT_AFTER = re.compile(r"^(?P<head>[^()\[\]\n]+?)\s*(?:[(\[](?P<unit>[^()\[\]]+)[)\]]|\n(?P<line>.+))$", re.DOTALL)
_COUNT = re.compile(r"^(?:cong|tong cong|tong so|tong)$")
UNMARKED = ("«{name}» có trong danh sách nhưng không được đánh dấu ở đoàn nào (cột {first}–{last}) — không nhập "
            "đồng chí này; nếu đồng chí tham gia một đoàn, hãy đánh dấu ở cột đoàn đó")
COLUMNS = ("Đoàn công tác", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách")


def _text(cell: Any) -> str:
    return decode_legacy(cell) if isinstance(cell, str) else ("" if cell is None else str(cell))


def _parent_at(row: list[Any], index: int) -> str:
    """The nearest text at or left of a column in a header row above (a merged parent spans to the right)."""
    for at in range(min(index, len(row) - 1), -1, -1):
        if not is_blank(row[at]):
            return _text(row[at])
    return ""


def _group(cell: Any, parent: str) -> tuple[str, str | None] | None:
    """(group name, unit) a header cell gives: a group named in full, or a bare number under a groups header (a
    unit may follow in brackets or on a second line)."""
    found = _group_and_unit(_text(cell)) if isinstance(cell, str) else None
    if found:
        group, unit = found
        return normalise_group(group), clean_text(unit)
    if match_field(clean_text(parent) or "", roster.FIELDS) != "group" and "doan" not in fold(parent).split():
        return None
    if isinstance(cell, (int, float)) and not isinstance(cell, bool) and float(cell).is_integer() and 0 < cell < 100:
        return f"Đoàn công tác số {int(cell)}", None
    if not isinstance(cell, str):
        return None
    match = _UNIT_AFTER.match(_text(cell).strip())
    head, unit = (match.group("head"), match.group("unit") or match.group("line")) if match else (cell, None)
    number = _BARE_NUMBER.match(fold(head))
    number = int(number.group(1)) if number else roman_number(fold(head))
    return (f"Đoàn công tác số {number}", clean_text(unit)) if number else None


def _header_top(rows: list[list[Any]], at: int) -> int | None:
    """The header row naming the person's name: the group row or one just above it (None when none does)."""
    for number in range(max(0, at - PARENT_ROWS), at + 1):
        if any(isinstance(cell, str) and match_field(clean_text(_text(cell)) or "", roster.FIELDS) == "full_name"
               for cell in rows[number]):
            return number
    return None


def _numbers_a_field(row: list[Any], above: list[Any]) -> bool:
    """Whether a row of numbers also numbers the person's columns (under "STT" or "Họ và tên"): bare group numbers
    sit under the groups only."""
    return any(not is_blank(cell) and index < len(above) and isinstance(above[index], str)
               and match_field(clean_text(_text(above[index])) or "", roster.FIELDS) in ("full_name", "index")
               for index, cell in enumerate(row))


def _header(rows: list[list[Any]]) -> tuple[int, dict[int, list]] | None:
    """(group row, {column: [group, unit]}) of a group matrix, or None."""
    from ..locating import is_column_numbering_row

    for at, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        above = rows[at - 1] if at > 0 else []
        if is_column_numbering_row(row) and _numbers_a_field(row, above):
            continue  # "(1) (2) … (9)" under the whole header: column numbers, not bare group numbers
        groups = {index: list(found) for index, cell in enumerate(row)
                  if not is_blank(cell) and (found := _group(cell, _parent_at(above, index)))}
        groups = {index: found for index, found in groups.items() if is_group_name(found[0])}
        if len(groups) >= MIN_GROUPS and len({found[0] for found in groups.values()}) == len(groups) \
                and _header_top(rows, at) is not None:
            return at, groups
    return None


def _is_mark(cell: Any, marks: GroupMarks) -> bool:
    return not marks.is_empty(cell) and marks.role(cell) is not None


def _unit_row(rows: list[list[Any]], at: int, groups: dict[int, list], marks: GroupMarks, name: int) -> bool:
    """Whether the row under the groups names the groups' units: text, no mark, under one group at least and every
    filled one, and no one in the name column (a person's row whose marks are not understood is no units row)."""
    if at + 1 >= len(rows):
        return False
    row = rows[at + 1]
    cells = [row[index] for index in groups if index < len(row) and not is_blank(row[index])]
    named = row[name] if name < len(row) else None
    return bool(cells) and all(isinstance(cell, str) and not _is_mark(cell, marks) for cell in cells) \
        and (is_blank(named) or any(name < len(upper) and upper[name] == named for upper in rows[:at + 1]))


def _counts(row: list[Any], groups: dict[int, list]) -> int | None:
    """The total of a 'Cộng' line's counts under the groups, or None when the row is not one."""
    words = [fold(_text(cell)) for index, cell in enumerate(row) if index not in groups and isinstance(cell, str)
             and not is_blank(cell)]
    if not words or not all(_COUNT.match(word) for word in words):
        return None
    counts = [row[index] if index < len(row) else None for index in groups]
    numbers = [cell for cell in counts if not is_blank(cell)]
    if not all(isinstance(cell, (int, float)) and not isinstance(cell, bool) for cell in numbers):
        return None
    return int(sum(numbers))


def unpivot_group_matrix(sheet: SheetData) -> bool:
    """Rewrite a people-down, groups-across roster in place (see the module docstring); True when it was one."""
    found = _header(sheet.rows)
    if found is None:
        return False
    at, groups = found
    marks = GroupMarks.of(sheet.rows)
    top = _header_top(sheet.rows, at)
    name = next(index for index, cell in enumerate(sheet.rows[top]) if isinstance(cell, str)
                and match_field(clean_text(_text(cell)) or "", roster.FIELDS) == "full_name")
    end = at + 1
    if _unit_row(sheet.rows, at, groups, marks, name):
        units = sheet.rows[at + 1]
        for index in groups:
            groups[index][1] = groups[index][1] or (clean_text(_text(units[index])) if index < len(units) else None)
        end = at + 2
    body = sheet.rows[end:]
    marked = [row for row in body if any(_is_mark(row[index], marks) for index in groups if index < len(row))]
    people = marked + [row for row in body if row not in marked and _counts(row, groups) is None
                       and sum(not is_blank(cell) for index, cell in enumerate(row) if index not in groups) >= 2]
    if not people or len(marked) < MARKED_SHARE * len(people):
        return False
    width = max(len(row) for row in sheet.rows)
    added = width
    named = any(unit for _, unit in groups.values())  # no group names a unit: the person's own column gives it
    rows = [list(row) + [None] * (width + len(COLUMNS) - len(row)) for row in sheet.rows[:end]]
    for number in range(top, end):  # the group headers (and a parent over them) make way for the added columns
        for index in groups:
            rows[number][index] = None
        if number > top:
            continue
        for index in range(min(groups), max(groups) + 1):
            rows[number][index] = None
        rows[number][added:added + len(COLUMNS)] = list(COLUMNS[:-1]) + [COLUMNS[-1] if named else None]
    marks.check_heads(body, end, groups)
    inserted, shifts = [], []
    for number, row in enumerate(body, start=end):
        row = list(row) + [None] * (width + len(COLUMNS) - len(row))
        filled = [index for index in sorted(groups) if not marks.is_empty(row[index])]
        total = _counts(row, groups)
        if total is not None:
            row[next(index for index, cell in enumerate(row) if isinstance(cell, str) and not is_blank(cell))] = \
                f"Tổng cộng: {total} đồng chí"
            filled = []
        copies = []
        person = not is_blank(row[name] if name < len(row) else None)
        for index in filled:
            # a row naming no one (a signature block under the table) is not read as marks: its text stays, for the
            # table's end and the missing-name check to deal with as in any roster
            role = marks.read(row[index], number, index, groups[index][0]) if person else clean_text(row[index])
            if role is None:
                continue
            copy = list(row)
            copy[added:added + len(COLUMNS)] = [groups[index][0], role, groups[index][1]]
            copies.append(copy)
        if not copies and total is None and not is_blank(row[name] if name < len(row) else None) \
                and sum(not is_blank(cell) for index, cell in enumerate(row) if index not in groups) >= 2:
            if not filled:
                sheet.found.append(("warning", number + 1, column_letter(name), "group", clean_text(_text(row[name])),
                                    UNMARKED.format(name=clean_text(_text(row[name])),
                                                    first=column_letter(min(groups)), last=column_letter(max(groups)))))
            row = [None] * len(row)  # in no group, or its marks refused (each named): no record, no group above
        for copy in copies or [row]:
            for index in groups:
                copy[index] = None
        inserted += copies or [row]
        shifts += [number] * (len(copies) - 1) if len(copies) > 1 else []
    sheet.rows = rows + inserted
    sheet.merges = [_shifted(merge, shifts) for merge in sheet.merges]
    sheet.found += marks.report()
    return True


def _shifted(merge, shifts: list[int]):
    """A merged range moved down by the rows added above it."""
    (r0, c0), (r1, c1) = merge
    by = sum(1 for number in shifts if number < r0)
    return (r0 + by, c0), (r1 + by, c1)
