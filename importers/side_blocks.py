"""Tables of one layout set side by side on one sheet, each for its own chi bộ (or group): "Chi bộ Thôn A" over
columns A:H and "Chi bộ Thôn B" over J:Q, the same header ("STT | Họ và tên | Tháng 1..6") repeated in each block,
one or two empty columns between them. The blocks may form a grid: a second row of blocks below the first, each with
its own titles and header ("ĐOÀN CÔNG TÁC SỐ 3" over "Phụ trách: Đảng bộ xã Kỳ Ninh" over the header).

Before the table is looked for, such a sheet is rewritten as one table of the first block's width: its header
rows, a column for each fact the blocks' title lines give (unit, group), and the blocks' rows. Blocks titled by
group are each a group's list and are read whole, block after block (left to right, then the next row of blocks);
blocks titled by unit are read row by row, left to right. Blocks without any title are one list printed in two
halves: their rows are put one half after the other. It is done only when every block repeats the first one's
header column for column, every block's titles name the same kinds of facts (or none has a title), and nothing but
totals lies between one row of blocks and the titles of the next: otherwise the sheet is read (and reported) the
usual way, as it is when the blocks' headers differ (the same name label repeated after an empty column, the other
labels not). A note line explaining role codes ("TĐ = Trưởng đoàn; PĐ = …") ends the blocks as a marks legend does;
header labels merged down over a second row make that row part of every block's header. Totals under the blocks
may count each block ("Cộng: 6 đồng chí" under each) or, on one line, all of them ("Tổng cộng: 3 đoàn, 19 đồng
chí"); a total that counts neither leaves the sheet to the usual reading, with a warning. Rows keep their place down
to the first header; the title lines over it are emptied."""

from dataclasses import dataclass
from typing import Any

from .abbreviations import is_role_legend
from .block_totals import total_count, total_numbers
from .context import read_context
from .legacy import decode_legacy
from .legends import is_legend_text
from .locating import HEADER_SCAN_ROWS, fill_vertical_merges, find_header, is_stop_text
from .mapping import column_letter, match_field
from .normalising import clean_text, fold, is_blank
from .results import SheetData

KEY_FIELDS = ("full_name",)
MATCH_SHARE = 0.8  # share of the first block's header labels another block must repeat, column for column
TITLE_GAP = 2  # rows between a block's nearest title line and its header
HEADER_DEPTH = 3  # header rows a block's labels may be merged down over
TITLE_LINES = 3  # title lines over a block, one above the other ("ĐOÀN CÔNG TÁC SỐ 1", "Phụ trách: …")
LABELS = {"group": "Đoàn công tác", "unit": "Đơn vị"}  # read as the unit by the register and the roster alike
DECLINED = ("{count} bảng đặt cạnh nhau (tiêu đề ở dòng {row}) nhưng {reason} — không ghép được "
            "thành một bảng nên chỉ đọc như một bảng thường; hãy kiểm tra đoàn, đơn vị của từng dòng hoặc tách mỗi "
            "bảng ra một trang")
REASONS = {
    "titles": "dòng tên phía trên tiêu đề không có cho mọi bảng, hoặc không đọc được là đoàn hay chi bộ",
    "facts": "tên các bảng không nêu cùng loại thông tin (đoàn, đơn vị)",
    "total": "dòng cộng không khớp số người của bảng nào, cũng không khớp tổng số người của các bảng",
    "between": "có dòng người nằm giữa hai hàng bảng",
    "header": "tiêu đề cột của các bảng không giống nhau (có bảng thêm, bớt hoặc đổi cột)",
}


@dataclass
class Band:
    """One row of blocks: its header rows (0-based, inclusive), the blocks in it (indices into the columns'
    ranges), its title lines and each block's facts from them."""

    first: int
    last: int
    blocks: list[int]
    titles: list[int]
    facts: list[dict]

    @property
    def top(self) -> int:
        return min(self.titles + [self.first])


def _label(cell: Any) -> str:
    return fold(clean_text(decode_legacy(cell)) or "") if isinstance(cell, str) else ""


def _starts(header: list[list[Any]], specs) -> list[int] | None:
    """First column of each block: the column of every repeat of the first block's first label, when the name
    column repeats at the same offset in each; None for one table."""
    rows = [[_label(cell) for cell in row] for row in header]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    keys = sorted({col for row in rows for col, label in enumerate(row) if match_field(label, specs) in KEY_FIELDS})
    if len(keys) < 2:
        return None
    first = min(col for row in rows for col, label in enumerate(row) if label)
    offset = keys[0] - first
    starts = [key - offset for key in keys]
    if starts[0] != first or any(b - a <= offset for a, b in zip(starts, starts[1:])):
        return None
    span = starts[1] - starts[0]
    filled = [(r, c) for r, row in enumerate(rows) for c in range(first, first + span) if row[c]]
    for start in starts[1:]:
        same = sum(1 for r, c in filled if c - first + start < width and rows[r][c - first + start] == rows[r][c])
        if same < MATCH_SHARE * len(filled):
            return None
    return starts


def _merged_down(merges: list, first: int, last: int) -> int:
    """The header's last row, lower when header labels are merged down over a second row ("Họ tên" merged over
    rows 6–7 beside "Phân công" over "NV"): each block's sub-header row then belongs to its header."""
    bottoms = [bottom for (top, _), (bottom, _) in merges if first <= top <= last and bottom > last]
    return min(max(bottoms), first + HEADER_DEPTH - 1) if bottoms else last


def _unlike_starts(header: list[list[Any]], specs) -> list[int] | None:
    """The name columns of blocks that stand side by side but do not repeat the first block's header (one block
    has a column more, or other labels): the same name label two times or more, an empty column before each
    repeat; None when the header is no such row of blocks."""
    rows = [[_label(cell) for cell in row] for row in header]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    keys = sorted({col for row in rows for col, label in enumerate(row) if match_field(label, specs) in KEY_FIELDS})
    names = {rows[r][col] for r in range(len(rows)) for col in keys if rows[r][col]}
    if len(keys) < 2 or len(names) != 1:
        return None
    spacer = [not any(row[col] for row in rows) for col in range(width)]
    if not all(any(spacer[a + 1:b]) for a, b in zip(keys, keys[1:])):
        return None
    return keys


def _texts(row: list[Any], start: int, end: int) -> list[str]:
    return [cell for cell in row[start:end] if isinstance(cell, str) and cell.strip()]


def _titles(rows: list[list[Any]], first: int, ranges: list[tuple[int, int]], floor: int
            ) -> tuple[list[int], list[dict]] | None:
    """The title lines right above a row of blocks' header and each block's facts from them: the nearest line with
    text over every block and the lines straight above it that name other facts. ([], []) for no titles (a sheet
    title further up, over the first columns, is none), None when a line right over the header titles only some
    blocks or a title reads as no unit or group."""
    found: list[int] = []
    facts: list[dict] = [{} for _ in ranges]
    number = first - 1
    while number >= max(floor, first - TITLE_GAP) and all(is_blank(cell) for cell in rows[number]):
        number -= 1
    if number < max(floor, first - TITLE_GAP):
        return found, facts
    while number >= floor and len(found) < TITLE_LINES:
        texts = [_texts(rows[number], start, end) for start, end in ranges]
        if not all(len(text) == 1 for text in texts):
            if not found and number == first - 1 and any(texts):
                return None  # a line right over the header titles some blocks only
            break
        read = [read_context(decode_legacy(text[0])) or {} for text in texts]
        names = {frozenset(item) for item in read}
        if len(names) != 1 or not next(iter(names)) or any(set(item) & set(facts[0]) for item in read):
            if not found:
                return None
            break
        found.append(number)
        facts = [{**item, **more} for item, more in zip(facts, read)]
        number -= 1
    return found, facts


def _repeat_blocks(row: list[Any], header: list[str], ranges: list[tuple[int, int]]) -> list[int]:
    """The blocks whose columns in `row` repeat the first block's header row `header`."""
    labelled = [offset for offset, label in enumerate(header) if label]
    out = []
    for index, (start, _) in enumerate(ranges):
        same = sum(1 for offset in labelled
                   if start + offset < len(row) and _label(row[start + offset]) == header[offset])
        if labelled and same >= MATCH_SHARE * len(labelled):
            out.append(index)
    return out


def _end(rows: list[list[Any]], start: int, stop: int) -> int:
    """The row after a row of blocks' last row: the first legend (of marks or of role codes), total or signature
    text, else `stop`."""
    for number in range(start, stop):
        if any(is_legend_text(cell) or is_role_legend(cell) or is_stop_text(cell) for cell in rows[number]):
            return number
    return stop


def _bands(rows: list[list[Any]], first: int, last: int, ranges: list[tuple[int, int]]) -> list[Band] | None:
    """The rows of blocks: the first one, then each header below that repeats the first block's; None when a row
    of blocks' titles cannot be read."""
    start = ranges[0][0]
    header = [_label(cell) for cell in rows[first][start:ranges[0][1]]]
    titles = _titles(rows, first, ranges, 0)
    if titles is None:
        return None
    bands = [Band(first, last, list(range(len(ranges))), *titles)]
    depth = last - first
    number = last + 1
    while number < len(rows):
        blocks = _repeat_blocks(rows[number], header, ranges)
        if not blocks:
            number += 1
            continue
        titles = _titles(rows, number, [ranges[index] for index in blocks], bands[-1].last + 1)
        if titles is None:
            return None
        bands.append(Band(number, number + depth, blocks, *titles))
        number += depth + 1
    return bands


def _totals(rows: list[list[Any]], start: int, stop: int, ranges: list[tuple[int, int]], people: list[int],
            overall: set[int]) -> int | None:
    """The row after the block totals from `start` ('Cộng: 6 đồng chí' under each block, blank rows between), not
    beyond `stop`; None when a total counts neither its block's people (`people`, block by block) nor, standing
    alone on its line, the people of all the blocks together (one of `overall`: 'Tổng cộng: 3 đoàn, 19 đồng chí'
    under blocks of 7, 6 and 6)."""
    number = start
    while number < stop:
        cells = [rows[number][begin:end] for begin, end in ranges]
        if all(is_blank(cell) for block in cells for cell in block):
            number += 1
            continue
        counts = [total_count(block) if any(not is_blank(cell) for cell in block) else -1 for block in cells]
        if None in counts:
            return number
        lines = [block for block, count in zip(cells, counts) if count != -1]
        if len(lines) == 1 and overall & set(total_numbers(lines[0])):
            number += 1
            continue
        if any(count not in (-1, listed) for count, listed in zip(counts, people)):
            return None  # a block's total and its rows disagree: read (and reported) the usual way
        number += 1
    return number


def _between(rows: list[list[Any]], start: int, stop: int, key: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether the rows from a row of blocks' end to the next one's titles hold no person (only totals)."""
    for number in range(start, stop):
        for begin, _ in ranges:
            cell = rows[number][begin + key] if begin + key < len(rows[number]) else None
            if not is_blank(cell) and not is_stop_text(cell):
                return False
    return True


def _decline(sheet: SheetData, header: int, start: int, count: int, reason: str) -> bool:
    """Leave the sheet to the usual reading, with a warning naming the header row and the second block's column:
    the blocks right of the first are then read as nothing, or as the first block's."""
    entry = ("warning", header + 1, column_letter(start), None, None,
             DECLINED.format(count=count, row=header + 1, reason=REASONS[reason]))
    if entry not in sheet.found:  # a book read once is parsed again for the preview
        sheet.found.append(entry)
    return False


def side_blocks(sheet: SheetData, specs) -> bool:
    """Rewrite a sheet of side-by-side blocks as one table; True when it was one."""
    rows = sheet.rows
    found = find_header(rows[:HEADER_SCAN_ROWS], specs) if rows else None
    if found is None:
        return False
    first, last, _ = found
    last = _merged_down(sheet.merges, first, last)
    starts = _starts(rows[first:last + 1], specs)
    if starts is None:
        unlike = _unlike_starts(rows[first:last + 1], specs)
        return unlike is not None and _decline(sheet, first, unlike[1], len(unlike), "header")
    fill_vertical_merges(rows, sheet.merges)  # the merges go with the rewrite; their values stay
    width = max(len(row) for row in rows)
    rows = [list(row) + [None] * (width - len(row)) for row in rows]
    span = starts[1] - starts[0]
    ranges = [(start, min(start + span, width)) for start in starts]
    bands = _bands(rows, first, last, ranges)
    if bands is None:
        return _decline(sheet, first, starts[1], len(starts), "titles")
    fields = [name for name in LABELS if name in bands[0].facts[0]]
    if any(set(facts) != set(fields) for band in bands for facts in band.facts) or (len(bands) > 1 and not fields):
        return _decline(sheet, first, starts[1], len(starts), "facts")  # titled and untitled blocks, or unlike ones
    key = next((offset for offset in range(span) if any(match_field(_label(rows[number][starts[0] + offset]), specs)
                                                        in KEY_FIELDS for number in range(first, last + 1))), None)
    if key is None:
        return False
    ends = [band.top for band in bands[1:]] + [len(rows)]
    counted = []
    for band, stop in zip(bands, ends):
        end = _end(rows, band.last + 1, stop)
        blocks = [ranges[index] for index in band.blocks]
        counted.append((end, [sum(1 for row in rows[band.last + 1:end] if not is_blank(row[begin + key]))
                              for begin, _ in blocks]))
    everyone = sum(sum(people) for _, people in counted)
    bodies = []
    for band, stop, (end, people) in zip(bands, ends, counted):
        blocks = [ranges[index] for index in band.blocks]
        overall = {sum(people), everyone} if stop == len(rows) else {sum(people)}  # the last: all rows of blocks
        after = _totals(rows, end, stop, blocks, people, overall) if fields else end  # halves: a total counts the list
        if after is None:
            return _decline(sheet, band.first, starts[1], len(starts), "total")
        if stop < len(rows) and not _between(rows, after, stop, key, blocks):
            return _decline(sheet, band.first, starts[1], len(starts), "between")
        bodies.append((band, end, after))

    def part(row: list[Any], band: Band, index: int) -> list[Any]:
        start, stop = ranges[band.blocks[index]]
        cells = list(row[start:stop]) + [None] * (span - (stop - start))
        return cells + [band.facts[index][name] for name in fields]

    def filled(row: list[Any], band: Band, index: int) -> bool:
        start, stop = ranges[band.blocks[index]]
        return any(not is_blank(cell) for cell in row[start:stop])

    out = [[None] * width if number in bands[0].titles else list(row) for number, row in enumerate(rows[:first])]
    out += [row[starts[0]:starts[0] + span] + [LABELS[name] for name in fields] for row in rows[first:last + 1]]
    for band, end, _ in bodies:
        body = rows[band.last + 1:end]
        by_row = fields and "group" not in fields  # blocks of chi bộ registers: reading order, row by row
        if by_row:
            out += [part(row, band, index) for row in body for index in range(len(band.blocks))
                    if filled(row, band, index)]
        else:  # each group's list whole, or one list printed in halves: the left block, then the right
            out += [part(row, band, index) for index in range(len(band.blocks)) for row in body
                    if filled(row, band, index)]
    out += [list(row) for row in rows[bodies[-1][2]:]]
    full = max(len(row) for row in out)
    sheet.rows = [row + [None] * (full - len(row)) for row in out]
    sheet.merges = []
    return True
