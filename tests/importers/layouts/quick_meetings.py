"""One meeting's quick attendance list: a first line naming the chi bộ and, after a dash (or 'thuộc'), its đảng bộ
('Chi bộ Thôn Háo Đức - Đảng bộ xã Nhơn An'); a line about the meeting giving its day after 'ngày' ('Điểm danh
sinh hoạt chi bộ định kỳ tháng 6/2025, thứ Ba ngày 10/6/2025', '… ngày 10 tháng 06 năm 2025'); no date column;
'Có mặt' holding x (present) or the legend's late mark, 'Vắng' holding the legend's excused or absent mark (a tick
there: absent); a legend line last, with or without 'x - có mặt'. Sometimes a place-and-date line ('Nhơn An,
ngày 12 tháng 6 năm 2025') above the table or over the signature: the document's date, not the meeting's.

`quick_list(seed)` returns (sheet, exact records, facts); `unsure_list(seed, kind)` a list whose meeting date is
not sure ('two_dates': two meeting days stated; 'letterhead_only': only the document's date is): no date to take."""

import datetime as dt
import random

from . import people, vocab
from .sheet import Sheet

UNITS = ["Chi bộ Thôn {ward}", "Chi bộ Khối {n}", "Chi bộ Tổ dân phố {n}", "Chi bộ Xóm {n}", "Chi bộ thôn {ward}"]
SUPERIORS = ["Đảng bộ xã {ward}", "Đảng bộ phường {ward}", "Đảng bộ thị trấn {ward}"]
SEPARATORS = [" - ", " – ", ", ", " thuộc "]
WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
MEETING_LINES = [
    lambda d: f"Điểm danh sinh hoạt chi bộ định kỳ tháng {d.month}/{d.year}, {WEEKDAYS[d.weekday()]} ngày "
              f"{d.day}/{d.month}/{d.year}",
    lambda d: f"Danh sách đảng viên dự họp chi bộ ngày {d.day:02d} tháng {d.month:02d} năm {d.year}",
    lambda d: f"Sinh hoạt chi bộ thường kỳ ngày {d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"ĐIỂM DANH KỲ HỌP CHI BỘ THÁNG {d.month}/{d.year} - NGÀY {d.day}/{d.month}/{d.year}",
]
UNDATED_LINES = [lambda d: f"Điểm danh sinh hoạt chi bộ định kỳ tháng {d.month}/{d.year}",
                 lambda d: f"Danh sách đảng viên dự họp chi bộ tháng {d.month:02d} năm {d.year}"]
HEADERS = [("STT", "Họ và tên", "Có mặt", "Vắng", "Ghi chú"), ("TT", "Họ và tên", "Có mặt", "Vắng mặt", "Ghi chú"),
           ("STT", "Họ tên", "Có mặt", "Vắng", "Ghi chú")]
PRESENT = ["x", "X"]
OTHERS = {  # status -> (mark, its meaning in the legend) choices
    "late": [("M", "đến muộn"), ("m", "đi muộn"), ("T", "đi trễ")],
    "excused": [("P", "vắng có phép"), ("CP", "vắng có lý do")],
    "absent": [("K", "vắng không phép"), ("KP", "vắng không lý do")],
}
NOTES = {"late": ["đến lúc 19h15", "đến lúc 19h20", None], "excused": ["đi khám bệnh", "đi công tác", None],
         "absent": [None], "present": [None]}


def _unit_line(rng) -> tuple[str, str]:
    """(the first line, the unit it names)."""
    ward = rng.choice(vocab.WARDS)
    unit = rng.choice(UNITS).format(ward=rng.choice(vocab.WARDS), n=rng.randint(1, 12))
    line = unit + rng.choice(SEPARATORS) + rng.choice(SUPERIORS).format(ward=ward)
    if unit.startswith("Chi bộ Thôn") and rng.random() < 0.3:
        line = line.upper()  # read back in the usual spelling: 'Chi bộ Thôn …'
    return line, unit


def _letterhead(rng, day: dt.date) -> str:
    signed = day + dt.timedelta(days=rng.randint(1, 5))
    return f"{rng.choice(vocab.WARDS)}, ngày {signed.day} tháng {signed.month} năm {signed.year}"


def _legend(rng, meanings: dict[str, tuple[str, str]]) -> str:
    items = [f"{mark} - {meaning}" for mark, meaning in meanings.values()]
    if rng.random() < 0.5:
        items.insert(0, "x - có mặt")
    return rng.choice(["Ghi chú: ", "Ký hiệu: "]) + "; ".join(items)


def _start(rng, day: dt.date, meeting_lines: list[str], letterhead: str | None,
           tabs: list[str]) -> tuple[Sheet, str, str]:
    """The sheet with its title lines (a letterhead beside the unit line or under the meeting lines), the unit and
    the line naming it."""
    line, unit = _unit_line(rng)
    sheet = Sheet(rng.choice(tabs), width=5)
    if letterhead and rng.random() < 0.5:
        sheet.add([line, None, None, letterhead])
        letterhead = None
    else:
        sheet.add([line])
    for text in meeting_lines:
        sheet.add([text])
    if letterhead:
        sheet.add([None, None, letterhead])
    return sheet, unit, line


def quick_list(seed: int) -> tuple[Sheet, list, dict]:
    rng = random.Random(seed)
    day = dt.date(rng.randint(2024, 2026), rng.randint(1, 12), rng.randint(1, 28))
    place = rng.choice([None, None, "above", "below"])
    letterhead = _letterhead(rng, day) if place else None
    sheet, unit, line = _start(rng, day, [rng.choice(MEETING_LINES)(day)], letterhead if place == "above" else None,
                         ["Sheet1", "Diem danh", f"T{day.month}"])
    header = rng.choice(HEADERS)
    sheet.add(list(header))
    meanings = {status: rng.choice(choices) for status, choices in OTHERS.items()}
    ticked_absence = rng.random() < 0.2  # one absent person marked by a tick under 'Vắng'
    names = people.unique_names(rng, rng.randint(6, 30))
    statuses = [rng.choice(["present"] * 8 + ["late", "excused", "absent"]) for _ in names]
    if not {"excused", "absent"} & set(statuses):  # someone is away: a 'Vắng' column left empty is another layout
        statuses[rng.randrange(len(names))] = rng.choice(["excused", "absent"])
    records = []
    for position, (name, status) in enumerate(zip(names, statuses)):
        row = [position + 1, name, None, None, rng.choice(NOTES[status])]
        if status == "present":
            row[2] = rng.choice(PRESENT)
        elif status == "late":
            row[2] = meanings["late"][0]
        elif ticked_absence and status == "absent":
            row[3], ticked_absence = "x", False
        else:
            row[3] = meanings[status][0]
        sheet.add(row)
        records.append({"full_name": name, "date": day.isoformat(), "status": status, "unit": unit})
    sheet.add()
    sheet.add([_legend(rng, meanings)])
    if place == "below":
        sheet.add()
        sheet.add([None, None, letterhead])
        sheet.add([None, None, "BÍ THƯ CHI BỘ"])
    # a unit line only in capitals is read by the casing rule, and the officer is told (importers.capital_units)
    return sheet, records, {"letterhead": place, "unit_in_capitals": line == line.upper()}


def unsure_list(seed: int, kind: str) -> Sheet:
    """`kind` 'two_dates' or 'letterhead_only'."""
    rng = random.Random(seed)
    day = dt.date(rng.randint(2024, 2026), rng.randint(1, 12), rng.randint(1, 20))
    if kind == "two_dates":
        again = day + dt.timedelta(days=7)
        lines = [rng.choice(MEETING_LINES)(day), f"Họp bổ sung ngày {again.day}/{again.month}/{again.year}"]
        letterhead = None
    else:
        lines, letterhead = [rng.choice(UNDATED_LINES)(day)], _letterhead(rng, day)
    sheet, _, _ = _start(rng, day, lines, letterhead, ["Sheet1", "Diem danh"])  # a month tab dates its rows
    sheet.add(["STT", "Họ và tên", "Có mặt", "Vắng", "Ghi chú"])
    for position, name in enumerate(people.unique_names(rng, 6)):
        sheet.add([position + 1, name] + (["x", None] if position % 3 else [None, "P"]) + [None])
    sheet.add()
    sheet.add(["Ghi chú: x - có mặt; M - đến muộn; P - vắng có phép; K - vắng không phép"])
    return sheet
