"""Check-in answers exported from a form ('Câu trả lời biểu mẫu 1'): a timestamp column first ('Dấu thời gian'), an
email maybe, questions naming the person, the chi bộ and the attendance answer in varied wordings, a reason question
maybe; answers of two chi bộ interleaved in timestamp order, several answers a day per meeting (one answers in the
morning), people who did not answer have no row, and one person answers twice (the later answer counts).
`build(seed, as_text)` returns (sheet, exact records, the row numbers of the twice-answered pair); `as_text` writes the
timestamps as text '07/01/2026 19:01:06' (a CSV download), else as date-and-time cells."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

NAME_QUESTIONS = ["Họ và tên", "Họ và tên đảng viên", "Họ tên của đồng chí", "Họ và tên (viết có dấu)"]
UNIT_QUESTIONS = ["Chi bộ sinh hoạt", "Đồng chí sinh hoạt tại chi bộ nào?", "Chi bộ", "Sinh hoạt tại chi bộ"]
STATUS_QUESTIONS = ["Xác nhận tham dự", "Đồng chí có tham dự buổi sinh hoạt không?", "Tình trạng tham dự",
                    "Xác nhận có mặt", "Điểm danh"]
REASON_QUESTIONS = [None, "Lý do (nếu vắng)", "Lý do vắng (nếu có)"]
ANSWERS = {"present": ["Có mặt", "Tham dự"], "excused": ["Xin vắng (có lý do)", "Vắng có phép", "Xin vắng"],
           "late": ["Đến muộn", "Đi muộn"]}
REASONS = ["Đi công tác tỉnh", "Ốm", "Việc gia đình"]
SHEETS = ["Câu trả lời biểu mẫu 1", "Form Responses 1", "Câu trả lời 1"]


def build(seed: int, as_text: bool) -> tuple[Sheet, list[dict], tuple[int, int]]:
    rng = random.Random(seed)
    answers = {status: rng.choice(options) for status, options in ANSWERS.items()}
    reason, email = rng.choice(REASON_QUESTIONS), rng.random() < 0.4
    header = ["Dấu thời gian"] + (["Địa chỉ email"] if email else []) \
        + [rng.choice(NAME_QUESTIONS), rng.choice(UNIT_QUESTIONS), rng.choice(STATUS_QUESTIONS)] \
        + ([reason] if reason else [])
    units = people.cell_units(rng, 2)
    members = {unit: people.unique_names(rng, rng.randint(4, 7)) for unit in units}
    year, start = rng.randint(2024, 2026), rng.randint(1, 10)
    answered = []  # (moment, name, unit, status)
    for month in range(start, start + rng.randint(2, 3)):
        for offset, unit in enumerate(units):
            day = dt.date(year, month, rng.randint(1, 13) + 14 * offset)
            for name in members[unit]:
                if rng.random() < 0.15:
                    continue  # did not answer: no row
                status = rng.choice(["present"] * 5 + ["excused", "late"])
                hour = rng.randint(7, 12) if status == "excused" else 19 if status == "present" else 20
                answered.append((dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59), rng.randint(0, 59))),
                                 name, unit, status))
    answered.sort()
    twice = rng.randrange(len(answered))  # this answer is given again later the same day, as present
    moment, name, unit, status = answered[twice]
    answered.append((moment.replace(hour=21, minute=rng.randint(0, 59)), name, unit,
                     "late" if status == "present" else "present"))
    answered.sort()
    sheet = Sheet(rng.choice(SHEETS), width=len(header))
    sheet.add(header)
    records, rows = [], {}
    for number, (moment, name, unit, status) in enumerate(answered):
        stamp = f"{moment:%d/%m/%Y} {moment.hour}:{moment:%M:%S}" if as_text else moment
        sheet.add([stamp] + ([f"dv{number}@example.vn"] if email else [])
                  + [name, unit, answers[status]]
                  + ([rng.choice(REASONS) if status == "excused" else None] if reason else []))
        rows.setdefault((name, moment.date()), []).append(number + 2)
        records.append({"full_name": name, "date": moment.date().isoformat(), "status": status, "unit": unit})
    first, later = next(pair for pair in rows.values() if len(pair) == 2)
    records = [record for number, record in enumerate(records) if number + 2 != first]
    return sheet, records, (first, later)
