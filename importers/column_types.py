"""What a column holds, told from its values (and, for date parts, its header word): day, month and year numbers,
given names, the surname-and-middle part of a name, full names, party-unit names.

Every test answers for one cell; `share` gives the part of a column's filled cells that pass, testing each
distinct value once, so a column is called a kind only when nearly all of it fits."""

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .normalising import clean_text, fold, is_blank

# The commonest Vietnamese surnames, folded (no tone marks), those of the northern highlands ("Bế", "Đèo", "Thào",
# "Sùng", "Lầu") and the Khmer ones of the Mekong delta ("Thạch", "Danh", "Chau", "Néang", "Kim", "Sơn", "Lâm",
# "Trà", "Lý") among them: a name whose first word is one of these reads as a person's name. Rare surnames simply
# lower the share; the thresholds leave room for them.
SURNAMES = frozenset((
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
    "duong", "ly", "dinh", "truong", "ta", "cao", "luong", "dao", "ha", "mai", "trinh", "luu", "thai", "kieu",
    "lam", "quach", "chu", "to", "tong", "doan", "la", "lai", "khuat", "khong", "kim", "lo", "mac", "nong", "ong",
    "phung", "quan", "tang", "thach", "trieu", "vuong", "vi", "han", "giang", "dam", "diep", "lu", "nghiem",
    "ninh", "ton", "chau", "au", "bach", "banh", "dieu", "hua", "khuc", "lac", "lieu", "tieu", "ung", "cu",
    "cung", "van", "tao", "thieu", "man", "nham", "phi", "sam", "tiet", "yen", "ma", "hau", "nhu", "luc",
    "dau", "giap", "than", "be", "deo", "thao", "sung", "lau", "tra", "danh", "son", "neang",
))

_NAME_WORD = re.compile(r"^[^\W\d_]{1,8}$")
_WHOLE = re.compile(r"^\s*(\d{1,4})(?:[.,]0+)?\s*$")

# Header wordings (folded) of each part of a name, as rules rather than a list: the middle part is "đệm" or
# "lót" (southern), alone or after "tên"/"chữ" ("Tên đệm", "Chữ lót", "Tên đệm lót"); the surname-and-middle part
# is "Họ" joined to a middle wording ("Họ đệm", "Họ và tên đệm", "Họ và chữ lót", "Họ, chữ lót", "Họ và tên lót").
_MIDDLE = r"(?:(?:ten|chu) )?(?:dem|lot)(?: (?:dem|lot))?"
PART_PATTERNS = {
    "surname": re.compile(r"ho"),
    "head": re.compile(rf"ho(?: va)? {_MIDDLE}"),
    "middle": re.compile(_MIDDLE),
    "given": re.compile(r"ten(?: (?:goi|rieng))?"),
}


def name_part_of_label(label: str) -> str | None:
    """'surname' | 'head' | 'middle' | 'given' for a header naming one part of a split name ('Họ', 'Tên đệm')."""
    folded = " ".join(fold(label).split())
    return next((part for part, pattern in PART_PATTERNS.items() if pattern.fullmatch(folded)), None)


DAY_WORDS = ("ngay", "ngay sinh")
MONTH_WORDS = ("thang", "thang sinh")
YEAR_WORDS = ("nam", "nam sinh")


def distinct_map(values: pd.Series, function: Callable[[Any], Any]) -> pd.Series:
    """`function` of each cell, called once per distinct value (blanks and NaN pass through as None)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    results = np.array([function(value) for value in uniques] + [None], dtype=object)
    return pd.Series(results[codes], index=values.index, dtype=object)


def _filled_codes(values: pd.Series) -> tuple[np.ndarray, Any]:
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    blank = np.array([is_blank(value) for value in uniques] + [True], dtype=bool)
    return codes[~blank[codes]], uniques


def share(values: pd.Series, test: Callable[[Any], bool]) -> float:
    """Part of the filled cells that pass `test` (0.0 for a column with no filled cell)."""
    filled, uniques = _filled_codes(values)
    if not len(filled):
        return 0.0
    passed = np.array([bool(test(value)) for value in uniques], dtype=bool)
    return float(passed[filled].mean())


def filled_count(values: pd.Series) -> int:
    """Number of filled cells."""
    return len(_filled_codes(values)[0])


def whole_number(value: Any) -> int | None:
    """An integer typed as a number or as digits ('07', '7.0'); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else None
    match = _WHOLE.match(value) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def is_day(value: Any) -> bool:
    number = whole_number(value)
    return number is not None and 1 <= number <= 31


def is_month(value: Any) -> bool:
    number = whole_number(value)
    return number is not None and 1 <= number <= 12


def is_birth_year(value: Any) -> bool:
    number = whole_number(value)
    return number is not None and 1900 <= number <= 2010


def date_part_of_label(label: str) -> str | None:
    """'day' | 'month' | 'year' for a header naming one part of a date ('Ngày', 'Tháng sinh', 'Năm')."""
    folded = fold(label)
    for part, words in (("day", DAY_WORDS), ("month", MONTH_WORDS), ("year", YEAR_WORDS)):
        if folded in words:
            return part
    return None


def are_date_parts(labels: list[str]) -> bool:
    """True when the labels name day, month and year, one each (a birth date split over three columns)."""
    parts = [date_part_of_label(label) for label in labels]
    return len(parts) == 3 and set(parts) == {"day", "month", "year"}


def name_words(value: Any) -> list[str] | None:
    """The words of a cell that holds only name-like words (letters, no digits), else None."""
    text = clean_text(value) if isinstance(value, str) else None
    if not text:
        return None
    words = text.split(" ")
    return words if all(_NAME_WORD.match(word) for word in words) else None


def starts_with_surname(value: Any) -> bool:
    words = name_words(value)
    return bool(words) and fold(words[0]) in SURNAMES


def is_given_name(value: Any) -> bool:
    """One or two name words starting with a capital: what a 'Tên' column holds ('An', 'Ngọc Anh')."""
    words = name_words(value)
    return bool(words) and len(words) <= 2 and words[0][:1].isupper()


def is_name_head(value: Any) -> bool:
    """A surname with or without middle names ('Nguyễn', 'Nguyễn Văn', 'Tôn Nữ Thị'): what 'Họ và tên đệm' holds."""
    words = name_words(value)
    return bool(words) and len(words) <= 3 and fold(words[0]) in SURNAMES


def word_count(value: Any) -> int:
    text = clean_text(value) if isinstance(value, str) else None
    return len(text.split(" ")) if text else 0


def mean_words(values: pd.Series) -> float:
    """Mean number of words of the filled text cells."""
    filled, uniques = _filled_codes(values)
    counts = np.array([word_count(value) for value in uniques], dtype=float)[filled] if len(filled) else np.array([])
    counts = counts[counts > 0]
    return float(counts.mean()) if len(counts) else 0.0


def distinct_share(values: pd.Series) -> float:
    """Distinct filled values per filled cell (given names vary; a gender or ethnicity column repeats a few)."""
    filled, uniques = _filled_codes(values)
    if not len(filled):
        return 0.0
    cleaned = {clean_text(uniques[code]) for code in np.unique(filled)}
    return len(cleaned) / len(filled)
