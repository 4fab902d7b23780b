"""Rosters kept as one table per working group laid out in a grid on one sheet (1×2, 1×3, 2×2, 2×1, 3×1 blocks):
each block has a caption naming its group ("ĐOÀN CÔNG TÁC SỐ 2", "Đoàn số 2"), a line naming the unit it follows
("Phụ trách: …", "Địa bàn phụ trách: …", "Theo dõi: …") and its own header; one or two empty columns between blocks
side by side, blank rows between rows of blocks, maybe a total line under each block; heads' names in capitals.
`build(seed)` returns (sheet, exact records, block by block: left to right, then the next row of blocks)."""

import datetime as dt
import random

from . import people, vocab
from .sheet import Sheet

SHAPES = [(1, 2), (2, 2), (1, 3), (2, 1), (3, 1)]  # rows × columns of blocks
CAPTIONS = ["ĐOÀN CÔNG TÁC SỐ {n}", "Đoàn công tác số {n}", "ĐOÀN SỐ {n}", "{n}. Đoàn công tác số {n}"]
UNIT_LINES = ["Phụ trách: {unit}", "Địa bàn phụ trách: {unit}", "Theo dõi: {unit}", "Đơn vị phụ trách: {unit}"]
ROLES = {"head": "Trưởng đoàn", "deputy": "Phó Trưởng đoàn", "member": "Thành viên"}
HEADERS = [  # (label, field) left to right
    [("TT", None), ("Họ và tên", "full_name"), ("Ngày sinh", "birth_date"), ("Chức vụ", "position"),
     ("Nhiệm vụ", "role"), ("Điện thoại", "phone")],
    [("STT", None), ("Họ và tên", "full_name"), ("Chức vụ", "position"), ("Nhiệm vụ trong đoàn", "role"),
     ("Số điện thoại", "phone")],
    [("TT", None), ("Họ và tên", "full_name"), ("Ngày tháng năm sinh", "birth_date"),
     ("Chức vụ, đơn vị công tác", "position"), ("Vai trò", "role")],
]


def _phone(rng, number: str) -> str:
    return rng.choice([f"{number[:4]} {number[4:7]} {number[7:]}", number, f"{number[:4]}.{number[4:7]}.{number[7:]}"])


def _members(rng, names: list[str]) -> list[dict]:
    roles = ["head"] + ["deputy"] * rng.randint(1, 2) + ["member"] * rng.randint(1, 3)
    return [{"full_name": names.pop(), "birth_date": people.birth_date(rng), "position": rng.choice(vocab.POSITIONS),
             "role": role, "phone": people.phone(rng)} for role in roles]


def _cells(rng, header, member: dict, number: int) -> list:
    out = []
    for _, field in header:
        value = member.get(field)
        if field is None:
            out.append(number)
        elif field == "full_name":
            out.append(value.upper() if member["role"] == "head" and rng.random() < 0.7 else value)
        elif field == "birth_date":
            out.append(dt.datetime(value.year, value.month, value.day))
        elif field == "role":
            out.append(ROLES[value])
        elif field == "phone":
            out.append(_phone(rng, value))
        else:
            out.append(value)
    return out


def _record(header, member: dict, group: int, unit: str) -> dict:
    fields = {field for _, field in header}
    return {"full_name": member["full_name"],
            "birth_date": member["birth_date"].isoformat() if "birth_date" in fields else None,
            "position": member["position"], "group": f"Đoàn công tác số {group}", "role": member["role"],
            "unit": unit, "phone": member["phone"] if "phone" in fields else None}


def _across(parts: list[list], gap: int) -> list:
    """One sheet row of blocks side by side, `gap` empty columns between them."""
    row: list = []
    for index, part in enumerate(parts):
        row += ([None] * gap if index else []) + part
    return row


def build(seed: int) -> tuple[Sheet, list[dict]]:
    rng = random.Random(seed)
    bands, across = SHAPES[seed % len(SHAPES)]
    header = rng.choice(HEADERS)
    gap = rng.choice([1, 2])
    span = len(header)
    width = across * span + (across - 1) * gap
    caption, unit_line = rng.choice(CAPTIONS), rng.choice(UNIT_LINES)
    merged = rng.random() < 0.6
    total = rng.choice([None, None, "Cộng: {k} đồng chí", "Cộng: {k} thành viên"])
    sheet = Sheet(rng.choice(["Tong hop DCT", "Sheet1", "DS doan"]), width=width)
    right = [None] * (span + gap - 1) + ["ĐẢNG CỘNG SẢN VIỆT NAM"] if across > 1 else []
    sheet.add(["THỊ ỦY " + rng.choice(vocab.PLACES).upper()] + right)
    sheet.add()
    sheet.add_banner("DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC CỦA BAN THƯỜNG VỤ")
    sheet.add()
    names = people.unique_names(rng, bands * across * 6)
    used: list[str] = []
    records = []
    for band in range(bands):
        if band:
            for _ in range(rng.choice([1, 2])):
                sheet.add()
        groups = [band * across + column + 1 for column in range(across)]
        units = []
        for _ in groups:
            units.append(people.ward_unit(rng, used))
            used.append(units[-1])
        members = [_members(rng, names) for _ in groups]
        for texts in ([caption.format(n=n) for n in groups], [unit_line.format(unit=unit) for unit in units]):
            number = sheet.add(_across([[text] + [None] * (span - 1) for text in texts], gap))
            for column in range(across if merged else 0):
                sheet.merge(number, column * (span + gap), number, column * (span + gap) + span - 1)
        sheet.add(_across([[label for label, _ in header]] * across, gap))
        for index in range(max(len(group) for group in members)):
            sheet.add(_across([_cells(rng, header, group[index], index + 1) if index < len(group)
                               else [None] * span for group in members], gap))
        if total:
            sheet.add(_across([[total.format(k=len(group))] + [None] * (span - 1) for group in members], gap))
        records += [_record(header, member, n, unit)
                    for n, unit, group in zip(groups, units, members) for member in group]
    sheet.add()
    sheet.add([None] * (width - 2) + ["T/M BAN THƯỜNG VỤ"])
    sheet.add([None] * (width - 2) + ["PHÓ BÍ THƯ THƯỜNG TRỰC"])
    return sheet, records
