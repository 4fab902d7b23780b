"""Rosters ordered by unit: the unit and a bare group number merged down over each unit's members, the member
column headed as the cadre who follows the unit ('Đồng chí phụ trách'), roles abbreviated (TĐ/PĐ/TV) and explained
in a 'Ghi chú' line under the table, phones stored as numbers (the leading 0 lost)."""

import random
from dataclasses import dataclass

from .people import cell_units, phone, unique_names

NAME_HEADERS = ["Đồng chí phụ trách", "Cán bộ phụ trách", "Đồng chí được phân công", "Họ và tên"]
UNIT_HEADERS = ["Tổ chức cơ sở đảng", "Tổ chức cơ sở đảng được phân công", "Đơn vị phụ trách"]
GROUP_HEADERS = ["Đoàn CT số", "Đoàn số", "ĐCT số"]
ROLES = {"TĐ": "head", "PĐ": "deputy", "TV": "member"}


@dataclass
class UnitFirst:
    rows: list[list]
    merges: list[str]
    records: list[tuple]


def build(seed: int) -> UnitFirst:
    rng = random.Random(f"unit-first-{seed}")
    header = ["STT", rng.choice(UNIT_HEADERS), rng.choice(GROUP_HEADERS), rng.choice(NAME_HEADERS), "Chức vụ",
              "Nhiệm vụ trong Đoàn", "SĐT"]
    rows = [["BAN THƯỜNG VỤ HUYỆN ỦY"], ["BẢNG PHÂN CÔNG THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [], header]
    built = UnitFirst(rows, [], [])
    units = cell_units(rng, rng.randint(2, 4))
    names = iter(unique_names(rng, 5 * len(units)))
    for number, unit in enumerate(units, 1):
        group = (number + 1) // 2
        size = rng.randint(2, 4)
        first = len(rows) + 1
        for place in range(size):
            code = "TĐ" if place == 0 and number % 2 else rng.choice(["PĐ", "TV"]) if place == 1 else "TV"
            name, number_phone = next(names), phone(rng).replace(" ", "").replace(".", "")
            lead = [number, unit, group] if place == 0 else [None, None, None]
            rows.append(lead + [name, "Chuyên viên", code, int(number_phone)])
            built.records.append((name, f"Đoàn công tác số {group}", ROLES[code], unit, number_phone))
        built.merges += [f"{column}{first}:{column}{first + size - 1}" for column in "ABC"]
    rows.append(["Ghi chú: TĐ - Trưởng đoàn; PĐ - Phó Trưởng đoàn; TV - Thành viên"])
    return built
