"""A group code column that spells the group: 'Mã đoàn' holding 'ĐCT-01', 'ĐCT 2', 'Đoàn-03'. The code is the
abbreviation of 'Đoàn công tác' with the group's number, so the column is read as the group; so are codes a note
line of the sheet explains ('Đ1' under 'Đ1, Đ2…: Đoàn công tác số 1, số 2…': ``importers.group_code_notes``).

A code that does not spell the group ('D01', 'A') stays a code column: it is warned about as unused, never
read as a group (see code_headers). Export code labels ('MA_DOAN') are left to code_headers too."""

import re

from .code_headers import is_code_label
from .group_code_notes import GroupCodes, group_code_notes
from .normalising import fold, is_blank
from .results import SheetData

HEADER_SCAN_ROWS = 40
SURE = 0.8  # part of the filled cells below the header that must spell a group
_CODE_LABELS = frozenset({"ma doan", "ma doan cong tac", "ma so doan"})
_SPELLED = re.compile(r"^(?:dct|doan|doan ct|doan cong tac) ?0*\d{1,3}$")
GROUP_LABEL = "Đoàn công tác"


def _spells_groups(values: list, notes: GroupCodes) -> bool:
    filled = [value for value in values if not is_blank(value)]
    spelled = sum(1 for value in filled if _SPELLED.match(fold(value)) or notes.name(value))
    return len(filled) >= 2 and spelled >= SURE * len(filled)


def is_group_code_label(label) -> bool:
    """True for a header naming the group by its code ('Mã đoàn', 'Mã số đoàn')."""
    return isinstance(label, str) and fold(label) in _CODE_LABELS


def read_group_codes(sheet: SheetData) -> None:
    """Relabel a 'Mã đoàn' header whose cells spell the groups ('ĐCT-01'), or are codes a note line explains ('Đ1'
    under 'Ghi chú: Đ1 - Đoàn công tác số 1'), as the group column."""
    notes = None
    for at, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        for index, cell in enumerate(row):
            if not isinstance(cell, str) or is_code_label(cell) or fold(cell) not in _CODE_LABELS:
                continue
            below = [other[index] for other in sheet.rows[at + 1:] if index < len(other)]
            notes = group_code_notes(sheet.rows) if notes is None else notes
            if _spells_groups(below, notes):
                row[index] = GROUP_LABEL
