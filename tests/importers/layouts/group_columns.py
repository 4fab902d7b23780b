"""Rosters written one column per working group (issue #19, b4 d03): the group and its unit in the column header,
the roles down the first column, "Đ/c Họ và tên - Chức vụ" in the cells."""

from . import cells, people, vocab
from .roster import ROLE_WORDS
from .sheet import Sheet

GROUP_HEADERS = {
    "caps_bracket_line": "ĐOÀN CÔNG TÁC SỐ {N}\n({UNIT})",
    "title_bracket": "Đoàn công tác số {N} ({UNIT})",
    "short_phu_trach_line": "Đoàn số {N}\nPhụ trách: {UNIT}",
}
LABEL_HEADERS = ["Nhiệm vụ", "Vai trò", "Chức danh trong đoàn", "Phân công"]
PERSON_CELLS = {
    "dc_dash": "Đ/c {NAME} - {POSITION}",
    "plain_dash": "{NAME} - {POSITION}",
    "dc_en_dash": "Đ/c {NAME} – {POSITION}",
    "name_only": "{NAME}",
}
NAME_STYLES = ("plain", "caps_some", "double_spaces", "nfd_some")


def build(pick, rng, sheet: Sheet, legacy_ok, fmt_is_csv: bool, name_styles: list) -> tuple[list[dict], int]:
    """Fill `sheet` with a group-columns table; returns (canonical records, 1-based header row)."""
    group_header = pick.pick("group_column_header", GROUP_HEADERS)
    person_cell = pick.pick("group_column_cell", PERSON_CELLS)
    stacking = pick.pick("group_column_people", ["one_per_row", "lines_in_one_cell"])
    labels = pick.pick("group_column_role_labels", ["merged", "repeated"])
    counts = pick.pick("group_column_counts", ["none", "so_luong"])
    roles = pick.pick("roster_role_words", ROLE_WORDS)
    name_style = pick.pick("name_style", [style for style in name_styles if style in NAME_STYLES])
    n_groups = rng.randint(2, 4)
    sheet.width = 1 + n_groups
    used_units: list[str] = []
    columns = []  # per group: {role: [(name, position)]}
    header = [pick.pick("group_column_label", LABEL_HEADERS)]
    for g in range(1, n_groups + 1):
        unit = people.ward_unit(rng, used_units)
        used_units.append(unit)
        if not legacy_ok(unit):
            unit = f"Đảng bộ xã số {g}"
        header.append(group_header.replace("{N}", str(g)).replace("{UNIT}", unit))
        size = {"head": 1, "deputy": rng.randint(1, 2), "member": rng.randint(1, 5)}
        taken = [name for column in columns for listed in column["people"].values() for name, _ in listed]
        names = people.unique_names(rng, sum(size.values()), ok=lambda n: legacy_ok(n) and n not in taken)
        listed = {role: [(names.pop(), rng.choice([p for p in vocab.POSITIONS if legacy_ok(p)])
                          if person_cell != "{NAME}" else None) for _ in range(size[role])] for role in size}
        columns.append({"group": g, "unit": unit, "people": listed})
    header_row = sheet.add(header) + 1
    for role in ("head", "deputy", "member"):
        height = 1 if stacking == "lines_in_one_cell" else max(len(column["people"][role]) for column in columns)
        first = len(sheet.rows)
        for line in range(height):
            row = [roles[role] if line == 0 or labels == "repeated" else None]
            for column in columns:
                listed = column["people"][role]
                chosen = listed if stacking == "lines_in_one_cell" else listed[line:line + 1]
                texts = [person_cell.replace("{NAME}", cells.NAME_STYLES[name_style](name, rng))
                         .replace("{POSITION}", position or "") for name, position in chosen]
                row.append("\n".join(texts) or None)
            sheet.add(row)
        if labels == "merged" and not fmt_is_csv:
            sheet.merge(first, 0, len(sheet.rows) - 1, 0)
    if counts == "so_luong":
        sheet.add(["Số lượng"] + [f"{sum(len(v) for v in column['people'].values())} đồng chí" for column in columns])
    records = [{"full_name": name, "birth_date": None, "position": position, "group": f"Đoàn công tác số {c['group']}",
                "role": role, "unit": c["unit"], "phone": None}
               for c in columns for role in ("head", "deputy", "member") for name, position in c["people"][role]]
    return records, header_row
