"""Roster families of batch b7, built here in generated variations: an abbreviated header explained by a note line
(or written with the usual office abbreviations), people listed on numbered lines of a decision annex, two fields
stacked in one cell with groups in Roman numerals, and people down with the groups across."""

import itertools

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.header_abbreviations import abbreviation_pairs
from importers.kinds.person_lines import person_lines

TITLE = [["THỊ ỦY HỒNG LĨNH"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []]
PEOPLE = [  # name, birth, position, group number, role, unit, phone
    ("Lý Công Khánh", "14/11/1971", "Ủy viên BTV, Chủ tịch Ủy ban MTTQ thị xã", 1, "head", "Đảng bộ phường Đức Thuận",
     "0398710266"),
    ("Trần Hữu Phong", "08/09/1974", "Phó Trưởng phòng Y tế", 1, "deputy", "Đảng bộ phường Đức Thuận", "0815441861"),
    ("Thái Thu Nga", "18/01/1978", "Trưởng phòng Tài chính - Kế hoạch", 1, "member", "Đảng bộ phường Đức Thuận",
     "0884698880"),
    ("Trần Thu Hà", "06/06/1979", "Chánh Văn phòng Thị ủy", 2, "head", "Đảng bộ xã Xuân Lĩnh", "0392515507"),
    ("Đỗ Thúy Dung", "23/07/1985", "Chuyên viên Ban Tổ chức", 2, "member", "Đảng bộ xã Xuân Lĩnh", "0326292856"),
    ("Võ Thị Hà", "21/11/1984", "Chủ tịch Hội Nông dân thị xã", 3, "head", "Đảng bộ phường Trung Lương", "0863923283"),
]
ISO = {person[0]: "-".join(reversed(person[1].split("/"))) for person in PEOPLE}


def write(path, rows, merges=()):
    book = Workbook()
    sheet = book.active
    sheet.title = "DS"
    for row in rows:
        sheet.append(list(row) if row else [])
    for merged in merges:
        sheet.merge_cells(merged)
    book.save(path)
    return path


def expected(*fields, people=PEOPLE):
    values = {"full_name": 0, "birth_date": 1, "position": 2, "group": 3, "role": 4, "unit": 5, "phone": 6}
    out = []
    for person in people:
        row = []
        for name in fields:
            value = person[values[name]]
            value = ISO[person[0]] if name == "birth_date" else value
            value = f"Đoàn công tác số {value}" if name == "group" else value
            row.append(value)
        out.append(tuple(row))
    return out


def records(result, *fields):
    return [tuple(record[name] for name in fields) for record in result.records()]


# ---- an abbreviated header, explained by a note line ------------------------------------------------------------

ROLE_CODES = {"head": "TĐ", "deputy": "PTĐ", "member": "TV"}
NOTES = [
    "Ghi chú: HT - Họ và tên; NS - Ngày sinh; CV - Chức vụ; SĐT - Số điện thoại; ĐCT - Đoàn công tác số; "
    "NV - Nhiệm vụ trong Đoàn (TĐ: Trưởng đoàn; PTĐ: Phó Trưởng đoàn; TV: Thành viên); ĐV - Đơn vị.",
    "Chú thích: HT: Họ và tên, NS: Ngày sinh, CV: Chức vụ, ĐCT: Đoàn công tác, NV: Nhiệm vụ, ĐV: Đơn vị",
    "Các chữ viết tắt: Họ và tên (HT); Ngày sinh (NS); Chức vụ (CV); Đoàn công tác (ĐCT); Nhiệm vụ (NV); Đơn vị (ĐV)",
    "Ký hiệu: HT là họ và tên; NS là ngày sinh; CV là chức vụ; ĐCT là đoàn công tác; NV là nhiệm vụ; ĐV là đơn vị",
    None,  # no note: the usual abbreviations are read
]


@pytest.mark.parametrize(("note", "phone_first", "code"), list(itertools.product(
    NOTES, (True, False), ("{:02d}", "{}", "Đoàn {}"))))
def test_an_abbreviated_header_is_written_out(tmp_path, note, phone_first, code):
    header = ["TT", "HT", "NS", "CV", "ĐCT", "NV", "ĐV phụ trách"]
    body = [[n, p[0], p[1], p[2], code.format(p[3]), ROLE_CODES[p[4]], p[5]] for n, p in enumerate(PEOPLE, 1)]
    if phone_first:
        header.insert(1, "SĐT")
        body = [row[:1] + [p[6]] + row[1:] for row, p in zip(body, PEOPLE)]
    rows = TITLE + [header] + body + [[]] + ([[note]] if note else [])
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    fields = ("full_name", "birth_date", "position", "group", "role", "unit") + (("phone",) if phone_first else ())
    assert records(result, *fields) == expected(*fields)
    assert result.errors == []


@pytest.mark.parametrize("header", [
    ["STT", "HVT", "NTNS", "CD", "Đoàn CT số", "NVTĐ", "ĐVPT", "ĐT"],
    ["TT", "Họ và tên", "NS", "CV", "ĐCT số", "VT", "Đơn vị phụ trách", "SĐT"],
    ["TT", "HT", "Ngày sinh", "Chức vụ", "Đoàn", "Nhiệm vụ", "Đơn vị phụ trách", "Điện thoại"],
])
def test_other_usual_abbreviations_need_no_note(tmp_path, header):
    body = [[n, p[0], p[1], p[2], p[3], ROLE_CODES[p[4]], p[5], p[6]] for n, p in enumerate(PEOPLE, 1)]
    result = parse_file(write(tmp_path / "f.xlsx", TITLE + [header] + body))
    fields = ("full_name", "birth_date", "position", "group", "role", "unit", "phone")
    assert records(result, *fields) == expected(*fields)
    assert result.errors == []


def test_an_abbreviation_only_the_note_defines_is_read(tmp_path):
    header = ["TT", "HT", "CV", "ĐCT", "NV", "ĐBPT"]
    body = [[n, p[0], p[2], p[3], ROLE_CODES[p[4]], p[5]] for n, p in enumerate(PEOPLE, 1)]
    note = "Ghi chú: ĐBPT - Đảng bộ phụ trách; NV - Nhiệm vụ trong đoàn."
    result = parse_file(write(tmp_path / "f.xlsx", TITLE + [header] + body + [[note]]))
    assert records(result, "full_name", "unit") == expected("full_name", "unit")


def test_a_role_abbreviation_defined_inside_brackets_of_the_note_is_used(tmp_path):
    header = ["TT", "Họ và tên", "Đoàn", "NV"]
    codes = {"head": "TrĐ", "deputy": "PĐ", "member": "TVĐ"}
    body = [[n, p[0], p[3], codes[p[4]].upper()] for n, p in enumerate(PEOPLE, 1)]
    note = "Ghi chú: NV - Nhiệm vụ trong Đoàn (TRĐ: Trưởng đoàn; PĐ: Phó đoàn; TVĐ: Thành viên)."
    result = parse_file(write(tmp_path / "f.xlsx", TITLE + [header] + body + [[note]]))
    assert records(result, "full_name", "role") == expected("full_name", "role")
    assert result.errors == []


def test_note_definitions_are_found_in_every_shape():
    assert abbreviation_pairs("HT - Họ và tên; NS: Ngày sinh, CV = Chức vụ; Đoàn công tác (ĐCT); NV là Nhiệm vụ") \
        == [("HT", "Họ và tên"), ("NS", "Ngày sinh"), ("CV", "Chức vụ"), ("NV", "Nhiệm vụ"),
            ("ĐCT", "Đoàn công tác")]


def test_marks_in_a_register_row_are_not_taken_for_abbreviated_headings(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "T1", "T2", "T3"]] + [
        [n, p[0], "x", "HT", "HT"] for n, p in enumerate(PEOPLE, 1)]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert result.header_row == 4


def test_a_row_of_capitals_that_names_no_person_is_left_alone(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"], [1, "Lý Công Khánh", "ĐCT", "NV"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert result.header_row == 4
    assert result.errors  # 'ĐCT' is no group and 'NV' no role: reported, not guessed


# ---- a decision annex: one row per group, people on numbered lines -----------------------------------------------

MARKERS = ["{n}. ", "{n}) ", "({n}) ", "{letter}. ", "{letter}) ", "- ", "+ ", "• ", ""]
HONORIFICS = ["Đ/c ", "Đồng chí ", ""]


PHONES = {"none": None, "labelled": " (ĐT: {})", "dash": " - SĐT: {}", "bracketed": " ({})"}


@pytest.mark.parametrize(("marker", "honorific", "phone"), list(itertools.product(MARKERS, HONORIFICS, PHONES)))
def test_numbered_people_lines_lose_their_markers(tmp_path, marker, honorific, phone):
    def line(n, person):
        written = PHONES[phone].format(f"{person[6][:4]}.{person[6][4:7]}.{person[6][7:]}") if PHONES[phone] else ""
        return marker.format(n=n, letter="abcdef"[n - 1]) + f"{honorific}{person[0]} - {person[2]}{written}"

    groups = []
    for number in (1, 2, 3):
        members = [p for p in PEOPLE if p[3] == number]
        cells = {role: "\n".join(line(n, p) for n, p in enumerate([m for m in members if m[4] == role], 1))
                 for role in ("head", "deputy", "member")}
        groups.append([number, f"Đoàn số {number}", members[0][5], cells["head"], cells["deputy"] or None,
                       cells["member"] or None])
    rows = TITLE + [["STT", "Đoàn công tác", "Địa bàn phụ trách", "Trưởng đoàn", "Phó Trưởng đoàn", "Thành viên"]] \
        + groups
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    fields = ("full_name", "position", "group", "role", "unit") + (("phone",) if PHONES[phone] else ())
    assert records(result, *fields) == expected(*fields)
    assert result.errors == []
    assert not any("chữ số" in warning["message"] for warning in result.warnings)


@pytest.mark.parametrize(("cell", "people"), [
    ("1. Đ/c Lê Thị Hoa - Trưởng phòng Tài chính - Kế hoạch\n2. Đ/c Võ Hải - Chuyên viên",
     [("Đ/c Lê Thị Hoa", "Trưởng phòng Tài chính - Kế hoạch", None), ("Đ/c Võ Hải", "Chuyên viên", None)]),
    ("a) Lê Thị Hoa (Trưởng phòng Kinh tế); b) Võ Hải",
     [("Lê Thị Hoa", "Trưởng phòng Kinh tế", None), ("Võ Hải", None, None)]),
    ("II. Đ/c Lê Thị Hoa", [("Đ/c Lê Thị Hoa", None, None)]),
    ("Đ/c Lê Thị Hoa – Phó Bí thư", [("Đ/c Lê Thị Hoa", "Phó Bí thư", None)]),
    ("1) Lê Hoa – Chuyên viên (ĐT: 0912.345.678)", [("Lê Hoa", "Chuyên viên", "0912.345.678")]),
    ("Lê Hoa - Chuyên viên - SĐT: 0912 345 678", [("Lê Hoa", "Chuyên viên", "0912 345 678")]),
    ("Lê Hoa - Chuyên viên, DĐ 0912345678", [("Lê Hoa", "Chuyên viên", "0912345678")]),
    ("Lê Hoa (0912345678)", [("Lê Hoa", None, "0912345678")]),
    ("Lê Hoa - 0912 345 678", [("Lê Hoa", None, "0912 345 678")]),
    ("Lê Hoa - Chuyên viên khóa 2020 - 2025", [("Lê Hoa", "Chuyên viên khóa 2020 - 2025", None)]),
])
def test_person_lines(cell, people):
    assert person_lines(cell) == people


# ---- two fields stacked in one cell, groups in Roman numerals ------------------------------------------------------

GROUP_CELLS = {"roman": lambda n: "I II III".split()[n - 1], "arabic": str,
               "roman group": lambda n: "Đoàn " + "I II III".split()[n - 1], "numbered": lambda n: f"Đoàn số {n}"}


@pytest.mark.parametrize(("join", "group_header", "group_cell"), list(itertools.product(
    ("\n", " / ", ", "), ("Đoàn CT số", "ĐCT số", "ĐCT", "Số đoàn", "Đoàn công tác số", "Đoàn"), GROUP_CELLS)))
def test_stacked_cells_and_group_numbers_are_read(tmp_path, join, group_header, group_cell):
    header = ["TT", f"Họ và tên{join}Ngày sinh", f"Chức vụ{join}Số điện thoại", group_header, "Nhiệm vụ",
              "Đơn vị phụ trách"]
    words = {"head": "Trưởng đoàn", "deputy": "Phó đoàn", "member": "Thành viên"}
    phone = "{} {} {}".format
    body = [[n, f"{p[0]}\n{p[1]}", f"{p[2]}\n{phone(p[6][:4], p[6][4:7], p[6][7:])}", GROUP_CELLS[group_cell](p[3]),
             words[p[4]], p[5]] for n, p in enumerate(PEOPLE, 1)]
    result = parse_file(write(tmp_path / "f.xlsx", TITLE + [header] + body))
    fields = ("full_name", "birth_date", "position", "group", "role", "unit", "phone")
    assert records(result, *fields) == expected(*fields)
    assert result.errors == []


# ---- people down, groups across ------------------------------------------------------------------------------------

ROLE_MARKS = {"words": {"head": "Trưởng đoàn", "deputy": "Phó đoàn", "member": "x"},
              "codes": {"head": "TĐ", "deputy": "PTĐ", "member": "X"},
              "ticks": {"head": "Trưởng đoàn", "deputy": "Phó Trưởng đoàn", "member": "✓"}}
GROUP_HEADS = {"numbered": lambda n: f"Đoàn số {n}", "roman": lambda n: "Đoàn " + "I II III".split()[n - 1],
               "code": lambda n: f"ĐCT {n:02d}", "bare": lambda n: n}
UNITS = {p[3]: p[5] for p in PEOPLE}


def matrix(heads, marks, units, people=PEOPLE, totals=True):
    """Rows and merges of a people-down, groups-across roster (3 header rows when the units have their own)."""
    top = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Điện thoại", "Phân công tham gia Đoàn công tác", None, None,
           "Ghi chú"]
    groups = [None] * 5 + [GROUP_HEADS[heads](n) for n in (1, 2, 3)] + [None]
    if units == "bracket":
        groups = groups[:5] + [f"{cell} ({UNITS[n]})" for n, cell in enumerate(groups[5:8], 1)] + [None]
    header = [top, groups] + ([[None] * 5 + [UNITS[n] for n in (1, 2, 3)] + [None]] if units == "row" else [])
    body = []
    for n, p in enumerate(people, 1):
        cells = [None, None, None]
        for group, role in p[3]:
            cells[group - 1] = ROLE_MARKS[marks][role]
        body.append([n, p[0], p[1], p[2], p[6]] + cells + [None])
    count = [sum(1 for p in people for group, _ in p[3] if group == n) for n in (1, 2, 3)]
    last = len(TITLE) + len(header)
    first = len(TITLE) + 1
    merges = [f"{letter}{first}:{letter}{last}" for letter in "ABCDEI"] + [f"F{first}:H{first}"]
    footer = [[None, "Cộng", None, None, None] + count + [None]] if totals else []
    return TITLE + header + body + footer + [[], ["Ghi chú: đánh dấu (x) vào cột Đoàn mà đồng chí là thành viên."]], \
        merges


def crossed(people=PEOPLE):
    """People with their memberships as [(group, role)], in seniority order as such sheets sort them."""
    order = {"head": 0, "deputy": 1, "member": 2}
    return sorted([(p[0], p[1], p[2], [(p[3], p[4])], p[5], None, p[6]) for p in people],
                  key=lambda p: order[p[3][0][1]])


@pytest.mark.parametrize(("heads", "marks", "units"), list(itertools.product(
    GROUP_HEADS, ROLE_MARKS, ("row", "bracket", None))))
def test_groups_across_give_each_person_group_role_and_unit(tmp_path, heads, marks, units):
    people = crossed()
    rows, merges = matrix(heads, marks, units, people)
    result = parse_file(write(tmp_path / "f.xlsx", rows, merges))
    want = [(p[0], "-".join(reversed(p[1].split("/"))), p[2], f"Đoàn công tác số {p[3][0][0]}", p[3][0][1],
             p[4] if units else None, p[6]) for p in people]
    assert records(result, "full_name", "birth_date", "position", "group", "role", "unit", "phone") == want
    assert result.errors == []
    assert not any("tổng cộng" in warning["message"] for warning in result.warnings)


def test_a_person_under_two_groups_has_two_records_and_one_under_none_is_reported(tmp_path):
    people = crossed()
    people[0] = people[0][:3] + ([(1, "head"), (3, "member")],) + people[0][4:]
    people[-1] = people[-1][:3] + ([],) + people[-1][4:]
    rows, merges = matrix("numbered", "words", "row", people, totals=False)
    result = parse_file(write(tmp_path / "f.xlsx", rows, merges))
    got = records(result, "full_name", "group", "role")
    assert got[:2] == [(people[0][0], "Đoàn công tác số 1", "head"), (people[0][0], "Đoàn công tác số 3", "member")]
    assert people[-1][0] not in {name for name, *_ in got}
    assert result.errors == []  # in no group is what the sheet says: no record, and a warning naming the row
    assert any(warning["field"] == "group" and people[-1][0] in warning["message"]
               and "không được đánh dấu ở đoàn nào" in warning["message"] for warning in result.warnings)


def test_an_unknown_word_under_a_group_is_reported_not_guessed(tmp_path):
    people = crossed()
    rows, merges = matrix("numbered", "words", "row", people, totals=False)
    row = next(r for r in rows if r[1:2] == [people[-1][0]])
    row[5:8] = ["dự bị" if cell else None for cell in row[5:8]]
    result = parse_file(write(tmp_path / "f.xlsx", rows, merges))
    assert people[-1][0] not in {record["full_name"] for record in result.records()}
    assert any(error["field"] == "role" and error["value"] == "dự bị" for error in result.errors)


def test_a_count_row_that_disagrees_is_reported(tmp_path):
    rows, merges = matrix("numbered", "words", "row", crossed())
    total = next(r for r in rows if r[1:2] == ["Cộng"])
    total[5] += 1
    result = parse_file(write(tmp_path / "f.xlsx", rows, merges))
    assert len(result.records()) == len(PEOPLE)
    assert any("tổng cộng" in warning["message"].lower() for warning in result.warnings)


# ---- a hidden column: the earlier copy of a shown one ------------------------------------------------------------

OLD_TERM = {1: 4, 2: 2, 3: 1}


def hidden_rows(old_first, old="Đoàn công tác"):
    """Header and body with the shown group column and a hidden one of the last term's groups (before or after)."""
    new = "Đoàn công tác"
    header = ["TT", "Họ và tên", old, new, "Nhiệm vụ"] if old_first else ["TT", "Họ và tên", new, old, "Nhiệm vụ"]
    body = []
    for n, p in enumerate(PEOPLE, 1):
        groups = [OLD_TERM[p[3]], p[3]] if old_first else [p[3], OLD_TERM[p[3]]]
        body.append([n, p[0], *groups, ROLE_CODES[p[4]]])
    return TITLE + [header] + body, "C" if old_first else "D"


@pytest.mark.parametrize(("old_first", "old"), list(itertools.product(
    (True, False), ("Đoàn công tác", "Đoàn công tác (NK 2015-2020)", "ĐCT (NK 2015-2020)"))))
def test_a_hidden_copy_of_a_shown_column_is_ignored_xlsx(tmp_path, old_first, old):
    rows, letter = hidden_rows(old_first, old)
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    sheet.column_dimensions[letter].hidden = True
    book.save(tmp_path / "f.xlsx")
    result = parse_file(tmp_path / "f.xlsx")
    assert records(result, "full_name", "group", "role") == expected("full_name", "group", "role")


@pytest.mark.parametrize(("old_first", "old"), list(itertools.product(
    (True, False), ("Đoàn công tác", "Đoàn công tác (NK 2015-2020)", "ĐCT (NK 2015-2020)"))))
def test_a_hidden_copy_of_a_shown_column_is_ignored_ods(tmp_path, old_first, old):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    rows, letter = hidden_rows(old_first, old)
    doc = OpenDocumentSpreadsheet()
    table = Table(name="DS")
    for index in range(5):
        table.addElement(TableColumn(visibility="collapse") if "ABCDE"[index] == letter else TableColumn())
    for values in rows:
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="float", value=value) if isinstance(value, int) else \
                TableCell(valuetype="string") if value is not None else TableCell()
            if value is not None:
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(tmp_path / "f.ods"))
    result = parse_file(tmp_path / "f.ods")
    assert records(result, "full_name", "group", "role") == expected("full_name", "group", "role")


def test_a_hidden_column_no_shown_column_repeats_is_still_read(tmp_path):
    rows = TITLE + [["TT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ"]] + [
        [n, p[0], p[3], ROLE_CODES[p[4]]] for n, p in enumerate(PEOPLE, 1)]
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    sheet.column_dimensions["C"].hidden = True
    book.save(tmp_path / "f.xlsx")
    result = parse_file(tmp_path / "f.xlsx")
    assert records(result, "full_name", "group") == expected("full_name", "group")
