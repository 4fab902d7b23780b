"""A note merged across several meeting cells of one person's row in a wide register ("Chuyển sinh hoạt từ
05/2025", "Chưa kết nạp" written once over the months it explains): a note, not a mark. Its cells give no record
and raise no error; one warning names them.

The merged ranges come from the workbook (``SheetData.spans``), each with the text its first cell held as read:
a range is a note's only while that cell still holds that text and the cells it covers are blank, so a range a
stage moved the rows away from (a table rebuilt, an officer's cell fix) is no note. A CSV keeps no merges: there
such a text stays a mark that cannot be read."""

from functools import partial
from typing import Callable

import numpy as np

from ..normalising import is_blank
from .blank_cells import NOTE

SHOWN = 4
NOTES = ("{count} ô ghi chú gộp qua nhiều cột buổi sinh hoạt, không phải ký hiệu điểm danh, không ghi nhận điểm "
         "danh ở các ô đó: {cells}")


def _read(sheet) -> list:
    if sheet.read_spans is not None:
        sheet.spans, sheet.read_spans = sheet.read_spans(), None
    return sheet.spans


def sheet_spans(sheet) -> Callable[[], list]:
    """The sheet's ranges merged across two columns or more, read when first asked for."""
    return partial(_read, sheet)


def _merged_cells(spans: list, rows: np.ndarray, months: list, marks: np.ndarray) -> list[tuple[int, list[int]]]:
    """(row position, month positions) of each merge that starts on a meeting column of a body row, covers two
    meeting columns or more and still holds its text as read there, the covered cells blank."""
    where = {int(row): position for position, row in enumerate(rows)}
    n_months, found = len(months), []
    for top, left, bottom, right, text in spans:
        covered = [position for position, month in enumerate(months) if left <= month.index <= right]
        if len(covered) < 2 or months[covered[0]].index != left:
            continue
        for row in (where[excel] for excel in range(top + 1, bottom + 2) if excel in where):
            cells = [row * n_months + position for position in covered]
            if marks[cells[0]] == text and all(is_blank(marks[cell]) for cell in cells[1:]):
                found.append((row, covered))
    return found


def merged_notes(codes: np.ndarray, marks: np.ndarray, rows: np.ndarray, months: list, context,
                 unknown: int) -> np.ndarray:
    """Status codes (person-major, one per meeting cell of `marks`) with the cells of each merged note set to NOTE;
    `unknown` is the code of a mark that cannot be read (the merges are read only when some cell has it)."""
    spans = getattr(context, "spans", None)
    if spans is None or not (codes == unknown).any():
        return codes
    n_months, notes = len(months), []
    codes = codes.copy()
    for row, covered in _merged_cells(spans(), rows, months, marks):
        first = row * n_months + covered[0]
        if codes[first] == unknown:
            codes[[row * n_months + position for position in covered]] = NOTE
            notes.append((int(rows[row]), months[covered[0]].letter, months[covered[-1]].letter, marks[first]))
    if notes:
        listed = "; ".join(f"{left}{row}–{right}{row} «{value}»" for row, left, right, value in notes[:SHOWN])
        context.issues.warning(None, None, "status", None, NOTES.format(
            count=len(notes), cells=listed + ("…" if len(notes) > SHOWN else "")))
    return codes
