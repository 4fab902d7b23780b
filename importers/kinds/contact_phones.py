"""A contact column ('Liên hệ', 'Số liên hệ', 'Thông tin liên hệ') in a roster with no phone column:
when what it holds is phone numbers, mobiles or landlines ('0831 736 673', '0292.3034.617'), it is the phone
column. A contact column holding anything else (labelled numbers 'ĐT: …', an e-mail, an address) is left to the
labelled-values reader (note_values), which takes what is labelled and names what is not."""

import re
from typing import Any

from ..column_types import filled_count, share
from ..normalising import fold, normalise_phone
from .roster_stage import RosterStage

_CONTACT = re.compile(r"^(?:(?:so|thong tin|so dt|dt)\s+)?lien he$")
_BARE_PHONE = re.compile(r"\(?\+?\d[\d .\-()]{7,16}\d")
PHONE_SHARE = 0.9  # of the filled cells, those that must be a phone number and nothing else
MIN_PHONES = 2


def is_bare_phone(value: Any) -> bool:
    """A cell holding one phone number and nothing else (a whole number is a phone typed as a number)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return False
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()
    return bool(_BARE_PHONE.fullmatch(text)) and normalise_phone(text)[1] is None


def contact_phone_column(stage: RosterStage) -> None:
    """Map a contact column of phone numbers as the phone, when no column is headed as one."""
    if stage.mapped("phone") is not None:
        return
    for column in stage.columns:
        if column.field is not None or column.month or column.index not in stage.frame.columns \
                or not _CONTACT.match(" ".join(fold(column.header or "").split())):
            continue
        values = stage.frame[column.index]
        if filled_count(values) >= MIN_PHONES and share(values, is_bare_phone) >= PHONE_SHARE:
            column.field = "phone"
            return
