"""Families of blind batch b10, rebuilt as seeded variations: a register whose names are split over "Họ và chữ lót" |
"Tên" (or "Họ" | "Tên đệm" | "Tên") under a "Tháng MM/YYYY" line standing over each month's first meeting only; a
roster whose name and position share a cell ("Đồng chí <name> - <position>") under "Đồng chí - chức vụ"; a
register cut into sections ("I. ĐẢNG VIÊN CHÍNH THỨC") with the numbering restarting; a roster whose totals line
writes its label in another column than the names ("Tổng cộng:" in the role column, "29 đồng chí" where the names
go).

Each builder returns a `Built` (see roster_families): the rows, merged ranges (0-based, inclusive) and the records
a careful reader takes."""

import datetime as dt

from . import people
from .roster_families import ROLE_WORDS, Built, _members, _record

# ---- 1. a name split over two or three columns, in northern and southern wordings ----------------------------

HEADS = ["Họ và chữ lót", "Họ, chữ lót", "Họ và tên lót", "Họ đệm", "Họ và đệm", "Họ và tên đệm", "HỌ VÀ CHỮ LÓT",
         "Họ chữ lót", "Họ và tên đệm lót"]
MIDDLES = ["Tên đệm", "Chữ lót", "Đệm", "Tên lót", "Chữ đệm"]
GIVENS = ["Tên", "Tên gọi", "TÊN"]
SOUTHERN = ({"present": "C", "excused": "P", "absent": "K", "late": "T"},
            "Ghi chú: C - có mặt; P - vắng có phép; K - vắng không phép; T - đến trễ")
NORTHERN = ({"present": "x", "excused": "P", "absent": "K", "late": "M"},
            "Ký hiệu: x - có mặt; P - vắng có phép; K - vắng không phép; M - đi muộn")
REGISTER_TITLES = [
    [["Đảng bộ xã Tân Phú"], ["Chi bộ Ấp Tân Hòa"], ["DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM {YEAR}"], []],
    [["ĐẢNG BỘ PHƯỜNG BẮC HỒNG"], ["Chi bộ Ấp Tân Hòa"], [], ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM {YEAR}"]],
]
UNIT = "Chi bộ Ấp Tân Hòa"


def _meetings(rng, year: int) -> list[dt.date]:
    """One or two meetings a month over four to six months, in order."""
    out = []
    for month in range(1, rng.randint(4, 6) + 1):
        days = sorted(rng.sample(range(2, 28), rng.choice([1, 1, 2])))
        out += [dt.date(year, month, day) for day in days]
    return out


def _title(rng, year: int) -> list:
    return [[cell.replace("{YEAR}", str(year)) for cell in row] for row in rng.choice(REGISTER_TITLES)]


def _date_headers(rng, meetings: list[dt.date]) -> tuple[list | None, list]:
    """(month line or None, header cells) for the meeting columns: 'Tháng MM/YYYY' over each month's first meeting
    only with the day numbers below, or one row of full dates."""
    if rng.random() < 0.7:
        seen, over = set(), []
        for day in meetings:
            over.append(None if day.month in seen else f"Tháng {day.month:02d}/{day.year}")
            seen.add(day.month)
        typed = rng.choice([lambda day: f"{day.day:02d}", lambda day: day.day])  # text '06' or the number 6
        return over, [typed(day) for day in meetings]
    return None, [day.strftime("%d/%m/%Y") for day in meetings]


def _statuses(rng, count: int, marks: dict, left_at: int | None) -> list[str | None]:
    choices = list(marks)
    return [None if left_at is not None and at >= left_at
            else rng.choices(choices, [0.75, 0.1, 0.08, 0.07])[0] for at in range(count)]


def split_name_register(rng) -> Built:
    year = rng.choice([2024, 2025, 2026])
    meetings = _meetings(rng, year)
    three = rng.random() < 0.4
    parts = ["Họ", rng.choice(MIDDLES), rng.choice(GIVENS)] if three else [rng.choice(HEADS), rng.choice(GIVENS)]
    marks, legend = rng.choice([SOUTHERN, NORTHERN])
    over, dates = _date_headers(rng, meetings)
    lead = ["STT"] + parts
    header = lead + dates + ["Ghi chú"]
    rows = _title(rng, year)
    if over is not None:
        rows.append(lead + over + ["Ghi chú"])
        rows.append([None] * len(lead) + dates + [None])
    else:
        rows.append(header)
    names = people.unique_names(rng, rng.randint(5, 10))
    leaver = rng.randrange(len(names)) if rng.random() < 0.5 else None
    records = []
    for number, name in enumerate(names, start=1):
        words = name.split()
        if three:
            cells = [words[0], " ".join(words[1:-1]) or None, words[-1]]
        else:
            cells = [" ".join(words[:-1]), words[-1]]
        left_at = rng.randint(2, len(meetings) - 1) if number - 1 == leaver else None
        statuses = _statuses(rng, len(meetings), marks, left_at)
        note = "Chuyển sinh hoạt, tạm dừng theo dõi" if left_at is not None else None
        rows.append([number] + cells + [marks[s] if s else None for s in statuses] + [note])
        records += [{"full_name": name, "date": day.isoformat(), "status": status, "unit": UNIT}
                    for day, status in zip(meetings, statuses) if status]
    rows += [[], [legend]]
    return Built(rows, [], records)


# ---- 2. name and position in one cell under "Đồng chí - chức vụ" ---------------------------------------------

PERSON_HEADERS = ["Đồng chí - chức vụ", "Đồng chí, chức vụ", "Đ/c - Chức vụ", "Họ tên, chức vụ", "Họ và tên - Chức vụ",
                  "ĐỒNG CHÍ - CHỨC VỤ", "Họ và tên đồng chí, chức vụ"]
HONORIFICS = ["Đồng chí ", "Đ/c ", "đ/c ", "Đồng chí ", ""]
DASHED_POSITIONS = ["Phó Chủ tịch HĐND - UBND xã", "Trưởng phòng Văn hóa - Thông tin", "Chánh Văn phòng HĐND - UBND",
                    "Phó Trưởng Ban Tuyên giáo - Dân vận"]
GROUP_CELLS = ["ĐCT số {N}", "Đoàn công tác số {N}", "Đoàn {N}"]
CLOSINGS = ["Danh sách gồm {N} đồng chí.", "(Danh sách có {N} đồng chí)"]


def name_dash_position(rng) -> Built:
    header = ["STT", rng.choice(PERSON_HEADERS), "Đoàn", rng.choice(["Trách nhiệm trong Đoàn", "Nhiệm vụ"]),
              rng.choice(["Cơ sở phụ trách", "Đơn vị phụ trách"])]
    honorific = rng.choice(HONORIFICS)
    dash = rng.choice([" - ", " – "])
    group_cell = rng.choice(GROUP_CELLS)
    rows = [["THỊ ỦY THÁI HÒA", None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"], [],
            ["DANH SÁCH CÁC ĐỒNG CHÍ THAM GIA ĐOÀN CÔNG TÁC"], [], header]
    units = people.cell_units(rng, 4)
    records = []
    members = _members(rng, rng.randint(2, 3))
    for number, (group, role, name, position) in enumerate(members, start=1):
        if rng.random() < 0.4:
            position = rng.choice(DASHED_POSITIONS)
        prefix = honorific if rng.random() < 0.8 else rng.choice(HONORIFICS)
        unit = rng.choice(units)
        rows.append([number, f"{prefix}{name}{dash}{position}", group_cell.replace("{N}", str(group)),
                     rng.choice(ROLE_WORDS[role]), unit])
        records.append(_record(name, position, group, role, unit))
    if rng.random() < 0.6:
        rows += [[], [rng.choice(CLOSINGS).replace("{N}", str(len(members)))]]
    return Built(rows, [], records)


# ---- 3. a register cut into sections, the numbering restarting under each -----------------------------------

SECTION_SETS = [
    ["I. ĐẢNG VIÊN CHÍNH THỨC", "II. ĐẢNG VIÊN DỰ BỊ", "III. ĐẢNG VIÊN ĐƯỢC MIỄN SINH HOẠT"],
    ["Đảng viên chính thức", "Đảng viên dự bị", "Đảng viên miễn sinh hoạt"],
    ["A. Chính thức", "B. Dự bị", "C. Miễn sinh hoạt đảng"],
    ["1. Đảng viên chính thức", "2. Đảng viên dự bị"],
    ["ĐẢNG VIÊN CHÍNH THỨC", "ĐẢNG VIÊN DỰ BỊ"],
]


def section_register(rng) -> Built:
    year = rng.choice([2024, 2025])
    meetings = _meetings(rng, year)
    birth_year = rng.random() < 0.5
    lead = ["STT", "Họ và tên"] + (["Năm sinh"] if birth_year else [])
    rows = [["ĐẢNG BỘ PHƯỜNG BẮC HÀ"], [UNIT], [], [f"SỔ ĐIỂM DANH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM {year}"], []]
    rows.append(lead + [day.strftime("%d/%m/%Y") for day in meetings])
    marks = {"present": "x", "excused": "p", "absent": "k", "late": "m"}
    sections = rng.choice(SECTION_SETS)
    merged = rng.random() < 0.4  # the section text merged over the numbering and name columns
    names = iter(people.unique_names(rng, 4 * len(sections)))
    records, merges = [], []
    for order, section in enumerate(sections):
        if merged:
            merges.append((len(rows), 0, len(rows), len(lead) - 1))
        rows.append([section])
        exempt = order == 2
        for number in range(1, rng.randint(2, 4) + 1):
            name = next(names)
            statuses = [None if exempt and rng.random() < 0.8 else s for s in _statuses(rng, len(meetings), marks,
                                                                                          None)]
            rows.append([number, name] + ([rng.randint(1950, 2000)] if birth_year else [])
                        + [marks[s] if s else None for s in statuses])
            records += [{"full_name": name, "date": day.isoformat(), "status": status, "unit": UNIT}
                        for day, status in zip(meetings, statuses) if status]
    rows += [[], ["Ký hiệu: x - có mặt; p - vắng có phép; k - vắng không phép; m - đi muộn"]]
    return Built(rows, merges, records)


# ---- 4. a roster totals line labelled in another column than the names --------------------------------------

TOTAL_LABELS = ["Tổng cộng:", "Tổng cộng", "TỔNG CỘNG", "Cộng:", "Tổng số:"]
COUNT_CELLS = ["{N} đồng chí", "{N} đ/c", "{N}", "{N} người", None]
SUBTOTAL_LABELS = ["Cộng Đoàn {N}:", "Cộng đoàn số {N}"]


def labelled_totals(rng) -> Built:
    order = rng.choice([["group", "role", "name", "position", "unit"], ["name", "position", "group", "role", "unit"],
                        ["group", "name", "role", "position", "unit"]])
    words = {"group": "Đoàn công tác", "role": "Vai trò", "name": "Họ và tên", "position": "Chức vụ",
             "unit": "Đơn vị phụ trách"}
    header = ["STT"] + [words[field] for field in order]
    rows = [["ĐẢNG BỘ THỊ XÃ HÒA HIẾU"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [], header]
    label_at = 1 + order.index(rng.choice([field for field in order if field != "name"]))
    name_at = 1 + order.index("name")
    count_cell = rng.choice(COUNT_CELLS)
    subtotals = rng.random() < 0.3 and count_cell is not None
    units = people.cell_units(rng, 4)
    members = _members(rng, rng.randint(2, 3))
    records, number = [], 0

    def totals(label: str, count: int) -> list:
        row = [None] * len(header)
        row[label_at] = label
        row[name_at] = count_cell.replace("{N}", str(count)) if count_cell else None
        if count_cell == "{N}":
            row[name_at] = count
        return row

    for group in sorted({member[0] for member in members}):
        mine = [member for member in members if member[0] == group]
        for _, role, name, position in mine:
            number += 1
            unit = rng.choice(units)
            cells = {"group": f"Đoàn công tác số {group}", "role": rng.choice(ROLE_WORDS[role]), "name": name,
                     "position": position, "unit": unit}
            rows.append([number] + [cells[field] for field in order])
            records.append(_record(name, position, group, role, unit))
        if subtotals:
            rows.append(totals(rng.choice(SUBTOTAL_LABELS).replace("{N}", str(group)), len(mine)))
    rows.append(totals(rng.choice(TOTAL_LABELS), len(members)))
    return Built(rows, [], records)

