"""A second table under the first one's total, with the same header, that adds to the same list: "DANH SÁCH BỔ
SUNG THÀNH VIÊN ĐOÀN CÔNG TÁC", "Danh sách … (tiếp theo)". Its caption names no unit or group (the rows carry their
own), so only its wording says the people belong with the first table's: without such a word (a printed page's
"Trang 2", or another list under the same header) the reading stops at the total as before and the rows below are
warned about. A caption speaking of people who left or are exempt ("… thôi tham gia Đoàn", "miễn sinh hoạt") is
never read as more of the list."""

import re

from .kinds.withdrawn import has_left
from .locating import is_stop_text
from .normalising import fold, is_blank
from .status_phrases import EXEMPT_PHRASES

CAPTION_ROWS = 6  # caption lines and blank spacers between a table's total and the next table's header
_ADDS = re.compile(r"\b(?:bo sung|tiep theo)\b|\btiep$")


def caption_rows(grid, top: int, floor: int) -> list[tuple[int, str]]:
    """The lone text lines (blank rows between skipped) just above a header row `top`, not below `floor` and not
    past a total line, nearest first."""
    found = []
    for row in range(top - 1, max(floor - 1, top - 1 - CAPTION_ROWS), -1):
        texts = [cell for cell in grid[row] if not is_blank(cell)]
        if not texts:
            continue
        if len(texts) > 1 or not isinstance(texts[0], str) or is_stop_text(texts[0]):
            break
        found.append((row, texts[0].strip()))
    return found


def adds_to_list(texts: list[str]) -> bool:
    """Whether a later table's caption says it adds to the list above it, and not about people who left."""
    folded = [fold(text) for text in texts]
    if any(has_left(text) for text in texts) or any(phrase in text for phrase in EXEMPT_PHRASES for text in folded):
        return False
    return any(_ADDS.search(text) for text in folded)
