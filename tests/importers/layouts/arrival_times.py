"""Wide registers whose cells hold each member's arrival time ('19h30', '19:25', '7h05') for present, a letter for
late or excused, and maybe blanks the legend calls absent ("để trống = vắng không phép"); a 'Tổ đảng' column beside
the names, the chi bộ only in a capitalised heading line. `build(seed, blank_rule)` returns (sheet, exact records):
blanks are absent records only with the rule, no record without it."""

import datetime as dt
import random

from . import people
from .sheet import Sheet

TIME_FORMATS = ["{h}h{m:02d}", "{h}:{m:02d}", "{h}h{m:02d}'", "{h}g{m:02d}", "{h} giờ {m:02d}"]
TIME_ITEMS = ["ghi giờ có mặt (VD: 19h30) = có mặt", "Giờ đến: có mặt", "có mặt: ghi giờ đến", "19h30 = có mặt",
              "ghi giờ đến là có mặt"]
BLANK_ITEMS = ["để trống = vắng không phép", "Để trống: vắng không phép", "bỏ trống - vắng không lý do",
               "ô trống là vắng không phép", "không ghi gì: vắng không phép"]
MARKS = {"late": ["M", "Muộn"], "excused": ["P", "CP"]}
MARK_ITEMS = {"late": "{m} = đến muộn", "excused": "{m} = vắng có phép"}
PREFIXES = ["Ghi chú: ", "Ký hiệu: ", "* Ghi chú: "]
GROUP_HEADERS = ["Tổ đảng", "Tổ Đảng", "Thuộc tổ đảng", "Tổ"]
UNITS = ["Chi bộ Ấp Phú Hòa", "Chi bộ Thôn 3", "Chi bộ Khu phố 2", "Chi bộ Tổ dân phố 5", "Chi bộ Ấp Tân Lợi"]


def build(seed: int, blank_rule: bool) -> tuple[Sheet, list[dict]]:
    rng = random.Random(seed)
    year, hour = rng.randint(2024, 2026), rng.choice([7, 8, 14, 19])
    unit = rng.choice(UNITS)
    fmt = rng.choice(TIME_FORMATS)
    marks = {status: rng.choice(options) for status, options in MARKS.items()}
    months = sorted(rng.sample(range(1, 13), rng.randint(4, 6)))
    days = [dt.date(year, month, rng.randint(1, 28)) for month in months]
    with_group = rng.random() < 0.7
    header = ["STT", "Họ và tên đảng viên"] + ([rng.choice(GROUP_HEADERS)] if with_group else []) \
        + [day.strftime("%d/%m/%Y") for day in days] + ["Ghi chú"]
    sheet = Sheet(rng.choice(["Diem danh", f"Diem danh {year}", "Sheet1"]), width=len(header))
    sheet.add(["ĐẢNG BỘ XÃ PHÚ HÒA"])
    sheet.add([unit.upper()])
    sheet.add([f"BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ NĂM {year}"])
    sheet.add()
    sheet.add(header)
    records = []
    for number, name in enumerate(people.unique_names(rng, rng.randint(5, 10)), 1):
        cells = []
        for day in days:
            status = rng.choice(["present"] * 6 + ["late", "excused"] + (["blank"] if number > 1 else []))
            if status == "present":
                cells.append(fmt.format(h=hour, m=rng.randint(0, 30)))
            elif status == "blank":
                cells.append(None)
            else:
                cells.append(marks[status])
            if status != "blank" or blank_rule:
                records.append({"full_name": name, "date": day.isoformat(),
                                "status": "absent" if status == "blank" else status, "unit": unit})
        group = [f"Tổ {1 + (number - 1) // 4}"] if with_group else []
        sheet.add([number, name] + group + cells + [None])
    items = [rng.choice(TIME_ITEMS)] + [MARK_ITEMS[s].format(m=marks[s]) for s in ("late", "excused")] \
        + ([rng.choice(BLANK_ITEMS)] if blank_rule else [])
    sheet.add()
    sheet.add([None, rng.choice(PREFIXES) + "; ".join(items) + "."])
    sheet.add()
    sheet.add([None, None, None, "BÍ THƯ CHI BỘ"])
    return sheet, records
