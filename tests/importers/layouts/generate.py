"""Entry point: generate(seed, directory) composes families into one file and returns its exact records."""

from dataclasses import dataclass, field
from pathlib import Path

from . import group_columns, people, register, roster, titles, vocab, writers
from .cells import NAME_STYLES
from .encodings import legacy_cell, legacy_roundtrips
from .picker import Picker
from .sheet import Sheet, add_signature

FORMATS = {  # extension, writer key
    "xlsx": ".xlsx", "xlsx_1904": ".xlsx", "ods": ".ods", "xlsx_tcvn3": ".xlsx", "xlsx_vni": ".xlsx",
    "csv_utf8": ".csv", "csv_utf8_bom": ".csv", "csv_utf8_bom_semicolon": ".csv", "csv_cp1258_semicolon": ".csv",
}
SHEET_LAYOUTS = {  # sheets before (name, hidden, text rows) / after the data sheet
    "single": ([], []),
    "cover_first": ([("Bìa", False, ["DANH SÁCH", "Năm 2025"])], []),
    "cover_then_empty_sheet1": ([("Bìa", False, ["BAN THƯỜNG VỤ", "Tài liệu nội bộ"]), ("Sheet1", False, [])], []),
    "visible_notes_first": ([("Ghi chu", False, ["Ghi chú: danh sách ở trang sau", "Người lập: Phòng Tổ chức"])], []),
    "hidden_guide_first": ([("Hướng dẫn", True, ["Nhập họ tên đầy đủ", "Không sửa tiêu đề cột"])], []),
    "notes_after": ([], [("Ghi chú", False, ["Số liệu tính đến ngày 31/12"])]),
}
DATA_SHEET_NAMES = {
    "roster": ["DS Doan cong tac", "Danh sách", "Phụ lục", "Thanh vien", "Sheet1"],
    "attendance": ["Theo dõi SHCB", "Điểm danh", "SHCB 2025", "Sheet1"],
}
KINDS = {"roster": "roster", "roster_group_columns": "roster", "attendance_wide": "attendance",
         "attendance_long": "attendance", "attendance_transposed": "attendance", "attendance_blocks": "attendance"}
REGISTER_BUILDERS = {"attendance_wide": register.build_wide, "attendance_long": register.build_long,
                     "attendance_transposed": register.build_transposed, "attendance_blocks": register.build_blocks}
LEGACY_NAME_STYLES = ["plain", "double_spaces", "leading_space", "honorific"]


@dataclass
class GeneratedFile:
    path: Path
    kind: str
    records: list[dict]
    families: list[str] = field(default_factory=list)
    sheet: str | None = None
    header_row: int | None = None


def generate(seed: int, directory, fixed: dict | None = None) -> GeneratedFile:
    """Write one generated file into `directory`; `fixed` = {family: option} pins options (sanity profiles)."""
    pick = Picker(seed, fixed)
    rng = pick.rng
    layout = pick.pick("layout", list(KINDS))
    kind = KINDS[layout]
    fmt = pick.pick("format", list(FORMATS))
    is_csv = fmt.startswith("csv")
    if fmt == "csv_cp1258_semicolon":
        pick.excluded["mark_set"] = {"check_CP_KP_M"}
    if fmt not in ("xlsx", "xlsx_tcvn3", "xlsx_vni"):  # a bare serial is a date only in a 1900-system workbook
        pick.excluded["birth_date_style"] = pick.excluded["long_date_style"] = {"excel_serial"}
    legacy = {"xlsx_tcvn3": "tcvn3", "xlsx_vni": "vni"}.get(fmt)

    def legacy_ok(text):
        return legacy is None or legacy_roundtrips(legacy, text)

    name_styles = LEGACY_NAME_STYLES if legacy else list(NAME_STYLES)
    place = rng.choice(vocab.PLACES)
    data = Sheet(pick.pick("data_sheet_name", DATA_SHEET_NAMES["roster" if kind == "roster" else "attendance"]))
    body = Sheet(data.name)
    if kind == "roster":
        build = group_columns.build if layout == "roster_group_columns" else roster.build
        records, header_row = build(pick, rng, body, legacy_ok, is_csv, name_styles)
        title = pick.pick("title_text", titles.ROSTER_TITLES)
    else:
        year = rng.randint(2023, 2026)
        names = people.unique_names(rng, rng.randint(4, 10), ok=legacy_ok)
        build = REGISTER_BUILDERS[layout]
        records, header_row, year_in_header = build(pick, rng, body, year, is_csv, names, name_styles)
        title = pick.pick("title_text", titles.REGISTER_TITLES)
        if not year_in_header or pick.pick("title_year", ["with_year", "without_year"]) == "with_year":
            suffix = titles.REGISTER_YEAR_SUFFIX["upper" if title.isupper() else "lower"]
            title += suffix.replace("{YEAR}", str(year))
        year_needed = not year_in_header
    data.width = body.width
    head = titles.title_rows(pick, rng, title, place)
    if kind != "roster" and year_needed and title not in [r for r in head if isinstance(r, str)]:
        head = [title, None] + head
    data.add_title_rows(head)
    offset = len(data.rows)
    data.rows += body.rows
    data.merges += [(r0 + offset, c0, r1 + offset, c1) for r0, c0, r1, c1 in body.merges]
    header_row += offset
    add_signature(pick, data)

    before, after = SHEET_LAYOUTS[pick.pick("sheets", list(SHEET_LAYOUTS) if not is_csv else ["single"])]
    sheets = []
    for name, hidden, lines in before + after:
        extra = Sheet(name, width=1, hidden=hidden)
        for line in lines:
            extra.add([line])
        sheets.append(extra)
    for extra in sheets:
        if extra.name == data.name:
            extra.name = "Sheet2"
    sheets.insert(len(before), data)
    if legacy:
        for sheet in sheets:
            sheet.rows = [[legacy_cell(legacy, v) for v in row] for row in sheet.rows]

    path = Path(directory) / f"gen_{seed}_{layout}_{fmt}{FORMATS[fmt]}"
    if is_csv:
        writers.write_csv(path, data, fmt)
    elif fmt == "ods":
        writers.write_ods(path, sheets)
    else:
        writers.write_xlsx(path, sheets, date1904=fmt == "xlsx_1904")
    return GeneratedFile(path, kind, records, pick.families, None if is_csv else data.name, header_row)
