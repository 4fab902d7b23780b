"""Mobile or landline: which line a phone number is, by the words labelling it ('DĐ', 'di động', 'Mobile' against
'CQ', 'cơ quan', 'NR', 'nhà riêng', 'cố định', 'máy bàn') or, unlabelled, by its shape. A roster's phone is the
member's mobile: where a cell or a table gives a landline too, the mobile is read and the landline left.

Vietnamese numbers once normalised: a mobile is 10 digits starting 03, 05, 07, 08 or 09; a landline is the area
code 02xx and the subscriber's 7-8 digits, 11 digits starting 02. Labels are read folded (no diacritics, lower
case: `importers.normalising.fold`)."""

import re

MOBILE, LANDLINE = "mobile", "landline"

# Words naming a mobile line: 'DĐ', 'di động', 'ĐTDĐ', 'Mobile'
MOBILE_NOUNS = ("dd", "di dong", "dtdd", "sdtdd", "mobile")
# Words naming a fixed line: the office's ('CQ', 'cơ quan', 'văn phòng'), the home's ('NR', 'nhà riêng', 'nhà'),
# the desk set ('bàn', 'máy bàn') or the line itself ('cố định', 'CĐ')
LANDLINE_NOUNS = ("co quan", "cq", "van phong", "vp", "nha rieng", "nr", "nha", "ban", "may ban", "co dinh", "cd")
# The same run into the phone's abbreviation: 'ĐTCQ', 'ĐTCĐ', 'ĐTNR'
LANDLINE_JOINED = ("dtcq", "dtcd", "dtnr", "sdtcq", "sdtnr")

_MOBILE_WORDS = re.compile(rf"\b(?:{'|'.join(MOBILE_NOUNS)})\b")
_LANDLINE_WORDS = re.compile(rf"\b(?:{'|'.join(LANDLINE_NOUNS + LANDLINE_JOINED)})\b")
_MOBILE_SHAPE = re.compile(r"0[35789]\d{8}")
_LANDLINE_SHAPE = re.compile(r"02\d{9}")


def line_of_label(folded: str) -> str | None:
    """MOBILE or LANDLINE for a folded label naming one line ('dd', 'dt co quan'); None for none or both."""
    mobile, landline = bool(_MOBILE_WORDS.search(folded)), bool(_LANDLINE_WORDS.search(folded))
    return MOBILE if mobile and not landline else LANDLINE if landline and not mobile else None


def line_of_number(digits: str | None) -> str | None:
    """MOBILE or LANDLINE for a normalised number of that shape, None for any other."""
    if not digits:
        return None
    return MOBILE if _MOBILE_SHAPE.fullmatch(digits) else LANDLINE if _LANDLINE_SHAPE.fullmatch(digits) else None


def choose_line(numbers: list[tuple[str | None, str | None]]) -> tuple[int, bool]:
    """(position, sure) of the phone among the (normalised digits, line of its label) of the numbers one cell gives.

    The one number labelled as a mobile; else, unlabelled, the one shaped as a mobile when every other number is a
    landline by its label or its shape. Otherwise the choice is unsure: the first labelled mobile, the first
    mobile-shaped number not labelled a landline, or the first number."""
    labelled = [at for at, (_, line) in enumerate(numbers) if line == MOBILE]
    if labelled:
        return labelled[0], len(labelled) == 1
    shaped = [at for at, (digits, line) in enumerate(numbers) if line is None and line_of_number(digits) == MOBILE]
    if not shaped:
        return 0, False
    rest_fixed = all(line == LANDLINE or line_of_number(digits) == LANDLINE
                     for at, (digits, line) in enumerate(numbers) if at not in shaped)
    return shaped[0], len(shaped) == 1 and rest_fixed
