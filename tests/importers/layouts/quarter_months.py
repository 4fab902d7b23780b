"""Wide registers whose month numbers sit under quarters: three header rows, the label saying what the columns count
('Tháng sinh hoạt chi bộ năm 2024', 'Năm 2024' or 'Tháng' with the year in the title only) merged over the quarters
(or no such label: two header rows, the quarters naming the months, the year in the title) ('Quý I', 'Quý 1', 'QUÝ I';
or the half-years '6 tháng đầu năm' / '6 tháng cuối năm'), each merged over its months' numbers (1, '01'); TT, name,
unit and 'Ghi chú' merged down the three rows. Optionally a subtotal column after each quarter ('Cộng', 'Tổng'), in
the quarter row merged down or under the quarter, holding the count of meetings attended. Marks x / vp / v / m
explained by a legend under the table.

`quarter_months(seed)` returns (sheet, exact records, facts); `own_numbers(seed)` a register whose numbers count
each quarter's own months (1 | 2 | 3 under every quarter), with the dates a misreading would give."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

MARKS = {"present": "x", "excused": "vp", "absent": "v", "late": "m"}
LEGENDS = ["Ký hiệu: x - có mặt; vp - vắng có phép; v - vắng không phép; m - đi muộn.",
           "Ghi chú: x - có mặt; vp - vắng có phép; v - vắng không phép; m - đi muộn"]
QUARTERS = {
    "roman": lambda n: f"Quý {'I II III IV'.split()[n - 1]}",
    "arabic": lambda n: f"Quý {n}",
    "caps": lambda n: f"QUÝ {'I II III IV'.split()[n - 1]}",
}
HALVES = ["6 tháng đầu năm", "6 tháng cuối năm"]
NUMBERS = {"int": lambda m: m, "text_01": lambda m: f"{m:02d}"}
UNIT_HEADERS = ["Chi bộ dự sinh hoạt", "Chi bộ", "Chi bộ sinh hoạt"]
SUBTOTALS = ["Cộng", "Tổng"]


def _upper(rng, year: int, place: str) -> str:
    if place == "upper":
        return rng.choice([f"Tháng sinh hoạt chi bộ năm {year}", f"Năm {year}"])
    return rng.choice(["Tháng", "Tháng sinh hoạt chi bộ"])


def _periods(rng) -> tuple[str, list[tuple[str, list[int]]]]:
    if rng.random() < 0.2:
        return "halves", [(HALVES[0], list(range(1, 7))), (HALVES[1], list(range(7, 13)))]
    style = rng.choice(list(QUARTERS))
    return style, [(QUARTERS[style](n), list(range(3 * n - 2, 3 * n + 1))) for n in range(1, 5)]


def quarter_months(seed: int) -> tuple[Sheet, list, dict]:
    rng = random.Random(seed)
    year = rng.randint(2023, 2026)
    place = rng.choice(["upper", "upper", "title", "bare"])
    style, periods = _periods(rng)
    number = NUMBERS[rng.choice(list(NUMBERS))]
    subtotal = rng.choice([None, None, "period_row", "under_period"])
    subtotal_word = rng.choice(SUBTOTALS)
    unit_column = rng.random() < 0.7
    units = people.cell_units(rng, rng.randint(1, 3)) if unit_column else people.cell_units(rng, 1)
    lead = ["TT", "Họ và tên"] + ([rng.choice(UNIT_HEADERS)] if unit_column else [])
    month_columns: dict[int, int] = {}  # column -> month
    subtotal_columns: dict[int, list[int]] = {}  # column -> the months it counts
    column = len(lead)
    for _, months in periods:
        for month in months:
            month_columns[column] = month
            column += 1
        if subtotal:
            subtotal_columns[column] = months
            column += 1
    width = column + 1
    sheet = Sheet(rng.choice([f"Theo doi {year}", "Sheet1", "Diem danh"]), width=width)
    sheet.add(["ĐẢNG BỘ XÃ TỊNH KHÊ"] + [None] * (width // 2 - 1) + ["ĐẢNG CỘNG SẢN VIỆT NAM"])
    sheet.add()
    sheet.add_banner("SỔ THEO DÕI THÀNH VIÊN ĐOÀN CÔNG TÁC DỰ SINH HOẠT CHI BỘ"
                     + (f" NĂM {year}" if place != "upper" else ""))
    if not unit_column:
        sheet.add([f"Đơn vị: {units[0]}"])
    sheet.add()
    if place == "bare":
        top = len(sheet.rows) - 1  # no label row: the quarters stand on the header's first row
    else:
        top = sheet.add(lead + [_upper(rng, year, place)] + [None] * (width - len(lead) - 2) + ["Ghi chú"])
    period_row = [None] * width
    number_row = [None] * width
    column = len(lead)
    for label, months in periods:
        period_row[column] = label
        for month in months:
            number_row[column] = number(month)
            column += 1
        if subtotal == "period_row":
            period_row[column] = subtotal_word
            sheet.merge(top + 1, column, top + 2, column)
        elif subtotal == "under_period":
            number_row[column] = subtotal_word
        span = len(months) + (1 if subtotal == "under_period" else 0)
        sheet.merge(top + 1, column - len(months), top + 1, column - len(months) + span - 1)
        column += 1 if subtotal else 0
    if place == "bare":
        period_row[:len(lead)], period_row[-1] = lead, "Ghi chú"
    sheet.add(period_row)
    sheet.add(number_row)
    for index in list(range(len(lead))) + [width - 1]:
        sheet.merge(top + (place == "bare"), index, top + 2, index)
    if place != "bare":
        sheet.merge(top, len(lead), top, width - 2)
    names = people.unique_names(rng, rng.randint(4, 12))
    held = list(range(1, 13))[:12 - rng.choice([0, 0, 1, 2])]  # the last months not held yet: empty for everyone
    joiner = rng.randrange(len(names)) if rng.random() < 0.5 else None
    leaver = rng.randrange(len(names)) if rng.random() < 0.3 else None
    records = []
    for position, name in enumerate(names):
        unit = units[position * len(units) // len(names)]
        row = [position + 1, name] + ([unit] if unit_column else []) + [None] * (width - len(lead))
        since = rng.randint(2, 6) if position == joiner else 1
        until = rng.randint(7, 11) if position == leaver and position != joiner else 12
        attended = {}
        for index, month in month_columns.items():
            if month not in held or month < since or month > until:
                continue
            status = rng.choice(["present"] * 6 + ["excused", "absent", "late"])
            row[index] = MARKS[status]
            attended[month] = status in ("present", "late")
            records.append({"full_name": name, "date": dt.date(year, month, 1).isoformat(), "status": status,
                            "unit": unit})
        for index, months in subtotal_columns.items():
            if any(month in attended for month in months):
                row[index] = sum(attended.get(month, False) for month in months)
        if since > 1:
            row[-1] = f"Bổ sung vào Đoàn từ tháng {since}"
        elif until < 12:
            row[-1] = f"Chuyển công tác từ tháng {until + 1}"
        sheet.add(row)
    sheet.add()
    sheet.add([None, rng.choice(LEGENDS)])
    sheet.add()
    sheet.add([None] * (width - 5) + ["NGƯỜI LẬP BIỂU"])
    return sheet, records, {"place": place, "periods": style, "subtotal": subtotal}


def own_numbers(seed: int) -> tuple[Sheet, set[str]]:
    """Quarters over 1 | 2 | 3 each (the quarter's first, second, third month): no months of the year."""
    rng = random.Random(seed)
    year = rng.randint(2023, 2026)
    style = rng.choice(list(QUARTERS))
    lead = ["TT", "Họ và tên", "Chi bộ"]
    width = len(lead) + 12 + 1
    sheet = Sheet("Sheet1", width=width)
    sheet.add_banner(f"SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM {year}")
    sheet.add()
    top = sheet.add(lead + [rng.choice([f"Năm {year}", "Tháng"])] + [None] * 11 + ["Ghi chú"])
    sheet.add([None] * len(lead) + [cell for n in range(1, 5) for cell in (QUARTERS[style](n), None, None)] + [None])
    sheet.add([None] * len(lead) + [1, 2, 3] * 4 + [None])
    for index in list(range(len(lead))) + [width - 1]:
        sheet.merge(top, index, top + 2, index)
    sheet.merge(top, len(lead), top, width - 2)
    for n in range(4):
        sheet.merge(top + 1, len(lead) + 3 * n, top + 1, len(lead) + 3 * n + 2)
    unit = people.cell_units(rng, 1)[0]
    for position, name in enumerate(people.unique_names(rng, 5)):
        sheet.add([position + 1, name, unit] + [rng.choice("xxxxvm") for _ in range(12)] + [None])
    sheet.add()
    sheet.add([None, LEGENDS[0]])
    misread = {dt.date(year, month, 1).isoformat() for month in (1, 2, 3)}
    return sheet, misread
