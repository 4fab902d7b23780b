"""A đảng bộ's quarter register with one to three meetings a month: 'Tháng 1' merged over sub-columns whose
labels give each meeting's day and month ('Lần 1 (06/01)', 'Buổi 2 - 20/01', '06/01'), the year in the title;
numbered chi bộ lines ('1. Chi bộ Tổ dân phố 3') give the unit of the rows below; marks explained by a legend;
a member joining later has blank cells before. `build(seed)` returns (sheet, exact records)."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

WORDINGS = ["Lần {n} ({d:02d}/{m:02d})", "Buổi {n} - {d:02d}/{m:02d}", "{d:02d}/{m:02d}", "Lần {n} ngày {d}/{m}",
            "Buổi {n} ({d}/{m}/{y})", "Lần thứ {n} ({d:02d}/{m:02d})"]
NO_DATE = ["Lần {n}", "Buổi {n}", "Lần thứ {n}"]
LEGENDS = [
    ({"present": "+", "excused": "P", "absent": "-", "late": "M"},
     "Ký hiệu: (+) có mặt; (P) vắng có phép; (-) vắng không phép; (M) đi muộn"),
    ({"present": "x", "excused": "P", "absent": "K", "late": "M"},
     "Ghi chú: x - có mặt, P - vắng có phép, K - vắng không phép, M - đến muộn"),
]
QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


def header(rng, wording: str, year: int) -> tuple[list, list, list[tuple[int, dt.date]], list]:
    """The two header rows, the (column, date) of each meeting and the merges of the month cells."""
    quarter = rng.randint(1, 4)
    top, sub, meetings, merges = ["TT", "Họ và tên"], ["", ""], [], []
    for month in range(3 * quarter - 2, 3 * quarter + 1):
        count = rng.randint(1, 3)
        days = sorted(rng.sample(range(1, 29), count))
        merges.append((len(top), len(top) + count - 1))
        for number, day in enumerate(days, 1):
            top.append(f"Tháng {month}" if number == 1 else "")
            sub.append(wording.format(n=number, d=day, m=month, y=year))
            meetings.append((len(sub) - 1, dt.date(year, month, day)))
    return top + ["Ghi chú"], sub + [""], meetings, merges, quarter


def build(seed: int, dated: bool = True) -> tuple[Sheet, list[dict]]:
    rng = random.Random(seed)
    year = rng.randint(2024, 2026)
    wording = rng.choice(WORDINGS if dated else NO_DATE)
    top, sub, meetings, merges, quarter = header(rng, wording, year)
    marks, legend = rng.choice(LEGENDS)
    sheet = Sheet(rng.choice(["Quy I", "Sheet1", "Tong hop"]), width=len(top))
    sheet.add_banner("ĐẢNG BỘ PHƯỜNG " + rng.choice(["SÔNG TRÍ", "BẮC HỒNG", "TRUNG LƯƠNG"]))
    sheet.add_banner(f"TỔNG HỢP ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ QUÝ {QUARTERS[quarter]} NĂM {year}")
    sheet.add()
    first = sheet.add(top)
    sheet.add(sub)
    sheet.merge(first, 0, first + 1, 0)
    sheet.merge(first, 1, first + 1, 1)
    sheet.merge(first, len(top) - 1, first + 1, len(top) - 1)
    for left, right in merges:
        sheet.merge(first, left, first, right)
    records = []
    units = people.cell_units(rng, rng.randint(2, 3))
    used: list[str] = []
    for index, unit in enumerate(units, 1):
        sheet.add([f"{index}. {unit}"])
        names = people.unique_names(rng, rng.randint(3, 5), ok=lambda name: name not in used)
        used += names
        joiner = rng.randrange(len(names)) if rng.random() < 0.5 else None
        for number, name in enumerate(names, 1):
            joins = rng.randint(1, len(meetings) - 1) if number - 1 == joiner else 0
            row = [number, name] + [""] * (len(top) - 2)
            for position, (column, day) in enumerate(meetings):
                if position < joins:
                    continue
                status = rng.choice(["present"] * 5 + ["excused", "absent", "late"])
                row[column] = marks[status]
                records.append({"full_name": name, "date": day.isoformat(), "status": status, "unit": unit})
            if joins:
                row[-1] = f"Chuyển đến tháng {meetings[joins][1].month}/{year}"
            sheet.add(row)
    sheet.add()
    sheet.add(["", legend])
    sheet.add()
    sheet.add(["", "", "", "", "T/M ĐẢNG ỦY"])
    return sheet, records
