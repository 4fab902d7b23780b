"""A roster whose units are listed on another sheet of the workbook, one line per group ("Phan cong": "Đoàn | Chi bộ
phụ trách", "Đoàn 1 | Chi bộ Ấp Bình Thạnh"): when the roster names no unit at all, each record takes the unit of
its group from that list. The list is used only when it is unambiguous: a header naming the group and the unit,
every group named once, one such sheet. What was read, and from where, is said in a warning, and a group the list
does not name stays without a unit."""

from typing import Any

import pandas as pd

from ..mapping import match_field
from ..normalising import clean_text, is_blank, is_group_name, normalise_group, normalise_unit_name
from . import roster

HEADER_SCAN_ROWS = 15


def _header_at(rows: list[list[Any]]) -> tuple[int, int, int] | None:
    """(header row, group column, unit column) of a group-to-unit list, or None."""
    for at, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = {match_field(clean_text(cell) or "", roster.FIELDS): index
                  for index, cell in enumerate(row) if isinstance(cell, str) and not is_blank(cell)}
        if "group" in fields and "unit" in fields and "full_name" not in fields:
            return at, fields["group"], fields["unit"]
    return None


def _units_by_group(rows: list[list[Any]]) -> dict[str, str] | None:
    """{group: unit} of a sheet listing each group once with its unit, else None."""
    found = _header_at(rows)
    if found is None:
        return None
    at, group_at, unit_at = found
    units: dict[str, str] = {}
    for row in rows[at + 1:]:
        group = normalise_group(row[group_at]) if group_at < len(row) and not is_blank(row[group_at]) else None
        unit = clean_text(row[unit_at]) if unit_at < len(row) and isinstance(row[unit_at], str) else None
        if not group or not is_group_name(group):
            continue
        if group in units or not unit:
            return None  # a group listed twice, or without its unit: not a list to look units up in
        units[group] = normalise_unit_name(unit) or unit
    return units if len(units) >= 2 else None


def units_from_other_sheet(records: pd.DataFrame, sheets: list, chosen: str | None) -> tuple[pd.DataFrame, list]:
    """Records with each group's unit from the one other sheet listing them, and the warnings saying so."""
    if not len(records) or records["unit"].notna().any():
        return records, []
    lists = [(sheet.name, found) for sheet in sheets if sheet.name != chosen
             and (found := _units_by_group(sheet.rows)) is not None]
    if len(lists) != 1:
        return records, []
    name, units = lists[0]
    looked_up = records["group"].map(units)
    if not looked_up.notna().any():
        return records, []
    records = records.copy()
    records["unit"] = looked_up.where(looked_up.notna(), None)
    missing = sorted(set(records["group"].dropna()) - set(units))
    text = (f"Đơn vị phụ trách lấy theo trang «{name}» (mỗi đoàn một đơn vị): "
            + "; ".join(f"{group} → {unit}" for group, unit in units.items() if group in set(records["group"])))
    if missing:
        text += f". Trang này không ghi đơn vị của {', '.join(missing)}: các dòng đó để trống đơn vị"
    return records, [text + "."]
