"""An assignment table turned the other way: one COLUMN per working group ("ĐOÀN CÔNG TÁC SỐ 1 (Đảng bộ phường
…)"), the roles down the first column ("Trưởng đoàn", "Phó trưởng đoàn" merged over two rows, "Thành viên"), and in
each cell the person as "Đ/c Họ và tên - Chức vụ" or the name over its position line ("Nguyễn Thị Thu Nga" /
"PBT TT Đảng ủy phường", ``position_lines``; several people may share a cell). A note saying the line under each
name is the position ("(mỗi ô: họ tên đồng chí, dòng dưới: chức vụ)") makes it so; a cell it still reads as two
names is warned, naming the cell. The sheet is rewritten as the roster it stands for, group by group and top to
bottom, before the table is looked for.

The group's unit is the text in brackets after its number, or the header's second line ("Phụ trách: …"), or a row
of its own among the role rows, labelled as the unit ("Phụ trách", "Chi bộ phụ trách" | unit | unit …). A row of
counts under the people ("Số lượng | 7 đồng chí | …") becomes one "Tổng cộng: N đồng chí" line, which the roster
checks against the people it read.
A group may instead span a pair or triple of columns headed by a row of field names ("Họ và tên" | "Chức vụ" [|
"Số điện thoại"], read by `group_fields`): the person's fields are then in those columns, the field row (and any
copy of it further down) is no person, and a unit row gives the unit in any of the group's columns.
As with the assignment matrix, a row number in a message then counts the people, not the sheet's rows."""

import re
from typing import Any

from ..assigned_units import unit_text
from ..legacy import decode_legacy
from ..mapping import column_letter, match_field
from ..normalising import clean_text, fold, is_blank, normalise_group
from ..results import SheetData
from ..role_words import strict_role
from . import roster
from .assignment_matrix import _people
from .group_fields import (
    EXTRA_LABELS,
    NAMELESS,
    GroupFields,
    extra_fields,
    field_row,
    group_people,
    group_unit,
    is_field_row,
    nameless_cell,
)
from .stacked_fields import noted_stack

HEADER_SCAN_ROWS = 40
UNSTACKED = ("ô {cell} được đọc là {count} người ({names}): ghi chú nói dòng dưới họ tên là chức vụ, nhưng dòng dưới "
             "một tên lại là họ tên — chưa rõ đó là một người khác hay chức vụ; hãy kiểm tra ô này")
MIN_GROUPS = 2
_BRACKETED = re.compile(r"^(?P<group>[^()]+?)\s*[(\[](?P<unit>[^()\[\]]+)[)\]]\s*$")
_UNIT_LEAD = re.compile(r"^(?:phu trach|dia ban|don vi|co so)\b\s*:?\s*", re.IGNORECASE)
_COUNT = re.compile(r"^(\d{1,3})\s*(?:dong chi|d c|nguoi|thanh vien)?$")


def _group_and_unit(cell: Any) -> tuple[str, str | None] | None:
    """(group text, unit) of a group column header as typed (a TCVN3/VNI sheet is decoded later), or None when
    the cell names no numbered group."""
    if not isinstance(cell, str):
        return None
    lines = [line.strip() for line in cell.strip().splitlines() if line.strip()]
    if not lines:
        return None
    match = _BRACKETED.match(" ".join(lines))
    if match:
        group, unit = match.group("group"), match.group("unit").strip()
    else:
        group, unit = lines[0], " ".join(lines[1:]) or None
        if unit and ":" in unit and _UNIT_LEAD.match(fold(decode_legacy(unit))):
            unit = unit.split(":", 1)[1].strip() or None
    normalised = normalise_group(decode_legacy(group))
    if not normalised or not normalised.startswith(("Đoàn công tác số", "Tổ công tác số")):
        return None
    return group, unit


def _unit_label(cell: Any) -> bool:
    """A role-column label naming the row of the groups' units ('Phụ trách', 'Cơ sở phụ trách')."""
    text = clean_text(_decoded(cell)) if isinstance(cell, str) else None
    return bool(text) and strict_role(text) is None and match_field(text, roster.FIELDS) == "unit"


def _header(rows: list[list[Any]]) -> tuple[int, int, dict[int, tuple[str, str | None]], GroupFields | None] | None:
    """(header row, role label column, {column: (group, unit)}, the groups' field columns if a field row heads
    them) of a group-columns table, or None."""
    for at, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        groups = {index: found for index, cell in enumerate(row) if (found := _group_and_unit(cell))}
        if len(groups) < MIN_GROUPS:
            continue
        label = min(groups) - 1
        fields = field_row(rows[at + 1], sorted(groups)) if at + 1 < len(rows) else None
        below = [r[label] for r in rows[at + (2 if fields else 1):at + 4]
                 if label < len(r) and not is_blank(r[label]) and not _unit_label(r[label])]
        if label >= 0 and below and strict_role(_decoded(below[0])):
            return at, label, groups, fields
    return None


def _decoded(cell: Any) -> Any:
    return decode_legacy(cell) if isinstance(cell, str) else cell


def _count(cell: Any) -> int | None:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool) and float(cell).is_integer():
        return int(cell)
    match = _COUNT.match(fold(cell)) if isinstance(cell, str) else None
    return int(match.group(1)) if match else None


def _warn_nameless(sheet: SheetData, at: int, spans: dict[str, int], group: str) -> None:
    """Warn about a group's filled cell on row `at` with no name beside it (it is not read)."""
    orphan = nameless_cell(sheet.rows[at], spans)
    if orphan is not None:
        text = NAMELESS.format(value=clean_text(orphan[1]), group=normalise_group(_decoded(group)),
                               name=column_letter(spans["full_name"]))
        sheet.found.append(("warning", at + 1, column_letter(orphan[0]), "full_name", orphan[1], text))


def _warn_unstacked(sheet: SheetData, at: int, index: int, people: list) -> None:
    """Warn about a cell read as several people of whom one has no position, though a note says the line under each
    name is the position: the line under that name reads as a name, so it was read as a person of its own."""
    if len(people) < 2 or all(position for _, position, *_ in people[:-1]):
        return
    cell = f"{column_letter(index)}{at + 1}"
    names = ", ".join(f"«{name}»" for name, *_ in people)
    text = UNSTACKED.format(cell=cell, count=len(people), names=names)
    sheet.found.append(("warning", at + 1, column_letter(index), "full_name", sheet.rows[at][index], text))


def unpivot_group_columns(sheet: SheetData) -> bool:
    """Rewrite a one-column-per-group assignment sheet as a roster in place; True when it was one."""
    found = _header(sheet.rows)
    if found is None:
        return False
    at, label, groups, fields = found
    extras = extra_fields(fields) if fields else []
    noted = noted_stack(sheet.rows)
    cells: dict[int, list[tuple[str, Any, Any, list[Any]]]] = {index: [] for index in groups}
    role, end = None, at + 1
    while end < len(sheet.rows):
        row = sheet.rows[end]
        text = row[label] if label < len(row) else None
        if fields and is_field_row(row, fields):  # the field row, or a copy of it down the table
            end += 1
            continue
        if _unit_label(text):  # the units' row: each group's unit, unless its header gave one
            starts = sorted(groups) + [len(row)]
            for index, (group, unit) in groups.items():
                stop = starts[starts.index(index) + 1] if fields else index + 1
                cell = group_unit(row, index, stop)
                groups[index] = (group, unit if unit or is_blank(cell) else unit_text(cell))
            end += 1
            continue
        if not is_blank(text):
            role = strict_role(_decoded(text))  # written as the canonical word, which no legacy decoding changes
            if role is None:
                break
        elif all(is_blank(cell) for cell in row):
            break
        for index in groups:
            if fields:
                people = group_people(row, fields[index], extras)
                _warn_nameless(sheet, end, fields[index], groups[index][0])
            else:
                people = [(name, position, None, []) for name, position in _people(row[index] if index < len(row)
                                                                                  else None, noted)]
                if noted:
                    _warn_unstacked(sheet, end, index, people)
            cells[index].extend((name, position, typed or role, values) for name, position, typed, values in people)
        end += 1
    # the group and unit are decoded now: a TCVN3/VNI column of a few repeated values is not told from Unicode later
    persons = [[name, position, _decoded(groups[index][0]), role, _decoded(groups[index][1]), *values]
               for index in sorted(groups) for name, position, role, values in cells[index]]
    if not persons:
        return False
    total = []
    if end < len(sheet.rows):  # "Số lượng | 7 đồng chí | …": one total line, checked as rosters' totals are
        row = sheet.rows[end]
        counts = [_count(_decoded(row[index]) if index < len(row) else None) for index in groups]
        if None not in counts and clean_text(row[label]):
            total, end = [[f"Tổng cộng: {sum(counts)} đồng chí"]], end + 1
    header = ["Họ và tên", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách",
              *(EXTRA_LABELS[field] for field in extras)]
    width = max(len(header), max((len(r) for r in sheet.rows), default=0))
    pad = [None] * (width - len(header))
    sheet.rows = sheet.rows[:at] + [header + pad] + [person + pad for person in persons] + [
        line + [None] * (width - 1) for line in total] + [
        list(r) + [None] * (width - len(r)) for r in sheet.rows[end:]]
    sheet.merges = [merge for merge in sheet.merges if merge[1][0] < at]
    return True
