"""Header labels written as a software export writes them: un-accented words joined by underscores ('HO_TEN',
'NGAY_SINH', 'TEN_DV'), in camelCase ('hoTen', 'soDienThoai') or squashed into one word ('hoten', 'ngaysinh').

Such a label names a field when its words, read apart, are one of the field's usual header wordings (the one
vocabulary of the kinds' FieldSpecs): the words are split, the short forms exports use for a word pair ('dv',
'cv') are spelled out, and a leading 'ten' ('name of': 'TEN_DOAN', 'TEN_DV') is dropped when the rest names a
field. A code column ('MA_DOAN', 'ID', 'maCanBo') names no field: the code stands beside the name the record
needs, and guessing a field from it would read 'D01' as a group."""

import re
from functools import lru_cache

from .normalising import fold

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_CODE_SHAPE = re.compile(r"^[A-Za-z0-9_]+$")
# Short forms an export's column codes use for a word pair of the header vocabulary.
SHORT_WORDS = {"dv": "don vi", "cv": "chuc vu", "ns": "ngay sinh", "cb": "chi bo", "vt": "vai tro",
               "ht": "ho ten", "dc": "dia chi"}
_ID_WORDS = ("ma", "id", "ms", "key")


def is_code_label(label: str) -> bool:
    """True for a label an export writes: ASCII letters, digits and underscores only, with an underscore, a
    camelCase step or no space at all ('HO_TEN', 'hoTen', 'sdt')."""
    text = str(label).strip()
    return bool(text) and _CODE_SHAPE.match(text) is not None


def code_words(label: str) -> str:
    """The folded words of a code label ('TEN_DV' -> 'ten dv', 'soDienThoai' -> 'so dien thoai')."""
    text = str(label).strip()
    if not text.isupper():
        text = _CAMEL.sub(" ", text)
    return fold(text.replace("_", " "))


def is_id_label(label: str) -> bool:
    """A code column: 'MA_DOAN', 'ID', 'maCanBo', 'DOAN_ID' (its first or last word is a code word)."""
    if not is_code_label(label):
        return False
    words = code_words(label).split()
    if len(words) == 1 and len(words[0]) >= 5 and words[0].startswith("ma"):  # 'MADOAN', 'macanbo'
        return True
    return bool(words) and (words[0] in _ID_WORDS or words[-1] in ("id", "ma"))


@lru_cache(maxsize=64)
def _squashed(synonyms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(synonym.replace(" ", "") for synonym in synonyms if " " in synonym)


def code_field(label: str, specs) -> str | None:
    """The field a code label names, or None (a code column, or words no field's wording matches)."""
    if not is_code_label(label):
        return None
    plain = code_words(label)
    found = next((spec.name for spec in specs if plain in spec.synonyms), None)
    if found or is_id_label(label):  # a code wording the vocabulary holds ('MA_DON_VI') is read as it says
        return found
    words = " ".join(SHORT_WORDS.get(word, word) for word in plain.split())
    forms = [words]
    if words.startswith("ten ") and words != "ten goi":
        forms.append(words[4:])
    for form in forms:
        found = next((spec.name for spec in specs if form in spec.synonyms), None)
        if found and not (form != words and found == "full_name"):
            return found
    if " " not in words:  # 'hoten', 'ngaysinh', 'vaitro', 'donvi'
        squashed = [words] + ([words[3:]] if words.startswith("ten") else [])
        return next((spec.name for form in squashed for spec in specs if form in _squashed(spec.synonyms)), None)
    return None


def code_subject(label: str, specs) -> str | None:
    """The field a code column codes ('MA_DOAN' -> group, 'DOAN_ID' -> group); None for a person's record id."""
    if not is_id_label(label):
        return None
    words = code_words(label).split()
    if len(words) == 1:
        rest = words[0][2:] if words[0].startswith("ma") else ""
    else:
        rest = "_".join(words[1:] if words[0] in _ID_WORDS else words[:-1])
    return code_field(rest, specs) if rest else None
