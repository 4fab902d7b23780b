"""Registers that list names inside status columns, one row per meeting: "Ngày họp | Có mặt | Vắng có phép |
Vắng không phép | Đi muộn" (or "Đồng chí dự họp | Đồng chí vắng"), each status cell a list of names separated by
commas, semicolons or line breaks ("Đ/c An, Đ/c Bình; Cường"), a reason after a name in brackets or after a dash
or colon ("An (ốm)", "An - ốm", "An: đi công tác"), maybe a "Chi bộ" column. Columns listing only the excused,
absent and late get the members present from the workbook's member list when the sheet says so
(``importers.member_rolls``).

Before the table is looked for, such a sheet is rewritten as the register it stands for: one row per name and
meeting ("Họ và tên | Ngày họp | Điểm danh", the meeting's other cells repeated); the rows above the header (title,
chi bộ) and below the body (signatures, notes) keep their place. A name written twice in one meeting is an error
naming the meeting's row and cells, and that name gets no record for that meeting (which status holds is the
officer's to say). A name written as the given name only ("Cường") is completed from the file when exactly one
full name listed in it ends so ("Lê Văn Cường"), with a warning; otherwise it is kept as written.

What was found is kept in `SheetData.found` as (level, row, letter, field, value, text), the row and letter those
of the sheet as written; the rewritten rows number the names, which the inference line says."""

import re
from functools import partial
from typing import Any

from .header_words import attending_person
from .honorifics import strip_title
from .kinds import attendance
from .legacy import decode_legacy
from .legends import meaning_to_status
from .locating import HEADER_SCAN_ROWS, fill_vertical_merges, is_stop_text
from .mapping import column_letter, match_field
from .member_rolls import fill_present
from .name_values import is_never_name
from .normalising import DEFAULT_MARKS, clean_text, fold, is_blank, mark_key
from .results import SheetData

WORDING = {"present": "Có mặt", "excused": "Vắng có phép", "absent": "Vắng không phép", "late": "Đi muộn",
           "exempt": "Miễn sinh hoạt"}
HEADER = ["Họ và tên", "Ngày họp", "Điểm danh"]
_ITEMS = re.compile(r"\s*[,;\n\r]\s*")
# "Nguyễn Văn An (ốm)", "Nguyễn Văn An - ốm", "Nguyễn Văn An: đi công tác": the reason after a name
_REASON = re.compile(r"\s*(?:[(\[][^()\[\]]*[)\]]|\s[-–]\s+[^()\[\]\-–:]+|:\s*[^()\[\]:]+)\s*$")
NOBODY = {"khong", "khong co", "khong ai", "ko", "0", "khong co ai", "khong vang", "khong co dong chi nao"}
EVERYBODY = {"tat ca", "ca chi bo", "du", "day du", "toan the", "toan bo", "du 100", "100"}
_NUMBERING = re.compile(r"^(?:\d{1,3}\s*[.)/-]|[-–•+*])\s*")
_COUNT_WORDS = re.compile(r"^(?:so|tong|ty le|ti le|cong)\b")
_NAME_WORD = re.compile(r"^[^\W\d_][^\s\d]*$")


def _status_of(label: str) -> str | None:
    """The status a column heading lists people for ('Có mặt', 'Đồng chí vắng'); None for counts ('Số có mặt')."""
    text = clean_text(decode_legacy(label)) if isinstance(label, str) else None
    if not text or _COUNT_WORDS.match(fold(text)):
        return None
    if match_field(text, attendance.FIELDS) in ("full_name", "date", "unit", "note", "index", "arrival") \
            and not attending_person(fold(text)):  # 'Đồng chí dự họp' lists the members present here
        return None
    return meaning_to_status(text)


def _header(row: list[Any]) -> dict | None:
    """The date, status and unit columns of a header row listing people under statuses, or None."""
    statuses, fields = {}, {}
    for index, cell in enumerate(row):
        if not isinstance(cell, str) or is_blank(cell):
            continue
        status = _status_of(cell)
        if status:
            statuses[index] = status
            continue
        field = match_field(clean_text(decode_legacy(cell)), attendance.FIELDS)
        if field:
            fields.setdefault(field, index)
    if len(statuses) < 2 or "date" not in fields or "full_name" in fields:
        return None
    return {"statuses": statuses, "date": fields["date"], "unit": fields.get("unit"), "note": fields.get("note")}


def split_names(cell: Any) -> list[str]:
    """The names a cell lists, titles and numbering dropped ('Đ/c An, Đ/c Bình; Cường' -> An, Bình, Cường)."""
    return [name for name, _ in _split(cell)]


def _split(cell: Any) -> list[tuple[str, str | None]]:
    """(name, the note in brackets after it) of each person a cell lists."""
    if not isinstance(cell, str):
        return []
    found = []
    for item in _ITEMS.split(cell.strip()):
        item = _NUMBERING.sub("", item.strip())
        note = _REASON.search(item)
        name = clean_text(strip_title(item[:note.start()] if note else item).strip(" ."))
        if name and fold(name) not in NOBODY and name not in ("-", "--"):
            found.append((name, note.group().strip(" ()[]-–:") if note else None))
    return found


def _is_name(text: str) -> bool:
    """Words of letters, not an attendance mark ('x', 'P') nor a word for everyone ('Tất cả')."""
    if is_never_name(text):  # "TRUE" / "FALSE" a checkbox column holds, a number
        return False
    return mark_key(text) not in DEFAULT_MARKS and len(text) >= 2 and fold(text) not in EVERYBODY and all(
        _NAME_WORD.match(word) for word in text.split(" "))


def _cell(row: list[Any], index: int | None) -> Any:
    return row[index] if index is not None and index < len(row) else None


def _body_end(rows: list[list[Any]], start: int, date: int) -> int:
    end = start
    while end < len(rows):
        texts = [cell for cell in rows[end] if isinstance(cell, str) and cell.strip()]
        if texts and is_stop_text(decode_legacy(texts[0])):
            break
        if texts and end > start and all(is_blank(cell) for cell in rows[end - 1]) and is_blank(_cell(rows[end], date)):
            break  # past a blank row, undated text (the signer "BÍ THƯ CHI BỘ" under a status column) is no meeting
        end += 1
    while end > start and all(is_blank(cell) for cell in rows[end - 1]):
        end -= 1
    return end


def _given_names(meetings, members=()) -> dict[str, str | None]:
    """Folded given name -> the one full name listed in the file (or its member list) that ends with it (None when
    several do)."""
    full = {name for *_, listed in meetings for name, *_ in listed if " " in name} | {
        name for name in members if " " in name}
    found: dict[str, str | None] = {}
    for name in sorted(full):
        given = fold(name.rsplit(" ", 1)[1])
        found[given] = name if given not in found else None
    return found


def unpivot_name_lists(sheet: SheetData, book: list[SheetData] = ()) -> bool:
    """Rewrite a sheet listing names under status columns as a register in place; True when it was one. A sheet
    listing only absences and lateness gets the members present from a member list among the `book`'s other sheets
    when it says that the unlisted were present (``importers.member_rolls``)."""
    for at, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        found = _header(row)
        if found:
            break
    else:
        return False
    fill_vertical_merges(sheet.rows, sheet.merges)  # a date merged down over a meeting's two rows
    end = _body_end(sheet.rows, at + 1, found["date"])
    meetings = []
    for number in range(at + 1, end):
        row = sheet.rows[number]
        listed = [(name, index, status, note) for index, status in found["statuses"].items()
                  for name, note in _split(_cell(row, index))]
        if listed or not is_blank(_cell(row, found["date"])):
            meetings.append((number, row, listed))
    names = [name for *_, listed in meetings for name, *_ in listed]
    if not names or sum(map(_is_name, names)) < max(2, len(names) // 2):
        return False  # marks or counts under the status headings: a register of another kind
    sheet.found = []
    filled = fill_present(list(book), sheet, at, found["statuses"], found["date"], meetings,
                          lambda members: partial(_key, given=_given_names(meetings, members))) if book else None
    roll = filled.roll if filled else None
    given = _given_names(meetings, [member.name for member in roll.members] if roll else ())
    sheet.roll_sheet = roll.sheet if roll else None
    sheet.absences_only = "present" not in found["statuses"].values() and not (filled and filled.present)
    people = _people(sheet, found, at, meetings, given, filled.present if filled else {})
    sheet.found += filled.found if filled else []
    extra = [found[key] for key in ("unit", "note") if found[key] is not None]
    header = HEADER + [sheet.rows[at][index] for index in extra]
    above, below = sheet.rows[:at], sheet.rows[end:]
    if roll and filled.rule_row >= end:  # the note under the meetings would read as a name under "Họ và tên"
        above = above + [sheet.rows[filled.rule_row]]
        below = [row for number, row in enumerate(below, end) if number != filled.rule_row]
    sheet.rows = above + [header] + people + below
    sheet.merges = [merge for merge in sheet.merges if merge[1][0] < at]
    sheet.found.append(("inference", None, None, None, None, {
        "what": "Bố cục", "value": "tên người ghi trong ô của cột điểm danh, mỗi dòng một buổi họp",
        "source": f"đã tách mỗi tên thành một dòng từ dòng {len(above) + 2}; số dòng trong thông báo là thứ tự tên"}))
    return True


def _people(sheet: SheetData, header: dict, at: int, meetings, given: dict[str, str | None],
            present: dict) -> list[list[Any]]:
    """The register's rows, one per name and meeting, then the members `present` adds for the meeting's row; names
    twice in a meeting are reported and left out."""
    found = sheet.found
    people = []
    extra = [header[key] for key in ("unit", "note") if header[key] is not None]
    for number, row, listed in meetings:
        seen: dict[str, list[tuple[int, str]]] = {}
        for name, index, *_ in listed:
            seen.setdefault(_key(name, given), []).append((index, name))
        twice = {key for key, cells in seen.items() if len(cells) > 1}
        for key in twice:
            cells = seen[key]
            letters = ", ".join(f"{column_letter(index)} «{clean_text(sheet.rows[at][index])}»"
                                for index in dict.fromkeys(index for index, _ in cells))
            found.append(("error", number + 1, column_letter(cells[0][0]), "full_name", cells[0][1],
                          TWICE.format(name=cells[0][1], count=len(cells), cells=letters, row=number + 1)))
        for name, index, status, note in listed:
            key = _key(name, given)
            if key in twice:
                continue
            if not _is_name(name):
                what = NOT_LISTED if fold(name) in EVERYBODY else NOT_A_NAME
                found.append(("error", number + 1, column_letter(index), "full_name", name,
                              what.format(name=name, column=clean_text(sheet.rows[at][index]))))
                continue
            said = meaning_to_status(note) if note else None
            if said and said != status:
                found.append(("warning", number + 1, column_letter(index), "status", note, NOTE_DIFFERS.format(
                    name=name, note=note, column=clean_text(sheet.rows[at][index]))))
            full = given.get(fold(name)) if " " not in name else None
            if full:
                found.append(("warning", number + 1, column_letter(index), "full_name", name,
                              f"«{name}» chỉ có tên, đã đọc là «{full}» — người duy nhất có tên này trong tệp"))
                name = full
            people.append([name, _cell(row, header["date"]), WORDING[status]] + [_cell(row, i) for i in extra])
        people += [[name, _cell(row, header["date"]), WORDING["present"]] + [_cell(row, i) for i in extra]
                   for name in present.get(number, [])]
    return people


TWICE = ("đồng chí «{name}» được ghi {count} lần trong một buổi họp ({cells}) — tên này không được nhập cho buổi "
         "họp ở dòng {row}")
NOT_LISTED = ("cột «{column}» ghi «{name}» thay vì tên từng người — không biết những ai, chưa nhập; hãy ghi tên "
              "từng đồng chí")
NOTE_DIFFERS = ("«{name}» có ghi chú «{note}» khác với cột «{column}» chứa tên: đã đọc theo cột «{column}», xin "
                "kiểm tra")
NOT_A_NAME = "«{name}» trong cột «{column}» không phải họ tên một người — chưa nhập"


def _key(name: str, given: dict[str, str | None]) -> str:
    """A name's comparison key: a given name written alone counts as the one full name the file lists for it."""
    folded = fold(name)
    return fold(given[folded]) if " " not in folded and given.get(folded) else folded


def report_found(sheet: SheetData, issues, inferences: list[dict]) -> None:
    """Put what the rewrite found among the parse's issues (cells named as the sheet was written)."""
    for level, row, letter, field, value, text in sheet.found:
        if level == "inference":
            inferences.append(text)
        else:
            (issues.error if level == "error" else issues.warning)(row, letter, field, value, text)
