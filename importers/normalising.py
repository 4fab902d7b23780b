"""Cell normalisers: names, dates, phones, marks, roles, groups, units, numbers; each returns (value, problem)."""

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Any

from .group_ordinals import ORDINAL, number_value
from .legacy import decode_legacy, detect_legacy  # noqa: F401  (re-exported for callers)
from .mark_doubts import MarkDoubt
from .phone_lines import choose_line, line_of_label
from .plain_letters import plain_lower
from .syllables import title_word
from .unit_ends import name_end
from .unit_remarks import without_remark, without_remark_tail
from .unit_words import recase_unit

Cleaned = tuple[Any, str | None]  # (value or None, Vietnamese problem text or None)

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]|_")  # an underscore joins the words of an export's codes ('TRUONG_DOAN')


def is_blank(value: Any) -> bool:
    """True for None, NaN, empty or whitespace-only text."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def clean_text(value: Any) -> str | None:
    """Text as NFC with whitespace collapsed, or None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value))
    return _SPACES.sub(" ", text).strip() or None


def fold(text: Any) -> str:
    """Lower-case text without diacritics or punctuation, for comparisons ('Họ và tên' -> 'ho va ten')."""
    if text is None:
        return ""
    return _fold_text(str(text))


@lru_cache(maxsize=1 << 16)
def _fold_text(text: str) -> str:
    """`fold` of a text, worked out once per distinct text (names and unit names repeat down a register)."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", plain_lower(text))).strip()


def _is_all_caps(text: str) -> bool:
    return text == text.upper() and text != text.lower()


def _is_all_lower(text: str) -> bool:
    return text == text.lower() and text != text.upper()


# A footnote's mark after a name ("Hoàng Văn Chung (*)", "Lê Hoa**"): the note below the table says why; no part
# of the name. A number in brackets is not taken: it may tell two people of one name apart.
_FOOTNOTE_MARK = re.compile(r"\s*(?:\(\s*\*+\s*\)|\[\s*\*+\s*\]|\*+)$")


def without_footnote_mark(text: str) -> str:
    """A name without the footnote mark after it ('Hoàng Văn Chung (*)' -> 'Hoàng Văn Chung')."""
    return _FOOTNOTE_MARK.sub("", text) or text


def normalise_name(value: Any) -> str | None:
    """Full name as NFC, single-spaced, without a footnote mark after it; ALL-CAPS and all-lowercase names (typed
    into a form) become Vietnamese title case."""
    text = clean_text(value)
    if text is None:
        return None
    text = without_footnote_mark(text)
    if _is_all_caps(text) or (text == text.lower() and text != text.upper()):
        text = " ".join(_name_word(word) for word in text.split(" "))
    return text


# An apostrophe inside a name of the Central Highlands opens a syllable of its own: "H'NGƠI" is "H'Ngơi", "Y
# NGÔN K'SOR" "Y Ngôn K'Sor"
_APOSTROPHES = re.compile(r"(['’ʼ])")


def _name_word(word: str) -> str:
    """A word of a name typed in capitals or lower case, in title case; each part after an apostrophe too."""
    return "".join(title_word(part) for part in _APOSTROPHES.split(word))


# ---- dates -----------------------------------------------------------------------------------

_EPOCH_1900 = dt.date(1899, 12, 30)
_EPOCH_1904 = dt.date(1904, 1, 1)
# a time of day after the date, as exports write a date cell ("15/03/1978 00:00:00"), is not part of the date
_CLOCK = r"(?:\s+(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?"
# three numbers of a date in text, either order: '15/03/1978', '1.5.25', '15 - 03 - 1978', '3/15/2025'
_NUMERIC_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})" + _CLOCK + "$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$")


def excel_serial_to_date(serial: float, epoch_1904: bool = False) -> dt.date | None:
    """Convert an Excel day serial (1900 or 1904 system) to a date; None when out of range."""
    if not 1 <= serial < 2958466:
        return None
    epoch = _EPOCH_1904 if epoch_1904 else _EPOCH_1900
    return epoch + dt.timedelta(days=int(serial))


def two_digit_year(year: int) -> int:
    """The year a two-digit year stands for: 00-30 in this century, 31-99 in the last."""
    return year + (2000 if year <= 30 else 1900)


def numeric_date_parts(text: str) -> tuple[int, int, int] | None:
    """(first number, second number, four-digit year) of a date written in numbers, '15/03/1978' or '3.15.25',
    whichever order its day and month are in; None for other text."""
    match = _NUMERIC_DATE.match(text.strip())
    if not match:
        return None
    year = int(match.group(3))
    return int(match.group(1)), int(match.group(2)), two_digit_year(year) if len(match.group(3)) == 2 else year


def parse_date_text(text: str) -> dt.date | None:
    """Parse dd/mm/yyyy, d/m/yy (also with '.' or '-') and ISO yyyy-mm-dd text; None if invalid."""
    text = text.strip()
    parts = numeric_date_parts(text)
    try:
        if parts:
            day, month, year = parts
            return dt.date(year, month, day)
        match = _YMD.match(text)
        if match:
            return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    return None


def normalise_date(value: Any, epoch_1904: bool = False) -> Cleaned:
    """A date from a date/datetime cell, an Excel serial or text; problem text when unreadable."""
    if is_blank(value):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, bool):
        return None, "không hợp lệ"
    if isinstance(value, (int, float)):
        date = excel_serial_to_date(float(value), epoch_1904)
        return (date, None) if date else (None, "không hợp lệ")
    date = parse_date_text(unicodedata.normalize("NFC", str(value)))
    return (date, None) if date else (None, "không hợp lệ")


def iso(value: dt.date | None) -> str | None:
    """ISO text of a date, or None."""
    return value.isoformat() if value else None


# ---- phones ----------------------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(r"\s*[/;,\n]\s*|\s+-\s+|\s+(?:hoặc|hoac)\s+")  # between two numbers in one cell
_DIGIT_RUN = re.compile(r"[+(]*\d[\d .\-()+]*")  # a number as typed, up to the next letter or separator
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")  # a label in brackets after its number: '0912 345 678 (DĐ)'
_PLUS_84 = re.compile(r"^\D*\+\s*84")
PHONE_DIGITS = 9  # fewer digits make no phone number (an extension, a house number)


# A phone cell saying the person has none ("ko có", "Không", "chưa có"): no number, and nothing wrong with it
_NO_PHONE = frozenset({"khong", "khong co", "ko", "ko co", "k co", "kg co", "kh co", "chua co", "khong co so",
                       "chua co so", "khong co sdt", "chua co sdt", "khong su dung", "khong dung"})


def normalise_phone(value: Any) -> Cleaned:
    """Phone as digits only with the leading 0 restored (none, without a problem, where the cell says there is
    none: "ko có"); problem text when it is not a phone number. Of several numbers in a cell the mobile is taken
    (`importers.phone_lines`), with a warning when which one is unsaid."""
    if is_blank(value):
        return None, None
    if isinstance(value, bool):
        return None, "không hợp lệ"
    if isinstance(value, float):
        if not value.is_integer():
            return None, "không hợp lệ"
        value = int(value)
    text = str(value).strip().lstrip("'")
    if fold(text) in _NO_PHONE:
        return None, None
    numbers = _labelled_numbers(text)
    if len(numbers) < 2:
        return _one_phone(text)
    read = [(_one_phone(number), line_of_label(fold(label))) for number, label in numbers]
    at, sure = choose_line([(phone, line) for (phone, _), line in read])
    (phone, problem), _ = read[at]
    if problem or sure:
        return phone, problem
    return phone, f"có {len(numbers)} số, đã lấy số {'đầu tiên' if at == 0 else 'di động đầu tiên'}"


def _one_phone(text: str) -> Cleaned:
    digits = re.sub(r"\D", "", text)
    if _PLUS_84.match(text) or (digits.startswith("84") and len(digits) == 11):
        digits = "0" + digits[2:]
    if digits and not digits.startswith("0") and len(digits) in (9, 10):
        digits = "0" + digits
    if not 10 <= len(digits) <= 11:
        return (digits or None), "không đúng độ dài số điện thoại"
    return digits, None


def _labelled_numbers(text: str) -> list[tuple[str, str]]:
    """(number, the words labelling it) of each phone number in a cell. Numbers stand between separators ('/', ';',
    a new line, 'hoặc') or between labels ('CQ: 0233 3852 123 DĐ: 0912 345 678'); the words between two numbers
    label the next one, unless bracketed after the first ('0912 345 678 (DĐ) 0233 3852 123')."""
    found = []
    for part in _PHONE_SEPARATORS.split(text):
        spans = []
        for match in _DIGIT_RUN.finditer(part):
            number = match.group(0).rstrip(" .-(+")
            if len(re.sub(r"\D", "", number)) >= PHONE_DIGITS:
                spans.append((match.start(), match.start() + len(number)))
        if not spans:
            continue
        labels = [part[:spans[0][0]]] + [""] * (len(spans) - 1)
        for at in range(1, len(spans)):
            gap = part[spans[at - 1][1]:spans[at][0]]
            bracket = _BRACKETED.match(gap)
            cut = bracket.end() if bracket else 0
            labels[at - 1] += gap[:cut]
            labels[at] = gap[cut:]
        labels[-1] += part[spans[-1][1]:]
        found += [(part[start:end], label) for (start, end), label in zip(spans, labels)]
    return found


# ---- attendance marks ------------------------------------------------------------------------

STATUSES = ("present", "excused", "absent", "late")
DEFAULT_MARKS = {
    "x": "present", "✓": "present", "✔": "present", "v": "present", "1": "present", "có": "present",
    "co": "present", "có mặt": "present", "cm": "present",
    "p": "excused", "cp": "excused", "vp": "excused",
    "k": "absent", "kp": "absent", "v k": "absent", "0": "absent", "vắng": "absent",
    "m": "late", "đm": "late", "dm": "late", "muộn": "late",
}
def mark_key(mark: Any) -> str:
    """The comparison key of a mark: NFC, stripped, case-folded, without variation selectors; whole numbers without
    '.0'. A phone keyboard writes a symbol as an emoji by adding U+FE0F ('✔️' is '✔' + U+FE0F) and a legend typed
    elsewhere may lack it, or have it where the cells do not: the selector only styles the glyph."""
    if isinstance(mark, float) and mark.is_integer():
        mark = int(mark)
    return unicodedata.normalize("NFC", str(mark)).translate(_VARIATION_SELECTORS).strip().casefold()


_VARIATION_SELECTORS = dict.fromkeys((0xFE0E, 0xFE0F))  # text and emoji presentation


def marks_table(legend: dict[str, str] | None) -> dict[str, str]:
    """The default marks overlaid with the file's legend (the legend wins)."""
    table = dict(DEFAULT_MARKS)
    table.update(legend or {})
    return table


def decode_mark(value: Any, table: dict[str, str]) -> Cleaned:
    """Status for one attendance mark; (None, None) for a blank cell."""
    if is_blank(value):
        return None, None
    status = table.get(mark_key(value))
    if isinstance(status, MarkDoubt):  # a mark the legend gives two meanings: refused, never guessed
        return None, status.problem
    return (status, None) if status else (None, "ký hiệu điểm danh không rõ")


# ---- roles and groups ------------------------------------------------------------------------

# Role wordings, folded, tried in order: a wording matches at the start of the text (after "các", numbering) or,
# when it has several words, anywhere in it ("Phó Trưởng đoàn thường trực" -> deputy before "trưởng đoàn" -> head).
# "P." before a head's wording is "Phó" written short ("P.Trưởng đoàn", "P/TĐ"): a deputy, never the head
ROLE_WORDS = (
    ("deputy", ("deputy", "pho truong doan", "pho doan", "pho truong", "doan pho", "pho", "to pho",
                "p truong doan", "p doan truong", "p truong", "p to truong", "p td", "ptd", "p doan")),
    ("head", ("head", "truong doan", "doan truong", "truong", "to truong")),
    ("member", ("member", "thanh vien", "uy vien", "tv", "uv", "thu ky")),
)
# a list marker before the wording ("II. ", "2.1 ", "a) "); not "p", which is "Phó" written short
_ROLE_PREFIX = re.compile(r"^(?:(?:[ivxlc]+|\d+(?: \d+)*|[a-oq-z]) )?(?:cac )?")


def normalise_role(value: Any) -> Cleaned:
    """'Trưởng đoàn' -> head, 'Phó Trưởng đoàn'/'Phó đoàn' -> deputy, 'Thành viên'/'Ủy viên' -> member."""
    folded = fold(value)
    if not folded:
        return None, None
    text = _ROLE_PREFIX.sub("", folded) + " "
    for role, wordings in ROLE_WORDS:
        if any(text.startswith(w + " ") or (" " in w and f" {w} " in f" {text}") for w in wordings):
            return role, None
    if folded.isdigit():  # an export's role code (1, 2, 3): which role each stands for is the file's to say
        return None, ROLE_CODE
    return None, "không rõ nhiệm vụ trong đoàn"


ROLE_CODE = ("là mã số, tệp không cho biết mã này là trưởng đoàn, phó trưởng đoàn hay thành viên — hãy sửa thành "
             "chữ hoặc cho biết nghĩa của mã")


# Roman numbers I..XXXIX as groups are numbered ("Đoàn II", "Đoàn số IV"), folded to lower case
_ROMAN = r"x{0,3}(?:ix|iv|v?i{1,3}|v)|x{1,3}"
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
# "Đoàn công tác số 1", "ĐCT01", "ĐCT số 01", "Đoàn 1", "Đoàn số I", "Đoàn CT-2", "Đoàn công tác thứ hai" (folded:
# punctuation is a space)
_GROUP_NUMBER = re.compile(rf"\b(?:doan(?: cong tac| ct)?|dct)(?: so)? ?(\d{{1,3}}|(?<= )(?:{_ROMAN}|{ORDINAL}))\b")
# "Tổ công tác số 2", "Tổ CT 2", "TCT02": a group under another name
_TEAM_NUMBER = re.compile(rf"\b(?:to cong tac|to ct|tct)(?: so)? ?(\d{{1,3}}|(?<= )(?:{_ROMAN}|{ORDINAL}))\b")


def _group_number(text: str) -> int:
    """The number of '01', '2', a Roman 'iv' or an ordinal 'thu hai'."""
    if text.isdigit() or text.startswith("thu "):
        return number_value(text)
    values = [_ROMAN_VALUES[ch] for ch in text]
    return sum(-v if v < after else v for v, after in zip(values, values[1:] + [0]))
_GROUP_PREFIX = re.compile(r"^\s*(?:[IVXLC]+|\d+)\s*[.)/-]\s*", re.IGNORECASE)


def is_group_heading(text: Any) -> bool:
    """True for sub-header text such as 'I. ĐOÀN CÔNG TÁC SỐ 1'."""
    return isinstance(text, str) and bool(_GROUP_NUMBER.search(fold(text))) and "doan cong tac" in fold(text)


def normalise_group(value: Any) -> str | None:
    """Group name as 'Đoàn công tác số N' (any 'I.'/'1.' prefix removed)."""
    text = clean_text(value)
    if text is None:
        return None
    folded = fold(text)
    match = _GROUP_NUMBER.search(folded)
    if match and _group_number(match.group(1)):
        return f"Đoàn công tác số {_group_number(match.group(1))}"
    match = _TEAM_NUMBER.search(folded)
    if match and _group_number(match.group(1)):
        return f"Tổ công tác số {_group_number(match.group(1))}"
    text = _GROUP_PREFIX.sub("", text)
    return normalise_name(text) if _is_all_caps(text) and _WORDS_ONLY.match(text) else text


# Capitals are turned into title case only in a group name of plain words ("ĐOÀN KIỂM TRA"): a code ("ĐCT01",
# "ĐKT-A") is kept as written, never case-mangled into "Đct01"
_WORDS_ONLY = re.compile(r"^[^\W\d_]{2,}(?: [^\W\d_]{2,})+$")
GROUP_NAME = re.compile(r"^(?:Đoàn|Tổ) công tác số \d{1,3}$")


def is_group_name(text: Any) -> bool:
    """True for a group name in the form the records use ("Đoàn công tác số 3", "Tổ công tác số 2")."""
    return isinstance(text, str) and GROUP_NAME.match(text) is not None


# ---- units (targets sheets) -------------------------------------------------------------------

_UNIT_HEADING = re.compile(
    r"^(?:(?:[ivxlc]+|[a-d]|\d+) )?"
    r"(?:dang bo|chi bo|dang uy|to chuc co so dang|to chuc dang|dang doan|ban can su dang)\b")


def is_unit_heading(text: Any) -> bool:
    """True for sub-header text naming a party organisation, such as 'I. ĐẢNG BỘ PHƯỜNG AN LẠC'."""
    return isinstance(text, str) and bool(_UNIT_HEADING.match(fold(text)))


def normalise_unit_name(value: Any) -> str | None:
    """Unit name as typed, without an 'I.'/'1.' numbering prefix and without the words a line goes on with after
    the name ("Chi bộ Tổ 21. Mỗi cột là …": ``importers.unit_ends``); ALL-CAPS text becomes the usual spelling
    ("ĐẢNG BỘ PHƯỜNG AN LẠC" → "Đảng bộ phường An Lạc"), and so does all-lower-case text, spelt as if typed in
    capitals ("chi bộ tổ dân phố 11" → "Chi bộ Tổ dân phố 11"); a remark in brackets after the name ("(họp ngày
    10/11/2025)", "(12 đảng viên)") is left out, a place in brackets kept, and so is a remark on a line of its own or
    after a separator ("Chi bộ Khoa Lịch sử | Sinh hoạt định kỳ …": ``importers.unit_remarks``)."""
    text = clean_text(without_remark_tail(value))
    if text is None:
        return None
    return usual_case_unit(without_remark(name_end(_GROUP_PREFIX.sub("", text) or text)))


def usual_case_unit(text: str) -> str:
    """A unit's name typed all in capitals or all in lower case, spelt as usual ("ĐẢNG BỘ PHƯỜNG AN LẠC", "chi bộ
    tổ dân phố 11" -> "Đảng bộ phường An Lạc", "Chi bộ Tổ dân phố 11": ``importers.unit_words``); else as typed."""
    return recase_unit(text) if _is_all_caps(text) else recased_lower_unit(text)


def recased_lower_unit(text: str) -> str:
    """A unit's name typed without a capital, as a form's answer often is ("chi bộ tổ dân phố 11"), spelt as the
    same name typed in capitals is ("Chi bộ Tổ dân phố 11": ``importers.unit_words``); any other text as it is."""
    return recase_unit(text.upper()) if _is_all_lower(text) else text


# A unit text naming only a kind of unit ("chi bộ", "các chi bộ", "chi bộ cơ sở", "đảng bộ trực thuộc", "chi bộ khu
# phố" with no name or number): no one unit
_KIND_ONLY = re.compile(r"^(?:cac\s+)?(?:dang bo|chi bo|dang uy|to chuc co so dang|to chuc dang|co so dang)"
                        r"(?:\s+(?:co so|truc thuoc|tren dia ban|duoc phan cong|cac|khu pho|to dan pho|thon|ap|ban|xom"
                        r"|khom|khu dan cu|xa|phuong|thi tran))?$")


# A unit text pointing at a unit named elsewhere ("chi bộ đó", "đơn vị nói trên", "chi bộ được phân công tương ứng",
# "chi bộ mình phụ trách"): words of a note or a title, no unit's name. Read with the tone marks: "đó" points, "Đô"
# (Chi bộ Đô Lương) names.
_REFERRING = re.compile(r"^(?:các\s+|mỗi\s+|từng\s+)?(?:đảng bộ|chi bộ|đảng ủy|đảng uỷ|tổ chức cơ sở đảng|tổ chức đảng"
                        r"|cơ sở đảng|đơn vị|cơ sở|địa bàn)(?:\s+(?:cơ sở|trực thuộc|được phân công|được giao|phụ trách"
                        r"|theo dõi))?\s+(?:đó|này|ấy|kia|trên|nói trên|nêu trên|kể trên|ở trên|như trên|tương ứng"
                        r"|của mình|mình|liên quan|sau đây|dưới đây|khác|như sau)(?!\w)")


def points_elsewhere(value: Any) -> bool:
    """True when a unit text points at a unit named elsewhere ("chi bộ đó", "đơn vị nói trên") instead of naming
    one: never a unit's value."""
    return bool(_REFERRING.match(unicodedata.normalize("NFC", clean_text(value) or "").lower()))


def names_one_unit(value: Any) -> bool:
    """True when a unit text names one unit: "phụ trách chi bộ" or "theo dõi các đảng bộ trực thuộc" in a title
    names a kind of unit, "phụ trách chi bộ đó" in a note points at a unit named elsewhere, and such a text must
    never become every row's unit."""
    folded = fold(clean_text(value) or "")
    return bool(folded) and not _KIND_ONLY.match(folded) and not points_elsewhere(value) \
        and not folded.startswith("cac ")


# ---- numbers (targets sheets) ----------------------------------------------------------------

NOT_A_NUMBER = "không phải là số"
_PLACEHOLDERS = {"-", "–", "—", "…", "...", "--"}
_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_NUMBER_SHAPE = re.compile(r"^\d(?:[\d.,]*\d)?$")


def _grouped(text: str, separator: str) -> bool:
    """'1.250.000' with separator '.': groups of three digits after a first group without a leading zero."""
    return re.fullmatch(rf"[1-9]\d{{0,2}}(?:{re.escape(separator)}\d{{3}})+", text) is not None


def parse_number_text(text: str) -> float | None:
    """A number typed as text, Vietnamese style first: '.' groups thousands and ',' marks decimals.

    '1.250' -> 1250, '12,5' -> 12.5, '1.250,5' -> 1250.5, '95%' -> 95; with both marks the last one is the
    decimal mark ('1,250.5' -> 1250.5); a single ',' is always decimal ('1,250' -> 1.25). None when not a number.
    """
    text = _NUMBER_SPACES.sub("", unicodedata.normalize("NFKC", text))
    text = text[:-1] if text.endswith("%") else text
    sign = -1.0 if text.startswith("-") else 1.0
    text = text[1:] if text[:1] in "+-" else text
    if not _NUMBER_SHAPE.match(text):
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        whole, fraction = text.rsplit(decimal, 1)
        thousands = "," if decimal == "." else "."
        if not (_grouped(whole, thousands) or whole.isdigit()) or not fraction.isdigit():
            return None
        return sign * float(f"{whole.replace(thousands, '')}.{fraction}")
    if dots > 1 or commas > 1:
        separator = "." if dots else ","
        return sign * float(text.replace(separator, "")) if _grouped(text, separator) else None
    if dots == 1:
        return sign * float(text.replace(".", "") if _grouped(text, ".") else text)
    return sign * float(text.replace(",", "."))


def normalise_number(value: Any) -> Cleaned:
    """A number from a numeric cell or Vietnamese-formatted text; dashes mean blank; problem text otherwise."""
    if is_blank(value):
        return None, None
    if isinstance(value, bool) or hasattr(value, "isoformat"):
        return None, NOT_A_NUMBER
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip()
        if text in _PLACEHOLDERS:
            return None, None
        number = parse_number_text(text)
    if number is None or number != number or number in (float("inf"), float("-inf")):
        return None, NOT_A_NUMBER
    return number + 0.0, None  # + 0.0 turns -0.0 into 0.0


def normalise_year(value: Any) -> Cleaned:
    """A year (1900–2100) from a number or text such as '2026' or 'Năm 2026'."""
    if is_blank(value):
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        year = int(value) if float(value).is_integer() else None
    else:
        match = _ANY_YEAR.search(fold(value)) if isinstance(value, str) else None
        year = int(match.group(1)) if match else None
    if year is None or not 1900 <= year <= 2100:
        return None, "không phải là năm hợp lệ"
    return year, None


# ---- months ----------------------------------------------------------------------------------

_YEAR_IN_TEXT = re.compile(r"\bnam\s+((?:19|20)\d{2})\b")
_ANY_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def month_of_header(label: Any, parent: Any = None) -> int | None:
    """Month number for a header like 'T1', 'Tháng 1', 'Th.1', '01/2025' or a bare '1' under a 'Tháng' parent
    (the wordings live in ``importers.date_words``)."""
    from .date_words import month_and_year  # date_words reads dates through this module

    found = month_and_year(label, parent)
    return found[0] if found else None


def year_in_text(texts: list[str]) -> int | None:
    """The year stated in title text ('… NĂM 2025'), preferring an explicit 'năm YYYY'."""
    for pattern in (_YEAR_IN_TEXT, _ANY_YEAR):
        for text in texts:
            match = pattern.search(fold(text))
            if match:
                return int(match.group(1))
    return None
