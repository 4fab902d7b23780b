"""Facts that hold for every row of a sheet: the group, unit or month a workbook states once per sheet, in its tab
name ("Doan 2", "CB Khu pho 1", "Tháng 3"), in a title line above the header ("Đơn vị: Chi bộ Khu phố 1",
"CHI BỘ KHU PHỐ 1", "DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 2", "Thời gian: … ngày 03/01/2025", "Ngày sinh hoạt:" with
the date in a later cell of its row) or in a note
below the table ("Chi bộ: Chi bộ Khu phố 3", "… được phân công theo dõi Chi bộ Khu phố 1.").

Such a fact is used only for a field the table has no column for, and only on rows no context row inside the
table already placed. Sources are ranked: a title line written in ordinary case beats the tab name, a tab name
written with its tone marks beats a title in capitals that says the same thing, and a tab name typed without tone
marks is the last resort (then a warning says the name may be misspelt).
"""

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from .caption_units import named_units, unit_after_dash
from .context import fold_in_place
from .date_sentences import sentence_dates
from .date_words import date_line
from .errors import ImportFileError
from .group_code_notes import defines_group_codes, without_examples
from .group_ordinals import NUMBER, counts_not_names, number_value
from .meeting_lines import is_meeting_line, meeting_line_dates
from .normalising import clean_text, fold, is_blank, names_one_unit, normalise_unit_name
from .paperwork_remarks import without_paperwork_remark
from .unit_ends import reads_as_sentence
from .unit_lines import unit_in_lines, without_superior
from .unit_remarks import split_remark_tail
from .unit_spellings import same_unit, shortens, written_out

# Tab names: "Doan 2", "Đoàn CT 3", "DCT 1", "Tổ công tác 4", "Doan 1 - Yen Phu"
_TAB_GROUP = re.compile(rf"^(?:doan cong tac|doan ct|dct|doan|to cong tac)\s*(?:so\s*)?0*({NUMBER})(?!\d)")
# Tab names: "Tháng 3", "T3", "Th.03", "T3-2025", "03-2025", "3.2025"
_TAB_MONTH = re.compile(r"^(?:(?:thang|th|t)\s*0?(\d{1,2})(?:\s+(?:nam\s+)?((?:19|20)\d{2}))?"
                        r"|0?(\d{1,2})\s+((?:19|20)\d{2}))$")
# Tab names naming a party cell: "CB Khu pho 1", "Chi bo TDP 5", "ĐB xã Yên Phú"
_TAB_UNIT = re.compile(r"^(cb|chi bo|chibo|db|dang bo)[\s._-]+(?=\S)")
_TAB_UNIT_WORDS = {"cb": "Chi bộ", "chi bo": "Chi bộ", "chibo": "Chi bộ", "db": "Đảng bộ", "dang bo": "Đảng bộ"}

# Title or note lines: "Đơn vị: Chi bộ Khu phố 1", "Chi bộ: Khu phố 2", "Tên chi bộ: …", also as a sentence of a
# note ("Ghi chú: x - có mặt; … . Đơn vị: Chi bộ …")
_LABELLED_UNIT = re.compile(r"(?:^|[.;]\s+)(?:ten\s+)?(don vi|chi bo|dang bo|to chuc dang)\s*[:=]\s*(?=\S)")
# A line dating the meeting: "Thời gian: Thứ Sáu, ngày 03/01/2025; Địa điểm: …", "Ngày họp: 5/1/2025"
_DATE_LINE = re.compile(r"^(?:thoi gian(?: hop| sinh hoat)?|ngay hop|ngay sinh hoat|ngay to chuc|hop ngay|vao hoi)\b")
_DATES_IN_LINE = (re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)"),
                  re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d{2})"))
# An organisation header line of a party cell: "CHI BỘ KHU PHỐ 1" (the issuing cell, under its đảng bộ)
_ORG_UNIT = re.compile(r"^chi bo\s+\S")
# The đảng bộ line of a letterhead names the register's own unit only when no other organisation line stands with
# it: "ĐẢNG BỘ TRƯỜNG THCS LÊ LỢI" alone is a grassroots đảng bộ keeping its own register, while "ĐẢNG BỘ THỊ XÃ …"
# over "BAN THƯỜNG VỤ" (or over "CHI BỘ …") names the body above the one that issues it. A district or province
# đảng bộ ("ĐẢNG BỘ THỊ XÃ …", "ĐẢNG BỘ HUYỆN …") holds no cell meetings: its line is a letterhead, never a unit.
_ORG_PARTY = re.compile(r"^dang bo\s+\S")
UPPER_LEVEL = re.compile(r"\bdang bo (?:thi xa|huyen|tinh|thanh pho|quan|khoi)\b")
_OTHER_ORG = re.compile(r"^(?:ban |dang uy|chi uy|(?:thi|huyen|tinh|quan|thanh) uy\b|uy ban|van phong|to chuc)")
_CELL_MEETINGS = re.compile(r"\bsinh hoat chi bo\b")
# The line of a đảng bộ over the cell, its place what a cell's full name may close on ("ĐẢNG BỘ XÃ LÂM THẮNG")
_SUPERIOR = re.compile(r"^(?:dang bo|dang uy)\s+(?=\S)")
_UNIT_START = re.compile(r"^(?:dang bo|chi bo|dang uy|to chuc)\b")
# Title lines naming one group: "ĐOÀN CÔNG TÁC SỐ 3", "DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 2"
_TITLE_GROUP = re.compile(rf"(?<![a-z])(?<!thi )(?<!thanh )(?:doan cong tac|doan kiem tra|doan giam sat|doan|"
                          rf"to cong tac)\s*(?:so\s*)?0*({NUMBER})(?![\d/.-])")
# Title words saying which unit a roster's group is assigned to: "… PHỤ TRÁCH ĐẢNG BỘ XÃ A"
_ASSIGNED_UNIT = re.compile(
    r"(?:dia ban|don vi|co so)?\s*(?:duoc\s*)?(?:phu trach|phan cong theo doi|theo doi)\s*[:-]?\s*"
    r"(?=(?:dang bo|chi bo|dang uy|to chuc)\b)"
)
# "(cập nhật 01/10/2025)", "(kèm theo Quyết định số …)" closing a title: an aside about the list, not the unit's name
_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)?\s*[.;]?\s*$")
_YEAR_ANYWHERE = re.compile(r"\b(?:19|20)\d{2}\b")
_DIGITS = re.compile(r"\d+")

GROUP_LABEL = "Đoàn công tác số {number}"
TEAM_LABEL = "Tổ công tác số {number}"  # a group under another name, kept as the file names it (as normalise_group)


def _group_label(matched: str, number: int) -> str:
    """The group's name as the matched (folded) words state it: a 'tổ công tác' stays a 'Tổ'."""
    return (TEAM_LABEL if matched.startswith("to cong tac") else GROUP_LABEL).format(number=number)


LETTERHEAD = -1  # rank of a đảng bộ's letterhead line read as the unit: any tab naming a unit beats it


@dataclass
class Found:
    """One candidate value and where it was read."""

    value: str
    source: str
    rank: int  # higher wins
    numbers: frozenset = frozenset()
    note: str | None = None  # a doubt about the value, for the officer (a weekday the date contradicts)
    text: str | None = None  # the line as written


@dataclass
class SheetContext:
    """Per-sheet facts chosen for the fields a table lacks, with the notes the officer must see."""

    sheet: str | None = None
    day: str | None = None  # ISO date of the sheet's one meeting, stated in a line above the table
    values: dict = field(default_factory=dict)  # field -> value for every row of the sheet
    month: int | None = None
    year: int | None = None
    inferences: list = field(default_factory=list)
    warnings: list = field(default_factory=list)  # Vietnamese texts, each naming the sheet

    def date(self, year: int | None) -> str | None:
        """The meeting's date, else the first day of the sheet's month (the attendance convention for a month)."""
        if self.day:
            return self.day
        if self.month is None or not (year or self.year):
            return None
        return f"{year or self.year:04d}-{self.month:02d}-01"


def _cut(text: str, folded_start: int) -> str:
    return clean_text(text[folded_start:]) or ""


def _has_tone_marks(text: str) -> bool:
    return not text.isascii()


def tab_facts(name: str | None) -> dict[str, Found]:
    """What a tab name states: a group number, a month (and year), or a party cell."""
    if not name:
        return {}
    text = clean_text(name) or ""
    folded = fold(text)
    found: dict[str, Found] = {}
    where = f'tên trang "{name}"'
    if match := _TAB_GROUP.match(folded):
        number = number_value(match.group(1))
        found["group"] = Found(_group_label(match.group(0), number), where, 1, frozenset({str(number)}))
    if match := _TAB_MONTH.match(folded):
        month, year = int(match.group(1) or match.group(3)), match.group(2) or match.group(4)
        if 1 <= month <= 12:
            found["month"] = Found(str(month), where, 1)
            if year:
                found["year"] = Found(year, where, 1)
    if match := _TAB_UNIT.match(fold_in_place(text)):
        rest = _cut(text, match.end())
        unit = f"{_TAB_UNIT_WORDS[match.group(1)]} {rest}"
        found["unit"] = Found(unit, where, 2 if _has_tone_marks(text) else 0, _numbers(rest))
    return found


def tab_year(name: str | None) -> int | None:
    """The year a month tab states ("T3-2025")."""
    found = tab_facts(name).get("year")
    return int(found.value) if found else None


def _numbers(text: str) -> frozenset:
    return frozenset(str(int(n)) for n in _DIGITS.findall(text))


def _title_lines(rows: list[list], header_first: int, start: int = 0) -> list[tuple[int, str]]:
    """Text cells of rows[start:header_first] as (1-based row, text), top to bottom."""
    lines = []
    for index, row in enumerate(rows[start:header_first], start=start):
        for cell in _remark_apart(row):
            text = clean_text(cell) if isinstance(cell, str) else None
            if text and len(text) <= 200:
                lines.append((index + 1, text))
            elif text and (title := _opening_title(text)):
                lines.append((index + 1, title))
    return lines


def _remark_apart(row: list) -> list:
    """The row's cells, a cell naming a unit on its first line and a remark on the next ("Đơn vị: Chi bộ Khoa Lịch
    sử\nSinh hoạt định kỳ ngày thứ Tư …") read as two lines, as if written on two rows (``unit_remarks``)."""
    if not any(isinstance(cell, str) and "\n" in cell for cell in row):
        return row
    cells = []
    for cell in row:
        name, tail = split_remark_tail(cell) if isinstance(cell, str) and "\n" in cell else (cell, None)
        cells += [name, tail] if tail and _UNIT_NAMED.search(fold(name)) else [cell]
    return cells


_UNIT_NAMED = re.compile(r"\b(?:chi bo|dang bo|don vi|to chuc dang)\b")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


def _opening_title(text: str) -> str | None:
    """The first sentence of a long note line opening with its chi bộ ("Chi bộ plói Tơ Nghe - theo dõi sinh hoạt chi
    bộ năm 2025. Cột Điểm danh: …"), the title the line starts with; the later sentences explain the table and name
    no unit of the sheet. Any other long line is no title."""
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    return first if len(first) <= 200 and _LEADING_UNIT.match(first) else None


# A label alone in its cell, the date in a later cell of its row: "Ngày sinh hoạt:" | | 05/08/2025 (folded); a
# bracketed qualifier of words after the label is part of it: "Thời gian (ngày họp):", "Ngày (họp):"
_DATE_LABEL = re.compile(r"^(?:ngay|thoi gian(?: hop| sinh hoat)?|ngay hop|ngay sinh hoat|ngay to chuc|hop ngay)$")
_LABEL_QUALIFIER = re.compile(r"\s*[(\[][^\W\d_][^()\[\]\d]{0,30}[)\]]\s*")


def _is_date_label(cell: str) -> bool:
    """Whether a cell is a date label alone, maybe with a bracketed qualifier ('Thời gian (ngày họp):')."""
    return bool(_DATE_LABEL.match(fold(cell)) or _DATE_LABEL.match(fold(_LABEL_QUALIFIER.sub(" ", cell, count=1))))


def labelled_dates(rows: list[list], header_first: int) -> list[tuple[int, str]]:
    """(1-based row, "label value") of the rows above the header where a date label stands alone in a cell and the
    next filled cell of the row holds the date (a date cell or its text), read as one line."""
    lines = []
    for index, row in enumerate(rows[:header_first]):
        for col, cell in enumerate(row):
            if not (isinstance(cell, str) and _is_date_label(cell)):
                continue
            value = next((later for later in row[col + 1:] if not is_blank(later)), None)
            if isinstance(value, (dt.date, dt.datetime)):
                value = f"{value:%d/%m/%Y}"
            if isinstance(value, str) and clean_text(value):
                lines.append((index + 1, f"{clean_text(cell)} {clean_text(value)}"))
    return lines


def _is_caps(text: str) -> bool:
    return text == text.upper() and text != text.lower()


def _unit_found(value: str, row: int, labelled: bool) -> Found:
    unit = normalise_unit_name(value) or value
    rank = (4 if labelled else 3) if not _is_caps(value) else 1
    return Found(unit, f"dòng {row}", rank, _numbers(unit), text=value)


# A block title's numbering and head count: "2. Chi bộ Thôn Đông (3 đảng viên)" names "Chi bộ Thôn Đông", and so does
# "2. Chi bộ Thôn Đông (sổ gửi ngày 04/01/2026)": a remark about the paperwork (``importers.paperwork_remarks``)
_NUMBERED = re.compile(r"^\s*(?:[IVXLC]{1,6}|\d{1,3})\s*[.)/-]\s+(?=(?:chi|đảng|CHI|ĐẢNG|Chi|Đảng)\b)")
_HEAD_COUNT = re.compile(r"\s*\(\s*(?:gồm\s+|có\s+)?\d{1,4}\s*(?:đảng viên|ĐẢNG VIÊN|đồng chí|ĐỒNG CHÍ|đ/c|Đ/c|người|"
                         r"NGƯỜI|ĐV|đv)?\s*\)\s*$")


def _bare_line(text: str) -> str:
    """A title line without a block's numbering, head count and remark about the paperwork."""
    return _HEAD_COUNT.sub("", _NUMBERED.sub("", without_paperwork_remark(text))) or text


# A labelled unit line that goes on with another field or the period it covers: "Đơn vị: Chi bộ Tổ dân phố 7 -
# Thời gian: từ tháng 7/2025 …", "Chi bộ: Thôn Đông; Năm 2025", and a register's title that goes on after its chi
# bộ with the period: "… CHI BỘ THÔN LÝ LƯƠNG NĂM 2025", "… QUÝ II/2025", "… 6 THÁNG ĐẦU NĂM 2025", "… (từ tháng 1
# đến tháng 6)". The tail is not part of the unit's name. After a space or a bracket alone the period word must
# come with its number: a bare "Năm", "Từ" or "Kỳ" may be part of a place's name ("Thôn Năm Căn", "Ấp Từ Sơn").
_PERIOD_WORD = r"thời gian|từ|trong|tháng|năm|quý|kỳ|nhiệm kỳ|giai đoạn|ngày|địa điểm"
_NUMBERED_PERIOD = (r"(?:năm|quý|tháng|đợt|kỳ|nhiệm kỳ|giai đoạn|(?:từ|trong)\s+(?:ngày|tháng|quý|năm))"
                    r"\s*(?:\d|[ivx]+\b)|\d{1,2}\s+tháng\s+(?:đầu|cuối)\b")
_PERIOD_TAIL = re.compile(rf"(?:\s+[-–—]\s*|\s*[;,|]\s*)(?=[^:;,\-–—]{{1,25}}:|(?:{_PERIOD_WORD})\b|\d{{4}}\b|"
                          rf"\d{{1,2}}/\d{{4}}\b)|(?:\s*\(\s*|\s+)(?={_NUMBERED_PERIOD})", re.IGNORECASE)


def _period_tail_cut(value: str) -> str:
    """A unit's text without a following field or period ('… - Thời gian: từ tháng 7/2025 …', '… NĂM 2025')."""
    match = _PERIOD_TAIL.search(value)
    return value[: match.start()] if match and match.start() > 0 else value


# A line opening with a chi bộ, a dash, then the list's title or the superior: "Chi bộ Xóm 7 - Sổ điểm
# danh sinh hoạt chi bộ năm 2024", "Chi bộ thôn Háo Đức - Đảng bộ xã Nhơn An": the chi bộ is the part before.
_LEADING_UNIT = re.compile(r"^\s*(chi bộ\s+[^\-–—()]{2,60}?)\s+[-–—]\s+\S", re.IGNORECASE)


def _leading_unit(text: str) -> str:
    match = _LEADING_UNIT.match(text)
    return match.group(1) if match else text


_UNIT_KINDS = re.compile(r"\b(?:chi bo|dang bo|to chuc co so dang)\b")
# "… - Chi bộ Thôn 1 và Thôn 2": a second place after 'và' ("Chi bộ Phòng Tài nguyên và Môi trường" is one unit)
_SECOND_PLACE = re.compile(r"(?:\bva\b|&|\+)\s*(?:thon|xom|ap|to|khu|khu pho|ban|buon|lang|khom|so|\d)\b")


# Words a register's title goes on with and no chi bộ's name holds, written in lower case with their tone marks:
# "… CHI BỘ THÔN LÝ LƯƠNG THEO TỪNG THÁNG" leaves the end of the name unknown (a capitalised word may be a place's)
_TITLE_WORDS = re.compile(r"(?<!\w)(?:theo|của|định kỳ|thường kỳ|chuyên đề|sinh hoạt|họp|đảng viên|điểm danh|từng|"
                          r"hằng|hàng tháng)(?!\w)")


# "các chi bộ", "mỗi chi bộ": the kind in the plural or each of them, no one unit ("… từ sổ điểm danh các chi bộ gửi
# về" names none)
_QUANTIFIED = re.compile(r"(?<!\w)(?:cac|moi|nhung|tung)\s+$")


def _unit_in_sentence(text: str) -> tuple[str, str] | None:
    """(the words before the unit, the unit) of a line naming one party organisation inside its sentence, the period
    after it cut off ("SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN LÝ LƯƠNG - QUÝ II NĂM 2025"), else None. A line naming
    more than one ("… CHI BỘ THÔN 1 NĂM 2025 VÀ CHI BỘ THÔN 2") gives none, a kind alone ("… CHI BỘ 6 THÁNG …")
    names none, nor does one after "các", "mỗi" ("… sổ điểm danh các chi bộ gửi về"), and a unit whose end is
    unclear (more words of the title after it) is not read."""
    found, covered = [], 0
    for start in named_units(text):
        if start < covered:  # inside the unit read before: "Chi bộ A và Chi bộ B", "Chi bộ A - Đảng bộ B"
            continue
        if _QUANTIFIED.search(fold_in_place(text[:start])):
            continue
        named = _period_tail_cut(text[start:])
        covered = start + len(named)
        unit = without_superior(named).rstrip(" .,;:-–—")
        if names_one_unit(normalise_unit_name(unit)):
            found.append((text[:start].strip(), unit[:1].upper() + unit[1:]))
    if len(found) != 1 or reads_as_sentence(found[0][1]) or _TITLE_WORDS.search(found[0][1].lower()):
        return None
    return found[0]


def _unit_after_title(text: str) -> str | None:
    """The chi bộ a register's title names after its last dash ("Bảng điểm danh sinh hoạt chi bộ 6 tháng đầu năm
    2025 - Chi bộ Tổ dân phố số 11"), before its đảng bộ ("… - Chi bộ X - Đảng bộ Y"), or inside its sentence,
    before the period ("Sổ theo dõi sinh hoạt chi bộ Thôn Lý Lương quý II/2025"): the words before the unit must be
    the title (about a meeting), and the unit one chi bộ, not a đảng bộ above the cells nor two units ("… - Chi bộ
    Thôn 1 và Chi bộ Thôn 2")."""
    found = unit_after_dash(text)
    if found and fold(found[1]).startswith("dang bo"):  # the superior closes the line: the chi bộ may be before it
        text = found[0]
        found = unit_after_dash(text)
    found = found or _unit_in_sentence(text)
    if found is None or not is_meeting_line(found[0]) or not fold(found[1]).startswith("chi bo "):
        return None
    folded = fold(found[1])
    return found[1] if len(_UNIT_KINDS.findall(folded)) == 1 and not _SECOND_PLACE.search(folded) else None


def title_unit(lines: list[tuple[int, str]], lone_party: bool = True) -> Found | None:
    """The party cell a register's title names: a labelled line ("Đơn vị: …") or the cell's own header line, the
    lines naming it all, maybe in two spellings (``importers.unit_spellings``: "CHI BỘ HTX …" and "Chi bộ Hợp tác xã
    …"), or the org header a short name of the unit a line writes in full ("CHI BỘ CÔNG TY LÂM NGHIỆP", "Chi bộ Công ty
    TNHH MTV Lâm nghiệp Lâm Thắng" under "ĐẢNG BỘ XÃ LÂM THẮNG"); with `lone_party`, a đảng bộ's header line standing
    alone (no other organisation line, and no title saying the meetings are a chi bộ's) too."""
    labelled, headers, parties, superiors, others = [], [], [], [], 0
    for row, text in lines:
        text = _leading_unit(_bare_line(text))
        folded = fold_in_place(text)
        if match := _SUPERIOR.match(folded):
            superiors.append(text[match.end():])
        if _CELL_MEETINGS.search(folded):
            others += 1  # "SỔ … SINH HOẠT CHI BỘ": a đảng bộ above is the cell's superior, not the unit
        if match := _LABELLED_UNIT.search(folded):
            value = without_superior(_period_tail_cut(_cut(text, match.end())).rstrip(".;"))
            word = match.group(1)
            if word in ("chi bo", "dang bo") and not _UNIT_START.match(fold(value)):
                value = f"{'Chi bộ' if word == 'chi bo' else 'Đảng bộ'} {value}"
            labelled.append(_unit_found(value, row, True))
        elif _ORG_UNIT.match(folded) and len(text) <= 80 and not _YEAR_ANYWHERE.search(text):
            headers.append(_unit_found(without_superior(text), row, False))
        elif (
            _ORG_PARTY.match(folded)
            and len(text) <= 80
            and not _YEAR_ANYWHERE.search(text)
            and not UPPER_LEVEL.search(fold(text))
        ):
            parties.append(replace(_unit_found(text, row, False), rank=LETTERHEAD))
        elif (unit := _unit_after_title(text)) and not _YEAR_ANYWHERE.search(unit):
            headers.append(_unit_found(unit, row, False))
        elif _OTHER_ORG.match(folded):
            others += 1
    if lone_party and not others:
        headers = headers or parties
    for candidates in (labelled, headers):
        if len({fold(item.value) for item in candidates}) == 1:
            return _as_written(max(candidates, key=lambda item: item.rank), lines)
        if len(candidates) > 1 and all(same_unit(candidates[0].value, item.value) for item in candidates[1:]):
            best = max(candidates, key=lambda item: item.rank)  # one chi bộ spelt twice: "CHI BỘ HTX …", "Chi bộ …"
            value = written_out(best.value, [item.value for item in candidates])
            return _as_written(replace(best, value=value, numbers=_numbers(value)), lines)
        if (full := _spelt_in_full(candidates, superiors)) is not None:
            return full
    return None


def _spelt_in_full(candidates: list[Found], superiors: list[str]) -> Found | None:
    """The candidate every other one names short (``unit_spellings.shortens``: "CHI BỘ CÔNG TY LÂM NGHIỆP" for "Chi
    bộ Công ty TNHH MTV Lâm nghiệp Lâm Thắng" under "ĐẢNG BỘ XÃ LÂM THẮNG"), written no less plainly than they are
    (never a name in capitals over one in ordinary case), its source naming the lines it was read from."""
    for full in candidates:
        shorter = [item for item in candidates if item is not full]
        if not shorter or not all(item.rank <= full.rank and (same_unit(item.value, full.value) or shortens(
                item.value, full.value, superiors)) for item in shorter):
            continue
        value = written_out(full.value, [item.value for item in shorter], superiors)
        named = "; ".join(f"{item.source} «{item.text or item.value}»" for item in shorter)
        return replace(full, value=value, numbers=_numbers(value),
                       source=f"{full.source} (tên đầy đủ của chi bộ ghi gọn ở {named})")
    return None


def _as_written(found: Found, lines: list[tuple[int, str]]) -> Found:
    """A unit read from a line in capitals, spelt as another title line writes it in ordinary case ("CHI BỘ TRẠM Y
    TẾ XÃ" over "Sổ theo dõi sinh hoạt Chi bộ Trạm Y tế xã … năm 2025"): the file's own spelling beats recasing."""
    if found.rank > 1:
        return found
    target = fold_in_place(found.value)
    for _, text in lines:
        folded = fold_in_place(text)
        for match in re.finditer(rf"(?<!\w){re.escape(target)}(?!\w)", folded):
            written = text[match.start():match.end()]
            if written[:1].isupper() and not _is_caps(written) and written != written.capitalize():
                return replace(found, value=written)
    return found


def title_date(lines: list[tuple[int, str]]) -> Found | None:
    """The meeting's date a labelled line states ("Thời gian: Thứ Sáu, ngày 03/01/2025"), a line about the meeting
    gives after 'ngày' ("Điểm danh sinh hoạt chi bộ …, thứ Ba ngày 10/6/2025": ``importers.meeting_lines``) or a line
    states alone ("Ngày: 04.4.2025", "Thứ Ba, 6/5/2025": ``date_words.date_line``), when the lines give exactly one.
    A weekday the date contradicts is the found date's note."""
    found, notes, texts = {}, {}, {}
    for row, text in lines:
        read = date_line(text)  # 'Ngày: 04.4.2025', 'Thời gian: 19h30, 05-3-2025', 'Thứ Ba, 6/5/2025'
        alone = [read.date] if read is not None and read.date is not None else []
        if alone and read.warning:
            notes.setdefault(read.date.isoformat(), read.warning)
        for day in (*meeting_line_dates(text), *sentence_dates(text), *alone):
            found.setdefault(day.isoformat(), row)
            texts.setdefault(day.isoformat(), text)
        folded = fold(text.replace("/", " / ").replace(".", " . ").replace("-", " - "))
        if not _DATE_LINE.match(folded):
            continue
        folded = fold_in_place(text)
        for pattern in _DATES_IN_LINE:
            for match in pattern.finditer(folded):
                try:
                    day = dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
                except ValueError:
                    continue
                found.setdefault(day.isoformat(), row)
                texts.setdefault(day.isoformat(), text)
    if len(found) != 1:
        return None
    day, row = next(iter(found.items()))
    return Found(day, f"dòng {row}", 3, note=notes.get(day), text=texts.get(day))


def title_group(lines: list[tuple[int, str]]) -> Found | None:
    """The one group number the title lines name (none when they name several); a line defining group codes, and
    an example a line gives, name no group of the sheet (``importers.group_code_notes``), nor does a count ("Tổng
    cộng: 05 đoàn, 31 đồng chí": ``group_ordinals.counts_not_names``)."""
    numbers = {}
    for row, text in lines:
        if defines_group_codes(text):
            continue
        folded = fold(without_examples(text))
        for match in _TITLE_GROUP.finditer(folded):
            if counts_not_names(folded, match.start(), match.end()):
                continue
            numbers.setdefault(number_value(match.group(1)), (row, match.group(0)))
    if len(numbers) != 1:
        return None
    number, (row, matched) = next(iter(numbers.items()))
    return Found(_group_label(matched, number), f"dòng {row}", 3, frozenset({str(number)}))


def title_assigned_unit(lines: list[tuple[int, str]]) -> Found | None:
    """The unit a roster title says its group is assigned to ("… phụ trách Đảng bộ xã A")."""
    found = []
    for row, text in lines:
        match = _ASSIGNED_UNIT.search(fold_in_place(text))
        if match:
            value = _TRAILING_ASIDE.sub("", _cut(text, match.end())).rstrip(").;")
            if names_one_unit(value):
                found.append(_unit_found(value, row, True))
    if len({fold(item.value) for item in found}) != 1:
        return None
    return max(found, key=lambda item: item.rank)


def _pick(tab: Found | None, title: Found | None) -> Found | None:
    """The title line, unless it is in capitals and a tab name with tone marks says the same thing."""
    if tab is None or title is None:
        return tab or title
    if title.rank == LETTERHEAD:  # "ĐẢNG BỘ XÃ …" over a sheet whose tab names its chi bộ
        return tab
    if title.rank == 1 and tab.rank == 2 and fold(tab.value) == fold(title.value):
        return tab
    return title


def _disagree(tab: Found | None, title: Found | None) -> bool:
    """The tab and the title name different units or groups: their numbers differ ("Doan 2" / "SỐ 3")."""
    return bool(tab and title and tab.numbers and title.numbers and not tab.numbers <= title.numbers)


OTHER_MONTH = ("Trang «{sheet}»: {source} «{line}» ghi ngày sinh hoạt {day:%d/%m/%Y} nhưng tên trang «{sheet}» là "
               "tháng {month}{year}; không biết bên nào đúng — chưa nhập, hãy sửa ngày hoặc tên trang rồi nhập lại.")


def refuse_other_month(name: str | None, tab: dict[str, Found], meeting: Found) -> None:
    """Refuse a sheet whose tab names one month ('T02-2025') and whose date line a day of another: which of the two
    is right is unknown, and every row of the sheet would take it."""
    if "month" not in tab:
        return
    day = dt.date.fromisoformat(meeting.value)
    year = int(tab["year"].value) if "year" in tab else None
    if day.month != int(tab["month"].value) or (year is not None and day.year != year):
        raise ImportFileError(OTHER_MONTH.format(sheet=name, source=meeting.source.capitalize(),
                                                 line=meeting.text or meeting.value, day=day,
                                                 month=tab["month"].value, year=f"/{year}" if year else ""))


FIELD_WORDS = {"group": "Đoàn", "unit": "Chi bộ", "month": "Tháng"}


def read_sheet_context(
    name: str | None, rows: list[list], header_first: int, body_end: int, kind: str, mapped: set[str]
) -> SheetContext:
    """The facts a sheet states once for all its rows, for the fields in `kind` that are not in `mapped` (the
    lines above the header and the notes below the table are read)."""
    out = SheetContext(sheet=name)
    tab = tab_facts(name)
    lines = _title_lines(rows, header_first) + _title_lines(rows, len(rows), body_end)
    chosen: dict[str, tuple[Found | None, Found | None]] = {}
    if kind == "roster":
        chosen["group"] = (tab.get("group"), title_group(lines))
        chosen["unit"] = (tab.get("unit"), title_assigned_unit(lines))
    elif kind == "attendance":
        chosen["unit"] = (tab.get("unit"), title_unit(lines, lone_party=unit_in_lines(rows) is None))
        above = _title_lines(rows, header_first) + labelled_dates(rows, header_first)  # 'Ngày sinh hoạt:' | 5/8/2025
        meeting = title_date(above) if "date" not in mapped else None
        if meeting is not None:
            out.day = meeting.value
            out.inferences.append({"what": "Ngày sinh hoạt", "value": meeting.value, "source": meeting.source})
            refuse_other_month(name, tab, meeting)
            if meeting.note:
                out.warnings.append(f'Trang "{name}", {meeting.source}: {meeting.note}.')
        elif "date" not in mapped and "month" in tab:
            out.month = int(tab["month"].value)
            out.inferences.append({"what": "Tháng", "value": tab["month"].value, "source": tab["month"].source})
        if "year" in tab:
            out.year = int(tab["year"].value)
    for field_name, (from_tab, from_title) in chosen.items():
        if field_name in mapped:
            continue
        best = _pick(from_tab, from_title)
        if best is None:
            continue
        out.values[field_name] = best.value
        out.inferences.append({"what": FIELD_WORDS[field_name], "value": best.value, "source": best.source})
        where = f'Trang "{name}"' if name else "Tệp"
        if _disagree(from_tab, from_title):
            out.warnings.append(
                f"{where}: tên trang và tiêu đề ghi khác nhau ({from_tab.value} / {from_title.value}); "
                f"đã lấy theo {best.source}, cần kiểm tra."
            )
        elif field_name == "unit" and best is from_tab and best.rank == 0:
            out.warnings.append(
                f'{where}: tên chi bộ "{best.value}" chỉ lấy được từ tên trang (viết không dấu); '
                f"cần sửa lại tên đúng trước khi nhập."
            )
    return out


def with_sheet_context(carried, index, facts: SheetContext, year: int | None):
    """The carried facts with the sheet's own laid under them: a row placed by a context row keeps its value, the
    others take the sheet's; the sheet's month becomes every row's meeting date."""
    import pandas as pd

    values = dict(facts.values)
    if facts.month is not None or facts.day is not None:
        values["date"] = facts.date(year)
        if values["date"] is None:
            raise ImportFileError(
                f'Trang "{facts.sheet}": tháng {facts.month} lấy từ tên trang nhưng không tìm thấy '
                'năm (cần "năm YYYY" trong tiêu đề hoặc tên trang như "T3-2025").'
            )
    if not values:
        return carried
    carried = carried.copy() if carried is not None else pd.DataFrame(index=index, dtype=object)
    for name, value in values.items():
        mine = pd.Series(value, index=index, dtype=object)
        carried[name] = carried[name].where(carried[name].notna(), mine) if name in carried.columns else mine
    return carried
