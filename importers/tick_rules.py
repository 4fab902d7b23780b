"""How a meeting's status tick boxes combine ('CM' | 'CP' under each meeting date, each a checkbox or an 'x'), as
the file's instruction line says: "Tick CM = có mặt; không tick CM nhưng tick CP = vắng có phép; không tick cả hai
= vắng không phép". Each rule names the boxes ticked and those left unticked (by their header, or all of them: "cả
hai", "cả 3", "ô nào", "both") and the status that follows.

A row's ticks are read by the most specific rule that fits them; two rules of equal weight giving two statuses, or
no rule, leave the usual reading: one box ticked is its header's status, a late box ticked beside a present one is
late ("đến muộn thì tích thêm ô Muộn"); nothing ticked, or ticks that disagree, are refused with a reason naming
the boxes — a guess would be a confident wrong record."""

import re
from dataclasses import dataclass

from .legends import meaning_to_status
from .normalising import fold

# Clauses of an instruction line, and the sign between the ticks and their meaning (the last one in a clause:
# "Cách ghi: tick CM = có mặt" reads "Cách ghi: tick CM" as the ticks).
_CLAUSES = re.compile(r"\s*[;\n]\s*|(?:(?<=\w{2})|(?<=[)\]\"'”]))\.\s+")
_MEANS = re.compile(r"\s*(?:=|:|->|→|⇒)\s*|\s+(?:là|thì|thì là|nghĩa là|tức là|means|is)\s+", re.IGNORECASE)
# Joins between the parts of a condition ("không tick CM nhưng tick CP", "Check CM, CP").
_PARTS = re.compile(r"\s*,\s*|\s+(?:nhưng|và|mà|còn|hoặc|but|and)\s+", re.IGNORECASE)
_TICK_WORDS = re.compile(r"\b(?:tick|ticked|untick|unticked|tich|check|checked|danh dau|chon|true|false|x)\b")
_UNTICKED = re.compile(r"\b(?:khong|chua|ko|bo tick|bo tich|untick|unticked|not|no|false)\b")
# A condition about blank cells ("Ô trống (không có checkbox) = chưa sinh hoạt"): a blank is no unticked box.
_BLANK = re.compile(r"\b(?:o trong|de trong|bo trong|blank|empty|khong co (?:o|checkbox|o tick|o check|o tich))\b")
_TICKED = re.compile(r"\b(?:tick|ticked|tich|check|checked|danh dau|chon|true|x)\b")
_EVERY_BOX = re.compile(r"\b(?:ca (?:hai|2|ba|3|bon|4)|tat ca|o nao|cot nao|both|all|any|none)\b")

PRESENT_AND_LATE = frozenset({"present", "late"})
NONE_TICKED = ("không ô nào được tích ({boxes}) mà tệp không ghi chú không tích là gì — không rõ là vắng có phép, "
               "vắng không phép hay chưa ghi; xin tích một ô hoặc ghi chú cách hiểu")
MANY_TICKED = ("được tích ở cả {boxes}: không rõ là {statuses} — xin chỉ tích một ô hoặc ghi chú trường hợp này")
NOTE_SPLIT = ("ô tích ({boxes}) theo ghi chú của tệp có hai cách hiểu ({statuses}) — xin sửa ô hoặc ghi chú")
STATUS_WORDS = {"present": "có mặt", "excused": "vắng có phép", "absent": "vắng không phép", "late": "đến muộn",
                "exempt": "miễn sinh hoạt"}


@dataclass(frozen=True)
class TickRule:
    """The status given when the boxes `ticked` are ticked and those `unticked` are not."""

    ticked: frozenset
    unticked: frozenset
    status: str

    def fits(self, ticked: set) -> bool:
        return self.ticked <= ticked and not self.unticked & ticked

    @property
    def weight(self) -> int:
        return len(self.ticked) + len(self.unticked)


def tick_rules(texts, labels: list[str]) -> list[TickRule]:
    """The rules the instruction lines among `texts` state for a meeting's boxes headed `labels`."""
    boxes = sorted({fold(label) for label in labels if fold(label)}, key=len, reverse=True)
    rules = []
    for text in texts:
        if not isinstance(text, str) or len(text) > 600 or not _TICK_WORDS.search(fold(text)):
            continue
        for clause in _CLAUSES.split(text):
            rule = _rule(clause, boxes)
            if rule is not None and rule not in rules:
                rules.append(rule)
    return rules


def _rule(clause: str, boxes: list[str]) -> TickRule | None:
    """The rule of one clause: the ticks, then what they mean ("không tick cả hai = vắng không phép"), or the
    status first ("Đến muộn thì tích cả hai ô Có mặt và Muộn")."""
    pieces = _MEANS.split(clause)
    if len(pieces) < 2 or _BLANK.search(f" {fold(clause)} "):
        return None
    readings = [(pieces[-1], " ".join(pieces[:-1]))]
    readings += [(pieces[at], " ".join(pieces[at + 1:])) for at in range(len(pieces) - 1)]
    for status_text, condition in readings:
        status = meaning_to_status(status_text)
        said = _condition(condition, boxes) if status and _TICK_WORDS.search(fold(condition)) else None
        if said is not None:
            ticked = frozenset(box for box, value in said.items() if value)
            return TickRule(ticked, frozenset(said) - ticked, status)
    return None


def _condition(text: str, boxes: list[str]) -> dict[str, bool] | None:
    """{box: ticked?} a condition states ('không tick CM nhưng tick CP' -> {cm: False, cp: True}); a part naming
    boxes without saying ticked or not takes the word of the part after it, else before it ('CM và CP đều tick')."""
    parts = []
    for part in _PARTS.split(text):
        folded = f" {fold(part)} "
        named = []
        for box in boxes:
            if f" {box} " in folded:
                named.append(box)
                folded = folded.replace(f" {box} ", " ")
        if _EVERY_BOX.search(folded):
            named = list(boxes)
        ticked = False if _UNTICKED.search(folded) else True if _TICKED.search(folded) else None
        if named or ticked is not None:
            parts.append((named, ticked))
    if not parts or all(ticked is None for _, ticked in parts):
        return None
    said: dict[str, bool] = {}
    for position, (named, ticked) in enumerate(parts):
        if ticked is None:
            later = [value for _, value in parts[position + 1:] if value is not None]
            ticked = later[0] if later else next(value for _, value in reversed(parts[:position]) if value is not None)
        for box in named or (list(boxes) if ticked is False else []):  # "không tích = vắng": no box ticked
            if said.setdefault(box, ticked) != ticked:
                return None
    return said or None


def ticks_status(ticked: list[int], labels: list[str], statuses: list[str],
                 rules: list[TickRule]) -> tuple[str | None, str | None]:
    """(status, None) for a row whose boxes at positions `ticked` are ticked, of the boxes headed `labels` standing
    for `statuses`; (None, reason) when neither the rules nor the usual reading settle it."""
    names = {fold(labels[at]) for at in ticked}
    fitting = [rule for rule in rules if rule.fits(names)]
    boxes = ", ".join(f"«{labels[at]}»" for at in ticked)
    if fitting:
        heaviest = max(rule.weight for rule in fitting)
        found = {rule.status for rule in fitting if rule.weight == heaviest}
        if len(found) == 1:
            return found.pop(), None
        return None, NOTE_SPLIT.format(boxes=boxes or "không ô nào được tích", statuses=_listed(found))
    said = {statuses[at] for at in ticked}
    if len(said) == 1:
        return said.pop(), None
    if said == PRESENT_AND_LATE:
        return "late", None
    if not ticked:
        return None, NONE_TICKED.format(boxes=", ".join(f"«{label}»" for label in labels))
    return None, MANY_TICKED.format(boxes=boxes, statuses=_listed(said))


def _listed(statuses: set) -> str:
    return " hay ".join(STATUS_WORDS[status] for status in sorted(statuses))
