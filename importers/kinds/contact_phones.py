"""A contact column ('Liên hệ', 'Số liên hệ', 'Thông tin liên hệ', 'Liên lạc', 'Contact') in a roster with no phone
column: when what it holds is (nearly all) phone numbers, mobiles or landlines ('0831 736 673', '0292.3034.617',
'+84706859938'), perhaps with the messaging app they reach ('Zalo: +84 840 171 712', '0908 479 434 (Zalo)'), it is
the phone column: the app's name is dropped, and the few cells holding something else are left blank and named in
a warning. A contact column holding anything else (labelled numbers 'ĐT: …', an e-mail, an address) is left to the
labelled-values reader (note_values), which takes what is labelled and names what is not."""

import re
from typing import Any

import pandas as pd

from ..column_types import filled_count, share
from ..english_headers import english_header
from ..normalising import fold, is_blank, normalise_phone
from .roster_stage import RosterStage

_CONTACT = re.compile(r"^(?:(?:so|thong tin|so dt|dt)\s+)?(?:lien he|lien lac)$")
_BARE_PHONE = re.compile(r"\(?\+?\d[\d .\-()]{7,16}\d")
# The messaging app a number reaches, before it ('Zalo: …', 'Zalo …') or after it ('… (Zalo)', '… - Zalo')
_APP = r"(?:zalo|viber|whatsapp|telegram)"
_APP_LABEL = re.compile(rf"^\s*{_APP}\s*[:\-–]?\s*|\s*(?:\(\s*{_APP}\s*\)|[-–]\s*{_APP})\s*$", re.IGNORECASE)
PHONE_SHARE = 0.9  # of the filled cells, those that must be a phone number and nothing else
MIN_PHONES = 2
EXAMPLES = 5
OTHERS = ("cột {letter} «{header}» được đọc là số điện thoại vì gần hết các ô là số điện thoại; {count} ô không phải "
          "số điện thoại nên để trống ({cells}); hãy kiểm tra lại")


def _number(value: Any) -> Any:
    """The cell without the messaging app named beside its number."""
    return _APP_LABEL.sub("", value) if isinstance(value, str) else value


def is_bare_phone(value: Any) -> bool:
    """A cell holding one phone number and nothing else (a whole number is a phone typed as a number)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return False
    value = _number(value)
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()
    return bool(_BARE_PHONE.fullmatch(text)) and normalise_phone(text)[1] is None


def _is_contact(header: str) -> bool:
    folded = " ".join(fold(header).split())
    return bool(_CONTACT.match(folded) or _CONTACT.match(english_header(folded) or ""))


def contact_phone_column(stage: RosterStage) -> None:
    """Map a contact column of phone numbers as the phone, when no column is headed as one."""
    if stage.mapped("phone") is not None:
        return
    for column in stage.columns:
        if column.field is not None or column.month or column.index not in stage.frame.columns \
                or not _is_contact(column.header or ""):
            continue
        values = stage.frame[column.index]
        if filled_count(values) >= MIN_PHONES and share(values, is_bare_phone) >= PHONE_SHARE:
            column.field = "phone"
            _keep_numbers(stage, column, values)
            return


def _keep_numbers(stage: RosterStage, column, values: pd.Series) -> None:
    """The column's numbers without their app's name; the cells that are no phone blanked, and named."""
    others = [row for row in values.index if not is_blank(values[row]) and not is_bare_phone(values[row])]
    numbers = values.map(_number)
    if others:
        numbers = numbers.where(~values.index.isin(others), None)
        shown = ", ".join(f"{column.letter}{row} «{' '.join(str(values[row]).split())}»" for row in others[:EXAMPLES])
        text = OTHERS.format(letter=column.letter, header=column.header, count=len(others),
                             cells=shown + (", …" if len(others) > EXAMPLES else ""))
        stage.issues.warning(int(others[0]), column.letter, "phone", values[others[0]] if len(others) == 1 else None,
                             text)
    stage.write(column, numbers)
