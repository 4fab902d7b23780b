"""A month split into one sub-column per status ('Tháng 3' over 'CM | VCP | VKP', or 'Có mặt | Vắng có phép |
Vắng không phép'), with an 'x' in the one that applies: the status of a person in that month is the wording of
the column the mark is in. Each month is read back into its first sub-column, as a month column of status words,
before the kind is detected; a row marked in two sub-columns of one month says so and is never read as either."""

import numpy as np

from .date_words import month_and_year
from .legends import meaning_to_status
from .normalising import DEFAULT_MARKS, fold, is_blank, mark_key
from .results import Table
from .status_phrases import CODES, is_flag_column

WORDS = {"present": "có mặt", "excused": "vắng có phép", "absent": "vắng không phép", "late": "đi muộn",
         "exempt": "miễn sinh hoạt"}
BOTH = "đánh dấu ở cả {columns}"


def header_status(label) -> str | None:
    """The status a sub-column's heading stands for: a code ('CM', 'VCP', 'P') or a wording ('Vắng có phép')."""
    key = mark_key(label)
    return CODES.get(fold(label)) or (DEFAULT_MARKS.get(key) if key not in ("x", "v", "1", "0") else None) \
        or meaning_to_status(label)


def _month_groups(table: Table) -> list[list[int]]:
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


def month_status_flags(grid: np.ndarray, table: Table) -> None:
    """Read each month's status sub-columns into its first sub-column (in `grid`), which takes the month as its
    label; the other sub-columns are marked consumed."""
    body = slice(table.body_start, table.body_end)
    for group in _month_groups(table):
        statuses = [header_status(table.labels[index]) for index in group]
        if None in statuses or len(set(statuses)) < 2 or max(group) >= grid.shape[1]:
            continue
        cells = grid[body, group]
        marked = ~np.vectorize(is_blank, otypes=[bool])(cells) if cells.size else cells.astype(bool)
        if not marked.any() or not all(is_flag_column(cells[:, k]) for k in range(len(group)) if marked[:, k].any()):
            continue
        merged = np.full(cells.shape[0], None, dtype=object)
        for row in range(cells.shape[0]):
            hit = np.flatnonzero(marked[row])
            if len(hit) == 1:
                merged[row] = WORDS[statuses[hit[0]]]
            elif len(hit) > 1:
                merged[row] = BOTH.format(columns=" và ".join(table.labels[group[k]] for k in hit))
        grid[body, group[0]] = merged
        table.labels[group[0]] = table.parents[group[0]]
        table.consumed.update(group[1:])
