"""A line in a cell of people that is no person but the position of the person named on the line above it:
"Nguyễn Thị Thu Nga" line break "PBT TT Đảng ủy phường", as a matrix of groups or an assignment table writes its
cells ("mỗi ô: họ tên đồng chí, dòng dưới: chức vụ"). Read as a person, the position became a record of its own.

A line reads as a position, never a name, when it
- holds an office abbreviation in capitals ("CV", "PBT", "UBND", "XDĐ", "VH-XH": letters no Vietnamese syllable
  spells, ``importers.syllables.is_abbreviation``), or
- opens with an office wording of two words or more ("Chủ tịch", "Phó Chủ tịch", "Bí thư", "Chuyên viên",
  "Công chức", "Chỉ huy trưởng" …), or
- opens with "Trưởng" / "Phó" / "Chánh" and is not shaped as a name (every word a capitalised name word, two to six
  of them: "Phó Đức Phương" is a person).
Words are compared with their marks: "Trưởng" is an office, "Trương" a surname.

A note saying each cell stacks the name over the position (read by ``kinds.stacked_fields.noted_stack``, the rule
that splits a 'Họ và tên, chức vụ' column) makes the line under each name its position unless that line is shaped
as a name itself: two names on two lines stay two people."""

import re
import unicodedata

from ..syllables import is_abbreviation

# Office wordings a position opens with, lower case with their marks (NFC); each of two words or more
OFFICES = (
    "chủ tịch", "phó chủ tịch", "bí thư", "phó bí thư", "chuyên viên", "công chức", "viên chức", "cán bộ",
    "nhân viên", "chỉ huy", "chủ nhiệm", "phó chủ nhiệm", "giám đốc", "phó giám đốc", "ủy viên", "uỷ viên",
    "thư ký", "kế toán", "văn thư", "hiệu trưởng", "hiệu phó", "tổ trưởng", "tổ phó", "đội trưởng", "bác sĩ",
    "bác sỹ", "điều dưỡng", "giáo viên", "giảng viên", "thủ trưởng", "trợ lý", "kiểm sát viên", "thẩm phán",
    "trưởng ban", "phó ban", "trưởng phòng", "phó trưởng", "phụ trách", "chánh văn phòng", "chánh án",
)
# Single words that open a position, unless the line is shaped as a name ("Phó Đức Phương")
OFFICE_HEADS = ("trưởng", "phó", "chánh")
_NAME_WORD = re.compile(r"^[^\W\d_]{1,8}$")
_TOKENS = re.compile(r"[\s\-–/.,;:()\[\]]+")
NAME_WORDS = (2, 6)


def _lower(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


def is_name_shaped(line: str) -> bool:
    """Two to six words, each letters only and opening with a capital: what a person's name looks like."""
    words = line.split()
    low, high = NAME_WORDS
    return low <= len(words) <= high and all(_NAME_WORD.match(word) and word[:1].isupper() for word in words)


def _abbreviated(line: str) -> bool:
    """Whether the line holds an office abbreviation written in capitals ('CV', 'UBND', 'VH-XH')."""
    return any(len(token) >= 2 and token.isupper() and is_abbreviation(token) for token in _TOKENS.split(line))


def reads_as_position(line: str) -> bool:
    """Whether a line of a cell of people is a position, not a person's name (see the module docstring)."""
    text = _lower(line)
    if not text or not any(char.isalpha() for char in text):
        return False
    if _abbreviated(line):
        return True
    if any(text == office or text.startswith(office + " ") for office in OFFICES):
        return True
    first = text.split(" ", 1)[0]
    return first in OFFICE_HEADS and not is_name_shaped(" ".join(line.split()))


def position_below(line: str, noted: bool) -> bool:
    """Whether a line under a named person is that person's position: it reads as one, or a note says the line under
    each name is the position and the line is not shaped as a name."""
    return reads_as_position(line) or (noted and not is_name_shaped(" ".join(line.split())))
