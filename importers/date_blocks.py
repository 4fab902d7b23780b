"""Registers kept one block per meeting: the header once, then for each session a row stating its date ("II.
Phiên giao ban Thứ Hai, ngày 09/06/2025"), its people with their marks, and often a "Cộng: 12 đồng chí" row.
Some keep one table per meeting instead: the date caption ("Kỳ họp ngày 05/01/2026 - …") over each block and the
header repeated under it; the first caption then sits above the header, and a repeated header is one more block
row. A repeated header with no caption next to it (a page header inside a block, or a block whose date is not
stated) leaves the sheet to the usual reading: its rows' meeting is not known.

Before the table is looked for, such a sheet gets a meeting-date column at the right, each person's row dated by
the block row above it; the block rows and the block totals are emptied (rows keep their place). It is done only
when the header names no date column, a column holds attendance marks, and every block total agrees with the rows
of its block: otherwise the sheet is left as it is and read (and reported) the usual way."""

import datetime as dt
import re
from functools import partial
from typing import Any

from .block_totals import block_total, total_agrees
from .caption_units import mentions_unit, unit_in_caption, unit_line
from .date_words import full_year
from .kind_votes import status_like
from .kinds import attendance
from .legacy import decode_legacy
from .legends import parse_legend
from .locating import HEADER_SCAN_ROWS, find_header, find_legend, is_stop_text
from .mapping import column_letter, match_field
from .normalising import clean_text, fold, is_blank, marks_table, month_of_header
from .paperwork_remarks import without_paperwork_remark
from .results import SheetData

CAPTION_GAP = 2  # rows between the first block's date caption and the header (blank spacers)
MATCH_SHARE = 0.8  # share of the header's labels a row must repeat, column for column, to be a repeated header

DATE_LABEL = "Ngày sinh hoạt"
UNIT_LABEL = "Chi bộ"
# the year written in full or with two digits ('Buổi 6 - 05/6/25'); folded, so '/', '-' and '.' are spaces
_DATE = re.compile(r"\b(?:ngay )?(\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d{2}|\d{2}(?! \d))\b")
# a row opening a meeting's block by its number ('Buổi 6 - …', 'Lần 2: …', 'Kỳ họp thứ 3 …')
_OPENS_MEETING = re.compile(r"^(?:(?:sh|sinh hoat|hop) )?(?:lan|buoi|phien|ky(?: hop| sinh hoat)?)(?: thu)? \d{1,2}\b")
UNREAD_UNITS = ("dòng tiêu đề kỳ sinh hoạt «{text}» có tên một tổ chức đảng, nhưng chi bộ của từng kỳ chưa được đọc "
                "({read}/{count} dòng tiêu đề kỳ ghi rõ một chi bộ) — xin kiểm tra và ghi chi bộ cho các dòng của "
                "từng kỳ trước khi nhập")


def _caption_text(row: list[Any]) -> str:
    """The one text of a caption row (decoded from TCVN3/VNI)."""
    return decode_legacy(next(clean_text(cell) for cell in row if isinstance(cell, str) and clean_text(cell)))


def _block_date(row: list[Any], key: int) -> dt.date | None:
    """The date a block row states: one text (merged across the row) holding exactly one full date; a date in a
    remark about the paperwork ("1. Chi bộ Khu 3 (sổ gửi ngày 02/01/2026)") is none
    (``importers.paperwork_remarks``)."""
    texts = {clean_text(cell) for cell in row if not is_blank(cell)}
    if len(texts) != 1 or not isinstance(next(iter(texts)), str):
        return None
    if key < len(row) and not is_blank(row[key]) and clean_text(row[key]) not in texts:
        return None
    text = fold(without_paperwork_remark(decode_legacy(next(iter(texts)))))  # TCVN3/VNI is decoded later
    found = _DATE.findall(_OPENS_MEETING.sub("", text, count=1))  # 'Buổi 1 - 05/06/25': the 1 is no day
    if len(found) != 1:
        return None
    try:
        return dt.date(full_year(found[0][2], None), int(found[0][1]), int(found[0][0]))
    except ValueError:
        return None


def _unread_caption(row: list[Any], key: int) -> bool:
    """A row opening a meeting's block ('Buổi 6 - …', one text across the row, the name cell blank) whose date
    does not read: its rows must not take the block above's date, and are refused naming it."""
    texts = {clean_text(cell) for cell in row if not is_blank(cell)}
    if len(texts) != 1 or not isinstance(next(iter(texts)), str) or (key < len(row) and not is_blank(row[key])):
        return False
    return _OPENS_MEETING.match(fold(decode_legacy(next(iter(texts))))) is not None


def _labels(row: list[Any]) -> list[str]:
    return [fold(clean_text(cell) or "") if isinstance(cell, str) else "" for cell in row]


def _repeats(row: list[Any], headers: list[list[str]]) -> bool:
    """The row repeats one of the header's rows, label for label in the same columns, and holds nothing else."""
    return any(_repeats_row(row, header) for header in headers)


def _repeats_row(row: list[Any], header: list[str]) -> bool:
    labelled = [index for index, label in enumerate(header) if label]
    cells = _labels(row)
    same = sum(1 for index in labelled if index < len(cells) and cells[index] == header[index])
    extra = any(not is_blank(cell) and (index >= len(header) or not header[index]) for index, cell in enumerate(row))
    return len(labelled) >= 2 and same >= MATCH_SHARE * len(labelled) and not extra


def _caption_above(rows: list[list[Any]], first: int, key: int) -> tuple[list[int], dt.date, str | None] | None:
    """The first block's date caption right above the header (blank rows between, or the caption's unit line), as
    (its rows, date, unit)."""
    lines, unit = [], None
    for number in range(first - 1, max(first - 1 - CAPTION_GAP - 1, -1), -1):
        if all(is_blank(cell) for cell in rows[number]):
            continue
        stated = _block_date(rows[number], key)
        if stated:
            return [number, *lines], stated, unit_in_caption(_caption_text(rows[number])) or unit
        unit = None if lines else unit_line(rows[number])
        if unit is None:
            return None
        lines.append(number)
    return None


def _decoded(rows: list[list[Any]]) -> list[list[Any]]:
    """A copy of the rows with TCVN3/VNI text decoded (the sheet itself is decoded later)."""
    return [[decode_legacy(cell) if isinstance(cell, str) else cell for cell in row] for row in rows]


def date_blocks(sheet: SheetData, specs) -> bool:
    """Date every person's row of a register kept one block per meeting; True when the sheet was one."""
    rows = sheet.rows
    top = _decoded(rows[:HEADER_SCAN_ROWS])
    found = find_header(top, specs) if rows else None  # a TCVN3/VNI header is decoded later; it is read now
    if found is None:
        return False
    last = found[1]
    labels = [clean_text(cell) if isinstance(cell, str) else "" for cell in top[last]]
    fields = [match_field(label or "", attendance.FIELDS) for label in labels]
    if "full_name" not in fields or "date" in fields or any(month_of_header(label or "") for label in labels):
        return False
    key = fields.index("full_name")
    plan, day, block, seen_block, checks = {}, None, [], False, []
    headers = [_labels(row) for row in top[found[0]:last + 1]]
    captioned, uncaptioned = False, False  # a caption read since the block's last person; a header without one
    inside = 0  # captions below the header: a lone date over the header is one meeting's title, no block
    units, block_units, unit = {}, [], None  # the unit each caption names (kinds: caption_units)
    captions = []  # (row, text) of each caption, beside block_units
    above = _caption_above(_decoded(rows[:found[0]]), found[0], key)
    if above:
        plan.update(dict.fromkeys(above[0]))
        day, seen_block, captioned, unit = above[1], True, True, above[2]
        block_units.append(unit)
        captions.append((above[0][0], _caption_text(rows[above[0][0]])))
    for number in range(last + 1, len(rows)):
        row = rows[number]
        stated = _block_date(row, key)
        if stated:
            day, block, seen_block, captioned, uncaptioned = stated, [], True, True, False
            unit = unit_in_caption(_caption_text(row))
            block_units.append(unit)
            captions.append((number, _caption_text(row)))
            plan[number] = None
            inside += 1
            continue
        if seen_block and _unread_caption(row, key):  # its rows take the row's text: each one an error naming it
            day, block, captioned, uncaptioned = _caption_text(row), [], True, False
            plan[number] = None
            continue
        name = row[key] if key < len(row) else None
        if is_blank(name) and all(is_blank(cell) for cell in row):
            continue
        if seen_block and _repeats(_decoded([row])[0], headers):
            uncaptioned = not captioned
            plan[number] = None
            continue
        line = unit_line(_decoded([row])[0]) if captioned and not block and unit is None else None
        if line:
            unit = block_units[-1] = line
            plan[number] = None
            continue
        if uncaptioned:
            return False  # a repeated header with no date caption next to it: this block's meeting is unknown
        total = block_total(row)
        if total is not None and seen_block:
            checks.append((total, list(block)))
            plan[number] = None
            continue
        if is_blank(name) or is_stop_text(name):
            if any(is_stop_text(cell) for cell in row):
                break
            continue
        if day is not None:
            plan[number] = day
            units[number] = unit
            block.append(number)
            captioned = False
    dated = [number for number, day in plan.items() if day]
    if not seen_block or not dated or not inside:
        return False
    body = [rows[number] for number in dated]
    legend = find_legend(_decoded(rows[dated[-1] + 1:]) + top, 0)
    marks = marks_table(parse_legend(legend) if legend else None)
    statuses = [index for index in range(len(labels)) if index != key
                and status_like([row[index] if index < len(row) else None for row in body], marks)]
    agrees = partial(total_agrees, rows=rows, statuses=statuses, labels=labels, marks=marks)
    if not statuses or not all(agrees(total, block) for total, block in checks):
        return False  # no marks, or a block the rows do not match: read the usual way, with its errors
    # Every caption names its unit, and no column does: the unit column beside the date (a caption without one
    # leaves all rows to the usual reading of units, which tells when none is known).
    with_units = "unit" not in fields and bool(block_units) and all(block_units)
    if "unit" not in fields and not with_units:
        _report_unread_units(sheet, captions, block_units)
    width, extra = max(len(row) for row in rows), 2 if with_units else 1
    sheet.rows = [list(row) + [None] * (width + extra - len(row)) for row in rows]
    sheet.rows[last][width:width + extra] = [DATE_LABEL, UNIT_LABEL][:extra]
    for number, day in plan.items():
        if day is None:
            sheet.rows[number] = [None] * (width + extra)
        else:
            stated = day.isoformat() if isinstance(day, dt.date) else day  # an unread caption's text
            sheet.rows[number][width:width + extra] = [stated, units.get(number)][:extra]
    sheet.merges = [merge for merge in sheet.merges if merge[0][0] not in plan]
    return True


def _report_unread_units(sheet: SheetData, captions: list[tuple[int, str]], units: list[str | None]) -> None:
    """A warning when captions name party organisations whose units were not taken as the rows' units (some
    captions name none, or name one in a wording not read): the rows would otherwise lose them silently."""
    named = [(number, text) for (number, text), unit in zip(captions, units) if unit or mentions_unit(text)]
    if not named:
        return
    number, text = named[0]
    row = sheet.rows[number]
    letter = column_letter(next(index for index, cell in enumerate(row) if isinstance(cell, str) and cell.strip()))
    message = UNREAD_UNITS.format(text=text, read=sum(1 for unit in units if unit), count=len(captions))
    sheet.found.append(("warning", number + 1, letter, "unit", text, message))
