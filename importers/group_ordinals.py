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
