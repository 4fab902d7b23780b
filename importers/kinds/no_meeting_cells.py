"""A meeting that did not take place, written once over its whole column of a wide register: a cell merged down the
month's column saying so ("Nghỉ hè - không sinh hoạt", "Không sinh hoạt", "Nghỉ Tết", "Không họp (lũ)", "Hoãn",
"Tạm dừng sinh hoạt"), or, where the file keeps no merges (a CSV), the same words in every member's cell of it. No
one attended or missed that meeting: its cells give no record (never a mark that cannot be read, never the status a
legend gives blank cells) and one inference names the columns and their words. A merge over two month columns or
more ("Nghỉ hè" over July and August) leaves the months it covers without records alike.

The words must say the meeting did not happen. "Miễn sinh hoạt" is a member's exemption (the exempt status,
``importers.legends``), never a meeting not held; and such words in one member's cell of a month the others are
marked for are that member's note: the cell stays refused, as any mark that cannot be read.

The merged ranges are the sheet's vertical merges (``SheetData.merges``), already copied down into the cells they
cover (``locating.fill_vertical_merges``); a range counts only while every cell of the column it covers still holds
its words, so a range a stage moved the rows away from is no such column."""

import re

import numpy as np

from ..normalising import clean_text, fold, is_blank
from .blank_cells import NOTE

# Folded words saying a meeting was not held: not met, on a holiday, put off, suspended, called off
_NOT_HELD = re.compile(
    r"(?<!\w)(?:khong (?:sinh hoat|sh|shcb|hop|to chuc|co buoi|dien ra)|nghi (?:he|tet|le|sinh hoat|hop)"
    r"|(?:tam )?hoan(?! thanh| tat| chinh| toan| canh| cau)|tam (?:dung|ngung|nghi)|(?:dung|ngung) (?:sinh hoat|hop)"
    r"|huy (?:buoi|hop|sinh hoat))(?!\w)")
_EXEMPT = re.compile(r"(?<!\w)mien(?!\w)")
MIN_ROWS = 2
NOT_HELD = "Buổi không sinh hoạt"
NOT_HELD_READ = "{cells} — không có buổi sinh hoạt, không nhập (ô ghi chung cho cả cột, không phải ký hiệu điểm danh)"


def says_not_held(text) -> bool:
    """Whether a cell's words say the meeting was not held ("Nghỉ hè - không sinh hoạt", "Hoãn do bão"), not that
    a member was exempt ("Miễn sinh hoạt")."""
    if not isinstance(text, str):
        return False
    folded = fold(text)
    return bool(_NOT_HELD.search(folded)) and not _EXEMPT.search(folded)


def _covering(merges: list, col: int, excel_rows: list[int]) -> tuple | None:
    """The vertical merge over column `col` covering all the given Excel rows (1-based), or None."""
    for (top, left), (bottom, right) in merges:
        if left <= col <= right and bottom > top and all(top + 1 <= row <= bottom + 1 for row in excel_rows):
            return (top, left), (bottom, right)
    return None


def not_held_columns(codes: np.ndarray, marks: np.ndarray, rows: np.ndarray, months: list, context,
                     unknown: int) -> np.ndarray:
    """Status codes (person-major, one per meeting cell of `marks`) with the cells of each meeting not held set to
    NOTE (no record, no blank); `unknown` is the code of a mark that cannot be read."""
    n_months = len(months)
    if not n_months or not (codes == unknown).any():
        return codes
    grid, cells = codes.reshape(-1, n_months).copy(), marks.reshape(-1, n_months)
    merges, found, done = getattr(context, "merges", None) or [], [], set()
    for position, month in enumerate(months):
        if position in done:
            continue
        filled = [index for index, value in enumerate(cells[:, position]) if not is_blank(value)]
        texts = {clean_text(cells[index, position]) for index in filled}
        if len(filled) < MIN_ROWS or len(texts) != 1 or not (grid[filled, position] == unknown).all():
            continue
        text = texts.pop()
        if not says_not_held(text):
            continue
        merge = _covering(merges, month.index, [int(rows[index]) for index in filled])
        if merge is None and len(filled) != len(rows):
            continue  # words in some members' cells only, with no merge over them: their notes, refused as today
        covered = [position]
        if merge is not None:  # the months to its right the same merge covers, blank as calamine leaves them
            (top, left), (bottom, right) = merge
            inside = [index for index, row in enumerate(rows) if top + 1 <= int(row) <= bottom + 1]
            covered += [other for other, column in enumerate(months) if other != position
                        and left <= column.index <= right and all(is_blank(cells[index, other]) for index in inside)]
            for other in covered[1:]:
                grid[inside, other] = NOTE
        grid[filled, position] = NOTE
        done.update(covered)
        found.append((covered, text))
    if found:
        shown = "; ".join(
            f"cột {', '.join(months[p].letter for p in covered)} "
            f"{', '.join(f'«{months[p].header}»' for p in covered)}: «{text}»" for covered, text in found)
        getattr(context, "inferences", []).append({"what": NOT_HELD, "value": shown,
                                                   "source": NOT_HELD_READ.format(cells=shown)})
    return grid.ravel()
