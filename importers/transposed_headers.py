"""Around the people's columns of a transposed register: a second header row under the names, and a count column.

A register may give each member's post or chi bộ in the row under the names ("Bí thư / Phó Bí thư / Đảng viên",
the dates column merged down over both rows). That row is the last header row, not a meeting: the names are
looked for in the row above it. Cells that read as units ("Chi bộ Khoa Dược") become each member's unit; any other
wording (posts) is no attendance field and is left out with a note saying so.

A column headed by a count or status word ("Có mặt", "Số có mặt", "Tổng", "Cộng") whose cells are whole numbers is
the number present at each meeting, not a member: it is left out with a note, never read as marks."""

from typing import Any

from .context import read_context
from .kinds.subtotals import counts_only
from .legends import meaning_to_status
from .mapping import column_letter
from .normalising import clean_text, fold, is_blank
from .period_labels import is_subtotal_label

COUNT_WORDS = ("tong so", "tong cong", "tong hop", "so ", "ty le", "cong ", "tong ", "quan so ")


def sub_header(rows: list[list], col: int, first: int) -> bool:
    """The row right above the dates is a second header row: its cell in the dates column is blank (merged down
    from the row above) and some other cell is filled."""
    if first < 2:
        return False
    row = rows[first - 1]
    return (col >= len(row) or is_blank(row[col])) and any(not is_blank(cell) for cell in row)


def reads_as_units(cells: list[Any]) -> bool:
    """Every filled cell of the second header row names a unit ('Chi bộ …'), at least one filled."""
    filled = [cell for cell in cells if not is_blank(cell)]
    return bool(filled) and all((read_context(cell) or {}).get("unit") for cell in filled)


def sub_header_note(row: int, cells: list[Any]) -> dict:
    shown = ", ".join(dict.fromkeys(clean_text(cell) for cell in cells if not is_blank(cell)))
    return {"what": "Bố cục", "value": f"dòng {row} dưới họ tên ({shown}) không phải buổi họp",
            "source": "dòng tiêu đề thứ hai của bảng điểm danh xoay ngang (chức vụ), không có trường nào đọc"}


def is_count_label(cell: Any) -> bool:
    """A header naming a count ('Tổng', 'Số có mặt', 'Cộng', 'Quân số') or a status whose number it gives ('Có
    mặt')."""
    text = clean_text(cell) if isinstance(cell, str) else None
    if not text:
        return False
    folded = fold(text) + " "
    return is_subtotal_label(text) or folded.startswith(COUNT_WORDS) or meaning_to_status(text) is not None


def count_columns(rows: list[list], headers: list[int], col: int, first: int, end: int,
                  people: list[int]) -> list[dict]:
    """A note for each column right of `col`, not a person's, headed by a count word (in any header row) over whole
    numbers in the dates' rows: the number present at each meeting, left out."""
    notes = []
    width = max(len(row) for row in rows[headers[0]:end])
    for index in range(col + 1, width):
        labels = [rows[at][index] for at in headers if index < len(rows[at]) and not is_blank(rows[at][index])]
        cells = [row[index] if index < len(row) else None for row in rows[first:end]]
        if index in people or not labels or not is_count_label(labels[0]) or not counts_only(cells):
            continue
        notes.append({"what": "Cột bỏ qua", "value": f"cột {column_letter(index)} «{clean_text(labels[0])}»",
                      "source": "cột đếm số người mỗi buổi họp, không phải một đảng viên — không nhập"})
    return notes
