"""Bilingual headers: a second wording beside the Vietnamese one, as import templates print it in English and
offices of Khmer, Cham or Chinese communities in their own script. It stands on a line of its own ('Full name –
Position' line break 'Họ tên – Chức vụ', 'STT' line break 'ល.រ', 'Ngày sinh' line break 'Date of birth'), after a
slash ('Họ và tên / Full name', 'Tháng / ខែ') or, in another script only, in brackets closing the label or right
after it ('Họ và tên (ឈ្មោះ)', 'Họ và tên ឈ្មោះ'). The header is read by its Vietnamese wording; the other one is
dropped before the table is looked for. A whole row of such wordings beside a Vietnamese header row ('Họ và tên |
Ngày sinh' over 'Full name | Date of birth', 'STT | Họ và tên | Tháng' over 'ល.រ | ឈ្មោះ | ខែ') is header too: under
it, the labels merged down over it (a header of several rows stays whole); over it, nothing.

A wording is a translation only when it is wholly English (every word a common English header word) or wholly in
another script (no Latin letter), and only translations are dropped: a Vietnamese header typed without accents ('Ho
ten') or an abbreviation ('STT', 'SĐT') never is, two Vietnamese wordings ('Chức vụ/Đơn vị', 'Họ và tên' line
break 'Chức vụ') stay as written for the stages reading them, and an English word after a bare slash or in brackets
is part of the label or a second field ('Điện thoại/Email', 'Lê Văn An (Team leader)'). Only header rows and lines
of one cell (titles, a unit's line) are rewritten, and a title keeps all its words but the translation, so it
never turns into a header; a person's row stays as written. Rows in another script with another such row beyond
them are people written in their script, never a header's translation, and a lone one read as the translation with
nothing to show it (its own text under 'STT') is warned, naming the row. Legend and context lines ('Ký hiệu / 범례:
O = Có mặt (출석)', 'Tổ chức đảng / Party cell: …') are read by this rule in ``bilingual_lines``, before this stage."""

import re
import unicodedata

from .english_headers import ENGLISH_WORDS
from .kinds import FieldSpec
from .kinds.common import INDEX
from .mapping import column_letter, match_field
from .normalising import is_blank, month_of_header
from .results import SheetData

HEADER_SCAN_ROWS = 40
# A second wording on a line of its own, or after a slash with spaces, may be English or in another script; one
# after a bare slash, in brackets closing the label or straight after it only in another script: English words so
# written are part of the label or a second field ('Điện thoại/Email', 'Lê Văn An (Team leader)').
_LINES = re.compile(r"\s*\n\s*")
_SPACED_SLASH, _BARE_SLASH = re.compile(r"\s+/\s+"), re.compile(r"\s*/\s*")
_CLOSING_BRACKET = re.compile(r"^(.*?\S)\s*[(\[]([^()\[\]]+)[)\]]$")
_WORD = re.compile(r"\S+")
_SIGNS_BETWEEN = " -–—:|/"  # left at a cut between two scripts: 'Họ và tên - ឈ្មោះ'
_WORDS = re.compile(r"[A-Za-z]+")
_ENGLISH = frozenset("""
no number full name first last given family surname position title job dob date of birth team group role duty
assigned unit units organisation organization department office mobile phone tel telephone cell contact member id
code email address gender sex note notes remark remarks status mark marks attendance meeting month year day
signature total in the and or for to followed leader deputy head staff employee party working
""".split()) | ENGLISH_WORDS
MIN_TRANSLATED = 3  # cells of a translated header row (a person's row holds names, dates and numbers)


def _is_english(part: str, more: frozenset[str] = frozenset()) -> bool:
    words = _WORDS.findall(part)
    if not words or any(not ch.isascii() for ch in part if ch.isalpha()):
        return False
    return all(word.lower() in _ENGLISH or word.lower() in more for word in words)


def _is_latin(ch: str) -> bool:
    """A Latin letter: Vietnamese ones, and all of Latin-1 (text in a legacy encoding read as Latin-1, 'µ' or 'ª' of
    TCVN3, is no other script)."""
    return ord(ch) < 0x250 or unicodedata.name(ch, "").startswith("LATIN")


def _is_mark_letter(ch: str) -> bool:
    """A Greek letter: offices use them as marks ('Δ đến muộn', 'Φ vắng'), never to translate a header."""
    return unicodedata.name(ch, "").startswith("GREEK")


def is_other_script(part: str) -> bool:
    """Written in a script other than Vietnamese's: Khmer ('ឈ្មោះ', 'ល.រ', 'ខែ១'), Cham, Chinese ('姓名')…, its
    digits and signs aside; a part holding any Latin letter, or a Greek one used as a mark, is not."""
    letters = [ch for ch in part if ch.isalpha()]
    return bool(letters) and not any(_is_latin(ch) or _is_mark_letter(ch) for ch in letters)


def _is_translation(part: str) -> bool:
    return _is_english(part) or is_other_script(part)


def is_translation(part: str, more_english: frozenset[str] = frozenset()) -> bool:
    """A second wording, wholly English (header words, and `more_english`: the words of the lines a caller reads)
    or wholly in another script; a Vietnamese wording, typed with or without accents, never is."""
    return _is_english(part, more_english) or is_other_script(part)


def _without(parts: list[str], dropped) -> list[str] | None:
    """The parts that are no translation, when some are and some are not; else None."""
    kept = [part for part in parts if not dropped(part)]
    return kept if 0 < len(kept) < len(parts) else None


def _script_parts(text: str) -> list[str]:
    """The text cut where its words pass from one script to another ('Họ và tên ឈ្មោះ' -> 'Họ và tên', 'ឈ្មោះ');
    a word without letters ('-', '/', '1') stays with the words before it."""
    spans: list[tuple[bool, int, int]] = []
    for word in _WORD.finditer(text):
        other = is_other_script(word.group())
        if spans and (other == spans[-1][0] or not any(ch.isalpha() for ch in word.group())):
            spans[-1] = (spans[-1][0], spans[-1][1], word.end())
        else:
            spans.append((other, word.start(), word.end()))
    return [text[start:end] for _, start, end in spans]


def line_wording(line: str, more_english: frozenset[str] = frozenset()) -> str:
    """One line of a header without its second wording: after a slash, in brackets or right after it;
    `more_english`: English words beyond a header's (those of the lines a caller reads)."""
    translated = (lambda part: is_translation(part, more_english)) if more_english else _is_translation
    for slash, sign, dropped in ((_SPACED_SLASH, " / ", translated), (_BARE_SLASH, "/", is_other_script)):
        kept = _without([part for part in slash.split(line) if part.strip()], dropped)
        line = sign.join(kept) if kept else line
    bracketed = _CLOSING_BRACKET.match(line)
    if bracketed and is_other_script(bracketed.group(2)):
        line = bracketed.group(1)
    kept = _without(_script_parts(line), is_other_script)
    return " ".join(part.strip(_SIGNS_BETWEEN) for part in kept) if kept else line


def vietnamese_wording(label: object) -> str | None:
    """The Vietnamese wording of a two-language header ('Họ và tên' line break 'ឈ្មោះ' -> 'Họ và tên'), its lines
    kept when it has several ('Họ và tên' line break 'Chức vụ'), or None when the header is not one."""
    if not isinstance(label, str) or not label.strip():
        return None
    lines = [line for line in _LINES.split(unicodedata.normalize("NFC", label.strip())) if line.strip()]
    kept = _without(lines, _is_translation) or lines
    wording = "\n".join(" ".join(line_wording(line).split()) for line in kept)
    return wording if wording != "\n".join(" ".join(line.split()) for line in lines) else None


def _translated_row(row: list) -> bool:
    """A row of translated header wordings only (numbering such as 'No.' or 'ល.រ' counted), three at least."""
    texts = [cell for cell in row if isinstance(cell, str) and cell.strip()]
    others = [cell for cell in row if not isinstance(cell, str) and cell is not None]
    return not others and len(texts) >= MIN_TRANSLATED and all(_is_translation(text) for text in texts)


def _vietnamese_row(row: list) -> bool:
    """A row of header labels (text only, no digit: a person's row holds a number, a date or a phone) at least one
    of which is written with Vietnamese letters."""
    filled = [cell for cell in row if cell is not None and not (isinstance(cell, str) and not cell.strip())]
    texts = [cell for cell in filled if isinstance(cell, str)]
    return len(texts) == len(filled) >= MIN_TRANSLATED and not any(ch.isdigit() for text in texts for ch in text) \
        and any(not ch.isascii() and _is_latin(ch) for text in texts for ch in text)


def _is_label(cell: object, specs: tuple[FieldSpec, ...]) -> bool:
    """A header label: it names a field or a month."""
    return isinstance(cell, str) and bool(match_field(cell, specs) or month_of_header(cell))


def _names_fields(row: list, specs: tuple[FieldSpec, ...]) -> bool:
    """A header row: two of its cells name a field or a month."""
    return sum(1 for cell in row if _is_label(cell, specs)) >= 2


def _translates(row: list, header: list, specs: tuple[FieldSpec, ...]) -> bool:
    """Whether `row`, a row of translated wordings, translates the `header` row beside it. A row in another script
    beside a row that only looks Vietnamese may be people written in their own script: the header row must name
    fields."""
    english = all(_is_english(cell) for cell in row if isinstance(cell, str) and cell.strip())
    return _names_fields(header, specs) or (english and _vietnamese_row(header))


def _is_header_line(row: list, wordings: dict[int, str], specs: tuple[FieldSpec, ...]) -> bool:
    """Whether a row's two-language cells are header text: the row names a field or a month once rewritten, most of
    its cells are two-language, or it is a line of one cell (a title, a caption, a unit's line). A person's row is
    left as written: a name or a note followed by another script keeps it, and whatever the checks said of it."""
    filled = [index for index, cell in enumerate(row) if not is_blank(cell)]
    if len(filled) == 1 or 2 * len(wordings) > len(filled):
        return True
    return any(_is_label(wordings.get(index, row[index]), specs) for index in filled)


def keep_vietnamese_headers(sheet: SheetData, specs: tuple[FieldSpec, ...]) -> None:
    """Rewrite the two-language header cells near the top of a sheet to their Vietnamese wording, and read a row of
    translated wordings beside a Vietnamese header row as part of the header: under it, as its labels merged down
    over the row (a header of several rows stays whole); over it, as nothing. A row of them with another such row
    on its far side is left as written: rows of text in another script are people, not a header's translation."""
    rows = sheet.rows[:HEADER_SCAN_ROWS]
    for row in rows:
        wordings = {index: wording for index, cell in enumerate(row) if (wording := vietnamese_wording(cell))}
        if wordings and _is_header_line(row, wordings, specs):
            for index, wording in wordings.items():
                row[index] = wording
    translated = [_translated_row(row) for row in rows] + [False]
    for at, row in enumerate(rows):
        if not translated[at]:
            continue
        above, below = (rows[at - 1] if at else None), (rows[at + 1] if at + 1 < len(rows) else None)
        if above is not None and not translated[at + 1] and _translates(row, above, specs):
            _unsure_translation(sheet, at, row, above, specs)
            row[:] = list(above) + [None] * (len(row) - len(above))
        elif below is not None and not (at and translated[at - 1]) and _translates(row, below, specs):
            _unsure_translation(sheet, at, row, below, specs)
            row[:] = [None] * len(row)


def _unsure_translation(sheet: SheetData, at: int, row: list, header: list, specs: tuple[FieldSpec, ...]) -> None:
    """Warn, naming the row, when a row in another script is read as the header's translation with nothing to show
    it is no person's: its own text under the header's numbering ('ល.រ' under 'STT', where a person's row holds a
    number) shows it; English header words need nothing."""
    if all(_is_english(cell) for cell in row if isinstance(cell, str) and cell.strip()):
        return
    numbering = [index for index, cell in enumerate(header) if isinstance(cell, str) and match_field(cell, specs)
                 == INDEX.name]
    if any(index < len(row) and isinstance(row[index], str) and row[index].strip() for index in numbering):
        return
    first = next(index for index, cell in enumerate(row) if isinstance(cell, str) and cell.strip())
    texts = ", ".join(f"«{cell.strip()}»" for cell in row if isinstance(cell, str) and cell.strip())
    sheet.found.append(("warning", at + 1, column_letter(first), None, row[first].strip(), (
        f"dòng {at + 1} ({texts}) viết bằng chữ không phải tiếng Việt, sát dòng tiêu đề: đã đọc là bản dịch của "
        "tiêu đề, không phải một người — nếu đó là một người, xin ghi họ và tên bằng chữ Việt rồi nhập lại")))
