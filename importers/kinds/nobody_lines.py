"""A sentence under a block of an absences list saying that it lists nobody: "Không có đảng viên vắng mặt",
"Không có ai vắng", "Không có đồng chí nào vắng, muộn", "Tất cả đảng viên đều có mặt", "(Đủ 100%)". Typed where the
names go, it is a note on the block, not a person: the row is skipped with its reason and gives no record (its
members present are not listed either, as nowhere in such a list)."""

import re
from typing import Any

from ..normalising import clean_text, fold, is_blank

REASON = "dòng ghi chú (khối không có ai vắng mặt, đi muộn), không phải người"
_NOBODY = re.compile(
    r"^(?:khong co|khong)\s+(?:ai|dang vien|dong chi|d c|dv|nguoi|truong hop|thanh vien)\b.{0,40}"
    r"\b(?:vang|muon|nghi|tre)\b"
    r"|^(?:tat ca|toan bo|toan the|100)\b.{0,40}\b(?:co mat|du day du|tham du day du|du hop day du)\b"
    r"|^du 100\b"
)
MAX_LENGTH = 120


def is_nobody_text(value: Any) -> bool:
    """Text saying a block lists no absent or late member."""
    text = clean_text(value) if isinstance(value, str) else None
    return bool(text) and len(text) <= MAX_LENGTH and _NOBODY.match(fold(text)) is not None


def is_nobody_line(row: list[Any]) -> bool:
    """A row whose only text is such a sentence (a number beside it, the row's STT, aside)."""
    texts = [cell for cell in row if not is_blank(cell) and isinstance(cell, str) and not cell.strip().isdigit()]
    others = [cell for cell in row if not is_blank(cell) and not isinstance(cell, str)]
    return len(texts) == 1 and len(others) <= 1 and is_nobody_text(texts[0])
