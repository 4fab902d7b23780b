"""One fact spread over several columns under a common header, read back into one column before the rows are
built: a birth date under 'Năm sinh' split into 'Nam | Nữ' (whichever is filled), a status given by an 'x' in
one of 'Có mặt | Vắng mặt: Có lý do, Không lý do | Đi muộn' (the column's own wording says which status).

A sub-column naming the former value ('Đoàn công tác' over 'Số mới | Số cũ (trước 01/7/2025)') is no part of the
fact: the field reads the other sub-columns only, and the former one stays unused (and is reported as such)."""

import re
from collections.abc import Callable

import numpy as np

from .column_types import are_date_parts
from .flag_marks import flag_wording, legend_status
from .former_labels import is_former_label
from .kinds import FieldSpec
from .kinds.subtotals import is_counts_line, is_subtotal_name
from .legends import meaning_to_status
from .mapping import match_field
from .normalising import fold, is_blank
from .results import Column, Table
from .role_words import are_role_headings
from .signature_titles import is_closing_text, is_signature_row
from .status_phrases import EXEMPT, is_flag_column, status_of_reason
from .ticks import mostly_ticks


def _blank(values: np.ndarray) -> np.ndarray:
    as_text = np.array([("" if v is None else str(v)).strip() for v in values], dtype=object)
    return as_text == ""


def _groups_under_parents(table: Table, columns: list[Column]) -> dict[str, list[Column]]:
    """Columns whose label differs from the header above them, by that upper header."""
    groups: dict[str, list[Column]] = {}
    for column in columns:
        parent = table.parents[column.index] if column.index < len(table.parents) else ""
        if parent and fold(parent) != fold(column.header) and not column.month:
            groups.setdefault(parent, []).append(column)
    return groups


def coalesce_split_fields(grid: np.ndarray, table: Table, columns: list[Column], specs: tuple[FieldSpec, ...]) -> None:
    """A field named by an upper header over sub-columns that name nothing ('Năm sinh' over 'Nam | Nữ') reads
    from whichever sub-column is filled; the first sub-column carries the field."""
    body = slice(table.body_start, table.body_end)
    for parent, group in _groups_under_parents(table, columns).items():
        field = match_field(parent, specs)
        members = {column.index for column in group}
        elsewhere = {column.field for column in columns if column.field and column.index not in members}
        # the first sub-column may already carry the field (a confirmed mapping names one column per field)
        if are_date_parts([column.header for column in group]) or are_role_headings([c.header for c in group]):
            continue  # day | month | year, or a tick under one role: read by kinds.date_parts, kinds.roster_columns
        if mostly_ticks(grid[body, [column.index for column in group]].ravel(), 0.5):
            continue  # a tick under one of several units is no unit: read by kinds.unit_marks
        if field is None or field in elsewhere or len(group) < 2:
            continue
        group = [column for column in group if not is_former_label(column.header)] or group
        if group[0].field not in (None, field) or any(column.field for column in group[1:]):
            continue
        first = group[0].index
        merged = grid[body, first].copy()
        for column in group[1:]:
            values = grid[body, column.index]
            fill = _blank(merged) & ~_blank(values)
            merged[fill] = values[fill]
        grid[body, first] = merged
        group[0].field = field
        table.consumed.update(column.index for column in group[1:])


_ASKS_REASON = re.compile(r"\b(?:ghi|neu)(?: ro)? ly do\b")


def _asks_reason(wording: str) -> bool:
    """A status column whose heading asks for the reason ('Vắng có lý do (ghi rõ lý do)'): a reason written in it
    marks that status as a tick would."""
    return bool(_ASKS_REASON.search(fold(wording)))


# The wording a reason cell's own words give its row (a reason column's "Không lý do" is an absence without one).
_REASON_WORDINGS = {"absent": "Vắng không lý do", EXEMPT: "Miễn sinh hoạt"}


def _read_reasons(status: np.ndarray, cells: np.ndarray, marked: np.ndarray) -> None:
    """In a column asking for the reason of an absence ("Vắng (ghi rõ lý do)"), a cell that says there is none
    ("Không lý do", "Không phép") or an exemption is read as what it says, not as a reason."""
    for at in np.flatnonzero(marked):
        said = status_of_reason(cells[at])
        if said != "excused":
            status[at] = _REASON_WORDINGS.get(said, status[at])


_MINUTES = re.compile(r"^\d{1,3} ?(?:p|ph|phut)?$")


def _is_minutes(cell) -> bool:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return float(cell).is_integer() and 0 < cell < 1000
    return isinstance(cell, str) and _MINUTES.match(fold(cell)) is not None


def _minutes(wording: str, cells: np.ndarray) -> bool:
    """A lateness column giving the minutes late ('Đi muộn (phút)' over 10, 15, '20p'): a number marks it."""
    filled = [cell for cell in cells if not is_blank(cell)]
    return meaning_to_status(wording) == "late" and bool(filled) and all(map(_is_minutes, filled))


def _person_rows(rows: np.ndarray, columns: list[Column]) -> np.ndarray:
    """Per body row: it names a person and a meeting date, not the footer. A blank date under a dated row of the
    same run of named rows is the meeting above (its date written on the meeting's first row only, a merge lost on
    saving; whether it is taken is decided with the records, ``kinds.merged_dates``), so every row of a meeting
    reads its marks alike; a subtotal, counts line or signature row there is no person."""
    named = np.ones(len(rows), dtype=bool)
    names = [column.index for column in columns if column.field == "full_name"]
    for index in names:
        named &= ~_blank(rows[:, index])
    positions = np.arange(len(rows))
    last_break = np.maximum.accumulate(np.where(named, -1, positions)) if len(rows) else positions
    for column in columns:
        if column.field != "date":
            continue
        dated = ~_blank(rows[:, column.index])
        last_dated = np.maximum.accumulate(np.where(dated, positions, -1)) if len(rows) else positions
        below = np.flatnonzero((last_dated > last_break) & ~dated & named)
        others = [_not_a_person(rows[at], names) for at in below]
        dated[below[~np.array(others, dtype=bool)]] = True
        named &= dated
    return named


def _not_a_person(row: np.ndarray, names: list[int]) -> bool:
    """A subtotal ('Cộng', 'Tổng số'), a counts line or the signature block, among a register's person rows."""
    filled = [cell for cell in row if not is_blank(cell)]
    return is_counts_line(filled) or is_signature_row(filled) or any(map(is_closing_text, filled)) \
        or any(is_subtotal_name(row[index]) for index in names)


def coalesce_status_flags(grid: np.ndarray, table: Table, columns: list[Column],
                          legend: dict | Callable[[], dict] | None = None) -> None:
    """Two or more columns each standing for a status ('Có mặt', 'Vắng mặt — Có lý do', 'Đi muộn'): the status of
    a row is the wording of the column its mark is in (the first one; a late tick beside a present one, "đến muộn
    thì tích thêm ô Muộn", is late), read into the first such column as the 'status' field; a
    mark the file's `legend` explains ('M' in 'Có mặt', 'P' in 'Vắng') is kept, to be read through the legend
    (``importers.flag_marks``); `legend` may be a function giving it, called only when there are such columns."""
    flags, body = [], slice(table.body_start, table.body_end)
    named = _person_rows(grid[body], columns)
    for column in columns:
        if column.month or (column.field and column.field != "status"):
            continue
        parent = table.parents[column.index] if column.index < len(table.parents) else ""
        wording = flag_wording(parent, column.header)
        cells = grid[body, column.index][named]
        if meaning_to_status(wording) and (is_flag_column(cells) or _asks_reason(wording) or _minutes(wording, cells)):
            flags.append((column, wording))
    if len({meaning_to_status(wording) for _, wording in flags}) < 2:
        return
    legend = legend() if callable(legend) else legend
    status = np.full(table.body_end - table.body_start, None, dtype=object)
    said = np.full(len(status), None, dtype=object)  # the status of the wording each row holds
    for column, wording in flags:
        meaning = meaning_to_status(wording)
        filled = ~_blank(grid[body, column.index]) & named  # not the footer
        over_present = np.equal(said, "present") if meaning == "late" else False  # late ticked beside present
        marked = filled & (np.equal(status, None) | over_present)
        status[marked] = wording
        said[marked] = meaning
        if _asks_reason(wording):
            _read_reasons(status, grid[body, column.index], marked)
        cells = grid[body, column.index]
        for at in np.flatnonzero(marked) if legend else ():
            if legend_status(cells[at], legend, wording):
                status[at] = cells[at]
    for column in columns:
        if column.field == "status":
            column.field = None
    first = flags[0][0]
    grid[body, first.index] = status
    table.consumed.update(column.index for column, _ in flags)
    first.field = "status"
