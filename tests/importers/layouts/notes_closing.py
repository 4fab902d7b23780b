"""Seeded rosters of three families seen in a blind batch, with their exact records:

- ``note_values``: the phone (and, without a birth-date column, the birth date) written only in a free-text column
  as "ĐT: 0912.345.678", "SĐT 0912 345 678", "SN: 15/3/1978", "Ngày sinh: ngày 5 tháng 3 năm 1975"; one cell with
  a labelled phone too short to be one and one with a bare number, both left blank and warned about; sometimes a
  phone column of its own beside the notes, which then wins;
- ``closing_block``: the decision's closing block under the table ("Nơi nhận:" with its list, "T/M ĐẢNG ỦY" /
  "TM. BAN THƯỜNG VỤ" / "KT. BÍ THƯ", the signer's title and name, "- Lưu VP."; or only the signers' titles
  "BÍ THƯ", "THƯ KÝ | CHỦ TỌA" over their names), its first cell in the name column, the first column or the last
  one, among people surnamed Lưu;
- ``group_word``: the group column headed by a short group word ("Đoàn CT", "Tổ CT", "Đ.CT") holding "Đoàn 1",
  "Đoàn số 2", "ĐCT 3" or bare numbers, beside a workplace column ("Đơn vị công tác", no field) and the unit
  column ("Chi bộ phụ trách").

``build(family, seed)`` returns a ``NoteLayout``; ``write(layout, directory)`` saves it as .xlsx, .ods or .csv.
``register(seed)`` is an attendance register with a "Đoàn CT" column, which must stay a register."""

import datetime as dt
import random
from dataclasses import dataclass, field

from .people import birth_date, phone, unique_names
from .sheet import Sheet
from .vocab import CELLS, POSITIONS
from .writers import write_csv, write_ods, write_xlsx

FAMILIES = ("note_values", "closing_block", "group_word")
FORMATS = ("xlsx", "ods", "csv_utf8")
ROLES = {"head": "Trưởng đoàn", "deputy": "Phó Trưởng đoàn", "member": "Thành viên"}
TITLES = (
    ["PHỤ LỤC", "DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC",
     "(Kèm theo Quyết định số 125-QĐ/ThU ngày 15/3/2026 của Ban Thường vụ Thị ủy)", None],
    ["ĐẢNG BỘ XÃ PHÚ HÒA", "DANH SÁCH PHÂN CÔNG ĐẢNG ỦY VIÊN THEO DÕI CHI BỘ", None],
)
NOTE_HEADERS = ("Ghi chú", "Ghi chú khác", "Thông tin khác")
PHONE_LABELS = ("ĐT: ", "SĐT: ", "Điện thoại: ", "DĐ: ", "SĐT ", "ĐT ")
OTHER_NOTES = ("Nghỉ phép tháng 3", "Mới bổ sung", "Kiêm nhiệm")
GROUP_HEADERS = ("Đoàn CT", "Tổ CT", "Đ.CT", "Đoàn")


@dataclass
class NoteLayout:
    family: str
    seed: int
    sheet: Sheet
    fmt: str
    header_row: int  # 1-based
    records: list[dict] = field(default_factory=list)
    warned_cells: list[str] = field(default_factory=list)  # cells ("F9") some warning's text must name
    closing_rows: list[int] = field(default_factory=list)  # 1-based rows skipped as the closing block
    read_from_notes: bool = False  # phones were taken from the notes column (a warning must say so)
    options: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.family}-{self.seed}-{self.fmt}-{'-'.join(self.options)}"


def _letter(index: int) -> str:
    return chr(ord("A") + index)


def _dotted(number: str, rng) -> str:
    return rng.choice((f"{number[:4]}.{number[4:7]}.{number[7:]}", f"{number[:4]} {number[4:7]} {number[7:]}", number))


def _people(rng, groups: int, surname: str | None = None):
    count = groups * 4
    names = unique_names(rng, count)
    if surname:
        names[1] = f"{surname} Văn Phong"
        names[-2] = f"{surname} Thị Hà"
    people = []
    for index, name in enumerate(names):
        group, order = divmod(index, 4)
        role = "head" if order == 0 else "deputy" if order == 1 else "member"
        people.append({"full_name": name, "birth_date": birth_date(rng), "position": rng.choice(POSITIONS),
                       "group": group + 1, "role": role, "phone": phone(rng)})
    return people


def _record(person, unit, born=True, phone_=None, group=None):
    return {"full_name": person["full_name"], "birth_date": person["birth_date"].isoformat() if born else None,
            "position": person["position"], "group": group or f"Đoàn công tác số {person['group']}",
            "role": person["role"], "unit": unit, "phone": phone_}


def _note_values(rng, layout: NoteLayout) -> None:
    sheet = layout.sheet
    birth_column = rng.random() < 0.6
    own_phone = rng.random() < 0.3
    note_header = rng.choice(NOTE_HEADERS)
    headers = ["TT", "Họ và tên"] + (["Ngày sinh"] if birth_column else []) + ["Chức vụ", "Đoàn công tác",
                                                                             "Nhiệm vụ trong Đoàn", "Đơn vị phụ trách"]
    headers += (["Điện thoại"] if own_phone else []) + [note_header]
    layout.options += [f"birth{int(birth_column)}", f"phone{int(own_phone)}", note_header]
    sheet.width = len(headers)
    sheet.add_title_rows(rng.choice(TITLES))
    sheet.add(headers)
    layout.header_row = len(sheet.rows)
    note_letter = _letter(len(headers) - 1)
    people = _people(rng, 3)
    odd = rng.sample(range(len(people)), 2)  # one labelled number too short, one bare number
    for index, person in enumerate(people):
        unit = f"Chi bộ {CELLS[person['group'] % len(CELLS)].format(n=person['group'])}"
        note, phone_, born = "", None, birth_column
        if index == odd[0]:
            note = f"{rng.choice(PHONE_LABELS).strip()}: 0912.345"
        elif index == odd[1]:
            note = f"Liên hệ {person['phone']}"
        elif rng.random() < 0.5:
            note = rng.choice(PHONE_LABELS) + _dotted(person["phone"], rng)
            phone_ = person["phone"]
        elif rng.random() < 0.4:
            note = rng.choice(OTHER_NOTES)
        if not birth_column and index not in odd and rng.random() < 0.6:
            day = person["birth_date"]
            said = rng.choice((f"SN: {day.day}/{day.month}/{day.year}",
                               f"Ngày sinh: ngày {day.day:02d} tháng {day.month} năm {day.year}"))
            note = f"{said}; {note}" if note else said
            born = True
        if own_phone:
            phone_ = person["phone"]
        row = [index + 1, person["full_name"]] + ([person["birth_date"].strftime("%d/%m/%Y")] if birth_column else [])
        row += [person["position"], f"Đoàn {person['group']}", ROLES[person["role"]], unit]
        row += ([person["phone"]] if own_phone else []) + [note]
        at = sheet.add(row) + 1
        if index == odd[1] or (index == odd[0] and not own_phone):  # each said in a warning of one or two cells
            layout.warned_cells.append(f"{note_letter}{at}")
        layout.records.append(_record(person, unit, born, phone_))
    layout.read_from_notes = not own_phone and any(record["phone"] for record in layout.records)


CLOSINGS = (
    [["Nơi nhận:\n- Thường trực Thị ủy;\n- Các chi bộ;\n- Lưu VP.", "T/M ĐẢNG ỦY"], [None, "PHÓ BÍ THƯ"], None,
     [None, "Nguyễn Thị Bích Ngọc"]],
    [["Nơi nhận:", "TM. BAN THƯỜNG VỤ"], ["- Như trên;", "BÍ THƯ"], ["- Lưu: VT.", None], None,
     [None, "Trần Quốc Khánh"]],
    [["- Lưu VP.", "KT. BÍ THƯ"], [None, "PHÓ BÍ THƯ"], None, [None, "Lê Văn Tám"]],
    [[None, "BÍ THƯ"], None, None, [None, "Nguyễn Văn Ký"]],  # the signer's title alone, no mandate line
    [["THƯ KÝ", "CHỦ TỌA"], None, ["Lưu Thị Ký", "Trần Văn Tọa"]],
)


def _closing_block(rng, layout: NoteLayout) -> None:
    sheet = layout.sheet
    headers = ["Đoàn công tác", "Chi bộ phụ trách", "Họ và tên", "Chức vụ", "Nhiệm vụ", "Điện thoại", "STT"]
    sheet.width = len(headers)
    sheet.add_title_rows(rng.choice(TITLES))
    sheet.add(headers)
    layout.header_row = len(sheet.rows)
    people = _people(rng, 3, surname="Lưu")
    for index, person in enumerate(people):
        unit = f"Chi bộ Khu phố {person['group']}"
        first = person["role"] == "head"
        sheet.add([f"Đoàn số {person['group']}" if first else None, unit if first else None, person["full_name"],
                   person["position"], ROLES[person["role"]], person["phone"], index + 1])
        layout.records.append(_record(person, unit, born=False, phone_=person["phone"]))
    sheet.add()
    block = rng.choice(CLOSINGS)
    left = rng.choice((0, 2))  # the block's first cell under the first column or the names
    right = rng.choice((4, 5, 6))
    layout.options += [f"left{left}", f"right{right}", block[0][1] or block[0][0]]
    for line in block:
        if line is None:
            sheet.add()
            continue
        row = [None] * len(headers)
        row[left], row[right] = line
        layout.closing_rows.append(sheet.add(row) + 1)


def _group_word(rng, layout: NoteLayout) -> None:
    sheet = layout.sheet
    group_header = rng.choice(GROUP_HEADERS)
    style = rng.choice(("Đoàn {n}", "Đoàn số {n}", "ĐCT {n}", "number"))
    team = group_header.startswith("Tổ")
    if team and style.startswith("Đ"):
        style = "Tổ {n}"
    layout.options += [group_header, style]
    headers = ["STT", "Họ và tên", "Ngày sinh", "Đơn vị công tác", "Chức vụ", group_header, "Trong đoàn",
               "Chi bộ phụ trách", "SĐT"]
    sheet.width = len(headers)
    sheet.add_title_rows(rng.choice(TITLES))
    sheet.add(headers)
    layout.header_row = len(sheet.rows)
    workplaces = ("Phòng Nội vụ", "Văn phòng Thị ủy", "Ban Tổ chức Thị ủy", "Trung tâm Chính trị")
    for index, person in enumerate(_people(rng, 3)):
        unit = f"Chi bộ Ấp {rng.choice(('Long Bình', 'Tân Thạnh', 'Mỹ Lợi', 'Phú Hòa'))}"
        number = person["group"]
        value = number if style == "number" else style.format(n=number)
        sheet.add([index + 1, person["full_name"], dt.datetime.combine(person["birth_date"], dt.time()),
                   rng.choice(workplaces), person["position"], value, ROLES[person["role"]], unit,
                   f"(+84) {person['phone'][1:4]}.{person['phone'][4:7]}.{person['phone'][7:]}"])
        group = f"{'Tổ' if team else 'Đoàn'} công tác số {number}"
        layout.records.append(_record(person, unit, phone_=person["phone"], group=group))


BUILDERS = {"note_values": _note_values, "closing_block": _closing_block, "group_word": _group_word}


def build(family: str, seed: int) -> NoteLayout:
    rng = random.Random(f"{family}-{seed}")
    fmt = FORMATS[seed % len(FORMATS)]
    layout = NoteLayout(family=family, seed=seed, sheet=Sheet(name="Danh sach"), fmt=fmt, header_row=0)
    BUILDERS[family](rng, layout)
    return layout


def register(seed: int) -> Sheet:
    """An attendance register with a 'Đoàn CT' column of group references: a register still."""
    rng = random.Random(f"register-{seed}")
    sheet = Sheet(name="So theo doi", width=6)
    sheet.add_title_rows(["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025", "Chi bộ Tổ dân phố 3", None])
    sheet.add(["STT", "Họ và tên", "Đoàn CT", "Tháng 1", "Tháng 2", "Tháng 3"])
    for index, name in enumerate(unique_names(rng, 6)):
        sheet.add([index + 1, name, f"Đoàn {index % 2 + 1}"] + [rng.choice(("x", "x", "P")) for _ in range(3)])
    sheet.add(["Ghi chú: x - có mặt; P - vắng có phép; K - vắng không phép"])
    return sheet


def write(layout: NoteLayout, directory) -> str:
    path = directory / f"{layout.family}-{layout.seed}.{layout.fmt.split('_')[0]}"
    if layout.fmt == "xlsx":
        write_xlsx(path, [layout.sheet])
    elif layout.fmt == "ods":
        write_ods(path, [layout.sheet])
    else:
        write_csv(path, layout.sheet, layout.fmt)
    return str(path)
