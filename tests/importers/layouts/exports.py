"""Software exports: a roster or a register as a program writes it, with coded headers ('HO_TEN', 'hoten',
'hoTen'), code columns ('MA_DOAN', 'ID'), coded values ('TRUONG_DOAN', 'VANG_CP'), ISO or time-stamped dates and
phones with the country code. `build_roster` / `build_register` return (sheet, exact records)."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

# Each field's code words, one wording per style of export (the words as written, before the case style).
ROSTER_WORDS = {
    "full_name": [["ho", "ten"], ["ho", "va", "ten"]],
    "birth_date": [["ngay", "sinh"]],
    "position": [["chuc", "vu"], ["chuc", "danh"]],
    "group": [["ten", "doan"], ["doan"], ["doan", "cong", "tac"]],
    "role": [["vai", "tro"], ["nhiem", "vu"]],
    "unit": [["ten", "dv"], ["don", "vi"], ["ten", "don", "vi"], ["dv"]],
    "phone": [["dien", "thoai"], ["sdt"], ["so", "dien", "thoai"]],
}
REGISTER_WORDS = {
    "full_name": [["ho", "ten"], ["ho", "va", "ten"]],
    "date": [["ngay", "hop"], ["ngay", "sinh", "hoat"], ["ngay"]],
    "status": [["trang", "thai"], ["diem", "danh"], ["tinh", "trang"]],
    "unit": [["chi", "bo"], ["don", "vi"], ["ten", "chi", "bo"]],
}
ID_WORDS = [["id"], ["ma", "can", "bo"], ["ma", "dang", "vien"]]
CASES = ("upper_snake", "lower_snake", "squashed", "camel", "pascal")
ROLE_CODES = {"head": ["TRUONG_DOAN", "truong_doan", "Truong_Doan"], "deputy": ["PHO_DOAN", "PHO_TRUONG_DOAN"],
              "member": ["THANH_VIEN", "thanh_vien", "TV"]}
STATUS_CODES = {"present": ["CO_MAT", "co_mat"], "excused": ["VANG_CP", "VANG_CO_PHEP"],
                "absent": ["VANG_KP", "VANG_KHONG_PHEP"], "late": ["DI_MUON", "di_muon"], "exempt": ["MIEN"]}


def code(words: list[str], case: str) -> str:
    """A header code in one export's style."""
    if case == "upper_snake":
        return "_".join(words).upper()
    if case == "lower_snake":
        return "_".join(words)
    if case == "squashed":
        return "".join(words)
    if case == "camel":
        return words[0] + "".join(word.title() for word in words[1:])
    return "".join(word.title() for word in words)


def date_text(rng: random.Random, day: dt.date, is_csv: bool):
    """A date as exports write it: ISO, ISO with a time, d/m/Y with a midnight time, or a date cell."""
    styles = ["iso", "iso_time", "dmy_time"] + ([] if is_csv else ["cell"])
    style = rng.choice(styles)
    if style == "iso":
        return day.isoformat()
    if style == "iso_time":
        return f"{day.isoformat()} 00:00:00"
    if style == "dmy_time":
        return f"{day:%d/%m/%Y} 00:00:00"
    return dt.datetime(day.year, day.month, day.day)


def phone_text(rng: random.Random, phone: str) -> str:
    return rng.choice(["+84" + phone[1:], "84" + phone[1:], phone])


def _header(rng, words: dict, case: str) -> dict[str, str]:
    return {field: code(rng.choice(choices), case) for field, choices in words.items()}


def build_roster(seed: int, is_csv: bool) -> tuple[Sheet, list[dict]]:
    """A roster export: the fields in a shuffled order, maybe a code column beside the group and a record id."""
    rng = random.Random(seed)
    case = rng.choice(CASES)
    headers = _header(rng, ROSTER_WORDS, case)
    fields = list(ROSTER_WORDS)
    rng.shuffle(fields)
    fields.remove("full_name")
    fields.insert(rng.randint(0, 2), "full_name")
    with_group_code = rng.random() < 0.6
    with_id = rng.random() < 0.5
    columns = ([("id", code(rng.choice(ID_WORDS), case))] if with_id else []) + [(f, headers[f]) for f in fields]
    if with_group_code:
        at = next(i for i, (f, _) in enumerate(columns) if f == "group")
        columns.insert(at, ("group_code", code(["ma", "doan"], case)))
    numbered = _numbered(rng, ["head", "deputy", "member"])
    sheet = Sheet(rng.choice(["Sheet1", "export", "DanhSach"]), width=len(columns))
    sheet.add([header for _, header in columns])
    names = people.unique_names(rng, rng.randint(4, 9))
    units = people.cell_units(rng, 3)
    records = []
    for number, name in enumerate(names):
        group = rng.randint(1, 3)
        role = "head" if number == 0 else rng.choice(["deputy", "member", "member"])
        record = {"full_name": name, "birth_date": people.birth_date(rng), "position": rng.choice(
                  ["Bí thư", "Phó Bí thư", "Chủ tịch UBND", "Trưởng Ban Tổ chức"]),
                  "group": f"Đoàn công tác số {group}", "role": role, "unit": rng.choice(units),
                  "phone": people.phone(rng)}
        values = {"id": 1000 + number, "group_code": f"D{group:02d}", "full_name": name,
                  "birth_date": date_text(rng, record["birth_date"], is_csv), "position": record["position"],
                  "group": record["group"], "role": numbered.get(role) or rng.choice(ROLE_CODES[role]),
                  "unit": record["unit"], "phone": phone_text(rng, record["phone"])}
        sheet.add([values[field] for field, _ in columns])
        records.append({**record, "birth_date": record["birth_date"].isoformat()})
    _explain(sheet, numbered, ROLE_WORDING)
    return sheet, records


ROLE_WORDING = {"head": "Trưởng đoàn", "deputy": "Phó trưởng đoàn", "member": "Thành viên"}
STATUS_WORDING = {"present": "có mặt", "excused": "vắng có phép", "absent": "vắng không phép", "late": "đi muộn",
                  "exempt": "miễn sinh hoạt"}


def _numbered(rng: random.Random, meanings: list[str]) -> dict:
    """Half the exports write number codes for a field's values, in an order of their own, explained below."""
    if rng.random() < 0.5:
        return {}
    first = rng.choice([0, 1])
    numbers = list(range(first, first + len(meanings)))
    rng.shuffle(numbers)
    return {meaning: str(number) for meaning, number in zip(meanings, numbers)}


def _explain(sheet: Sheet, numbered: dict, wording: dict) -> None:
    """The note line explaining the number codes, after a blank line."""
    if numbered:
        items = sorted(numbered.items(), key=lambda item: int(item[1]))
        sheet.add([])
        sheet.add(["Ghi chú: " + "; ".join(f"{number} - {wording[meaning]}" for meaning, number in items)])


def build_register(seed: int, is_csv: bool) -> tuple[Sheet, list[dict]]:
    """A register export: one row per person and meeting, statuses as codes, maybe a record id."""
    rng = random.Random(seed)
    case = rng.choice(CASES)
    headers = _header(rng, REGISTER_WORDS, case)
    fields = list(REGISTER_WORDS)
    rng.shuffle(fields)
    fields.remove("full_name")
    fields.insert(rng.randint(0, 1), "full_name")
    with_id = rng.random() < 0.5
    columns = ([("id", code(rng.choice(ID_WORDS), case))] if with_id else []) + [(f, headers[f]) for f in fields]
    numbered = _numbered(rng, list(STATUS_CODES))
    sheet = Sheet(rng.choice(["Sheet1", "export", "DiemDanh"]), width=len(columns))
    sheet.add([header for _, header in columns])
    names = people.unique_names(rng, rng.randint(3, 6))
    unit = people.cell_units(rng, 1)[0]
    year = rng.randint(2023, 2025)
    records = []
    number = 0
    for month in sorted(rng.sample(range(1, 13), rng.randint(1, 3))):
        day = dt.date(year, month, rng.randint(1, 28))
        for name in names:
            status = rng.choice(["present", "present", "present", "excused", "absent", "late", "exempt"])
            number += 1
            values = {"id": number, "full_name": name, "date": date_text(rng, day, is_csv),
                      "status": numbered.get(status) or rng.choice(STATUS_CODES[status]), "unit": unit}
            sheet.add([values[field] for field, _ in columns])
            records.append({"full_name": name, "date": day.isoformat(), "status": status, "unit": unit})
    _explain(sheet, numbered, STATUS_WORDING)
    return sheet, records
