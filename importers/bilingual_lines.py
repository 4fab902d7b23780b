"""Two-language lines: the legend and context lines of a template printed in two languages (a foreign-invested
company's Vietnamese/Korean or Vietnamese/English register). Their lead word is followed by its translation ("Ký
hiệu / 범례:", "Ký hiệu / Legend:", "Ghi chú / Note:", "Đơn vị / Unit:", "Chi bộ / Party cell:", "Tổ chức đảng /
Party organisation:"), each meaning of a legend by its gloss ("O = Có mặt (출석)", "Có mặt (Present)", "Vắng / Absent"),
or the whole line by its translation, after " / " or on a line of its own ("Đơn vị: Chi bộ A / Unit: Party cell A").
Such a line is read by its Vietnamese part: it is rewritten before the legends, units and headers are read, its
separators kept, so that every reader of legends and unit lines sees one language.

What a translation is, is the two-language headers' rule (``bilingual_headers``): wholly English, or wholly in
another script; a Vietnamese wording, with or without accents, never is. Two things differ from a header: the English
words of legends count as English ('present', 'absent', 'late'…), and a bracket of English words closing a lead or a
legend's meaning is a gloss ('Có mặt (Present)'), where in a header it may name a second field. A Vietnamese bracket
('Vắng (ốm)') is a reason, kept as written. A gloss whose own reading differs from its Vietnamese meaning's ('P = Vắng
(Excused)') is warned, naming the cell: the Vietnamese meaning is read.

Only a line alone in its row or a legend is rewritten: a person's row (a note 'Nghỉ việc / 퇴사') stays as written."""

import re
import unicodedata

from .bilingual_headers import is_translation, line_wording
from .legends import is_legend_text, legend_body, legend_parts, parse_legend
from .mapping import column_letter
from .normalising import is_blank
from .results import SheetData

# English words of legends and context lines, beyond those of headers
LINE_WORDS = frozenset("""
present absent absence absences late lateness excused unexcused excuse exempt exempted exemption leave permission
permitted without with reason reasons approved unapproved attended arrived arrival early on time sick off not yes
legend key keys symbol symbols abbreviation abbreviations explanation note notes cell unit organisation organization
party committee branch chapter company place location address
""".split())
# A lead: the words before the line's first colon
_LEAD = re.compile(r"^(?P<space>\s*)(?P<lead>[^:\n]{2,40}?)\s*:")
_SPACED_SLASH = re.compile(r"(\s+/\s+|\s*\n\s*)")
_CLOSING_BRACKET = re.compile(r"^(?P<kept>.*?\S)\s*[(\[](?P<gloss>[^()\[\]]+)[)\]](?P<end>\s*[.;]?\s*)$")
# The cheap test every text cell goes through: a slash, a bracket, a line break or a letter of another script
_MAY_HOLD = re.compile(r"[/(\[\n]|[^\x00-\u024f\u1e00-\u1eff]")


def _translation(part: str) -> bool:
    return is_translation(part.strip(), LINE_WORDS)


def _vietnamese(part: str) -> str:
    """A lead or a legend's meaning without its second wording: the header rule, then an English bracket closing
    it."""
    kept = " ".join(line_wording(part, LINE_WORDS).split())
    bracket = _CLOSING_BRACKET.match(kept)
    if bracket and _translation(bracket.group("gloss")):
        kept = bracket.group("kept") + bracket.group("end").rstrip()
    return kept if kept.strip() else part


def _lead_read(text: str) -> str:
    """The text with the translation of each line's lead dropped ('Ký hiệu / 범례: …' -> 'Ký hiệu: …')."""
    return "\n".join(_line_lead_read(line) for line in text.split("\n"))


def _line_lead_read(text: str) -> str:
    lead = _LEAD.match(text)
    if lead is None or not any(ch.isalpha() for ch in lead.group("lead")):
        return text
    wording = _vietnamese(lead.group("lead"))
    if wording == " ".join(lead.group("lead").split()):
        return text
    return f"{lead.group('space')}{wording}{text[lead.end('lead'):]}"


def _translated_line(part: str) -> bool:
    """A line that translates another: its lead is a translation ('Unit: Party cell A', '범례: O = 출석')."""
    lead = _LEAD.match(part)
    return lead is not None and _translation(lead.group("lead"))


def _without_translated_lines(text: str) -> str:
    """The text without the lines translating it, after ' / ' or on a line of their own. The first line is kept
    whatever it is, and must be a whole line of its own, a lead and what it says: in 'Ký hiệu / Legend: …' the
    slash is inside the lead."""
    parts = _SPACED_SLASH.split(text)
    if _LEAD.match(parts[0]) is None:
        return text
    kept = [parts[0]]
    for separator, part in zip(parts[1::2], parts[2::2]):
        if not _translated_line(part):
            kept += [separator, part]
    return "".join(kept)


def _items_read(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A legend line with each meaning's gloss dropped ('O = Có mặt (출석)' -> 'O = Có mặt'), and the items whose
    gloss reads otherwise than their Vietnamese meaning, (as written, as read)."""
    start = len(text) - len(legend_body(text))
    parts = legend_parts(text[start:])
    differing = []
    for at in range(0, len(parts), 2):
        item = parts[at]
        if not item.strip():
            continue
        wording = _vietnamese(item.strip())
        if wording == item.strip():
            continue
        read = parse_legend(wording)
        if not read:
            continue
        before = parse_legend(item.strip())
        if before and before != read:
            differing.append((item.strip(), wording))
        space = item[:len(item) - len(item.lstrip())]
        parts[at] = f"{space}{wording}{item[len(item.rstrip()):]}"
    return text[:start] + "".join(parts), differing


def vietnamese_line(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A legend or context line as read by its Vietnamese part, and the legend items whose gloss reads otherwise;
    the text as written when it has no second language."""
    line = _without_translated_lines(_lead_read(text))
    if is_legend_text(line):
        return _items_read(line)
    return line, []


def keep_vietnamese_lines(sheet: SheetData) -> None:
    """Rewrite in place the two-language legend and context lines of the sheet to their Vietnamese part: a line
    alone in its row, or a legend anywhere."""
    for row_at, row in enumerate(sheet.rows):
        for at, cell in enumerate(row):  # looked at cheaply first: every cell comes here
            if cell.__class__ is not str or _MAY_HOLD.search(cell) is None:
                continue
            text = unicodedata.normalize("NFC", cell)
            line, differing = vietnamese_line(text)
            if line == text or not (_alone(row, at) or is_legend_text(line)):
                continue
            row[at] = line
            for written, read in differing:
                entry = ("warning", row_at + 1, column_letter(at), None, written, (
                    f"ký hiệu «{written}» ghi hai thứ tiếng mà bản dịch nói khác nghĩa tiếng Việt — đã đọc theo tiếng "
                    f"Việt «{read}»; nếu không đúng, xin sửa dòng chú thích"))
                if entry not in sheet.found:  # a book read once is parsed again for the preview
                    sheet.found.append(entry)


def _alone(row: list, at: int) -> bool:
    """Whether the cell at `at` is the only one filled in its row: a line of its own, not a person's row."""
    return not any(cell is not None and cell != "" and not is_blank(cell) for index, cell in enumerate(row)
                   if index != at)
