"""The pipeline: read -> decode legacy text -> locate table -> map columns -> normalise/validate -> result."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import errors as msg
from .errors import ImportFileError
from .kinds import attendance, builder_module, roster, spec_module  # specs import no pandas
from .legacy import TCVN3_MARKERS, VNI_MARKERS, decode_legacy, detect_legacy
from .limits import Deadline, Limits
from .locating import fill_vertical_merges, find_legend, locate_table
from .mapping import column_letter, header_signature, map_columns, score_labels
from .normalising import marks_table, month_of_header, parse_legend, year_in_text
from .reading import json_cell, read_workbook
from .results import ParseResult, SheetData, Table
from .validating import Issues, cell_ref

HEADER_SPECS = roster.FIELDS + tuple(spec for spec in attendance.FIELDS if spec.name in ("date", "status", "unit"))


@dataclass
class Context:
    """Facts about the file that the kind builders need besides the rows."""

    issues: Issues
    year: int | None = None
    marks: dict = field(default_factory=dict)
    epoch_1904: bool = False


def convert_legacy_text(sheet: SheetData) -> list[dict]:
    """Decode TCVN3/VNI cells in place, column by column; returns the before -> after pairs."""
    if not sheet.rows:
        return []
    found = []
    for col, cells in enumerate(zip(*sheet.rows)):
        joined = "\x00".join(cell for cell in cells if isinstance(cell, str) and cell)
        if not (TCVN3_MARKERS.search(joined) or VNI_MARKERS.search(joined)):
            continue
        for row, cell in enumerate(cells):
            encoding = detect_legacy(cell) if isinstance(cell, str) else None
            if encoding:
                found.append((row, col, cell, encoding))
    if not found:
        return []
    # A sheet is typed in one legacy font: the majority settles cells that fit both encodings.
    dominant = Counter(encoding for *_, encoding in found).most_common(1)[0][0]
    conversions = []
    for row, col, cell, _ in found:
        after = decode_legacy(cell, dominant)
        sheet.rows[row][col] = after
        conversions.append({"cell": cell_ref(sheet.name, row + 1, column_letter(col)), "before": cell,
                            "after": after, "encoding": dominant})
    return conversions


def detect_kind(table: Table) -> str:
    """'attendance' when the header has month columns or date+mark columns, else 'roster'."""
    months = sum(1 for label, parent in zip(table.labels, table.parents) if month_of_header(label, parent))
    roster_only = tuple(spec for spec in roster.FIELDS if spec.name in ("birth_date", "position", "group", "role", "phone"))
    attendance_only = tuple(spec for spec in attendance.FIELDS if spec.name in ("date", "status"))
    if months >= 2 or score_labels(table.labels, attendance_only) > score_labels(table.labels, roster_only):
        return "attendance"
    return "roster"


def _prepare_sheet(sheet: SheetData) -> list[dict]:
    fill_vertical_merges(sheet.rows, sheet.merges)
    return convert_legacy_text(sheet)


def choose_table(sheets: list[SheetData], deadline: Deadline) -> tuple[SheetData, Table, list[dict]]:
    """The sheet whose header names the most fields, with its located table."""
    best = None
    for sheet in sheets:
        conversions = _prepare_sheet(sheet)
        table = locate_table(sheet.rows, sheet.name, HEADER_SPECS)
        deadline.check()
        if table is None:
            continue
        score = score_labels(table.labels, HEADER_SPECS) + len(table.labels) / 1000
        if best is None or score > best[0]:
            best = (score, sheet, table, conversions)
    if best is None:
        raise ImportFileError(msg.NO_TABLE)
    return best[1], best[2], best[3]


def _year(table: Table) -> int | None:
    return year_in_text(list(dict.fromkeys(table.parents + table.labels)) + table.title_text[::-1])


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
    if sheet_name is not None:
        return readable
    return [sheet for sheet in readable if sheet.visible]


def parse_file(path, kind=None, sheet=None, mapping=None, limits=None, original_name=None) -> ParseResult:
    """Parse a roster or attendance file into validated canonical records (kind None = auto-detect)."""
    if kind not in (None, "roster", "attendance"):
        raise ImportFileError(msg.UNKNOWN_KIND.format(kind=kind))
    limits = limits or Limits()
    deadline = Deadline(limits)
    book = read_workbook(Path(path), limits, deadline, sheet)
    chosen, table, conversions = choose_table(_candidate_sheets(book.sheets, sheet), deadline)
    kind = kind or detect_kind(table)
    module = spec_module(kind)
    columns = map_columns(table.labels, table.parents, module.FIELDS, mapping, with_months=kind == "attendance")
    name_column = next((column for column in columns if column.field == "full_name"), None)
    if name_column is None:
        raise ImportFileError(msg.NO_TABLE)
    from .kinds.body import split_body  # pandas loads only once a table was found

    issues = Issues(chosen.name)
    body = split_body(chosen.rows, table, name_column.index, issues)
    legend = find_legend(chosen.rows, table.body_end)
    context = Context(issues=issues, year=_year(table), epoch_1904=book.epoch_1904,
                      marks=marks_table(parse_legend(legend) if legend else None))
    deadline.check()
    records, counts, failed = builder_module(kind).build_records(body, columns, context)
    deadline.check()
    issues.finish()
    if conversions:
        issues.warnings.append({"sheet": chosen.name, "row": None, "column": None, "field": None, "value": None,
                                "message": f"Đã chuyển {len(conversions)} ô từ mã cũ (TCVN3/VNI) sang Unicode."})
    return ParseResult(
        kind=kind, sheet=chosen.name, header_row=table.header_rows[-1] + 1, columns=columns,
        signature=header_signature(table.labels), frame=records[list(module.CANONICAL)],
        errors=issues.errors, warnings=issues.warnings, row_frame=_row_frame(body, counts, failed),
        legacy_conversions=conversions, year=context.year if kind == "attendance" else None,
    )


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
