"""Group numbers written as ordinal words ("ĐOÀN CÔNG TÁC THỨ NHẤT" … "THỨ MƯỜI HAI" = số 1 … số 12), read
wherever a group number is: the patterns are over folded text, as the group patterns they extend."""

import re

_UNITS = {"nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7,
          "tam": 8, "chin": 9}
_FIRST = ("nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin")  # "thứ nhất", "thứ tư": never "thứ một"
_AFTER_TEN = ("mot", "hai", "ba", "bon", "tu", "lam", "nam", "sau", "bay", "tam", "chin")  # "thứ mười lăm"
# "thu 2" too: the ordinal word with a digit ("Đoàn thứ 2")
ORDINAL = (rf"thu (?:muoi(?: (?:{'|'.join(_AFTER_TEN)}))?|{'|'.join(_FIRST)}|\d{{1,3}})(?![a-z0-9])")
NUMBER = rf"(?:\d{{1,3}}|{ORDINAL})"  # a group's number, in digits or as an ordinal
_ORDINAL = re.compile(ORDINAL)


def number_value(text: str) -> int:
    """The value of a (folded) group number: '03' -> 3, 'thu nhat' -> 1, 'thu muoi hai' -> 12."""
    if text.isdigit():
        return int(text)
    if not _ORDINAL.fullmatch(text):
        raise ValueError(text)
    words = text.split()[1:]
    if words[0].isdigit():
        return int(words[0])
    if words[0] == "muoi":
        return 10 + (_UNITS[words[1]] if len(words) > 1 else 0)
    return _UNITS[words[0]]


# A group word and a number that count, never name, a group: written without "số", on a totals line ("Tổng cộng: 05
# đoàn, 31 đồng chí", folded "tong cong 05 doan 31 dong chi"), a group word counted by the number before it ("05
# đoàn"), or a bare number counting the people named after it ("đoàn 31 đồng chí"). "Đoàn công tác số 2" always
# names group 2, on whatever line ("Tổng cộng Đoàn công tác số 2: 7 đồng chí", "QĐ ngày 3/1/2025 - Đoàn số 2").
_TOTALS_OPENING = re.compile(r"^\W*(?:tong cong|tong so)\b")
_NUMBER_BEFORE = re.compile(r"(?<!\d)\d{1,3}\W*$")
_PEOPLE_AFTER = re.compile(r"^\W*(?:dong chi|d c|d/c|dc|nguoi|thanh vien|dang vien|dv)(?![a-z])")
_SO = re.compile(r"\bso\b")


def counts_not_names(folded: str, start: int, end: int) -> bool:
    """Whether the group words matched at folded[start:end] of a folded line count groups or people rather than
    name one group: written without 'số', on a totals line, after a number, or before a word for people."""
    if _SO.search(folded[start:end]):
        return False
    return bool(_TOTALS_OPENING.match(folded) or _NUMBER_BEFORE.search(folded[:start])
                or _PEOPLE_AFTER.match(folded[end:]))
