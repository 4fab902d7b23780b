"""Wide registers of a school's chi bộ whose meetings are headed by their day and month typed as text, no year
('12/9', '09/01', 'ngày 13/2'), one column a meeting, the year stated one of several ways:

- "two_labels": 'Năm 2024' merged over the autumn meetings and 'Năm 2025' over the spring ones (a CSV export keeps
  each label in its first field only); the title states the school year, the first year alone, or no year;
- "one_label": 'Năm 2025' merged over all the meetings, run within that year;
- "title": no year row, the title's '… NĂM 2025';
- "school_year_title": no year row, the title's 'NĂM HỌC 2024 - 2025' over the autumn meetings only;
- "misplaced": 'Năm 2024' merged over the autumn meetings and the first spring ones, 'Năm 2025' over the rest: the
  year labels and the order of the days disagree.

TT, name and 'Tổ chuyên môn' merged down the header rows, a 'Ghi chú' column at the right, marks ✓ / CP / KP / M
explained by a legend under the table; a blank cell is no record.

`build(seed, year_source)` returns (sheet, exact records, facts): facts["first_back"] is the 0-based column of the
first meeting whose date, read as the labels over it say, is earlier than the one before it (None if none)."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

MARKS = {"present": "✓", "excused": "CP", "absent": "KP", "late": "M"}
LEGENDS = ["Ký hiệu: ✓ có mặt; CP vắng có phép; KP vắng không phép; M đi muộn",
           "Ghi chú: ✓ = có mặt, CP = vắng có phép, KP = vắng không phép, M = đến muộn"]
DAY_MONTHS = [lambda d: f"{d.day}/{d.month}", lambda d: f"{d.day:02d}/{d.month:02d}",
              lambda d: f"ngày {d.day}/{d.month}", lambda d: f"{d.day}.{d.month}"]
YEAR_SOURCES = ("two_labels", "one_label", "title", "school_year_title", "misplaced")
TEAMS = ["Tổ 1", "Tổ 2", "Tổ 3", "Tổ 4-5", "Tổ Văn phòng"]
FORMATS = ("xlsx", "ods", "csv")


def _meetings(rng, source: str, year: int) -> list[dt.date]:
    """One meeting a month: September to December of `year`, then January on of the next (within one year for
    'one_label' and 'title')."""
    if source in ("one_label", "title"):
        months = sorted(rng.sample(range(1, 13), rng.randint(3, 8)))
        return [dt.date(year + 1, month, rng.randint(1, 28)) for month in months]
    autumn = [dt.date(year, month, rng.randint(1, 28)) for month in range(rng.randint(8, 10), 13)]
    if source == "school_year_title":
        return autumn
    return autumn + [dt.date(year + 1, month, rng.randint(1, 28)) for month in range(1, rng.randint(3, 6))]


def _title(rng, source: str, year: int) -> str:
    words = rng.choice(["THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ", "SỔ ĐIỂM DANH SINH HOẠT CHI BỘ"])
    if source == "title":
        return f"{words} NĂM {year + 1}"
    if source in ("school_year_title", "misplaced"):
        return f"{words} NĂM HỌC {year} - {year + 1}"
    if source == "two_labels":
        return words + rng.choice([f" NĂM HỌC {year} - {year + 1}", f" NĂM HỌC {year}-{year + 1}", f" NĂM {year}", ""])
    return words


def build(seed: int, year_source: str | None = None) -> tuple[Sheet, list[dict], dict]:
    rng = random.Random(seed)
    year = rng.randint(2023, 2025)
    source = year_source or rng.choice(YEAR_SOURCES)
    meetings = _meetings(rng, source, year)
    wording = rng.choice(DAY_MONTHS)
    lead = [rng.choice(["TT", "STT"]), "Họ và tên", rng.choice(["Tổ chuyên môn", "Chức vụ, tổ CM"])]
    width = len(lead) + len(meetings) + 1
    school = f"{rng.choice(['Tiểu học', 'THCS', 'Mầm non'])} {rng.choice(['Tân Hưng', 'An Phú', 'Hòa Bình'])}"
    unit = f"Chi bộ Trường {school}"
    sheet = Sheet(rng.choice(["Nam hoc", "Sheet1", "Diem danh"]), width=width)
    sheet.add_banner("ĐẢNG BỘ PHƯỜNG " + rng.choice(["TÂN HƯNG ĐÔNG", "AN PHÚ", "HÒA BÌNH"]))
    sheet.add_banner(unit)
    sheet.add()
    sheet.add_banner(_title(rng, source, year))
    sheet.add()
    days = [None] * len(lead) + [wording(day) for day in meetings] + [None]
    labelled = source in ("two_labels", "one_label", "misplaced")
    if labelled:
        top = sheet.add(lead + [None] * len(meetings) + ["Ghi chú"])
        spring = next((i for i, day in enumerate(meetings) if day.year > year), len(meetings))
        cut = min(spring + rng.randint(1, 2), len(meetings) - 1) if source == "misplaced" else spring
        spans = [(0, len(meetings), year + 1)] if source == "one_label" \
            else [(0, cut, year), (cut, len(meetings), year + 1)]
        for left, right, label_year in spans:
            sheet.rows[top][len(lead) + left] = f"Năm {label_year}"
            sheet.merge(top, len(lead) + left, top, len(lead) + right - 1)
        last = sheet.add(days)
        for col in list(range(len(lead))) + [width - 1]:
            sheet.merge(top, col, last, col)
    else:
        sheet.add(lead + days[len(lead):-1] + ["Ghi chú"])
    read_as = list(meetings)
    if source == "misplaced":
        read_as = [dt.date(year, day.month, day.day) if i < cut else day for i, day in enumerate(meetings)]
    first_back = next((len(lead) + i for i in range(1, len(read_as)) if read_as[i] < read_as[i - 1]), None)
    records = []
    for number, name in enumerate(people.unique_names(rng, rng.randint(5, 9)), 1):
        row = [number, name, rng.choice(TEAMS)]
        for day in read_as:
            if rng.random() < 0.07:
                row.append(None)
                continue
            status = rng.choice(["present"] * 6 + ["excused", "absent", "late"])
            row.append(MARKS[status])
            records.append({"full_name": name, "date": day.isoformat(), "status": status, "unit": unit})
        sheet.add(row + [None])
    sheet.add()
    sheet.add([rng.choice(LEGENDS)])
    return sheet, records, {"first_back": first_back}
