"""Tables saved by a program that does not calculate (openpyxl): formulas without a stored result placed where
they feed nothing (a totals row, a count beside the table, a title line, a footer) or where they feed a record."""

import random
from dataclasses import dataclass, field

from openpyxl import Workbook

from .people import unique_names

TOTALS = ["Tổng cộng", "Tổng cộng:", "TỔNG CỘNG", "Cộng", "Cộng:", "Tổng số", "Tổng số:"]
PLACES = ["totals_row", "beside_table", "title_line", "footer"]
MARKS = {"x": "present", "P": "excused", "KP": "absent"}


@dataclass
class FormulaLayout:
    kind: str
    rows: list[list]
    records: list[dict]
    options: list[str] = field(default_factory=list)
    title_rows: int = 0


def build(seed: int) -> FormulaLayout:
    """A roster or month register whose formulas all lie outside the records."""
    rng = random.Random(f"formulas-{seed}")
    kind = rng.choice(["roster", "attendance"])
    places = rng.sample(PLACES, rng.randint(1, len(PLACES)))
    if "totals_row" not in places and rng.random() < 0.5:
        places.append("totals_row")
    names = unique_names(rng, rng.randint(3, 7))
    title = [["DANH SÁCH ĐOÀN CÔNG TÁC" if kind == "roster" else "SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"]]
    if "title_line" in places:
        title.append(['="Số người: "&COUNTA(B5:B40)'])
    title.append([])
    first = len(title) + 2  # 1-based row of the first person
    last = first + len(names) - 1
    if kind == "roster":
        rows, records = _roster(rng, names)
    else:
        rows, records = _register(rng, names)
    width = len(rows[0])
    if "beside_table" in places:
        rows[1] = rows[1] + [None, f"=COUNTA(B{first}:B{last})"]
    totals = rng.choice(TOTALS)
    options = [f"kind={kind}", f"places={sorted(places)}", f"totals={totals}"]
    if "totals_row" in places:
        counted = [f"=COUNTA({_letter(col)}{first}:{_letter(col)}{last})" for col in range(2, width)]
        rows.append([None, totals] + counted if rng.random() < 0.5 else [totals, f"=COUNTA(B{first}:B{last})"]
                    + counted)
    if "footer" in places:
        rows += [[], [None, '="Lập ngày "&TEXT(TODAY(),"dd/mm/yyyy")']]
    return FormulaLayout(kind, title + rows, records, options, len(title))


def _roster(rng, names) -> tuple[list[list], list[dict]]:
    rows = [["STT", "Họ và tên", "Chức vụ", "Đoàn công tác"]]
    records = []
    for number, name in enumerate(names, 1):
        position = rng.choice(["Bí thư chi bộ", "Phó Chủ tịch UBND", "Chuyên viên"])
        stt = f"=ROW()-{len(rows)}" if rng.random() < 0.5 else number  # a running number by formula
        rows.append([stt, name, position, "Đoàn công tác số 1"])
        records.append({"full_name": name, "birth_date": None, "position": position,
                        "group": "Đoàn công tác số 1", "role": "member", "unit": None, "phone": None})
    return rows, records


def _register(rng, names) -> tuple[list[list], list[dict]]:
    rows = [["STT", "Họ và tên", "Tháng 1", "Tháng 2", "Tháng 3"]]
    marks = {name: [rng.choice(list(MARKS)) for _ in range(3)] for name in names}
    for number, name in enumerate(names, 1):
        rows.append([number, name] + marks[name])
    records = [{"full_name": name, "date": f"2025-{month:02d}-01", "status": MARKS[marks[name][month - 1]],
                "unit": None} for month in (1, 2, 3) for name in names]
    return rows, records


def _letter(index: int) -> str:
    return chr(65 + index)


def write(rows: list[list], path) -> str:
    """openpyxl writes a formula with no cached result, as the tools this family comes from do."""
    book = Workbook()
    sheet = book.active
    sheet.title = "DS"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return str(path)
