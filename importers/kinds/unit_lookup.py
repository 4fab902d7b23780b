"""Each group's unit from the workbook's group-unit catalogue (``importers.group_units``): the small table under
the roster, else the one other sheet listing them ("Phan cong": "Đoàn | Chi bộ phụ trách").

The catalogue gives the records their units only when it settles every one: the roster names no unit at all, and
every group the roster uses has exactly one unit in it. A group it leaves out, or gives two units, leaves every
record without a unit, with a warning naming those groups. A roster naming units of its own keeps them; where they
differ from the catalogue's, a warning names the groups. What was read, and from where, is said in a warning."""

import pandas as pd

from ..group_code_notes import GroupCodes, group_code_notes
from ..group_units import GroupUnits, catalogue_on_sheet, group_key
from ..normalising import fold

SHOWN = 5
USED = "Đơn vị phụ trách lấy theo {source} (mỗi đoàn một đơn vị): {pairs}."
UNSETTLED = ("{Source} không cho mỗi đoàn đúng một đơn vị ({problems}): không lấy đơn vị theo danh mục này, các dòng "
             "để trống đơn vị; xin bổ sung danh mục (mỗi đoàn một đơn vị) hoặc thêm cột đơn vị.")
MISSING = "không có {groups}"
SEVERAL = "{group} có {count} đơn vị: {units}"
DIFFERS = ("Đơn vị ghi trong bảng khác danh mục ở {source}: {pairs} — giữ đơn vị ghi trong bảng, cần kiểm tra.")


def other_sheet_catalogue(sheets: list, chosen: str | None, codes: GroupCodes) -> GroupUnits | None:
    """The catalogue of the one other sheet listing groups with their units, or None (none, or several)."""
    found = [catalogue for sheet in sheets if sheet.name != chosen and sheet.rows
             and (catalogue := catalogue_on_sheet(sheet.name, sheet.rows, _with_notes(codes, sheet.rows)))]
    return found[0] if len(found) == 1 else None


def _with_notes(codes: GroupCodes, rows) -> GroupCodes:
    """The roster's note codes, with those the catalogue's own sheet explains."""
    own = group_code_notes(rows)
    return GroupCodes({**own.named, **codes.named}, {**own.series, **codes.series}, {**own.notes, **codes.notes},
                      {**own.doubts, **codes.doubts})


def units_from_catalogue(records: pd.DataFrame, catalogue: GroupUnits | None) -> tuple[pd.DataFrame, list[str]]:
    """Records with each group's unit from the catalogue when it settles every one, and the warnings saying what
    was done (see the module docstring)."""
    if catalogue is None or not len(records):
        return records, []
    groups = list(dict.fromkeys(group for group in records["group"] if isinstance(group, str)))
    listed = {group: catalogue.units.get(group_key(group)) for group in groups}
    if not any(listed.values()) and not catalogue.rows:
        return records, []  # another sheet's list of other groups: not this roster's catalogue
    if records["unit"].notna().any():
        return records, _differences(records, listed, catalogue)
    problems = []
    missing = [group for group, units in listed.items() if not units]
    if missing:
        problems.append(MISSING.format(groups=_listed(missing)))
    problems += [SEVERAL.format(group=group, count=len(units), units="; ".join(units))
                 for group, units in listed.items() if units and len(units) > 1]
    if problems:
        source = catalogue.source
        return records, [UNSETTLED.format(Source=source[:1].upper() + source[1:], problems="; ".join(problems))]
    records = records.copy()
    records["unit"] = records["group"].map(lambda group: listed[group][0] if isinstance(group, str) else None)
    pairs = "; ".join(f"{group} → {units[0]}" for group, units in listed.items())
    return records, [USED.format(source=catalogue.source, pairs=pairs)]


def _differences(records: pd.DataFrame, listed: dict, catalogue: GroupUnits) -> list[str]:
    """A warning naming the groups whose units in the roster differ from the catalogue's one unit."""
    pairs = []
    for group, units in listed.items():
        if not units or len(units) > 1:
            continue
        own = [unit for unit in dict.fromkeys(records.loc[records["group"] == group, "unit"]) if isinstance(unit, str)]
        differing = [unit for unit in own if fold(unit) != fold(units[0])]
        if differing:
            pairs.append(f"{group} ghi «{'», «'.join(differing)}», danh mục ghi «{units[0]}»")
    if not pairs:
        return []
    return [DIFFERS.format(source=catalogue.source, pairs="; ".join(pairs[:SHOWN]) + ("; …" if len(pairs) > SHOWN
                                                                                       else ""))]


def _listed(groups: list[str]) -> str:
    return ", ".join(groups[:SHOWN]) + ("…" if len(groups) > SHOWN else "")
