"""Several tables of one layout stacked on one sheet, one per chi bộ (or group): each block has a title line naming
its unit ("2. Chi bộ Tổ dân phố Quyết Thắng (3 đảng viên)"), its own header row, its people and often a total row
("Cộng") before a spacer and the next block. A title may take two or three lines, the group's caption over the
unit it follows ("ĐOÀN CÔNG TÁC SỐ 2" over "Phụ trách: Đảng bộ xã Kỳ Ninh"): the lines straight above the nearest
one are read when every block has them, naming the same kinds of facts (a sheet title over the first block only
is none).

The first block is the located table; the blocks below it are found by their header rows, which repeat the first
one. The rows between blocks (totals, spacers, titles, repeated headers) are cleared in the in-memory grid, so the
body reads on through every block, and each block's rows carry the facts of its own title (unit, group) in place of
the one the sheet's title would give them all. A block whose title names no unit while the others do is an error
naming its rows: its records would otherwise take another block's unit without a word. Blocks whose titles name no
unit or group at all are read only as a list's supplement, a caption saying so ("DANH SÁCH BỔ SUNG …") over each
later block (``importers.supplement_lists``)."""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .cleared_rows import ClearsRows
from .context import read_context
from .locating import is_column_numbering_row, is_stop_text
from .normalising import fold, is_blank
from .supplement_lists import adds_to_list, caption_rows

TITLE_GAP = 3  # rows between a block's title line and its header (blank spacers)
TITLE_LINES = 3  # title lines over a block, one above the other ("ĐOÀN CÔNG TÁC SỐ 2", "Phụ trách: …")
MATCH_SHARE = 0.8  # share of the header's labels a row must repeat, column for column, to be a block's header
WORDS = {"group": "Đoàn", "unit": "Chi bộ"}  # as the sheet's own facts are listed (sheet_context.FIELD_WORDS)
REASONS = {"header": "dòng tiêu đề bảng của khối", "title": "dòng tên khối", "total": "dòng tổng của khối"}
NO_TITLE = ("khối bảng có dòng tiêu đề ở dòng {header} nhưng không có dòng tên chi bộ/đoàn phía trên (như các "
            "khối khác) — chưa rõ các dòng {first}–{last} thuộc đơn vị nào; hãy thêm tên khối hoặc nhập riêng khối này")


@dataclass
class Block:
    """One stacked table: its header row (0-based), title row and text, facts, and its first and last body rows."""

    header: int
    title: int | None
    text: str | None
    facts: dict
    start: int = 0  # 0-based, first row after its header
    end: int = 0  # exclusive
    lines: list[int] = field(default_factory=list)  # title lines above the title (0-based), nearest first

    @property
    def top(self) -> int | None:
        return self.lines[-1] if self.lines else self.title


@dataclass
class Stack(ClearsRows):
    """The blocks of a sheet and the rows cleared between them (0-based row -> kind of row)."""

    blocks: list[Block]
    cleared: dict[int, str] = field(default_factory=dict)

    @property
    def fields(self) -> set[str]:
        return {name for block in self.blocks for name in block.facts}

    def cleared_rows(self) -> dict[int, str]:
        """The rows between blocks, blanked so that the body runs on through all of them."""
        return {row: REASONS[reason] for row, reason in self.cleared.items()}

    def report(self, issues) -> None:
        """An error for each block whose title names none of the facts the other blocks' titles name."""
        wanted = self.fields
        for block in self.blocks:
            if wanted and not wanted <= set(block.facts):
                issues.error(block.header + 1, None, sorted(wanted)[0], block.text,
                             NO_TITLE.format(header=block.header + 1, first=block.start + 1, last=block.end))

    def carry(self, carried: pd.DataFrame | None, index: pd.Index) -> pd.DataFrame | None:
        """Per body row, its block's facts under those of context rows inside the block."""
        wanted = self.fields
        if not wanted:
            return carried
        out = carried.copy() if carried is not None else pd.DataFrame(index=index, dtype=object)
        rows = index.to_numpy() - 1
        for name in wanted:
            values = np.full(len(index), None, dtype=object)
            for block in self.blocks:
                values[(rows >= block.start) & (rows < block.end)] = block.facts.get(name)
            mine = pd.Series(values, index=index, dtype=object)
            out[name] = out[name].where(out[name].notna(), mine) if name in out.columns else mine
        return out

    def inferences(self) -> list[dict]:
        """What the preview lists: per field the blocks' titles set, the values read from them in order."""
        rows = ", ".join(str(block.title + 1) for block in self.blocks if block.title is not None)
        if not self.fields:
            return [{"what": "Bảng bổ sung", "value": block.text, "source": f"bảng cùng tiêu đề cột ở dòng "
                     f"{block.header + 1}, đọc tiếp sau bảng đầu"} for block in self.blocks[1:]]
        return [{"what": WORDS[name], "value": "; ".join(dict.fromkeys(block.facts.get(name) or "?"
                                                                       for block in self.blocks)),
                 "source": f"tên từng khối bảng trên cùng trang (dòng {rows})"}
                for name in ("group", "unit") if name in self.fields]


def _folded(row) -> list[str]:
    return [fold(cell) if not is_blank(cell) else "" for cell in row]


def _repeats(row: list[str], header: list[str]) -> bool:
    """The row repeats the header's labels, column for column."""
    labelled = [index for index, label in enumerate(header) if label]
    if len(labelled) < 2:
        return False
    same = sum(1 for index in labelled if index < len(row) and row[index] == header[index])
    extra = sum(1 for index, text in enumerate(row) if text and (index >= len(header) or not header[index]))
    return same >= max(2, MATCH_SHARE * len(labelled)) and extra == 0


def _lone_text(row) -> str | None:
    values = {cell.strip() for cell in row if isinstance(cell, str) and cell.strip()}
    others = [cell for cell in row if not is_blank(cell) and not isinstance(cell, str)]
    return values.pop() if len(values) == 1 and not others else None


def _title_above(grid: np.ndarray, top: int, floor: int) -> tuple[int | None, str | None]:
    """The lone text line just above a header (blank rows skipped), not below `floor`."""
    for row in range(top - 1, max(floor, top - 1 - TITLE_GAP), -1):
        if all(is_blank(cell) for cell in grid[row]):
            continue
        text = _lone_text(grid[row])
        return (row, text) if text else (None, None)
    return None, None


def _lines_above(grid: np.ndarray, title: int | None, floor: int) -> list[tuple[int, str, dict]]:
    """The lone text lines straight above a block's title line (no blank between), each naming facts the lines
    below it do not ("ĐOÀN CÔNG TÁC SỐ 2" over "Phụ trách: Đảng bộ xã Kỳ Ninh"), nearest first."""
    out: list[tuple[int, str, dict]] = []
    if title is None:
        return out
    named = set(_facts(_lone_text(grid[title])))
    for row in range(title - 1, max(floor - 1, title - TITLE_LINES), -1):
        text = _lone_text(grid[row])
        facts = _facts(text)
        if not facts or set(facts) & named:
            break
        named |= set(facts)
        out.append((row, text, facts))
    return out


def _with_lines(blocks: list[Block], lines: list[list[tuple[int, str, dict]]]) -> None:
    """Add to each block the title lines above its title, as many levels as every block has, naming the same
    facts at each level (a sheet's own title over the first block is no block title)."""
    depth = 0
    while all(len(found) > depth for found in lines) and len({frozenset(found[depth][2]) for found in lines}) == 1:
        depth += 1
    for block, found in zip(blocks, lines):
        for row, text, facts in found[:depth]:
            block.lines.append(row)
            block.text = f"{text} - {block.text}"
            block.facts = {**facts, **block.facts}


def _is_total(row, key_col: int) -> bool:
    """A block's closing row: totals text in the key column, or numbers with no key."""
    key = row[key_col] if key_col < len(row) else None
    if isinstance(key, str) and key.strip():
        return is_stop_text(key)
    texts = [cell for cell in row if not is_blank(cell)]
    return bool(texts) and is_blank(key) and (all(isinstance(cell, (int, float)) for cell in texts)
                                               or any(is_stop_text(cell) for cell in texts))


def _candidates(grid: np.ndarray, start: int, header: list[str], key_col: int) -> np.ndarray:
    """Rows below `start` whose cell in one labelled column (the key's, if labelled) repeats the header's label;
    each distinct value of that column is folded once."""
    column = key_col if key_col < len(header) and header[key_col] else next(
        (index for index, label in enumerate(header) if label), None)
    if column is None or start >= grid.shape[0]:
        return np.empty(0, dtype=np.int64)
    codes, uniques = pd.factorize(pd.Series(grid[start:, column], dtype=object), use_na_sentinel=True)
    same = np.array([isinstance(value, str) and fold(value) == header[column] for value in uniques] + [False])
    return np.flatnonzero(same[codes]) + start


def find_stack(grid: np.ndarray, table, key_col: int) -> Stack | None:
    """The stacked blocks of a table's sheet, or None when the header does not repeat below it with its own title
    (a printed report's repeated page headers, with no title between, stay the readers' concern)."""
    last = table.header_rows[-1]
    header = _folded(grid[last])
    depth = len(table.header_rows)
    repeats = [row for row in _candidates(grid, table.body_start, header, key_col)
               if _repeats(_folded(grid[row]), header)]
    if not repeats:
        return None
    first_title, first_text = _title_above(grid, table.header_rows[0], 0)
    blocks = [Block(last, first_title, first_text, _facts(first_text), start=table.body_start)]
    lines = [_lines_above(grid, first_title, 0)]
    cleared: dict[int, str] = {}
    for row in repeats:
        top = max(row - depth + 1, blocks[-1].header + 1)
        title, text = _title_above(grid, top, blocks[-1].header + 1)
        numbered = row + 1 < grid.shape[0] and is_column_numbering_row(list(grid[row + 1]))  # "(1)", "(2)" …
        blocks.append(Block(row, title, text, _facts(text), start=row + 1 + numbered))
        lines.append(_lines_above(grid, title, blocks[-2].header + 1))
        cleared.update({r: "header" for r in range(top, row + 1 + numbered)})
    _with_lines(blocks, lines)
    if not any(block.facts for block in blocks) and not _supplements(grid, blocks, depth):
        return None
    for block, before in zip(blocks[1:], blocks):
        cleared.update({r: "title" for r in [block.title, *block.lines] if r is not None})
        above = block.top if block.top is not None else max(block.header - depth + 1, before.header + 1)
        for r in range(above - 1, before.start - 1, -1):  # the previous block's totals and spacers
            if all(is_blank(cell) for cell in grid[r]):
                continue
            if not _is_total(grid[r], key_col):
                break
            cleared[r] = "total"
    for block, after in zip(blocks, blocks[1:]):
        block.end = min([after.header] + [r for r in cleared if block.start <= r < after.header])
    blocks[-1].end = grid.shape[0]
    return Stack(blocks, cleared)


def _supplements(grid: np.ndarray, blocks: list[Block], depth: int) -> bool:
    """Whether every later block is captioned as adding to the list above it; if so its caption lines become its
    title lines (cleared with it)."""
    captions = [caption_rows(grid, block.header - depth + 1, before.header + 1)
                for block, before in zip(blocks[1:], blocks)]
    if not all(found and adds_to_list([text for _, text in found]) for found in captions):
        return False
    for block, found in zip(blocks[1:], captions):
        block.title, block.lines = found[0][0], [row for row, _ in found[1:]]
        block.text = " - ".join(text for _, text in reversed(found))
    return True


def _facts(text: str | None) -> dict:
    """The unit or group a block's title names ("1. Chi bộ Thôn Đồng Tâm (4 đảng viên)")."""
    found = read_context(text) if text else None
    return {name: value for name, value in (found or {}).items() if name in ("unit", "group") and value}
