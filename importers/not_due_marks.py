"""Legend marks for a person not due at a meeting: "CĐ = đã chuyển sinh hoạt đảng đi (không điểm danh)", "MSH =
được miễn sinh hoạt (không điểm danh)", "CKN = chưa kết nạp", "QĐ = đã qua đời". Such a mark is no status: the
cell gives no record (never a status guessed for it, never the status a legend gives blank cells), and one warning
per mark names it, its meaning and its cells. A legend line of its own under the table (often the second line of
the legend, without its "Ký hiệu:") is read for them as well as the legend. A meaning that also names a status
("vắng, không điểm danh") is no such mark; "miễn sinh hoạt" alone stays the exempt status
(``importers.legends``): only a meaning saying the cell is not marked ("không điểm danh") leaves it out."""

import re
import unicodedata
from typing import Any

from .legends import SHAPES, legend_items, meaning_to_status
from .normalising import fold, mark_key

# Folded wordings of a meaning saying the person was not due: not roll-called, moved away, not yet admitted, died.
NOT_DUE = re.compile(r"\b(?:khong diem danh|khong phai diem danh|chua ket nap|qua doi|tu tran|da mat"
                     r"|(?:chua|khong) thuoc dien sinh hoat"
                     r"|chuyen\b(?: \w+){0,4} (?:di|ra|khoi))\b")
NOT_DUE_READ = ("ký hiệu «{mark}» ({count} ô: {cells}) theo ghi chú của tệp là «{meaning}»: người đó không phải dự "
                "buổi sinh hoạt này, các ô đó không thành bản ghi điểm danh")
SHOWN_CELLS = 3


def is_not_due(meaning: str) -> bool:
    """Whether a legend meaning says the person was not due at the meeting (and names no attendance status)."""
    return bool(NOT_DUE.search(fold(meaning))) and meaning_to_status(meaning) in (None, "exempt")


def not_due_marks(texts: list[Any]) -> dict[str, str]:
    """{mark key: meaning as written} of the legend items, in the given text cells, whose meaning says the person
    was not due; a mark given two different meanings is left out (its cells stay refused)."""
    found: dict[str, set] = {}
    for text in texts:
        if not isinstance(text, str) or len(text) > 400:
            continue
        for item in legend_items(unicodedata.normalize("NFC", text)):
            for pattern, mark_group, meaning_group in SHAPES[:2]:  # the mark written first: "CĐ = …", "(CĐ) …"
                match = pattern.match(item.strip())
                if match:
                    meaning = match.group(meaning_group).strip().rstrip(".;").strip()
                    if is_not_due(meaning):
                        found.setdefault(mark_key(match.group(mark_group)), set()).add(meaning)
                    break
    return {mark: meanings.pop() for mark, meanings in found.items() if len(meanings) == 1}


def not_due_cells(marks, table: dict[str, str]) -> dict[str, list[int]]:
    """{mark key: positions} of the cells holding a mark the table says is not due."""
    found: dict[str, list[int]] = {}
    if not table:
        return found
    for position, value in enumerate(marks):
        if isinstance(value, str) and value.strip():
            key = mark_key(value)
            if key in table:
                found.setdefault(key, []).append(position)
    return found


def not_due_warning(mark: str, meaning: str, cells: list[str]) -> str:
    shown = ", ".join(cells[:SHOWN_CELLS]) + ("…" if len(cells) > SHOWN_CELLS else "")
    return NOT_DUE_READ.format(mark=mark, count=len(cells), cells=shown, meaning=meaning)
