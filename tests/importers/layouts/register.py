"""Attendance registers: wide (months or meeting dates as columns) and long (one row per person-meeting)."""

import datetime as dt

from . import cells, marks, people, vocab
from .sheet import Sheet

MONTH_HEADERS = {
    "T1": lambda m, year: f"T{m}",
    "Thang_1": lambda m, year: f"Tháng {m}",
    "T01": lambda m, year: f"T{m:02d}",
}
OVER_MONTHS = {  # (text, states the year)
    "none": (None, False),
    "merged_Thang": ("Tháng", False),
    "merged_Nam_year": ("Năm {YEAR}", True),
    "merged_sinh_hoat_year": ("Sinh hoạt chi bộ năm {YEAR}", True),
}
DATE_HEADERS = {
    "excel_date": lambda d: dt.datetime(d.year, d.month, d.day),
    "dd/mm/yyyy": lambda d: d.strftime("%d/%m/%Y"),
    "d/m/yyyy": lambda d: f"{d.day}/{d.month}/{d.year}",
}
OVER_DATES = {"none": None, "merged_ngay_sinh_hoat": "Ngày sinh hoạt chi bộ"}
MEETING_NUMBERS = ["Lần {N}", "Buổi {N}", "Kỳ {N}", "SH lần {N}"]  # over a "dd/mm" row; the year only in the title
DAY_MONTH_HEADERS = {
    "dd/mm": lambda d: f"{d.day:02d}/{d.month:02d}",
    "d/m": lambda d: f"{d.day}/{d.month}",
    "dd.mm": lambda d: f"{d.day:02d}.{d.month:02d}",
}
UNIT_HEADERS = ["Chi bộ", "Sinh hoạt tại chi bộ", "Chi bộ sinh hoạt"]
NAME_HEADERS = ["Họ và tên", "Họ tên", "Họ và tên đảng viên"]
TOTAL_COLUMNS = ["Số buổi dự", "Tổng số buổi có mặt", "Cộng"]
TOTAL_ROWS = ["Cộng", "Tổng cộng", "Tổng số có mặt"]
SUBTOTAL_LABELS = ["Cộng CB {unit}", "Cộng chi bộ {unit}", "Tổng {unit}", "CỘNG {unit}"]
LONG_DATE_HEADERS = ["Ngày sinh hoạt", "Ngày họp", "Ngày"]
LONG_STATUS_HEADERS = ["Điểm danh", "Tình hình tham dự", "Tình trạng"]
STATUS_COLUMN_LAYOUTS = {
    "flat": [("Có mặt", None), ("Vắng có phép", None), ("Vắng không phép", None), ("Đi muộn", None)],
    "merged_vang": [("Có mặt", None), ("Vắng mặt", "Có lý do"), ("Vắng mặt", "Không lý do"), ("Đi muộn", None)],
}


def _statuses(pick, rng, names, meetings, mark_set):
    """status per (person index, meeting index) or None (blank: no record)."""
    pattern = pick.pick("blank_pattern", ["none", "scattered", "joined_late", "left_early"])
    available = [s for s in marks.STATUSES if s in mark_set]
    weights = [0.75, 0.1, 0.08, 0.07][:len(available)]
    grid = {}
    special = rng.randrange(len(names))
    cut = rng.randint(1, max(1, len(meetings) - 2))
    for p in range(len(names)):
        for m in range(len(meetings)):
            blank = (pattern == "scattered" and rng.random() < 0.08) or (
                p == special and ((pattern == "joined_late" and m < cut) or (pattern == "left_early" and m >= cut)))
            grid[p, m] = None if blank else rng.choices(available, weights)[0]
    return grid


def _marks_and_legend(pick, rng):
    mark_set = pick.pick("mark_set", marks.MARK_SETS)
    words = pick.pick("legend_words", marks.STATUS_WORDS)
    legend = marks.legend_text(pick.pick("legend_wording", marks.LEGENDS), mark_set, words)
    return mark_set, legend


def _units(pick, rng, count_people):
    mode = pick.pick("register_unit", ["column", "heading_rows", "none"])
    n_units = 1 if mode == "none" else rng.randint(1, 3)
    units = people.cell_units(rng, n_units)
    assign = sorted(rng.randrange(n_units) for _ in range(count_people))
    return mode, [units[i] if mode != "none" else None for i in assign]


def build_wide(pick, rng, sheet: Sheet, year: int, fmt_is_csv: bool, names, name_styles):
    """Wide register; returns (records, header_row, year_stated_in_header)."""
    unit_mode, units = _units(pick, rng, len(names))
    columns = pick.pick("wide_columns", ["months", "meeting_dates", "meeting_numbers"])
    numbers = None
    if columns == "meeting_numbers":
        days = sorted(rng.sample(range(1, 13), rng.randint(4, 8)))
        meetings = [dt.date(year, m, rng.randint(1, 28)) for m in days]
        style = pick.pick("day_month_header", DAY_MONTH_HEADERS)
        number = pick.pick("meeting_number", MEETING_NUMBERS)
        numbers = [number.replace("{N}", str(n + 1)) for n in range(len(days))]
        over, year_in_header = None, False
        heads = [style(d) for d in meetings]
    elif columns == "months":
        meetings = [dt.date(year, m, 1) for m in range(1, 13)]
        style = pick.pick("month_header", MONTH_HEADERS)
        over, year_in_header = pick.pick("over_months", OVER_MONTHS)
        heads = [style(d.month, year) for d in meetings]
    else:
        days = sorted(rng.sample(range(1, 13), rng.randint(4, 8)))
        meetings = [dt.date(year, m, rng.randint(1, 28)) for m in days]
        style = pick.pick("date_header", DATE_HEADERS)
        if fmt_is_csv and style is DATE_HEADERS["excel_date"]:
            style = DATE_HEADERS["dd/mm/yyyy"]
        over, year_in_header = pick.pick("over_dates", OVER_DATES), True
        heads = [style(d) for d in meetings]
    mark_set, legend = _marks_and_legend(pick, rng)
    legend_place = pick.pick("legend_place", ["below", "above_header"])
    has_stt = pick.pick("register_stt", ["column", "none"]) == "column"
    totals = pick.pick("totals", ["none", "column", "row", "both"])
    has_note = pick.pick("note_column", ["none", "ghi_chu"]) == "ghi_chu"
    name_style = pick.pick("name_style", name_styles)
    write_name = cells.name_writer(name_style, pick)

    lead = (["STT"] if has_stt else []) + [pick.pick("header_name", NAME_HEADERS)] + (
        [pick.pick("header_unit", UNIT_HEADERS)] if unit_mode == "column" else [])
    tail = ([pick.pick("header_total", TOTAL_COLUMNS)] if totals in ("column", "both") else []) + (
        ["Ghi chú"] if has_note else []
    )
    sheet.width = len(lead) + len(heads) + len(tail)
    if legend_place == "above_header":
        sheet.add([legend])
    grid = _statuses(pick, rng, names, meetings, mark_set)
    if over:
        over = over.replace("{YEAR}", str(year))
    # one table per chi bộ stacked on the sheet, each with its title line and its own header (second stream)
    stacked = unit_mode == "heading_rows" and pick.second.pick("unit_rows", ["banners", "stacked_tables"]) \
        == "stacked_tables"
    with_totals = totals in ("row", "both")
    blocks = [[p for p in range(len(names)) if units[p] == unit] for unit in dict.fromkeys(units)]

    def header() -> int:
        if numbers:  # "Lần 1" over "04/01": two header rows, the lead and tail labels merged down
            r0 = sheet.add(lead + numbers + tail)
            r1 = sheet.add([None] * len(lead) + heads + [None] * len(tail))
            for c in list(range(len(lead))) + list(range(len(lead) + len(heads), sheet.width)):
                sheet.merge(r0, c, r1, c)
            return r1 + 1
        if not over:
            return sheet.add(lead + heads + tail) + 1
        r0 = sheet.add(lead + [over] + [None] * (len(heads) - 1) + tail)
        r1 = sheet.add([None] * len(lead) + heads + [None] * len(tail))
        for c in list(range(len(lead))) + list(range(len(lead) + len(heads), sheet.width)):
            sheet.merge(r0, c, r1, c)
        sheet.merge(r0, len(lead), r0, len(lead) + len(heads) - 1)
        return r1 + 1

    def total(people):  # the label is drawn at the first total row, as it always was
        row = [None] * len(lead)
        row[0] = pick.pick("total_row_label", TOTAL_ROWS)
        row += [sum(grid[p, m] == "present" for p in people) for m in range(len(meetings))]
        sheet.add(row)

    # a count row after each chi bộ's people, labelled in the name column ("Cộng CB Tổ dân phố 1")
    subtotals = unit_mode == "column" and pick.second.pick("unit_subtotals", ["none", "per_unit"]) == "per_unit"
    since = []

    def subtotal(unit):
        row = [None] * len(lead)
        row[1 if has_stt else 0] = pick.second.pick("subtotal_label", SUBTOTAL_LABELS).format(
            unit=unit.removeprefix("Chi bộ ").strip())
        row += [sum(grid[p, m] == "present" for p in since) for m in range(len(meetings))]
        sheet.add(row)
        since.clear()

    if stacked:
        sheet.add_banner(f"1. {units[0]} ({len(blocks[0])} đảng viên)")
    header_row = header()
    records = []
    current_unit = units[0] if stacked else object()
    block, index = 0, 0
    for p, name in enumerate(names):
        if stacked and units[p] != current_unit:
            if with_totals:
                total(blocks[block])
            block, index = block + 1, 0
            sheet.add()
            sheet.add_banner(f"{block + 1}. {units[p]} ({len(blocks[block])} đảng viên)")
            header()
        elif unit_mode == "heading_rows" and units[p] != current_unit:
            sheet.add_banner(units[p])
        current_unit = units[p]
        index += 1
        row = (
            ([index if stacked else p + 1] if has_stt else [])
            + [write_name(name, rng)]
            + ([units[p]] if unit_mode == "column" else [])
        )
        for m, day in enumerate(meetings):
            status = grid[p, m]
            row.append(None if status is None else mark_set[status])
            if status:
                records.append({"full_name": name, "date": day.isoformat(), "status": status, "unit": units[p]})
        if totals in ("column", "both"):
            row.append(sum(grid[p, m] == "present" for m in range(len(meetings))))
        if has_note:
            row.append("Chuyển sinh hoạt" if rng.random() < 0.1 else None)
        sheet.add(row)
        since.append(p)
        if subtotals and (p + 1 == len(names) or units[p + 1] != units[p]):
            subtotal(units[p])
    if with_totals:
        total(blocks[block] if stacked else range(len(names)))
    if legend_place == "below":
        sheet.add()
        sheet.add([legend])
    return records, header_row, year_in_header


def build_long(pick, rng, sheet: Sheet, year: int, fmt_is_csv: bool, names, name_styles):
    """Long register (file order = record order); returns (records, header_row, True)."""
    unit_mode, units = _units(pick, rng, len(names))
    if unit_mode == "heading_rows":
        unit_mode = "column"
    status_mode = pick.pick("long_status", ["mark", "word", "x_columns"])
    date_style = pick.pick("long_date_style", LONG_DATE_STYLES)
    if fmt_is_csv and date_style is cells.DATE_STYLES["excel_date"]:
        date_style = cells.DATE_STYLES["dd/mm/yyyy"]
    order = pick.pick("long_order", ["by_meeting", "by_person"])
    column_order = pick.pick("long_column_order", ["date_first", "name_first"])
    has_stt = pick.pick("register_stt", ["column", "none"]) == "column"
    has_note = pick.pick("note_column", ["none", "ghi_chu"]) == "ghi_chu"
    name_style = pick.pick("name_style", name_styles)
    write_name = cells.name_writer(name_style, pick)
    meetings = [dt.date(year, m, rng.randint(1, 28)) for m in sorted(rng.sample(range(1, 13), rng.randint(2, 5)))]
    legend = None
    if status_mode == "mark":
        mark_set, legend = _marks_and_legend(pick, rng)
        status_cols = [(pick.pick("header_status", LONG_STATUS_HEADERS), None)]
    elif status_mode == "word":
        mark_set = pick.pick("status_words", marks.STATUS_WORDS)
        if pick.pick("word_legend", ["none", "below"]) == "below":
            legend = marks.legend_text(marks.LEGENDS["ghi_chu_dash"], mark_set, mark_set)
        status_cols = [(pick.pick("header_status", LONG_STATUS_HEADERS), None)]
    else:
        mark_set = {s: "x" for s in marks.STATUSES}
        status_cols = pick.pick("status_columns", STATUS_COLUMN_LAYOUTS)
    grid = _statuses(pick, rng, names, meetings, mark_set)
    ident = [pick.pick("header_date", LONG_DATE_HEADERS), pick.pick("header_name", NAME_HEADERS)]
    if column_order == "name_first":
        ident.reverse()
    lead = (["STT"] if has_stt else []) + ident + (["Chi bộ"] if unit_mode == "column" else [])
    tail = ["Ghi chú"] if has_note else []
    sheet.width = len(lead) + len(status_cols) + len(tail)
    if any(sub for _, sub in status_cols):
        r0 = sheet.add(lead + [top for top, _ in status_cols] + tail)
        r1 = sheet.add([None] * len(lead) + [sub for _, sub in status_cols] + [None] * len(tail))
        for c, (top, sub) in enumerate([(t, None) for t in lead] + status_cols + [(t, None) for t in tail]):
            if sub is None:
                sheet.merge(r0, c, r1, c)
                continue
        first = len(lead) + [s for _, s in status_cols].index("Có lý do")
        sheet.rows[r0][first + 1] = None
        sheet.merge(r0, first, r0, first + 1)
        header_row = r1 + 1
    else:
        header_row = sheet.add(lead + [top for top, _ in status_cols] + tail) + 1
    pairs = [(p, m) for m in range(len(meetings)) for p in range(len(names))]
    if order == "by_person":
        pairs.sort()
    records, n = [], 0
    for p, m in pairs:
        status = grid[p, m]
        if status is None:
            continue  # no row at all
        n += 1
        day = date_style(meetings[m])
        ident = [day, write_name(names[p], rng)]
        if column_order == "name_first":
            ident.reverse()
        row = ([n] if has_stt else []) + ident + ([units[p]] if unit_mode == "column" else [])
        if status_mode == "x_columns":
            row += ["x" if s == status else None for s in marks.STATUSES]
        else:
            row.append(mark_set[status])
        if has_note:
            row.append("Đi công tác" if status == "excused" else None)
        sheet.add(row)
        records.append({"full_name": names[p], "date": meetings[m].isoformat(), "status": status, "unit": units[p]})
    if legend:
        sheet.add()
        sheet.add([legend])
    return records, header_row, False


WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
LONG_DATE_STYLES = {  # a long register's date cell: a date style, or the date with the meeting's clock time
    **cells.DATE_STYLES,
    "dd/mm/yyyy hh:mm": lambda d: d.strftime("%d/%m/%Y") + f" {7 + d.day % 13}:{(d.day * 7) % 60:02d}",
}

SIDE_DATES = {  # how a transposed register writes each meeting's date down its first column
    "excel_date": lambda d: dt.datetime(d.year, d.month, d.day),
    "dd/mm/yyyy": lambda d: d.strftime("%d/%m/%Y"),
    "worded": lambda d: f"ngày {d.day} tháng {d.month} năm {d.year}",
    "weekday": lambda d: f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y}",
}
SIDE_CORNERS = ["Ngày sinh hoạt", "Ngày họp", "Buổi sinh hoạt", "Ngày"]
SIDE_TOTALS = ["Số đ/c có mặt", "Số có mặt", "Tổng số có mặt"]


def build_transposed(pick, rng, sheet: Sheet, year: int, fmt_is_csv: bool, names, name_styles):
    """Persons across the header row, meetings down the first column (each date in one style, or the styles
    mixed row by row); returns (records in reading order: meeting by meeting, people left to right, header_row,
    True)."""
    unit = people.cell_units(rng, 1)[0] if pick.pick("transposed_unit", ["unit_line", "none"]) == "unit_line" \
        else None
    styles = [name for name in SIDE_DATES if not (fmt_is_csv and name == "excel_date")]
    mixing = pick.pick("side_dates", ["one_style", "mixed"])
    chosen = [pick.pick("side_date_style", styles)] if mixing == "one_style" else rng.sample(styles, len(styles))
    meetings = [dt.date(year, m, rng.randint(1, 28)) for m in sorted(rng.sample(range(1, 13), rng.randint(3, 9)))]
    mark_set, legend = _marks_and_legend(pick, rng)
    totals = pick.pick("transposed_totals", ["none", "column", "row", "both"])
    grid = _statuses(pick, rng, names, meetings, mark_set)
    sheet.width = 1 + len(names) + (1 if totals in ("column", "both") else 0)
    if unit:
        sheet.add([f"Đơn vị: {unit}"])
        sheet.add()
    header = [pick.pick("side_corner", SIDE_CORNERS), *names]
    header_row = sheet.add(header + ([pick.pick("side_total", SIDE_TOTALS)] if totals in ("column", "both") else []))
    for m, day in enumerate(meetings):
        row = [SIDE_DATES[chosen[m % len(chosen)]](day)]
        row += [None if grid[p, m] is None else mark_set[grid[p, m]] for p in range(len(names))]
        if totals in ("column", "both"):
            row.append(sum(grid[p, m] == "present" for p in range(len(names))))
        sheet.add(row)
    if totals in ("row", "both"):
        sheet.add([pick.pick("total_row_label", TOTAL_ROWS)]
                  + [sum(grid[p, m] == "present" for m in range(len(meetings))) for p in range(len(names))])
    sheet.add()
    sheet.add([legend])
    records = [{"full_name": name, "date": day.isoformat(), "status": grid[p, m], "unit": unit}
               for m, day in enumerate(meetings) for p, name in enumerate(names) if grid[p, m]]
    return records, header_row + 1, True


BLOCK_ROWS = {  # the row opening each meeting's block (issue #19, b4 e09)
    "phien_giao_ban": lambda n, d: f"{ROMAN_NUMERALS[n]}. Phiên giao ban {WEEKDAYS[d.weekday()]}, ngày {d:%d/%m/%Y}",
    "buoi_worded": lambda n, d: f"Buổi {n + 1}: sinh hoạt ngày {d.day} tháng {d.month} năm {d.year}",
    "ngay_plain": lambda n, d: f"Ngày {d:%d/%m/%Y}",
}
ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI")
BLOCK_EXTRA_COLUMNS = {"none": [], "position_group": ["Chức vụ", "Đoàn CT"], "position": ["Chức vụ"]}


def build_blocks(pick, rng, sheet: Sheet, year: int, fmt_is_csv: bool, names, name_styles):
    """One block per meeting under a single header: a dated block row, the people with their marks, a total row;
    returns (records block by block, header_row, True)."""
    unit_mode, units = _units(pick, rng, len(names))
    if unit_mode == "heading_rows":
        unit_mode = "column"
    block_row = pick.pick("block_row", BLOCK_ROWS)
    extra = pick.pick("block_extra_columns", BLOCK_EXTRA_COLUMNS)
    totals = pick.pick("block_totals", ["none", "cong_dong_chi"])
    spacer = pick.pick("block_spacer", ["none", "blank_row"]) == "blank_row"
    has_note = pick.pick("note_column", ["none", "ghi_chu"]) == "ghi_chu"
    name_style = pick.pick("name_style", name_styles)
    mark_set, legend = _marks_and_legend(pick, rng)
    meetings = [dt.date(year, m, rng.randint(1, 28)) for m in sorted(rng.sample(range(1, 13), rng.randint(2, 5)))]
    grid = _statuses(pick, rng, names, meetings, mark_set)
    header = ["STT", pick.pick("header_name", NAME_HEADERS), *extra] + (
        [pick.pick("header_unit", UNIT_HEADERS)] if unit_mode == "column" else []) + [
        pick.pick("header_status", LONG_STATUS_HEADERS)] + (["Ghi chú"] if has_note else [])
    sheet.width = len(header)
    header_row = sheet.add(header) + 1
    positions = [rng.choice(vocab.POSITIONS) for _ in names]
    records = []
    # a member without a mark (on leave) either left out of the block or listed with a blank mark; the total
    # counts the marked members either way
    unmarked = pick.second.pick("block_unmarked", ["left_out", "listed_blank"]) if totals != "none" else "left_out"
    for m, day in enumerate(meetings):
        sheet.add_banner(block_row(m, day))
        marked = [p for p in range(len(names)) if grid[p, m]]
        listed = list(range(len(names))) if unmarked == "listed_blank" else marked
        for n, p in enumerate(listed, start=1):
            row = [n, cells.NAME_STYLES[name_style](names[p], rng)]
            row += [positions[p], f"Đoàn số {p % 3 + 1}"][:len(extra)]
            row += [units[p]] if unit_mode == "column" else []
            row.append(mark_set[grid[p, m]] if grid[p, m] else None)
            row += ["Đi công tác" if grid[p, m] == "excused" else None] if has_note else []
            sheet.add(row)
            if grid[p, m]:
                records.append({"full_name": names[p], "date": day.isoformat(), "status": grid[p, m],
                                "unit": units[p]})
        if totals == "cong_dong_chi":
            sheet.add([None, f"Cộng: {len(marked)} đồng chí"])
        if spacer:
            sheet.add()
    sheet.add()
    sheet.add([legend])
    return records, header_row, True
