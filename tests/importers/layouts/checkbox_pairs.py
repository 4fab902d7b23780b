"""Wide registers whose every meeting is a date merged over status tick boxes ('CM' | 'CP', 'CM' | 'VP' | 'KP',
'Có mặt' | 'Muộn'): a Google Sheet's checkboxes saved as TRUE / FALSE (the text in a CSV export), or an 'x' in the
box that applies. An instruction line says what the boxes mean together ("không tick cả hai = vắng không phép");
a person with no box at a meeting (not yet, or no longer, in the chi bộ) has no record.

`build(seed, boxes, note=...)` gives the sheet and its exact records; `patterns` lists which tick patterns the
people may have (each with the status it stands for, None for a row the importer must refuse)."""

import datetime as dt
import random
from dataclasses import dataclass, field

from .people import cell_units, unique_names
from .sheet import Sheet

BOXES = {
    "cm_cp": (("CM", "CP"), "CM: Có mặt - CP: Có phép (vắng có phép)"),
    "cm_vp_kp": (("CM", "VP", "KP"), "Ký hiệu: CM - có mặt; VP - vắng có phép; KP - vắng không phép"),
    "words": (("Có mặt", "Có phép"), None),
    "cm_m": (("CM", "M"), "Ghi chú: CM - có mặt; M - đi muộn"),
    "four": (("Có mặt", "Vắng có phép", "Vắng không phép", "Muộn"), None),
}
NOTES = {
    "cm_cp": ("Cách ghi: mỗi kỳ họp có 2 ô check 'CM' (Có mặt) và 'CP' (Có phép). Tick CM = có mặt; không tick CM "
              "nhưng tick CP = vắng có phép; không tick cả hai = vắng không phép. Ô trống (không có checkbox) = đồng "
              "chí chưa sinh hoạt tại chi bộ kỳ đó."),
    "words": ("Hướng dẫn: tích Có mặt là có mặt; không tích Có mặt mà tích Có phép là vắng có phép; không tích ô nào "
              "là vắng không phép."),
    "cm_m": "Lưu ý: Đến muộn thì tích cả hai ô CM và M; không tích ô nào = vắng không phép.",
    "cm_vp_kp": "Quy ước: mỗi kỳ chỉ tích một ô.",
    "four": "Both unticked = absent",
}
# Tick patterns (positions ticked) and the status the note gives them; None: the file leaves it unsettled.
WITH_NOTE = {
    "cm_cp": {(0,): "present", (1,): "excused", (): "absent", (0, 1): "present"},
    "words": {(0,): "present", (1,): "excused", (): "absent", (0, 1): "present"},
    "cm_m": {(0,): "present", (0, 1): "late", (): "absent"},
    "cm_vp_kp": {(0,): "present", (1,): "excused", (2,): "absent", (): None, (0, 2): None},
    "four": {(0,): "present", (1,): "excused", (2,): "absent", (3,): "late", (0, 3): "late", (): "absent",
             (1, 2): None},
}
# Without any note: one tick is its box's status, present and late ticked together late, the rest refused.
WITHOUT_NOTE = {
    "cm_cp": {(0,): "present", (1,): "excused", (): None, (0, 1): None},
    "words": {(0,): "present", (1,): "excused", (): None, (0, 1): None},
    "cm_m": {(0,): "present", (0, 1): "late", (1,): "late", (): None},
    "cm_vp_kp": {(0,): "present", (1,): "excused", (2,): "absent", (): None},
    "four": {(0,): "present", (2,): "absent", (0, 3): "late", (): None, (0, 1): None},
}
DATES = [dt.datetime(2025, 1, 7), dt.datetime(2025, 2, 11), dt.datetime(2025, 3, 5), dt.datetime(2025, 4, 3),
         dt.datetime(2025, 5, 6)]


@dataclass
class Built:
    sheet: Sheet
    records: list[dict] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (1-based row, letter of the meeting's first box)


def _letter(index: int) -> str:
    return chr(65 + index)


def build(seed: int, boxes: str = "cm_cp", note: bool = True, ticks: str = "checkbox", legend: bool = True,
          note_below: bool = False) -> Built:
    rng = random.Random(f"checkbox-pairs-{seed}-{boxes}")
    labels, legend_text = BOXES[boxes]
    patterns = (WITH_NOTE if note else WITHOUT_NOTE)[boxes]
    width = 3 + len(labels) * len(DATES) + 1
    unit = cell_units(rng, 1)[0]
    sheet = Sheet("SHCB 2025", width=width)
    sheet.add(["ĐẢNG BỘ PHƯỜNG AN HẢI"])
    sheet.add([unit])
    sheet.add_banner("SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ - NĂM 2025")
    if note and not note_below:
        sheet.add_banner(NOTES[boxes])
    dates = [value for day in DATES for value in [day] + [None] * (len(labels) - 1)]
    top = sheet.add(["STT", "Họ và tên", "SĐT"] + dates + ["Ghi chú"])
    sheet.add([None, None, None] + list(labels) * len(DATES) + [None])
    for column in (0, 1, 2, width - 1):
        sheet.merge(top, column, top + 1, column)
    for number in range(len(DATES)):
        first = 3 + number * len(labels)
        sheet.merge(top, first, top, first + len(labels) - 1)
    built = Built(sheet)
    choices = list(patterns)
    for number, name in enumerate(unique_names(rng, rng.randint(5, 8)), 1):
        joined = rng.randrange(len(DATES)) if rng.random() < 0.25 else 0  # a member arriving mid-year
        row = [number, name if rng.random() < 0.7 else name.upper(), None]
        for meeting, day in enumerate(DATES):
            if meeting < joined:
                row += [None] * len(labels)
                continue
            pattern = choices[rng.randrange(len(choices))]
            row += [_tick(position in pattern, ticks) for position in range(len(labels))]
            status = patterns[pattern]
            if not pattern and ticks != "checkbox":
                continue  # no mark at all: a blank cell, no record
            if status is None:
                built.refused.append((len(sheet.rows) + 1, _letter(3 + meeting * len(labels))))
            else:
                built.records.append({"full_name": name, "date": day.date().isoformat(), "status": status,
                                      "unit": unit})
        sheet.add(row + [None])
    sheet.add()
    if note and note_below:
        sheet.add([None, NOTES[boxes]])
    if legend and legend_text:
        sheet.add([None, legend_text])
    sheet.add()
    sheet.add([None, "Người lập biểu"] + [None] * (width - 6) + ["T/M CHI BỘ"])
    return built


def _tick(value: bool, ticks: str):
    if ticks == "checkbox":
        return value
    return "x" if value else None
