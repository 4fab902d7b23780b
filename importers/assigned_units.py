"""A unit cell that says how the group relates to the unit before naming it: '(phụ trách Chi bộ ấp Mỹ Hòa)' (the
second line of a cell 'Đoàn số 1' over it), 'Phụ trách: Xã Chế Tạo', 'Được phân công theo dõi Chi bộ thôn 3'. The
unit is the name after the wording, brackets round the whole cell dropped. A wording followed by no capitalised
name names no unit this way and is kept as typed, for the checks to show; nor does a one-word wording with no ':'
after it, which may begin a place's name ('Giao Thủy'). The wording of a general charge ('Phụ trách chung', 'Theo
dõi chung': a head who follows no one unit) names no unit of its own: the cell gives none, and counts as blank
where the group's row names the group's unit ("Đoàn công tác số 1 - Đảng bộ …"), which the head then follows.

A label of a few words that ends in such a wording and is set off by ':' or a dash ("CS phụ trách: …", "Chi bộ phụ
trách - …", "Nơi sinh hoạt: …") is dropped too, when what follows names a party organisation ("Chi bộ …", "Đảng bộ
…"): a unit text never keeps its label. A party organisation's name typed all in lower case ("chi bộ tổ dân phố
11", as a form's answers often are) is spelt as in capitals ("Chi bộ Tổ dân phố 11": ``importers.unit_words``).
Every unit a record takes passes through `unit_text`."""

import re
from typing import Any

from .chi_bo_short import written_out_chi_bo
from .context import ASSIGNED
from .normalising import clean_text, fold, usual_case_unit
from .unit_remarks import without_remark, without_remark_tail

_LEAD = re.compile(rf"(?:{ASSIGNED})")
_LABEL = re.compile(r"(?:\w+ ){0,4}(?:duoc )?(?:phu trach|theo doi|phan cong|giao|sinh hoat|dia ban|don vi|co so"
                    r"|chi bo|dang bo)")
_ORGANISATION = re.compile(r"(?:chi bo|dang bo|dang uy|chi uy|to chuc co so dang|to dang)\b")
_GENERAL = re.compile(r"(?:phu trach|theo doi|chi dao)(?: va (?:phu trach|theo doi|chi dao))? chung")
MAX_LEAD_WORDS = 5


def _unbracketed(text: str) -> str:
    """The text without the brackets round it whole ("(phụ trách Chi bộ Thôn 1 (họp ngày 5))": the opening one
    closes at the end); else as it is."""
    if text[:1] not in "([" or text[-1:] not in ")]":
        return text
    depth = 0
    for at, char in enumerate(text):
        depth += (char in "([") - (char in ")]")
        if depth == 0 and at < len(text) - 1:
            return text
    return text[1:-1].strip() if depth == 0 else text


def is_general_charge(value: Any) -> bool:
    """'Phụ trách chung', '(Theo dõi chung)', 'Chỉ đạo chung': a charge over the whole group's area, no one unit."""
    return isinstance(value, str) and bool(_GENERAL.fullmatch(fold(_unbracketed(clean_text(value) or ""))))


def assigned_unit(value: Any) -> Any:
    """The unit a cell names after its assignment wording, else the cell cleaned as typed (not text: unchanged)."""
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    if not text:
        return text
    if is_general_charge(text):
        return None
    words = _unbracketed(text).split(" ")
    for size in range(min(MAX_LEAD_WORDS, len(words) - 1), 0, -1):
        lead, rest = " ".join(words[:size]), " ".join(words[size:])
        named = rest.lstrip(":=–- ")
        separated = lead.endswith(":") or named != rest
        folded = fold(lead)
        if _LEAD.fullmatch(folded) and named[:1].isupper() and (separated or " " in folded):
            return named
        if separated and _LABEL.fullmatch(folded) and _ORGANISATION.match(fold(written_out_chi_bo(named))):
            return named
    return text


def unit_text(value: Any) -> Any:
    """A unit as a record holds it: text cleaned, without the assignment wording or label before the name; a party
    organisation's name typed all in lower case or all in capitals is spelt as the unit lexicon spells a title
    line's ("CHI BỘ KHU PHỐ 5" -> "Chi bộ Khu phố 5"); an opening 'CB' before a place is "Chi bộ"
    (``importers.chi_bo_short``); a remark in brackets after the name is left out ("Chi bộ Thôn 1 (họp ngày 05 hằng
    tháng)" -> "Chi bộ Thôn 1"), a place in brackets kept (``importers.unit_remarks``)."""
    if not isinstance(value, str):
        return clean_text(value)
    text = assigned_unit(without_remark_tail(value))  # "Chi bộ Thôn 1 | SH ngày 5 hằng tháng": no part of the name
    if isinstance(text, str):
        text = written_out_chi_bo(without_remark(text))  # "CB thôn Ma Cái" -> "Chi bộ Thôn Ma Cái"
    if isinstance(text, str) and _ORGANISATION.match(fold(text)):
        return usual_case_unit(text)  # "CHI BỘ KHU PHỐ 5", "chi bộ tổ dân phố 11" -> as a title line spells them
    return text
