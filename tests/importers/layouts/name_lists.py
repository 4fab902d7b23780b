"""Registers listing names inside status columns, one row per meeting ("Ngày họp | Có mặt | Vắng có phép | …",
"Đồng chí dự họp | Đồng chí vắng"), the names separated by commas, semicolons or line breaks, with or without
"Đ/c", the chi bộ in a column or in the title. `build(seed, is_csv)` returns (sheet, exact records)."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

HEADINGS = [  # status columns, left to right
    [("Có mặt", "present"), ("Vắng có phép", "excused"), ("Vắng không phép", "absent"), ("Đi muộn", "late")],
    [("Đồng chí dự họp", "present"), ("Đồng chí vắng", "absent")],
    [("Có mặt", "present"), ("Vắng có lý do", "excused"), ("Vắng không lý do", "absent")],
    [("Dự họp", "present"), ("Vắng mặt có lý do", "excused"), ("Vắng mặt không lý do", "absent"),
     ("Miễn sinh hoạt", "exempt")],
]
DATE_HEADINGS = ["Ngày họp", "Ngày sinh hoạt", "Thời gian", "Ngày"]
SEPARATORS = [", ", "; ", "\n", ",", " ; "]
HONORIFICS = ["", "", "Đ/c ", "đ/c ", "Đồng chí "]


def _cell(rng, names: list[str]) -> str | None:
    if not names:
        return rng.choice([None, ""])
    separator = rng.choice(SEPARATORS)
    honorific = rng.choice(HONORIFICS)
    numbered = separator == "\n" and rng.random() < 0.4
    return separator.join(f"{f'{n}. ' if numbered else ''}{honorific}{name}" for n, name in enumerate(names, 1))


def build(seed: int, is_csv: bool) -> tuple[Sheet, list[dict]]:
    rng = random.Random(seed)
    statuses = rng.choice(HEADINGS)
    unit = people.cell_units(rng, 1)[0]
    unit_in_column = rng.random() < 0.5
    with_index = rng.random() < 0.4
    with_note = rng.random() < 0.3
    header = (["STT"] if with_index else []) + [rng.choice(DATE_HEADINGS)] + [label for label, _ in statuses]
    header += (["Chi bộ"] if unit_in_column else []) + (["Ghi chú"] if with_note else [])
    sheet = Sheet(rng.choice(["Sheet1", "SHCB", "Theo dõi"]), width=len(header))
    year = rng.randint(2023, 2025)
    sheet.add(["ĐẢNG BỘ PHƯỜNG " + rng.choice(["BẮC HỒNG", "NAM HỒNG", "TRUNG LƯƠNG"])])
    if not unit_in_column:
        sheet.add([rng.choice([unit, f"Chi bộ: {unit[7:]}", f"Đơn vị: {unit}"])])
    sheet.add([f"SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM {year}"])
    sheet.add([])
    sheet.add(header)
    names = people.unique_names(rng, rng.randint(4, 9))
    records = []
    for number, month in enumerate(sorted(rng.sample(range(1, 13), rng.randint(2, 5))), 1):
        day = dt.date(year, month, rng.randint(1, 28))
        by_status = {status: [] for _, status in statuses}
        for name in names:
            status = rng.choice([statuses[0][1]] * 3 + [status for _, status in statuses[1:]] + [None])
            if status:
                by_status[status].append(name)
        row = ([number] if with_index else []) + [
            day.strftime("%d/%m/%Y") if is_csv or rng.random() < 0.3 else dt.datetime(day.year, day.month, day.day)]
        row += [_cell(rng, by_status[status]) for _, status in statuses]
        row += ([unit] if unit_in_column else []) + ([rng.choice([None, "Sinh hoạt thường kỳ"])] if with_note else [])
        sheet.add(row)
        records += [{"full_name": name, "date": day.isoformat(), "status": status, "unit": unit}
                    for _, status in statuses for name in by_status[status]]
    sheet.add([])
    sheet.add([None, "Người lập biểu"])
    return sheet, records
