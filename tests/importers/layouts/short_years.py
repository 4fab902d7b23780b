"""Rosters whose name cells hold the birth date with a year of two digits ("Nguyễn Văn An (15/3/78)", "Lê Thị Hoa -
SN 78"), mixed with four-digit years and plain names: the name, the date, and which cells had the century assumed."""

import datetime as dt
import random
from dataclasses import dataclass, field

from .people import birth_date, unique_names

DATED = ["{name} ({d}/{m}/{yy})", "{name} - SN: {d}.{m}.{yy}", "{name} (SN {dd}/{mm}/{yy})",
         "{name}, sinh ngày {d}-{m}-{yy}", "{name} – NS: {dd}/{mm}/{yy}", "{name}\n{d}/{m}/{yy}"]
YEARS = ["{name} (SN {yy})", "{name} - SN {yy}", "{name}, sinh năm {yy}", "{name} - năm sinh: {yy}"]
FULL = ["{name} ({dd}/{mm}/{yyyy})", "{name}"]


@dataclass
class ShortYears:
    rows: list[list]
    records: list[tuple]
    assumed: list[tuple[int, str, int]] = field(default_factory=list)  # (row, cell, year read)
    years_only: list[int] = field(default_factory=list)


def build(seed: int) -> ShortYears:
    rng = random.Random(f"short-years-{seed}")
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 1"], [], ["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ"]]
    built = ShortYears(rows, [])
    names = unique_names(rng, rng.randint(3, 6))
    for number, name in enumerate(names, 1):
        born = birth_date(rng)
        if rng.random() < 0.2:  # born this century: 05 -> 2005
            born = dt.date(rng.randint(2000, 2006), born.month, min(born.day, 28))
        kind = rng.choice(["dated", "dated", "year", "full"]) if number > 1 else "dated"
        template = rng.choice({"dated": DATED, "year": YEARS, "full": FULL}[kind])
        cell = template.format(name=name, d=born.day, m=born.month, dd=f"{born.day:02d}", mm=f"{born.month:02d}",
                               yy=f"{born.year % 100:02d}", yyyy=born.year)
        rows.append([number, cell, "Đoàn công tác số 1", "Thành viên"])
        truth = None if kind == "year" or cell == name else born
        built.records.append((name, truth.isoformat() if truth else None))
        if kind in ("dated", "year"):
            built.assumed.append((len(rows), cell, born.year))
        if kind == "year":
            built.years_only.append(len(rows))
    return built
