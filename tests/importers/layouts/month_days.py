"""Wide registers whose meetings are dated by a bare day under their month: 'Tháng 7' ('T7', 'Th.7', 'Tháng 07')
merged over one or two columns, the row under it holding each meeting's day (3 | 18, typed as a number or as text
'03'); the year only in the title ('… NĂM 2024'), the tab name ('SH 2024'), or a 'Năm 2024' label merged over the
months (two such labels when the months turn over the new year: 'Năm 2024' over T11 | T12, 'Năm 2025' over T1…).
STT, name, position and unit ('Chi bộ sinh hoạt') merged down the header rows, a 'Số buổi có mặt' count at the
right, marks X / VP / VK / M explained by a legend under the table; a cell left blank is no record.

`build(seed)` returns (sheet, exact records, formats the layout can be written in); the keyword arguments make the
refused variants: no year anywhere, a day the month does not have, meeting numbers 1 | 2 instead of days, or no
day row at all under months merged over two columns."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

MARKS = {"present": "X", "excused": "VP", "absent": "VK", "late": "M"}
LEGEND = "Ghi chú: X = có mặt; VP = vắng có phép; VK = vắng không phép; M = đi muộn"
MONTH_WORDINGS = ["Tháng {m}", "T{m}", "Th.{m}", "Tháng {m:02d}"]
DAY_TYPES = {"int": lambda d: d, "text_02": lambda d: f"{d:02d}", "text": lambda d: str(d)}
YEAR_SOURCES = ["title", "tab", "label", "two_labels"]
UNIT_HEADERS = ["Chi bộ sinh hoạt", "Chi bộ"]
ALL_FORMATS = ("xlsx", "ods", "csv")


def _months(rng, source: str, year: int) -> list[tuple[int, int]]:
    """(year, month) of each month column: a run within the year, or across the new year under two year labels."""
    if source == "two_labels":
        start = rng.randint(9, 11)
        return [(year, m) for m in range(start, 13)] + [(year + 1, m) for m in range(1, rng.randint(2, 4))]
    start = rng.randint(1, 7)
    return [(year, m) for m in range(start, start + rng.randint(3, 6))]


def _days(rng, count: int, numbered: bool) -> list[int]:
    if numbered:
        return list(range(1, count + 1))
    if count == 1:
        return [rng.randint(1, 28)]
    return sorted(rng.sample(range(1, 15), 1) + rng.sample(range(15, 29), 1))


def build(seed: int, year_source: str | None = None, no_year: bool = False, bad_day: bool = False,
          numbered: bool = False, no_day_row: bool = False) -> tuple[Sheet, list[dict], tuple[str, ...]]:
    rng = random.Random(seed)
    year = rng.randint(2022, 2025)
    source = year_source or rng.choice(YEAR_SOURCES)
    wording = rng.choice(MONTH_WORDINGS)
    day_type = DAY_TYPES[rng.choice(list(DAY_TYPES))]
    per_month = rng.choice(["one", "two", "two", "mixed"]) if not (numbered or no_day_row) else "two"
    months = _months(rng, source, year)
    if bad_day:
        months = [(year, m) for m in (8, 9, 10)]
    lead = ["STT", "Họ và tên", "Chức vụ", rng.choice(UNIT_HEADERS)]
    top, days_row, meetings, merges = list(lead), [""] * len(lead), [], []
    for month_year, month in months:
        count = {"one": 1, "two": 2}.get(per_month) or rng.randint(1, 2)
        days = _days(rng, count, numbered)
        if bad_day and month == 9:
            days = [3, 31]
        merges.append((len(top), len(top) + count - 1))
        for position, day in enumerate(days):
            top.append(wording.format(m=month) if position == 0 else "")
            days_row.append(day_type(day))
            date = None if bad_day else dt.date(month_year, month, day) if not numbered else None
            meetings.append((len(top) - 1, date))
    top.append("Số buổi có mặt")
    days_row.append("")
    year_row = None
    if source in ("label", "two_labels") and not no_year:
        year_row = list(lead) + [""] * len(meetings) + [top[-1]]  # the labels merged down stand in the top row
        top = [""] * len(lead) + top[len(lead):-1] + [""]
        for (month_year, _), (left, _) in zip(months, merges):
            if f"Năm {month_year}" not in year_row:
                year_row[left] = f"Năm {month_year}"
    stated = source == "title" and not no_year
    tab = f"SH {year}" if source == "tab" and not no_year else rng.choice(["SHCB", "Theo doi", "Sheet1"])
    sheet = Sheet(tab, width=len(top))
    sheet.add_banner("ĐẢNG ỦY PHƯỜNG " + rng.choice(["THUẬN LỘC", "PHÚ HỘI", "AN CỰU"]))
    sheet.add()
    sheet.add_banner("KẾT QUẢ THEO DÕI DỰ SINH HOẠT CHI BỘ ĐỊNH KỲ" + (f" NĂM {year}" if stated else ""))
    sheet.add_banner("(Chi bộ sinh hoạt định kỳ đầu tháng và sinh hoạt chuyên đề giữa tháng)")
    sheet.add()
    first = sheet.add(year_row) if year_row else None
    header = sheet.add(top)
    last = header if no_day_row else sheet.add(days_row)
    first = header if first is None else first
    for col in list(range(len(lead))) + [len(top) - 1]:
        sheet.merge(first, col, last, col)
    for left, right in merges:
        sheet.merge(header, left, header, right)
    if year_row:
        starts = [col for col, cell in enumerate(year_row) if cell.startswith("Năm ")] + [len(top) - 1]
        for left, right in zip(starts, starts[1:]):
            sheet.merge(first, left, first, right - 1)
    units = people.cell_units(rng, rng.randint(1, 3))
    records = []
    names = people.unique_names(rng, rng.randint(4, 7))
    for number, name in enumerate(names, 1):
        unit = rng.choice(units)
        row = [number, name, rng.choice(["Bí thư", "Đảng viên", "Phó Bí thư", "Chi ủy viên"]), unit]
        attended = 0
        for _, date in meetings:
            if rng.random() < 0.08:
                row.append("")
                continue
            status = rng.choice(["present"] * 5 + ["excused", "absent", "late"])
            row.append(MARKS[status])
            attended += status in ("present", "late")
            records.append({"full_name": name, "date": date.isoformat() if date else None, "status": status,
                            "unit": unit})
        sheet.add(row + [attended])
    sheet.add()
    sheet.add(["", LEGEND])
    formats = ("xlsx", "ods") if source == "tab" else ALL_FORMATS
    return sheet, records, formats
