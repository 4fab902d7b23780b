"""A note saying which status a stated reason gives, its examples in brackets rather than a mark: 'vắng có nêu lý
do (bịnh, kẹt việc, đi đám, bận họp...) là vắng có lý do', 'Ghi lý do (ốm, đi công tác, v.v.) = vắng có phép',
'Vắng có phép: ghi rõ lý do (ốm, việc gia đình…)'. Under such a note a status cell holding a short phrase that no
mark or status wording reads is the note's status when it names one of the examples, as written or going on ('kẹt
việc nhà' for 'kẹt việc', 'bận họp trên tỉnh' for 'bận họp'), or, for an excused absence, a reason of several words
the importer knows ('đi công tác', 'việc gia đình': ``status_phrases.REASON_WORDS``). Examples are matched with their
tones ('bịnh' is not 'bình'). Each column read so says which phrases in one warning, for the officer to check.

Refused still: a phrase that could be a person's name (every word capitalised), a date or a number (any digit), a
negation ('không rõ', 'chưa báo'), a phrase holding a status wording of its own ('có đi đám': 'có đi' is present),
a long text, and a phrase naming no example. Without such a note a reason alone ('kẹt việc') is refused as before.
Brackets of marks ('(P)') or of statuses ('(có phép, không phép)') hold no examples; a note giving one phrase two
statuses reads it as neither."""

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .legend_rules import EXAMPLES_LEAD, sides
from .legends import is_plain_meaning, legend_items, meaning_to_status
from .normalising import DEFAULT_MARKS, fold
from .status_phrases import CODES, EXEMPT, NOTE_PREFIXES, REASON_WORDS

STATUSES = ("excused", "absent", EXEMPT)  # what a reason may make; never a presence
MAX_LENGTH = 40
MIN_LETTERS = 2  # an example is a word ('ốm'), never a mark
MAX_WORDS = 6
NEGATIONS = {"khong", "ko", "k", "chua", "chang", "cha"}
KNOWN_REASONS = tuple(wording for wording in REASON_WORDS if " " in wording)  # one folded syllable is too loose
_EXAMPLES = re.compile(r"\(([^()]{2,160})\)")
_OPEN_END = re.compile(r"\s*(?:\.{2,}|…|\bv\s*\.?\s*v\b\.?|\betc\b\.?)\s*$", re.IGNORECASE)
_EXAMPLE_SPLIT = re.compile(r"\s*[,;/]\s*|\s+(?:hoặc|hay)\s+", re.IGNORECASE)
_REASON_SIDE = re.compile(r"\b(?:ly do|li do|nguyen nhan)\b|^(?:vang|nghi)(?: mat| hop)?$")
_LABEL = re.compile(r"^[^:()]{2,20}:\s*")
_HOLDER = "\ue010"  # where the examples stood, to tell the reason's side from the status's


@dataclass(frozen=True)
class ReasonRule:
    """A note's rule: cells naming one of `examples` (``words`` of each) are `status`; `note` is the item as
    written."""

    status: str
    examples: tuple[str, ...]
    note: str


def words(text: str) -> str:
    """The words of a text, lower case with their tones, punctuation and spacing aside ('Kẹt việc...' -> 'kẹt
    việc')."""
    return " ".join(re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", text).casefold()))


def reason_rules(texts: list[Any]) -> tuple[ReasonRule, ...]:
    """The rules the note and legend lines state, one a sentence."""
    found = []
    for text in texts:
        if isinstance(text, str) and len(text) <= 500:
            found += [rule for item in legend_items(unicodedata.normalize("NFC", text))
                      if (rule := _item_rule(item)) is not None]
    return tuple(found)


def _item_rule(item: str) -> ReasonRule | None:
    label = _LABEL.match(item)
    if label and fold(label.group()).startswith(NOTE_PREFIXES):  # "Lưu ý: vắng có lý do (…) là …"
        item = item[label.end():]
    brackets = list(_EXAMPLES.finditer(item))
    if len(brackets) != 1:
        return None
    examples = _examples(brackets[0].group(1))
    held = item[:brackets[0].start()] + _HOLDER + item[brackets[0].end():]
    parts = sides(held)
    if not examples or len(parts) != 2:
        return None
    reason, stated = parts if _HOLDER in parts[0] else parts[::-1]
    reason = reason.replace(_HOLDER, " ")
    status, said = meaning_to_status(stated), meaning_to_status(reason)
    if status not in STATUSES or said not in (None, status) and not is_plain_meaning(reason):
        return None  # "vắng (ốm, …) là vắng có phép": a bare «vắng» names the side, the note says which
    if not _REASON_SIDE.search(fold(reason)) and not _REASON_SIDE.search(fold(stated)):
        return None
    return ReasonRule(status, examples, item.strip().rstrip("."))


def _examples(inside: str) -> tuple[str, ...]:
    """The examples listed in brackets ('bịnh, kẹt việc, đi đám, bận họp...', 'như: ốm, v.v.'): two at least, or
    one left open ('ốm...'); none when any of them is a mark, a status or a number."""
    text = EXAMPLES_LEAD.sub("", inside.strip())
    opened = _OPEN_END.search(text)
    text = text[:opened.start()] if opened else text
    listed = [part.strip() for part in _EXAMPLE_SPLIT.split(text) if part.strip()]
    if len(listed) < (1 if opened else 2):
        return ()
    for example in listed:
        if any(ch.isdigit() for ch in example) or meaning_to_status(example) or fold(example) in DEFAULT_MARKS \
                or fold(example) in CODES or len(words(example)) < MIN_LETTERS:
            return ()
    return tuple(words(example) for example in listed)


def reason_rule_for(value: Any, rules: tuple[ReasonRule, ...]) -> ReasonRule | None:
    """The rule a status cell's short reason phrase falls under ('kẹt việc nhà' under '(bịnh, kẹt việc, …)'); None
    for any other cell, or when the phrase falls under rules giving two statuses."""
    if not rules or not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFC", value).strip()
    typed = text.split()
    if not typed or len(text) > MAX_LENGTH or len(typed) > MAX_WORDS or any(ch.isdigit() for ch in text):
        return None
    if len(typed) >= 2 and all(word[:1].isupper() for word in typed):  # may be a person's name
        return None
    if NEGATIONS & set(fold(text).split()) or meaning_to_status(text):
        return None
    padded = f" {words(text)} "
    matched = [rule for rule in rules if any(f" {example} " in padded for example in rule.examples)]
    if not matched and any(f" {known} " in f" {fold(text)} " for known in KNOWN_REASONS):
        matched = [rule for rule in rules if rule.status == "excused"]
    return matched[0] if len({rule.status for rule in matched}) == 1 else None
