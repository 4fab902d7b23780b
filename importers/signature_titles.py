"""The titles heading a signature block ("THƯ KÝ", "BÍ THƯ", "T/M CHI BỘ", "NGƯỜI LẬP BIỂU"): a row of only such
titles under a totals line starts the signatures, it is no person's row that would keep the table going.

A document's closing block opens with the recipients ("Nơi nhận:"), the signer's mandate ("T/M ĐẢNG ỦY", "TM. BAN
THƯỜNG VỤ", "KT. BÍ THƯ", "Q. CHỦ TỊCH") or the filing line ("- Lưu VP.", "Lưu: VT"): text opening so ends the table
in whatever column it stands (``CLOSING_PATTERN``, part of the stop wordings of ``kinds.body`` and ``locating``)."""

import re
from typing import Any

from .normalising import fold

_TITLE = re.compile(
    r"^(?:t\s*/?\s*m|k\s*/?\s*t|q)?\.?\s*(?:pho\s+)?(?:bi thu|thu ky|chu toa|chu tri|nguoi lap(?: bieu)?|"
    r"nguoi ghi(?: bien ban)?|truong doan|chu tich|thu truong(?: don vi)?|xac nhan(?: cua .*)?|"
    r"ban chi uy|chi bo|dang uy|doan cong tac)\s*$"
)


# Raw text, case aside; "Lưu" is also a surname, so the filing line needs its colon or an office's initials after it.
CLOSING_PATTERN = (r"nơi nhận|t[^\S\n]*[/.][^\S\n]*m\b|tm\.|kt\.|k[^\S\n]*/[^\S\n]*t\b"
                   r"|q\.[^\S\n]*(?:bí thư|chủ tịch|trưởng|giám đốc)"
                   r"|[-–•+]?[^\S\n]*lưu[^\S\n]*(?::|[^\S\n](?:vt|vp|hs|văn thư|văn phòng|hồ sơ)\b)")
CLOSING_REASON = "khối nơi nhận, ký tên cuối văn bản"
_CLOSING = re.compile(rf"^\s*(?:{CLOSING_PATTERN})", re.IGNORECASE)


def is_closing_text(text: Any) -> bool:
    """Whether a cell opens a document's closing block ("Nơi nhận:", "T/M ĐẢNG ỦY", "KT. BÍ THƯ", "- Lưu VP.")."""
    return isinstance(text, str) and _CLOSING.match(text) is not None


def is_signature_row(cells: list[Any]) -> bool:
    """Whether every filled cell of a row is a signature title."""
    texts = [cell for cell in cells if isinstance(cell, str) and cell.strip()]
    return bool(texts) and len(texts) == len(cells) and all(_TITLE.match(fold(text).strip()) for text in texts)
