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

# Titles that head a signature and are never a person's role or position in a row of the table (folded)
_SIGNER_ONLY = re.compile(r"^(?:nguoi lap(?: bieu| danh sach| bang)?|nguoi ghi(?: bien ban)?|xac nhan(?: cua .*)?"
                          r"|thu truong don vi)\s*$")
# A signer's title beside it: a few words, no digit, no sentence ("CHÁNH VĂN PHÒNG", "T/M BAN THƯỜNG VỤ")
_OTHER_TITLE = re.compile(r"[^\W\d_][^\d:;!?\n]{0,58}")


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
    """Whether a row's filled cells are signature titles: every one a title, or one a title no person's row holds
    ("NGƯỜI LẬP", "XÁC NHẬN CỦA …", "THỦ TRƯỞNG ĐƠN VỊ", "T/M ĐẢNG ỦY", in whatever column) beside other signers'
    titles of a few words without a digit ("CHÁNH VĂN PHÒNG", "TRƯỞNG BAN TỔ CHỨC")."""
    texts = [cell for cell in cells if isinstance(cell, str) and cell.strip()]
    if not texts or len(texts) != len(cells):
        return False
    if all(_TITLE.match(fold(text).strip()) for text in texts):
        return True
    signer = any(_SIGNER_ONLY.match(fold(text).strip()) or is_closing_text(text) for text in texts)
    return signer and all(_OTHER_TITLE.fullmatch(text.strip()) for text in texts)
