"""Registers in which some listed people have no mark at all: one block per meeting (a date line, the people, a
"Cộng" line), a month grid, a date and mark list, and people across the top. Returns the rows, the records a
right reading gives and the (row, name) of every unmarked person as the warning names them."""

import random
from dataclasses import dataclass, field

from .people import unique_names

LAYOUTS = ["blocks", "wide", "long"]
MARKS = {"x": "present", "P": "excused", "K": "absent"}
TITLE = [["ĐẢNG BỘ PHƯỜNG TRUNG LƯƠNG"], ["Chi bộ Khu phố 3"], [], ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], []]


@dataclass
class Unmarked:
    layout: str
    rows: list[list]
    records: list[tuple]
    unmarked: list[tuple[int, str]] = field(default_factory=list)


def build(seed: int) -> Unmarked:
    rng = random.Random(f"unmarked-{seed}")
    layout = rng.choice(LAYOUTS)
    names = unique_names(rng, rng.randint(5, 7))
    days = [(8, 1), (12, 2), (10, 3)][:rng.randint(2, 3)]
    blank = {(day, name) for day in days for name in names if rng.random() < 0.2}
    if not blank:
        blank = {(rng.choice(days), rng.choice(names))}
    return {"blocks": _blocks, "wide": _wide, "long": _long}[layout](rng, names, days, blank)


def _mark(rng) -> str:
    return rng.choice(list(MARKS))


def _blocks(rng, names, days, blank) -> Unmarked:
    statuses = ["Có mặt", "Vắng có phép", "Vắng không phép"]
    rows = TITLE + [["STT", "Họ và tên", *statuses, "Ghi chú"]]
    built = Unmarked("blocks", rows, [])
    for number, (day, month) in enumerate(days, 1):
        rows.append([f"Buổi {number}: Sinh hoạt thường kỳ - ngày {day:02d}/{month:02d}/2025"])
        for index, name in enumerate(names, 1):
            if ((day, month), name) in blank:
                rows.append([index, name])
                built.unmarked.append((len(rows), name))
                continue
            column = (index + number + rng.randrange(2)) % 3  # every status column holds marks (three at least)
            rows.append([index, name] + [None] * column + ["x"])
            built.records.append((name, f"2025-{month:02d}-{day:02d}", ["present", "excused", "absent"][column]))
        rows.append([f"Cộng: {len(names)} đồng chí"])
    return built


def _wide(rng, names, days, blank) -> Unmarked:
    months = [month for _, month in days]
    rows = TITLE + [["STT", "Họ và tên", *[f"Tháng {month}" for month in months]]]
    built = Unmarked("wide", rows, [])
    empty = {name for name in names if rng.random() < 0.3} or {rng.choice(names)}  # no mark in any month
    for index, name in enumerate(names, 1):
        marks = [None if name in empty else _mark(rng) for _ in months]
        rows.append([index, name, *marks])
        if name in empty:
            built.unmarked.append((len(rows), name))
    for month in months:
        column = months.index(month) + 2
        built.records += [(row[1], f"2025-{month:02d}-01", MARKS[row[column]]) for row in rows[len(TITLE) + 1:]
                          if row[column]]
    return built


def _long(rng, names, days, blank) -> Unmarked:
    rows = TITLE + [["STT", "Họ và tên", "Ngày họp", "Điểm danh"]]
    built = Unmarked("long", rows, [])
    number = 0
    for day, month in days:
        for name in names:
            number += 1
            date = f"{day:02d}/{month:02d}/2025"
            if ((day, month), name) in blank:
                rows.append([number, name, date, None])
                built.unmarked.append((len(rows), name))
                continue
            mark = _mark(rng)
            rows.append([number, name, date, mark])
            built.records.append((name, f"2025-{month:02d}-{day:02d}", MARKS[mark]))
    return built
