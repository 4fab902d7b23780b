"""A role in a working group read strictly: the whole text must be a role wording ("Trưởng đoàn", "Phó đoàn",
"Tổ trưởng", "TV") and nothing else, because here the wording is cut out of another cell (a name, a group).

`normalise_role` reads a role column, where any cell is a role, leniently ("Trưởng Đoàn công tác số 2" -> head);
text beside a name needs more care: "Nguyễn Văn An - Trưởng phòng Nội vụ" carries a position, not a role."""

import re
from functools import lru_cache
from itertools import product
from typing import Any

from .normalising import fold

ROLES = ("head", "deputy", "member")
# The wording written for each role when a role read elsewhere is put into a role column.
WORDING = {"head": "Trưởng đoàn", "deputy": "Phó trưởng đoàn", "member": "Thành viên"}

# Folded wordings, tried in this order (deputy wordings contain head wordings).
# Headers of an English template ('Head', 'Deputy head', 'Member') name the roles too.
PHRASES = (
    ("deputy", r"pho truong doan|pho doan truong|pho doan|doan pho|pho to truong|to pho|pho truong|pho"
               r"|p truong doan|p tr doan|p doan|deputy(?: head| leader)?|vice (?:head|leader)"),
    ("head", r"truong doan|doan truong|to truong|truong to|truong|tr doan|head|(?:team |group )?leader"),
    ("member", r"thanh vien|uy vien|thu ky|to vien|doan vien|member"),
)
_TAIL = r"(?:\s+(?:doan|to|cong tac|doan cong tac|to cong tac|thuong truc|cua doan|trong doan))*"
_PLURAL = r"(?:(?:cac|nhung) )?"  # a heading over several people: "Các thành viên", "Các Phó trưởng đoàn"
_PATTERNS = tuple((role, re.compile(rf"^{_PLURAL}(?:{words}){_TAIL}$")) for role, words in PHRASES)

# Abbreviations every office reads the same way; a note line of the sheet may add or change them.
DEFAULT_ABBREVIATIONS = {"td": "head", "ptd": "deputy", "p td": "deputy", "pd": "deputy", "tv": "member",
                         "uv": "member", "tvd": "member"}


def strict_role(text: Any, abbreviations: dict[str, str] | None = None) -> str | None:
    """'head' | 'deputy' | 'member' when the whole text is a role wording or a known abbreviation, else None."""
    folded = fold(text)
    if not folded:
        return None
    table = abbreviations if abbreviations is not None else DEFAULT_ABBREVIATIONS
    if folded in table:
        return table[folded]
    return _worded_role(folded) or dotted_role(text)


def _worded_role(folded: str) -> str | None:
    for role, pattern in _PATTERNS:
        if pattern.match(folded):
            return role
    return None


# Role words cut short before a dot ("T.Đoàn", "P.Đoàn", "Tr.Đoàn", "P.TĐ", "Th.ký"): what each short form may stand
# for; a dotted wording is read only when every way of spelling it out that is a role gives the same role.
_SHORT_WORDS = {"t": ("truong", "thu", "thanh"), "tr": ("truong",), "th": ("thu", "thanh"), "p": ("pho",),
                "ph": ("pho",), "u": ("uy",), "td": ("truong doan",)}
_DOTTED = re.compile(r"^\s*(?:[^\W\d_]{1,2}\.\s*)+[^\W\d_]+\.?\s*$")


def dotted_role(text: Any) -> str | None:
    """The role a wording of role words cut short with dots spells out ('T.Đoàn' -> head, 'P.TĐ' -> deputy)."""
    if not isinstance(text, str) or not _DOTTED.match(text):
        return None
    parts = [fold(part) for part in text.strip().rstrip(".").split(".")]
    spellings = [_SHORT_WORDS.get(part, ()) + (part,) for part in parts]
    roles = {_worded_role(" ".join(words)) for words in product(*spellings)} - {None}
    return roles.pop() if len(roles) == 1 else None


def are_role_headings(labels: list[str]) -> bool:
    """True for two or more column headings that each name a role ('Trưởng đoàn' | 'Phó đoàn' | 'Thành viên'):
    a tick under one of them gives the role, so the columns must stay apart."""
    roles = [strict_role(label) for label in labels]
    return len(roles) >= 2 and all(roles) and len(set(roles)) >= 2


# A free-text note ("Ghi chú") states a role in a working group only in words naming the group's role — "Trưởng
# đoàn", "Phó đoàn", "P. Trưởng đoàn", "Thành viên", "TĐ" — never by a bare "Trưởng …" or "Tổ trưởng …", which
# in a note is as likely the head of something else ("Kiêm Tổ trưởng tổ dân phố 6", "Trưởng ban công tác Mặt trận").
# The group's wordings are those of PHRASES naming the đoàn (head, deputy) or the member.
_GROUP_WORD = {"head": "doan", "deputy": "doan", "member": "thanh vien"}
_GROUP_PHRASES = {role: [words for words in alternatives.split("|") if f" {_GROUP_WORD[role]} " in f" {words} "]
                  for role, alternatives in PHRASES}
_GROUP_PATTERNS = tuple((role, re.compile(rf"^{_PLURAL}(?:{'|'.join(words)}){_TAIL}$"))
                        for role, words in _GROUP_PHRASES.items())
_LEADS = ("head", "deputy")
# A note's clauses: "Trưởng đoàn; đi học đến 12/2025", "Phó đoàn (phụ trách TDP 3)", "Nhiệm vụ: Phó đoàn".
_CLAUSES = re.compile(r"[;,:\n()\[\]]|\s[-–—+]\s")


@lru_cache(maxsize=64)
def _mentions(abbreviations: tuple[tuple[str, str], ...]) -> re.Pattern:
    """Any head or deputy wording of the group (or its abbreviation) standing as words inside a longer note."""
    words = [w for role in _LEADS for w in _GROUP_PHRASES[role]]
    words += [short for short, role in abbreviations if role in _LEADS]
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def note_role(text: Any, abbreviations: dict[str, str] | None = None) -> tuple[str | None, bool]:
    """(role, doubtful) a free-text note states: the role when one clause of the note is wholly a wording of the
    group's role (or its abbreviation) and no other clause speaks of a role; doubtful (no role) when the note speaks
    of the group's head or deputy otherwise ("Nguyên Trưởng đoàn", "Trưởng đoàn từ 9/2025"), gives two roles, or is a
    bare head or deputy word naming no group ("Trưởng", "Tổ trưởng"); (None, False) for a note saying nothing of
    the group's roles ("Bổ sung tháng 8/2025", "Trưởng ban công tác Mặt trận TDP 3")."""
    if not isinstance(text, str) or not text.strip():
        return None, False
    table = abbreviations if abbreviations is not None else DEFAULT_ABBREVIATIONS
    mentions = _mentions(tuple(sorted(table.items())))
    roles, doubtful = set(), False
    for clause in _CLAUSES.split(text):
        folded = fold(clause)
        if not folded:
            continue
        role = _group_role(clause, folded, table)
        if role is not None:
            roles.add(role)
        elif mentions.search(folded) or strict_role(clause, table) in _LEADS:
            doubtful = True
    if doubtful or len(roles) > 1:
        return None, True
    return (roles.pop() if roles else None), False


def _group_role(clause: str, folded: str, table: dict[str, str]) -> str | None:
    if folded in table:
        return table[folded]
    for role, pattern in _GROUP_PATTERNS:
        if pattern.match(folded):
            return role
    return dotted_role(clause)
