"""Sign-in sheets: a meeting's list where those present sign their name ("Ký tên") and a remark ("Ghi chú") says
why the others are absent ("Vắng có phép - ốm", "Vắng không lý do") or that a signer came late ("Đến muộn"). A
typed-up copy writes the signature as "(đã ký)", "Đã ký", "(ký)" or a tick. Such a sheet has no status column: the
status is the sign cell read with the remark (``importers.kinds.signin_status``)."""

import re
from typing import Any

from .normalising import fold, is_blank, mark_key

# folded headers of the sign column
SIGN_HEADERS = {"ky ten", "ky nhan", "chu ky", "ky", "ky xac nhan", "ky ten xac nhan", "ky ghi ro ho ten",
                "ky va ghi ro ho ten", "ky ten dang vien", "dai bieu ky ten", "ky diem danh", "ky du hop"}
_SIGNED = re.compile(r"^(?:da |co )?(?:ky|ky ten|ky nhan|chu ky)(?: roi)?$")  # folded: '(đã ký)', 'Đã ký tên'
SIGN_TICKS = {"x", "v", "✓", "✔", "√", "☑", "✅"}
MIN_SIGNED = 3  # a column with fewer signatures says too little to make the sheet a sign-in sheet


def is_sign_header(label: Any) -> bool:
    """A header naming the column where members sign ('Ký tên', 'Chữ ký', 'Ký nhận')."""
    return isinstance(label, str) and fold(label) in SIGN_HEADERS


def is_signed(value: Any) -> bool:
    """A sign cell holding a signature as typed up ('(đã ký)', 'Đã ký', '(ký)') or a tick."""
    if is_blank(value) or not isinstance(value, str):
        return False
    return bool(_SIGNED.match(fold(value))) or mark_key(value).lower() in SIGN_TICKS


def signs_only(cells: list[Any]) -> bool:
    """Whether every filled cell of a column is a signature, MIN_SIGNED of them at least."""
    filled = [cell for cell in cells if not is_blank(cell)]
    return len(filled) >= MIN_SIGNED and all(is_signed(cell) for cell in filled)
