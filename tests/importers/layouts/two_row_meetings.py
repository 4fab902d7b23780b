"""Wide registers (persons down, meetings across) whose meetings take two header rows.

`numbered(seed)`: the meeting's number on the header row ('Lần 1' … 'Lần N'), its day and month on the row under it
('(10/01)', '10/01', '10/1', 'ngày 10/01' or a date cell), the year in the title, the chi bộ on a 'Đơn vị:' line;
marks in mixed case ('có'/'Có', 'P'/'p', 'K', 'M'/'m') explained by a legend; a note merged across several meeting
cells of a person's row ('Chưa kết nạp', 'Chuyển sinh hoạt từ 05/2025') is no mark.

`month_numbers(seed)`: bare month numbers (1, '01', '1') on the row under 'Năm 2025' (merged; in a CSV export in
its first field only) or under 'Tháng' with the year in the title; the last months not held yet (empty for all).

Both return (sheet, exact records, what the sheet holds: {"notes": count of merged notes})."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

MARKS = {"present": ("có", "Có"), "excused": ("P", "p"), "absent": ("K",), "late": ("M", "m")}
NUMBERED_LEGENDS = ["Ký hiệu: Có - có mặt; P - vắng có phép; K - vắng không phép; M - đến muộn",
                    "Ghi chú: có = có mặt; P = vắng có phép; K = vắng không phép; M = đến muộn."]
NUMBERS = ["Lần {n}", "Buổi {n}", "Lần thứ {n}"]
DAY_MONTHS = {
    "brackets": lambda d: f"({d.day:02d}/{d.month:02d})",
    "dd/mm": lambda d: f"{d.day:02d}/{d.month:02d}",
    "d/m": lambda d: f"{d.day}/{d.month}",
    "ngay": lambda d: f"ngày {d.day:02d}/{d.month:02d}",
    "brackets_d/m": lambda d: f"({d.day}/{d.month})",
    "date_cell": lambda d: dt.datetime(d.year, d.month, d.day),
}
NOTES_BEFORE = ["Chưa kết nạp", "Chưa chuyển sinh hoạt đến"]
NOTES_AFTER = ["Chuyển sinh hoạt từ {m:02d}/{y}", "Chuyển sinh hoạt đi xã Cẩm Thành từ tháng {m}/{y}"]
PLACES = ["ĐẢNG BỘ XÃ CẨM BÌNH", "ĐẢNG BỘ PHƯỜNG BẮC HỒNG", "ĐẢNG BỘ XÃ THẠCH KÊNH"]


def _status(rng) -> str:
    return rng.choice(["present"] * 6 + ["excused", "absent", "late"])


def numbered(seed: int, dated: bool = True, notes: bool = True, cells: bool = True) -> tuple[Sheet, list, dict]:
    """`notes`: merged notes allowed (not in a CSV, which keeps no merges); `cells`: date cells allowed."""
    rng = random.Random(seed)
    year = rng.randint(2024, 2026)
    count = rng.randint(2, 10)
    months = sorted(rng.sample(range(1, 13), count))
    meetings = [dt.date(year, month, rng.randint(1, 28)) for month in months]
    styles = [name for name in DAY_MONTHS if cells or name != "date_cell"]
    style = DAY_MONTHS[rng.choice(styles)]
    number = rng.choice(NUMBERS)
    unit = people.cell_units(rng, 1)[0]
    width = 2 + count + 1
    sheet = Sheet(rng.choice(["Diem danh", "Sheet1", f"Nam {year}"]), width=width)
    sheet.add_banner(rng.choice(PLACES))
    sheet.add_banner(f"SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM {year}")
    sheet.add([f"Đơn vị: {unit}"])
    sheet.add()
    top = sheet.add(["TT" if rng.random() < 0.5 else "STT", rng.choice(["Họ và tên", "Họ và tên đảng viên"])]
                    + [number.format(n=n) for n in range(1, count + 1)] + ["Ghi chú"])
    if dated:
        sheet.add([None, None] + [style(day) for day in meetings] + [None])
        for column in (0, 1, width - 1):
            sheet.merge(top, column, top + 1, column)
    names = people.unique_names(rng, rng.randint(4, 9))
    noted = set(rng.sample(range(len(names)), rng.randint(0, min(2, len(names) - 1)))) \
        if notes and count >= 3 else set()
    records = []
    for position, name in enumerate(names):
        row = [position + 1, name] + [None] * count + [None]
        skipped = range(0)
        if position in noted:
            span = rng.randint(2, count - 1)
            before = rng.random() < 0.5
            skipped = range(0, span) if before else range(count - span, count)
            month = meetings[skipped[0]].month
            text = rng.choice(NOTES_BEFORE) if before else rng.choice(NOTES_AFTER).format(m=month, y=year)
            row[2 + skipped[0]] = text
            sheet.merge(len(sheet.rows), 2 + skipped[0], len(sheet.rows), 2 + skipped[-1])
        for meeting, day in enumerate(meetings):
            if meeting in skipped:
                continue
            status = _status(rng)
            row[2 + meeting] = rng.choice(MARKS[status])
            records.append({"full_name": name, "date": day.isoformat(), "status": status, "unit": unit})
        sheet.add(row)
    sheet.add()
    sheet.add_banner(rng.choice(NUMBERED_LEGENDS))
    sheet.add()
    sheet.add([None] * (width - 3) + ["BÍ THƯ CHI BỘ"])
    return sheet, records, {"notes": len(noted)}


MONTH_MARKS = {"present": "x", "excused": "p", "absent": "v", "late": "t"}
MONTH_LEGEND = "Ký hiệu: x - có mặt; p - vắng có phép; v - vắng không phép; t - đi trễ"
MONTH_CELLS = {"int": lambda m: m, "text_01": lambda m: f"{m:02d}", "text_1": lambda m: str(m)}
RANGES = [(1, 12), (1, 6), (7, 12), (1, 12)]


def month_numbers(seed: int) -> tuple[Sheet, list, dict]:
    rng = random.Random(seed)
    year = rng.randint(2024, 2026)
    first, last = rng.choice(RANGES)
    months = list(range(first, last + 1))
    held = months[:len(months) - rng.randint(0, 2)]  # the last months not held yet: empty for everyone
    over = rng.choice(["nam", "nam", "thang"])
    cell = MONTH_CELLS[rng.choice(list(MONTH_CELLS))]
    unit_column = rng.random() < 0.7
    units = people.cell_units(rng, rng.randint(1, 2)) if unit_column else people.cell_units(rng, 1)
    lead = ["STT", "Họ và tên"] + (["Chi bộ"] if unit_column else [])
    width = len(lead) + len(months) + 1
    sheet = Sheet(rng.choice(["Sheet1", "Diem danh"]), width=width)
    if over == "thang" or rng.random() < 0.5:
        sheet.add_banner(f"THEO DÕI SINH HOẠT CHI BỘ NĂM {year}" if over == "thang"
                         else "THEO DÕI SINH HOẠT CHI BỘ")
        if not unit_column:
            sheet.add([f"Đơn vị: {units[0]}"])
        sheet.add()
    elif not unit_column:
        sheet.add([f"Đơn vị: {units[0]}"])
    top = sheet.add(lead + [f"Năm {year}" if over == "nam" else "Tháng"] + [None] * (len(months) - 1) + ["Ghi chú"])
    sheet.add([None] * len(lead) + [cell(month) for month in months] + [None])
    for column in list(range(len(lead))) + [width - 1]:
        sheet.merge(top, column, top + 1, column)
    sheet.merge(top, len(lead), top, len(lead) + len(months) - 1)
    names = people.unique_names(rng, rng.randint(4, 10))
    joiner = rng.randrange(len(names)) if rng.random() < 0.5 and len(held) > 2 else None
    records = []
    for position, name in enumerate(names):
        unit = units[position * len(units) // len(names)]
        row = [position + 1, name] + ([unit] if unit_column else []) + [None] * len(months) + [None]
        since = rng.randint(1, len(held) - 1) if position == joiner else 0
        for index, month in enumerate(held):
            if index < since:
                continue
            status = rng.choice(["present"] * 6 + ["excused", "absent", "late"])
            row[len(lead) + index] = MONTH_MARKS[status]
            records.append({"full_name": name, "date": dt.date(year, month, 1).isoformat(), "status": status,
                            "unit": unit})
        if since:
            row[-1] = f"Mới phân công từ tháng {held[since]}"
        sheet.add(row)
    sheet.add()
    sheet.add([MONTH_LEGEND])
    return sheet, records, {"over": over}


def numbers_not_months(seed: int, kind: str) -> tuple[Sheet, list[str]]:
    """A register whose header has 'Năm 2025' merged over its mark columns, with a row of small numbers under it
    that are no months: `kind` 'numbering' (1, 2, 3, … under every column of the header, as official forms number
    them) or 'unordered' (1 | 2 | 1 | 2 under the year). Returns the sheet and the dates a misreading would give."""
    rng = random.Random(seed)
    year = rng.randint(2024, 2026)
    count = rng.randint(6, 11)
    lead = ["Họ và tên"] if kind == "numbering" else ["STT", "Họ và tên"]
    width = len(lead) + count + 1
    sheet = Sheet("Sheet1", width=width)
    sheet.add_banner(f"THEO DÕI SINH HOẠT CHI BỘ NĂM {year}")
    sheet.add()
    top = sheet.add(lead + [f"Năm {year}"] + [None] * (count - 1) + ["Ghi chú"])
    if kind == "numbering":
        numbers = list(range(1, width + 1))
    else:
        numbers = [None] * len(lead) + [1 + index % 2 for index in range(count)] + [None]
        for column in list(range(len(lead))) + [width - 1]:
            sheet.merge(top, column, top + 1, column)
    sheet.add(numbers)
    sheet.merge(top, len(lead), top, len(lead) + count - 1)
    misread = [dt.date(year, number, 1).isoformat() for number in numbers[len(lead):len(lead) + count]
               if number and number <= 12]
    for position, name in enumerate(people.unique_names(rng, 5)):
        sheet.add(([position + 1] if kind != "numbering" else []) + [name]
                  + [rng.choice("xxxpvt") for _ in range(count)] + [None])
    sheet.add()
    sheet.add([MONTH_LEGEND])
    return sheet, misread
