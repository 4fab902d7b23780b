"""Helper columns of formulas saved without their result (openpyxl, xlsxwriter and exports write the formula, not
what it gives): a count beside an assignment grid ("Số đoàn" = COUNTA(G6:J6)), a total or a ratio of COUNTIFs, a
month helper (=MONTH(A7)) in a long register, hidden or not. Such a column reads blank from top to bottom, and what
it would hold is computed from cells the records read anyway; it must not refuse the file, nor be taken for a
field by its header ("Số đoàn" names the group, which the grid gives), nor disturb the header and kind detection.

Before the table is looked for (the sheet still as read), a column is left aside when
- every cell of it from its first formula to its last is a formula without a result or blank (two formulas at
  least), and every formula computes a number from cells of the sheet (counts, sums, ratios, date parts: no lookup,
  text function, '&', reference to another sheet, bare copy of a cell, or IF with a text result) and works on its
  own row (a totals line under the table works on the rows above it, and keeps its own note), or every formula
  only joins text cells of its own row ('=B8&" "&C8': a split name put together, which its parts give anyway);
- its header names no field, month or meeting date, or only fields another header of the same header rows names
  (the records take them from there).
Its header cells are emptied, its formulas leave ``SheetData.uncached`` (``importers.uncached_formulas`` no longer
weighs them) and a warning names the column. Any other formula column stays where it was: one a record reads still
refuses the file, naming its cells."""

import re

from .mapping import column_index, column_letter, match_field
from .normalising import clean_text, is_blank, month_of_header
from .results import SheetData

MIN_CELLS = 2
HEADER_DEPTH = 4  # header rows looked at above the first formula
MAX_OWN_CELLS = 2  # different texts a column's own header may hold over two header rows
SHOWN_CELLS = 3
# functions whose result is a number computed from the cells they are given
NUMERIC = frozenset({
    "COUNT", "COUNTA", "COUNTBLANK", "COUNTIF", "COUNTIFS", "SUM", "SUMIF", "SUMIFS", "SUMPRODUCT", "SUBTOTAL",
    "AGGREGATE", "AVERAGE", "AVERAGEA", "AVERAGEIF", "AVERAGEIFS", "MIN", "MAX", "MINIFS", "MAXIFS", "ROUND",
    "ROUNDUP", "ROUNDDOWN", "INT", "ABS", "MOD", "TRUNC", "PRODUCT", "QUOTIENT", "MONTH", "YEAR", "DAY", "WEEKDAY",
    "WEEKNUM", "ISOWEEKNUM", "DATEDIF", "DAYS", "NETWORKDAYS", "YEARFRAC", "ROW", "ROWS", "COLUMN", "COLUMNS", "LEN",
    "IFERROR", "N", "VALUE", "RANK", "RANK.EQ", "PERCENTRANK", "IF", "IFS", "AND", "OR", "NOT", "ISBLANK",
    "ISNUMBER", "ISERROR", "ISTEXT", "TODAY",
})
# functions that join texts: a helper column putting a split name together ('=TRIM(B8&" "&C8)')
JOINING = frozenset({"CONCATENATE", "CONCAT", "TEXTJOIN", "TRIM", "PROPER", "UPPER", "LOWER"})
_REFERENCE = re.compile(r"(?<![A-Za-z0-9_.])\$?([A-Za-z]{1,3})\$?([0-9]+)(?![0-9A-Za-z_(])")
BRANCHING = frozenset({"IF", "IFS"})  # their result is whatever their branches give
_STRING = re.compile(r'"(?:[^"]|"")*"')
_FUNCTION = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)\s*\(")
_BARE_REFERENCE = re.compile(r"^\s*[+=]*\s*\$?[A-Za-z]{1,3}\$?\d+\s*$")
_OPERATOR = re.compile(r"[-+*/^]")
_ROW_OF_REFERENCE = re.compile(r"(?<![A-Za-z0-9_.$])\$?[A-Za-z]{1,3}\$?([0-9]+)(?![0-9A-Za-z_(])")
_DAY_MONTH = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}")
UNUSED = ("Trang «{sheet}»: cột {letter}{label}{hidden} chỉ có công thức chưa có giá trị đã tính ({count} ô: {cells}; "
          "tệp do phần mềm ghi ra mà không tính công thức). Không trường nào đọc cột này nên các công thức đó không "
          "được dùng; các bản ghi lấy từ các cột khác.")


def computes_number(formula: str) -> bool:
    """Whether a formula (without its '=') computes a number from cells: counts, sums, ratios, date parts."""
    if not formula or not formula.strip():
        return False
    texts = _STRING.findall(formula)
    bare = _STRING.sub('""', formula)
    if "!" in bare or "&" in bare or "[" in bare or _BARE_REFERENCE.match(bare):
        return False
    names = {name.upper().removeprefix("_XLFN.").removeprefix("_XLWS.") for name in _FUNCTION.findall(bare)}
    if not names <= NUMERIC:
        return False
    if names & BRANCHING and any(text.strip('"') for text in texts):
        return False  # IF(…, "Trùng", "") gives text
    return bool(names) or bool(_OPERATOR.search(bare.lstrip("=+")))


def reads_own_row(formula: str, row: int) -> bool:
    """Whether a formula works on its own row (1-based): a cell of that row among its references, or ROW(). A
    helper column computes something of each row; a totals line works on the rows above it."""
    bare = _STRING.sub('""', formula or "")
    if re.search(r"\bROW\s*\(\s*\)", bare, re.IGNORECASE):
        return True
    return any(int(number) == row for number in _ROW_OF_REFERENCE.findall(bare))


def joins_own_row(formula: str, row: int, rows: list[list]) -> bool:
    """Whether a formula only joins cells of its own row (0-based `row`) that hold a text ('=B8&" "&C8',
    '=CONCATENATE(B8;" ";C8)', '=TRIM(B8&" "&C8)'): what it gives, a name put together, the cells give anyway."""
    bare = _STRING.sub('""', formula or "").strip().lstrip("=+").strip()
    if not bare or "!" in bare or "[" in bare:
        return False
    names = {name.upper().removeprefix("_XLFN.") for name in _FUNCTION.findall(bare)}
    if not names <= JOINING or (not names and "&" not in bare):
        return False
    references = _REFERENCE.findall(bare)
    rest = _REFERENCE.sub("", _FUNCTION.sub("", bare))
    if not references or re.sub(r'[&,;()\s"]|TRUE|FALSE', "", rest, flags=re.IGNORECASE):
        return False  # anything but references, strings, '&' and the joining functions
    for letters, number in references:
        col = column_index(letters)
        if int(number) != row + 1 or row >= len(rows) or col >= len(rows[row]) \
                or not isinstance(rows[row][col], str) or not rows[row][col].strip():
            return False
    return True


def _header_rows(rows: list[list], first: int) -> list[int]:
    """The rows just above the first formula down to the first blank row, at most HEADER_DEPTH."""
    found = []
    for number in range(first - 1, max(-1, first - 1 - HEADER_DEPTH), -1):
        if number >= len(rows) or all(is_blank(cell) for cell in rows[number]):
            break
        found.append(number)
    return sorted(found)


def _text(cell) -> str:
    return clean_text(cell) or "" if isinstance(cell, str) else ""


def _label(rows: list[list], spans: list, header: list[int], col: int) -> tuple[str, str, list[tuple[int, int]]]:
    """(own header, parent header, the cells holding them) of a column over the given header rows; a range merged
    over the whole header (a title line just above it) is no parent."""
    own = [(number, col) for number in header if col < len(rows[number]) and _text(rows[number][col])]
    width = max((sum(1 for cell in rows[number] if _text(cell)) for number in header), default=0)
    parents = [(top, left) for top, left, _, right, _ in spans
               if top in header and left < col <= right and right - left + 1 < width]
    return _joined(rows, own), _joined(rows, parents), own + parents


def _joined(rows: list[list], cells: list[tuple[int, int]]) -> str:
    """The cells' texts, one cell merged down over two rows (filled in by a working copy) said once."""
    texts = [_text(rows[r][c]) for r, c in cells]
    return " ".join(text for index, text in enumerate(texts) if not index or text != texts[index - 1])


def _fields(*labels: str, specs) -> set[str]:
    return {field for label in labels if label for field in [match_field(label, specs)] if field}


def _others(rows: list[list], spans: list, header: list[int], col: int, skipped: set[int], specs) -> set[str]:
    """The fields the other columns' headers name over the same header rows."""
    named = set()
    for number in header:
        for index, cell in enumerate(rows[number]):
            if index != col and index not in skipped and _text(cell):
                named |= _fields(_text(cell), specs=specs)
    for top, left, _, right, text in spans:
        if top in header and not left <= col <= right and left not in skipped:
            named |= _fields(_text(text), specs=specs)
    return named


def _candidates(sheet: SheetData) -> dict[int, list[tuple[int, int]]]:
    """Columns whose cells from the first formula to the last are formulas without a result or blank."""
    by_column: dict[int, list[tuple[int, int]]] = {}
    for row, col in sheet.uncached:
        if row >= 0:
            by_column.setdefault(col, []).append((row, col))
    found = {}
    for col, cells in by_column.items():
        cells.sort()
        first, last = cells[0][0], cells[-1][0]
        if len(cells) < MIN_CELLS or any(col < len(row) and not is_blank(row[col])
                                         for row in sheet.rows[first:last + 1]):
            continue
        texts = [sheet.formula_texts.get(cell, "") for cell in cells]
        if all(computes_number(text) and reads_own_row(text, row + 1) for text, (row, _) in zip(texts, cells)) \
                or all(joins_own_row(text, row, sheet.rows) for text, (row, _) in zip(texts, cells)):
            found[col] = cells
    return found


def set_aside_helper_formulas(sheet: SheetData, specs) -> bool:
    """Leave aside the helper columns of formulas no record reads (see the module docstring); True when any was."""
    if not sheet.uncached or sheet.rows is not sheet.uncached_rows:
        return False
    rows, spans = sheet.rows, [span for span in sheet.spans if len(span) == 5]
    candidates = _candidates(sheet)
    aside: dict[int, tuple[str, list[tuple[int, int]]]] = {}
    for col, cells in candidates.items():
        header = _header_rows(rows, cells[0][0])
        if any(col < len(rows[number]) and not is_blank(rows[number][col]) and not isinstance(rows[number][col], str)
               for number in header):
            continue  # a number or date over the first formula: the column holds data above it, not its header
        own, parent, held = _label(rows, spans, header, col)
        if len({rows[number][index] for number, index in held if index == col}) > MAX_OWN_CELLS:
            continue  # more texts over the formulas than a header holds: they are data
        full = f"{parent} {own}".strip()
        if month_of_header(own, parent or None) or _DAY_MONTH.search(full):
            continue  # a meeting's column: its marks are what the records read
        fields = _fields(own, full, specs=specs)
        if fields and not fields <= _others(rows, spans, header, col, set(candidates), specs):
            continue
        aside[col] = (own or parent, cells, [cell for cell in held if cell[1] == col])
    if not aside:
        return False
    rows = list(rows)
    for col, (_, _, held) in aside.items():
        for number, _ in held:
            rows[number] = list(rows[number])
            rows[number][col] = None
    left = {cell for _, cells, _ in aside.values() for cell in cells}
    sheet.rows = sheet.uncached_rows = rows
    sheet.uncached = tuple(cell for cell in sheet.uncached if cell not in left)
    sheet.unused_formulas = tuple((col, label, tuple(cells), col in sheet.hidden_columns)
                                  for col, (label, cells, _) in sorted(aside.items()))
    return True


def unused_formula_warnings(sheet: SheetData) -> list[dict]:
    """One warning per helper column left aside, naming it and its formulas."""
    warnings = []
    for col, label, cells, hidden in sheet.unused_formulas:
        letter = column_letter(col)
        named = ", ".join(f"{letter}{row + 1}" for row, _ in cells[:SHOWN_CELLS])
        named += f" … {letter}{cells[-1][0] + 1}" if len(cells) > SHOWN_CELLS else ""
        warnings.append({"sheet": sheet.name, "row": None, "column": letter, "field": None, "value": label or None,
                         "message": UNUSED.format(sheet=sheet.name, letter=letter,
                                                  label=f" «{label}»" if label else "",
                                                  hidden=" (cột ẩn)" if hidden else "", count=len(cells),
                                                  cells=named)})
    return warnings
