"""Marks legends ("Ghi chú: x - có mặt; P - vắng có phép", "(+) có mặt; (V) vắng có lý do", "Có mặt: X, Vắng: V"):
which mark stands for which status. Offices write the pair in either order, with or without brackets, and separate
pairs with ';', ',', '|' or wide spaces: each item is tried against a table of shapes, and a meaning is read through a
table of wordings. A meaning may hold commas of its own ("(P) vắng có báo cáo, có lý do"). Marks typed on a phone are
emoji ("✅ có mặt", "❌ vắng không phép", even glued, "✅có mặt"), read as any other mark; a line whose items stand
apart by wide gaps or line breaks only, no sign between mark and meaning, is a legend when every item is a mark and its
meaning (a name typed with wide gaps never is). A note may explain the cells' own words in a sentence, quoting them
('"có đi" là có mặt; "không đi, không báo" là vắng không lý do'): a quoted item is a mark, words and all, and quotes and
brackets of examples are never cut at their commas. A mark given two statuses ("v - vắng có lý do (ô tô vàng); v - vắng
không lý do (ô tô đỏ)") reads as a ``mark_doubts.MarkDoubt``, never as either."""

import re
import unicodedata
from typing import Any

from .absence_notice import REPORTED, UNREPORTED, came
from .legend_rules import EXAMPLES_LEAD, split_rule
from .mark_doubts import MarkDoubt
from .normalising import decode_mark, fold, mark_key
from .number_marks import number_rules
from .ticks import CHECKBOX_TEXTS

# Meaning wordings (folded) → status, tried in order: the more specific first.
# The side-only rows come last, absence before presence: "vắng có …" and "không dự" / "không có mặt" hold a presence
# wording ("có", "dự") that is no presence.
MEANINGS = (
    (("mien sinh hoat", "mien sh", "mien shcb", "duoc mien"), "exempt"),  # "MS - miễn sinh hoạt"
    (("khong phep", "khong ly do", "vang kp", "vang khong", "khong co ly do", "tu y", "khong bao cao",
      "ko phep", "k phep", "khong ld", "ko ld", "k ld", *UNREPORTED), "absent"),  # "ko báo": ``absence_notice``
    (("co phep", "co ly do", "vang cp", "nghi phep", "vang co", "co ld", "excused", *REPORTED,
      "vang do", "vang vi", "nghi do", "nghi vi"), "excused"),  # "vắng do đi công tác": a reason stated
    (("muon", "tre", "den cham", "di cham", "late"), "late"),
    (("vang", "khong du", "khong tham du", "khong co mat", "khong hien dien", "absent"), "absent"),
    (("co mat", "hien dien", "tham du", "du hop", "du sinh hoat", "du day du", "du du", "co", "present", "check in",
      "attended"), "present"),  # "dự đủ": attended throughout
)
# A meaning saying nothing is known yet ("ô trống: chưa có báo cáo") is no status, though it holds "có" or "báo cáo".
NO_STATUS = ("chua co bao cao", "chua bao cao", "chua cap nhat", "chua co so lieu", "chua co ket qua",
             "chua co thong tin", "khong co so lieu", "chua nop")
# "MS: miễn", "D: dự"; only as the whole meaning ("công tác miền Nam", "dự kiến" fold alike)
WHOLE_MEANINGS = {"mien": "exempt", "du": "present"}
LEGEND_PREFIXES = ("ghi chu", "chu thich", "ky hieu", "chu giai", "quy uoc")
# A full stop after a word of three letters or more, or after a closing bracket ("CT đi công tác (tính vắng có phép).
# NCS: …"), ends a sentence ("T đến trễ. Ô để trống: …"); after a short abbreviation ("P. Phú Hòa", "TP. Thủ Đức") it
# does not. A dash before a capital mark and its colon starts the next
# item ("CM: Có mặt - CP: Có phép"); a dash before a meaning ("x - có mặt") pairs.
_SEPARATORS = re.compile(r"\s*[;,|]\s*|\s{3,}|\n|(?:(?<=\w{3})|(?<=\)))\.\s+|\s+[-–]\s+(?=[A-ZĐ]{1,4}\s*[:=]\s)")
# A mark: up to four characters, or the text a checkbox is saved as ("TRUE = có mặt; FALSE = vắng": a legend giving
# the ticked and unticked box a meaning is what lets a checkbox be read under a header naming no status)
MARK = r"(?:[^\s:;,=()]{1,4}|(?i:" + "|".join(CHECKBOX_TEXTS) + "))"
# Shapes of one legend item, tried in order: (pattern, which group is the mark, which the meaning).
SHAPES = (
    (re.compile(rf"^[(\[]\s*({MARK}|[-+])\s*[)\]]\s*[-–=:.]?\s*(.+)$"), 1, 2),      # (+) có mặt / [V]: vắng
    (re.compile(rf"^[\"'“]?({MARK}|[-+])[\"'”]?\s*[-–=:]\s*(.+)$"), 1, 2),          # x - có mặt / "+": có mặt
    (re.compile(rf"^(.+?)\s*[-–=:]\s*[(\[\"'“]?({MARK}|[-+])[)\]\"'”]?$"), 2, 1),   # Có mặt: X / vắng = (-)
    # X có mặt; never with a sign further on: 'Dự muộn = đến sau giờ khai mạc' explains the words 'Dự muộn'
    (re.compile(rf"^({MARK})\s+([^=:]{{3,}})$"), 1, 2),
)
# Words written in quotes in a note's sentence, and the status they stand for ('"có đi" là có mặt', '«bịnh»: vắng
# có lý do', 'có mặt = "có đi"'): the quotes mark the cell's own words, so they may be a short answer of several
# words ('"không đi, không báo" là vắng không lý do') and hold status words of their own ('có đi').
_QUOTE_OPEN, _QUOTE_CLOSE = "\"“«", "\"”»"
QUOTED = rf"[{_QUOTE_OPEN}]([^{_QUOTE_OPEN}{_QUOTE_CLOSE}\n]{{1,40}})[{_QUOTE_CLOSE}]"
_STANDS_FOR = (r"(?:[-–—=:→]|->|(?:(?:thì|nghĩa|tức|được hiểu|được tính|được ghi|tính|coi)\s+)?là(?!\w)"
               r"|(?:coi|xem)\s+như)")
QUOTED_SHAPES = (
    (re.compile(rf"^{QUOTED}\s*{_STANDS_FOR}\s*(.+)$", re.IGNORECASE), 1, 2),   # "có đi" là có mặt
    (re.compile(rf"^(.+?)\s*[-–=:]\s*{QUOTED}$"), 2, 1),                        # có mặt: "có đi"
)


def meaning_to_status(meaning: str) -> str | None:
    """The status a legend meaning ('vắng có lý do', 'đến muộn') stands for."""
    if fold(meaning) in WHOLE_MEANINGS:
        return WHOLE_MEANINGS[fold(meaning)]
    folded = f" {fold(meaning)} "
    if any(f" {wording} " in folded for wording in NO_STATUS):
        return None
    arrived = came(fold(meaning))
    for wordings, status in MEANINGS:
        if arrived and status in ("absent", "excused"):
            continue  # "đi muộn có báo": the notice qualifies an arrival (``absence_notice``)
        if any(f" {wording} " in folded for wording in wordings):
            return status
    return None


def is_plain_meaning(meaning: str) -> bool:
    """A meaning that names a side only, 'có mặt' or 'vắng', not how ('vắng có phép', 'đi muộn')."""
    folded = f" {fold(meaning)} "
    first = next((rank for rank, (wordings, _) in enumerate(MEANINGS)
                  if any(f" {wording} " in folded for wording in wordings)), None)
    return first is not None and first >= len(MEANINGS) - _PLAIN_MEANINGS


_PLAIN_MEANINGS = 2  # the last two rows of MEANINGS: 'vắng …' and 'có mặt …'


def _pair(item: str) -> tuple[str, str, bool, str] | None:
    """(mark, status, whether the mark is written first, meaning as written) of one legend item (none for an item
    about blank cells or arrival times: ``cell_rules`` reads those)."""
    if split_rule(item):
        return None
    for pattern, mark_group, meaning_group in QUOTED_SHAPES:
        match = pattern.match(item.strip())
        status = meaning_to_status(match.group(meaning_group)) if match else None
        if status:
            return mark_key(match.group(mark_group)), status, mark_group < meaning_group, match.group(meaning_group)
    for pattern, mark_group, meaning_group in SHAPES:
        match = pattern.match(item.strip())
        if match:
            mark, meaning = match.group(mark_group), match.group(meaning_group)
            status = meaning_to_status(meaning)
            if status and meaning_to_status(mark) is None or (status and len(mark) <= 2):
                return mark_key(mark), status, mark_group < meaning_group, meaning
    glued = _GLUED.match(item.strip())
    if glued and _is_symbol(glued.group(1)) and meaning_to_status(glued.group(2)):
        return mark_key(glued.group(1)), meaning_to_status(glued.group(2)), True, glued.group(2)
    return None


# A symbol typed straight before its meaning, no space between ("✅có mặt", "❌vắng"): a phone keyboard's emoji.
_GLUED = re.compile(r"^(\W{1,3}?)(\w.{2,})$")


def _is_symbol(mark: str) -> bool:
    """Whether a mark is drawn symbols only ('✅', '✔️', '●'), never a dash, bracket or bullet opening a line."""
    kept = [ch for ch in mark if unicodedata.category(ch) not in ("Mn", "Me", "Cf", "Sk")]
    return bool(kept) and all(unicodedata.category(ch) == "So" for ch in kept)


def parse_legend(text: str) -> dict[str, str]:
    """Marks table from a legend line; empty when nothing recognisable. Wide gaps may separate the items
    ("● có mặt   ○ vắng") or be mere typing ("x  -   có mặt"): the reading that explains more marks wins."""
    text = _COMMENT.sub("", text)
    readings = [_parse_items(text), _parse_items(_GAPS.sub(" ", text))]
    label = _LABEL.match(text)
    if label:  # "TrangThai: 1 = Có mặt; 2 = …": the column the codes are for, then the codes
        codes = _parse_items(text[label.end():])
        if _names_column(label.group()) and len(codes) >= max(map(len, readings)):
            return codes  # "Mã tình trạng: 1 - Có mặt; …" never reads "Mã" as a mark of "tình trạng: 1 - Có mặt"
        readings.append(codes)
    return max(readings, key=len)


def _names_column(label: str) -> bool:
    """A legend's opening label ('Mã tình trạng:', 'Trạng thái:') that is neither a mark ('CM:') nor a meaning
    ('Có mặt:'), so it names what the codes after it are for."""
    words = label.rstrip().rstrip(":").strip()
    return not _BARE_MARK.match(words) and meaning_to_status(words) is None


_GAPS = re.compile(r"[^\S\n]+")
_COMMENT = re.compile(r"^\s*(?:#+|//|--|\*+)\s*")  # a comment line a software export appends ("# 1 = Có mặt")
_LABEL = re.compile(r"^[^:;=]{2,30}:\s*")


def _parse_items(text: str) -> dict[str, str]:
    """Each item's pair; bare marks listed before a "mark - meaning" item share its meaning ("MS, Đ - miễn")."""
    body = legend_body(text)
    found: dict[str, list[tuple[str, str]]] = {}
    waiting = []
    for item in _with_continuations(body):
        pair = _labelled_pair(item) if item.strip() else None
        if pair:
            mark, status, mark_first, meaning = pair
            for bare in waiting if mark_first else ():
                found.setdefault(bare, []).append((status, meaning))
            found.setdefault(mark, []).append((status, meaning))
            waiting = []
        elif _BARE_MARK.match(item.strip()) and meaning_to_status(item) is None:
            waiting.append(mark_key(item.strip()))
        else:
            waiting = []
    return {mark: _settled(meanings) for mark, meanings in found.items()}


_COLUMN_WORDS = ("cot ", "o ", "muc ")  # "Cột Có mặt:" names a column, though its words are a meaning


def _labelled_pair(item: str):
    """An item's pair, also after a label naming the column its marks are for ("Cột Vắng: P = có phép" in "Cột Có
    mặt: x = có mặt, M = đến muộn. Cột Vắng: P = có phép, K = không phép")."""
    pair = _pair(item)
    label = _LABEL.match(item.strip()) if pair is None else None
    if label and (fold(label.group()).startswith(_COLUMN_WORDS) or _names_column(label.group())):
        return _pair(item.strip()[label.end():])
    return pair


def _settled(meanings: list[tuple[str, str]]) -> str:
    """A mark's status; a ``MarkDoubt`` when the legend gives it two ("v - vắng có lý do (ô tô vàng); v - vắng
    không lý do (ô tô đỏ)": the cell's colour tells them apart), which no reading of the cell text may settle."""
    first: dict[str, tuple[str, str]] = {}
    for status, meaning in meanings:
        first.setdefault(status, (status, meaning))
    return meanings[0][0] if len(first) == 1 else MarkDoubt(list(first.values()))


_BARE_MARK = re.compile(rf"^{MARK}$")
# "Ký hiệu:" opening the line or a sentence of it ("Mỗi cột là một đảng viên. Ký hiệu: x có mặt; …")
_OPENING = re.compile(r"[.!?]\s+(\w+(?:\s+\w+){0,3})\s*:")


def legend_body(text: str) -> str:
    """The legend's items: the text after its opening word ("Ký hiệu:"), whether the line or a later sentence of
    it starts with that word; the whole text when it has none."""
    if fold(text).startswith(LEGEND_PREFIXES) and ":" in text:
        return text.split(":", 1)[1]
    for found in _OPENING.finditer(text):
        if fold(found.group(1)).startswith(LEGEND_PREFIXES):
            return text[found.end():]
    return text


def legend_items(text: str) -> list[str]:
    """The items of a legend or note line, as the legend reader cuts them (a sentence of a note among them)."""
    return [item.strip() for item in _with_continuations(legend_body(_COMMENT.sub("", text))) if item.strip()]


def legend_parts(body: str) -> list[str]:
    """A legend's body cut as its items are, the separators kept between them (item, separator, item, …), so that
    the items may be rewritten one by one and joined back as written."""
    return [_unshielded(part) for part in _SEPARATORS_KEPT.split(_shielded(body))]


def _with_continuations(body: str) -> list[str]:
    """The items of a legend with a meaning's own commas put back: in "(P) vắng có báo cáo, có lý do; (-) …" the
    words after the comma (no mark, no sign pairing one, not a pair of their own) go on the meaning of the mark
    written before them (read alone, "(P) vắng, có lý do" would be an absence). Words in quotes and examples in
    brackets are never cut ('"không đi, không báo" là …', 'vắng có lý do (ốm, bận việc...) là …')."""
    parts = legend_parts(body)
    joined = [parts[0]]
    for separator, item in zip(parts[1::2], parts[2::2]):
        if separator.strip() == "," and _is_continuation(item) and _mark_first(joined[-1]):
            joined[-1] = f"{joined[-1]}, {item.strip()}"
        else:
            joined.append(item)
    return joined


_SEPARATORS_KEPT = re.compile(f"({_SEPARATORS.pattern})")
_PAIR_SIGN = re.compile(r"[=:()\[\]\"“”]|\s[-–]\s")
# Spans whose separators belong to them: words in quotes, and brackets holding no pair of their own (examples,
# "(ốm, bận việc...)", "(như: ốm, …)"; never "(x: có mặt, v: vắng)", a legend in brackets).
_WHOLE = re.compile(rf"{QUOTED}|\(([^()]{{1,120}})\)")
_SHIELD = str.maketrans(",;|.\n", "\ue000\ue001\ue002\ue003\ue004")
_UNSHIELD = {value: key for key, value in _SHIELD.items()}


def _shielded(body: str) -> str:
    """`body` with the separators inside its whole spans put out of the splitter's reach."""
    def shield(found: re.Match) -> str:
        inner = found.group(2)
        paired = inner is not None and _PAIR_SIGN.search(EXAMPLES_LEAD.sub("", inner))
        return found.group() if paired else found.group().translate(_SHIELD)
    return _WHOLE.sub(shield, body)


def _unshielded(part: str) -> str:
    return part.translate(_UNSHIELD)


def _is_continuation(item: str) -> bool:
    """Words going on with a meaning: no sign that pairs a mark with its meaning, no mark standing alone; a
    qualifier in brackets closing them ('tuần tra kiểm soát (có phép)') is part of the meaning, not a mark."""
    text = _CLOSING_QUALIFIER.sub("", item.strip()) if not _BARE_MARK.match(item.strip()) else item.strip()
    return bool(text) and not _PAIR_SIGN.search(text) and not _BARE_MARK.match(text) and _pair(text) is None


_CLOSING_QUALIFIER = re.compile(r"\s+\([^()=:]{3,40}\)$")


def _mark_first(item: str) -> bool:
    """True for an item read as "mark - meaning" (a meaning written after its mark may go on past a comma)."""
    pair = _pair(item) if item.strip() else None
    return pair is not None and pair[2]


def legend_piece(text: str) -> str | None:
    """What a piece of a legend line cut at its separators is: 'items' (marks with their meanings, or a rule for blank
    cells or arrival times), 'mark' (a bare mark listed before the meaning it shares: 'MS' of 'MS, Đ - miễn'),
    'words' (words going on with the meaning before them: 'có lý do' of '(P) vắng, có lý do'), else None."""
    text = unicodedata.normalize("NFC", text).strip()
    if not text or len(text) > 400:
        return None
    if parse_legend(text) or cell_rules([text]):
        return "items"
    if _BARE_MARK.match(text) and meaning_to_status(text) is None:
        return "mark"
    return "words" if _is_continuation(text) else None


def cell_rules(texts: list[Any]) -> dict[str, str]:
    """{'blank': status, 'time': status} as far as the legend and note lines say what a blank cell or a cell holding
    an arrival time means ("để trống = vắng không phép", "ghi giờ đến = có mặt"); lines saying two things, nothing.
    'day' and 'minutes' when a line says the cells hold the meeting's day or the minutes late (``number_marks``)."""
    found: dict[str, set] = {}
    for text in texts:
        if not isinstance(text, str) or len(text) > 400:
            continue
        for which, status in number_rules(text).items():
            found.setdefault(which, set()).add(status)
        body = legend_body(text)
        for item in _SEPARATORS.split(_COMMENT.sub("", body)):
            rule = split_rule(item) if item.strip() else None
            status = meaning_to_status(rule[1]) if rule else None
            if status:
                found.setdefault(rule[0], set()).add(status)
    return {which: statuses.pop() for which, statuses in found.items() if len(statuses) == 1}


def is_legend_text(text: Any) -> bool:
    """True when a cell holds a marks legend: it opens with a legend word, or names two marks and their meanings."""
    if not isinstance(text, str) or len(text) > 400:
        return False
    if fold(text).startswith(LEGEND_PREFIXES):
        return len(parse_legend(text)) >= 1 or bool(cell_rules([text]))
    # the cheap test first (every name of a register comes here): marks listed with ';', or with ',' between
    # "mark: meaning" / "mark = meaning" / "mark - meaning" pairs
    listed = ";" in text or ("," in text and any(sign in text for sign in (":", "=", " - ", " – ")))
    if listed:
        return len(parse_legend(text)) >= 2
    return bool(_LOOSE_LIST.search(text)) and _all_pairs(text)


# Items listed without a sign between mark and meaning ("✅ có mặt    P vắng có phép    ❌ vắng không phép", one a
# line, or "X có mặt, V vắng"): a legend only when every item is a mark and its meaning, two marks at least.
_LOOSE_LIST = re.compile(r"\S(?:[^\S\n]{3,}|\t|\n|,)\s*\S")


def _all_pairs(text: str) -> bool:
    items = [item for item in _SEPARATORS.split(text) if item.strip()]
    return len(items) >= 2 and all(_pair(item) for item in items) and len(parse_legend(text)) >= 2


def read_mark(value: Any, table: dict[str, str]) -> tuple[str | None, str | None]:
    """Status for one attendance mark: the file's legend and the usual marks first, then status words
    written out in the cell ('có phép', 'vắng không lý do', 'đi muộn'); (None, None) for a blank cell."""
    status, problem = decode_mark(value, table)
    if problem and isinstance(value, str) and len(value.strip()) > 2:
        worded = meaning_to_status(value)
        if worded:
            return worded, None
    return status, problem
