"""One-row-per-person-meeting registers kept in a Google Sheet with tick boxes: "Có mặt" ticked for those present
(saved as TRUE / FALSE, "TRUE" / "FALSE" text in a CSV export), "Muộn" ticked besides for those late, maybe
"Vắng có phép" ticked for an excused absence, and a reason column; an unticked "Có mặt" with a reason is excused,
without one absent. The meeting date stands on each meeting's first row only, a blank row between meetings.
`build(seed, ticks)` gives the sheet and its exact records; `ticks="x"` writes 'x' and blank cells instead of the
booleans; `date_header` heads the meeting-date column."""

import datetime as dt
import random
from dataclasses import dataclass

from .people import cell_units, unique_names
from .sheet import Sheet

PRESENT_HEADERS = ["Có mặt", "Tham dự", "Dự họp"]
LATE_HEADERS = ["Muộn", "Đến muộn", "Đi muộn"]
REASON_HEADERS = ["Lý do", "Lý do vắng"]
RANKS = ["Đại úy", "Thượng úy", "Trung úy", "Thiếu tá"]
RULE = ("Cách ghi: tích ô {present} nếu đồng chí có mặt, đến muộn thì tích thêm ô {late}. Không tích là vắng: vắng "
        "có lý do thì ghi vào cột Lý do, không ghi lý do là vắng không phép.")
REASONS = ["Công tác tại Trạm", "Đi học", "Nghỉ phép", "Trực chỉ huy"]


@dataclass
class CheckboxRegister:
    sheet: Sheet
    records: list[dict]
    late_col: int
    present_col: int
    body_rows: list[int]  # 1-based rows of the people


def _tick(value: bool, ticks: str):
    if ticks == "checkbox":
        return value
    return "x" if value else None


def build(seed: int, ticks: str = "checkbox", excused_column: bool | None = None,
          date_header: str = "Ngày SH") -> CheckboxRegister:
    rng = random.Random(f"checkbox-registers-{seed}")
    excused_column = rng.random() < 0.4 if excused_column is None else excused_column
    present, late = rng.choice(PRESENT_HEADERS), rng.choice(LATE_HEADERS)
    header = [date_header, "Họ và tên", "Cấp bậc", present, late] + (["Vắng có phép"] if excused_column else [])
    header.append(rng.choice(REASON_HEADERS))
    unit = cell_units(rng, 1)[0]
    sheet = Sheet("Điểm danh", width=len(header))
    sheet.add(["ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.add([f"Chi bộ: {unit}"])
    if rng.random() < 0.7:
        sheet.add([RULE.format(present=present, late=late)])
    sheet.add()
    sheet.add(header)
    built = CheckboxRegister(sheet, [], header.index(late), header.index(present), [])
    names = unique_names(rng, rng.randint(5, 9))
    ranks = {name: rng.choice(RANKS) for name in names}
    months = sorted(rng.sample(range(1, 13), rng.randint(3, 5)))
    for number, month in enumerate(months):
        if number:
            sheet.add()
        day = dt.date(2025, month, rng.randint(1, 28))
        for position, name in enumerate(names):
            status = rng.choices(["present", "late", "excused", "absent"], [6, 1, 2, 1])[0]
            ticked_excused = excused_column and status == "excused" and rng.random() < 0.5
            reason = rng.choice(REASONS) if status == "excused" and not ticked_excused else None
            row = [dt.datetime(day.year, day.month, day.day) if position == 0 else None, name, ranks[name],
                   _tick(status in ("present", "late"), ticks), _tick(status == "late", ticks)]
            row += [_tick(ticked_excused, ticks)] if excused_column else []
            sheet.add(row + [reason])
            built.body_rows.append(len(sheet.rows))
            built.records.append({"full_name": name, "date": day.isoformat(), "status": status, "unit": unit})
    return built
