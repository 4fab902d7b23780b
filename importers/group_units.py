"""A catalogue of the unit each group follows: a small second table, under the roster ("II. ĐỊA BÀN PHỤ TRÁCH",
"Đoàn | Chi bộ, đảng bộ phụ trách") or on a sheet of its own ("Địa bàn", "Phan cong": "Mã đoàn | Địa bàn"), one line
per group. Its header names the group and the unit and no person; its groups are written as the roster writes them
or in full ("Đoàn 1" for the roster's "Đ1", read through the codes a note explains: ``importers.group_code_notes``).

What the catalogue is used for, and when, is ``importers.kinds.unit_lookup``'s to say; here it is only found and
read, and, under the roster, its rows are taken out of the table so that they are never read as people."""

import re
from dataclasses import dataclass, field
from typing import Any

from .abbreviations import is_role_legend
from .cleared_rows import ClearsRows
from .code_catalogues import is_code
from .group_code_notes import GroupCodes, code_key, group_code_notes
from .group_codes import is_group_code_label
from .kinds import roster
from .kinds.group_role import group_kind, numbered_group
from .legends import is_legend_text
from .mapping import match_field
from .normalising import (
    clean_text,
    fold,
    is_blank,
    is_group_name,
    is_unit_heading,
    normalise_group,
    normalise_unit_name,
)
from .status_phrases import NOTE_PREFIXES
from .supplement_lists import caption_rows

SHEET_HEADER_ROWS = 15  # a catalogue sheet's header is near its top
MAX_HEADER_CELLS = 6
MAX_GROUP_TEXT = 20
REASON = "bảng địa bàn phụ trách của các đoàn (đọc làm danh mục đơn vị theo đoàn)"
_SEVERAL = re.compile(r"\s*[;\n+]\s*|\s*,\s*")


@dataclass
class GroupUnits(ClearsRows):
    """Each group's units as the catalogue lists them, and where it is."""

    source: str  # "trang «Địa bàn»", "bảng «II. ĐỊA BÀN PHỤ TRÁCH» (dòng 15–20)"
    units: dict[str, list[str]] = field(default_factory=dict)  # group key -> the units listed for it
    names: dict[str, str] = field(default_factory=dict)  # group key -> the group as read
    rows: list[int] = field(default_factory=list)  # 0-based rows on the roster's sheet (below the roster only)

    def cleared_rows(self) -> dict[int, str]:
        return dict.fromkeys(self.rows, REASON)


def group_key(group: Any) -> str:
    """A group as catalogue and roster are matched: 'Đoàn công tác số 1', or a code as written ('Đ 1' = 'Đ1')."""
    return code_key(group)


def read_group(value: Any, codes: GroupCodes, kind: str) -> str | None:
    """The group a catalogue cell names: in full, by its number alone under a header naming the `kind` of group,
    through the notes' codes, else the code as written; None for a cell naming no group."""
    if numbered := numbered_group(value, kind):
        return numbered
    text = clean_text(value) if isinstance(value, str) else None
    if text is None:
        return None
    named = normalise_group(text)
    if is_group_name(named):
        return named
    if noted := codes.name(text):
        return noted
    return text if is_code(text) or (len(text) <= MAX_GROUP_TEXT and any(ch.isdigit() for ch in text)) else None


def unit_names(value: Any) -> list[str]:
    """The units a catalogue cell lists: one, or several set apart by ';', ',' or lines ('Chi bộ A; Chi bộ B')."""
    text = clean_text(value) if isinstance(value, str) else None
    if text is None:
        return []
    parts = [part for part in _SEVERAL.split(str(value).strip()) if part.strip()]
    if len(parts) > 1 and all(is_unit_heading(part) for part in parts):
        return [normalise_unit_name(part) or part for part in parts]
    return [normalise_unit_name(text) or text]


def _header(row) -> tuple[int, int] | None:
    """(group column, unit column) of a catalogue's header row: a few labels, each naming a field, one the group (or
    its code, 'Mã đoàn'), one the unit, none a person. A row naming a group itself ('Đoàn công tác số 1', 'Đoàn II')
    is a line of data, never a header."""
    cells = {index: cell for index, cell in enumerate(row) if not is_blank(cell)}
    if not 2 <= len(cells) <= MAX_HEADER_CELLS or not all(isinstance(cell, str) for cell in cells.values()):
        return None
    if any(ch.isdigit() for cell in cells.values() for ch in cell):
        return None
    fields = {}
    for index, cell in cells.items():
        name = "group" if is_group_code_label(cell) else match_field(clean_text(cell) or "", roster.FIELDS)
        if name is None or is_group_name(normalise_group(cell)):
            return None
        fields.setdefault(name, index)
    if "group" in fields and "unit" in fields and "full_name" not in fields:
        return fields["group"], fields["unit"]
    return None


def _lines(rows, at: int, group_at: int, unit_at: int, codes: GroupCodes, found: GroupUnits) -> int:
    """Read the catalogue's lines under its header row `at` into `found`; the row after its last line."""
    kind = group_kind(clean_text(rows[at][group_at]) or "")
    end = at + 1
    while end < len(rows):
        row = rows[end]
        group = read_group(row[group_at], codes, kind) if group_at < len(row) else None
        units = unit_names(row[unit_at]) if unit_at < len(row) else []
        if group is None or not units:
            break
        key = group_key(group)
        found.names.setdefault(key, group)
        found.units.setdefault(key, []).extend(unit for unit in units if unit not in found.units[key])
        end += 1
    return end


def catalogue_on_sheet(name: str, rows: list[list[Any]], codes: GroupCodes) -> GroupUnits | None:
    """The catalogue a sheet of its own holds, near its top, or None."""
    for at, row in enumerate(rows[:SHEET_HEADER_ROWS]):
        columns = _header(row)
        if columns is None:
            continue
        found = GroupUnits(source=f"trang «{name}»")
        _lines(rows, at, *columns, codes, found)
        return found if found.units else None
    return None


# A catalogue with no header row, under a caption saying what it lists ("ĐỊA BÀN PHỤ TRÁCH CỦA CÁC ĐOÀN", "Phân
# công địa bàn theo dõi"): each line names its group in one cell and the unit in the next
_CAPTION = re.compile(r"\b(?:dia ban|phu trach|phan cong)\b")


def _filled(row) -> list[int]:
    return [index for index, cell in enumerate(row) if not is_blank(cell)]


def _captioned(grid, at: int, codes: GroupCodes) -> tuple[int, int, int] | None:
    """(row before the first line, group column, unit column) of a catalogue under the caption at row `at`: a lone
    text naming what it lists, then lines of exactly two cells, a group ('Đoàn 1', 'Đoàn công tác số 1', a code the
    notes define) and a party organisation ('Chi bộ Khu vực 1')."""
    cells = _filled(grid[at])
    if len(cells) != 1 or not isinstance(grid[at][cells[0]], str) or not _CAPTION.search(fold(grid[at][cells[0]])):
        return None
    line = next((row for row in range(at + 1, min(at + 3, len(grid))) if _filled(grid[row])), None)
    if line is None or len(_filled(grid[line])) != 2:
        return None
    group_at, unit_at = _filled(grid[line])
    group = read_group(grid[line][group_at], codes, "Đoàn công tác")
    named = group is not None and (is_group_name(group) or codes.name(group) is not None)
    return (line - 1, group_at, unit_at) if named and is_unit_heading(grid[line][unit_at]) else None


def catalogue_below(grid, first: int, codes: GroupCodes) -> GroupUnits | None:
    """The catalogue set under a roster whose people start at row `first` (0-based): its title line, header and
    lines are the rows to take out of the roster."""
    for at in range(first + 1, len(grid)):
        captioned = _captioned(grid, at, codes)
        if captioned:
            found = GroupUnits(source="")
            end = _lines(grid, *captioned, codes, found)
            if found.units:
                found.source = f"bảng «{clean_text(grid[at][_filled(grid[at])[0]])}» ở dòng {at + 1}–{end}"
                found.rows = list(range(at, end))
                return found
        columns = _header(list(grid[at]))
        if columns is None:
            continue
        found = GroupUnits(source="")
        end = _lines(grid, at, *columns, codes, found)
        if not found.units:
            continue
        titles = [(row, text) for row, text in caption_rows(grid, at, first + 1)[:1] if _is_title(text)]
        top = titles[0][0] if titles else at
        shown = f"«{titles[0][1]}» " if titles else ""
        found.source = f"bảng {shown}ở dòng {top + 1}–{end}"
        found.rows = list(range(top, end))
        return found
    return None


def _is_title(text: str) -> bool:
    """A line over the catalogue that titles it, not a note or legend left above it ('Ghi chú: …', 'Đ1, Đ2… : …')."""
    return not (fold(text).startswith(NOTE_PREFIXES) or is_legend_text(text) or is_role_legend(text)
                or group_code_notes([[text]]))
