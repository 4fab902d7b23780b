"""Sub-column headings naming what was before a reorganisation: "Số cũ (trước 01/7/2025)" beside "Số mới" under
"Đoàn công tác", "Chi bộ cũ". Such a column is kept for comparison; it never gives the field its parent names."""

import re
import unicodedata

_FORMER = re.compile(r"(?<!\w)(?:cũ|trước)(?!\w)")


def is_former_label(label: str | None) -> bool:
    """True for a heading that says its values are the former ones ('Số cũ', 'Đơn vị trước sắp xếp')."""
    return bool(label) and bool(_FORMER.search(unicodedata.normalize("NFC", label).lower()))
