"""Build canonical attendance records column-wise from a table body (pandas, no per-cell Python loop)."""

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..assigned_units import unit_text
from ..baptismal_names import report_saint_names
from ..code_lines import decode_unit_codes, explained_code_column
from ..date_words import year_of_tab
from ..errors import ImportFileError
from ..honorifics import name_cleaner
from ..month_day_pairs import date_pairs
from ..month_first_columns import read_month_first
from ..name_titles import report_name_titles
from ..normalising import clean_text, iso
from ..not_due_marks import not_due_cells, not_due_warning
from ..period_dividers import warn_outside
from ..status_phrases import STATUSES
from ..swatch_legends import NOT_DUE
from ..unit_abbreviations import write_out_units
from ..unit_kind_headers import with_header_kind
from .arrival_times import late_from_arrivals, present_by_arrival
from .attendance import CANONICAL, FIELDS
from .attendance_infer import (
    LINE_UNIT_COLUMN,
    date_from_title,
    infer_long_columns,
    no_status_message,
    refuse_unread_date_line,
    unit_from_line,
)
from .attendance_values import meeting_dates, month_dates, read_statuses, refine_answers
from .blank_cells import BLANK, NOTE, blanks_by_legend, long_blanks
from .body import factorize_cleaned, map_unique
from .carried import fill_blocks, with_context
from .catalogued_codes import decode_catalogued
from .day_marks import numbers_are_marks, read_days
from .form_answers import SUPERSEDED, date_from_stamps, later_answers
from .format_meanings import read_meanings, reads_formats, statuses_by_format
from .late_minutes import late_from_minutes
from .late_notes import late_from_notes
from .merged_dates import fill_merged_dates
from .merged_notes import merged_notes
from .no_meeting_cells import not_held_columns
from .signin_status import status_from_signatures
from .status_ticks import as_answers, refine_by_ticks, ticked_positions
from .subtotals import skip_subtotals
from .unit_blocks import block_units

LABELS = {spec.name: spec.label for spec in FIELDS}
NO_DATE_COLUMNS = "Không tìm thấy cột ngày sinh hoạt hoặc các cột tháng (T1…T12) trong bảng điểm danh."
NO_YEAR = ("không xác định được năm của các cột tháng (cần dòng tiêu đề có 'năm YYYY', năm trong tiêu đề cột "
           "hoặc tên trang tính)")


def build_records(body, columns, context) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Canonical attendance records, record count and failure flag per Excel row (wide or long layout)."""
    name = next((column.index for column in columns if column.field == "full_name" and not column.month), None)
    marks = [column.index for column in columns if column.month or column.field == "status"]
    months = [column for column in columns if column.month]
    skip_subtotals(body, name, marks, named_counts=numbers_are_marks(
        body.frame[[column.index for column in months]].to_numpy(dtype=object), months, context))
    refuse_unread_date_line(columns, context)  # before a tab's month ('T01-2026') could date the rows
    frame, by_field = with_context(body, columns)
    context.year = context.year or year_of_tab(context.issues.sheet)  # no year in the titles: the tab's
    frame = fill_blocks(frame, by_field, ("unit",))
    codes = getattr(context, "codes", {})
    if "unit" not in by_field:
        found = explained_code_column(frame, columns, codes)
        if found is not None:
            found.field = "unit"
            by_field = {**by_field, "unit": found}
    frame = decode_unit_codes(frame, by_field.get("unit"), codes, context.issues, getattr(context, "unit_words", []))
    frame, said = decode_catalogued(frame, by_field, getattr(context, "catalogues", []), context.issues)
    getattr(context, "inferences", []).extend(said)
    frame, said = write_out_units(frame, by_field.get("unit"), getattr(context, "unit_words", []))
    getattr(context, "inferences", []).extend(said)
    frame, said = with_header_kind(frame, by_field.get("unit"), context.issues)  # "Chi bộ" over "Thôn 3"
    getattr(context, "inferences", []).extend(said)
    frame, by_field = unit_from_line(frame, by_field, context)
    if months:
        return _wide(frame, months, by_field, context)
    if not {"date", "status"} <= by_field.keys():
        frame, by_field = status_from_signatures(frame, columns, by_field, context)
        by_field = infer_long_columns(frame, columns, by_field, context)
        frame, by_field = date_from_title(frame, by_field, context)
        frame, by_field = date_from_stamps(frame, by_field, context)
    if "date" in by_field and "status" in by_field:
        frame = read_month_first(frame, by_field["date"], context.issues)  # '4/14/2025': month first, all of it
        frame = fill_merged_dates(frame, body.frame, by_field, context.issues)
        frame, superseded = later_answers(frame, by_field, context)
        body.outcomes += [{"row": row, "outcome": "skipped", "reason": SUPERSEDED, "record_count": 0}
                          for row in superseded]
        names, said, titled = _column(frame, by_field, "full_name"), [], []
        raw = names.to_numpy(dtype=object)
        names = map_unique(names, name_cleaner(raw, said, titled))
        report_name_titles(titled, raw, frame.index, by_field.get("full_name"), context.issues)
        report_saint_names(said, raw, frame.index, by_field.get("full_name"), context.issues)
        units = map_unique(_column(frame, by_field, "unit"), unit_text)
        return _long(frame, by_field, names, units, context, columns, getattr(body, "periods", None))
    if "date" in by_field:
        raise ImportFileError(no_status_message(frame, columns, context.issues.sheet))
    raise ImportFileError(NO_DATE_COLUMNS)


def _column(frame: pd.DataFrame, by_field: dict, field: str) -> pd.Series:
    spec = by_field.get(field)
    return frame[spec.index] if spec is not None else pd.Series(None, index=frame.index, dtype=object)


UNKNOWN = -2


def _status_codes(codes: np.ndarray, readings: list) -> np.ndarray:
    """Index into STATUSES per cell (BLANK / UNKNOWN otherwise) from the Readings of the distinct values."""
    lookup = [STATUSES.index(r.status) if r.status else UNKNOWN if r.problem else BLANK for r in readings]
    return np.array(lookup, dtype=np.int8)[codes]


def _cell_doubts(codes: np.ndarray, readings: list, place, values, issues) -> None:
    """A warning for each cell read with a doubt (e.g. «về sớm»); `place(position)` gives (row, letter)."""
    doubtful = [index for index, reading in enumerate(readings) if reading.doubt]
    for position in np.flatnonzero(np.isin(codes, doubtful)) if doubtful else ():
        row, letter = place(int(position))
        issues.cell_problem("warning", row, letter, "status", LABELS["status"], values[position],
                            readings[codes[position]].doubt)


def _first_of_each(rows, read_dates, raw_dates, letter, issues) -> None:
    """One warning per distinct doubtful date (a meeting's date repeats on every row of it), at its first row."""
    seen = {}
    for row, read in zip(rows, read_dates):
        if read.warning:
            seen.setdefault(raw_dates[row], [row, read.warning, 0])[2] += 1
    for value, (row, warning, count) in seen.items():
        more = f" (và {count - 1} ô khác cùng giá trị)" if count > 1 else ""
        issues.cell_problem("warning", int(row), letter, "date", LABELS["date"], value, warning + more)


def _categorical(values: np.ndarray, clean, repeat: int, keep: np.ndarray) -> pd.Categorical:
    """Cleaned per-row values repeated for each month cell and kept where a mark exists, as codes not strings."""
    codes, categories = factorize_cleaned(values, clean)
    return pd.Categorical.from_codes(np.repeat(codes, repeat)[keep], categories=categories)


def _wide(frame, months, by_field, context):
    """Unpivot person x month marks (row-major, like a melt ordered by row) without a Python loop over cells."""
    n_rows, n_months = len(frame), len(months)
    rows = frame.index.to_numpy()
    dates = month_dates(months, context)
    if None in dates:
        for row in rows:
            context.issues.error(int(row), None, "date", None, NO_YEAR)
        return _empty(), pd.Series(0, index=frame.index), pd.Series(True, index=frame.index)
    marks = frame[[m.index for m in months]].to_numpy(dtype=object).ravel()
    place_label = f"Các cột {months[0].letter}–{months[-1].letter}"
    # a day written beside each mark (``month_day_pairs``) dates the cells: the marks hold no day of their own
    days = None if getattr(context, "day_pairs", None) else read_days(marks, months, dates, context, place_label)
    cell_dates = days.dates if days else np.tile(np.array(dates, dtype=object), n_rows)
    paired = date_pairs(frame, months, dates, marks, cell_dates, context)
    value_codes, readings = read_statuses(days.marks if days else marks, context, place_label)
    codes, problems = _status_codes(value_codes, readings), days.problems if days else {}
    codes[list(problems) + list(paired)] = UNKNOWN
    codes = not_held_columns(codes, marks, rows, months, context, UNKNOWN)  # "Nghỉ hè" merged down a month
    codes = merged_notes(codes, marks, rows, months, context, UNKNOWN)
    codes = _not_due(codes, marks, rows, months, context)
    codes, refused = _by_format(codes, marks, lambda: [(int(rows[p // n_months]), months[p % n_months].index,
                                                        marks[p]) for p in range(len(marks))], context)
    codes = blanks_by_legend(codes, n_months, months, context)
    keep, bad = codes >= 0, codes == UNKNOWN

    def place(position: int) -> tuple[int, str]:
        row, month = divmod(position, n_months)
        return int(rows[row]), months[month].letter

    for position in np.flatnonzero(bad):
        if int(position) in refused or int(position) in paired:
            continue
        context.issues.cell_problem("error", *place(int(position)), "status", LABELS["status"], marks[position],
                                    problems.get(int(position)) or readings[value_codes[position]].problem)
    _cell_doubts(value_codes, readings, place, marks, context.issues)
    names, said, titled = _column(frame, by_field, "full_name").to_numpy(dtype=object), [], []
    date_codes, date_values = pd.factorize(cell_dates[keep])
    records = pd.DataFrame({
        "full_name": _categorical(names, name_cleaner(names, said, titled), n_months, keep),
        "date": pd.Categorical.from_codes(date_codes, categories=date_values),
        "status": pd.Categorical.from_codes(codes[keep], categories=list(STATUSES)),
        "unit": _units(frame, by_field, months, context, keep),
    })
    report_name_titles(titled, names, rows, by_field.get("full_name"), context.issues)
    report_saint_names(said, names, rows, by_field.get("full_name"), context.issues)
    counts = pd.Series(keep.reshape(n_rows, n_months).sum(axis=1), index=frame.index)
    failed = pd.Series(bad.reshape(n_rows, n_months).any(axis=1), index=frame.index)
    return records, counts, failed


def _not_due(codes: np.ndarray, marks, rows, months: list, context) -> np.ndarray:
    """Cells holding a mark the legend says is no attendance ("CĐ = chuyển sinh hoạt đi (không điểm danh)",
    ``not_due_marks``): no record and no blank, one warning per mark naming its cells."""
    table = getattr(context, "not_due", None) or {}
    found = not_due_cells(marks, table)
    if not found:
        return codes
    codes = codes.copy()
    n_months = len(months)
    for mark, positions in found.items():
        codes[positions] = NOTE
        cells = [f"{months[p % n_months].letter}{int(rows[p // n_months])}" for p in positions]
        shown = next(str(marks[p]).strip() for p in positions)
        context.issues.warning(None, months[positions[0] % n_months].letter, "status", shown,
                               f"Các cột {months[0].letter}–{months[-1].letter}: "
                               + not_due_warning(shown, table[mark], cells))
    return codes


def _by_format(codes: np.ndarray, marks, cells: Callable[[], list], context) -> tuple[np.ndarray, set]:
    """Status codes with the mark cells' formats read through the sheet's format legend (``format_meanings``),
    and the positions refused there (their error said already); `cells` builds the (row, column, mark) list,
    asked for only when the sheet has a legend of formats for the status."""
    legend = getattr(context, "format_legend", None)
    if not reads_formats("status", legend, context):
        return codes, set()
    cells = cells()
    meanings = read_meanings(cells, "status", legend, context)
    if meanings is None:
        return codes, set()
    statuses = [STATUSES[code] if code >= 0 else None for code in codes]
    found = statuses_by_format(meanings, statuses, list(marks), cells, context)
    codes = codes.copy()
    refused = set()
    for position, (before, after) in enumerate(zip(statuses, found)):
        if after is False:
            codes[position] = UNKNOWN
            refused.add(position)
        elif after == NOT_DUE:  # a swatch saying the person was not due (``swatch_legends``)
            codes[position] = NOTE
        elif after is not None and after != before:
            codes[position] = STATUSES.index(after)
    return codes, refused


def _units(frame, by_field, months, context, keep) -> pd.Categorical:
    """Each mark's unit: the row's, else the chi bộ named over its column block (``kinds.unit_blocks``)."""
    row_units = _column(frame, by_field, "unit").to_numpy(dtype=object)
    blocks = block_units(getattr(context, "parents", None) or [], months)
    from_line = by_field.get("unit") is not None and by_field["unit"].index == LINE_UNIT_COLUMN
    if blocks is None or (not from_line and any(clean_text(unit) for unit in row_units)):
        return _categorical(row_units, unit_text, len(months), keep)
    codes, categories = pd.factorize(np.array(blocks, dtype=object))
    return pd.Categorical.from_codes(np.tile(codes, len(frame))[keep], categories=categories)


def _long(frame, by_field, names, units, context, columns, periods=None):
    """One record per row: meeting date and mark in their own columns."""
    issues = context.issues
    raw_dates, raw_marks = _column(frame, by_field, "date"), _column(frame, by_field, "status")
    date_column, status_column = by_field["date"], by_field["status"]
    read_dates = meeting_dates(raw_dates, context, date_column.letter, date_column.header)
    dates = pd.Series([d.date for d in read_dates], index=frame.index, dtype=object)
    date_problems = pd.Series([d.problem for d in read_dates], index=frame.index, dtype=object)
    marks = np.array(as_answers(raw_marks.to_numpy(dtype=object), status_column.header,
                                getattr(context, "notes", None) or []), dtype=object)
    value_codes, distinct = read_statuses(marks, context, f"Cột {status_column.letter} «{status_column.header}»")
    readings = [distinct[code] for code in value_codes]
    statuses = refine_answers(readings, raw_marks, frame, columns, status_column, context,
                              ticked_positions(frame, columns, status_column, context))
    statuses = late_from_notes(statuses, frame, columns, status_column, context)
    statuses, readings = refine_by_ticks(statuses, readings, frame, columns, status_column, context)
    arrivals = _column(frame, by_field, "arrival")
    statuses = present_by_arrival(statuses, arrivals, by_field.get("arrival"), context)
    statuses = late_from_arrivals(statuses, arrivals, raw_dates, by_field.get("arrival"), context)
    statuses, late_refused = late_from_minutes(statuses, _column(frame, by_field, "late_minutes"), raw_marks,
                                               by_field.get("late_minutes"), status_column, context)
    statuses = long_blanks(statuses, readings, dates, status_column, context)
    legend = getattr(context, "format_legend", None)
    meanings = None
    if status_column.index >= 0 and reads_formats("status", legend, context):
        cells = [(int(row), status_column.index, mark)
                 for row, mark in zip(frame.index, raw_marks.to_numpy(dtype=object))]
        meanings = read_meanings(cells, "status", legend, context)
    refused = pd.Series(False, index=frame.index)
    if meanings is not None:
        found = statuses_by_format(meanings, list(statuses), [mark for *_, mark in cells], cells, context)
        refused[:] = [value is False for value in found]
        statuses = [None if value is False or value == NOT_DUE else value for value in found]
    statuses = pd.Series(statuses, index=frame.index, dtype=object)
    mark_problems = pd.Series([r.problem for r in readings], index=frame.index, dtype=object)
    _cell_doubts(value_codes, distinct, lambda position: (int(frame.index[position]), status_column.letter), marks,
                 issues)
    _first_of_each(frame.index, read_dates, raw_dates, date_column.letter, issues)
    warn_outside(dates, periods, date_column.letter, issues)
    missing_date = dates.isna() & date_problems.isna() & statuses.notna()
    for row in frame.index[date_problems.notna().to_numpy()]:
        issues.cell_problem("error", int(row), by_field["date"].letter, "date", LABELS["date"], raw_dates[row],
                            date_problems[row])
    for row in frame.index[missing_date.to_numpy()]:
        issues.error(int(row), by_field["date"].letter, "date", None, "thiếu ngày sinh hoạt")
    for row in frame.index[mark_problems.notna().to_numpy()]:
        issues.cell_problem("error", int(row), by_field["status"].letter, "status", LABELS["status"], raw_marks[row],
                            mark_problems[row])
    refused.iloc[late_refused] = True
    failed = date_problems.notna() | missing_date | mark_problems.notna() | refused
    keep = ~failed & statuses.notna()
    records = pd.DataFrame({"full_name": names, "date": dates.map(iso, na_action="ignore"), "status": statuses,
                            "unit": units})[keep].reset_index(drop=True)
    return records, keep.astype(int), failed


def _empty() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=object) for name in CANONICAL})
