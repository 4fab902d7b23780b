"""The titles heading a signature block ("THƯ KÝ", "BÍ THƯ", "T/M CHI BỘ", "NGƯỜI LẬP BIỂU"): a row of only such
titles under a totals line starts the signatures, it is no person's row that would keep the table going."""

import re
from typing import Any

from .normalising import fold

_TITLE = re.compile(
    r"^(?:t\s*/?\s*m|k\s*/?\s*t|q)?\.?\s*(?:pho\s+)?(?:bi thu|thu ky|chu toa|chu tri|nguoi lap(?: bieu)?|"
    r"nguoi ghi(?: bien ban)?|truong doan|chu tich|thu truong(?: don vi)?|xac nhan(?: cua .*)?|"
    r"ban chi uy|chi bo|dang uy|doan cong tac)\s*$"
)


def is_signature_row(cells: list[Any]) -> bool:
    """Whether every filled cell of a row is a signature title."""
    texts = [cell for cell in cells if isinstance(cell, str) and cell.strip()]
    return bool(texts) and len(texts) == len(cells) and all(_TITLE.match(fold(text).strip()) for text in texts)
