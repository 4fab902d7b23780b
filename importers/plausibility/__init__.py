"""Plausibility: checks on the records a file gave and the table they came from, as warnings, so that a file read
wrongly never passes with no error and no warning ("never silently wrong", issue #19).

Pure and column-wise, like the other stages. `check_sheet` runs once per sheet read (the view holds its records,
table and cells); `finish` runs once on the whole result: the values the readers did not understand (one line per
distinct value with its count), a register whose sheets share their dates but no record has a unit, and the order
of the warnings by severity. "Today" is a parameter (the web app passes its clock's date); without it only what
needs no today is checked (birth dates against the file's stated year)."""

from collections import Counter

from ..normalising import fold
from .columns import flag_columns, unused_columns
from .duplicates import attendance_duplicates, roster_duplicates
from .findings import SURE, order, place, warning
from .leftovers import rows_after_table
from .records import birth_warnings, group_warnings, meeting_warnings, name_warnings, phone_warnings, uniform_warnings
from .units import (
    bracket_doubts,
    one_unit_among_blocks,
    unexplained_abbreviations,
    unit_value_warnings,
    unread_unit,
)
from .view import SheetView
from .year_order import year_order_warnings

__all__ = ["SheetView", "check_sheet", "finish"]

CHECKS = {
    "roster": (unused_columns, name_warnings, birth_warnings, phone_warnings, uniform_warnings, group_warnings,
               roster_duplicates, rows_after_table, one_unit_among_blocks, unit_value_warnings,
               unexplained_abbreviations, bracket_doubts),
    "attendance": (unused_columns, flag_columns, name_warnings, meeting_warnings, year_order_warnings,
                   attendance_duplicates, unread_unit, rows_after_table, one_unit_among_blocks, unit_value_warnings,
                   unexplained_abbreviations, bracket_doubts),
}
UNDERSTOOD_FIELDS = {"role": "nhiệm vụ trong đoàn", "status": "ký hiệu điểm danh"}


def check_sheet(view: SheetView) -> list[dict]:
    """The warnings of one sheet's records and table (each aggregated: one line for many cells)."""
    found = []
    for check in CHECKS.get(view.kind, ()):
        found += check(view)
    return found


def not_understood(result) -> list[dict]:
    """One warning per distinct role or mark value the readers could not read, with its count and first cells."""
    seen: dict[tuple, list[dict]] = {}
    headers = {column.letter: column.header for column in result.columns}
    for error in result.errors:
        if error.get("field") in UNDERSTOOD_FIELDS and error.get("value") is not None \
                and fold(error["value"]) != fold(headers.get(error.get("column"))):  # not a repeated header row
            seen.setdefault((error["sheet"], error["field"], error["value"]), []).append(error)
    found = []
    for (sheet, field_name, value), errors in seen.items():
        letters = Counter(error["column"] for error in errors)
        letter = letters.most_common(1)[0][0] if len(letters) == 1 else None
        where = place(sheet, letter, headers.get(letter)) if letter else place(sheet, None, None)
        refs = ", ".join(f"{e['column'] or ''}{e['row']}" for e in errors[:3]) + ("…" if len(errors) > 3 else "")
        message = (f"{where}: {UNDERSTOOD_FIELDS[field_name]} «{value}» không đọc được, ở {len(errors)} ô ({refs}) "
                   f"— các dòng này chưa được nhập")
        found.append(warning(sheet, errors[0]["row"], errors[0]["column"], field_name, value, message, SURE))
    return found


def sheets_without_unit(result) -> list[dict]:
    """A register read from several sheets that cover the same meetings, with no unit on any record: each sheet
    is likely one chi bộ, and which one was lost."""
    frame, rows = result.frame, result.row_frame
    if result.kind != "attendance" or len(result.sheets) < 2 or not len(frame) or frame["unit"].notna().any() \
            or rows is None or "sheet" not in rows.columns:
        return []
    sheet_of = rows["sheet"].repeat(rows["record_count"].astype(int)).to_numpy()
    if len(sheet_of) != len(frame):
        return []
    dates = frame["date"].astype(str).to_numpy()
    per_sheet = [set(dates[sheet_of == name]) for name in result.sheets]
    if not any(a & b for i, a in enumerate(per_sheet) for b in per_sheet[i + 1:]):
        return []  # one sheet per period: the unit may well be absent from the whole register
    names = ", ".join(f"«{name}»" for name in result.sheets)
    message = (f"Các trang {names} được đọc thành một sổ, cùng các buổi sinh hoạt, nhưng không bản ghi nào có chi bộ "
               f"— mỗi trang có thể là một chi bộ; hãy ghi chi bộ cho từng trang")
    return [warning(None, None, None, "unit", None, message, SURE)]


HEADLESS = ("{group}: {count} người, không ai được đọc là trưởng đoàn — mỗi đoàn có một trưởng đoàn; nếu tệp ghi "
            "nhiệm vụ cách khác (màu ô, chữ in đậm, một cột hay một ghi chú chưa dùng), hãy chọn cột nhiệm vụ hoặc "
            "sửa nhiệm vụ trong bảng xem trước")


def headless_groups(result) -> list[dict]:
    """A roster's group of several people none of whom is its head: every working group has one, so the roles
    were not read (given by a cell's colour or bold type, or in a column no field uses) and all fell to
    'member'. A role column that says 'Thành viên' for everyone was read: a list of members only is the file's
    word."""
    frame = result.frame
    if result.kind != "roster" or not len(frame) or not {"group", "role"} <= set(frame.columns) \
            or any(column.field == "role" for column in result.columns):
        return []
    found = []
    groups = frame["group"].astype(object).where(frame["group"].notna(), None)
    for group, roles in frame["role"].groupby(groups.fillna(""), sort=False):
        if len(roles) >= 2 and not (roles == "head").any():
            label = f"«{group}»" if group else "Các dòng không có đoàn"
            found.append(warning(None, None, None, "role", None,
                                 HEADLESS.format(group=label, count=len(roles)), SURE))
    return found


def finish(result) -> None:
    """Add the whole-result warnings and put every warning in order of severity (in place)."""
    result.warnings = order(not_understood(result) + sheets_without_unit(result) + headless_groups(result)
                            + result.warnings)
