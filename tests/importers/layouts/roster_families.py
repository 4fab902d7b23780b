"""Roster families seen in blind batches, rebuilt as seeded variations: the unit a member follows marked by an "x"
under one of several short chi bộ columns, a unit column merged down over each group's rows, a Word table pasted
into Excel (a position or a name spilling onto the next row), and name with position in one cell beside one text
naming group, role and chi bộ.

Each builder returns a `Built`: the sheet's rows and merges (0-based, inclusive) and the records a careful reader
takes from it."""

from dataclasses import dataclass, field

from . import people, vocab

TITLES = [
    [["ĐẢNG BỘ PHƯỜNG BẮC HỒNG"], ["DANH SÁCH PHÂN CÔNG THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []],
    [["ĐẢNG CỘNG SẢN VIỆT NAM"], ["Đảng ủy xã Thạch Hà"], [], ["DANH SÁCH CÁN BỘ PHỤ TRÁCH CHI BỘ"],
     ["(Kèm theo Quyết định số 12-QĐ/ĐU)"], []],
    [["PHÂN CÔNG ĐẢNG ỦY VIÊN PHỤ TRÁCH CƠ SỞ NĂM 2025"]],
]
ROLE_WORDS = {"head": ["Trưởng đoàn", "Trưởng Đoàn"], "deputy": ["Phó trưởng đoàn", "Phó đoàn"],
              "member": ["Thành viên", "Ủy viên", "TV"]}
GROUP_CELLS = ["Đoàn công tác số {N}", "Đoàn {N}", "ĐCT số {N}"]
GROUP_ROWS = ["ĐOÀN CÔNG TÁC SỐ {N}", "{R}. Đoàn công tác số {N}"]
ROMAN = ["I", "II", "III", "IV"]


@dataclass
class Built:
    rows: list
    merges: list = field(default_factory=list)
    records: list = field(default_factory=list)


def _record(name, position, group, role, unit):
    return {"full_name": name, "birth_date": None, "position": position, "group": f"Đoàn công tác số {group}",
            "role": role, "unit": unit, "phone": None}


def _members(rng, groups: int) -> list[tuple[int, str, str, str]]:
    """(group, role, name, position) of every member, group by group: a head, a deputy or two, members."""
    names = people.unique_names(rng, groups * 6)
    out = []
    for group in range(1, groups + 1):
        roles = ["head"] + ["deputy"] * rng.randint(1, 2) + ["member"] * rng.randint(1, 3)
        out += [(group, role, names.pop(), rng.choice(vocab.POSITIONS)) for role in roles]
    return out


def _title(rng) -> list:
    return [list(row) for row in rng.choice(TITLES)]


# ---- 1. the unit marked by an "x" under one of several short chi bộ columns --------------------------------

UNIT_SHORTS = {  # short header -> full name when no legend says otherwise
    "cb_tdp": ("CB TDP {n}", "Chi bộ TDP {n}", "Chi bộ Tổ dân phố {n}"),
    "chi_bo_n": ("Chi bộ {n}", "Chi bộ {n}", "Chi bộ Thôn {n}"),
    "cb_named": ("CB {place}", "Chi bộ {place}", "Chi bộ {place}"),
    "cb_glued": ("CB{n}", "Chi bộ {n}", "Chi bộ Khu phố {n}"),
    "numbers_under_chi_bo": ("{n}", "Chi bộ {n}", "Chi bộ Thôn {n}"),  # 1 | 2 | 3 under a 'Chi bộ …' header
}
NUMBER_PARENTS = ["Chi bộ phụ trách", "Chi bộ", "Chi bộ được phân công"]
PLACES = ["Trường TH", "Trường THCS", "Khối 2", "Thôn 4", "Trạm Y tế", "Khu phố 3"]
MARK_PARENTS = ["Địa bàn phụ trách", "Chi bộ phụ trách", "Đơn vị phụ trách", "Phụ trách chi bộ",
                "Địa bàn được phân công"]
MARKS = ["x", "X", "✓"]
LEGENDS = ["none", "one_line", "line_each"]


def unit_marks(rng, two_marks: bool = False) -> Built:
    style = rng.choice(list(UNIT_SHORTS))
    parent = rng.choice(MARK_PARENTS + [None])  # None: the short columns stand in the header row alone
    if style == "numbers_under_chi_bo":
        parent = rng.choice(NUMBER_PARENTS)
    legend = rng.choice(LEGENDS)
    mark = rng.choice(MARKS)
    group_mode = rng.choice(["column", "rows"])
    has_position = rng.random() < 0.6
    count = rng.randint(2, 4)
    short, plain, named = UNIT_SHORTS[style]
    places = rng.sample(PLACES, count)
    numbers = sorted(rng.sample(range(1, 9), count))
    shorts = [short.format(n=n, place=p) for n, p in zip(numbers, places)]
    if style == "numbers_under_chi_bo" and rng.random() < 0.5:
        shorts = [int(text) for text in shorts]  # typed as numbers
    fulls = [(named if legend != "none" else plain).format(n=n, place=p) for n, p in zip(numbers, places)]
    if legend != "none" and style == "cb_named":
        fulls = [f"Chi bộ {p} phường Bắc Hồng" for p in places]
    keys = ["STT", "Họ và tên"] + (["Chức vụ"] if has_position else []) \
        + (["Đoàn công tác"] if group_mode == "column" else []) + [rng.choice(["Nhiệm vụ", "Nhiệm vụ trong đoàn"])]
    rows = _title(rng)
    merges = []
    first = len(rows)
    if parent:
        rows.append(keys + [parent] + [None] * (count - 1))
        rows.append([None] * len(keys) + shorts)
        merges.append((first, len(keys), first, len(keys) + count - 1))
        merges += [(first, c, first + 1, c) for c in range(len(keys))]
    else:
        rows.append(keys + shorts)
    members = _members(rng, rng.randint(1, 3))
    twice = rng.randrange(len(members)) if two_marks else None
    records, number, current = [], 0, None
    for at, (group, role, name, position) in enumerate(members):
        if group_mode == "rows" and group != current:
            rows.append([rng.choice(GROUP_ROWS).format(N=group, R=ROMAN[group - 1])])
            merges.append((len(rows) - 1, 0, len(rows) - 1, len(keys) + count - 1))
        current = group
        number += 1
        ticked = rng.sample(range(count), 2) if at == twice else [rng.randrange(count)]
        row = [number, name] + ([position] if has_position else []) \
            + ([rng.choice(GROUP_CELLS).format(N=group)] if group_mode == "column" else []) \
            + [rng.choice(ROLE_WORDS[role])] + [mark if c in ticked else None for c in range(count)]
        rows.append(row)
        records += [_record(name, position if has_position else None, group, role, fulls[c]) for c in sorted(ticked)]
    if legend == "one_line":
        rows += [[], ["Ghi chú: " + "; ".join(f"{s} - {f}" for s, f in zip(shorts, fulls))]]
    elif legend == "line_each":
        rows += [[], ["Ghi chú:"]] + [[f"{s}: {f}"] for s, f in zip(shorts, fulls)]
    return Built(rows, merges, records)


# ---- 2. a unit column merged down over each group's rows -----------------------------------------------------

MERGED_UNIT_HEADERS = ["Chi bộ", "Cơ sở", "Tổ chức đảng", "Chi bộ, đảng bộ", "Chi bộ/Đảng bộ"]


def merged_unit(rng) -> Built:
    header = ["STT", "Họ và tên", "Chức vụ", "Đoàn", "Nhiệm vụ", rng.choice(MERGED_UNIT_HEADERS)]
    if rng.random() < 0.5:  # the unit column first
        header = [header[0], header[5]] + header[1:5]
    at_unit = header.index(next(h for h in header if h in MERGED_UNIT_HEADERS))
    rows, merges = _title(rng), []
    rows.append(header)
    members = _members(rng, rng.randint(2, 3))
    units = people.cell_units(rng, 3)
    records, start, current = [], None, None
    for number, (group, role, name, position) in enumerate(members, start=1):
        values = {"STT": number, "Họ và tên": name, "Chức vụ": position, "Đoàn": f"Đoàn {group}",
                  "Nhiệm vụ": rng.choice(ROLE_WORDS[role])}
        row = [values.get(h) for h in header]
        if group != current:
            row[at_unit] = units[group - 1]
            if start is not None:
                merges.append((start, at_unit, len(rows) - 1, at_unit))
            start, current = len(rows), group
        rows.append(row)
        records.append(_record(name, position, group, role, units[group - 1]))
    merges.append((start, at_unit, len(rows) - 1, at_unit))
    return Built(rows, merges, records)


# ---- 3. a Word table pasted into Excel: a position or a name spills onto the next row -----------------------

def _cut(text: str, rng) -> tuple[str, str]:
    words = text.split(" ")
    at = rng.randint(1, len(words) - 1)
    return " ".join(words[:at]), " ".join(words[at:])


def spilled_rows(rng) -> Built:
    header = ["TT", rng.choice(["Họ và tên", "Họ tên"]), rng.choice(["Chức vụ", "Chức vụ, đơn vị công tác"]),
              "Đoàn công tác", "Nhiệm vụ", rng.choice(["Đơn vị phụ trách", "Địa bàn phụ trách"])]
    rows = _title(rng) + [header]
    members = _members(rng, rng.randint(1, 2))
    units = people.cell_units(rng, 6)
    records = []
    long_positions = [p for p in vocab.POSITIONS if " " in p]
    for number, (group, role, name, _) in enumerate(members, start=1):
        position = rng.choice(long_positions)
        unit = rng.choice(units)
        spill = rng.choice(["none", "position", "position", "name", "position_and_unit"])
        if spill == "name" and len(name.split()) < 3:
            spill = "position"
        row = [number, name, position, f"Đoàn công tác số {group}", rng.choice(ROLE_WORDS[role]), unit]
        extra = []
        if spill in ("position", "position_and_unit"):
            row[2], rest = _cut(position, rng)
            extra = [None, None, rest, None, None, None]
            if spill == "position_and_unit":
                row[5], extra[5] = _cut(unit, rng)
        elif spill == "name":
            row[1], rest = _cut(name, rng)
            extra = [None, rest, None, None, None, None]
        rows.append(row)
        if extra:
            rows.append(extra)
        records.append(_record(name, position, group, role, unit))
    return Built(rows, [], records)


# ---- 4. name and position in one cell, group, role and chi bộ in one text -------------------------------------

NAME_POSITION_HEADERS = ["Họ tên, chức vụ", "Họ và tên, chức vụ", "Họ và tên - Chức vụ", "Họ và tên\nChức vụ"]
NAME_POSITION_CELLS = ["{NAME} - {POSITION}", "{NAME}\n{POSITION}", "{NAME} – {POSITION}"]
TASK_HEADERS = ["Nhiệm vụ", "Phân công", "Nhiệm vụ được phân công"]
ROLE_TEXTS = {"head": ["Trưởng Đoàn công tác số {N}", "Trưởng đoàn {N}"],
              "deputy": ["Phó trưởng đoàn số {N}", "Phó Trưởng Đoàn công tác số {N}"],
              "member": ["Thành viên Đoàn công tác số {N}", "TV Đoàn {N}", "Thành viên đoàn {N}"]}
UNIT_TAILS = [", phụ trách {UNIT}", " - {SHORT}", " (phụ trách {UNIT})", "; địa bàn: {UNIT}",
              ", theo dõi {UNIT}"]


def task_texts(rng) -> Built:
    group_column = rng.random() < 0.4  # the group in a column of its own, the task text naming role and unit
    header = ["STT", rng.choice(NAME_POSITION_HEADERS)] + (["Đoàn"] if group_column else []) \
        + [rng.choice(TASK_HEADERS)]
    if rng.random() < 0.3:
        header.append("Ghi chú")
    cell = rng.choice(NAME_POSITION_CELLS)
    tail = rng.choice(UNIT_TAILS)
    rows = _title(rng) + [header]
    records = []
    units = people.cell_units(rng, 5)
    for number, (group, role, name, position) in enumerate(_members(rng, rng.randint(1, 3)), start=1):
        unit = rng.choice(units)
        lead = rng.choice(ROLE_WORDS[role]) if group_column else rng.choice(ROLE_TEXTS[role]).format(N=group)
        task = lead + tail.replace("{UNIT}", unit).replace("{SHORT}", unit.replace("Chi bộ ", "CB ", 1))
        rows.append([number, cell.replace("{NAME}", name).replace("{POSITION}", position)]
                    + ([f"Đoàn {group}"] if group_column else []) + [task])
        records.append(_record(name, position, group, role, unit))
    return Built(rows, [], records)
