"""The pipeline: read -> decode legacy text -> locate table -> map columns -> normalise/validate -> result."""

import sys
import threading
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path

from . import absence_lists as absences
from . import errors as msg
from . import overrides as rescue
from . import sheets as rescue_sheets
from .bilingual_headers import keep_vietnamese_headers
from .bilingual_lines import keep_vietnamese_lines
from .block_headers import find_own_headers, header_above
from .block_headers import report as report_own_headers
from .capital_units import capitals_only_units, one_per_unit
from .code_catalogues import read_catalogues
from .code_lines import code_lines
from .column_fixes import fill_sheet_values, transpose_sheets
from .count_summaries import is_count_summary
from .date_blocks import date_blocks
from .date_words import (
    meeting_date_in_titles,
    meeting_days,
    stated_year,
    undated_meetings,
    unread_date_line,
    year_of_tab,
)
from .day_columns import date_day_columns
from .ditto_marks import fill_ditto
from .errors import ImportFileError
from .format_legends import read_format_legend
from .group_code_notes import GroupCodes, group_code_notes
from .group_codes import read_group_codes
from .group_units import catalogue_below
from .header_abbreviations import expand_header_abbreviations
from .header_date_order import read_header_date_order
from .header_periods import header_month_years, refuse_misplaced_months
from .header_years import column_years
from .helper_formulas import set_aside_helper_formulas, unused_formula_warnings
from .hidden_columns import drop_hidden_copies
from .kind_votes import prefer_attendance
from .kinds import KINDS, attendance, builder_module, roster, spec_module, targets  # specs import no pandas
from .kinds.assignment_matrix import unpivot_assignment_matrix
from .kinds.group_columns import unpivot_group_columns
from .kinds.group_matrix import unpivot_group_matrix
from .kinds.merged_notes import sheet_spans
from .kinds.stacked_fields import refuse_headerless_sentences, split_stacked_fields
from .kinds.unit_lookup import other_sheet_catalogue, units_from_catalogue
from .layout_sheets import read_sheet_set
from .legacy import LEGACY_HINT, decode_legacy, detect_legacy, is_latin1, may_hold_legacy
from .legacy_evidence import is_unicode_vietnamese, loses_words, stays_unicode
from .legend_rows import join_split_legends
from .legend_tables import join_legend_tables
from .legends import cell_rules, parse_legend
from .lengths import refuse_over_long
from .limits import Deadline, Limits
from .locating import HEADER_SCAN_ROWS, fill_vertical_merges, find_legend, locate_table
from .mapping import column_letter, header_signature, map_columns, score_labels
from .meeting_heads import refuse_clashing_heads
from .meeting_kinds import defined_kinds, kind_doubts
from .month_day_pairs import pair_month_days, unmap_day_columns
from .month_day_rows import refuse_missing_days
from .month_days import date_month_days, refuse_blank_days
from .month_flags import month_status_flags
from .month_spans import refuse_undated_spans
from .month_years import month_years
from .name_blocks import fill_block_names
from .name_lists import report_found, unpivot_name_lists
from .name_values import names_by_values
from .normalising import marks_table, month_of_header, year_in_text
from .not_due_marks import not_due_marks
from .party_unit_columns import settle_party_column
from .period_dividers import dated_by_dividers, divider_rows
from .period_tables import stack_period_tables
from .reading import json_cell, read_workbook
from .reason_notes import reason_rules
from .results import ParseResult, SheetData, Table, Workbook
from .row_people import row_people
from .sheet_context import read_sheet_context, tab_year, with_sheet_context
from .side_blocks import side_blocks
from .split_columns import coalesce_split_fields, coalesce_status_flags
from .stacked_blocks import find_stack
from .status_phrases import find_notes
from .swatch_legends import join_swatch_legends, swatch_marks
from .transposed import in_reading_order, turn_transposed
from .uncached_formulas import check_uncached, with_uncached_formulas
from .unit_abbreviations import note_texts, unit_abbreviations
from .unit_keys import unit_key
from .unit_lines import unit_in_lines
from .unit_remarks import remark_inferences
from .unmarked_rows import warn_unmarked
from .validating import Issues, cell_ref
from .workbook_sheets import SheetPlan, has_rows, plan_sheets, unplaced_sheets_warning

HEADER_SPECS = roster.FIELDS + tuple(spec for spec in attendance.FIELDS if spec.name in ("date", "status", "unit")) \
    + tuple(spec for spec in targets.FIELDS if spec.name not in {s.name for s in roster.FIELDS})
ROSTER_ONLY = tuple(spec for spec in roster.FIELDS
                    if spec.name in ("birth_date", "position", "group", "role", "phone", "landline"))
ATTENDANCE_ONLY = tuple(spec for spec in attendance.FIELDS if spec.name in ("date", "status"))


@dataclass
class Context:
    """Facts about the file that the kind builders need besides the rows."""

    issues: Issues
    year: int | None = None
    marks: dict = field(default_factory=dict)
    epoch_1904: bool = False
    notes: list = field(default_factory=list)  # note lines ("Ghi chú: …") that may explain the statuses
    title_year: int | None = None  # the year the title states, to check a year in the month headers against
    meeting_date: object = None  # the one meeting a sheet records, when a title line states its date
    date_line: str | None = None  # a line stating the meeting's date in a sentence that does not read
    unit_line: str | None = None  # the chi bộ a line of the sheet names for all of it ("Đơn vị: …")
    legend: dict = field(default_factory=dict)  # the marks the file's legend (or the officer) explains
    codes: dict = field(default_factory=dict)  # code -> meaning from the file's "CB01 = Chi bộ …" lines
    unit_words: list = field(default_factory=list)  # "TDP n = Chi bộ Tổ dân phố n" notes (``unit_abbreviations``)
    catalogues: list = field(default_factory=list)  # code lists on other sheets (``code_catalogues``)
    group_codes: GroupCodes = field(default_factory=GroupCodes)  # group codes a note explains (``group_code_notes``)
    inferences: list = field(default_factory=list)  # what the builders looked up, for ``ParseResult.inferences``
    cells: dict = field(default_factory=dict)  # what a blank cell or an arrival time means, as the legend says
    parents: list = field(default_factory=list)  # the header over each column ("Chi bộ …" over its dates)
    spans: object = None  # the sheet's cells merged across columns, read when called (``kinds.merged_notes``)
    merges: list = field(default_factory=list)  # the sheet's vertical merges (``kinds.no_meeting_cells``)
    consumed: set = field(default_factory=set)  # the table's columns read into another (``Table.consumed``)
    format_legend: object = None  # what a cell's colour or bold type means (``format_legends``), or None
    read_formats: object = None  # the sheet's cell formats, read when called (``kinds.format_meanings``)
    swatches: list = field(default_factory=list)  # a legend's swatches: (mark, fill) -> status (``swatch_legends``)
    file_format: str | None = None  # 'csv' or 'spreadsheet': where the cells' formats are said to be lost
    not_due: dict = field(default_factory=dict)  # marks a legend says give no record (``not_due_marks``)
    reasons: tuple = ()  # what a note says a reason written in a status cell makes (``reason_notes``)
    day_pairs: dict = field(default_factory=dict)  # month column -> the column of its days (``month_day_pairs``)


SURE_LEGACY_CELLS = 3


def find_legacy_cells(name: str | None, columns, first_row: int = 0, column_numbers=None, fonts=None) -> list[dict]:
    """TCVN3/VNI cells among the given columns (rows counted from first_row), with before and after text.

    `fonts` reads the sheet's cell fonts ({(row, col): (text, encoding)}, ``importers.cell_fonts``) when a cell
    may be legacy: where the sheet has them, a cell's font settles it and the text evidence only judges the cells
    without one."""
    columns = [list(cells) for cells in columns]
    numbers = list(column_numbers or range(len(columns)))
    found = _evidence(columns, first_row, numbers)
    shown = fonts() if fonts is not None and found else {}
    if shown:
        found = _by_fonts(shown, found, columns, first_row, numbers)
    return [_conversion(name, row, col, cell, encoding) for row, col, cell, encoding in found]


def _by_fonts(shown: dict, found: list, columns, first_row: int, numbers) -> list:
    """The cells to decode when the sheet's fonts are known: those shown in a legacy font, in its encoding, unless
    decoding leaves them less Vietnamese; never one shown in a Unicode font; the text evidence for the rest."""
    decided = {}
    for col, cells in zip(numbers, columns):
        for row, cell in enumerate(cells, first_row):
            text, encoding = shown.get((row, col), (None, None))
            if text is None or text != cell:
                continue
            decided[row, col] = None
            if encoding in ("tcvn3", "vni") and is_latin1(cell):
                after = decode_legacy(cell, encoding)
                if after != cell and not loses_words(cell, after):
                    decided[row, col] = (row, col, cell, encoding)
    kept = [item for item in found if (item[0], item[1]) not in decided]
    return sorted(kept + [item for item in decided.values() if item], key=lambda item: (item[1], item[0]))


def _evidence(columns, first_row: int, numbers) -> list:
    """(row, col, text, encoding) of the cells the text alone shows to be legacy."""
    found, unsure, passed_over, non_ascii = [], [], [], []
    for col, cells in zip(numbers, columns):
        joined = _join_text(cells)
        if joined.isascii():
            continue
        non_ascii.append(cells)
        if not may_hold_legacy(joined):
            passed_over.append((col, cells))
            continue
        for row, cell in enumerate(cells):
            encoding = detect_legacy(cell) if cell.__class__ is str else None
            if encoding:
                found.append((row + first_row, col, cell, encoding))
            elif cell.__class__ is str and LEGACY_HINT.search(cell) and is_latin1(cell):
                unsure.append((row + first_row, col, cell))
    if not found or not _typed_in_legacy_font(found, non_ascii):  # a Unicode sheet: only the cells sure on their own
        return found
    unsure += [(row + first_row, col, cell) for col, cells in passed_over for row, cell in enumerate(cells)
               if cell.__class__ is str and LEGACY_HINT.search(cell) and is_latin1(cell)]
    # A sheet is typed in one legacy font: the majority settles cells that fit both encodings, and once the font
    # is plain (a few cells only it explains), a Latin-1 cell that also reads as a word ('Chi bé') is in it too,
    # unless decoding would leave it less Vietnamese than it reads.
    # A cell of a row typed in Unicode that already reads as Vietnamese stays as typed (``stays_unicode``).
    dominant = Counter(encoding for *_, encoding in found).most_common(1)[0][0]
    unicode_rows = {row + first_row for cells in non_ascii for row, cell in enumerate(cells)
                    if is_unicode_vietnamese(cell)}
    for row, col, cell in unsure:
        after = decode_legacy(cell, dominant)
        if after != cell and not loses_words(cell, after) and not stays_unicode(cell, after, row in unicode_rows):
            found.append((row, col, cell, dominant))
    return [(row, col, cell, dominant) for row, col, cell, _ in found]


def _typed_in_legacy_font(found: list, columns: list) -> bool:
    """True when enough cells are sure to be legacy and they outnumber the cells already in Vietnamese Unicode."""
    if len(found) < SURE_LEGACY_CELLS:
        return False
    return sum(is_unicode_vietnamese(cell) for cells in columns for cell in cells) < len(found)


def _conversion(name: str | None, row: int, col: int, cell: str, encoding: str) -> dict:
    return {"row": row, "col": col, "cell": cell_ref(name, row + 1, column_letter(col)), "before": cell,
            "after": decode_legacy(cell, encoding), "encoding": encoding}


def _join_text(cells) -> str:
    """All text cells of a column joined; the plain C-level join is tried first (text columns are all str)."""
    try:
        return "\x00".join(cells)
    except TypeError:
        return "\x00".join(cell for cell in cells if cell.__class__ is str)


def convert_legacy_text(sheet: SheetData) -> list[dict]:
    """Decode TCVN3/VNI cells of a sheet: a row holding one is replaced by a decoded copy in `sheet.rows` (the
    row lists themselves are never changed, so rows shared with another read stay as read); returns the before ->
    after pairs."""
    conversions = find_legacy_cells(sheet.name, zip(*sheet.rows), fonts=sheet.read_fonts) if sheet.rows else []
    copied = set()
    for item in conversions:
        if item["row"] not in copied:
            sheet.rows[item["row"]] = list(sheet.rows[item["row"]])
            copied.add(item["row"])
        sheet.rows[item["row"]][item["col"]] = item["after"]
    return [_public(item) for item in conversions]


def _public(item: dict) -> dict:
    return {key: item[key] for key in ("cell", "before", "after", "encoding")}


def _apply(sheet: SheetData, conversions: list[dict], grid=None) -> list[dict]:
    for item in conversions:
        sheet.rows[item["row"]][item["col"]] = item["after"]
        if grid is not None:
            grid[item["row"], item["col"]] = item["after"]
    return [_public(item) for item in conversions]


def _prepare_sheet(sheet: SheetData) -> list[dict]:
    """Fill vertical merges and decode legacy text where titles and headers live (no numpy needed yet)."""
    fill_vertical_merges(sheet.rows, sheet.merges)
    top = sheet.rows[:HEADER_SCAN_ROWS]
    return _apply(sheet, find_legacy_cells(sheet.name, zip(*top), fonts=sheet.read_fonts))


def build_grid(rows: list[list]):
    """The sheet as a 2-D numpy object array (rows are rectangular: calamine grids, padded CSV)."""
    import numpy as np

    widths = set(map(len, rows))
    width = max(widths, default=0)
    if len(widths) > 1:
        rows = [list(row) + [""] * (width - len(row)) for row in rows]
    grid = np.empty((len(rows), width), dtype=object)
    if rows and width:
        grid[:] = rows
    return grid


def _convert_body(sheet: SheetData, grid, columns) -> list[dict]:
    """Decode legacy text below the header region in text columns and column A (legend, footer)."""
    numbers = sorted({0} | {column.index for column in columns if column.field and not column.month})
    numbers = [number for number in numbers if number < grid.shape[1]]
    region = grid[HEADER_SCAN_ROWS:, numbers].T
    return _apply(sheet, find_legacy_cells(sheet.name, region, HEADER_SCAN_ROWS, numbers, sheet.read_fonts), grid)


def detect_kind(table: Table) -> str:
    """'targets' when the header names an indicator column and more targets columns than person columns;
    'attendance' when it has month columns or date+mark columns; else 'roster'."""
    months = sum(1 for label, parent in zip(table.labels, table.parents) if month_of_header(label, parent)) \
        + sum(1 for day in table.dates if day)
    # a roster's upper headers count too: 'Ngày, tháng, năm sinh' over 'Ngày | Tháng | Năm' is a birth date
    roster_score = score_labels(table.labels + table.parents, ROSTER_ONLY)
    attendance_score = score_labels(table.labels, ATTENDANCE_ONLY)
    if months < 2 and score_labels(table.labels, (targets.INDICATOR,)) \
            and score_labels(table.labels, targets.DISTINCTIVE) > max(roster_score, attendance_score):
        return "targets"
    if months >= 2 or attendance_score > roster_score:
        return "attendance"
    return "roster"


def choose_table(sheets: list[SheetData], deadline: Deadline):
    """The sheet whose header names the most fields, a sheet with rows under its header before an empty template
    with the same header ('Mau' before 'SH 2025': the template's title states no year, so its day/month headers
    are no dates and it would read as a roster), a sheet of data before a summary of counts per person
    (``count_summaries``): (sheet, table, conversions)."""
    best = None
    for sheet in sheets:
        conversions = _prepare_sheet(sheet)
        table = locate_table(sheet.rows, sheet.name, HEADER_SPECS)
        deadline.check()
        if table is None:
            continue
        score = (has_rows(sheet.rows, table), not is_count_summary(sheet.rows, table, HEADER_SPECS),
                 score_labels(table.labels, HEADER_SPECS) + len(table.labels) / 1000)
        if best is None or score > best[0]:
            best = (score, sheet, table, conversions)
    if best is None:
        refuse_headerless_sentences(sheets)  # a decision's sentences under no header: say so, and what to do
        raise ImportFileError(msg.NO_TABLE)
    return best[1:]


def _year(table: Table, over: list[int | None] | None = None) -> int | None:
    """The year the header or the title states; `over`: the years written over the month columns on any header row
    (``importers.header_periods``), read as the header's."""
    written = [f"năm {year}" for year in dict.fromkeys(over or []) if year]
    return year_in_text(list(dict.fromkeys(table.parents + table.labels)) + written + table.title_text[::-1])


def _row_frame(body, counts, failed):
    import pandas as pd

    outcome = pd.Series("record", index=counts.index, dtype=object)
    outcome[counts.eq(0) & failed] = "failed"
    outcome[counts.eq(0) & ~failed] = "skipped"
    reason = pd.Series(None, index=counts.index, dtype=object)
    reason[outcome.eq("failed")] = "dữ liệu không hợp lệ"
    reason[outcome.eq("skipped")] = "không có dữ liệu để nhập"
    reason[outcome.eq("record") & failed] = "một số ô không hợp lệ"
    data = pd.DataFrame({"row": counts.index.astype(int), "outcome": outcome.to_numpy(),
                         "reason": reason.to_numpy(), "record_count": counts.to_numpy().astype(int)})
    extra = pd.DataFrame(body.outcomes, columns=["row", "outcome", "reason", "record_count"])
    frame = pd.concat([df for df in (data, extra) if len(df)], ignore_index=True) if len(extra) else data
    return frame.sort_values("row", kind="stable").reset_index(drop=True)


def _candidate_sheets(sheets: list[SheetData], sheet_name: str | None) -> list[SheetData]:
    readable = [sheet for sheet in sheets if sheet.error is None and sheet.rows]
    if not readable and any(sheet.error and sheet.typ_is_data for sheet in sheets):
        raise ImportFileError(msg.CORRUPT_FILE)
    if sheet_name is not None:
        return readable
    rolls = {sheet.roll_sheet for sheet in readable if sheet.roll_sheet}  # read with a register: importers.member_rolls
    return [sheet for sheet in readable if sheet.visible and sheet.name not in rolls]


def _import_pandas() -> None:
    import pandas  # noqa: F401


PRELOAD_FROM_BYTES = 1 << 20


_preloads: list[threading.Thread] = []


def _preload_pandas(path: Path) -> None:
    """For big files, import pandas in the background while calamine (which releases the GIL) reads."""
    if "pandas" not in sys.modules and path.stat().st_size >= PRELOAD_FROM_BYTES:
        thread = threading.Thread(target=_import_pandas, name="preload-pandas", daemon=True)
        thread.start()
        _preloads.append(thread)


def wait_for_preload(timeout: float = 30.0) -> None:
    """Let a background pandas import finish (call before the process exits after an early failure)."""
    while _preloads:
        _preloads.pop().join(timeout)


def _choose(sheets, sheet, deadline, fixes):
    """The detected table; with header rows given, a sheet the detector finds no table on is still read."""
    candidates = _candidate_sheets(sheets, sheet)
    try:
        return choose_table(candidates, deadline)
    except ImportFileError:
        if not (fixes.header_rows and candidates):
            raise
        first, last = fixes.header_rows
        return candidates[0], rescue.locate_at(candidates[0].rows, candidates[0].name, first, last), []


def parse_file(path, kind=None, sheet=None, mapping=None, limits=None, original_name=None,
               overrides=None, today=None, book: Workbook | None = None) -> ParseResult:
    """Parse a roster, attendance or targets file into validated canonical records (kind None = auto-detect);
    `overrides` are the officer's corrections (see ``importers.overrides``); `today` (a date, from the caller's
    clock) is the reference day of the plausibility checks; `book` is the file already read (with cell fixes
    applied in memory), in which case `path` is not opened."""
    from . import plausibility

    result = _parse(path, kind, sheet, mapping, limits, original_name, overrides, today, book)
    result.warnings = one_per_unit(result.warnings)  # a unit in capitals found sheet by sheet: one line
    plausibility.finish(result)
    return result


def _parse(path, kind=None, sheet=None, mapping=None, limits=None, original_name=None, overrides=None,
           today=None, book: Workbook | None = None) -> ParseResult:
    if kind is not None and kind not in KINDS:
        raise ImportFileError(msg.UNKNOWN_KIND.format(kind=kind))
    fixes = rescue.from_dict(overrides)
    parse = partial(_parse, today=today, book=book)
    if len(fixes.sheets) > 1:
        return rescue_sheets.parse_sheets(parse, path, kind, mapping, limits, overrides, fixes.sheets)
    sheet = fixes.sheets[0] if fixes.sheets else sheet
    limits = limits or Limits()
    deadline = Deadline(limits)
    path = Path(path)
    if book is None:
        if path.is_file():
            _preload_pandas(path)
        book = read_workbook(path, limits, deadline, sheet)
    elif fixes.sheets and book.format != "csv":  # the one sheet named, out of a book read whole, as read alone
        book = replace(book, sheets=[item for item in book.sheets if item.name == sheet])
        if not book.sheets:
            raise ImportFileError(msg.SHEET_NOT_FOUND.format(name=sheet))
    chosen: list[str] = []
    try:
        return _parse_book(path, kind, sheet, mapping, limits, overrides, today, fixes, parse, book, deadline, chosen)
    except ImportFileError as error:
        # once a sheet's table was taken, formulas on the other sheets (a summary of COUNTIFs) fed nothing read
        read = [item for item in book.sheets if item.name in chosen] or book.sheets
        raise with_uncached_formulas(error, read) from None


def _reshape_book(book: Workbook, kind, sheet, fixes) -> tuple[Workbook, list[str], dict, list[str]]:
    """The reshaping stage: every sheet rewritten into one plain table before a table is chosen (legends joined,
    matrices unpivoted, blocks side by side or stacked put under one another, transposed tables turned). Returns
    the book, the sheets whose side-by-side blocks were joined, each sheet's absence lists and the turned sheets."""
    for item in book.sheets:
        set_aside_helper_formulas(item, HEADER_SPECS)  # before any stage moves the cells the formulas are counted in
        join_split_legends(item)
        join_swatch_legends(item)
        join_legend_tables(item)
        keep_vietnamese_lines(item)
        keep_vietnamese_headers(item, HEADER_SPECS)
        read_group_codes(item)
        expand_header_abbreviations(item, HEADER_SPECS)
        drop_hidden_copies(item, HEADER_SPECS)
    if kind in (None, "roster"):
        for item in book.sheets:
            unpivot_assignment_matrix(item) or unpivot_group_columns(item) or unpivot_group_matrix(item) \
                or split_stacked_fields(item) or row_people(item, HEADER_SPECS)
    sided, expanded = [], {}
    if kind in (None, "attendance", "roster"):
        sided = [item.name for item in book.sheets if side_blocks(item, HEADER_SPECS)]
    if kind in (None, "attendance"):
        expanded = {item.name: absences.absence_lists(item) for item in book.sheets}
        for item in book.sheets:
            stack_period_tables(item)
            unpivot_name_lists(item, book.sheets) or date_blocks(item, HEADER_SPECS)
    turned = []
    if fixes.transpose:  # the officer's turn, on copies: a book read once for the preview is parsed again
        book = replace(book, sheets=[replace(s, rows=[list(row) for row in s.rows], merges=list(s.merges))
                                     for s in book.sheets])
        transpose_sheets(book.sheets)
    else:
        turned = turn_transposed(_candidate_sheets(book.sheets, sheet), HEADER_SPECS)
    return book, sided, expanded, turned


def _date_header(table: Table, chosen: SheetData, kind, fixes):
    """The dating stage: each meeting column of the header given its date from the year stated (by the officer,
    the title, the tab or a row above), refusing a header whose dates cannot be told. Returns the stated year, the
    years over the columns, the month years written in the header and the warnings on the dates' order (day/month or
    month/day: ``importers.header_date_order``)."""
    stated = fixes.year or _year(table)
    date_order = read_header_date_order(table, chosen.rows, chosen.name) if kind in (None, "attendance") else []
    if kind in (None, "attendance"):
        refuse_clashing_heads(chosen.rows, table.header_rows, chosen.name)  # 'Kỳ họp T11 (04/12)'
        refuse_missing_days(table, chosen.rows, chosen.name)
        refuse_blank_days(table, chosen.rows, chosen.name)
        date_month_days(table, chosen.rows, chosen.name, stated or year_of_tab(chosen.name))
    over = column_years(table, chosen.rows)  # 'Năm 2024' | 'Năm 2025' over the meetings of a school year
    kinds = defined_kinds(chosen.rows)  # 'TK = thường kỳ' over 'TK 5/11'
    table.dates = meeting_days(table.labels, table.parents, table.dates, stated or year_of_tab(chosen.name), over,
                               kinds)
    if kind in (None, "attendance"):  # 'Quý II' over 'T1': the header is not what it seems
        date_order = date_order + kind_doubts(chosen.rows, table.header_rows, chosen.name, kinds)
        refuse_misplaced_months(table, chosen.rows, table.dates, chosen.name)
    written = header_month_years(table, chosen.rows, table.dates, chosen.name, stated_year(table.title_text))
    table.dates = month_years(table.labels, table.parents, table.dates, table.title_text, written.years)
    date_day_columns(table, chosen.name, stated or tab_year(chosen.name), over)
    if kind in (None, "attendance"):
        refuse_undated_spans(table, chosen.rows, chosen.name)
    return stated, over, written, date_order


def _parse_book(path, kind, sheet, mapping, limits, overrides, today, fixes, parse, book: Workbook,
                deadline: Deadline, taken: list[str]) -> ParseResult:
    """The table of a read book to records; any refusal is explained by formulas saved without a result. `taken`
    receives the name of the sheet whose table is read."""
    book, sided, expanded, turned = _reshape_book(book, kind, sheet, fixes)
    chosen, table, conversions = _choose(book.sheets, sheet, deadline, fixes)
    taken.append(chosen.name)
    plan = SheetPlan()
    if sheet is None and not fixes.sheets and len(book.sheets) > 1:
        plan = plan_sheets(_candidate_sheets(book.sheets, None), chosen, table, HEADER_SPECS,
                           lambda rows, name: locate_table(rows, name, HEADER_SPECS),
                           lambda found: kind in (None, "roster") and detect_kind(found) == "roster")
        # one table across several sheets, in one layout or each in its own: every sheet's records, in workbook order
        found = read_sheet_set(parse, path, kind, mapping, limits, overrides or {}, chosen.name, plan,
                               [item.name for item in book.sheets]) if plan.read or plan.other else None
        if found is not None:
            result, left = found
            unplaced = unplaced_sheets_warning(result.kind, result.frame, result.sheet)
            result.warnings += [_note(text) for text in plan.notes(left) + ([unplaced] if unplaced else [])]
            return result
    detected_signature = header_signature(table.labels)
    if fixes.header_rows:
        table = rescue.locate_at(chosen.rows, chosen.name, *fixes.header_rows)
    elif (above := header_above(chosen.rows, table, HEADER_SPECS)) is not None:  # a shorter block's header first
        table = rescue.locate_at(chosen.rows, chosen.name, above + 1, above + 1)
    undated = undated_meetings(table.labels, table.parents) if kind in (None, "attendance") else []
    if undated:
        raise ImportFileError(msg.UNDATED_MEETINGS.format(
            sheet=chosen.name, labels=", ".join(f"«{label}»" for label in undated)))
    if kind in (None, "attendance"):
        pair_month_days(table)  # 'Tháng 7' over 'Ngày | KQ': a month column, dated like any other
    stated, over, written, date_order = _date_header(table, chosen, kind, fixes)
    grid = build_grid(chosen.rows)
    early_legend = cache(partial(_early_legend, chosen.rows, table.body_start, fixes.legend))  # looked for once
    month_status_flags(grid, table, early_legend)
    kind = kind or prefer_attendance(detect_kind(table), table, grid, early_legend)
    module = spec_module(kind)
    grid, mapping, fills = rescue.apply_to_grid(grid, table, fixes, chosen, module.FIELDS, mapping)
    columns = map_columns(table.labels, table.parents, module.FIELDS, mapping, with_months=kind == "attendance",
                          dates=table.dates)
    unmap_day_columns(columns, table)
    if "full_name" not in (mapping or {}):  # the officer's own choice of the name column stands
        names_by_values(columns, grid, table, module.FIELDS, chosen.name)
    key_column = next((column for column in columns if column.field == module.ROWS.key), None)
    if key_column is None:
        raise ImportFileError(msg.NO_TABLE)
    from .kinds.body import split_body  # pandas loads only once a table was found
    from .kinds.followed_unit_column import name_followed_unit
    from .kinds.merged_person_rows import MergedPeople, account_merged_people, join_merged_people
    from .kinds.register_columns import read_register_columns
    from .kinds.remark_rows import account_remarks, mark_reader, take_remark_rows
    from .kinds.roster_columns import read_roster_columns
    from .kinds.short_unit_header import name_short_unit_column
    from .kinds.spilled_rows import account_spilled, join_spilled_rows
    from .kinds.struck_rows import take_struck_cells
    from .kinds.unused_headings import warn_unused_headings

    struck = take_struck_cells(grid, chosen.rows, table, columns, module.ROWS, chosen.read_struck,  # crossed out
                               {spec.name: spec.label for spec in module.FIELDS})
    grid, own_headers = find_own_headers(grid, table, columns, HEADER_SPECS, module.FIELDS)  # own layouts
    conversions += _convert_body(chosen, grid, columns)
    coalesce_split_fields(grid, table, columns, module.FIELDS)
    if kind == "attendance":
        coalesce_status_flags(grid, table, columns, early_legend)
    issues = Issues(chosen.name)
    struck.report(issues)
    rewritten: list[dict] = []
    report_found(chosen, issues, rewritten)
    if own_headers:
        report_own_headers(own_headers, chosen.rows, issues)
        rewritten += own_headers.inferences(table.labels)
    group_codes, areas = GroupCodes(), None
    if kind == "roster":  # a group-unit catalogue under the roster is no people (``group_units``)
        group_codes = group_code_notes(chosen.rows)
        areas = catalogue_below(grid, table.body_start, group_codes)
        if areas:
            areas.clear(grid)
    settle_party_column(grid, table, columns, module.FIELDS, issues)  # 'Chi bộ' of ticks beside 'Đơn vị'
    unit_column = next((column for column in columns if column.field == "unit" and not column.month), None)
    codes_key = unit_key(grid, table.body_start, unit_column.index, unit_column.header) if unit_column else None
    if codes_key:  # "Mã chi bộ:" over "MH - Chi bộ thôn Mường Hum" under the people: no people
        codes_key.clear(grid)
    stack = find_stack(grid, table, key_column.index)  # tables stacked on the sheet, one per unit
    if stack:
        stack.clear(grid)
    if kind == "roster":
        name_followed_unit(grid, table, columns, issues)
    name_short_unit_column(grid, table, columns, module.FIELDS)
    dividers = divider_rows(grid, table.body_start, table.body_end, key_column.index) if kind == "attendance" else {}
    fill_ditto(grid, table, columns, issues, chosen.name, {block.start for block in stack.blocks} if stack else (),
               dividers)
    remarks = take_remark_rows(grid, table, columns, module.ROWS, chosen.merges,
                               mark_reader(early_legend))
    if kind == "attendance":
        fill_block_names(grid, table, columns, issues, chosen.name, chosen.merges)
    people = join_merged_people(grid, table, columns, module.ROWS, chosen.merges, issues) \
        if kind == "roster" else MergedPeople()
    spilled = join_spilled_rows(grid, table, columns, module.ROWS, issues) if kind == "roster" else set()
    table.legend_rows = getattr(chosen, "legend_rows", {})
    body = split_body(grid, table, key_column.index, issues, module.ROWS, sheet_spans(chosen))
    account_spilled(body, spilled)
    account_merged_people(body, people)
    if kind == "roster":
        warn_unused_headings(body.headings, body.frame, columns, issues)
    if areas:
        areas.account(body.outcomes)
    if codes_key:
        codes_key.account(body.outcomes)
    account_remarks(body, remarks)
    if own_headers:
        own_headers.account(body.outcomes)
    body.frame = fill_sheet_values(body.frame, fills)
    refuse_over_long(body, columns, issues, limits.max_lengths, {spec.name: spec.label for spec in module.FIELDS})
    if stack:  # each block's title is a heading row over its rows (the officer may remap it as any other)
        stack.account(body.outcomes)
        stack.report(issues)
        body.context = stack.carry(body.context, body.frame.index)
    body.context = rescue.remap_context(body.context, fixes.context)
    facts = read_sheet_context(chosen.name, chosen.rows, table.header_rows[0], table.body_end, kind,
                               _mapped(columns))
    year = fixes.year or _year(table, written.years) or facts.year
    if stack:
        said = stack.inferences()
        facts.inferences = [item for item in facts.inferences if item["what"] not in {i["what"] for i in said}] + said
    carried = body.context
    body.context = with_sheet_context(dated_by_dividers(body, columns, year, issues), body.frame.index, facts, year)
    if kind == "roster":
        read_roster_columns(body, table, columns, chosen.rows, issues, chosen.merges, group_codes,
                            catalogues=read_catalogues(book.sheets, chosen.name), inferences=facts.inferences)
    elif kind == "attendance":
        read_register_columns(body, table, columns, chosen.rows, issues)
    legend = find_legend(chosen.rows, table.body_end)
    swatches = getattr(chosen, "swatches", None) or []
    if legend and any(swatch.text in legend for swatch in swatches):
        legend = None  # the legend of swatches, read by (mark, fill) pairs (``swatch_legends``)
    listed = {**(parse_legend(legend) if legend else {}), **swatch_marks(swatches), **fixes.legend}
    outside = _outside_text(chosen.rows, table)
    context = Context(issues=issues, year=year, epoch_1904=book.epoch_1904,
                      marks=marks_table(listed), legend=listed,
                      notes=find_notes(chosen.rows), title_year=stated_year(table.title_text),
                      meeting_date=meeting_date_in_titles(table.title_text),
                      date_line=unread_date_line(table.title_text), unit_line=unit_in_lines(chosen.rows),
                      codes=code_lines(chosen.rows), catalogues=read_catalogues(book.sheets, chosen.name),
                      group_codes=group_codes,
                      unit_words=unit_abbreviations(note_texts(chosen.rows, table.header_rows[0], table.body_end)),
                      parents=table.parents, spans=sheet_spans(chosen), merges=chosen.merges,
                      cells=cell_rules(outside), consumed=table.consumed,
                      format_legend=read_format_legend(outside + _lone_texts(chosen.rows, table)),
                      read_formats=chosen.read_formats, file_format=book.format, swatches=swatches,
                      not_due=not_due_marks(outside), reasons=reason_rules(outside),
                      day_pairs=table.day_pairs)
    deadline.check()
    records, counts, failed = builder_module(kind).build_records(body, columns, context)
    looked_up = []
    if kind == "roster":
        records, looked_up = units_from_catalogue(
            records, areas or other_sheet_catalogue(book.sheets, chosen.name, group_codes))
    by_rule = expanded.get(chosen.name)
    if (chosen.name in turned or absences.explain(by_rule)) and kind == "attendance":
        records = in_reading_order(records, columns)
    from . import plausibility

    issues.warnings += plausibility.check_sheet(plausibility.SheetView(
        sheet=chosen.name, kind=kind, table=table, columns=columns, records=records, counts=counts, data=body.frame,
        rows=chosen.rows, year=context.year, today=today, marks=context.marks, legend=context.legend))
    warn_unmarked(issues, kind, grid, key_column, counts, failed)
    deadline.check()
    issues.finish()
    listed = absences.notes(by_rule, records["status"], table.title_text, chosen.absences_only) \
        if kind == "attendance" else []
    issues.warnings += [_note(text, chosen.name) for text in facts.warnings + plan.notes() + listed + looked_up
                                                        + date_order
                                                        + (written.warnings if kind == "attendance" else [])]
    if conversions:
        issues.warnings.append({"sheet": chosen.name, "row": None, "column": None, "field": None, "value": None,
                                "message": f"Đã chuyển {len(conversions)} ô từ mã cũ (TCVN3/VNI) sang Unicode."})
    row_frame = _row_frame(body, counts, failed)
    struck.account(row_frame)
    formulas = check_uncached(chosen, table, columns, module.FIELDS, row_frame)
    issues.warnings += ([formulas] if formulas else []) + unused_formula_warnings(chosen)
    if own_headers:  # the cells of rows moved into the table's columns, named as the file has them
        own_headers.own_cells(issues.errors + issues.warnings, len(columns))
    if "unit" in records.columns:  # a unit's name only ever written in capitals: its spelling is the rule's guess
        issues.warnings += capitals_only_units(records["unit"].dropna().unique(), book.sheets, chosen.name)
    return ParseResult(
        kind=kind, sheet=chosen.name, header_row=table.header_rows[-1] + 1, columns=columns,
        signature=header_signature(table.labels), frame=records[list(module.CANONICAL)],
        errors=issues.errors, warnings=issues.warnings, row_frame=row_frame,
        legacy_conversions=conversions, year=context.year if kind != "roster" else None,
        detected_signature=detected_signature, inferences=rescue.explain(
            book.sheets, chosen.name, table, chosen.rows, context.year, carried, fixes, kind, fills)
        + facts.inferences + context.inferences + rewritten + ([TURNED] if chosen.name in turned else [])
        + ([SIDE] if chosen.name in sided else []) + absences.explain(by_rule)
        + remark_inferences(chosen.rows, chosen.name, records["unit"].unique() if "unit" in records.columns else ()),
        blocks=own_headers.columns() if own_headers else [],
    )




TURNED = {"what": "Chiều bảng", "value": "tên người ở dòng tiêu đề, tháng hoặc ngày ở cột bên trái",
          "source": "đã xoay lại để đọc; số dòng trong thông báo là thứ tự người"}

SIDE = {"what": "Bảng đặt cạnh nhau", "value": "các khối cùng tiêu đề cột, mỗi khối một chi bộ (hoặc đoàn)",
        "source": "đã ghép thành một bảng: khối của từng đoàn đọc trọn từng khối, khối của chi bộ đọc từng dòng từ "
                  "trái sang phải; số dòng trong thông báo là dòng của bảng đã ghép"}


def _early_legend(rows, body_start: int, given: dict) -> dict:
    """The legend before the body's end is known: the first legend line under the header, and the officer's. Looked
    for only when status columns need it: in a long register without status columns the scan would pass every
    mark cell."""
    early = find_legend(rows, body_start)
    return {**(parse_legend(early) if early else {}), **given}


def _outside_text(rows, table) -> list:
    """The text cells above the header and below the body: where legends and notes are written."""
    return [cell for row in rows[:table.header_rows[0]] + rows[table.body_end:] for cell in row
            if isinstance(cell, str) and cell.strip()]


def _lone_texts(rows, table) -> list:
    """The text of the body's rows holding one cell only: a note among or right under the rows ("(Đồng chí in đậm
    là Trưởng đoàn)") that no stop word ended the table at."""
    found = []
    for row in rows[table.body_start:table.body_end]:
        first = None
        for cell in row:
            if cell is not None and cell != "":
                if first is not None:
                    break
                first = cell
        else:
            if isinstance(first, str) and len(first) > 12:
                found.append(first)
    return found


def _mapped(columns) -> set[str]:
    """Fields the table has a column for; month or meeting-date columns give the date."""
    mapped = {column.field for column in columns if column.field and not column.month}
    return mapped | ({"date"} if any(column.month or column.day for column in columns) else set())


def _note(text: str, sheet: str | None = None) -> dict:
    """A warning about the workbook rather than a cell."""
    return {"sheet": sheet, "row": None, "column": None, "field": None, "value": None, "message": text}


def inspect_file(path, sheet=None, limits=None, max_rows: int | None = None) -> dict:
    """All sheets (or one) as JSON-typed grids anchored at A1; legacy-encoded text is decoded."""
    limits = limits or Limits()
    book = read_workbook(Path(path), limits, Deadline(limits), sheet)
    sheets = []
    for item in book.sheets:
        convert_legacy_text(item)
        rows = item.rows if max_rows is None else item.rows[:max_rows]
        entry = {"name": item.name, "visible": item.visible, "rows": [[json_cell(c) for c in row] for row in rows]}
        if item.error:
            entry["error"] = item.error
        sheets.append(entry)
    return {"sheets": sheets}
