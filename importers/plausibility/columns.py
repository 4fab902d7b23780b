"""Checks of whole columns: data in a column no field reads ("Cột C «Họ và tên đệm»: 22 giá trị, chưa dùng"), and
a status-flag column ('Có mặt') holding something other than a tick, which would still count as that status."""

import re

import numpy as np
import pandas as pd

from ..code_headers import code_subject, is_id_label
from ..flag_marks import disagrees, flag_wording, legend_status
from ..kinds import attendance, spec_module
from ..kinds.attendance_values import STATUS_WORDS
from ..kinds.common import INDEX
from ..kinds.context_columns import reads_as_context
from ..kinds.form_answers import stamp_moment
from ..legends import meaning_to_status
from ..moved_meetings import UNCLEAR, unclear_move
from ..normalising import fold, mark_key
from ..results import Column
from ..status_phrases import NOTE_PREFIXES
from .findings import SURE, cells, place, shown, warning
from .view import SheetView

# Fields mapped on purpose although no record field takes them (numbering, free notes).
# arrival times turn "present" into "late"; a form's answer times give the meeting's date (when nothing else does);
# a landline beside the mobile is no phone to keep (kinds.phone_columns)
KNOWN_UNUSED_FIELDS = {"index", "note", "arrival", "timestamp", "landline"}
# Header wordings of columns that hold no record's data: totals and ratios, notes and signatures, numbering. 'Cộng'
# is a total only at the start ('Cộng số buổi'): inside a label it is the 'công' of 'phân công', 'công tác'. "Ký"
# alone signs; "Kỳ sinh hoạt" (folded alike) names the meeting a row is of, a column to read.
IGNORED_HEADERS = re.compile(
    r"^(?:stt|tt|so tt|so thu tu|ghi chu|ly do|noi dung|nhan xet|y kien|danh gia|ky ten|ky nhan|ky xac nhan|chu ky"
    r"|ky$|cong)\b|"
    r"\b(?:tong|ty le|ti le|so buoi|so lan|so thang|so ngay|%)")
# A label ending in 'số' ("Đoàn CT số", "Tổ số") numbers a thing, as STT numbers the rows: its small numbers are that
# thing's number, no measure of the row
_NUMBER_LABEL = re.compile(r"\bso$")
# A period's label ("Tháng": 7, 8…; "Quý I", "Cả năm": counts of a register's marks) holds the period or its count
_PERIOD_LABEL = re.compile(r"^(?:thang|quy|ca nam|nam|6 thang)\b")
MIN_SHARE = 0.2  # a column filled in fewer data rows than this holds stray notes, not a field
TICKS = {"x", "✓", "✔", "√", "☑", "✅", "v", "1", "có", "co", "+", "*", "•", "ü", "þ", "r", "có mặt"}
NEGATIVES = {"không", "khong", "ko", "k", "0", "no", "chưa", "chua", "-", "vắng", "vang", "không có", "n"}


def _filled(values: pd.Series) -> np.ndarray:
    array = values.to_numpy(dtype=object)
    blank = pd.isna(array)
    text = np.array([v.strip() == "" if v.__class__ is str else False for v in array], dtype=bool)
    return ~(blank | text)


def _numbering(values: pd.Series) -> bool:
    """Numbers 1, 2, 3… (or '1.1', 'I') as in an STT column: small numbers, not years or amounts."""
    text = values.map(lambda v: shown(v).strip())
    if not text.str.fullmatch(r"[IVXLC]+|\d{1,4}(?:\.\d{1,3})*[.)]?").all():
        return False
    whole = pd.to_numeric(text.str.extract(r"^(\d+)", expand=False), errors="coerce").dropna()
    return whole.empty or whole.max() <= 2 * len(values) + 10


def _counting(values: pd.Series) -> bool:
    """Numbering the rows: 1, 2, 3… each one more than the row before, or starting again at 1 for a block ('1.1' and
    'I' count too). Small numbers under a header naming something else ('Muộn (phút)': 10, 20, 5) are data."""
    text = values.map(lambda v: shown(v).strip().rstrip(".)"))
    if not text.str.fullmatch(r"\d+").all():
        return True
    numbers = text.astype(int).tolist()
    return all(number in (before + 1, 1) for before, number in zip(numbers, numbers[1:]))


def unused_columns(view: SheetView) -> list[dict]:
    """Columns with data that no field reads and no stage consumed, one warning each, with the count of values."""
    found = []
    n_rows = len(view.data)
    for column in view.columns:
        index = column.index
        if column.month or index in view.table.consumed or index not in view.data.columns or (
                column.field and (column.field in view.records.columns or column.field in KNOWN_UNUSED_FIELDS)):
            continue
        folded = fold(column.header)
        values = view.data[index]
        filled = _filled(values)
        count = int(filled.sum())
        kept = values[filled]
        if count and _meeting_marks(view, column.header, kept):
            found.append((column, count, _unused(view, column, count, kept)))
            continue  # a meeting's marks under a header not read as a meeting: never dropped in silence
        if folded and (IGNORED_HEADERS.search(folded) or folded in INDEX.synonyms):
            continue
        if count < 2 or count < MIN_SHARE * n_rows:
            continue
        if (_numbering(kept) and (not folded or _NUMBER_LABEL.search(folded) or _PERIOD_LABEL.match(folded)
                                  or _counting(kept))) or (
                not folded and reads_as_context(values.replace("", None))):
            continue
        if not folded and fold(kept.iloc[0]).startswith(NOTE_PREFIXES):
            continue  # a column of notes beside the table, headed in its first cell ('Ghi chú của người lập bảng:')
        if is_id_label(column.header) and _only_codes(view, column, kept):
            continue
        if _form_stamps(folded, kept):
            continue
        found.append((column, count, _unused(view, column, count, kept)))
    if len(found) > MAX_LINES:
        return [_together(view, found)]
    return [item for *_, item in found]


def _unused(view: SheetView, column: Column, count: int, kept: pd.Series) -> dict:
    rows = kept.index.tolist()
    why = UNCLEAR if unclear_move(column.header) else "không trường nào đọc cột này"
    message = (f"{place(view.sheet, column.letter, column.header)}: {count} giá trị, chưa dùng — {why} "
               f"({cells(column.letter, rows, kept.tolist())})")
    return warning(view.sheet, rows[0], column.letter, column.field, kept.iloc[0], message, SURE)


_HEADER_DATE = re.compile(r"(?<!\d)\d{1,2}\s*[/.\-]\s*\d{1,2}(?!\d)")


def _meeting_marks(view: SheetView, header: str, kept: pd.Series) -> bool:
    """Whether an attendance column no stage read holds a meeting's marks: every value a mark (the legend's or a
    usual one: 'x', 'P', 'K', 'v', '√'), some no bare number, or all under a header holding a date ('12/11 (05/11)').
    Such a column is warned however few its marks (an absence-only register marks a few rows a meeting): a meeting
    column must never vanish in silence. A header naming what it holds ('Ký tên', 'Ghi chú', 'Tổng') is left to
    the usual rule unless it holds a date."""
    if view.kind != "attendance" or not len(kept):
        return False
    dated = bool(_HEADER_DATE.search(str(header or "")))
    folded = fold(header)
    if not dated and folded and (IGNORED_HEADERS.search(folded) or folded in INDEX.synonyms):
        return False
    keys = [mark_key(value) for value in kept]
    if not all(key in view.marks or key in TICKS or key in NEGATIVES for key in keys):
        return False
    return dated or not all(key.isdigit() for key in keys)


_STAMP_WORDINGS = next(spec.synonyms for spec in attendance.FIELDS if spec.name == "timestamp")


def _form_stamps(folded: str, kept: pd.Series) -> bool:
    """A form's answer times ('Dấu thời gian' over '14/08/2025 9:18:41' in a roster downloaded from Google Forms):
    when each answer was sent, no data of the person, which no roster field reads; left aside without a warning
    only when the header is the form's timestamp wording and every value a date with its time."""
    return folded in _STAMP_WORDINGS and all(stamp_moment(value) is not None for value in kept)


def _only_codes(view: SheetView, code: Column, kept: pd.Series) -> bool:
    """An export's code column ('MA_DOAN', 'ID') tells nothing a record lacks: one code per row (the person's
    record number), or one code per value of the column it codes ('D01' wherever 'Đoàn công tác số 1' is)."""
    codes = kept.map(lambda v: shown(v).strip())
    if codes.is_unique:
        return True
    subject = code_subject(code.header, spec_module(view.kind).FIELDS)
    for column in view.columns:
        if column.field != subject or column.index not in view.data.columns or subject not in view.records.columns:
            continue
        other = view.data[column.index].reindex(codes.index).map(lambda v: shown(v).strip() if v is not None else "")
        pairs = pd.DataFrame({"code": codes.to_numpy(), "value": other.to_numpy()})
        if (pairs["value"] != "").all() and pairs.groupby("code")["value"].nunique().max() == 1 \
                and pairs.groupby("value")["code"].nunique().max() == 1:
            return True
    return False


MAX_LINES = 3  # more unused columns than this make one line (a register's month columns read as a roster)


def _together(view: SheetView, found: list) -> dict:
    listed = ", ".join(f"{column.letter}{f' «{column.header}»' if column.header else ''} ({count})"
                       for column, count, _ in found[:6]) + ("…" if len(found) > 6 else "")
    first = found[0][2]
    where = f"Trang «{view.sheet}»" if view.sheet else "Bảng"
    message = (f"{where}: {len(found)} cột có dữ liệu chưa dùng — không trường nào đọc các cột này (số giá trị): "
               f"{listed}")
    return {**first, "message": message}


def _is_tick(value, marks: dict, meaning: str) -> bool:
    """A tick, or a mark whose usual (or legend's) meaning is the column's own or presence: 'M' (đến muộn) in 'Có
    mặt' or 'P' (vắng có phép) in 'Vắng' is a status of its own, which the column's wording would hide."""
    key = mark_key(value)
    return key in TICKS or (key in marks and key not in NEGATIVES and marks[key] in (meaning, "present"))


def flag_columns(view: SheetView) -> list[dict]:
    """Status-flag columns (each standing for a status by its header, read by where a row's mark is) holding a
    value that is no tick: 'Không' in 'Có mặt' is read as present."""
    if view.kind != "attendance":
        return []
    found = []
    parents = view.table.parents
    for column in view.columns:
        parent = parents[column.index] if column.index < len(parents) else ""
        wording = flag_wording(parent, column.header)
        meaning = meaning_to_status(wording)
        if column.index not in view.table.consumed or meaning is None:
            continue
        raw = pd.Series([_cell(view.rows, row, column.index) for row in view.data.index], index=view.data.index,
                        dtype=object)
        kept = raw[_filled(raw)]
        if not len(kept):
            continue
        keys = kept.map(mark_key)
        by_legend = [legend_status(value, view.legend, wording) for value in kept]
        found += _against_column(view, column, meaning, kept, by_legend)
        ticks = kept.map(lambda v: _is_tick(v, view.marks, meaning)).to_numpy(dtype=bool) \
            | np.array([status is not None for status in by_legend], dtype=bool)
        mostly_ticks = ticks.mean() >= 0.5 or (~ticks & ~keys.isin(NEGATIVES).to_numpy()).sum() == 0
        for key in dict.fromkeys(keys[~ticks]):
            at = keys.index[(keys == key).to_numpy() & ~ticks]
            if key not in NEGATIVES and not mostly_ticks:
                continue
            usual = view.marks.get(key) if key not in NEGATIVES else None
            said = f"thường có nghĩa là {STATUS_WORDS[usual]}" if usual in STATUS_WORDS else "không phải dấu đánh dấu"
            found.append(_mark_warning(view, column, kept, at.tolist(), f"{said}, nhưng dòng vẫn "
                                       f"được đọc theo tên cột («{column.header}»), cần kiểm tra"))
    return found


def _mark_warning(view: SheetView, column: Column, kept: pd.Series, at: list, said: str) -> dict:
    """One warning for the cells of a status column holding one mark: "«P» ở 3 ô (C5, C9, C12) <said>"."""
    sample = kept[at[0]]
    message = f"{place(view.sheet, column.letter, column.header)}: «{shown(sample)}» ở {len(at)} ô " \
              f"({cells(column.letter, at)}) {said}"
    return warning(view.sheet, at[0], column.letter, "status", sample, message, SURE)


def _against_column(view: SheetView, column: Column, meaning: str, kept: pd.Series, by_legend: list) -> list:
    """A legend's mark in a flag column of the other side ('P' in 'Có mặt'): read as the legend says, with a
    warning, one per mark."""
    found = []
    against = {row: status for row, status in zip(kept.index, by_legend) if status and disagrees(status, meaning)}
    for key in dict.fromkeys(mark_key(kept[row]) for row in against):
        at = [row for row in against if mark_key(kept[row]) == key]
        said = f"({STATUS_WORDS[against[at[0]]]}), khác với tên cột «{column.header}», cần kiểm tra"
        found.append(_mark_warning(view, column, kept, at, f"được đọc theo chú thích ký hiệu {said}"))
    return found


def _cell(rows: list, row_number: int, index: int):
    row = rows[row_number - 1] if row_number - 1 < len(rows) else ()
    return row[index] if index < len(row) else None
