"""Baptismal names (tên thánh) that Catholic members' names carry in parish habit are no part of the legal name a
party roster or register records: before the name ("Giuse Trần Văn Hòa", "Vinh Sơn Hoàng Quang Tuấn", "Giuse
Maria Lê An"), in brackets after it ("Trần Văn Hòa (Giuse)", "(TT: Giuse)", "[Maria]") or after a marker ("Trần
Văn Hòa - TT Giuse", "…, tên thánh: Phêrô"), in Vietnamised, Latin or unaccented spelling ("Phêrô", "Phero",
"Giu-se"). ``honorifics.name_cleaner`` drops them beside the titles, for rosters and registers alike, and since it
is an inference one warning per column names every name changed.

Only what cannot be a Vietnamese name is taken: a leading saint name when the rest is itself a full name (two words
or more, the first a known surname, ``column_types.SURNAMES``: "Maria" alone or "Anna Nguyễn" stay), a spelling in
several words only when its first word is no surname ("Tô Ma Lan" stays); a bracket only when it holds saint names
and nothing else, or says "TT" / "tên thánh" before them. A leading word of foreign shape (no Vietnamese syllable,
several vowels: "Xaviê Trần Văn Hòa") that the list does not hold is kept, and a warning asks the officer."""

import re
from collections.abc import Sequence

from .column_types import SURNAMES
from .normalising import fold
from .syllables import spells_syllable

# Saint names as written before Vietnamese names, folded without spaces or hyphens ("Vinh Sơn" and "Vinhsơn",
# "Giu-se" and "Giuse" alike), the second names of double ones ("Gioan Baotixita", "Phanxicô Xaviê") among them.
# None is a surname (a test checks it), so a name opening with a surname is never touched.
SAINT_NAMES = frozenset((
    # men
    "giuse", "phero", "phaolo", "gioan", "anton", "antonio", "daminh", "dominico", "micae", "michael", "giacobe",
    "toma", "anre", "phanxico", "vinhson", "vincente", "augustino", "autinh", "mattheu", "matheu", "luca", "macco",
    "marco", "stephano", "tephano", "gioakim", "philipphe", "philippe", "simon", "batolomeo", "tadeo",
    "matthia", "barnaba", "inhaxio", "martino", "lorenso", "benedicto", "sebastiano", "raphae", "gabriel",
    "anphongso", "carolo", "clemente", "emmanuel", "baotixita", "xavie", "aquino", "savio", "bosco", "giuda",
    # women
    "maria", "anna", "teresa", "terexa", "matta", "marta", "cecilia", "xexilia", "lucia", "luxia", "agnes", "ane",
    "rosa", "catarina", "catharina", "monica", "elizabeth", "elisabeth", "isave", "agatha", "agata", "clara",
    "madalena", "magdalena", "veronica", "phanxica", "faustina", "goretti", "martina", "anastasia", "bernadette",
))
MAX_SAINT_WORDS = 3  # "Vinh Sơn", "Phan-xi-cô" written "Phan Xi Cô" is refused: its first word is a surname
MIN_REST_WORDS = 2
SHOWN = 10

# "TT", "TT.", "Tên thánh" (any case) before the saint name in a bracket or after the name
_MARKER = re.compile(r"^(?:(?P<short>tt)\.?|(?P<full>t[eê]n\s+th[aá]nh))(?:\s*[:.\-–]\s*|\s+)(?P<saint>\S.*)$",
                     re.IGNORECASE)
_BRACKET = re.compile(r"^(?P<name>.*?\S)\s*[(\[]\s*(?P<inner>[^()\[\]]+?)\s*[)\]]\s*\.?$")
_MARKED = re.compile(r"^(?P<name>.*?[^\s,;:\-–—])\s*(?:[,;:\-–—]\s*|\s)(?P<inner>(?:tt\.?|t[eê]n\s+th[aá]nh)"
                     r"(?:\s*[:.\-–]\s*|\s+)\S.*?)\s*\.?$", re.IGNORECASE)
# a capitalised word of letters (an apostrophe or hyphen inside: "Giu-se")
_WORD = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*$")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

STRIPPED = ("Cột {letter} «{header}»: tên thánh không thuộc họ và tên của đảng viên nên đã bỏ khỏi {count} tên — "
            "{shown}; nếu chữ đã bỏ là một phần của tên khai sinh, sửa lại trong tệp.")
DOUBTED = ("Cột {letter} «{header}»: chữ đầu của {count} tên có thể là tên thánh nhưng không có trong danh sách tên "
           "thánh nên vẫn giữ trong họ và tên — {shown}; nếu đó là tên thánh, bỏ nó khỏi họ và tên trong tệp.")


def _key(word: str) -> str:
    """A word folded without the spaces fold puts for hyphens and apostrophes ('Giu-se' -> 'giuse')."""
    return fold(word).replace(" ", "")


def _one_saint(words: list[str], start: int) -> int:
    """The number of words spelling one saint name at `start` ("Giuse": 1, "Vinh Sơn": 2), 0 for none."""
    for size in range(1, MAX_SAINT_WORDS + 1):
        part = words[start:start + size]
        if len(part) < size or not all(_WORD.match(word) and word[:1].isupper() for word in part):
            return 0
        if size > 1 and _key(part[0]) in SURNAMES:
            return 0
        if "".join(_key(word) for word in part) in SAINT_NAMES:
            return size
    return 0


def _saint_run(words: list[str], start: int = 0) -> int:
    """The number of words of saint names one after another from `start` ("Giuse Maria Lê An": 2)."""
    end = start
    while end < len(words) and (size := _one_saint(words, end)):
        end += size
    return end - start


def _is_full_name(words: list[str]) -> bool:
    return len(words) >= MIN_REST_WORDS and _key(words[0]) in SURNAMES


def _bracketed_saint(inner: str) -> str | None:
    """The saint name a bracket or marked tail holds ("Giuse", "TT: Giuse", "tên thánh Phêrô"), else None; after
    "tên thánh" any one to three capitalised words, else only names of the list."""
    marked = _MARKER.match(inner)
    saint = marked.group("saint").strip() if marked else inner.strip()
    words = saint.split()
    if not words or len(words) > MAX_SAINT_WORDS:
        return None
    if marked and marked.group("full") and all(_WORD.match(word) and word[:1].isupper() for word in words):
        return saint
    return saint if _saint_run(words) == len(words) else None


def split_saint_name(name: str | None) -> tuple[str, str] | None:
    """(name, saint name) for a cleaned full name carrying a baptismal name (module docstring), else None."""
    if not name or not isinstance(name, str):
        return None
    words = name.split(" ")
    run = _saint_run(words)
    if run and _is_full_name(words[run:]):
        return " ".join(words[run:]), " ".join(words[:run])
    for shape in (_BRACKET, _MARKED):
        found = shape.match(name)
        if found is None:
            continue
        saint = _bracketed_saint(found.group("inner"))
        rest = found.group("name").strip(" ,;:-–—")
        if saint and len(rest.split(" ")) >= MIN_REST_WORDS:
            return rest, saint
    return None


def doubtful_saint(name: str | None) -> str | None:
    """The opening word of a name that looks like a saint name the list does not hold: no Vietnamese syllable,
    several vowel groups, no surname, and a full Vietnamese name after it ("Xaviê Trần Văn Hòa" -> "Xaviê")."""
    if not name or not isinstance(name, str):
        return None
    words = name.split(" ")
    if len(words) <= MIN_REST_WORDS or not _is_full_name(words[1:]) or not _WORD.match(words[0]):
        return None
    key = _key(words[0])
    if key in SURNAMES or spells_syllable(key) or len(_VOWEL_GROUPS.findall(key)) < 2:
        return None
    return words[0]


def without_saint_name(name: str | None, said: list | None = None, raw=None) -> str | None:
    """The name without its baptismal name; what was dropped, or a doubt, is added to `said` as (raw, name,
    saint) or (raw, None, doubtful word)."""
    found = split_saint_name(name)
    if found:
        if said is not None:
            said.append((raw, found[0], found[1], name))
        return found[0]
    doubt = doubtful_saint(name) if said is not None else None
    if doubt:
        said.append((raw, None, doubt, name))
    return name


def report_saint_names(said: list, values: Sequence, rows: Sequence, column, issues) -> None:
    """One warning naming the names a column's baptismal names were dropped from (cell, saint name, name before and
    after), one naming the opening words kept in doubt; each distinct cell at its first row."""
    if not said or column is None:
        return
    first: dict = {}
    for value, row in zip(values, rows):
        if isinstance(value, str):
            first.setdefault(value, int(row))
    seen, stripped, doubted = set(), [], []
    for raw, name, saint, before in said:
        if raw in seen or raw not in first:
            continue
        seen.add(raw)
        (stripped if name else doubted).append((first[raw], raw, name, saint, before))
    for items, template in ((stripped, STRIPPED), (doubted, DOUBTED)):
        if not items:
            continue
        items.sort(key=lambda item: item[0])
        shown = ", ".join(f"{column.letter}{row} «{saint}» ({before}" + (f" → {name})" if name else ")")
                          for row, _, name, saint, before in items[:SHOWN]) + (", …" if len(items) > SHOWN else "")
        issues.warning(None, column.letter, "full_name", items[0][1], template.format(
            letter=column.letter, header=column.header, count=len(items), shown=shown))
