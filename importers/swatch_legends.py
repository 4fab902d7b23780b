"""A register whose status is carried by the mark AND the cell's fill, explained by a legend of swatches under the
table: each legend row holds a swatch — a cell painted as the data cells are, holding their mark or left empty —
and beside it its meaning, naming the colour in words:

    CHÚ THÍCH MÀU / KÝ HIỆU:
        [x]          x, ô không tô màu: có mặt đúng giờ
        [x] (blue)   x, ô tô màu xanh: có mặt nhưng đến muộn
        [v] (yellow) v, ô tô màu vàng: vắng có lý do
        [v] (red)    v, ô tô màu đỏ: vắng không lý do
        [ ] (grey)   ô xám để trống: chưa/không thuộc diện sinh hoạt tại chi bộ

A mark cell is read by its (mark, fill) pair: the swatch's own fill decides, not the colour word (one "xanh" is
blue in one file and green in the next, a pale grey has no name at all); fills are compared as colours, within a
small tolerance (``colour_names.same_fill``), "no fill" a key of its own. A mark the swatches name on a fill they do
not list is refused naming the cell, never guessed; a meaning saying the person was not due ("không thuộc diện sinh
hoạt") gives no record, with a warning naming the cells (``importers.not_due_marks``). A mark whose swatches give it
two statuses means nothing without the fills: where the file keeps none (CSV) or they cannot be read, its cells are
refused as a mark with two meanings (``importers.mark_doubts``) and the sheet warned that colours cannot be read.

Pure: ``join_swatch_legends`` finds the legend's rows in a sheet's grid (before any rewrite moves the cells), keeps
each swatch's place and joins the texts into the label's cell, so that the legend ends the table as a one-line
legend does (``importers.legend_tables``); ``swatch_fills`` reads the swatches' fills from the sheet's formats; the
cells are read in ``importers.kinds.format_meanings``."""

import re
import unicodedata
from dataclasses import dataclass, replace

from .colour_names import colour_names, matches, plain_fill
from .format_legends import FILL, REST, clause_meaning, format_clause
from .legends import LEGEND_PREFIXES
from .mapping import column_letter
from .mark_doubts import MarkDoubt
from .normalising import fold, is_blank, mark_key
from .not_due_marks import is_not_due

BLANK = ""  # the mark key of an empty cell ("ô xám để trống")
NOT_DUE = "not_due"  # the meaning of a swatch saying the person was not due: no record
_MARK_SPAN = 2  # columns left of its text a swatch may sit
_LABEL_WORDS = 8
# A mark written before the colour in the text ("x, ô tô màu xanh: …", "v - nền vàng: …", "x (ô xanh): …")
_LEADING_MARK = re.compile(r"^\s*[\"“'«]?([^\s,:;\"“”'«»()=–-]{1,4})[\"”'»]?\s*(?:,|\s[-–]\s|(?=\())\s*")
_EMPTY = re.compile(r"\b(?:de trong|o trong|trong)\b")


@dataclass(frozen=True)
class Swatch:
    """One legend row: the swatch cell's place (0-based), the mark (BLANK for an empty cell), the colour the text
    names (None: "không tô màu"), the meaning (a status or NOT_DUE) and the text as written; `fill` is the swatch's
    own fill once read (``swatch_fills``)."""

    row: int
    col: int
    mark: str
    colour: str | None
    meaning: str
    text: str
    fill: str | None = None


def join_swatch_legends(sheet) -> None:
    """Find each legend of swatches in the sheet's rows: keep them on the sheet (``sheet.swatches``), join their
    texts into the label's cell (the first text's, without a label) and blank the cells joined."""
    rows, found, index = sheet.rows, [], 0
    while index < len(rows):
        run = _run(rows, index)
        if len(run) < 2 or not any(swatch.colour for swatch in run):
            index += max(len(run), 1)
            continue
        label = _label(rows, index - 1)
        texts = [swatch.text for swatch in run]
        if label is not None:
            at, text = label
            head = text.strip().rstrip(":").strip()
            rows[index - 1][at] = f"{head}: " + "; ".join(texts)
            used = [index - 1, *(swatch.row for swatch in run)]
        else:
            at = _text_column(rows[run[0].row])
            rows[run[0].row][at] = "Chú thích: " + "; ".join(texts)
            used = [swatch.row for swatch in run]
        for swatch in run:
            for col in range(swatch.col, len(rows[swatch.row])):
                if (swatch.row, col) != (used[0], at):
                    rows[swatch.row][col] = None
        sheet.legend_rows[used[0]] = used[1:]
        found += run
        index = run[-1].row + 1
    if found:
        sheet.swatches = found


def _run(rows, start: int) -> list[Swatch]:
    """The swatch rows from `start` on, one under another with their texts in one column."""
    run = []
    for index in range(start, len(rows)):
        swatch = _swatch(rows[index], index)
        if swatch is None or (run and _text_column(rows[index]) != _text_column(rows[run[0].row])):
            break
        run.append(swatch)
    return _same_column(run, rows)


def _same_column(run: list[Swatch], rows) -> list[Swatch]:
    """The run with the empty swatches placed in the column of the others' marks."""
    marked = {swatch.col for swatch in run if not is_blank(rows[swatch.row][swatch.col])}
    if len(marked) != 1:
        return run
    col = marked.pop()
    return [replace(swatch, col=col) if is_blank(rows[swatch.row][swatch.col]) else swatch for swatch in run]


def _filled(row: list, most: int) -> list[tuple[int, object]]:
    """The row's filled cells as (column, value), stopping at `most` (a data row is no legend row: no need to look
    at all its cells, a register has a hundred thousand of them)."""
    filled = []
    for col, cell in enumerate(row):
        if not is_blank(cell):
            filled.append((col, cell))
            if len(filled) == most:
                break
    return filled


def _swatch(row: list, index: int) -> Swatch | None:
    """The swatch of a legend row: a text naming a fill (or none) and a meaning, an empty cell or a short mark at
    most two columns left of it and nothing else on the row."""
    filled = _filled(row, 3)
    if not filled or len(filled) > 2 or not isinstance(filled[-1][1], str):
        return None
    col, text = filled[-1]
    text = unicodedata.normalize("NFC", text).strip()
    if len(text) > 200:
        return None
    mark_cell = filled[0] if len(filled) == 2 else None
    if mark_cell is not None and (col - mark_cell[0] > _MARK_SPAN or len(str(mark_cell[1]).strip()) > 4):
        return None
    written = _LEADING_MARK.match(text)
    clause = format_clause(text[written.end():] if written else text)
    if written and clause is None:
        written, clause = None, format_clause(text)
    if clause is None or clause[0][0] not in (FILL, REST):
        return None
    (where, colour), meaning_text = clause
    meaning = clause_meaning(meaning_text)
    status = meaning[1] if meaning and meaning[0] == "status" else NOT_DUE if is_not_due(meaning_text) else None
    if status is None:
        return None
    mark = mark_key(mark_cell[1]) if mark_cell else mark_key(written.group(1)) if written else None
    if mark_cell and written and mark_key(written.group(1)) != mark:
        return None  # the swatch holds another mark than its text names: no legend row to trust
    if mark is None and not _EMPTY.search(fold(text)):
        return None  # a colour with no mark: the colour-only legends read it (``format_legends``)
    place = mark_cell[0] if mark_cell else max(col - 1, 0)
    return Swatch(index, place, mark or BLANK, colour if where == FILL else None, status, text)


def _text_column(row: list) -> int:
    return max(col for col, cell in enumerate(row) if not is_blank(cell))


def _label(rows, index: int) -> tuple[int, str] | None:
    """(column, text) of the legend's label on the row above its swatches ("CHÚ THÍCH MÀU / KÝ HIỆU:")."""
    if index < 0:
        return None
    filled = [(col, cell) for col, cell in enumerate(rows[index]) if not is_blank(cell)]
    if len(filled) != 1 or not isinstance(filled[0][1], str):
        return None
    text = filled[0][1]
    folded = fold(text)
    words = re.sub(r"[^\w\s]", " ", folded).split()
    if len(words) > _LABEL_WORDS or not any(" ".join(words).startswith(prefix) or f" {prefix}" in " ".join(words)
                                            for prefix in LEGEND_PREFIXES):
        return None
    return filled[0]


def swatch_marks(swatches: list[Swatch]) -> dict:
    """The marks table the swatches give, read without the fills: a mark of one status that status, a mark of two
    a ``MarkDoubt`` (its cells refused where the fills are not read); a mark saying only 'not due' nothing."""
    found: dict = {}
    for swatch in swatches:
        if swatch.mark != BLANK and swatch.meaning != NOT_DUE:
            found.setdefault(swatch.mark, {}).setdefault(swatch.meaning, (swatch.meaning, swatch.text))
    return {mark: next(iter(meanings)) if len(meanings) == 1 else MarkDoubt(list(meanings.values()))
            for mark, meanings in found.items()}


def swatch_fills(swatches: list[Swatch], formats: dict) -> tuple[list[Swatch], list[str]]:
    """The swatches with their own fills read from the sheet's formats, and a warning for each whose fill says
    another thing than its text: a colour named but the swatch not painted (left out: its cells are refused), a
    colour named that the fill is not, or 'không tô màu' over a painted swatch (the fill decides)."""
    read, problems = [], []
    for swatch in swatches:
        shown = formats.get((swatch.row, swatch.col))
        fill = plain_fill(shown.fill_rgb if shown is not None else None)
        cell = f"{column_letter(swatch.col)}{swatch.row + 1}"
        if swatch.colour and fill is None:
            problems.append(f"ô mẫu {cell} của chú thích «{swatch.text}» không được tô màu — chú thích này không "
                            f"được dùng, các ô cùng ký hiệu không khớp mẫu nào sẽ không được nhập")
            continue
        names = colour_names(fill)
        if swatch.colour and names and not matches(swatch.colour, names):
            problems.append(f"ô mẫu {cell} tô màu {describe_fill(fill)} nhưng chú thích «{swatch.text}» gọi là "
                            f"«{swatch.colour}» — đọc theo màu của ô mẫu, hãy kiểm tra")
        elif not swatch.colour and fill is not None:
            problems.append(f"ô mẫu {cell} tô màu {describe_fill(fill)} nhưng chú thích «{swatch.text}» nói không "
                            f"tô màu — đọc theo màu của ô mẫu, hãy kiểm tra")
        read.append(replace(swatch, fill=fill))
    return read, problems


def describe_fill(fill: str | None) -> str:
    """A fill in words for a message: 'vàng (FFFF00)', 'không tô màu'."""
    if fill is None:
        return "không tô màu"
    names = " hoặc ".join(sorted(colour_names(fill)))
    return f"{names} ({fill})" if names else f"#{fill}"

