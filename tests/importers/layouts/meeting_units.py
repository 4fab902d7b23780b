"""Sign-in books of a working group kept one block per meeting, each caption naming the meeting's date and the chi
bộ met ("Buổi sinh hoạt ngày 06/01/2025 - Chi bộ Thôn 3", "… tại Chi bộ …", "… (Chi bộ …)", "Chi bộ Thôn 3 – Buổi
sinh hoạt ngày …", or the unit on a
line of its own under the caption, bare or labelled); the header repeated under each caption; the title names
the group, no unit. `build(seed)` returns (sheet, exact records)."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

DATES = ["Buổi sinh hoạt ngày {d:02d}/{m:02d}/{y}", "BUỔI SINH HOẠT NGÀY {d}/{m}/{y}", "Kỳ họp ngày {d}/{m}/{y}",
         "Sinh hoạt chi bộ ngày {d} tháng {m} năm {y}"]
UNITS = [" - {unit}", " – {unit}", " tại {unit}", " ({unit})", "\n{unit}", "\nĐơn vị: {unit}", "\nTại: {unit}",
         "{unit} – ", "{unit} - "]
WORDS = {"present": "Có mặt", "excused": "Vắng có phép", "absent": "Vắng không phép", "late": "Đi muộn"}


def build(seed: int) -> tuple[Sheet, list[dict]]:
    rng = random.Random(f"meeting-units-{seed}")
    header = ["STT", "Họ và tên", "Nhiệm vụ trong Đoàn", "Điểm danh", "Ghi chú"]
    sheet = Sheet("So diem danh", width=len(header))
    sheet.add_banner(f"ĐOÀN CÔNG TÁC SỐ {rng.randint(1, 9)} CỦA BAN THƯỜNG VỤ THỊ ỦY")
    sheet.add_banner("SỔ ĐIỂM DANH DỰ SINH HOẠT CHI BỘ NĂM 2025")
    sheet.add()
    date, where = rng.choice(DATES), rng.choice(UNITS)
    units = people.cell_units(rng, rng.randint(1, 3))
    names = people.unique_names(rng, rng.randint(3, 6))
    records = []
    for number, month in enumerate(sorted(rng.sample(range(1, 7), rng.randint(2, 4)))):
        day, unit = dt.date(2025, month, rng.randint(1, 28)), units[number % len(units)]
        caption = date.format(d=day.day, m=day.month, y=day.year)
        tail = where.format(unit=unit)
        if tail.startswith(unit):  # the unit first: "Chi bộ Thôn 3 – Buổi sinh hoạt ngày 06/01/2025"
            sheet.add_banner(tail + caption)
        elif tail.startswith("\n"):
            sheet.add_banner(caption)
            sheet.add_banner(tail[1:])
        else:
            sheet.add_banner(caption + tail)
        sheet.add(header)
        present = names if number else names[:-1]  # one member missing from the first block
        for index, name in enumerate(present, 1):
            status = rng.choice(["present"] * 4 + list(WORDS)[1:])
            sheet.add([index, name, "Thành viên" if index > 1 else "Trưởng đoàn", WORDS[status], None])
            records.append({"full_name": name, "date": day.isoformat(), "status": status, "unit": unit})
        sheet.add([None, f"Tổng số: {len(present)} đ/c"])
        sheet.add()
    return sheet, records
