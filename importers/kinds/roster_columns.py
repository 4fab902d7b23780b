"""Roster column families read between row splitting and record building: a name split over columns, a birth
date in day | month | year columns, a role inside the name cell, group and role in one text, the mobile among
landline columns, a contact column of phone numbers, role abbreviations a note line defines, codes a lookup sheet
of the workbook explains, and a totals line among the rows.

Each reader changes the body's cells (or the facts carried onto its rows) so that the record builder reads the
result as it reads any roster; a row the readers cannot settle is refused with a message naming its cells."""

import re
from typing import Any

import pandas as pd

from ..abbreviations import role_abbreviations
from ..column_types import distinct_map, filled_count, share
from ..date_words import worded_date
from ..group_code_notes import GroupCodes
from ..normalising import fold, is_blank
from ..role_words import WORDING, dotted_role, strict_role
from .birth_in_name import births_from_names
from .birth_years import blank_birth_years
from .coded_columns import read_coded_columns
from .contact_phones import contact_phone_column
from .date_parts import join_birth_parts
from .group_role import number_only_groups, split_group_and_role
from .group_words import find_group_word_column
from .merged_unit import unit_from_merged_column
from .missing_cells import blank_missing_cells
from .name_parts import join_name_parts
from .note_values import read_note_values
from .phone_columns import read_phone_columns
from .role_in_name import roles_from_names, roles_from_positions
from .role_marks import read_role_marks
from .roster_stage import RosterStage
from .subtotals import counts_everyone, is_subtotal_name, stated_count
from .title_context import facts_from_title
from .unit_marks import read_unit_marks, ticks_are_no_unit
from .unit_tail import units_after_groups, units_after_roles
from .withdrawn import skip_withdrawn

TOTALS = re.compile(r"^(?:tong cong|tong so|tong|cong)(?:\s+(?:so|co))?(?:\s+(?P<n>\d{1,5}))?"
                    r"(?:\s+(?:dong chi|d c|dc|nguoi|thanh vien|dang vien|dv|ng))?$")


def _note_rows(rows: list[list[Any]], table) -> list[list[Any]]:
    """Rows that may hold a note line: those around the table, and lines of one filled cell inside its extent
    (a legend under the last person, after a blank line, is still inside a table that runs to the sheet's end)."""
    inside = [row for row in rows[table.body_start: table.body_end]
              if sum(not is_blank(cell) for cell in row) == 1]
    return rows[: table.body_start] + inside + rows[table.body_end:]


def read_roster_columns(body, table, columns, rows: list[list[Any]], issues, merges=(),
                        group_codes: GroupCodes | None = None, catalogues=(), inferences: list | None = None) -> None:
    """Apply the roster column families to a split body (see the module docstring); `catalogues` are the workbook's
    lookup sheets (``importers.code_catalogues``), what is read through them is added to `inferences`."""
    stage = RosterStage(
        body=body,
        table=table,
        columns=columns,
        rows=rows,
        issues=issues,
        abbreviations=role_abbreviations(_note_rows(rows, table)),
        merges=list(merges),
        group_codes=GroupCodes() if group_codes is None else group_codes,
    )
    _skip_repeated_headers(stage)
    _skip_totals(stage)
    _skip_labelled_totals(stage)
    read_coded_columns(stage, list(catalogues), inferences)
    skip_withdrawn(stage)
    blank_missing_cells(stage)
    join_name_parts(stage)
    join_birth_parts(stage)
    read_unit_marks(stage)
    unit_from_merged_column(stage)
    ticks_are_no_unit(stage)
    _read_worded_birth_dates(stage)
    blank_birth_years(stage)
    births_from_names(stage)
    read_phone_columns(stage)
    contact_phone_column(stage)
    read_note_values(stage)
    split_group_and_role(stage)
    units_after_roles(stage)
    units_after_groups(stage)
    find_group_word_column(stage)
    number_only_groups(stage)
    read_role_marks(stage)
    _find_role_column(stage)
    roles_from_names(stage)
    roles_from_positions(stage)
    facts_from_title(stage)
    _expand_role_abbreviations(stage)
    _check_stated_total(stage)
    stage.finish()


def is_totals_text(value: Any) -> bool:
    """'Tổng cộng: 17 đồng chí', 'Cộng', 'Tổng số 12 người', 'Cộng Đoàn I: 06 đồng chí': a line that counts the
    rows, not a person (a name opens with 'Tống' or 'Công', never with 'Tổng' or 'Cộng')."""
    return isinstance(value, str) and (TOTALS.match(fold(value)) is not None or is_subtotal_name(value))


def _skip_totals(stage: RosterStage) -> None:
    key = stage.mapped("full_name")
    if key is None or not len(stage.frame):
        return
    totals = distinct_map(stage.frame[key.index], is_totals_text).astype(bool)
    if totals.any():
        stage.skip(totals, "dòng tổng cộng")


_COUNT_CELL = re.compile(r"^\d{1,5}(?:\s*(?:dong chi|d c|dc|nguoi|thanh vien|dang vien|dv|ng))?$")


def _no_person(value: Any) -> bool:
    """A name cell of a totals line: a count ('29 đồng chí', 29) or the totals wording itself."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and (_COUNT_CELL.match(fold(value)) is not None or is_totals_text(value))


def _skip_labelled_totals(stage: RosterStage) -> None:
    """A totals line whose label stands in any other column ('Tổng cộng:' in the role column, the count of people
    in the name column): skipped like one labelled where the names go. A row with a person's name stays."""
    key = stage.mapped("full_name")
    if key is None or not len(stage.frame):
        return
    others = [index for index in stage.frame.columns if index != key.index]
    labelled = pd.Series(False, index=stage.frame.index)
    for index in others:
        labelled |= distinct_map(stage.frame[index], is_totals_text).fillna(False).astype(bool)
    if not labelled.any():
        return
    rows = labelled & distinct_map(stage.frame[key.index], _no_person).fillna(False).astype(bool)
    if rows.any():
        stage.skip(rows.to_numpy(), "dòng tổng cộng")


def _count_of(cell: Any) -> int | None:
    if not isinstance(cell, str):
        return None
    match = TOTALS.match(fold(cell))
    return int(match.group("n")) if match and match.group("n") else stated_count(cell)


def _stated_totals(stage: RosterStage, people: set[int]) -> list[tuple[int, int, bool]]:
    """(Excel row, N, counts everyone) of each totals line stating a count: among the rows, or just below them."""
    found = []
    end = min(len(stage.rows), stage.table.body_end + 3)
    for at in range(stage.table.body_start, end):
        if at + 1 in people:
            continue
        texts = [cell for cell in stage.rows[at] if isinstance(cell, str) and cell.strip()]
        counted = next(((cell, n) for cell in texts if (n := _count_of(cell)) is not None), None)
        if counted is not None:
            cell, n = counted
            found.append((at + 1, n, counts_everyone(cell) or not is_subtotal_name(cell)))
    return found


def _check_stated_total(stage: RosterStage) -> None:
    """Each stated count against the people rows it covers: a grand total all above it, a 'Cộng …' line those
    since the previous totals line."""
    people = {int(row) for row in stage.frame.index} | {
        outcome["row"] for outcome in stage.body.outcomes if outcome["outcome"] == "failed"}
    previous = 0
    for row, stated, everyone in _stated_totals(stage, people):
        start = 0 if everyone else previous
        counted = sum(1 for person in people if start < person < row)
        previous = row
        if stated != counted:
            stage.issues.warning(
                row,
                None,
                None,
                stated,
                f"dòng tổng cộng ghi {stated} người nhưng bảng có {counted} dòng người; "
                f"hãy kiểm tra có dòng nào bị bỏ sót hoặc đọc thừa",
            )


def _expand_role_abbreviations(stage: RosterStage) -> None:
    """Role cells written as an abbreviation ('TĐ', 'PTĐ', 'T.Đoàn', or one a note line defines) read as the role's
    wording."""
    column = stage.mapped("role")
    if column is None:
        return
    cells = stage.frame[column.index]

    def expand(value):
        if is_blank(value) or (fold(value) not in stage.abbreviations and dotted_role(value) is None):
            return value
        return WORDING[strict_role(value, stage.abbreviations)]

    expanded = distinct_map(cells, expand).where(cells.notna(), cells)
    if not expanded.equals(cells):
        stage.write(column, expanded)


def _read_worded_birth_dates(stage: RosterStage) -> None:
    """Birth dates written in words ('ngày 7 tháng 3 năm 1975') read as dates; other cells stay as typed."""
    column = stage.mapped("birth_date")
    if column is None:
        return
    cells = stage.frame[column.index]
    read = distinct_map(cells, lambda value: worded_date(value) or value).where(cells.notna(), cells)
    if not read.equals(cells):
        stage.write(column, read)


ROLE_COLUMN_SHARE = 0.8


def _find_role_column(stage: RosterStage) -> None:
    """An unnamed (or oddly named) column of role words or abbreviations ('TĐ', 'PTĐ', 'TV') is the role column when
    no column is named so and no sub-header row gives the roles."""
    if stage.mapped("role") is not None or stage.carried("role").notna().any():
        return
    for column in stage.columns:
        if column.field is not None or column.month or column.index not in stage.frame.columns:
            continue
        values = stage.frame[column.index]
        if (
            filled_count(values) >= 2
            and share(values, lambda v: strict_role(v, stage.abbreviations)) >= ROLE_COLUMN_SHARE
        ):
            column.field = "role"
            return


def _skip_repeated_headers(stage: RosterStage) -> None:
    """A printed report pasted back repeats the header row on every page: such rows are no people."""
    labelled = [
        column for column in stage.columns if column.header and not column.month and column.index in stage.frame.columns
    ]
    if len(labelled) < 2 or not len(stage.frame):
        return
    same = sum(_repeats_label(stage.frame[column.index], column.header) for column in labelled)
    repeated = same >= max(2, (len(labelled) + 1) // 2)
    if not repeated.any():
        return
    stage.skip(repeated, "dòng tiêu đề lặp lại")


def _repeats_label(values, header: str):
    """Per row, whether the cell repeats the column's header."""
    label = fold(header)
    return distinct_map(values, lambda value: fold(value) == label).fillna(False).astype(bool).to_numpy()
