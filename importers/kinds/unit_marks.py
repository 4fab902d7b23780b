"""The unit each member follows marked by a tick under one of several short unit columns: "Địa bàn phụ trách" merged
over "CB TDP 1 | CB TDP 2 | CB Trường TH", or "Chi bộ 1 | Chi bộ 2" standing in the header row alone, an "x" in one
of them per person.

The row's unit is the full name of its ticked column: what a note line says the short name stands for ("CB TDP 1 -
Chi bộ Tổ dân phố 1"), else the short name with "CB" written out ("Chi bộ TDP 1"). A person ticked under two units
follows both: the row gives one record per unit (the same person, group and role), as the app keeps one assignment
per unit. A row ticked nowhere gets no unit, with a warning; a cell holding something else than a tick fails its
row."""

import re

import pandas as pd

from ..chi_bo_short import written_out_chi_bo
from ..normalising import clean_text, fold, is_blank
from ..results import Column
from ..role_words import strict_role
from ..ticks import is_tick, mostly_ticks, only_ticks
from .roster_stage import RosterStage

SURE = 0.5  # share of the run's filled cells that must be ticks (the others fail their rows)
MIN_COLUMNS = 2
# A header naming a unit: the kind of organisation, written out or short ("CB", "ĐB", "TDP", "KP")
_UNIT_NAME = re.compile(r"^(?:chi bo|cb|c b|dang bo|db|to dan pho|tdp|khu pho|kp|khu|thon|xom|khoi|ap|to)(?=\b|\d)")
_KINDS = ("chi bo", "dang bo", "to dan pho", "khu pho", "thon", "xom", "khoi", "to")
_NUMBER = re.compile(r"\d{1,3}[A-Za-z]?")
_PARENT = re.compile(r"\b(?:chi bo|dia ban|don vi|co so|dang bo|to chuc dang)\b")
_SHORT_KINDS = ((re.compile(r"^(?:CB|C\.B|C/B|Cb)(?=\b|\d)\.?\s*"), "Chi bộ "),
                (re.compile(r"^(?:ĐB|Đb|DB)(?=\b|\d)\.?\s*"), "Đảng bộ "))
_NOTE_LEAD = re.compile(r"^\s*(?:ghi chú|chú thích|chú giải|trong đó|ký hiệu)\s*:?\s*", re.IGNORECASE)
_ENTRY = re.compile(r"^\s*(?P<short>[^:=]+?)\s*(?:=|:|\s[-–]\s|\slà\s)\s*(?P<full>\S.*?)\s*[.;,]?\s*$")
_SPLIT = re.compile(r"\s*[;\n]\s*")


def _parent(stage: RosterStage, column: Column) -> str:
    """The upper header over a column; a column with no label of its own under a merged upper header (its numbers
    row dropped as column numbering) is under the upper header of the columns to its left."""
    index = column.index
    while index > 0 and not stage.table.parents[index] and not (
            index < len(stage.table.labels) and stage.table.labels[index]):
        index -= 1
    return stage.table.parents[index] if index < len(stage.table.parents) else ""


def _leaf(stage: RosterStage, column: Column) -> str:
    """The column's own header text: its label, or the lowest filled header cell (a row of numbers under 'Chi bộ'
    is not kept in the label)."""
    parent = _parent(stage, column)
    label = column.header or ""
    if label and fold(label) != fold(parent):
        return label
    for row in reversed(range(stage.table.header_rows[0], stage.table.body_start)):  # a row of numbers too
        cells = stage.rows[row] if row < len(stage.rows) else []
        cell = cells[column.index] if column.index < len(cells) else None
        if not is_blank(cell):
            text = clean_text(cell if isinstance(cell, str) else f"{cell:g}" if isinstance(cell, float) else str(cell))
            return text or ""
    return label


def _names_unit(stage: RosterStage, column: Column, leaf: str) -> bool:
    """Whether a column's header names a unit: a unit's name, or any text under a header naming the units a group
    follows; a bare number only under a header saying which kind of unit it numbers ('Chi bộ' over 1 | 2 | 3)."""
    if strict_role(leaf, {}) is not None or not leaf:
        return False
    if _NUMBER.fullmatch(leaf):
        return _parent_kind(_parent(stage, column)) is not None
    folded_parent = fold(_parent(stage, column))
    if folded_parent and fold(leaf) != folded_parent and _PARENT.search(folded_parent):
        return True
    return bool(_UNIT_NAME.match(fold(leaf)))


def _mark_run(stage: RosterStage) -> list[tuple[Column, str]]:
    """Adjacent columns headed by units, most of whose filled cells are ticks (the longest run of two or more)."""
    best, run = [], []
    for column in sorted(stage.columns, key=lambda c: c.index):
        leaf = _leaf(stage, column) if column.field in (None, "unit") and not column.month else ""
        fits = bool(leaf) and column.index in stage.frame.columns and _names_unit(stage, column, leaf)
        if not fits:
            run = []
            continue
        run = run + [(column, leaf)] if run and column.index == run[-1][0].index + 1 else [(column, leaf)]
        if len(run) > len(best):
            best = list(run)
    cells = [value for column, _ in best for value in stage.frame[column.index]]
    return best if len(best) >= MIN_COLUMNS and mostly_ticks(cells, SURE) else []


def _legend(stage: RosterStage, shorts: list[str]) -> dict[str, str]:
    """Short name (folded) -> full name, from note lines naming the run's headers ('CB TDP 1 - Chi bộ Tổ dân phố
    1; CB TDP 2 - …', or one line each)."""
    wanted = {fold(short) for short in shorts}
    found: dict[str, str] = {}
    table = stage.table
    rows = stage.rows[: table.header_rows[0]] + stage.rows[table.body_start:]
    for row in rows:
        texts = [cell for cell in row if isinstance(cell, str) and not is_blank(cell)]
        if len(texts) != 1 or sum(not is_blank(cell) for cell in row) != 1:
            continue
        for part in _SPLIT.split(_NOTE_LEAD.sub("", texts[0])):
            match = _ENTRY.match(_NOTE_LEAD.sub("", part))
            if match and fold(match.group("short")) in wanted:
                found.setdefault(fold(match.group("short")), clean_text(match.group("full")))
    return found


def _parent_kind(parent: str) -> str | None:
    """The kind of unit an upper header opens with ('Chi bộ' of 'Chi bộ phụ trách'), as written, or None."""
    folded, words = fold(parent), (clean_text(parent) or "").split()
    for kind in _KINDS:
        if folded == kind or folded.startswith(kind + " "):
            text = " ".join(words[: len(kind.split())])
            return text[:1].upper() + text[1:].lower()
    return None


def full_unit_name(short: str, parent: str = "") -> str:
    """'CB TDP 1' -> 'Chi bộ TDP 1'; a number under a 'Chi bộ …' header -> 'Chi bộ 1'; other names as written."""
    text = clean_text(short) or ""
    kind = _parent_kind(parent)
    if _NUMBER.fullmatch(text) and kind:
        return f"{kind} {text}"
    if (spelt := written_out_chi_bo(text)) != text:
        return spelt
    for pattern, word in _SHORT_KINDS:
        if pattern.match(text):
            return word + pattern.sub("", text, count=1)
    return text


def ticks_are_no_unit(stage: RosterStage) -> None:
    """A unit column holding only ticks, its units' names nowhere to be read: the ticks are no unit names, so the
    column is left unread, with a warning."""
    column = stage.mapped("unit")
    if column is None or not only_ticks(stage.frame[column.index]):
        return
    column.field = None
    if column.index in stage.table.consumed:  # one of the tick columns read above, named again by its header
        return
    stage.issues.warning(None, column.letter, "unit", None,
                         f"cột {column.letter} «{column.header}» chỉ có dấu đánh dấu (x), không ghi tên chi bộ nên "
                         f"chưa đọc được đơn vị phụ trách; hãy ghi tên chi bộ ở tiêu đề từng cột đánh dấu")


def read_unit_marks(stage: RosterStage) -> None:
    """Read a run of tick columns headed by units into the rows' unit (see the module docstring)."""
    run = _mark_run(stage)
    if not run:
        return
    legend = _legend(stage, [leaf for _, leaf in run])
    names = [legend.get(fold(leaf)) or full_unit_name(leaf, _parent(stage, column)) for column, leaf in run]
    frame = stage.frame
    units = pd.Series(None, index=frame.index, dtype=object)
    letters = "".join(column.letter for column, _ in run[:1]) + "–" + run[-1][0].letter
    for row in frame.index:
        cells = [frame.at[row, column.index] for column, _ in run]
        odd = [(column, cell) for (column, _), cell in zip(run, cells) if not is_blank(cell) and not is_tick(cell)]
        if odd:
            column, cell = odd[0]
            stage.refuse(row, column.letter, "unit", cell,
                         f"ô {column.letter}{row} «{cell}» không phải dấu đánh dấu (x) chi bộ phụ trách; hãy sửa "
                         f"thành «x» hoặc để trống", "đánh dấu chi bộ không rõ")
            continue
        ticked = [name for name, cell in zip(names, cells) if is_tick(cell)]
        if not ticked:
            stage.issues.warning(row, run[0][0].letter, "unit", None,
                                 f"không đánh dấu chi bộ phụ trách nào ở các cột {letters}, để trống đơn vị")
        units[row] = ticked[0] if len(ticked) == 1 else tuple(ticked) if ticked else None
    for column, _ in run:
        column.field = None
        stage.table.consumed.add(column.index)
    stage.carry("unit", units)
