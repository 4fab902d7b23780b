"""A meeting split into one sub-column per status: 'Tháng 3' over 'CM | VCP | VKP' (or 'Có mặt | Vắng có phép |
Vắng không phép'), or a meeting's date merged over 'CM | CP', with an 'x' (or a checkbox: TRUE / FALSE, as Google
Sheets saves a tick box) in the one that applies. A sub-column's status is what the file's legend says its heading
stands for ("CM: Có mặt - CP: Có phép"), else the usual abbreviation or wording.

Each meeting is read back into its first sub-column, as a column of status words, before the kind is detected. How
the ticks of a row combine is ``importers.tick_rules``': the file's instruction line ("không tick cả hai = vắng không
phép") first, else one tick is its column's status. With marks, a row marked in no sub-column is a blank cell (no
record); with checkboxes, a row with every box unticked is what the instruction says, and a row whose ticks are not
settled is refused naming the boxes, never read as either."""

import numpy as np

from .date_words import month_and_year
from .legends import meaning_to_status
from .locating import is_stop_text
from .mark_doubts import MarkDoubt
from .normalising import DEFAULT_MARKS, fold, is_blank, mark_key
from .results import Table
from .status_phrases import CODES, Refused, is_flag_column
from .tick_rules import tick_rules, ticks_status
from .ticks import checkbox, is_tick

WORDS = {"present": "có mặt", "excused": "vắng có phép", "absent": "vắng không phép", "late": "đi muộn",
         "exempt": "miễn sinh hoạt"}
CHECKBOX_SHARE = 0.9  # of a meeting's filled cells (a signature line may run across its columns below the table)
NOTE_LENGTH = 600


def header_status(label, legend: dict | None = None) -> str | None:
    """The status a sub-column's heading stands for: as the file's `legend` explains it, else a code ('CM', 'VCP',
    'P') or a wording ('Vắng có phép')."""
    key = mark_key(label)
    if legend and key in legend:
        return None if isinstance(legend[key], MarkDoubt) else legend[key]
    return CODES.get(fold(label)) or (DEFAULT_MARKS.get(key) if key not in ("x", "v", "1", "0") else None) \
        or meaning_to_status(label)


def month_groups(table: Table) -> list[list[int]]:
    """Runs of two or more neighbouring columns under one month header, each headed by something else."""
    groups, run = [], []
    for index, (label, parent) in enumerate(zip(table.labels, table.parents)):
        fits = bool(parent) and fold(parent) != fold(label) and month_and_year(parent) is not None
        if run and fits and table.parents[run[0]] == parent:
            run.append(index)
            continue
        if len(run) >= 2:
            groups.append(run)
        run = [index] if fits else []
    if len(run) >= 2:
        groups.append(run)
    return groups


def _date_groups(table: Table) -> list[list[int]]:
    """Runs of two or more neighbouring labelled columns under one meeting date: the date over the first (merged
    across the run, or repeated over each), the columns after it dated alike or not at all."""
    groups, dates, labels = [], table.dates or [], table.labels
    index = 0
    while index < len(dates):
        day = dates[index]
        if not day or not labels[index]:
            index += 1
            continue
        run = [index]
        while run[-1] + 1 < len(labels) and dates[run[-1] + 1] in (None, day) and labels[run[-1] + 1] \
                and table.parents[run[-1] + 1] == table.parents[index]:
            run.append(run[-1] + 1)
        if len(run) >= 2:
            groups.append(run)
        index = run[-1] + 1
    return groups


def month_status_flags(grid: np.ndarray, table: Table, legend=None) -> None:
    """Read each meeting's status sub-columns into its first sub-column (in `grid`), which takes the meeting as its
    label; the other sub-columns are marked consumed. `legend` (the file's marks, or a function giving them, called
    only when a meeting may be split) explains the sub-columns' headings."""
    groups = month_groups(table) + _date_groups(table)
    if not groups:
        return
    legend = (legend() if callable(legend) else legend) or {}
    body = slice(table.body_start, _table_end(grid, table))
    texts, rules = None, {}
    for group in groups:
        labels = [table.labels[index] for index in group]
        statuses = [header_status(label, legend) for label in labels]
        if None in statuses or len(set(statuses)) < 2 or max(group) >= grid.shape[1]:
            continue
        cells = grid[body, group]
        boxes = _checkboxes(cells)
        if not boxes and not _marks(cells):
            continue
        if texts is None:
            texts = _note_texts(grid, table)
        if tuple(labels) not in rules:  # every meeting has the same boxes: the lines are read once
            rules[tuple(labels)] = tick_rules(texts, labels)
        merged = _merged(cells, labels, statuses, rules[tuple(labels)], boxes, legend)
        grid[body, group[0]] = merged
        if not table.dates or not table.dates[group[0]]:
            table.labels[group[0]] = table.parents[group[0]]
        table.consumed.update(group[1:])


def _table_end(grid: np.ndarray, table: Table) -> int:
    """The row the table ends at: the first below the header holding a total, a legend or a signature title (whose
    cells may run across the meetings' columns)."""
    for at in range(table.body_start, table.body_end):
        if any(isinstance(cell, str) and is_stop_text(cell) for cell in grid[at]):
            return at
    return table.body_end


def _checkboxes(cells: np.ndarray) -> bool:
    """Whether a meeting's cells are checkboxes (TRUE / FALSE), the odd tick or text aside."""
    filled = [value for value in cells.ravel() if not is_blank(value)]
    boxes = sum(checkbox(value) is not None for value in filled)
    return boxes >= 2 and boxes >= CHECKBOX_SHARE * len(filled)


def _marks(cells: np.ndarray) -> bool:
    """Whether a meeting's sub-columns hold short marks where their status applies (one column at least)."""
    marked = ~np.vectorize(is_blank, otypes=[bool])(cells) if cells.size else cells.astype(bool)
    return bool(marked.any()) and all(is_flag_column(cells[:, k]) for k in range(cells.shape[1])
                                      if marked[:, k].any())


# A mark in a box may say more than the box: 'M' (late) under 'CM', 'K' (absent) under 'V' (vắng). It says what the
# legend makes it only within the box's kind: present or late under a presence, excused or absent under an absence.
_KINDS = ({"present", "late"}, {"excused", "absent"})


def _refined(status: str, value, legend: dict) -> tuple[str | None, str | None]:
    """The status of a box's mark: the box's for a tick, the mark's (legend, else the usual marks) when of the box's
    kind; a problem when the mark means the other kind."""
    if is_tick(value) or checkbox(value) is not None:
        return status, None
    key = mark_key(str(value).strip())
    said = legend.get(key) if legend else None
    said = None if isinstance(said, MarkDoubt) else said or DEFAULT_MARKS.get(key)
    kind = next((kind for kind in _KINDS if status in kind), None)
    if said is None or said == status or kind is None:
        return status, None
    if said in kind:
        return said, None
    return None, f"ký hiệu «{str(value).strip()}» là {WORDS.get(said, said)}, trái với cột của nó"


def _merged(cells: np.ndarray, labels: list[str], statuses: list[str], rules: list, boxes: bool,
            legend: dict | None = None) -> np.ndarray:
    """Per row, the status word its ticks give (refined by the mark in the box), a refusal naming the boxes, or None
    for no record."""
    merged = np.full(cells.shape[0], None, dtype=object)
    for row in range(cells.shape[0]):
        values = cells[row]
        filled = [k for k, value in enumerate(values) if not is_blank(value)]
        if not filled:
            continue
        if boxes and any(checkbox(values[k]) is None and not is_tick(values[k]) for k in filled):
            merged[row] = next(values[k] for k in filled if checkbox(values[k]) is None)  # a line below the table
            continue
        ticked = [k for k in filled if checkbox(values[k]) is True or is_tick(values[k])] if boxes else filled
        status, problem = ticks_status(ticked, labels, statuses, rules)
        if status and not boxes and len(ticked) == 1:
            status, problem = _refined(status, values[ticked[0]], legend)
        shown = "; ".join(f"{label}: {_shown(value)}" for label, value in zip(labels, values))
        merged[row] = WORDS[status] if status else Refused(shown, problem)
    return merged


def _shown(value) -> str:
    checked = checkbox(value)
    if checked is not None:
        return "TRUE" if checked else "FALSE"
    return "(trống)" if is_blank(value) else str(value).strip()


def _note_texts(grid: np.ndarray, table: Table) -> list[str]:
    """The text cells of the sheet that may state how ticks combine: above the header and below the body, and in
    its rows (an instruction line written under the people)."""
    header = set(table.header_rows)
    return [cell for at, row in enumerate(grid) if at not in header for cell in row
            if isinstance(cell, str) and 8 < len(cell) < NOTE_LENGTH]
