"""Attendance kept one block per person: a row per meeting (date, chi bộ, mark), the row number and the name
merged down over the person's rows (the name on the block's first row only once a copy-paste loses the merge);
some people have fewer meetings."""

import datetime as dt
import random
from dataclasses import dataclass

from .people import cell_units, unique_names
from .sheet import Sheet

MARKS = {"x": "present", "P": "excused", "K": "absent", "M": "late"}
NAME_HEADERS = ["Họ và tên", "Họ tên đảng viên", "Họ và tên"]
DATE_HEADERS = ["Ngày sinh hoạt", "Ngày họp", "Ngày sinh hoạt chi bộ"]
RESULT_HEADERS = ["Kết quả", "Tình hình dự", "Dự sinh hoạt"]


@dataclass
class PersonBlocks:
    sheet: Sheet
    records: list[tuple]
    unmerged: list[int]  # 1-based rows whose name the merge alone gives


def build(seed: int, with_note: bool = True) -> PersonBlocks:
    rng = random.Random(f"person-blocks-{seed}")
    header = ["STT", rng.choice(NAME_HEADERS), rng.choice(DATE_HEADERS), "Chi bộ", rng.choice(RESULT_HEADERS)]
    header += ["Ghi chú"] if with_note else []
    sheet = Sheet("Theo doi", width=len(header))
    sheet.add(["ĐẢNG ỦY XÃ THUẬN LỘC"])
    sheet.add(["SỔ THEO DÕI CÁ NHÂN DỰ SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.add()
    sheet.add(header)
    built = PersonBlocks(sheet, [], [])
    names = unique_names(rng, rng.randint(3, 6))
    units = cell_units(rng, len(names))
    short = rng.randrange(len(names))
    for number, (name, unit) in enumerate(zip(names, units), 1):
        day = rng.randint(2, 9)
        months = range(1, rng.randint(2, 4) + 1 if number - 1 == short else 7)
        first = len(sheet.rows)
        for month in months:
            mark = rng.choice(list(MARKS)) if rng.random() < 0.3 else "x"
            lead = [number, name] if month == 1 else [None, None]
            row = lead + [dt.datetime(2025, month, day), unit, mark] + ([None] if with_note else [])
            sheet.add(row)
            built.records.append((name, dt.date(2025, month, day).isoformat(), MARKS[mark], unit))
            if month > 1:
                built.unmerged.append(len(sheet.rows))
        sheet.merge(first, 0, len(sheet.rows) - 1, 0)
        sheet.merge(first, 1, len(sheet.rows) - 1, 1)
    sheet.add(["Ký hiệu: x - có mặt; P - vắng có phép; K - vắng không phép; M - đi muộn"])
    return built
