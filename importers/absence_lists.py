"""Registers that list only the exceptions: the chi bộ's full member list, a line naming the meetings held ("Các
buổi sinh hoạt đã tổ chức: 04/01/2025; 07/02/2025; …"), and below a table of who was absent or late at which
meeting ("Ngày sinh hoạt | Họ và tên | Hình thức | Lý do"). Whoever that table does not name was present.

Before the table is looked for, such a sheet is rewritten as a wide register in the place of the member list:
one column per meeting, each member's status at each meeting (the exception table's wording, else "có mặt"); the
exception table's rows are emptied. It is done only when the sheet itself states the rule (a line such as "Đảng
viên không có tên trong bảng … thì có mặt"), names the meetings, and every exception names a listed member, a
named meeting and a status; otherwise the sheet is read the usual way and `notes` says that the
members present are not listed, so the records cannot pass for a complete register."""

import re
from dataclasses import dataclass, field
from typing import Any

from .kinds import attendance
from .legacy import decode_legacy
from .legends import meaning_to_status
from .locating import HEADER_SCAN_ROWS, header_date, is_stop_text
from .mapping import match_field
from .member_rolls import says_unlisted_present
from .normalising import clean_text, fold, is_blank, parse_date_text
from .results import SheetData

SCAN_ROWS = 2000
PRESENT = "có mặt"
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
_MEETINGS = ("buoi", "sinh hoat", "cuoc hop", "ky hop", "lan hop")
_ABSENCE_WORDS = ("vang", "di muon", "den muon", "nghi")


NOT_READ = ("Trang có dòng nói người không có tên trong bảng vắng mặt, đi muộn là có mặt, nhưng chưa suy ra được "
            "người có mặt: {why}. Chỉ nhập các dòng đã ghi.")


@dataclass
class Expanded:
    """What the rewrite did, for the result's explanation."""

    rule_row: int
    rule: str
    meetings: list = field(default_factory=list)


def _labels(row: list[Any]) -> list[str]:
    return [clean_text(decode_legacy(cell)) or "" if isinstance(cell, str) else "" for cell in row]


def _fields(row: list[Any]) -> list[str | None]:
    return [match_field(label, attendance.FIELDS) if label else None for label in _labels(row)]


def _rule(rows: list[list[Any]], numbers) -> tuple[int, str] | None:
    """(row, text) of the line stating that whoever is not listed was present."""
    for number in numbers:
        for cell in rows[number]:
            if says_unlisted_present(cell):  # the sheet's own statement that whoever is not listed was present
                return number, clean_text(cell)
    return None


def _meetings(rows: list[list[Any]], before: int) -> list[str]:
    """The meeting dates a line above the tables lists (the line with the most dates that speaks of meetings)."""
    best: list[str] = []
    for row in rows[:before]:
        for cell in row:
            if not isinstance(cell, str) or not any(word in fold(cell) for word in _MEETINGS):
                continue
            days = [parse_date_text(text) for text in _DATE.findall(cell)]
            days = [day.isoformat() for day in days if day]
            if len(days) > len(best):
                best = days
    return sorted(set(best))


def _body(rows: list[list[Any]], start: int, key: int) -> list[int]:
    """Data rows from `start` until a blank row or a footer."""
    found = []
    for number in range(start, min(len(rows), SCAN_ROWS)):
        row = rows[number]
        if all(is_blank(cell) for cell in row) or any(is_stop_text(cell) for cell in row):
            break
        if key < len(row) and not is_blank(row[key]):
            found.append(number)
    return found


def _exception_table(rows: list[list[Any]]) -> tuple[int, int, int, int, list[int]] | None:
    """(header row, name, date and status columns, body rows) of a table of dated statuses whose every status is
    an absence or lateness; the status column may be unnamed ('Hình thức') and known by its values."""
    for number, row in enumerate(rows[:SCAN_ROWS]):
        fields = _fields(row)
        if "full_name" not in fields or "date" not in fields:
            continue
        name, date = fields.index("full_name"), fields.index("date")
        body = _body(rows, number + 1, name)
        if not body:
            continue
        for col in range(len(row)):
            if col in (name, date) or fields[col] not in (None, "status"):
                continue
            values = [rows[r][col] if col < len(rows[r]) else None for r in body]
            statuses = [meaning_to_status(clean_text(value)) if isinstance(value, str) else None for value in values]
            if all(status and status != "present" for status in statuses):
                return number, name, date, col, body
    return None


def _member_list(rows: list[list[Any]], before: int) -> tuple[int, int, list[int]] | None:
    """(header row, name column, body rows) of the nearest table above naming people but no date or status."""
    for number in range(before - 1, -1, -1):
        fields = _fields(rows[number])
        if "full_name" in fields and not {"date", "status"} & set(fields):
            body = _body(rows, number + 1, fields.index("full_name"))
            return (number, fields.index("full_name"), body) if body else None
    return None


def _day(cell: Any) -> str | None:
    if isinstance(cell, str) and not header_date(cell):
        parsed = parse_date_text(cell.strip())
        return parsed.isoformat() if parsed else None
    return header_date(cell)


def absence_lists(sheet: SheetData) -> Expanded | str | None:
    """Rewrite an exceptions-only register as a full one when the sheet states the rule: what was done; the reason
    (Vietnamese, naming the row) when the sheet states the rule but cannot be read by it; None for other sheets."""
    rows = sheet.rows
    rule = _rule(rows, range(min(len(rows), HEADER_SCAN_ROWS)))  # a title line: other sheets cost one look
    found = _exception_table(rows) if rule else None
    if found is None:
        return None
    header, name, date, status, body = found
    members = _member_list(rows, header)
    if members is None or rule[0] >= header:
        return None
    member_header, member_name, member_rows = members
    meetings = _meetings(rows, member_header)
    names = [clean_text(rows[r][member_name]) for r in member_rows]
    if not meetings:
        return NOT_READ.format(why="không có dòng nêu các ngày sinh hoạt (như «Các buổi sinh hoạt đã tổ chức: "
                                   "04/01/2025; 07/02/2025»)")
    twice = next((number for number, person in zip(member_rows, names) if names.count(person) > 1), None)
    if twice is not None:
        return NOT_READ.format(why=f"dòng {twice + 1}: «{names[member_rows.index(twice)]}» có hai lần trong danh sách")
    marks: dict = {}
    for number in body:
        row = rows[number]
        key = (clean_text(row[name]), _day(row[date]))
        if key[0] not in names:
            return NOT_READ.format(why=f"dòng {number + 1}: «{key[0]}» không có trong danh sách đảng viên")
        if key[1] not in meetings:
            return NOT_READ.format(why=f"dòng {number + 1}: ngày «{key[1] or row[date]}» không có trong các ngày sinh "
                                       "hoạt đã nêu")
        if key in marks:
            return NOT_READ.format(why=f"dòng {number + 1}: «{key[0]}» ghi hai lần cho cùng một buổi")
        marks[key] = clean_text(row[status])
    width = max(len(row) for row in rows)
    keep = member_name + 1
    out = [list(row) + [None] * (width - len(row)) for row in rows]
    out[member_header] = list(rows[member_header][:keep]) + meetings
    for number, person in zip(member_rows, names):
        out[number] = list(rows[number][:keep]) + [marks.get((person, day), PRESENT) for day in meetings]
    for number in range(member_rows[-1] + 1, body[-1] + 1):
        out[number] = [None] * width
    full = max(len(row) for row in out)
    sheet.rows = [row + [None] * (full - len(row)) for row in out]
    sheet.merges = [merge for merge in sheet.merges if merge[0][0] < member_header]
    return Expanded(rule_row=rule[0] + 1, rule=rule[1], meetings=meetings)


def explain(found: Expanded | str | None) -> list[dict]:
    """The inference a rewrite rests on, for ``result.inferences`` ([] when the sheet was not rewritten)."""
    if not isinstance(found, Expanded):
        return []
    return [{"what": "Người có mặt",
             "value": f"mọi người trong danh sách không có tên trong bảng vắng mặt, đi muộn ({len(found.meetings)} "
                      "buổi)",
             "source": f"dòng {found.rule_row}: «{found.rule}»"}]


def notes(found: Expanded | str | None, statuses, titles: list[str], absences_only: bool = False) -> list[str]:
    """Warnings: why a stated rule could not be applied, and that a register listing only absences and lateness
    (every record one, under a title about absences or in columns of absences only) leaves out the members
    present, so it must not pass for a complete register."""
    said = [found] if isinstance(found, str) else []
    values = [status for status in statuses if status]
    if len(values) < 3 or any(status == "present" for status in values):
        return said
    if not absences_only and not any(word in fold(text) for text in titles for word in _ABSENCE_WORDS):
        return said
    return said + ["Bảng chỉ ghi người vắng mặt, đi muộn: những người có mặt không có trong bảng nên không được "
                   "nhập. Nếu mọi người không có tên là có mặt, hãy ghi rõ điều đó trên trang (ví dụ «Đảng viên không "
                   "có tên trong bảng … thì có mặt») cùng danh sách đảng viên và các ngày sinh hoạt, rồi nhập lại."]
