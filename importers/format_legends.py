"""Legends that give a cell's formatting a meaning: "Ghi chú: Ô tô màu vàng là Trưởng đoàn, tô màu xanh là Phó
Trưởng đoàn, còn lại là thành viên", "Đồng chí in đậm là Trưởng đoàn, in nghiêng là Phó Trưởng đoàn", "Tên chữ đỏ:
Trưởng đoàn" (a roster with no role column), "Ô nền đỏ: vắng không phép; nền vàng: vắng có phép" or "x màu đỏ: vắng"
(a register's mark cells).

Pure: the legend's text in, rules out. A rule is a format — a fill colour, a font colour, a colour of either (the
legend does not say which: "màu vàng là …"), bold, italic or underline — and what it means: a role (head, deputy,
member) or a status. Colours are read with their diacritics ("vàng" is no "vắng", "đỏ" no "do") into the names of
``importers.colour_names``; "xanh" alone is either green or blue. "Còn lại là thành viên" / "ô không tô màu: có mặt"
is the meaning of a cell with no such format. Where the cells' formats are read and applied:
``importers.kinds.format_meanings``."""

import re
import unicodedata
from dataclasses import dataclass, field

from .legends import meaning_to_status
from .normalising import normalise_role

FILL, FONT, COLOUR, BOLD, ITALIC, UNDERLINE = "fill", "font", "colour", "bold", "italic", "underline"

# Colour wordings (lower case, diacritics kept), the longer first -> colour name (``colour_names``)
COLOUR_WORDS = (
    ("xanh lá cây", "xanh lá"), ("xanh lá", "xanh lá"), ("xanh lục", "xanh lá"), ("xanh nõn chuối", "xanh lá"),
    ("xanh lam", "xanh dương"), ("xanh dương", "xanh dương"), ("xanh da trời", "xanh dương"),
    ("xanh nước biển", "xanh dương"), ("xanh biển", "xanh dương"), ("xanh ngọc", "xanh dương"),
    ("xanh", "xanh"), ("vàng", "vàng"), ("đỏ", "đỏ"), ("cam", "cam"), ("hồng", "hồng"), ("tím", "tím"),
    ("xám", "xám"), ("ghi", "xám"), ("nâu", "nâu"),
)
_COLOUR = "|".join(re.escape(word) for word, _ in COLOUR_WORDS)
_NAMES = dict(COLOUR_WORDS)
# A colour word counts only after a word saying it is a colour ("màu", "tô", "nền", "chữ", "ô" …): "ghi" opens "ghi
# chú", "cam" "cam kết". The cue word says where the colour is: the text's ("chữ đỏ", "x màu đỏ", "tên màu xanh"),
# the cell's ("tô", "nền", "ô màu"), or not said ("màu vàng").
_FONT_CUE = r"(?:chữ|tên|dấu\s+x|dấu|ký\s+hiệu|x|kí\s+hiệu)"
_FILL_CUE = r"(?:tô|nền|ô|dòng|hàng|bôi|highlight|đánh\s+dấu)"
_COLOUR_PHRASE = re.compile(
    rf"(?:(?P<font>{_FONT_CUE})\s+(?:(?:được\s+)?(?:in|viết|ghi)\s+)?(?:màu\s+|mực\s+)?"
    rf"|(?P<fill>{_FILL_CUE})\s+(?:(?:được|có)\s+)?(?:(?:tô|nền|màu\s+nền|tô\s+nền)\s+)?(?:màu\s+)?"
    rf"|(?P<plain>màu\s+(?:nền\s+)?))(?P<colour>{_COLOUR})(?!\w)(?:\s+(?:nhạt|đậm|sẫm|tươi))?")
_BOLD = re.compile(r"(?:\b(?:in|chữ|viết|bôi|kiểu|font)\s+(?:chữ\s+)?|^\s*)đậm(?!\w)")
_ITALIC = re.compile(r"(?:\b(?:in|chữ|viết|kiểu|font)\s+(?:chữ\s+)?|^\s*)nghiêng(?!\w)")
_UNDERLINE = re.compile(r"gạch\s+(?:chân|dưới)(?!\w)")
# The cells with none of the formats: "còn lại là thành viên", "ô không tô màu: có mặt", "ô trắng: có mặt"
_REST = re.compile(r"còn\s+lại|các\s+(?:ô|đồng\s+chí|dòng)\s+khác|không\s+(?:tô|có\s+màu|màu|in)|"
                   r"(?:ô|nền)\s+trắng|để\s+trắng|bình\s+thường")
# A mark the same legend explains in words ("ô có dấu x: có mặt", "dấu x là có mặt", "x: có mặt")
_MARK = re.compile(r"^(?:(?:ô|các\s+ô)\s+)?(?:có\s+|ghi\s+|đánh\s+)?(?:(?:dấu|ký\s+hiệu|kí\s+hiệu|chữ)\s+)?"
                   r"[\"“'(]?([^\s\"”')]{1,4})[\"”')]?$")
_CLAUSES = re.compile(r"\s*[;\n]\s*|,\s+|\.\s+(?=\S)|\s+và\s+(?=(?:ô|tô|chữ|in|nền|tên|dấu|đồng|x)\b)")
_SIDES = re.compile(r"\s*(?:\bl[àa]\b|:|=|→|->|\s[-–]\s|\bthể\s+hiện\b|\bbiểu\s+thị\b|\bnghĩa\s+là\b"
                    r"|\bcho\s+biết\b)\s*")
_FILLER = re.compile(r"^(?:ghi\s+chú|chú\s+thích|chú\s+giải|quy\s+ước|ký\s+hiệu|lưu\s+ý)\s*[:.]?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class FormatRule:
    """One format and what it means: `where` FILL, FONT, COLOUR (either), BOLD, ITALIC or UNDERLINE; `colour` the
    colour's name for the colour kinds; `field` 'role' or 'status'; `value` the role or status."""

    where: str
    colour: str | None
    field: str
    value: str
    text: str  # the clause as written, for messages


@dataclass
class FormatLegend:
    """The rules of a sheet's format legend, the meaning of an unformatted cell, and the legend's text."""

    rules: list[FormatRule] = field(default_factory=list)
    rest: dict = field(default_factory=dict)  # field -> value of a cell with none of the formats
    marks: dict = field(default_factory=dict)  # mark -> status the same legend gives a mark ("ô có dấu x: có mặt")
    text: str = ""

    def fields(self) -> set[str]:
        return {rule.field for rule in self.rules}

    def speaks_of(self) -> str:
        """What the legend says is formatted, in words for a message: 'tô màu', 'in đậm' …"""
        kinds = {rule.where for rule in self.rules}
        words = [word for kind, word in ((FILL, "tô màu"), (COLOUR, "tô màu"), (FONT, "chữ màu"), (BOLD, "in đậm"),
                                         (ITALIC, "in nghiêng"), (UNDERLINE, "gạch chân")) if kind in kinds]
        return ", ".join(dict.fromkeys(words))


def read_format_legend(texts) -> FormatLegend | None:
    """The format rules of the note lines `texts` (any text cells: those without such a rule are passed over);
    None when none gives a format a meaning."""
    legend, sources = FormatLegend(), []
    for text in texts:
        if not isinstance(text, str) or not _might_hold(text):
            continue
        found = False
        for clause in _CLAUSES.split(unicodedata.normalize("NFC", text)):
            rule = _rule(clause)
            if isinstance(rule, FormatRule):
                legend.rules.append(rule)
                found = True
            elif rule is not None and rule[0] == "mark":
                legend.marks.setdefault(rule[1], rule[2])
            elif rule is not None:
                legend.rest.setdefault(*rule)
        if found:
            sources.append(text.strip())
    if not legend.rules:
        return None
    legend.text = " | ".join(sources)
    return legend


_HINT = re.compile(rf"màu|tô|nền|đậm|nghiêng|gạch\s+(?:chân|dưới)|chữ\s+(?:{_COLOUR})", re.IGNORECASE)


def _might_hold(text: str) -> bool:
    return len(text) < 600 and _HINT.search(unicodedata.normalize("NFC", text)) is not None


def _rule(clause: str):
    """A FormatRule of one clause, (field, value) for the meaning of cells without a format, or None."""
    lowered = _FILLER.sub("", clause.strip().lower()).strip(" .()")
    sides = [side for side in _SIDES.split(lowered, maxsplit=1) if side.strip()]
    if len(sides) != 2:
        return None
    formats = [_format(side) for side in sides]
    if formats[0] and not formats[1]:
        shape, meaning = formats[0], sides[1]
    elif formats[1] and not formats[0]:
        shape, meaning = formats[1], sides[0]  # "Trưởng đoàn: tô màu vàng"
    elif not any(formats) and _REST.search(sides[0]):
        return _meaning(sides[1])
    elif not any(formats) and _MARK.match(sides[0]):
        meaning = _meaning(sides[1])
        return ("mark", _MARK.match(sides[0]).group(1), meaning[1]) if meaning and meaning[0] == "status" else None
    else:
        return None
    meaning = _meaning(meaning)
    if meaning is None:
        return None
    where, colour = shape
    return FormatRule(where, colour, meaning[0], meaning[1], clause.strip())


REST = "rest"


def format_clause(clause: str) -> tuple[tuple[str, str | None], str] | None:
    """((where, colour), meaning as written) of a clause naming a format and what it means ("ô tô màu vàng: vắng
    có lý do"), where is REST for a cell with none ("ô không tô màu: có mặt"); None for any other clause. The
    meaning is left to the caller (a legend of swatches also reads "không thuộc diện sinh hoạt")."""
    lowered = _FILLER.sub("", clause.strip().lower()).strip(" .()")
    sides = [side for side in _SIDES.split(lowered, maxsplit=1) if side.strip()]
    if len(sides) != 2:
        return None
    shape = _format(sides[0])
    if shape is None and _REST.search(sides[0]) and not _format(sides[1]):
        shape = (REST, None)
    elif shape is None and _format(sides[1]):  # "Vắng có phép: tô vàng"
        shape, sides = _format(sides[1]), sides[::-1]
    meaning = sides[1].strip(" .:;,()")
    return (shape, meaning) if shape and meaning else None


def clause_meaning(text: str) -> tuple[str, str] | None:
    """('role', role) or ('status', status) of a legend's meaning."""
    return _meaning(text)


def _format(side: str) -> tuple[str, str | None] | None:
    """(where, colour) of the format a side of a clause names, or None."""
    if _REST.search(side):
        return None
    match = _COLOUR_PHRASE.search(side)
    if match:
        where = FONT if match.group("font") else FILL if match.group("fill") else COLOUR
        return where, _NAMES[match.group("colour")]
    if _BOLD.search(side):
        return BOLD, None
    if _ITALIC.search(side):
        return ITALIC, None
    if _UNDERLINE.search(side):
        return UNDERLINE, None
    return None


def _meaning(text: str) -> tuple[str, str] | None:
    """('role', role) or ('status', status) of a legend's meaning."""
    text = text.strip(" .:;,()")
    if not text:
        return None
    role, problem = normalise_role(text)
    if role and not problem:
        return "role", role
    status = meaning_to_status(text)
    if status:
        return "status", status
    return None
