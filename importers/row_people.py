"""Rosters kept one row per unit with two people or more on the row, each in a block of columns under a label of
the header's upper row: "STT | Chi bộ | Đoàn | Đồng chí phụ trách (Họ và tên | Chức vụ | Vai trò | Điện thoại) |
Cán bộ liên lạc (Họ và tên | Chức vụ | Điện thoại) | Ghi chú". Every block holds one name column; the columns
outside the blocks (the unit, the group, the note) belong to the row, so to every person on it.

Before the table is looked for, such a sheet is rewritten as one row per person: the row's own columns stay where
they are, the first block's columns take each block's cells by label (a label only a later block has keeps that
block's column), the later blocks' columns are emptied. A person on several rows (one liaison following two chi
bộ) gives one record per row, as the roster does for one person listed under two units.

A unit column outside the blocks names the unit the row's people follow (the row is the unit's, not a person's):
a bare "Chi bộ" there, which a roster otherwise leaves unread (it may be a member's own cell), is read as the unit
followed. A block without a role column takes its role from the block's label when that is a role ("Thành viên"),
else from a note line saying what the block's people are ("Cán bộ liên lạc là thành viên của Đoàn …", "(vai trò:
thành viên)"), said as an inference; with neither, the rows are left without a role and the usual reading warns
for each."""

import re
from typing import Any

from .abbreviations import is_role_legend
from .context import ROLE_WORDS, read_context
from .kinds import roster
from .legends import is_legend_text
from .locating import HEADER_SCAN_ROWS, fill_vertical_merges, find_header, is_stop_text
from .mapping import column_letter, match_field
from .normalising import clean_text, fold, is_blank, normalise_role
from .results import SheetData

KEY_FIELDS = ("full_name",)
LABEL_SHARE = 0.75  # share of the blocks' labels that must read as fields
FOLLOWED_LABEL = "Chi bộ được phân công theo dõi"  # read as the unit followed (importers.followed_units)
ROLE_LABEL = "Nhiệm vụ trong đoàn"
_UNIT_LABEL = re.compile(r"^(?:ten\s+)?(?:chi bo|dang bo|to chuc dang|to chuc co so dang|co so dang)$")
# what a note says a block's people are: "… là thành viên …", "(vai trò: thành viên)"
_NOTE_ROLE = re.compile(rf"\b(?:la|vai tro\s*:?|nhiem vu\s*:?)\s+(?P<role>{ROLE_WORDS})\b")
ROLE_NAMES = {"head": "Trưởng đoàn", "deputy": "Phó Trưởng đoàn", "member": "Thành viên"}
ROLE_WHAT = "Nhiệm vụ trong đoàn của «{label}»"
NOTE_ROLE = "ghi chú dòng {row}: «{text}»"
TITLE_ROLE = "tiêu đề cột {letter}"
NO_ROLE = ("{count} người ở nhóm cột «{label}» (từ cột {letter}) không có cột nhiệm vụ trong đoàn, ghi chú cũng "
           "không nói rõ; hãy kiểm tra nhiệm vụ của họ")


def _label(cell: Any) -> str:
    return fold(clean_text(cell) or "") if isinstance(cell, str) else ""


def _blocks(upper: list[str], lower: list[str], specs) -> list[list[int]] | None:
    """The columns of each person block: a run of columns under one upper label (written in its first column,
    blank over the others as a merge leaves it), each with a label of its own below, holding one name column.
    None unless there are two blocks or more and every run with a name column holds exactly one."""
    runs: list[list[int]] = []
    current: list[int] | None = None
    for col, (top, bottom) in enumerate(zip(upper, lower)):
        if top and bottom and top != bottom:
            current = [col]
            runs.append(current)
        elif not top and bottom and current is not None:
            current.append(col)
        else:
            current = None
    blocks = []
    for run in runs:
        names = [col for col in run if match_field(lower[col], specs) in KEY_FIELDS]
        if len(names) > 1:
            return None
        if names:
            blocks.append(run)
    return blocks if len(blocks) >= 2 else None


def _all_labels(row: list[Any], blocks: list[list[int]], specs) -> bool:
    """Whether the blocks' cells of `row` are header labels, not a person's values: text, most of it read as a
    field."""
    cells = [row[col] for block in blocks for col in block]
    if not all(isinstance(cell, str) for cell in cells):
        return False
    known = sum(1 for cell in cells if match_field(_label(cell), specs) is not None)
    return known >= LABEL_SHARE * len(cells)


def _row_columns(upper: list[str], lower: list[str], blocks: list[list[int]], specs) -> bool:
    """Whether the columns outside the blocks are the row's: each with one label for both header rows (merged
    down, or written in the upper row only), one of them at least read as a field (the unit, the group, the
    number); a lower row with values of its own there is a person's row, not the header's, and blocks with nothing
    beside them are tables set side by side (``importers.side_blocks``)."""
    inside = {col for block in blocks for col in block}
    outside = [col for col in range(len(lower)) if col not in inside]
    return all(not lower[col] or lower[col] == upper[col] for col in outside) \
        and any(upper[col] and match_field(upper[col], specs) is not None for col in outside)


def _titles_no_block(upper: list[Any], blocks: list[list[int]]) -> bool:
    """Whether no block's upper label is a title naming a group or a unit ("ĐOÀN CÔNG TÁC SỐ 1", "Phụ trách: Đảng
    bộ xã A"): such blocks are tables side by side, each its own group's or unit's (``importers.side_blocks``)."""
    return not any({"group", "unit"} & set(read_context(upper[block[0]]) or {}) for block in blocks)


def _body_end(rows: list[list[Any]], start: int) -> int:
    """The first row of a legend, a total or the signature: the rows from there on are kept as they are."""
    for number in range(start, len(rows)):
        if any(is_legend_text(cell) or is_role_legend(cell) or is_stop_text(cell) for cell in rows[number]):
            return number
    return len(rows)


def note_role(rows: list[list[Any]], label: str, start: int) -> tuple[str, int, str] | None:
    """(role, 1-based row, text) of the one note line from `start` saying what the people under `label` are
    ("Cán bộ liên lạc là thành viên của Đoàn công tác …"); None when no line or lines that disagree say so."""
    found = {}
    for number in range(start, len(rows)):
        for cell in rows[number]:
            text = clean_text(cell) if isinstance(cell, str) else None
            folded = fold(text or "")
            at = folded.find(label) if label else -1
            if at < 0:
                continue
            for sentence in re.split(r"(?<=[.;])\s+", folded[at:])[:1]:
                for match in _NOTE_ROLE.finditer(sentence):
                    role = normalise_role(match.group("role"))[0]
                    if role:
                        found.setdefault(role, (number + 1, text))
    if len(found) != 1:
        return None
    role, (row, text) = next(iter(found.items()))
    return role, row, text


def _report(sheet: SheetData, entry: tuple) -> None:
    if entry not in sheet.found:  # a book read once is parsed again for the preview
        sheet.found.append(entry)


def _title_role(text: str) -> str | None:
    """The role an upper label names on its own ("Thành viên", "Phó Trưởng đoàn")."""
    facts = read_context(text) or {}
    return facts.get("role") if set(facts) == {"role"} else None


def row_people(sheet: SheetData, specs) -> bool:
    """Rewrite a sheet of one row per unit with person blocks side by side as one row per person; True when it
    was one."""
    rows = sheet.rows
    found = find_header(rows[:HEADER_SCAN_ROWS], specs) if rows else None
    if found is None:
        return False
    first, last, _ = found
    bottoms = [bottom for (top, _), (bottom, _) in sheet.merges if first <= top <= last and bottom > last]
    last = min(max(bottoms), first + 2) if bottoms else last
    width = max(len(row) for row in rows)
    grid = [list(row) + [None] * (width - len(row)) for row in rows]
    fill_vertical_merges(grid, sheet.merges)
    # a header found on one row (no merges) is the upper labels over the row below, or the labels under the row above
    pairs = [(first, last)] if last > first else [(first, first + 1), (first - 1, first)]
    for top, bottom in pairs:
        if top < 0 or bottom >= len(grid):
            continue
        upper = [_label(cell) for cell in grid[bottom - 1]]
        lower = [_label(cell) for cell in grid[bottom]]
        blocks = _blocks(upper, lower, specs)
        if blocks is not None and _all_labels(grid[bottom], blocks, specs) \
                and _row_columns(upper, lower, blocks, specs) and _titles_no_block(grid[bottom - 1], blocks):
            first, last = top, bottom
            break
    else:
        return False
    inside = {col for block in blocks for col in block}
    fields = {col: match_field(lower[col], specs) for col in inside}
    # each block's columns by label, laid out in the first block's columns (a label of a later block only: its own)
    place: dict[str, int] = {}
    for block in blocks:
        for col in block:
            place.setdefault(lower[col], col)
    written = {lower[col]: grid[last][col] for col in inside}
    role_cols = [next((col for col in block if fields[col] == "role"), None) for block in blocks]
    roles: list[str | None] = []
    role_at = next((col for col in role_cols if col is not None), None)
    extra = role_at is None
    end = _body_end(grid, last + 1)
    for block, role_col in zip(blocks, role_cols):
        if role_col is not None:
            roles.append(None)
            continue
        title = grid[last - 1][block[0]]
        label = clean_text(title) or ""
        role = _title_role(label)
        if role is not None:
            roles.append(role)
            _report(sheet, ("inference", last, column_letter(block[0]), "role", role,
                            {"what": ROLE_WHAT.format(label=label), "value": ROLE_NAMES.get(role, role),
                             "source": TITLE_ROLE.format(letter=column_letter(block[0]))}))
            continue
        noted = note_role(grid, _label(title), end if end < len(grid) else last + 1)
        if noted is None:
            noted = note_role(grid, _label(title), last + 1)
        if noted is not None:
            roles.append(noted[0])
            _report(sheet, ("inference", noted[1], None, "role", noted[0],
                            {"what": ROLE_WHAT.format(label=label), "value": ROLE_NAMES.get(noted[0], noted[0]),
                             "source": NOTE_ROLE.format(row=noted[1], text=noted[2])}))
            continue
        roles.append(None)
        count = sum(1 for row in grid[last + 1:end] for col in block
                    if fields[col] in KEY_FIELDS and not is_blank(row[col]))
        _report(sheet, ("warning", last + 1, column_letter(block[0]), "role", None,
                        NO_ROLE.format(count=count, label=label, letter=column_letter(block[0]))))
    out_width = width + (1 if extra and any(roles) else 0)
    role_target = role_at if role_at is not None else (width if any(roles) else None)

    def person(row: list[Any], index: int) -> list[Any] | None:
        block = blocks[index]
        if all(is_blank(row[col]) for col in block if fields[col] in KEY_FIELDS):
            return None
        line = [None if col in inside else row[col] for col in range(width)] + [None] * (out_width - width)
        for col in block:
            line[place[lower[col]]] = row[col]
        if roles[index] is not None and role_target is not None:
            line[role_target] = roles[index]
        return line

    out = [list(row) + [None] * (out_width - width) for row in grid[:first]]
    for number in range(first, last + 1):
        line = [None if col in inside else grid[number][col] for col in range(width)] + [None] * (out_width - width)
        if number == last:
            for label, col in place.items():
                line[col] = written[label]
            if extra and any(roles):
                line[width] = ROLE_LABEL
        out.append(line)
    for col in range(width):
        if col not in inside and _UNIT_LABEL.match(lower[col] or upper[col]) and match_field(
                lower[col] or upper[col], roster.FIELDS) is None:
            for line in out[first:last + 1]:
                if not is_blank(line[col]):
                    line[col] = FOLLOWED_LABEL
    for row in grid[last + 1:end]:
        people = [line for index in range(len(blocks)) if (line := person(row, index)) is not None]
        kept = set(place.values())
        out += people or [[None if col in inside and col not in kept else cell for col, cell in enumerate(row)]
                          + [None] * (out_width - width)]
    out += [list(row) + [None] * (out_width - width) for row in grid[end:]]
    sheet.rows = out
    sheet.merges = []
    return True
