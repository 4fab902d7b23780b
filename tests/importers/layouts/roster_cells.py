"""Seeded rosters of four families seen in a blind batch, with their exact records and the rows that must fail:

- ``birth_in_name``: the birth date typed into the name cell ("Nguyễn Văn An (15/03/1978)", "… - SN: 15/3/1978",
  "…, sinh năm 1978"), with or without a birth-date column beside it;
- ``role_ticks``: the role as a tick under one of two or three role columns ("Vai trò" over "Trưởng đoàn |
  Phó đoàn | Thành viên", "Tr.đoàn | P.đoàn | TV"), one row ticked twice and one ticked nowhere;
- ``role_words_column``: role words in a column named "Chức danh" / "Chức danh trong Đoàn" / "Nhiệm vụ trong
  đoàn", beside a task column named as the role column or an empty "Vai trò" column;
- ``subtotals``: "Cộng Đoàn I: 06 đồng chí" / "Cộng: 6" after each group and a grand total, in the name or the STT
  column, among people surnamed Tống and Công.

``build(family, seed)`` returns a ``CellLayout``; ``write(layout, directory)`` saves it as .xlsx or .csv."""

import datetime as dt
import random
from dataclasses import dataclass, field

from .people import birth_date, unique_names
from .sheet import Sheet
from .writers import write_csv, write_xlsx

FORMATS = ("xlsx", "csv_utf8", "csv_utf8_bom_semicolon")
TITLES = (
    [],
    ["ĐẢNG BỘ HUYỆN ĐÔNG ANH", "DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC", None],
    ["ĐẢNG CỘNG SẢN VIỆT NAM", "Đông Anh, ngày 02 tháng 3 năm 2026", "DANH SÁCH ĐOÀN KIỂM TRA, GIÁM SÁT", None],
)
ROMAN = ("I", "II", "III", "IV")


@dataclass
class CellLayout:
    family: str
    seed: int
    sheet: Sheet
    fmt: str
    header_row: int  # 1-based, the last header row
    records: list[dict] = field(default_factory=list)
    error_rows: list[int] = field(default_factory=list)  # 1-based rows that must fail with an error naming them
    warned_rows: list[int] = field(default_factory=list)  # 1-based rows a warning must name
    unused_column: str | None = None  # letter of a column the importer must report as read by no field
    options: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.family}-{self.seed}-{'-'.join(self.options)}"


def _record(name, born=None, position=None, group=1, role="member"):
    return {"full_name": name, "birth_date": born.isoformat() if isinstance(born, dt.date) else None,
            "position": position, "group": f"Đoàn công tác số {group}", "role": role, "unit": None, "phone": None}


def _start(rng, family, seed, width):
    sheet = Sheet(name="Danh sach", width=width)
    title = rng.choice(TITLES)
    for line in title:
        sheet.add() if line is None else sheet.add_banner(line)
    return sheet, [f"title={len(title)}"]


def _group_cell(rng, number):
    return rng.choice([f"Đoàn {number}", f"Đoàn công tác số {number}", f"Đoàn số {number}"])


def _people(rng, count):
    roles = ["head", "deputy"] + ["member"] * (count - 2)
    return list(zip(unique_names(rng, count), roles))


def _date_text(rng, born: dt.date) -> str:
    return rng.choice([f"{born:%d/%m/%Y}", f"{born.day}/{born.month}/{born.year}", f"{born:%d-%m-%Y}",
                       f"{born:%d.%m.%Y}"])


def birth_in_name(seed: int) -> CellLayout:
    rng = random.Random(seed)
    with_column = rng.random() < 0.5
    sheet, options = _start(rng, "birth_in_name", seed, 6 if with_column else 5)
    name_header = rng.choice(["Họ và tên", "Họ tên", "Họ và tên đảng viên", "HỌ VÀ TÊN", "Họ và tên, năm sinh",
                              "Họ tên (ngày sinh)", "Họ và tên - Ngày tháng năm sinh", "Họ tên/năm sinh"])
    header = ["STT", name_header] + (["Ngày sinh"] if with_column else []) + ["Đoàn công tác", "Nhiệm vụ"]
    header_row = sheet.add(header) + 1
    layout = CellLayout("birth_in_name", seed, sheet, rng.choice(FORMATS), header_row,
                        options=options + [f"column={with_column}"])
    people = _people(rng, 6)
    roles = {"head": "Trưởng đoàn", "deputy": "Phó đoàn", "member": "Thành viên"}
    year_only = rng.randrange(2, 6)
    conflict = rng.choice([r for r in range(2, 6) if r != year_only]) if with_column else None
    no_day = rng.choice([r for r in range(1, 6) if r not in (year_only, conflict)]) if rng.random() < 0.4 else None
    capitals = rng.random() < 0.3
    layout.options += [f"capitals={capitals}", f"no_day={no_day}"]
    for number, (name, role) in enumerate(people, 1):
        born = birth_date(rng)
        typed_name = name.upper() if capitals else name
        if number - 1 == no_day:
            sheet.add([number, f"{typed_name} (31/02/{born.year})"] + ([None] if with_column else [])
                      + [_group_cell(rng, 1), roles[role]])
            layout.error_rows.append(header_row + number)
            continue
        name, display = typed_name, name
        if number - 1 == year_only:
            bare = [f"{name} - {born.year}", f"{name}\n{born.year}"] if "sinh" in name_header.casefold() else []
            cell = rng.choice([f"{name}, sinh năm {born.year}", f"{name} (SN {born.year})",
                               f"{name} - năm sinh: {born.year}"] + bare)
        else:
            text = _date_text(rng, born)
            cell = rng.choice([f"{name} ({text})", f"{name} - SN: {text}", f"{name} (SN {text})",
                               f"{name}, sinh ngày {text}", f"{name} - {text}", f"{name} (sinh {text})",
                               f"{name}\n{text}", f"{name} – NS: {text}"])
        column, truth = [], born if number - 1 != year_only else None
        if with_column:
            if number - 1 == conflict:
                typed = born.replace(year=born.year + 1)
                column, truth = [f"{typed:%d/%m/%Y}"], typed
                layout.warned_rows.append(header_row + number)
            elif number - 1 == year_only:
                column, truth = [f"{born:%d/%m/%Y}"], born
            else:
                column = [rng.choice([f"{born:%d/%m/%Y}", None])]
        sheet.add([number, cell] + column + [_group_cell(rng, 1), roles[role]])
        layout.records.append(_record(display, truth, group=1, role=role))
    if not with_column:
        layout.warned_rows.append(header_row + 1 + year_only)
    return layout


HEADINGS = (
    ("Trưởng đoàn", "Phó đoàn", "Thành viên"),
    ("Tr.đoàn", "P.đoàn", "TV"),
    ("Trưởng đoàn", "Phó trưởng đoàn", "Ủy viên"),
    ("Trưởng Đoàn", "Phó Trưởng Đoàn", "Thành viên Đoàn"),
    ("Trưởng đoàn", "Thành viên"),
)
PARENTS = ("Vai trò", "Chức danh trong đoàn", "Nhiệm vụ trong đoàn", "Vai trò trong Đoàn")
TICKS = ("x", "X", "✓", "v", "1")


def role_ticks(seed: int) -> CellLayout:
    rng = random.Random(seed)
    headings = rng.choice(HEADINGS)
    parent = rng.choice(PARENTS)
    ticks_first = rng.random() < 0.5
    width = 3 + len(headings) + 1
    sheet, options = _start(rng, "role_ticks", seed, width)
    lead = ["STT", "Họ và tên"]
    tail = ["Chức vụ"]
    at = 2 if ticks_first else 3
    if rng.random() < 0.3:  # the role headings in the one header row, no heading above them
        parent = None
        header_row = sheet.add(lead + (list(headings) + ["Đoàn"] if ticks_first else ["Đoàn"] + list(headings))
                               + tail) + 1
    else:
        top = lead + ([parent] + [None] * (len(headings) - 1) + ["Đoàn"] if ticks_first
                      else ["Đoàn", parent] + [None] * (len(headings) - 1)) + tail
        sub = [None, None] + (list(headings) + [None] if ticks_first else [None] + list(headings)) + [None]
        first = sheet.add(top)
        header_row = sheet.add(sub) + 1
        sheet.merge(first, at, first, at + len(headings) - 1)
        for column in range(width):
            if not at <= column < at + len(headings):
                sheet.merge(first, column, first + 1, column)
    layout = CellLayout("role_ticks", seed, sheet, rng.choice(FORMATS), header_row,
                        options=options + [f"parent={parent}", f"headings={'|'.join(headings)}",
                                           f"ticks_first={ticks_first}"])
    people = _people(rng, 6)
    kinds = ("head", "deputy", "member") if len(headings) == 3 else ("head", "member")
    twice, nowhere = rng.sample(range(2, 6), 2)
    for number, (name, role) in enumerate(people, 1):
        role = role if role in kinds else "member"
        marks = [rng.choice(TICKS) if kind == role else None for kind in kinds]
        if number - 1 == twice:
            marks = [rng.choice(TICKS)] + [None] * (len(kinds) - 2) + [rng.choice(TICKS)]
        if number - 1 == nowhere:
            marks = [None] * len(kinds)
        group = _group_cell(rng, 2)
        position = rng.choice(["Bí thư chi bộ", "Chuyên viên", "Phó Chủ tịch UBND"])
        sheet.add([number, name] + (marks + [group] if ticks_first else [group] + marks) + [position])
        if number - 1 in (twice, nowhere):
            layout.error_rows.append(header_row + number)
        else:
            layout.records.append(_record(name, None, position, group=2, role=role))
    return layout


ROLE_WORDS = {"head": ("Trưởng đoàn", "Trưởng Đoàn", "TRƯỞNG ĐOÀN"),
              "deputy": ("Phó trưởng đoàn", "Phó Trưởng đoàn", "Phó đoàn"),
              "member": ("Thành viên", "Ủy viên", "thành viên")}


def role_words_column(seed: int) -> CellLayout:
    rng = random.Random(seed)
    other = rng.choice(["tasks", "empty role", "sections", "position"])
    label = "Chức danh" if other in ("empty role", "sections") or rng.random() < 0.5 else rng.choice(
        ["Chức danh trong Đoàn", "Nhiệm vụ trong đoàn", "Chức danh trong đoàn"])
    extra = {"tasks": ["Nhiệm vụ"], "empty role": ["Vai trò"], "position": ["Chức vụ"], "sections": []}[other]
    sheet, options = _start(rng, "role_words_column", seed, 4 + len(extra))
    header_row = sheet.add(["STT", "Họ và tên", label, "Đoàn"] + extra) + 1
    layout = CellLayout("role_words_column", seed, sheet, rng.choice(FORMATS), header_row,
                        options=options + [f"label={label}", f"other={other}"])
    layout.unused_column = {"tasks": "E", "sections": "C"}.get(other)
    sections = {"head": "1. Trưởng đoàn:", "deputy": "2. Phó trưởng đoàn:", "member": "3. Thành viên:"}
    shown = None
    for number, (name, role) in enumerate(_people(rng, 5), 1):
        if other == "sections" and role != shown:
            sheet.add([sections[role]])
            shown = role
        cells = {"tasks": [rng.choice(["Phụ trách chung", "Theo dõi Chi bộ Thôn 1", "Theo dõi Chi bộ Thôn 2"])],
                 "empty role": [None], "position": [rng.choice(["Bí thư", "Chuyên viên"])], "sections": []}[other]
        sheet.add([number, name, rng.choice(ROLE_WORDS[role]), _group_cell(rng, 3)] + cells)
        layout.records.append(_record(name, None, cells[0] if other == "position" else None, group=3, role=role))
    return layout


def subtotals(seed: int) -> CellLayout:
    rng = random.Random(seed)
    headings = rng.random() < 0.4  # the group as a sub-header row above its people, no group column
    sheet, options = _start(rng, "subtotals", seed, 3 if headings else 4)
    header = ["STT", "Họ và tên"] + ([] if headings else ["Đoàn công tác"]) + ["Nhiệm vụ trong đoàn"]
    header_row = sheet.add(header) + 1
    in_name = rng.random() < 0.5
    layout = CellLayout("subtotals", seed, sheet, rng.choice(FORMATS), header_row,
                        options=options + [f"in_name={in_name}", f"headings={headings}"])
    roles = {"head": "Trưởng đoàn", "deputy": "Phó đoàn", "member": "Thành viên"}
    total, number = 0, 0
    surnamed = ["Tống Văn Hải", "Công Thị Lan", "Tống Thị Cộng"]
    for group in (1, 2, 3):
        if headings:
            sheet.add_banner(f"{ROMAN[group - 1]}. ĐOÀN CÔNG TÁC SỐ {group}")
        people = _people(rng, rng.randint(3, 5))
        people[-1] = (surnamed[group - 1], "member")
        for name, role in people:
            number += 1
            sheet.add([number, name] + ([] if headings else [_group_cell(rng, group)]) + [roles[role]])
            layout.records.append(_record(name, None, group=group, role=role))
        count = len(people)
        total += count
        line = rng.choice([f"Cộng Đoàn {ROMAN[group - 1]}: {count:02d} đồng chí", f"Cộng: {count}",
                           f"Cộng {count} đ/c", f"Cộng đoàn số {group}: {count} người"])
        _line(sheet, line, in_name)
        if rng.random() < 0.3:
            sheet.add()
    _line(sheet, rng.choice([f"Tổng cộng: {total} đ/c", f"Tổng số: {total} đồng chí", f"TỔNG CỘNG: {total}"]),
          in_name)
    sheet.add()
    sheet.add_banner("NGƯỜI LẬP BIỂU")
    return layout


def _line(sheet: Sheet, text: str, in_name: bool) -> None:
    if in_name:
        sheet.add([None, text])
        return
    row = sheet.add([text])
    sheet.merge(row, 0, row, 1)


FAMILIES = {"birth_in_name": birth_in_name, "role_ticks": role_ticks, "role_words_column": role_words_column,
            "subtotals": subtotals}


def build(family: str, seed: int) -> CellLayout:
    return FAMILIES[family](seed)


def write(layout: CellLayout, directory) -> str:
    if layout.fmt == "xlsx":
        path = directory / f"{layout.name}.xlsx"
        write_xlsx(path, [layout.sheet])
    else:
        path = directory / f"{layout.name}.csv"
        write_csv(path, layout.sheet, layout.fmt)
    return path
