"""Split a table body into data rows, context rows (group / unit / role headings), blank rows and the footer."""

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Callable

import numpy as np
import pandas as pd

from ..abbreviations import is_role_legend
from ..context import SKIP_REASON, says_more, unread_rest
from ..legends import is_legend_text
from ..locating import classify_special_row
from ..mapping import column_letter
from ..normalising import fold, is_blank, is_group_name, normalise_group
from ..period_dividers import REASON as PERIOD_REASON
from ..period_dividers import divider_period, period_of
from ..results import Column, Table
from ..signature_titles import CLOSING_PATTERN, CLOSING_REASON, is_closing_text, is_signature_row
from ..validating import Issues
from . import RowRules
from .carried import carry_down, lone_key_rows, row_context
from .common import INDEX
from .nobody_lines import REASON as NOBODY_REASON
from .nobody_lines import is_nobody_line, is_nobody_text
from .section_lines import SECTION_REASON, is_merged_section, is_section_line
from .subtotals import TOTALS_LINE_REASON, is_counts_line, is_totals_label, labelled_totals_rows
from .summary_tables import REASON as SUMMARY_REASON
from .summary_tables import find_summary

# The name cell's end-of-table words, matched with their diacritics over the whole name column at once;
# ``locating.STOP_PREFIXES`` is the folded list a row's first cell is read against while the table is located.
STOP_PATTERN = (r"^\s*(?:tổng cộng|tổng số|cộng:"
                r"|t[ỷỉ] lệ\s*(?:\(?%\)?|dự|tham dự|có mặt)|số (?:đảng viên|người|đồng chí|lượt) (?:dự|có mặt|vắng)"
                r"|người lập|t/m|xác nhận|ghi chú\s*:|cách ghi\s*:|quy ước\s*:|thủ trưởng|ký tên"
                r"|(?:các )?(?:chữ )?viết tắt\s*:|chú giải\s*:"
                r"|(?:cộng|tổng|tổng cộng|tổng số)[^\S\n]*(?:\(.*\))?[^\S\n]*$"
                rf"|{CLOSING_PATTERN})")


@dataclass
class Body:
    """Data rows of a table (index = Excel row number) and the accounting of the other rows."""

    frame: pd.DataFrame
    groups: pd.Series
    outcomes: list[dict] = field(default_factory=list)
    context: pd.DataFrame | None = None  # facts carried down from context rows (see kinds.carried)
    periods: pd.Series | None = None  # per data row, the period of the divider line above it (``period_dividers``)
    headings: dict = field(default_factory=dict)  # Excel row -> facts of each context row (``unused_headings``)


def field_columns(columns: list[Column]) -> dict[str, Column]:
    """Field name -> column for mapped, non-month columns."""
    return {column.field: column for column in columns if column.field and not column.month}


_STOP = re.compile(STOP_PATTERN, re.IGNORECASE)


_ODD_LINE = re.compile(STOP_PATTERN.replace(r"^\s*", r"^[^\S\n]*", 1) + r"|^[^\S\n]+$",
                       re.IGNORECASE | re.MULTILINE)


def _special_mask(names: np.ndarray) -> np.ndarray:
    """Rows whose name cell is blank, whitespace, or footer text such as 'Tổng cộng' / 'Người lập biểu'.

    The name column is joined into one text and scanned once; only the few hits are mapped back to rows.
    """
    blank = pd.isna(names) | np.equal(names, "")
    texts = np.where(blank, "", names)
    try:
        joined = "\n".join(texts)
    except TypeError:  # numbers or dates in the name column
        joined = "\n".join(v if v.__class__ is str else "" for v in texts)
    if not joined.isascii():
        joined = unicodedata.normalize("NFC", joined)  # decomposed text (from CSV) reads like the rest
    if joined.count("\n") != max(len(names) - 1, 0):  # a name with a line break: fall back to per cell
        odd = [v.__class__ is str and (_STOP.match(v) is not None or v.isspace()) for v in texts]
        return blank | np.array(odd, dtype=bool)
    for match in _ODD_LINE.finditer(joined):
        blank[joined.count("\n", 0, match.start())] = True
    return blank


def _heading_mask(keys: np.ndarray, is_heading: Callable[[Any], bool]) -> np.ndarray:
    """Rows whose key cell holds sub-header text, testing each distinct value once."""
    codes, uniques = pd.factorize(pd.Series(keys, dtype=object), use_na_sentinel=True)
    hits = np.array([bool(is_heading(value)) for value in uniques] + [False], dtype=bool)
    return hits[codes]


def _is_legend(text: Any) -> bool:
    """A marks legend or a role codes legend."""
    return is_legend_text(text) or is_role_legend(text)


def split_body(grid: np.ndarray, table: Table, key_col: int, issues: Issues, rules: RowRules,
               spans: Callable[[], list] | None = None) -> Body:
    """Classify body rows: data rows keep going to the builders, the rest is accounted here.

    A row is looked at here when its key cell is blank or footer text, or (with `rules.heading_in_key`) holds
    sub-header text; such a row stays a data row unless it really is a sub-header (nothing else in it). `spans`
    gives the sheet's ranges merged across (``SheetData.spans``), asked for only when a row would be refused."""
    body_rows = grid[table.body_start:table.body_end]
    frame = pd.DataFrame(body_rows, columns=range(grid.shape[1]), dtype=object, copy=False)
    frame.index = pd.RangeIndex(table.body_start + 1, table.body_start + 1 + len(frame))
    keys = body_rows[:, key_col]
    special = _special_mask(keys) | _heading_mask(keys, _is_legend)  # a legend typed where the names go
    special |= _heading_mask(keys, is_nobody_text)  # "Không có đảng viên vắng mặt" where the names go
    maybe_heading = _heading_mask(keys, rules.is_heading) & ~special if rules.heading_in_key else None
    if maybe_heading is not None:
        special = special | maybe_heading
    totals = counted = np.zeros(len(body_rows), dtype=bool)
    if rules.read_context is not None:
        special[_context_in_key(body_rows, table, key_col, rules.read_context, ~special)] = True
        special[_context_in_key(body_rows, table, key_col, period_of, ~special)] = True  # "Tháng 8" where names go
        totals = labelled_totals_rows(body_rows, key_col)  # "Tổng số lượt" in the date column, a count for a name
        counted = totals & ~special  # a count or a formula's text where the names go: it would read as a person
        special |= totals
    groups = pd.Series(None, index=frame.index, dtype=object)
    outcomes, stop_at, data, facts, periods = [], None, [], {}, {}
    signers = _signature_block(body_rows, rules)
    summary = _summary(body_rows, table, key_col, rules)
    for position in np.flatnonzero(special):
        if summary is not None and position >= summary.start:
            break  # a summary of counts under the people ends the table as a totals line does
        row = list(body_rows[position])
        kind, heading = classify_special_row(row, rules.is_heading)
        if signers is not None and position >= signers and not (position == signers and kind == "stop"):
            break  # a signer's title where the names go ("Người lập biểu") ends the table as its stop words do
        row_number = int(frame.index[position])
        if maybe_heading is not None and maybe_heading[position] and kind != "group":
            data.append(position)  # an indicator that merely starts like a unit name
            continue
        if totals[position] or (kind == "other" and rules.read_context is not None and _bare_total(row)):
            kind = "stop"  # a bare 'Tổng' totals as 'Cộng' does (its tones tell it from the surname 'Tống')
        if kind == "stop" and _subtotal_between(body_rows, position, special, table, rules):
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": TOTALS_LINE_REASON,
                             "record_count": 0})
            continue
        if kind == "stop":
            stop_at = row_number
            if counted[position]:  # said so: with a count where the names go, it was read as a person
                outcomes.append({"row": row_number, "outcome": "skipped", "reason": TOTALS_LINE_REASON,
                                 "record_count": 0})
            outcomes.extend(_closing_rows(body_rows, position, frame.index, key_col))
            if any(isinstance(cell, str) and is_legend_text(cell) for cell in row):
                outcomes.extend(_legend_table_rows(table, table.body_start + position, len(frame)))
            break
        found = _context_facts(row, kind, heading, rules) if kind != "blank" else None
        period = divider_period(row) if kind == "other" and rules.read_context is not None else None
        if period is not None:
            periods[row_number] = replace(period, row=row_number)
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": PERIOD_REASON, "record_count": 0})
        elif found:
            facts[row_number] = found
            if set(found) == {"group"} and (heading := heading or _group_title(row, rules)):
                _warn_unread(issues, row_number, key_col, heading, row)
            reason = SKIP_REASON[next(name for name in SKIP_REASON if name in found)]
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": reason, "record_count": 0})
        elif kind == "group":
            groups[row_number] = heading
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": "dòng tiêu đề nhóm", "record_count": 0})
        elif kind == "blank":
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": "dòng trống", "record_count": 0})
        elif is_nobody_line(row):
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": NOBODY_REASON, "record_count": 0})
        elif is_section_line(row, key_col) or (
                spans is not None and is_merged_section(row, table.body_start + position, key_col, spans())):
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": SECTION_REASON, "record_count": 0})
        elif is_counts_line(row):  # 'Số lượt có mặt' over the number present at each meeting
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": TOTALS_LINE_REASON, "record_count": 0})
        elif _trailing_remark(row, position, special):
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": "dòng ghi chú cuối bảng",
                             "record_count": 0})
        else:
            issues.error(
                row_number, column_letter(key_col), rules.key, None, f"thiếu {rules.key_label}, dòng bị bỏ qua"
            )
            outcomes.append(
                {"row": row_number, "outcome": "failed", "reason": f"thiếu {rules.key_label}", "record_count": 0}
            )
    special[data] = False
    if summary is not None and stop_at is None:
        stop_at = int(frame.index[summary.start])
        outcomes.extend({"row": int(frame.index[at]), "outcome": "skipped", "reason": SUMMARY_REASON,
                         "record_count": 0} for at in summary.rows)
        after = next((at for at in range(summary.rows[-1] + 1, len(body_rows))
                      if any(not is_blank(cell) for cell in body_rows[at])), None)
        if after is not None:
            outcomes.extend(_closing_rows(body_rows, after, frame.index, key_col,
                                          signed=signers is not None and after >= signers))
    if stop_at is None and signers is not None:
        stop_at = int(frame.index[signers])
        outcomes.extend(_closing_rows(body_rows, signers, frame.index, key_col, signed=True))
    table.body_end = (stop_at - 1) if stop_at else table.body_start + len(frame)
    keep = ~special
    if stop_at:
        keep &= frame.index < stop_at
    groups = groups.ffill()
    carried = carry_down(facts, frame.index, keep)
    return Body(
        frame=frame[keep],
        groups=groups[keep],
        outcomes=outcomes,
        context=carried[keep] if carried is not None else None,
        periods=_carry_periods(periods, frame.index)[keep] if periods else None,
        headings=facts,
    )


def _summary(rows: np.ndarray, table: Table, key_col: int, rules: RowRules):
    """The summary of counts ending the body (``kinds.summary_tables``), for kinds keyed by a person's name."""
    if rules.key != "full_name":
        return None
    label = table.labels[key_col] if key_col < len(table.labels) else ""
    return find_summary(rows, {fold(label)} if label else set())


def _carry_periods(periods: dict, index: pd.Index) -> pd.Series:
    """Per row, the period of the nearest divider line above it (None above the first)."""
    marks = pd.Series(None, index=index, dtype=object)
    for row, period in periods.items():
        marks[row] = period
    return marks.ffill()


def _subtotal_between(rows: np.ndarray, position: int, special: np.ndarray, table: Table, rules: RowRules) -> bool:
    """A totals line ('Cộng Đoàn I: 06 đồng chí', 'Cộng: 6', 'Cộng chi bộ …', whatever its formulas) with more people
    right after it (past blank lines, or after the next group's sub-header, or after the next block's unit or period
    lines, "Chi bộ thôn …", "Tháng 8/2025"): it closes one block, not the table. A signature, a legend, or a totals
    line followed by anything else still ends the table."""
    texts = [cell for cell in rows[position] if isinstance(cell, str) and cell.strip()]
    if not texts or not is_totals_label(texts[0]):
        return False
    labels = {fold(label) for label in table.labels if label}
    for after in range(position + 1, len(rows)):
        row = list(rows[after])
        filled = [cell for cell in row if not is_blank(cell)]
        if not special[after]:
            return len(filled) >= 2 and not any(isinstance(cell, str) and fold(cell) in labels for cell in filled) \
                and not is_signature_row(filled)
        kind, _ = classify_special_row(row, rules.is_heading)
        if kind == "other" and (_opens_block(row, rules) or is_nobody_line(row)):
            continue  # the next block's unit or period line (and a block listing nobody): people must follow
        if kind != "blank":
            return kind == "group"
    return False


def _bare_total(row: list) -> bool:
    """A totals line whose label is the bare word ('Tổng', 'Tổng:'), numbers or formulas beside it."""
    texts = [cell for cell in row if isinstance(cell, str) and cell.strip()]
    return bool(texts) and is_totals_label(texts[0]) and len(fold(texts[0]).split()) == 1


def _opens_block(row: list, rules: RowRules) -> bool:
    """A context row of the kinds that read them (a unit, a group, a role) or a period divider line."""
    if rules.read_context is None:
        return False
    return row_context(row, rules.read_context) is not None or divider_period(row) is not None


SIGNATURE_CELLS = 4  # a signature row holds a few titles side by side, never a person's many cells


def _signature_block(rows: np.ndarray, rules: RowRules) -> int | None:
    """Where a signature block without a mandate line starts: a row of signer titles only ("BÍ THƯ", "THƯ KÝ |
    CHỦ TỌA"), not read as a context row, with below it only the signers' names under those titles; else None."""
    below: set[int] = set()
    found = None
    for position in range(len(rows) - 1, 0, -1):
        columns = {index for index, cell in enumerate(rows[position]) if not is_blank(cell)}
        if not columns:
            continue
        if len(columns) > SIGNATURE_CELLS:
            break
        filled = [rows[position][index] for index in sorted(columns)]
        if below <= columns and is_signature_row(filled) and not (
                rules.read_context is not None and row_context(list(rows[position]), rules.read_context)):
            found = position
        below |= columns
    return found


def _closing_rows(rows: np.ndarray, position: int, numbers: pd.Index, key_col: int,
                  signed: bool = False) -> list[dict]:
    """The rows of a closing block ("Nơi nhận:", "T/M ĐẢNG ỦY", "- Lưu VP.", or `signed`: signer titles) that ends
    the table: skipped, with the reason, down to the body's end; a table ended by other text (a total, a legend)
    reports none."""
    first = [cell for cell in rows[position] if isinstance(cell, str) and cell.strip()]
    if not (signed or is_closing_text(rows[position][key_col]) or (first and is_closing_text(first[0]))):
        return []
    return [{"row": int(numbers[at]), "outcome": "skipped", "reason": CLOSING_REASON, "record_count": 0}
            for at in range(position, len(rows)) if any(not is_blank(cell) for cell in rows[at])]


LEGEND_REASON = "dòng chú thích ký hiệu, không phải người"


def _legend_table_rows(table: Table, label: int, count: int) -> list[dict]:
    """The rows of a legend laid out as a table of cells (``importers.legend_tables``) that ends the table: its
    label's row and the rows of its pairs, skipped with the reason."""
    joined = table.legend_rows.get(label)
    if joined is None:
        return []
    end = table.body_start + count
    return [{"row": at + 1, "outcome": "skipped", "reason": LEGEND_REASON, "record_count": 0}
            for at in (label, *joined) if at < end]


def _trailing_remark(row: list, position: int, special: np.ndarray) -> bool:
    """A lone text below every data row ('Số điện thoại: bổ sung số 0 ở đầu' in the notes column): a remark on the
    table, not a person whose name is missing."""
    texts = [cell for cell in row if not is_blank(cell)]
    return (
        len(texts) == 1 and isinstance(texts[0], str) and len(texts[0].split()) >= 3 and bool(special[position:].all())
    )


def _context_facts(row: list, kind: str, heading, rules: RowRules) -> dict | None:
    """Facts of a context row for kinds that read them; a group heading no rule reads still sets the group."""
    if rules.read_context is None:
        return None
    found = row_context(row, rules.read_context)
    if found is None and kind == "group":
        found = {"group": normalise_group(heading)}
    return found


UNREAD_HEADING = ("dòng tiêu đề nhóm «{heading}»: chỉ đọc được «{group}»; phần «{rest}» chưa dùng — nếu đó là đơn vị "
                  "đoàn phụ trách, hãy ghi «{group} - Phụ trách: {rest}» hoặc chọn cột đơn vị trong bảng xem trước")


def _group_title(row: list, rules: RowRules) -> str | None:
    """The cell of a context row that names its group ("ĐOÀN 1 - CỤM KHU DÂN CƯ PHÍA ĐÔNG"), when no group heading
    of the kind's was found in it."""
    return next((cell for cell in row if isinstance(cell, str) and "group" in (rules.read_context(cell) or {})), None)


def _warn_unread(issues: Issues, row_number: int, key_col: int, heading: str, row: list) -> None:
    """A group heading whose other words (or other cell) no rule reads is said so: a unit written after the group in
    a way not known here must never be dropped without a word."""
    group = normalise_group(heading)
    if not is_group_name(group):
        return
    others = [says_more(cell) for cell in row if isinstance(cell, str) and cell.strip() != heading.strip()]
    rests = [unread_rest(heading), *others]
    for rest in filter(None, rests):
        issues.warning(row_number, column_letter(key_col), "group", heading,
                       UNREAD_HEADING.format(heading=heading, group=group, rest=rest))


def _context_in_key(rows: np.ndarray, table: Table, key_col: int, read: Callable, keyed: np.ndarray) -> np.ndarray:
    """Positions of rows whose only text sits in the key column and reads as context ("Chi bộ …" typed where the
    names go); the numbering column is ignored and each distinct text is read once."""
    numbering = {index for index, label in enumerate(table.labels) if fold(label) in INDEX.synonyms}
    lone = lone_key_rows(rows, key_col, numbering, keyed)
    if not len(lone):
        return lone
    return lone[_heading_mask(rows[lone, key_col], lambda value: read(value) is not None)]


def clean_unique(values: pd.Series, cleaner: Callable[[Any], tuple]) -> tuple[pd.Series, pd.Series]:
    """Apply a (value, problem) cleaner once per distinct value; returns (values, problems) aligned to input."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    results = [cleaner(value) for value in uniques]
    cleaned = np.array([r[0] for r in results] + [None], dtype=object)
    problems = np.array([r[1] for r in results] + [None], dtype=object)
    return (
        pd.Series(cleaned[codes], index=values.index, dtype=object),
        pd.Series(problems[codes], index=values.index, dtype=object),
    )


def factorize_cleaned(values: np.ndarray, function: Callable[[Any], Any]) -> tuple[np.ndarray, pd.Index]:
    """Codes and categories of the cleaned values, cleaning each distinct raw value once (-1 for missing)."""
    raw_codes, raw_uniques = pd.factorize(values, use_na_sentinel=True)
    clean_codes, categories = pd.factorize(
        np.array([function(v) for v in raw_uniques] + [None], dtype=object), use_na_sentinel=True
    )
    return clean_codes[raw_codes], categories


def map_unique(values: pd.Series, function: Callable[[Any], Any]) -> pd.Series:
    """Apply a plain function once per distinct value."""
    cleaned, _ = clean_unique(values, lambda value: (function(value), None))
    return cleaned


def nonblank(value: Any) -> bool:
    """Negation of is_blank, for readability in masks."""
    return not is_blank(value)
