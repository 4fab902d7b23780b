"""The officer's whole-column and whole-sheet corrections applied to a sheet's grid (see ``importers.corrections``):
cells of the table body are rewritten in place, and a part moved into a field, like a joined column, becomes a
new column at the right of the grid that the field is read from."""

import re
import unicodedata
from typing import Any

import numpy as np

from .errors import ImportFileError
from .locating import fill_vertical_merges
from .mapping import column_index, column_letter
from .normalising import fold, normalise_role
from .results import SheetData, Table

_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}")
_BRACKETS = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$")
_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*[,;:]\s*")
_GROUP_WORDS = ("doan", "to", "nhom")
_LABEL = re.compile(r"^([^:]{1,40}):\s*(\S.*)$")


def _fail(message: str):
    raise ImportFileError(message)


def transpose_sheets(sheets: list[SheetData]) -> None:
    """Persons across the top: each sheet read with its rows and columns swapped (merged cells filled first)."""
    for sheet in sheets:
        if not sheet.rows:
            continue
        fill_vertical_merges(sheet.rows, sheet.merges)
        sheet.merges = []
        width = max(map(len, sheet.rows))
        padded = [list(row) + [None] * (width - len(row)) for row in sheet.rows]
        sheet.rows = [list(column) for column in zip(*padded)]


def _text(value: Any) -> str:
    """A cell as NFC text, whole numbers without '.0', blank as ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _key(value: Any) -> str:
    return " ".join(_text(value).split()).casefold()


def _index(grid: np.ndarray, letter: str, what: str) -> int:
    index = column_index(letter)
    if index >= grid.shape[1]:
        _fail(f"{what}: cột {letter} không có trong bảng (bảng có {grid.shape[1]} cột).")
    return index


def _replace(grid: np.ndarray, start: int, item: dict, number: int) -> None:
    what = f"Thay thế thứ {number}"
    cells = grid[start:, _index(grid, item["column"], what)]
    target = _key(item["find"])
    hit = np.fromiter((_key(cell) == target for cell in cells), dtype=bool, count=len(cells))
    when = item.get("when")
    if when:
        other = grid[start:, _index(grid, when["column"], what)]
        filled = np.fromiter((_text(cell) != "" for cell in other), dtype=bool, count=len(other))
        hit &= filled if when["filled"] else ~filled
    cells[hit] = item["with"] or None


def keep_date(value: Any) -> Any:
    """The date written in a text cell, without the words around it ("Thứ Hai, 06/01/2025" -> "06/01/2025")."""
    if not isinstance(value, str):
        return value
    match = _DATE.search(value)
    return re.sub(r"\s+", "", match.group(0)) if match else value


def strip_part(value: Any, part: str, text: str) -> tuple[Any, str | None]:
    """The cell without its prefix, suffix or trailing parenthesis, and the part cut off (None if absent)."""
    if not isinstance(value, str):
        return value, None
    cell = _text(value)
    if part == "brackets":
        match = _BRACKETS.search(cell)
        if not match:
            return value, None
        return cell[:match.start()].strip(), match.group(1).strip() or None
    wanted = unicodedata.normalize("NFC", text).casefold()
    folded, size = cell.casefold(), len(wanted)
    # a text ending in a letter cuts whole words only: "Đ" is no prefix of "Đặng Văn An"
    if part == "prefix" and folded.startswith(wanted) \
            and not (wanted[-1].isalnum() and folded[size:size + 1].isalnum()):
        return cell[size:].strip(), cell[:size].strip()
    cut = len(cell) - size
    if part == "suffix" and folded.endswith(wanted) and not (wanted[0].isalnum() and folded[cut - 1:cut].isalnum()):
        return cell[:cut].strip(), cell[cut:].strip()
    return value, None


def split_lines(value: Any) -> tuple[str | None, str | None]:
    """The first line of a cell and the other lines joined ("Nguyễn Văn An\\nBí thư chi bộ")."""
    lines = [line.strip() for line in re.split(r"[\r\n]+", _text(value)) if line.strip()]
    return (lines[0] if lines else None), (" ".join(lines[1:]) or None)


def _is_role(text: str) -> bool:
    return normalise_role(text)[0] is not None


def split_role_group(value: Any) -> tuple[str | None, str | None]:
    """Role words and the group they belong to, in either order: "Trưởng Đoàn công tác số 2", "Phó trưởng đoàn số
    2", "Đoàn 3 - Thành viên"; the whole text as the role when no group can be told apart."""
    text = " ".join(_text(value).split())
    if not text:
        return None, None
    parts = [part for part in _SEPARATOR.split(text) if part.strip()]
    if len(parts) == 2:
        first, second = parts
        if _is_role(first) != _is_role(second):
            return (first, second) if _is_role(first) else (second, first)
    words = text.split(" ")
    for cut in range(len(words) - 1, 0, -1):  # the longest role before a word starting a group name
        if fold(words[cut]) in _GROUP_WORDS and _is_role(" ".join(words[:cut])):
            return " ".join(words[:cut]), " ".join(words[cut:])
    return text, None


def line_value(rows: list[list[Any]], row: int, sheet: str | None) -> str:
    """The text of a line of the sheet, a leading label such as "Đơn vị:" dropped."""
    where = f"trang \"{sheet}\"" if sheet else "tệp"
    if row > len(rows):
        _fail(f"Giá trị cho cả trang: dòng {row} nằm ngoài {where} (chỉ có {len(rows)} dòng).")
    text = " ".join(_text(cell) for cell in rows[row - 1] if _text(cell))
    if not text:
        _fail(f"Giá trị cho cả trang: dòng {row} của {where} trống.")
    match = _LABEL.match(text)
    return match.group(2).strip() if match else text


def sheet_value(item: dict, sheet: SheetData) -> str:
    """The value a sheet gives a field for all its records: its tab name, a line of it, or typed."""
    if item["from"] == "typed":
        return item["value"]
    if item["from"] == "row":
        return line_value(sheet.rows, item["row"], sheet.name)
    if not sheet.name:
        _fail("Giá trị cho cả trang: tệp CSV không có tên trang, hãy lấy từ một dòng hoặc nhập giá trị.")
    return sheet.name


def rewrite_columns(grid: np.ndarray, table: Table, fixes, sheet: SheetData, labels: dict[str, str]):
    """The grid after stripping, date cleaning, find-and-replace and splitting, with the columns they add; field ->
    new column index; and the whole-sheet values (field -> (column index, value)) for the body's data rows."""
    start, rows = table.body_start, grid.shape[0]
    added, mapping, fills = [], {}, {}

    def add(field: str, values, label: str) -> None:
        if not added:  # an added column's index is its label's index
            for names in (table.labels, table.parents):
                names.extend([""] * (grid.shape[1] - len(names)))
        column = np.full(rows, None, dtype=object)
        column[start:] = values
        mapping[field] = grid.shape[1] + len(added)
        added.append(column)
        table.labels.append(label)
        table.parents.append(label)

    for number, item in enumerate(fixes.strips, 1):
        index = _index(grid, item["column"], f"Bỏ phần đầu/cuối thứ {number}")
        pairs = [strip_part(cell, item["part"], item["text"]) for cell in grid[start:, index]]
        grid[start:, index] = [rest for rest, _ in pairs]
        if item["into"]:
            add(item["into"], [cut for _, cut in pairs], f"{column_letter(index)} ({labels.get(item['into'], '')})")
    for letter in fixes.dates:
        index = _index(grid, letter, "Chỉ giữ phần ngày")
        grid[start:, index] = [keep_date(cell) for cell in grid[start:, index]]
    for number, item in enumerate(fixes.replace, 1):  # on cleaned cells: "Vắng (ốm)" stripped reads "Vắng"
        _replace(grid, start, item, number)
    for number, item in enumerate(fixes.splits, 1):
        index = _index(grid, item["column"], f"Tách ô thứ {number}")
        split = split_lines if item["how"] == "lines" else split_role_group
        pairs = [split(cell) for cell in grid[start:, index]]
        for position, field in enumerate(item["into"]):
            add(field, [pair[position] for pair in pairs], f"{column_letter(index)} ({labels.get(field, '')})")
    for item in fixes.sheet_values:
        value = sheet_value(item, sheet)
        add(item["field"], [None] * (rows - start), f"{labels.get(item['field'], '')} (cả trang)")
        fills[item["field"]] = (mapping[item["field"]], value)
    if added:
        grid = np.hstack([grid, np.stack(added, axis=1)])
    return grid, mapping, fills


def fill_sheet_values(frame, fills: dict[str, tuple[int, str]]):
    """The body's data rows, each with the sheet's values (context and blank rows were set apart already)."""
    if not fills:
        return frame
    frame = frame.copy(deep=False)
    for index, value in fills.values():
        frame[index] = value
    return frame
