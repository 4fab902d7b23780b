"""Registers kept as one table per meeting on one sheet: a caption line stating the meeting's date ("Buổi sinh hoạt
ngày …", "Ngày họp: …", "Kỳ sinh hoạt tháng 3 (ngày 12/3/2026)"), merged across the table or not, the header
repeated under it, the status written in words, a reasons column, maybe a subtotal line per block, blank lines
between blocks or none; a member joins in a later meeting. `build(seed)` returns (sheet, exact records)."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

CAPTIONS = [
    "Buổi sinh hoạt ngày {d}/{m}/{y}",
    "Ngày họp: {d:02d}/{m:02d}/{y}",
    "Kỳ sinh hoạt tháng {m} (ngày {d}/{m}/{y})",
    "Kỳ họp ngày {d:02d}/{m:02d}/{y} - Sinh hoạt thường kỳ tháng {m}",
    "{n}. Sinh hoạt chi bộ ngày {d} tháng {m} năm {y}",
]
SUBTOTALS = [
    None,
    "Tổng số đảng viên: {n}; có mặt: {a}; vắng: {b}",
    "Cộng: {n} đồng chí",
    "Tổng số: {n}, có mặt {a}",
]
STATUS_HEADINGS = ["Tình trạng", "Điểm danh", "Tình hình tham dự"]
NOTE_HEADINGS = [None, "Lý do vắng / ghi chú", "Ghi chú", "Lý do vắng"]
WORDS = {"present": ["Có mặt"], "excused": ["Vắng có phép", "Vắng có lý do"],
         "absent": ["Vắng không phép", "Vắng không lý do"], "late": ["Đi muộn", "Đến muộn"]}
REASONS = {"excused": ["Đi tập huấn", "Con ốm", "Nghỉ phép"], "late": ["Đến lúc 14h20", "Họp cơ quan"],
           "absent": [None], "present": [None]}


def build(seed: int) -> tuple[Sheet, list[dict]]:
    rng = random.Random(seed)
    note = rng.choice(NOTE_HEADINGS)
    header = [rng.choice(["TT", "STT"]), "Họ và tên", rng.choice(STATUS_HEADINGS)] + ([note] if note else [])
    sheet = Sheet(rng.choice(["Diem danh", "Sheet1", "SHCB"]), width=len(header))
    unit = people.cell_units(rng, 1)[0]
    year = rng.randint(2024, 2026)
    caption, subtotal = rng.choice(CAPTIONS), rng.choice(SUBTOTALS)
    merged, gap = rng.random() < 0.5, rng.choice([0, 1, 1, 2])
    words = {status: rng.choice(options) for status, options in WORDS.items()}
    sheet.add_banner("ĐẢNG BỘ PHƯỜNG " + rng.choice(["SÔNG TRÍ", "BẮC HỒNG", "TRUNG LƯƠNG"]))
    sheet.add_banner(rng.choice([f"Đơn vị: {unit}", unit]))
    sheet.add_banner(f"ĐIỂM DANH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM {year}")
    sheet.add()
    names = people.unique_names(rng, rng.randint(4, 8))
    joiner = people.unique_names(rng, 1, ok=lambda name: name not in names)[0]
    meetings = sorted(rng.sample(range(1, 13), rng.randint(3, 6)))
    joins = rng.randint(2, len(meetings))  # the meeting from which a member transferred in attends
    records = []
    for number, month in enumerate(meetings, 1):
        day = dt.date(year, month, rng.randint(1, 28))
        if number > 1:
            for _ in range(gap):
                sheet.add()
        row = sheet.add([caption.format(n=number, d=day.day, m=month, y=year)])
        if merged:
            sheet.merge(row, 0, row, len(header) - 1)
        sheet.add(header)
        present = names + ([joiner] if number >= joins else [])
        attended = 0
        for index, name in enumerate(present, 1):
            status = rng.choice(["present"] * 5 + ["excused", "absent", "late"])
            attended += status in ("present", "late")
            reason = rng.choice(REASONS[status])
            sheet.add([index, name, words[status]] + ([reason] if note else []))
            records.append({"full_name": name, "date": day.isoformat(), "status": status, "unit": unit})
        if subtotal:
            row = sheet.add([subtotal.format(n=len(present), a=attended, b=len(present) - attended)])
            if merged:
                sheet.merge(row, 0, row, len(header) - 1)
    sheet.add()
    sheet.add([None, None, "BÍ THƯ CHI BỘ"])
    return sheet, records
