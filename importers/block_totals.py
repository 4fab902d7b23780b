"""The total line under one meeting's block ("Cộng: 12 đồng chí", "Cộng: 9/11 đảng viên dự", "Tổng số: 8, có mặt
6") and whether it agrees with the block's rows. Most count the people listed; some count only those who came
("Tổng số: có mặt 6 đ/c") or stayed away ("Tổng số vắng: 2"): the word before the number says which."""

import re
from typing import Any

from .legacy import decode_legacy
from .normalising import fold, is_blank
from .status_phrases import read_status

_TOTAL = re.compile(r"^(?:cong|tong cong|tong so|so luong)\b(\D*?)(\d{1,4})\b")
_OUT_OF = re.compile(r"(\d{1,4})\s*/\s*(\d{1,4})")
_NUMBER = re.compile(r"(?<!\d)(\d{1,4})(?!\d)")
_PRESENT = re.compile(r"\b(?:co mat|du|tham du|du hop|hien dien)\b")
_ABSENT = re.compile(r"\bvang\b")
LISTED, PRESENT, ABSENT = "listed", "present", "absent"
# The statuses a total of those who came, or of those who stayed away, may count: one who came late came.
COUNTED = {PRESENT: ({"present"}, {"present", "late"}), ABSENT: ({"excused", "absent"},)}


def block_total(row: list[Any]) -> tuple[int, str] | None:
    """(N, what it counts) of a block total row: LISTED, PRESENT or ABSENT; of 'Cộng: 9/11 đảng viên dự', the 11
    listed. None when the row is not a total."""
    texts = [cell for cell in row if isinstance(cell, str) and cell.strip()]
    match = _TOTAL.match(fold(decode_legacy(texts[0]))) if len(texts) == 1 else None
    if match is None:
        return None
    out_of = _OUT_OF.search(texts[0])
    if out_of and int(out_of.group(1)) == int(match.group(2)):
        return (int(out_of.group(2)), LISTED) if int(out_of.group(1)) <= int(out_of.group(2)) else None
    words = match.group(1)
    what = PRESENT if _PRESENT.search(words) else ABSENT if _ABSENT.search(words) else LISTED
    return int(match.group(2)), what


def total_count(row: list[Any]) -> int | None:
    """N of a block total row (whatever it counts), else None."""
    total = block_total(row)
    return total[0] if total else None


def total_numbers(row: list[Any]) -> list[int]:
    """Every number a total row gives ('Tổng cộng: 3 đoàn, 19 đồng chí' → [3, 19]); [] when the row is no total.
    A line under several blocks may count the blocks as well as the people of them all."""
    if block_total(row) is None:
        return []
    text = next(cell for cell in row if isinstance(cell, str) and cell.strip())
    return [int(number) for number in _NUMBER.findall(text)]


def total_agrees(total: tuple[int, str], block: list[int], rows: list[list[Any]], statuses: list[int],
                 labels: list[str | None], marks: dict[str, str]) -> bool:
    """A block total counts the block's people, or those of them with a mark (one on leave, unmarked, is not
    counted); a total of those who came (or stayed away) counts the rows whose status says so."""
    count, what = total
    marked = [number for number in block if _filled(rows[number], statuses)]
    if what == LISTED:
        return count in (len(block), len(marked))
    read = [_status(rows[number], statuses, labels, marks) for number in block]
    return any(count == sum(1 for status in read if status in wanted) for wanted in COUNTED[what])


def _filled(row: list[Any], statuses: list[int]) -> list[int]:
    return [index for index in statuses if index < len(row) and not is_blank(row[index])]


def _status(row: list[Any], statuses: list[int], labels: list[str | None], marks: dict[str, str]) -> str | None:
    """The status of one row: its one status cell read, or, with a column per status, the filled column's label."""
    filled = _filled(row, statuses)
    if len(statuses) == 1:
        return read_status(row[filled[0]], marks).status if filled else None
    return read_status(labels[filled[0]] or "", marks).status if len(filled) == 1 else None
