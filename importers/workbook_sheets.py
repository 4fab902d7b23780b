"""Which sheets of a workbook to read: one table spread over several sheets (a sheet per group, per cell, per
month) is read as one; a summary or a copy repeating the others' meetings is left out (``importers.repeated_tabs``),
and so are a roster's sheets of earlier years (``importers.year_versions``); a data sheet with another table is named
in a warning rather than dropped without a word."""

import re
from dataclasses import dataclass, field

from .code_catalogues import is_catalogue
from .count_summaries import is_count_summary, summary_warning
from .kinds import KEY_FIELDS
from .mapping import match_field
from .normalising import fold, is_blank, month_of_header
from .repeated_tabs import repeated_tabs
from .results import SheetData, Table
from .sheet_context import tab_facts
from .year_versions import LATEST_SOURCE, latest_year, lists_meetings, sheet_year

# Tab names of a time period ("Quý 1", "Năm 2024", "Đợt 2", "6 tháng đầu năm"): sheets split by time, not by unit.
_PERIOD_TAB = re.compile(r"^(?:quy|q|nam|dot|hk|ky|thang|\d+ thang)\b|\b(?:19|20)\d{2}\b")


@dataclass
class SheetPlan:
    """The sheets to read as one table (empty: only the chosen one) and the notes about the others; `other` holds
    the data sheets with a table of their own (another layout or kind), in workbook order, which `notes` names
    unless they are read after all (``importers.layout_sheets``)."""

    read: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reading: list[str] = field(default_factory=list)  # the sheets of the chosen table (the chosen one at least)
    other: list[str] = field(default_factory=list)
    source: str | None = None  # why these sheets, when not all of the table's (``importers.year_versions``)

    def notes(self, left: list[str] | None = None) -> list[str]:
        """The warnings about the sheets left out: `left` (all of `other` by default) named as another table."""
        left = self.other if left is None else left
        return self.warnings + ([other_tables_warning(self.reading, left)] if left else [])


def other_tables_warning(reading: list[str], names: list[str]) -> str:
    """The warning naming the data sheets with another table, not read."""
    listed = ", ".join(f"\"{name}\"" for name in names)
    return (f"Chỉ đọc {', '.join(repr_name(n) for n in reading)}; trang {listed} có bảng khác, không được đọc — nếu "
            "cần, hãy nhập riêng hoặc chọn trang.")


def _layout(table: Table) -> tuple:
    """The header as written, month and date columns counted as such."""
    return tuple("<month>" if month_of_header(label, parent) else fold(label)
                 for label, parent, day in zip(table.labels, table.parents, table.dates or [None] * len(table.labels))
                 if label or day) if table.labels else ()


def _fields(table: Table, specs) -> frozenset:
    """The fields the header names; month or date columns count as one field."""
    named = {match_field(label, specs) for label in table.labels} - {None}
    if any(month_of_header(label, parent) for label, parent in zip(table.labels, table.parents)) or any(table.dates):
        named.add("<months>")
    return frozenset(named)


def same_table(one: Table, other: Table, specs) -> bool:
    """The same header, or headers naming the same fields (a column worded or placed differently on one sheet)."""
    if _layout(one) == _layout(other):
        return True
    fields = _fields(one, specs)
    return len(fields) >= 2 and not fields.isdisjoint(KEY_FIELDS) and fields == _fields(other, specs)


DENSE_ROWS = 3  # a sheet with this many rows of three or more filled cells holds a table of some kind


def _looks_tabular(rows: list[list]) -> bool:
    """Rows of several filled cells: data the detector did not recognise, not a cover or notes sheet."""
    dense = 0
    for row in rows:
        dense += sum(1 for cell in row if cell is not None and cell != "") >= 3
        if dense >= DENSE_ROWS:
            return True
    return False


def _has_data(rows: list[list], table: Table) -> bool:
    return any(any(isinstance(cell, str) and cell.strip() for cell in row) for row in rows[table.body_start:])


ROW_CELLS = 2  # a row of the table fills two cells at least (a number and a name); a footer line fills one


def has_rows(rows: list[list], table: Table) -> bool:
    """Whether any row under the table's header fills ROW_CELLS cells: an empty template sheet has none."""
    return any(sum(1 for cell in row if not is_blank(cell)) >= ROW_CELLS
               for row in rows[table.body_start:table.body_end])


_HISTORY_FIELDS = {"<months>", "date", "status"}  # a register's: its tabs are periods of one history, all read


def _snapshot(table: Table, specs, roster) -> bool:
    """A roster's table (`roster(table)`), naming no meeting, date or status: a list as it stands in one year."""
    return roster(table) and not _fields(table, specs) & _HISTORY_FIELDS and not lists_meetings(table)


def plan_sheets(candidates: list[SheetData], chosen: SheetData, table: Table, specs, locate,
                roster=lambda table: False) -> SheetPlan:
    """The sheets holding the chosen sheet's table (`locate(rows, name)` finds a sheet's table), in workbook
    order, the data sheets with another table, and warnings naming the summaries and unrecognised sheets left out;
    `roster(table)` says whether a table is a roster, whose sheets of earlier years are left out."""
    plan, same, different, unknown = SheetPlan(), [(chosen, table)], [], []
    for sheet in candidates:
        if sheet is chosen or not sheet.name:
            continue
        other = locate(sheet.rows, sheet.name)
        if other is None and _looks_tabular(sheet.rows) and not is_catalogue(sheet.rows):
            unknown.append(sheet.name)
        if other is None or not _has_data(sheet.rows, other):
            continue
        if same_table(table, other, specs):
            same.append((sheet, other))
        elif is_count_summary(sheet.rows, other, specs):
            plan.warnings.append(summary_warning(sheet.name))
        else:
            different.append((sheet, other))
    order = [sheet.name for sheet in candidates]
    same.sort(key=lambda item: order.index(item[0].name))
    repeated, warnings = repeated_tabs(same, specs, KEY_FIELDS)
    plan.warnings += warnings
    same = [(sheet, found) for sheet, found in same if sheet.name not in repeated]
    if _snapshot(table, specs, roster):  # one year's list a sheet: the latest year's read
        dated = [(sheet, found) for sheet, found in different
                 if _snapshot(found, specs, roster) and sheet_year(sheet.name, found)]
        versions = sorted(same + dated, key=lambda item: order.index(item[0].name))
        earlier, warnings = latest_year(versions)
        plan.warnings += warnings
        if earlier:  # every version names its year: the latest year's sheets are read, whatever their layout
            same = [item for item in versions if item[0].name not in earlier]
            different = [item for item in different if item[0].name not in {sheet.name for sheet, _ in versions}]
            plan.source = LATEST_SOURCE
    plan.reading = [sheet.name for sheet, _ in same]
    if plan.reading != [chosen.name]:  # several sheets, or one other than the chosen one, left out
        plan.read = plan.reading
    plan.other = [sheet.name for sheet, _ in different]
    if unknown:
        names = ", ".join(f"\"{name}\"" for name in unknown)
        plan.warnings.append(f"Trang {names} có dữ liệu dạng bảng nhưng không nhận ra dòng tiêu đề, không được đọc "
                             "— nếu cần, hãy chọn trang và dòng tiêu đề.")
    return plan


def repr_name(name: str) -> str:
    """A sheet name as messages quote it."""
    return f"trang \"{name}\""


def unplaced_sheets_warning(kind: str, frame, names: list[str]) -> str | None:
    """A warning when sheets read as one look like one per unit ("KP1", "KP3") but no sheet states its unit: the
    records would lose which sheet, so which unit, they came from."""
    if frame.empty or "unit" not in frame.columns or frame["unit"].notna().any():
        return None
    if any(tab_facts(name) or _PERIOD_TAB.search(fold(name)) for name in names):
        return None
    listed = ", ".join(f"\"{name}\"" for name in names)
    who = "chi bộ" if kind == "attendance" else "đơn vị phụ trách"
    return (f"Các trang {listed} được đọc chung nhưng không trang nào ghi tên {who} (trong tiêu đề hoặc ghi chú): "
            f"các bản ghi không có {who}. Nếu mỗi trang là một {who}, hãy nhập từng trang và ghi rõ {who}.")
