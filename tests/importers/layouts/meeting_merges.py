"""One-row-per-person-meeting registers whose meeting date is merged down over each meeting's rows (the row number
restarting at 1 under each date); a CSV export or unmerging leaves the date on each meeting's first row only. Either
one chi bộ (named in a title line) or several, each with its own meetings and a "Chi bộ" column merged like the
date (two chi bộ may meet on the same day). `build(seed)` returns the sheet, its exact records and the 1-based rows
whose date only the merge gives; `lose_merges(built)` drops the merges of the body, as a CSV export or unmerging
does."""

import datetime as dt
import random
from dataclasses import dataclass

from .people import cell_units, unique_names
from .sheet import Sheet

MARKS = {"C": "present", "P": "excused", "K": "absent", "M": "late"}
LEGEND = "Ghi chú: C - có mặt; P - vắng có phép; K - vắng không phép; M - đến muộn"
DATE_HEADERS = ["Ngày sinh hoạt", "Ngày họp", "Ngày sinh hoạt chi bộ"]
MARK_HEADERS = ["Điểm danh", "Dự họp", "Có mặt/Vắng"]


@dataclass
class MeetingMerges:
    sheet: Sheet
    records: list[dict]
    merged: list[int]  # 1-based rows whose date the merge alone gives
    heads: list[int]  # 1-based rows holding each meeting's date
    date_col: int
    header_rows: int  # rows above the body (titles and header)


def _meetings(rng) -> list[dt.date]:
    months = sorted(rng.sample(range(1, 13), rng.randint(2, 5)))
    return [dt.date(2025, month, rng.randint(1, 28)) for month in months]


def build(seed: int, several_units: bool | None = None) -> MeetingMerges:
    rng = random.Random(f"meeting-merges-{seed}")
    several = rng.random() < 0.4 if several_units is None else several_units
    units = cell_units(rng, 2 if several else 1)
    date_first = rng.random() < 0.5
    lead = [rng.choice(DATE_HEADERS), "STT"] if date_first else ["STT", rng.choice(DATE_HEADERS)]
    header = lead + ["Họ và tên"] + (["Chi bộ"] if several else []) + [rng.choice(MARK_HEADERS), "Ghi chú"]
    date_col = 0 if date_first else 1
    sheet = Sheet("Diem danh", width=len(header))
    sheet.add(["ĐẢNG ỦY XÃ MỸ PHÚ TÂN"])
    sheet.add(["SỔ ĐIỂM DANH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"])
    if not several:
        sheet.add([f"Đơn vị: {units[0]}"])
    sheet.add()
    sheet.add(header)
    built = MeetingMerges(sheet, [], [], [], date_col, len(sheet.rows))
    shared = _meetings(rng)  # chi bộ of one commune often meet on the same days
    for unit in units:
        names = unique_names(rng, rng.randint(4, 8))
        meetings = shared if several and rng.random() < 0.5 else _meetings(rng)
        for number, day in enumerate(meetings):
            present = names if number else names[:-1]  # someone joins after the first meeting
            first = len(sheet.rows)
            for stt, name in enumerate(present, 1):
                mark = rng.choice(list(MARKS)) if rng.random() < 0.3 else "C"
                when = dt.datetime(day.year, day.month, day.day) if stt == 1 else None
                row = [when, stt] if date_first else [stt, when]
                row += [name] + ([unit if stt == 1 else None] if several else [])
                row += [mark, "Con ốm" if mark == "P" else None]
                sheet.add(row)
                built.records.append({"full_name": name, "date": day.isoformat(), "status": MARKS[mark],
                                      "unit": unit})
                (built.merged if stt > 1 else built.heads).append(len(sheet.rows))
            sheet.merge(first, date_col, len(sheet.rows) - 1, date_col)
            if several:
                sheet.merge(first, 3, len(sheet.rows) - 1, 3)
    sheet.add()
    sheet.add([LEGEND])
    return built


def lose_merges(built: MeetingMerges) -> MeetingMerges:
    """The register as a CSV export or unmerging leaves it: the values on each block's first row, blanks below."""
    built.sheet.merges = [merge for merge in built.sheet.merges if merge[0] < built.header_rows]
    return built
