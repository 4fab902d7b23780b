"""Context rows: a lone text between data rows ("ĐOÀN CÔNG TÁC SỐ 1 - Phụ trách: …", "2. Phó Trưởng đoàn:",
"Chi bộ Tổ dân phố 3") whose facts (group, unit, role) hold for the rows below it until the next such row.

A group's title may go on, after a separator, with what the group covers ("ĐOÀN 1 - CỤM KHU DÂN CƯ PHÍA ĐÔNG",
"Đoàn số 2: Cụm cơ quan, trường học", "Đoàn 4 (khối doanh nghiệp)"): the group is read, the description is no unit
(only "phụ trách …" or a unit's own words name one). An area ("cụm …", "khối …" in words) is said no more; any other
words are warned on their row (``unread_rest``), since they may be a unit worded in a way not read here.

Wordings are data: each rule is a pattern over the folded text (lower case, no tone marks, same length as the
original, so a match's span cuts the value out of the text as written) and the fields its named groups set.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .group_ordinals import NUMBER
from .normalising import (
    clean_text,
    normalise_group,
    normalise_role,
    normalise_unit_name,
    points_elsewhere,
)

# Fields in order of rank: a context row resets the facts ranked below the ones it sets (a new group
# has no unit or role section yet; a new unit starts its own role sections).
FIELDS = ("group", "unit", "role")

NUMBERING = r"(?:(?:[ivxlc]{1,6}|\d{1,3}(?:\.\d{1,3})*|[a-zđ])\s*[.):/-]\s*|[-–+*•]\s*)?"
ROLE_WORDS = (r"(?:cac\s+)?(?:pho truong doan|pho doan|truong doan|doan truong|thanh vien|uy vien)"
              r"(?:\s+(?:thuong truc|doan|cua doan))?")
GROUP_WORDS = r"(?:doan cong tac|doan ct|dct|doan kiem tra|doan giam sat|doan|to cong tac)"
GROUP = rf"(?P<group>{GROUP_WORDS}\s*(?:so\s*)?{NUMBER})"
UNIT_WORDS = (r"(?:dang bo|chi bo|dang uy|to chuc co so dang|to chuc dang|dang doan|ban can su dang|"
              r"to dan pho|khu pho|thon|xom|ban|ap|phuong|xa|thi tran|cong ty|truong|co quan)")
ASSIGNED = r"(?:dia ban|don vi|co so|to chuc dang)?\s*(?:duoc\s*)?(?:phu trach|phan cong|giao|theo doi)|dia ban|don vi"
UNIT_TAIL = (rf"(?:\s*[-–:,;(]\s*|\s+)(?:{ASSIGNED})\s*[:=-]?\s*(?P<unit>[^()]+?)|"
             rf"\s*[-–:,;(]\s*(?!{ROLE_WORDS})(?P<unit_named>{UNIT_WORDS}\b[^()]*?)")
# A head count after a unit's name: "(3 đảng viên)", "(gồm 12 đồng chí)", "- 5 ĐV"
COUNT = (r"(?:\s*(?:\(\s*|[-–,:]\s*)(?:gom\s+|co\s+|so luong\s*:?\s*)?\d{1,4}\s*"
         r"(?:dang vien|dv|dong chi|d/c|nguoi|thanh vien)(?:\s*\))?|\s*\(\s*\d{1,4}\s*\))?")
# What a group covers, after its title and a separator ("- Cụm khu dân cư phía Đông", "(khối doanh nghiệp)"),
# never a role or a person ("ĐOÀN CÔNG TÁC SỐ 1 - Trưởng đoàn: đ/c Lê Văn An" is a person's line, not a title)
PERSON_WORDS = rf"(?:{ROLE_WORDS}|d/c|dc|dong chi\s+[a-z])\b"
DESCRIPTION = (r"(?:\s*[-–:]\s*|\s*\(\s*)"
               rf"(?P<description>(?![^()]*?(?<![a-z]){PERSON_WORDS})[^()]*?[a-z][^()]*?)")
END = (r"\s*\)?(?:\s*\(\s*\d{1,3}\s*(?:dong chi|d/c|nguoi|thanh vien)?\s*\))?"
       r"(?:\s+(?:bao gom|gom|co)(?:\s+cac\s+(?:dong chi|d/c|thanh vien))?)?\s*[.:;]?\s*$")


@dataclass(frozen=True)
class ContextRule:
    """A wording of context row: a pattern over folded text whose named groups (group, unit or unit_named, role)
    are the fields it sets."""

    name: str
    pattern: re.Pattern


RULES = (
    ContextRule("group and unit", re.compile(rf"^{NUMBERING}{GROUP}(?:{UNIT_TAIL}){END}")),
    ContextRule("group", re.compile(rf"^{NUMBERING}{GROUP}{END}")),
    ContextRule("group and description", re.compile(rf"^{NUMBERING}{GROUP}{DESCRIPTION}{END}")),
    ContextRule("role", re.compile(rf"^{NUMBERING}(?P<role>{ROLE_WORDS}){END}")),
    ContextRule(
        "assigned unit",
        re.compile(rf"^{NUMBERING}(?:{ASSIGNED})(?:\s*[:=-]\s*|\s+(?={UNIT_WORDS}\b))(?P<unit>[^()]+?){END}"),
    ),
    ContextRule(
        "unit",
        re.compile(
            rf"^{NUMBERING}(?P<unit_named>(?:dang bo|chi bo|dang uy|to chuc co so dang)\b.*?){COUNT}"
            rf"\s*[.:;]?\s*$"
        ),
    ),
)

SKIP_REASON = {"group": "dòng tiêu đề nhóm", "unit": "dòng tiêu đề đơn vị", "role": "dòng tiêu đề nhiệm vụ"}


_DASHES = "‐‑‒—―−"  # hyphen, figure and em dash, bar, minus: read as '-', as an en dash is


@lru_cache(maxsize=1024)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if ch in _DASHES:
        return "-"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def fold_in_place(text: str) -> str:
    """Lower-case text without tone marks, one character for each character of the (NFC) input."""
    return "".join(_fold_char(ch) for ch in text)


def _cut(text: str, match: re.Match, name: str) -> str | None:
    """The value of a named group, cut from the text as written (None when the group did not take part)."""
    if name not in match.re.groupindex or match.start(name) < 0:
        return None
    return text[match.start(name) : match.end(name)].strip(f" -–{_DASHES}:,;") or None


@lru_cache(maxsize=4096)
def _read(text: str) -> tuple[tuple[str, str], ...] | None:
    folded = fold_in_place(text)
    for rule in RULES:
        match = rule.pattern.match(folded)
        if match is None:
            continue
        facts = {}
        if (group := _cut(text, match, "group")) is not None:
            facts["group"] = normalise_group(group)
        if (unit := _cut(text, match, "unit") or _cut(text, match, "unit_named")) is not None:
            if points_elsewhere(unit):  # "Phụ trách: chi bộ đó" names no unit: no context row
                continue
            facts["unit"] = normalise_unit_name(unit)
        if (role := _cut(text, match, "role")) is not None:
            facts["role"] = normalise_role(role)[0]
        if all(facts.values()):
            return tuple(facts.items())
    return None


_GROUP_IN = re.compile(rf"{NUMBERING}{GROUP}")
_NOTHING_MORE = re.compile(rf"{COUNT}{END}")
_CONNECTORS = f" -–{_DASHES}:,;/|→>~*."


def unread_rest(text: str) -> str | None:
    """What a group heading says after its group that no wording here reads ('ĐOÀN CÔNG TÁC SỐ 1 / Chi bộ ấp Thới
    Hòa' -> 'Chi bộ ấp Thới Hòa'), or None when it says nothing more than the group and a head count."""
    match = _GROUP_IN.search(fold_in_place(text))
    if match is None:
        return None
    rest = says_more(text[match.end():])
    return None if rest is None or _AREA.match(fold_in_place(rest.lstrip("( "))) else rest


# The area a group covers, in words: "Cụm khu dân cư phía Đông", "khối cơ quan, trường học"; never a numbered place
# ("Khối 5", "Cụm 3", "Khu vực II"), which may be a unit's own name
_AREA = re.compile(r"(?:cum|khoi|khu vuc)\s+(?!(?:so\s*)?(?:\d|[ivxlc]+\b))[a-z]")


def says_more(text: str) -> str | None:
    """The text, trimmed, unless it says no more than a head count ('(5 đồng chí)', 'gồm các đồng chí:')."""
    rest = text.strip(_CONNECTORS)
    if _NOTHING_MORE.fullmatch(" " + fold_in_place(rest)):
        return None
    return rest if any(ch.isalpha() for ch in rest) else None


def read_context(value: Any) -> dict[str, str] | None:
    """The facts a context row's text sets ({'group': …, 'unit': …, 'role': …}), or None when it is no such row."""
    text = clean_text(value) if isinstance(value, str) else None
    if not text or len(text) > 300:
        return None
    facts = _read(text)
    return dict(facts) if facts else None
