"""Registers typed from minutes that list, meeting by meeting, only the members who were excused, absent or late,
while the chi bộ's member list is another sheet of the same workbook ("DS dang vien": STT | Họ và tên | …) and a
line of the register says that whoever is not listed was present ("Các đồng chí không có tên ở các cột Vắng, Đến
muộn là có mặt").

Such a register stands for one record per member and meeting. The members present are added only when all of
this holds: the register itself states the rule (`says_unlisted_present`, the wording shared with
``importers.absence_lists``), and exactly one other sheet clearly is a list of people (a header naming the name
column, no date or status column, every row under it a person's name, each once) — the one the note names when
it names one. Otherwise nothing is added and a warning says why.

A member's time in the chi bộ is taken from the member sheet when it says so: a column of dates ("Ngày chuyển
đến", "Ngày chuyển đi", "Ngày vào Đảng") or a remark ("chuyển đến từ 3/2025", "chuyển đi 6/2025", "từ trần
12/5/2025"). Nobody is marked present at a meeting outside that time; a meeting the stated time does not settle
(a move "6/2025" and a meeting in June) gets no record for that member and a warning. A remark about membership
that states no date ("Đã chuyển đi") keeps the member out of the added records, with a warning. Where the file
states nothing, every member is present at every meeting they are not listed at, and a warning names them and
the sheet. A name listed at a meeting but not on the member sheet is warned about, naming its cell; so is a count
of members present ("Số ĐV có mặt") that the result does not give."""

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .date_words import read_meeting_date, stated_year
from .kinds import attendance, roster
from .legacy import decode_legacy
from .legends import meaning_to_status
from .locating import HEADER_SCAN_ROWS, header_date, is_stop_text
from .mapping import column_letter, match_field
from .name_values import is_never_name
from .normalising import clean_text, fold, is_blank, normalise_date, parse_number_text
from .plain_letters import plain_lower
from .results import SheetData
from .signature_titles import is_signature_row

# who is meant: whoever the table does not name, or "the others"
_UNLISTED = (r"(?:khong co ten|khong ghi ten|khong duoc ghi(?: ten)?|khong bi ghi(?: ten)?|khong nam trong"
             r"|khong co trong|khong thay ten|khong xuat hien|khong ghi|con lai|cac dong chi khac|nhung dong chi khac"
             r"|cac dang vien khac|nhung dang vien khac|cac dv khac|so dang vien khac|ngoai (?:cac|nhung|so)\b.{0,60}"
             r"\b(?:tren|neu|ke|nay|ghi)\b)")
_PRESENT = (r"(?:co mat|du hop|tham du|du sinh hoat|sinh hoat day du|du day du|di hop|du du|hop day du"
            r"|tham gia day du|tham gia sinh hoat)")
_RULE = re.compile(rf"\b{_UNLISTED}\b(?P<between>.{{0,160}}?)\b{_PRESENT}\b")
# a "không" between the two negates the statement, unless it is the name of an absence column ("Vắng không lý do")
_NEGATION = re.compile(r"\b(?:khong|chua|ko)\b(?! (?:ly do|phep|co ly do|co phep))")
_SENTENCES = re.compile(r"[.;!?\n]+")


def says_unlisted_present(text: Any) -> bool:
    """Whether a line states that members not listed (as absent or late) were present: "Đảng viên không có tên
    trong bảng … thì có mặt", "Các đồng chí còn lại có mặt đầy đủ", "Ngoài các đồng chí trên, các đồng chí khác
    đều dự họp"; never "… không được tính là có mặt"."""
    if not isinstance(text, str):
        return False
    for sentence in _SENTENCES.split(clean_text(decode_legacy(text)) or ""):
        for match in _RULE.finditer(fold(sentence)):
            if not _NEGATION.search(match.group("between")):
                return True
    return False


# a membership event in a remark or a column heading (folded)
_JOINED = re.compile(r"\b(?:chuyen (?:sinh hoat )?(?:den|ve)|nhan (?:sinh hoat|chuyen)|(?:moi )?ket nap|vao dang"
                     r"|chuyen dang (?:den|ve)|ngay den)\b")
_LEFT = re.compile(r"\b(?:chuyen (?:sinh hoat )?(?:di|ra)|chuyen cong tac|chuyen dang (?:di|ra)|da chuyen|tu tran"
                   r"|qua doi|(?<!co )mat|xoa ten|khai tru|ra khoi dang|thoi sinh hoat|nghi sinh hoat|mien sinh hoat"
                   r"|ngay di|chuyen noi khac)\b")
_FROM = re.compile(r"\btu\s*$")
_UNTIL = re.compile(r"\b(?:den het|het|den)\s*(?:thang\s*)?$")
# dates in a folded remark: 12/5/2025, 5/2025, thang 5/2025, thang 5 nam 2025, t5/2025, nam 2025
_DAY = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b")
_MONTH = re.compile(r"\b(?:thang\s*|t)?(\d{1,2})\s*(?:[/.-]|\s+nam\s+)\s*(\d{4})\b")
_YEAR = re.compile(r"\b(?:nam\s+)?((?:19|20)\d{2})\b")


@dataclass(frozen=True)
class Span:
    """The days a stated date may mean (one day, a month, a year) and how the remark binds it: "từ 3/2025" joins
    from the span's first day; "đến hết 6/2025" stays until its last."""

    first: dt.date
    last: dt.date
    bound: bool = False


@dataclass
class Member:
    name: str
    row: int  # 0-based, of the member sheet
    numbered: bool = False  # a list number (STT) stands left of the name
    joined: Span | None = None
    left: Span | None = None
    undated: str | None = None  # a remark about membership that states no date
    source: str | None = None  # the cell the time was read from ("D7 «chuyển đi 6/2025»")


@dataclass
class Roll:
    sheet: str
    header: int  # 0-based
    members: list[Member] = field(default_factory=list)

    def rows(self) -> str:
        return f"dòng {self.members[0].row + 1}–{self.members[-1].row + 1}"


def _plain(text: str) -> str:
    """Lower-case text without diacritics, its punctuation kept: dates in remarks are read from it."""
    return re.sub(r"[^\w/.-]+", " ", plain_lower(text)).strip()


def _span(text: str) -> tuple[Span, int, int] | None:
    """The first date a folded text states, with where it stands in the text."""
    found = []
    for match in _DAY.finditer(text):
        day, month, year = (int(part) for part in match.groups())
        try:
            found.append((match.start(), match.end(), Span(dt.date(year, month, day), dt.date(year, month, day))))
        except ValueError:
            continue
    for match in _MONTH.finditer(text):
        if any(start <= match.start() < end for start, end, _ in found):
            continue
        month, year = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
            found.append((match.start(), match.end(), Span(dt.date(year, month, 1), last)))
    for match in _YEAR.finditer(text):
        if not any(start <= match.start() < end for start, end, _ in found):
            year = int(match.group(1))
            found.append((match.start(), match.end(), Span(dt.date(year, 1, 1), dt.date(year, 12, 31))))
    if not found:
        return None
    start, end, span = min(found, key=lambda item: item[0])
    return span, start, end


def read_remark(text: Any) -> tuple[Span | None, Span | None, bool]:
    """(joined, left, whether it speaks of a move it gives no date for) of a member sheet's remark: "chuyển đến từ
    3/2025" joins from March (bound), "chuyển đi 6/2025" leaves some day in June, "Đã chuyển đi" leaves undated."""
    if not isinstance(text, str) or not text.strip():
        return None, None, False
    plain = _plain(decode_legacy(text))
    joined = left = None
    unread = False
    events = sorted([(m.start(), m.end(), "joined") for m in _JOINED.finditer(plain)]
                    + [(m.start(), m.end(), "left") for m in _LEFT.finditer(plain)])
    for index, (_, end, what) in enumerate(events):
        stop = events[index + 1][0] if index + 1 < len(events) else len(plain)
        found = _span(plain[end:stop])
        if found is None:
            unread = True
            continue
        span, start, _ = found
        lead = plain[end:end + start]
        if what == "joined" and joined is None:
            joined = Span(span.first, span.last, bool(_FROM.search(lead)))
        elif what == "left" and left is None:
            left = Span(span.first, span.last, bool(_UNTIL.search(lead)))
        else:
            unread = True  # a second move of the same kind: which one holds is the officer's to say
    return joined, left, unread


def member_at(member: Member, day: dt.date) -> bool | None:
    """Whether the member belonged to the chi bộ on `day`: True, False, or None when what the sheet states does not
    settle it (a move in the meeting's month, on its day)."""
    answers = []
    if member.joined:
        span = member.joined
        if span.bound:
            answers.append(day >= span.first)
        else:
            answers.append(True if day > span.last else False if day < span.first else None)
    if member.left:
        span = member.left
        if span.bound:
            answers.append(day <= span.last)
        else:
            answers.append(True if day < span.first else False if day > span.last else None)
    if False in answers:
        return False
    return None if None in answers else True


# a section line among the members ("Đảng viên dự bị", "I. CHI ỦY", "Bí thư chi bộ"), no person
_SECTION = re.compile(r"^(?:(?:[ivx]{1,4}|\d{1,2}|[a-e]) )?(?:dang vien|chi uy|ban chi uy|danh sach|bi thu|pho bi thu"
                      r"|to dang|chi bo|so dang vien)\b")


def _is_person(text: str) -> bool:
    """Two to seven words of letters only ("Đặng Văn Quốc Toàn"): no number, bracket or punctuation."""
    words = text.split(" ")
    return not is_never_name(text) and 2 <= len(words) <= 7 and all(
        re.fullmatch(r"[^\W\d_]+", word) for word in words) and not _SECTION.match(fold(text))


def _texts(row: list[Any]) -> list[str]:
    return [clean_text(decode_legacy(cell)) or "" if isinstance(cell, str) else "" for cell in row]


def _read_roll(sheet: SheetData) -> Roll | str | None:
    """The member list a sheet holds; a reason (Vietnamese) when it has a name column but is no clear list of
    people; None when it has no name column."""
    rows = sheet.rows
    for at, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        labels = _texts(row)
        fields = [match_field(label, roster.FIELDS) if label else None for label in labels]
        if "full_name" in fields:
            break
    else:
        return None
    if any(header_date(cell) for cell in row) or any(label and (
            match_field(label, attendance.FIELDS) in ("date", "status") or not fields[index]
            and meaning_to_status(label)) for index, label in enumerate(labels)):
        return None  # dates or statuses in the header: a register, no member list
    name = fields.index("full_name")
    joins = [i for i, label in enumerate(labels) if label and _JOINED.search(fold(label)) and i != name]
    leaves = [i for i, label in enumerate(labels) if label and _LEFT.search(fold(label)) and i != name]
    remarks = [i for i, label in enumerate(labels) if fields[i] == "note" and i not in joins + leaves]
    roll = Roll(sheet.name or "", at)
    gap = False  # a blank row since the last member
    for number in range(at + 1, len(rows)):
        cells = rows[number]
        filled = [cell for cell in cells if not is_blank(cell)]
        if any(is_stop_text(cell) for cell in cells) or filled and is_signature_row(filled):
            break
        text = clean_text(decode_legacy(cells[name])) if name < len(cells) and isinstance(cells[name], str) else None
        gap = gap or not filled
        if text is None:
            continue
        numbered = any(isinstance(cell, (int, float)) and not isinstance(cell, bool) for cell in cells[:name])
        if fold(text).startswith(("tong", "cong")):
            break
        if _SECTION.match(fold(text)) and not numbered:
            continue  # "Đảng viên dự bị" over the members it heads, no number of its own
        if gap and not numbered and roll.members and all(member.numbered for member in roll.members):
            break  # under the numbered list and a blank row: the signer's name, a note
        gap = False
        if not _is_person(text):
            return f"ô {column_letter(name)}{number + 1} «{text}» không phải họ tên một người"
        member = Member(text, number, numbered)
        _read_time(member, cells, joins, leaves, remarks, labels)
        roll.members.append(member)
    if len(roll.members) < 2:
        return None
    for index, label in enumerate(labels):
        if index == name or not label or "unit" not in (fields[index], match_field(label, attendance.FIELDS)):
            continue
        units = {fold(rows[member.row][index]) for member in roll.members
                 if index < len(rows[member.row]) and not is_blank(rows[member.row][index])}
        if len(units) > 1:
            return f"danh sách có đảng viên của {len(units)} đơn vị (cột «{label}»)"
    names = [fold(member.name) for member in roll.members]
    twice = next((member for member in roll.members if names.count(fold(member.name)) > 1), None)
    if twice:
        return f"«{twice.name}» có hai lần trong danh sách (dòng {twice.row + 1})"
    return roll


def _read_time(member: Member, cells: list[Any], joins, leaves, remarks, labels) -> None:
    def cell(index):
        return cells[index] if index < len(cells) else None

    def where(index):
        return f"{column_letter(index)}{member.row + 1} «{clean_text(str(cell(index)))}»"

    for index in joins + leaves:
        value = cell(index)
        if is_blank(value):
            continue
        day, problem = normalise_date(value)
        span = Span(day, day) if day else None
        if span is None and isinstance(value, str):
            found = _span(_plain(value))
            span = found[0] if found else None
        if span is None:
            member.undated = member.undated or where(index)
            continue
        if index in joins:
            member.joined = span
        elif index in leaves:
            member.left = span
        member.source = member.source or where(index)
    for index in remarks:
        joined, left, unread = read_remark(cell(index))
        member.joined = member.joined or joined
        member.left = member.left or left
        if unread:
            member.undated = member.undated or where(index)
        elif joined or left:
            member.source = member.source or where(index)


def find_roll(sheets: list[SheetData], register: SheetData, notes: list[str]) -> Roll | str:
    """The one other sheet of the workbook that is a member list (the one a note names first), or the reason
    (Vietnamese) none can be used."""
    said = " ".join(fold(text) for text in notes)
    found, unclear = [], []
    for sheet in sheets:
        if sheet is register or sheet.error or not sheet.rows:
            continue
        roll = _read_roll(sheet)
        if isinstance(roll, Roll):
            found.append(roll)
        elif isinstance(roll, str):
            unclear.append(f"trang «{sheet.name}»: {roll}")
    named = [roll for roll in found if fold(roll.sheet) and re.search(rf"\b{re.escape(fold(roll.sheet))}\b", said)]
    if len(named) == 1 or len(found) == 1:
        return (named or found)[0]
    if len(found) > 1:
        return "có nhiều trang danh sách người (" + ", ".join(f"«{roll.sheet}»" for roll in found) + \
            ") mà ghi chú không nói trang nào là danh sách đảng viên của chi bộ"
    if unclear:
        return "không có trang nào rõ là danh sách đảng viên (" + "; ".join(unclear) + ")"
    return ("không có trang nào đã đọc là danh sách đảng viên của chi bộ (STT | Họ và tên …); khi chọn riêng một "
            "trang, các trang khác không được đọc")


NOT_READ = ("Trang có dòng nói người không có tên trong các cột vắng, đi muộn là có mặt ({rule}), nhưng chưa suy ra "
            "được người có mặt: {why}. Chỉ nhập những người có tên trong bảng.")
ADDED = ("Người có mặt ở mỗi buổi là các đảng viên trong danh sách trang «{sheet}» ({rows}) không có tên trong các "
         "cột vắng, đi muộn của buổi đó, theo dòng «{rule}»: đã thêm {count} bản ghi có mặt cho {people}")
NOT_ON_ROLL = ("«{name}» ở ô {cell} (cột «{column}») không có trong danh sách đảng viên trang «{sheet}»: đã nhập theo "
               "ô, xin kiểm tra tên")
MAYBE = ("«{name}» ở ô {cell} chỉ có tên, trang «{sheet}» có {people}: đã nhập theo ô, và không ghi có mặt ở buổi "
         "này cho ai trong số đó — xin ghi rõ họ tên")
UNSETTLED = ("đồng chí «{name}»: không rõ đã sinh hoạt ở chi bộ vào buổi {day:%d/%m/%Y} chưa (trang «{sheet}», ô "
             "{source}) — không ghi có mặt buổi này, xin kiểm tra")
OUTSIDE = ("đồng chí «{name}» (trang «{sheet}», ô {source}) không thuộc chi bộ vào {count} buổi "
           "({days}): không ghi có mặt các buổi đó")
UNDATED = ("đồng chí «{name}»: trang «{sheet}» ô {source} nói về việc chuyển, thôi sinh hoạt mà không đọc được ngày "
           "— không ghi có mặt ở buổi nào, xin kiểm tra")
STRANGERS = "{count} trong {total} tên ghi trong bảng không có trong trang «{sheet}»"
UNDATED_MEETING = "dòng {row}: không đọc được ngày họp nên không thêm người có mặt cho buổi này"
COUNT_DIFFERS = ("dòng {row}: cột «{column}» ghi {count} nhưng theo danh sách đảng viên có {present} người có mặt "
                 "({late} đi muộn) — xin kiểm tra")
SIZE_DIFFERS = "dòng {row} ghi chi bộ có {count} đảng viên nhưng trang «{sheet}» có {size} người — xin kiểm tra"


@dataclass
class Filled:
    """What adding the members present gave: rows of names per meeting row, and what to tell the officer."""

    roll: Roll | None
    rule_row: int  # 0-based, of the register
    present: dict = field(default_factory=dict)  # meeting row (0-based) -> [names present]
    found: list = field(default_factory=list)  # (level, row, letter, field, value, text) as SheetData.found


def rule_line(rows: list[list[Any]], skip) -> tuple[int, str] | None:
    """(row, text) of the register's line stating that the unlisted were present, outside the meeting rows."""
    for number, row in enumerate(rows):
        if number in skip:
            continue
        for cell in row:
            if says_unlisted_present(cell):
                return number, clean_text(decode_legacy(cell)) or ""
    return None


def _count_column(labels: list[Any]) -> int | None:
    """A column counting the members present ("Số ĐV có mặt", "Số đồng chí dự")."""
    for index, label in enumerate(labels):
        text = fold(label) if isinstance(label, str) else ""
        if re.match(r"^(?:so|tong so)\b", text) and re.search(r"\b(?:co mat|du|tham du|du hop)\b", text) \
                and "vang" not in text:
            return index
    return None


def fill_present(sheets: list[SheetData], register: SheetData, header: int, statuses: dict, date: int,
                 meetings: list, keyer) -> Filled | None:
    """The members present at each meeting of a register listing only absences and lateness (`statuses`: column
    -> status of the header at row `header`; `meetings`: (row, cells, [(name, column, status, note)])), or None
    when the register does not state that the unlisted were present. `keyer(member names)` gives the function
    comparing names (a given name written alone counts as the one member so named)."""
    if "present" in statuses.values():
        return None
    rows = register.rows
    rule = rule_line(rows, {number for number, *_ in meetings})
    roll = find_roll(sheets, register, [cell for row in rows for cell in row if isinstance(cell, str)])
    if rule is None:  # the note may be written on the member list instead
        there = next((sheet for sheet in sheets if isinstance(roll, Roll) and sheet.name == roll.sheet), None)
        said = rule_line(there.rows, ()) if there else None
        if said is None:
            return None
        rule = (-1, f"trang «{roll.sheet}» dòng {said[0] + 1}: {said[1]}")
    where, text = rule
    filled = Filled(roll if isinstance(roll, Roll) else None, where)
    if isinstance(roll, str):
        filled.found.append(("warning", None, None, None, None, NOT_READ.format(rule=text, why=roll)))
        return filled
    key = keyer([member.name for member in roll.members])
    members = {key(member.name): member for member in roll.members}
    names = [name for *_, listed in meetings for name, *_ in listed]
    strangers = [name for name in names if key(name) not in members]
    if len(strangers) * 2 > len(names):  # another chi bộ's list, or another list altogether
        filled.roll = None
        filled.found.append(("warning", None, None, None, None, NOT_READ.format(rule=text, why=STRANGERS.format(
            count=len(strangers), total=len(names), sheet=roll.sheet))))
        return filled
    if where >= 0:
        _check_size(filled, rows, roll, where)
    outside: dict[str, list[dt.date]] = {}
    added: dict[str, int] = {}
    for member in roll.members:
        if member.undated:
            filled.found.append(("warning", None, None, "full_name", member.name, UNDATED.format(
                name=member.name, sheet=roll.sheet, source=member.undated)))
    count_at = _count_column(rows[header])
    year = stated_year([cell for row in rows[:header] for cell in row if isinstance(cell, str)])
    for number, cells, listed in meetings:
        day = read_meeting_date(cells[date] if date < len(cells) else None, year=year).date
        said = {key(name) for name, *_ in listed}
        for name, column, *_ in listed:
            if key(name) in members:
                continue
            cell = f"{column_letter(column)}{number + 1}"
            maybe = [member.name for member in roll.members if " " not in name.strip()
                     and fold(member.name).rsplit(" ", 1)[-1] == fold(name)]
            said |= {key(other) for other in maybe}  # none of them is marked present where one was listed
            message = MAYBE.format(name=name, cell=cell, sheet=roll.sheet, people=", ".join(
                f"«{other}»" for other in maybe)) if maybe else NOT_ON_ROLL.format(
                name=name, cell=cell, column=clean_text(rows[header][column]), sheet=roll.sheet)
            filled.found.append(("warning", number + 1, column_letter(column), "full_name", name, message))
        if day is None:
            filled.found.append(("warning", number + 1, column_letter(date), "date", None,
                                 UNDATED_MEETING.format(row=number + 1)))
            continue
        present = []
        for member in roll.members:
            if key(member.name) in said or member.undated:
                continue
            belongs = member_at(member, day)
            if belongs is None:
                filled.found.append(("warning", number + 1, column_letter(date), "full_name", member.name,
                                     UNSETTLED.format(name=member.name, day=day, sheet=roll.sheet,
                                                      source=member.source)))
            elif belongs:
                present.append(member.name)
                added[member.name] = added.get(member.name, 0) + 1
            else:
                outside.setdefault(member.name, []).append(day)
        filled.present[number] = present
        _check_count(filled, rows[header], cells, number, count_at, present, listed)
    for member in roll.members:
        days = outside.get(member.name)
        if days:
            filled.found.append(("warning", None, None, "full_name", member.name, OUTSIDE.format(
                name=member.name, sheet=roll.sheet, source=member.source, count=len(days),
                days=", ".join(f"{day:%d/%m/%Y}" for day in days))))
    people = ", ".join(f"{name} ({count} buổi)" for name, count in added.items())
    filled.found.append(("warning", where + 1 if where >= 0 else None, None, None, None, ADDED.format(
        sheet=roll.sheet, rows=roll.rows(), rule=text, count=sum(added.values()), people=people or "không ai")))
    filled.found.append(("inference", None, None, None, None, {
        "what": "Người có mặt", "value": f"đảng viên trang «{roll.sheet}» không có tên trong các cột vắng, đi muộn",
        "source": f"dòng {where + 1}: «{text}»" if where >= 0 else text}))
    return filled


def _check_size(filled: Filled, rows: list[list[Any]], roll: Roll, where: int) -> None:
    for cell in rows[where]:
        match = re.search(r"\bco (\d{1,3}) (?:dang vien|dong chi|dv)\b", fold(cell)) if isinstance(cell, str) else None
        if match and int(match.group(1)) != len(roll.members):
            filled.found.append(("warning", where + 1, None, None, None, SIZE_DIFFERS.format(
                row=where + 1, count=match.group(1), sheet=roll.sheet, size=len(roll.members))))


def _check_count(filled: Filled, labels, cells, number: int, at: int | None, present: list, listed: list) -> None:
    """A meeting's count of members present that neither reading (with or without the late ones) gives."""
    value = cells[at] if at is not None and at < len(cells) else None
    count = value if isinstance(value, (int, float)) and not isinstance(value, bool) else (
        parse_number_text(value) if isinstance(value, str) else None)
    if count is None:
        return
    late = sum(1 for *_, status, _ in listed if status == "late")
    if count not in (len(present), len(present) + late):
        filled.found.append(("warning", number + 1, column_letter(at), None, value, COUNT_DIFFERS.format(
            row=number + 1, column=clean_text(labels[at]), count=clean_text(str(value)), present=len(present) + late,
            late=late)))
