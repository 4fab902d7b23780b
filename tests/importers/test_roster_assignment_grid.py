"""An assignment grid: one row per person (STT, Họ và tên, Chức vụ, Điện thoại), one column per working group under a
merged "PHÂN CÔNG THAM GIA ĐOÀN CÔNG TÁC", the groups' numbers on the second header row and, on a third, the unit
each group follows ("phụ trách Chi bộ Thôn Đông"). A cell holds the person's mark in that group — T, P, x as a note
line under the table explains them, or spelled out — and each mark is one record."""

import pytest
from openpyxl import Workbook

from importers import parse_file

TITLE = [["ĐẢNG ỦY XÃ HƯNG ĐẠO"], ["DANH SÁCH PHÂN CÔNG CÁN BỘ THAM GIA CÁC ĐOÀN CÔNG TÁC"], []]
UNITS = ["phụ trách Chi bộ Thôn Đông", "Phụ trách: Đảng bộ Trường THCS Hưng Đạo", "phụ trách Chi bộ Thôn Trung"]
UNIT_NAMES = ["Chi bộ Thôn Đông", "Đảng bộ Trường THCS Hưng Đạo", "Chi bộ Thôn Trung"]
PEOPLE = [  # name, position, phone, {group number: role}
    ("Nguyễn Văn Toàn", "Bí thư Đảng ủy", "0912345601", {1: "head"}),
    ("Trần Thị Hằng", "Phó Bí thư Thường trực", "0912345602", {2: "head"}),
    ("Lê Quang Vinh", "Chủ tịch UBND xã", "0912345603", {3: "head", 1: "deputy"}),
    ("Phạm Thu Trang", "Chủ tịch Ủy ban MTTQ", "0912345604", {2: "deputy"}),
    ("Đỗ Minh Khôi", "Công chức Văn phòng", "0912345605", {1: "member"}),
    ("Hoàng Thị Lụa", "Chủ tịch Hội Phụ nữ", "0912345606", {2: "member", 3: "member"}),
    ("Vũ Đức Thắng", "Trưởng Công an xã", "0912345607", {3: "deputy"}),
    ("Bùi Thanh Hà", "Bí thư Đoàn Thanh niên", "0912345608", {1: "member"}),
]
CONVENTIONAL = {"head": "T", "deputy": "P", "member": "x"}
LEGEND = "Ghi chú: T - Trưởng đoàn; P - Phó trưởng đoàn; x - Thành viên"
GROUP_HEADS = {"doan": "Đoàn {n}", "doan so": "Đoàn số {n}", "dct": "ĐCT {n}"}


def grid(marks=CONVENTIONAL, legend=LEGEND, units=UNITS, heads="doan", people=PEOPLE):
    """Rows and merges (1-based A1 ranges) of the grid; `units` None leaves out the units row."""
    top = ["STT", "Họ và tên", "Chức vụ", "Điện thoại", "PHÂN CÔNG THAM GIA ĐOÀN CÔNG TÁC", None, None]
    header = [top, [None] * 4 + [GROUP_HEADS[heads].format(n=n) for n in (1, 2, 3)]]
    if units is not None:
        header.append([None] * 4 + list(units))
    body = []
    for number, (name, position, phone, groups) in enumerate(people, 1):
        cells = [marks[groups[n]] if n in groups else None for n in (1, 2, 3)]
        body.append([number, name, position, phone] + cells)
    first, last = len(TITLE) + 1, len(TITLE) + len(header)
    merges = [f"{letter}{first}:{letter}{last}" for letter in "ABCD"] + [f"E{first}:G{first}"]
    footer = [[], [legend]] if legend else []
    return TITLE + header + body + footer, merges


def expected(units=UNIT_NAMES, people=PEOPLE):
    """Each mark one record, person by person, groups left to right."""
    return [(name, position, f"Đoàn công tác số {n}", groups[n], units[n - 1] if units else None, phone)
            for name, position, phone, groups in people for n in sorted(groups)]


def write_xlsx(path, rows, merges):
    book = Workbook()
    sheet = book.active
    sheet.title = "Phân công"
    for row in rows:
        sheet.append(row)
    for merged in merges:
        sheet.merge_cells(merged)
    book.save(path)
    return path


def write_xls(path, rows, merges):
    xlwt = pytest.importorskip("xlwt")
    from openpyxl.utils import range_boundaries

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Phan cong")
    spans = {}
    for merged in merges:
        c0, r0, c1, r1 = range_boundaries(merged)
        spans[r0 - 1, c0 - 1] = (r1 - 1, c1 - 1)
    covered = {(r, c) for (r0, c0), (r1, c1) in spans.items() for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in spans:
                sheet.write_merge(r, spans[r, c][0], c, spans[r, c][1], value)
            elif (r, c) not in covered and value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def read(result):
    return [(r["full_name"], r["position"], r["group"], r["role"], r["unit"], r["phone"]) for r in result.records()]


def messages(issues):
    return [issue["message"] for issue in issues]


@pytest.mark.parametrize("heads", list(GROUP_HEADS))
@pytest.mark.parametrize("write", [write_xlsx, write_xls], ids=["xlsx", "xls"])
def test_marks_explained_by_the_note_give_one_record_each(tmp_path, write, heads):
    rows, merges = grid(heads=heads)
    result = parse_file(write(tmp_path / f"f.{write.__name__[6:]}", rows, merges))
    assert read(result) == expected()
    assert result.errors == []
    assert not any("ghi chú giải thích" in message for message in messages(result.warnings))


@pytest.mark.parametrize("write", [write_xlsx, write_xls], ids=["xlsx", "xls"])
def test_a_two_row_header_without_units_gives_no_unit(tmp_path, write):
    rows, merges = grid(units=None)
    result = parse_file(write(tmp_path / f"f.{write.__name__[6:]}", rows, merges))
    assert read(result) == expected(units=None)
    assert result.errors == []


@pytest.mark.parametrize("marks", [{"head": "Trưởng đoàn", "deputy": "Phó", "member": "TV"},
                                   {"head": "Trưởng đoàn", "deputy": "Phó trưởng đoàn", "member": "Thành viên"},
                                   {"head": "TĐ", "deputy": "PTĐ", "member": "✓"}])
def test_marks_spelled_out_need_no_note(tmp_path, marks):
    rows, merges = grid(marks=marks, legend=None)
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", rows, merges))
    assert read(result) == expected()
    assert result.errors == []
    assert not any("ghi chú giải thích" in message for message in messages(result.warnings))


@pytest.mark.parametrize("legend", ["Ký hiệu: (TĐ) Trưởng đoàn, (P) Phó đoàn, (T) Thành viên",
                                    "Ghi chú: TĐ = Trưởng đoàn; P = Phó trưởng đoàn; T = thành viên đoàn"])
def test_the_note_decides_what_a_mark_means(tmp_path, legend):
    """Here 'T' is a member, as the note says, not the head it usually is."""
    rows, merges = grid(marks={"head": "TĐ", "deputy": "P", "member": "T"}, legend=legend)
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", rows, merges))
    assert read(result) == expected()
    assert result.errors == []


def test_the_usual_t_and_p_without_a_note_are_read_with_a_warning(tmp_path):
    rows, merges = grid(legend=None)
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", rows, merges))
    assert read(result) == expected()
    assert result.errors == []
    warned = [w for w in result.warnings if "ghi chú giải thích" in w["message"]]
    assert len(warned) == 1 and warned[0]["field"] == "role"
    assert "T = trưởng đoàn" in warned[0]["message"] and "P = phó trưởng đoàn" in warned[0]["message"]


def test_two_unexplained_t_in_one_group_are_refused(tmp_path):
    """Two heads in one group cannot be: with no note 'T' may mean 'Thành viên' there, so neither is read."""
    people = list(PEOPLE)
    people[4] = people[4][:3] + ({1: "head"},)
    rows, merges = grid(legend=None, people=people)
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", rows, merges))
    refused = {(error["row"], error["column"]) for error in result.errors}
    assert refused == {(7, "E"), (11, "E")}  # Nguyễn Văn Toàn and Đỗ Minh Khôi under Đoàn 1
    assert all(error["field"] == "role" and "trưởng đoàn" in error["message"] for error in result.errors)
    got = read(result)
    assert ("Nguyễn Văn Toàn", "Bí thư Đảng ủy", "Đoàn công tác số 1", "head", "Chi bộ Thôn Đông",
            "0912345601") not in got
    assert [r for r in got if r[0] not in ("Nguyễn Văn Toàn", "Đỗ Minh Khôi")] == [
        r for r in expected() if r[0] not in ("Nguyễn Văn Toàn", "Đỗ Minh Khôi")]


def test_an_unknown_mark_is_refused_naming_its_cell(tmp_path):
    rows, merges = grid()
    row = next(r for r in rows if r[1:2] == ["Hoàng Thị Lụa"])
    row[5] = "K.tra"  # under Đoàn 2; her mark under Đoàn 3 still reads
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", rows, merges))
    assert [(e["row"], e["column"], e["field"], e["value"]) for e in result.errors] == [(12, "F", "role", "K.tra")]
    assert "F12" in result.errors[0]["message"]
    assert read(result) == [r for r in expected() if r[:3] != ("Hoàng Thị Lụa", "Chủ tịch Hội Phụ nữ",
                                                                 "Đoàn công tác số 2")]


def test_a_person_in_no_group_gives_no_record_and_a_warning_naming_the_row(tmp_path):
    people = list(PEOPLE)
    people.insert(5, ("Ngô Văn Lâm", "Chỉ huy trưởng Quân sự", "0912345609", {}))
    rows, merges = grid(people=people)
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", rows, merges))
    assert read(result) == expected()
    assert result.errors == []
    warned = [w for w in result.warnings if "Ngô Văn Lâm" in w["message"]]
    assert [(w["row"], w["column"]) for w in warned] == [(12, "B")]
    assert "không được đánh dấu ở đoàn nào" in warned[0]["message"]


def test_a_group_left_blank_on_the_units_row_has_no_unit(tmp_path):
    rows, merges = grid(units=[UNITS[0], None, UNITS[2]])
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", rows, merges))
    assert read(result) == expected(units=[UNIT_NAMES[0], None, UNIT_NAMES[2]])
    assert result.errors == []


def test_a_cell_saying_not_in_the_group_is_blank(tmp_path):
    rows, merges = grid()
    for row in rows[len(TITLE) + 3:len(TITLE) + 3 + len(PEOPLE)]:
        row[4:7] = ["-" if cell is None else cell for cell in row[4:7]]
    result = parse_file(write_xlsx(tmp_path / "f.xlsx", rows, merges))
    assert read(result) == expected()
    assert result.errors == []
