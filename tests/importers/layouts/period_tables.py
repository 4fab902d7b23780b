"""A year's register kept as two to four wide tables stacked on one sheet by period (halves: T1–T6 then T7–T12;
quarters: T1–T3 … T10–T12), each with its own header row repeating the other labels, the same people listed again,
a title line ('II. SÁU THÁNG CUỐI NĂM', 'Quý III') and/or blank lines between; the chi bộ column filled in the first
table and written with a ditto mark ('nt', '"', 'như trên') below; a member leaving mid-year has blank cells
after; later tables may list the people in another order. `build(seed)` returns (sheet, exact records, ditto cells)."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

SPLITS = {2: ["I. SÁU THÁNG ĐẦU NĂM", "II. SÁU THÁNG CUỐI NĂM"],
          3: ["Từ tháng 1 đến tháng 4", "Từ tháng 5 đến tháng 8", "Từ tháng 9 đến tháng 12"],
          4: ["Quý I", "Quý II", "Quý III", "Quý IV"]}
MONTH_LABELS = ["T{m}", "Tháng {m}", "Th{m}"]
DITTOS = ["nt", "n.t", "-nt-", "như trên", '"', "〃"]
MARKS = [({"present": "C", "excused": "P", "absent": "V", "late": "M"},
          "Ký hiệu: C - có mặt; P - vắng có phép; V - vắng không phép; M - đi muộn."),
         ({"present": "x", "excused": "P", "absent": "K", "late": "M"},
          "Ghi chú: x: có mặt, P: vắng có phép, K: vắng không phép, M: đến muộn")]


def build(seed: int) -> tuple[Sheet, list[dict], int]:
    rng = random.Random(seed)
    tables = rng.choice([2, 2, 3, 4])
    per = 12 // tables
    year = rng.randint(2024, 2026)
    label = rng.choice(MONTH_LABELS)
    marks, legend = rng.choice(MARKS)
    ditto = rng.choice(DITTOS)
    titled, gap = rng.random() < 0.7, rng.choice([0, 1, 2])
    unit = people.cell_units(rng, 1)[0]
    names = people.unique_names(rng, rng.randint(4, 8))
    leaver = rng.randrange(len(names))
    leaves = rng.randint(12 - per + 2, 12)  # the first month the leaver has no mark (inside the last table)
    width = 3 + per
    sheet = Sheet(rng.choice(["SHCB 2025", "Sheet1", "Theo doi"]), width=width)
    sheet.add_banner("ĐẢNG BỘ PHƯỜNG " + rng.choice(["SÔNG TRÍ", "BẮC HỒNG", "TRUNG LƯƠNG"]))
    sheet.add_banner(f"THEO DÕI SINH HOẠT CHI BỘ NĂM {year}")
    sheet.add()
    records_by_person: dict[str, list[dict]] = {name: [] for name in names}
    reordered = rng.random() < 0.3  # later tables list the people in another order
    dittos = 0
    for number in range(tables):
        months = range(number * per + 1, number * per + per + 1)
        if number:
            for _ in range(gap):
                sheet.add()
        if titled:
            sheet.add([SPLITS[tables][number]])
        sheet.add(["STT", "Họ và tên", "Chi bộ"] + [label.format(m=month) for month in months])
        listed = rng.sample(names, len(names)) if number and reordered else names
        for index, name in enumerate(listed, 1):
            cell = unit if number == 0 and index == 1 else rng.choice([unit, ditto] if number == 0 else [ditto])
            dittos += cell == ditto
            row = [index, name, cell]
            for month in months:
                if names.index(name) == leaver and month >= leaves:
                    row.append("")
                    continue
                status = rng.choice(["present"] * 5 + ["excused", "absent", "late"])
                row.append(marks[status])
                records_by_person[name].append({"full_name": name, "date": dt.date(year, month, 1).isoformat(),
                                                "status": status, "unit": unit})
            sheet.add(row)
    sheet.add()
    sheet.add(["", legend])
    sheet.add()
    sheet.add(["", "", "", "", "BÍ THƯ"])
    return sheet, [record for name in names for record in records_by_person[name]], dittos
