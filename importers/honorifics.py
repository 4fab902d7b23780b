"""Honorifics and degrees written before names ("Đ/c Lê Thu Hà", "Đồng chí …", "Thầy …", "Cô …", "Ông …", "Bà …",
"ThS. …", "PGS.TS. …", "Đ/c ThS. …") are no part of the name: one rule for rosters, registers and the names a
transposed register writes across its header row. A baptismal name ("Giuse Trần Văn Hòa") is dropped beside them
(``baptismal_names``)."""

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np

from .baptismal_names import without_saint_name
from .name_titles import split_name_title
from .normalising import clean_text, normalise_name

# Always a title: never the first word of a Vietnamese name (a school's registers call teachers "Thầy"/"Cô").
TITLES = ("đ/c", "đ / c", "đ.c", "đc", "đồng chí", "đ/chí", "thầy giáo", "cô giáo", "thầy", "cô")
# Academic and professional degrees: none is a Vietnamese syllable, so they are stripped with or without a dot
# ("ThS. Lê Hà", "PGS.TS.Lê Hà", "CN Lê Hà"); the written-out forms are two words no name starts with. Any other
# dotted abbreviation before a full name is a title by its shape (``name_titles``), stripped with a warning.
DEGREES = ("ths", "th.s", "ts", "t.s", "tskh", "pgs", "gs", "cn", "ks", "bs", "ds", "ls", "nsnd", "nsưt", "bsck",
           "bscki", "bsckii", "bsck.i", "bsck.ii", "thạc sĩ", "thạc sỹ", "tiến sĩ", "tiến sỹ", "cử nhân", "kỹ sư",
           "kĩ sư", "bác sĩ", "bác sỹ", "dược sĩ", "luật sư")
# Titles that are also surnames ("Ông Ích Khiêm"): stripped only when the column writes titles before names.
TITLES_OR_SURNAMES = ("ông", "bà")
# Share of names carrying a title from which "Ông"/"Bà" count as titles too.
TITLED_COLUMN_SHARE = 1 / 3


def _alternation(words: tuple[str, ...]) -> str:
    """The words as typed in any case and composition (a case-sensitive scan of a whole column is twice as fast)."""
    cased = {variant for word in words for variant in (word, word.upper(), word.capitalize(), word.title())}
    forms = {form for word in cased for form in (word, unicodedata.normalize("NFD", word))}
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


_DEGREE = r"[^\S\n]*(?:{})(?:\.[^\S\n]*|[^\S\n]+)(?=\w)".format(_alternation(DEGREES))
# one or more titles and degrees in a row ("Đ/c ThS. …", "PGS. TS. …")
_LEAD = r"(?:[^\S\n]*(?:{})[.:]?[^\S\n]+(?=\w)|" + _DEGREE.replace("{", "{{").replace("}", "}}") + ")+"
_TITLE = re.compile(_LEAD.format(_alternation(TITLES)), re.IGNORECASE)
_ANY_TITLE = re.compile(_LEAD.format(_alternation(TITLES + TITLES_OR_SURNAMES)), re.IGNORECASE)
_LINE_TITLE = re.compile("^" + _LEAD.format(_alternation(TITLES)), re.MULTILINE | re.IGNORECASE)
_LINE_ANY_TITLE = re.compile("^" + _LEAD.format(_alternation(TITLES + TITLES_OR_SURNAMES)),
                             re.MULTILINE | re.IGNORECASE)


def _joined(values: np.ndarray) -> str:
    try:
        return "\n".join(values)
    except TypeError:  # blanks, numbers
        return "\n".join(value for value in values if value.__class__ is str)


def strip_title(text: str | None, pattern: re.Pattern = _TITLE) -> str | None:
    """The name without a leading title ("Đ/c Lê Thu Hà" -> "Lê Thu Hà"); only at the start, so a title's letters
    inside a name stay ("Lưu Công Đức" keeps its "ông")."""
    if not text:
        return text
    found = pattern.match(text)
    return (text[found.end():] or text) if found else text


def without_any_title(text: str | None) -> str | None:
    """The name without any leading title, "Ông"/"Bà" included: for a single name read alone (a transposed
    register's header cell), where no column tells whether they are titles."""
    return strip_title(text, _ANY_TITLE)


def _distinct_texts(values: np.ndarray) -> Counter:
    """The text cells `_joined` would join, each distinct text once with how often it occurs."""
    texts = Counter(values.tolist() if isinstance(values, np.ndarray) else values)
    if all(isinstance(text, str) for text in texts):
        return texts
    return Counter({text: n for text, n in texts.items() if text.__class__ is str})


def name_cleaner(values: np.ndarray, said: list | None = None,
                 titled: list | None = None) -> Callable[[Any], str | None]:
    """The name normaliser for a column: titles, a dotted title of any shape (``name_titles``) and a baptismal name
    (``baptismal_names``) dropped; what the last two drop is added to `titled` (cell, title, name before, name after)
    for ``name_titles.report_name_titles`` and to `said` for ``baptismal_names.report_saint_names``."""
    strip = _title_stripper(values)

    def clean(value: Any) -> str | None:
        text = clean_text(value)
        if strip is not None:
            text = strip(text)
        found = split_name_title(text)
        name = normalise_name(found[0] if found else text)
        if found and titled is not None:
            titled.append((value, found[1], text, name))
        return without_saint_name(name, said, value)

    return clean


def _title_stripper(values: np.ndarray) -> Callable[[str | None], str | None] | None:
    """What strips a column's titles: None when no name carries a title (one scan of the column's distinct names,
    a register repeating each name many times), else a stripper; "Ông"/"Bà" count as titles when many names carry
    one."""
    texts = _distinct_texts(values)
    joined = _joined(list(texts))  # a title never spans lines: each distinct name is scanned once, counted n times
    titled = sum(n * len(_LINE_ANY_TITLE.findall(text)) for text, n in texts.items()) \
        if _LINE_ANY_TITLE.search(joined) else 0
    if not titled:
        return None
    names = sum(n * (text.count("\n") + 1) for text, n in texts.items()) or 1
    pattern = _ANY_TITLE if titled >= names * TITLED_COLUMN_SHARE else _TITLE
    if pattern is _TITLE and not _LINE_TITLE.search(joined):
        return None
    return lambda text: strip_title(text, pattern)
