"""Two fields under one header: 'Họ và tên, chức vụ', 'Họ và tên' over 'Chức vụ' on two lines of one cell,
'Đoàn công tác - Chi bộ phụ trách'. The values are stacked the same way: on two lines of one cell ('Phan Minh Lộc'
line break 'Trưởng phòng Kinh tế'), or on two physical rows per person (the name with the birth date, then the
position with the phone, the other cells merged over both rows). A header may stack the two labels over two rows
of one column instead ('Họ và tên' over 'Chức vụ', the other header cells merged down over both, as a table pasted
from a Word report keeps it): its people take two rows the same way, paired as ``kinds.row_pairs`` checks.

Before the table is looked for, such a sheet is rewritten as a plain table: the stacked column keeps the first
field (its first line, or the person's first row), and the second field is read from a column added at the right
labelled with the second wording; a person's second row is emptied. Rows keep their place, so a row number in a
message is the row of the file; a column letter past the file's last column names an added column.

A header may name three fields, name, position and role, over a decision's sentences typed one a cell ('Họ tên, chức
vụ, nhiệm vụ trong Đoàn' over "Đồng chí Lê Thị Hoa, Phó Chủ tịch UBND xã - Trưởng đoàn;"): read strictly by
``split_sentences``, the position and the role going to two added columns. Such sentences under no header at all
refuse the file, naming the column and the header line to add (``refuse_headerless_sentences``).

A note line may say the same of cells of people in a layout with no such header ("(mỗi ô: họ tên đồng chí, dòng
dưới: chức vụ)"): ``noted_stack`` reads its two wordings as this header's, for ``kinds.person_lines``."""

import re
from typing import Any

from ..context import read_context
from ..errors import ImportFileError
from ..legacy import decode_legacy
from ..locating import fill_vertical_merges, is_stop_text
from ..mapping import column_letter, worded_field
from ..normalising import clean_text, fold, is_blank
from ..results import SheetData
from ..role_words import strict_role
from . import KEY_FIELDS, roster
from .person_lines import opens_with_address, person_lines, person_sentence, without_marker
from .row_pairs import merged_down, paired_rows, two_row_header

HEADER_SCAN_ROWS = 40
# Between the two wordings, tried in turn: a line break, a comma or semicolon, a dash with spaces around it (a
# wording may hold the later ones itself: 'Ngày, tháng, năm sinh' over 'Điện thoại'), a slash ('Họ và tên / Ngày sinh').
_JOINS = (re.compile(r"\s*\n\s*"), re.compile(r"\s*[,;]\s*"), re.compile(r"\s+[-–]\s+"), re.compile(r"\s*/\s*"))
SPECS = roster.FIELDS
PAIRED_SHARE = 0.6  # two physical rows per person: most people have a second row
JOINED_SHARE = 0.6  # name and position on one line: most cells join them with the same mark
# A person's name (with an 'Đ/c' or 'Đồng chí' before it): two to six words, no digits
_NAME_LIKE = re.compile(r"^(?:(?:Đ/c|Đ\.c|Đc|Đồng chí)\s+)?(?:[^\W\d_][^\s\d,;()]*)(?:\s+[^\W\d_][^\s\d,;()]*){1,5}$",
                        re.IGNORECASE)
# The address word standing for the person in a stacked header ('Đồng chí - chức vụ'); alone it names no field.
_PERSON_WORD = re.compile(r"\b(?:dong chi|d c)\b")
PERSON_WORDING = "Họ và tên đồng chí"  # what the name column is labelled once such a header is split
# A header naming the three fields of a decision's sentence, in the order the sentence gives them
SENTENCE_FIELDS = ("full_name", "position", "role")
SENTENCE_SHARE = 0.5  # of the column's filled cells, the share that must open with the address word
_SENTENCE_JOIN = re.compile(r"\s*[,;]\s*")
# A note on how each cell of people is written, folded: the first field, then the one on the line under it
_CELL_NOTE = re.compile(r"^(?:ghi chu )?(?:(?:trong )?(?:moi|cac) o(?: ghi)? )?"
                        r"(?:dong (?:tren|dau|thu nhat|1)(?: ghi)? )?(?P<first>.+?) "
                        r"(?:xuong dong|dong (?:duoi|thu hai|2|sau|ke tiep))(?: ghi)?(?: la)? (?P<second>.+)$")
NOTE_LENGTH = 200  # a note is one short line
SENTENCE_SHAPE = "«Đồng chí <họ và tên>, <chức vụ> - <nhiệm vụ trong Đoàn>»"
UNREAD_SENTENCE = ("«{text}» không đọc được theo mẫu {shape} (nhiệm vụ sau dấu gạch ngang cuối cùng phải là "
                   "Trưởng đoàn, Phó trưởng đoàn hoặc Thành viên; họ tên là phần trước dấu phẩy đầu tiên) — dòng "
                   "này không được nhập; hãy sửa ô cho đúng mẫu")
NO_ADDRESS = ("«{text}» có nhiệm vụ trong Đoàn nhưng không mở đầu bằng «Đồng chí» / «Đ/c» như các dòng "
              "khác của cột — dòng này không được nhập; hãy sửa ô theo mẫu {shape}")
NOT_A_PERSON = ("«{text}» không phải câu về một người (không mở đầu bằng «Đồng chí» / «Đ/c») — đã bỏ qua, "
                "không nhập thành người; hãy kiểm tra")


def _part(part: str) -> tuple[str, str | None]:
    """A stacked header's wording and the field it names, 'Đồng chí' / 'Đ/c' standing for the person's name."""
    wording = clean_text(part) or ""
    if _PERSON_WORD.fullmatch(fold(wording)):
        return PERSON_WORDING, "full_name"
    return wording, worded_field(wording, SPECS)


def stacked_fields(label: Any) -> tuple[str, str] | None:
    """The two wordings of a header naming two different fields ('Họ và tên, chức vụ', 'Đồng chí - chức vụ'), else
    None; a header that names one field as a whole ('Ngày, tháng, năm sinh') is not stacked, unless it is read so
    only once the address word for the person is dropped ('Đồng chí - chức vụ' read as 'chức vụ')."""
    if not isinstance(label, str):
        return None
    label = decode_legacy(label)  # a TCVN3/VNI header is decoded later; its wording is read now
    if worded_field(clean_text(label) or "", SPECS) and not _PERSON_WORD.search(fold(label)):
        return None
    for joins in _JOINS:
        parts = [_part(part) for part in joins.split(label.strip()) if part]
        if len(parts) == 2 and None not in (parts[0][1], parts[1][1]) and parts[0][1] != parts[1][1]:
            return parts[0][0], parts[1][0]
    return None


def noted_stack(rows: list[list[Any]]) -> bool:
    """Whether a note line says each cell of people stacks the name over the position, as a 'Họ và tên, chức vụ'
    header says of its column ("(mỗi ô: họ tên đồng chí, dòng dưới: chức vụ)", "Ghi chú: mỗi ô ghi họ và tên, dòng
    dưới ghi chức vụ", "Dòng trên: họ tên; dòng dưới: chức vụ"): the two wordings are read as such a header is."""
    for row in rows:
        for cell in row:
            if not isinstance(cell, str) or len(cell) > NOTE_LENGTH:
                continue
            match = _CELL_NOTE.match(fold(decode_legacy(cell)))
            if match is None:
                continue
            wordings = stacked_fields(f"{match.group('first')}, {match.group('second')}")
            if wordings and (_part(wordings[0])[1], _part(wordings[1])[1]) == ("full_name", "position"):
                return True
    return False


def _header(rows: list[list[Any]], merges: list) -> tuple[int, dict[int, tuple[str, str]]] | None:
    """The header row holding stacked labels and naming the person's name (alone or stacked), with those columns;
    the name may stand on the header's second row, under a label merged across ("Thông tin đồng chí" over "Họ và
    tên" | "Ngày sinh"), when the stacked labels are merged down over that row."""
    for at, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        stacked = {index: parts for index, cell in enumerate(row) if (parts := stacked_fields(cell))}
        if not stacked:
            continue
        header = list(row)
        if at + 1 < len(rows) and set(stacked) <= merged_down(merges, at):
            header += rows[at + 1]
        named = {worded_field(clean_text(decode_legacy(cell)) or "", SPECS) for cell in header
                 if isinstance(cell, str)}
        named |= {worded_field(part, SPECS) for parts in stacked.values() for part in parts}
        if named & set(KEY_FIELDS):
            return at, stacked
    return None


def _filled(row: list[Any]) -> set[int]:
    return {index for index, cell in enumerate(row) if not is_blank(cell)}


def _second_rows(rows: list[list[Any]], start: int, stacked: set[int]) -> set[int]:
    """Rows that continue the person above: cells only under stacked headers, below a row with cells elsewhere
    too. Counted only when most people have one (two physical rows per person), else none."""
    seconds, people = set(), 0
    for index in range(start, len(rows)):
        filled = _filled(rows[index])
        if not filled:
            continue
        if filled <= stacked and index - 1 not in seconds and index - 1 >= start \
                and _filled(rows[index - 1]) - stacked and _filled(rows[index - 1]) & stacked:
            seconds.add(index)
        elif filled - stacked and filled & stacked:
            people += 1
    return seconds if people and len(seconds) >= PAIRED_SHARE * people else set()


def _split(cell: Any, joint: re.Pattern | None = None) -> tuple[Any, str | None]:
    """First line and the rest of a cell (the rest None when the cell is one line or not text); with a `joint`
    (a dash, a comma), the name before its first match and the rest after it, or, the joint being only inside
    brackets, the name before the brackets closing the cell and their whole text ("Trinh (Phòng Văn hóa - Xã
    hội)"): a joint inside brackets never cuts the name."""
    if joint is not None and isinstance(cell, str) and "\n" not in cell.strip():
        parts = joint.split(cell.strip(), maxsplit=1)
        if len(parts) == 2 and _NAME_LIKE.match(parts[0].strip()) and parts[1].strip():
            return parts[0].strip(), parts[1].strip()
        return _bracketed_second(cell) or (cell, None)
    if not isinstance(cell, str) or "\n" not in cell.strip():
        return cell, None
    first, rest = cell.strip().split("\n", 1)
    return first.strip(), " ".join(line.strip() for line in rest.splitlines() if line.strip()) or None


def _bracketed_second(cell: str) -> tuple[str, str] | None:
    """(name, bracketed text) of a cell 'Name (text)' holding one person, no phone, and no role in the brackets (a
    role there is the role's, read from the name cell by ``kinds.role_in_name``)."""
    people = person_lines(cell)
    if len(people) != 1:
        return None
    name, second, phone = people[0]
    if phone is None and second and _NAME_LIKE.match(name) and strict_role(second) is None \
            and cell.strip().startswith(name) and cell.strip().endswith((")", "]")):
        return name, second
    return None


def _has_lines(rows: list[list[Any]], index: int) -> bool:
    """Whether a column's cells hold two lines (in a third of its filled cells or more)."""
    cells = [row[index] for row in rows if index < len(row) and not is_blank(row[index])]
    lined = sum(1 for cell in cells if isinstance(cell, str) and "\n" in cell.strip())
    return bool(cells) and lined * 3 >= len(cells)


def _joint(rows: list[list[Any]], index: int) -> re.Pattern | None:
    """The mark that joins name and position on one line in most of a column's cells ('Nguyễn Văn An - Phó Chủ
    tịch UBND phường', 'Lê Thị Hà, Chuyên viên'), or None."""
    cells = [row[index] for row in rows if index < len(row) and isinstance(row[index], str) and row[index].strip()]
    for joint in _JOINS[2:0:-1]:
        named = sum(1 for cell in cells if len(parts := joint.split(cell.strip(), maxsplit=1)) == 2
                    and _NAME_LIKE.match(parts[0].strip()))
        if cells and named >= JOINED_SHARE * len(cells):
            return joint
    return None


def sentence_fields(label: Any) -> tuple[str, str, str] | None:
    """The three wordings of a header naming the name, the position and the role in one column, in this order
    ('Họ tên, chức vụ, nhiệm vụ trong Đoàn'), else None."""
    if not isinstance(label, str):
        return None
    parts = [_part(part) for part in _SENTENCE_JOIN.split(decode_legacy(label).strip()) if part.strip()]
    if tuple(field for _, field in parts) != SENTENCE_FIELDS:
        return None
    return parts[0][0], parts[1][0], parts[2][0]


def _sentence_body(rows: list[list[Any]], start: int) -> list[int]:
    """The rows from `start` up to the first total, closing or signature line in any cell."""
    body = []
    for number in range(start, len(rows)):
        if any(is_stop_text(cell) for cell in rows[number]):
            break
        body.append(number)
    return body


def split_sentences(sheet: SheetData) -> bool:
    """Rewrite a sheet listing its people as a decision's sentences, one a cell under a header naming the three
    fields ("Đồng chí Lê Thị Hoa, Phó Chủ tịch UBND xã - Trưởng đoàn;" under 'Họ tên, chức vụ, nhiệm vụ trong
    Đoàn'), as one column per field; True when done. A cell is a person only when the whole sentence reads: it
    opens with the address word and the text after its last dash is a role wording. A cell opening with the address
    word that does not read so, or a sentence ending on a role without the address word, is refused naming the
    cell, its row left without a name; a group or unit line stays to be read as such, and any other line (the
    closing count, "Danh sách gồm 05 Đoàn, 22 đồng chí.") is left out with a warning naming the cell. Until the
    column is sentences (half its cells or more opening with the address word) nothing is rewritten."""
    rows = sheet.rows
    found = next(((at, index, wordings) for at, row in enumerate(rows[:HEADER_SCAN_ROWS])
                  for index, cell in enumerate(row) if (wordings := sentence_fields(cell))), None)
    if found is None:
        return False
    at, index, wordings = found
    body = _sentence_body(rows, at + 1)
    cells = [(number, rows[number][index]) for number in body
             if index < len(rows[number]) and not is_blank(rows[number][index])]
    addressed = sum(1 for _, cell in cells if opens_with_address(cell))
    if not addressed or addressed < SENTENCE_SHARE * len(cells):
        return False
    fill_vertical_merges(rows, sheet.merges)
    sheet.merges = []
    width = max(len(row) for row in rows)
    out = [list(row) + [None] * (width + 2 - len(row)) for row in rows]
    out[at][index], out[at][width], out[at][width + 1] = wordings
    letter = column_letter(index)
    for number, cell in cells:
        read = person_sentence(cell, strict_role)
        if read is not None:
            out[number][index], out[number][width], out[number][width + 1] = read
            for before in range(index):  # a bullet before the sentence ('-', '+') is no value
                marker = out[number][before]
                if isinstance(marker, str) and marker.strip() and without_marker(marker + " x").strip() == "x":
                    out[number][before] = None
            continue
        text = clean_text(cell) or ""
        if read_context(cell) is not None:
            continue  # a group or unit line written in the sentences' column: read as such
        tail = re.split(r"\s+[-–—]\s+", text.rstrip(";., "))
        level, message = "warning", NOT_A_PERSON
        if opens_with_address(cell):
            level, message = "error", UNREAD_SENTENCE
        elif len(tail) > 1 and strict_role(tail[-1]) is not None:
            level, message = "error", NO_ADDRESS
        out[number][index] = None
        entry = (level, number + 1, letter, "full_name", text,
                 message.format(cell=f"{letter}{number + 1}", text=text, shape=SENTENCE_SHAPE))
        if entry not in sheet.found:
            sheet.found.append(entry)
    sheet.rows = out
    return True


HEADERLESS_SENTENCES = ("Trang «{sheet}»: cột {letter} liệt kê {count} người dưới dạng câu của quyết định (mỗi dòng "
                        "một người, ví dụ ô {cell} «{text}») nhưng không có dòng tiêu đề cột — chưa nhập để khỏi đoán "
                        "sai; hãy thêm một dòng ngay trên danh sách, ghi «Họ tên, chức vụ, nhiệm vụ trong Đoàn» ở cột "
                        "{letter} (và «Điện thoại» trên cột số điện thoại nếu có), rồi nhập lại.")
SENTENCE_PEOPLE = 2  # people read as sentences in one column before a sheet without a header is said to list them


def refuse_headerless_sentences(sheets: list[SheetData]) -> None:
    """When no sheet has a table: raise the reason for the first sheet with a column of people written as a
    decision's sentences ("Đồng chí X, chức vụ - Trưởng đoàn;", read by ``person_sentence``) under no header."""
    for sheet in sheets:
        width = max((len(row) for row in sheet.rows), default=0)
        for index in range(width):
            cells = [(number, row[index]) for number, row in enumerate(sheet.rows)
                     if index < len(row) and not is_blank(row[index])]
            people = [(number, cell) for number, cell in cells if person_sentence(cell, strict_role)]
            addressed = sum(1 for _, cell in cells if opens_with_address(cell))
            if len(people) >= SENTENCE_PEOPLE and addressed >= SENTENCE_SHARE * len(cells):
                number, cell = people[0]
                letter = column_letter(index)
                raise ImportFileError(HEADERLESS_SENTENCES.format(
                    sheet=sheet.name, letter=letter, count=len(people), cell=f"{letter}{number + 1}",
                    text=clean_text(cell)))


def split_stacked_fields(sheet: SheetData) -> bool:
    """Rewrite a sheet whose header stacks two fields in one column (in one cell, or over two header rows) as one
    column per field, or three in a decision's sentences (``split_sentences``); True when done."""
    if split_sentences(sheet):
        return True
    found, two_rows = _header(sheet.rows, sheet.merges), False
    if found is None:
        found, two_rows = two_row_header(sheet.rows, sheet.merges, SPECS), True
        if found is None:
            return False
    at, stacked = found
    if two_rows:
        seconds, notes = paired_rows(sheet.rows, at, stacked, sheet.merges)
        if not seconds:
            return False
        sheet.found += [note for note in notes if note not in sheet.found]
    else:
        seconds = _second_rows(sheet.rows, at + 1, set(stacked))
    joints = {}
    if not seconds and not two_rows:  # one row per person: only columns with two lines (or a joining mark) are stacked
        joints = {index: _joint(sheet.rows[at + 1:], index) for index in stacked}
        stacked = {index: parts for index, parts in stacked.items()
                   if _has_lines(sheet.rows[at + 1:], index) or joints[index] is not None}
        if not stacked:
            return False
    typed = {number: list(sheet.rows[number]) for number in seconds}  # as typed, before merged cells are copied
    fill_vertical_merges(sheet.rows, sheet.merges)  # the merged cells are read now; the second rows emptied below
    sheet.merges = []
    width = max(len(row) for row in sheet.rows)
    added = {index: width + order for order, index in enumerate(sorted(stacked))}
    rows = [list(row) + [None] * (width + len(added) - len(row)) for row in sheet.rows]
    for number in range(at + 1 + two_rows, len(rows)):
        if number in seconds:
            continue
        row, below = rows[number], typed.get(number + 1)
        for index in stacked:
            if row[index] == sheet.rows[at][index]:  # the header merged down over a second header row
                row[index], row[added[index]] = stacked[index]
                continue
            row[index], rest = _split(row[index], joints.get(index))
            if below is not None and index < len(below) and not is_blank(below[index]):
                rest = below[index] if rest is None else f"{rest} {clean_text(str(below[index]))}"
            row[added[index]] = rest
    for index, (first, second) in stacked.items():
        rows[at][index], rows[at][added[index]] = first, second
    for number in seconds | ({at + 1} if two_rows else set()):  # the header's second row is read with its first
        rows[number] = [None] * len(rows[number])
    sheet.rows = rows
    return True
