"""The key under a table that spells out its unit column's codes: a heading line ("Mã chi bộ:") and one line per code
("MH - Chi bộ thôn Mường Hum"), typed in the name column below the people, or the whole key on one line ("Mã chi bộ:
MH - Chi bộ thôn Mường Hum; TN - …"). Its lines are no people: they are taken out of the table here. The codes are
written out by ``importers.unit_abbreviations``, which reads the same lines as a note; a code the key leaves out is
kept as written and warned about (``importers.code_lines``, ``importers.plausibility.units``).

A line is a key line only when it stands alone on its row (nothing in any other column) and defines codes as places
or party organisations: the key's first line only codes the unit column holds, the lines after it any (a chi bộ no
row names yet). A person's row is never one."""

from dataclasses import dataclass, field

from .cleared_rows import ClearsRows
from .normalising import clean_text, fold, is_blank
from .unit_abbreviations import unit_abbreviations

REASON = "dòng chú giải mã đơn vị (đọc để viết đầy đủ tên chi bộ)"


@dataclass
class UnitKey(ClearsRows):
    """The rows (0-based) of a unit-code key under a table."""

    rows: list[int] = field(default_factory=list)

    def cleared_rows(self) -> dict[int, str]:
        return dict.fromkeys(self.rows, REASON)


def _lone_text(row) -> str | None:
    """The one text a row holds, None when it holds anything else or more."""
    filled = [cell for cell in row if not is_blank(cell)]
    return clean_text(filled[0]) if len(filled) == 1 and isinstance(filled[0], str) else None


def _defines(text: str | None, codes: set[str] | None) -> bool:
    """Whether a line defines codes of the unit column and no others (any unit codes, with `codes` None)."""
    if not text:
        return False
    shorts = {fold(item.short) for item in unit_abbreviations([text]) if item.variable is None}
    return bool(shorts) and (codes is None or shorts <= codes)


def _is_heading(text: str | None, header: str) -> bool:
    """A line titling the key: the unit column's header, or any label, closed by a colon ('Mã chi bộ:')."""
    return bool(text) and (text.endswith(":") or fold(text) == fold(header))


def unit_key(grid, first: int, unit_col: int, header: str) -> UnitKey | None:
    """The key spelling out the codes of the unit column `unit_col` under a table whose people start at row `first`
    (0-based), or None."""
    codes = {fold(value) for value in set(grid[first:, unit_col]) if isinstance(value, str) and value.strip()}
    if not codes:
        return None
    body = grid[first:]
    lone = ((body != None) & (body != "")).sum(axis=1) == 1  # noqa: E711 (element-wise): a 100,000-row sheet
    texts = [_lone_text(list(row)) if one else None for row, one in zip(body, lone)]
    for at, text in enumerate(texts):
        if not _defines(text, codes):
            continue
        end = at
        while end < len(texts) and _defines(texts[end], None):  # a unit no row has yet is in the key too
            end += 1
        start = at - 1 if at > 0 and _is_heading(texts[at - 1], header) else at
        return UnitKey(rows=list(range(first + start, first + end)))
    return None
