"""A roster pasted from a Word table: a cell holding a paragraph break becomes two rows, one part on each, while the
person's other cells (STT, name, birth date, role, phone) are each merged down over both rows. The rows are one
person, the broken cell's parts joined with a space; a field whose parts cannot join (two roles, two birth dates) is
refused naming the cells. Only the name cell's merge decides: a group cell merged over several people keeps them
apart, and so does an STT of each row's own."""

import pytest
from layouts.sheet import Sheet
from layouts.writers import write_ods, write_xlsx

from importers import parse_file

HEADER = ["TT", "Đoàn công tác", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ trong Đoàn", "Điện thoại"]
GROUPS = {3: "Đảng bộ xã La Bằng", 5: "Đảng bộ xã Văn Hán"}
# (group, name, birth date, position parts, role, phone)
PEOPLE = [
    (3, "Lục Đức Nghĩa", "17/11/1969", ["Ủy viên BTV Tỉnh ủy,", "Phó Chủ tịch HĐND tỉnh"], "Trưởng đoàn", "0703104293"),
    (3, "Ma Thanh Phong", "22/08/1970", ["Tỉnh ủy viên,", "Giám đốc Sở Nội vụ"], "Phó Trưởng đoàn", "0396495140"),
    (3, "Hoàng Hải Quyên", "20/09/1985", ["Chuyên viên Ban Tổ chức Tỉnh ủy"], "Thành viên", "0381283341"),
    (5, "Hoàng Thị Ngân", "09/08/1976", ["Ủy viên BTV Tỉnh ủy,", "Phó Chủ tịch UBND tỉnh"], "Trưởng đoàn",
     "0830391824"),
    (5, "Mạc Xuân Tùng", "16/06/1969", ["Phó Chánh Văn phòng Tỉnh ủy"], "Phó Trưởng đoàn", "0829277913"),
    (5, "Lục Xuân Lực", "01/05/1972", ["Trưởng phòng Tổ chức đảng,", "đảng viên,", "Ban Tổ chức Tỉnh ủy"],
     "Thành viên", "0974127316"),
]
ROLES = {"Trưởng đoàn": "head", "Phó Trưởng đoàn": "deputy", "Thành viên": "member"}
POSITION, ROLE, NAME = 4, 5, 2


def roster(people=PEOPLE, own=None):
    """The pasted roster as a Sheet: each group's cell merged over its people's rows, each person's cells but the
    position merged over the person's rows. `own` maps (person number, column) to the values written on each of
    the person's rows instead of one merged cell."""
    own = own or {}
    sheet = Sheet("Sheet1", width=len(HEADER))
    sheet.add(["PHÂN CÔNG THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC CỦA BAN THƯỜNG VỤ TỈNH ỦY TẠI CƠ SỞ"])
    sheet.merge(0, 0, 0, len(HEADER) - 1)
    sheet.add(["(Theo Quyết định số 1045-QĐ/TU ngày 06/01/2025)"])
    sheet.add()
    sheet.add(HEADER)
    group_top = None
    for number, (group, name, born, parts, role, phone) in enumerate(people, 1):
        first = number == 1 or people[number - 2][0] != group
        cells = [number, f"Đoàn số {group}\n(phụ trách {GROUPS[group]})" if first else None, name, born,
                 None, role, phone]
        top = len(sheet.rows)
        for at, part in enumerate(parts):
            row = list(cells) if at == 0 else [None] * len(HEADER)
            row[POSITION] = part
            for (person, column), values in own.items():
                if person == number:
                    row[column] = values[at]
            sheet.add(row)
        bottom = len(sheet.rows) - 1
        for column in range(len(HEADER)):
            if column not in (1, POSITION) and (number, column) not in own:
                sheet.merge(top, column, bottom, column)
        if first:
            if group_top is not None:
                sheet.merge(group_top, 1, top - 1, 1)
            group_top = top
    sheet.merge(group_top, 1, len(sheet.rows) - 1, 1)
    return sheet


def write_xls(path, sheets):
    """The sheet as an .xls, each merged range written with xlwt's write_merge."""
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    for item in sheets:
        sheet = book.add_sheet(item.name)
        tops = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in item.merges}
        covered = {(r, c) for r0, c0, r1, c1 in item.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(item.padded()):
            for c, value in enumerate(row):
                if (r, c) in tops:
                    sheet.write_merge(r, tops[r, c][0], c, tops[r, c][1], value)
                elif (r, c) not in covered and value is not None:
                    sheet.write(r, c, value)
    book.save(str(path))


WRITERS = {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}


def parse(tmp_path, sheet, suffix="xlsx"):
    path = tmp_path / f"roster.{suffix}"
    WRITERS[suffix](path, [sheet])
    return parse_file(path)


def expected(people=PEOPLE):
    return [(name, born[6:] + "-" + born[3:5] + "-" + born[:2], " ".join(parts), f"Đoàn công tác số {group}",
             ROLES[role], GROUPS[group], phone) for group, name, born, parts, role, phone in people]


def read(result):
    return [(r["full_name"], r["birth_date"], r["position"], r["group"], r["role"], r["unit"], r["phone"])
            for r in result.records()]


def reasons(result):
    return {row["row"]: row["reason"] for row in result.rows if row["reason"] and "ghép vào dòng" in row["reason"]}


@pytest.mark.parametrize("suffix", ["xlsx", "xls", "ods"])
def test_a_person_broken_over_rows_is_one_record(tmp_path, suffix):
    result = parse(tmp_path, roster(), suffix)
    assert result.errors == []
    assert result.warnings == []
    assert read(result) == expected()
    # the later rows of each broken person: Nghĩa (5-6), Phong (7-8), Ngân (10-11), Lực (13-15)
    assert sorted(reasons(result)) == [6, 8, 11, 14, 15]
    assert "dòng 13" in reasons(result)[15]


def test_a_role_broken_over_rows_joins_as_one_role(tmp_path):
    people = [PEOPLE[0], (3, "Ma Thanh Phong", "22/08/1970", ["Tỉnh ủy viên,", "Giám đốc Sở Nội vụ"],
                          "Phó Trưởng đoàn", "0396495140")] + PEOPLE[2:]
    sheet = roster(people, own={(2, ROLE): ["Phó Trưởng", "đoàn"]})
    result = parse(tmp_path, sheet)
    assert result.errors == []
    assert read(result) == expected(people)


@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
def test_two_roles_of_one_person_are_refused_naming_the_cells(tmp_path, suffix):
    sheet = roster(own={(1, ROLE): ["Trưởng đoàn", "Thành viên"]})
    result = parse(tmp_path, sheet, suffix)
    assert read(result) == expected()[1:]
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error["row"] == 5 and error["column"] == "F"
    assert "F5 «Trưởng đoàn»" in error["message"] and "F6 «Thành viên»" in error["message"]
    assert "C5:C6" in error["message"]
    failed = [row["row"] for row in result.rows if row["outcome"] == "failed"]
    assert failed == [5]


def test_two_birth_dates_of_one_person_are_refused(tmp_path):
    sheet = roster(own={(2, 3): ["22/08/1970", "23/08/1971"]})
    result = parse(tmp_path, sheet)
    assert read(result) == [item for item in expected() if item[0] != "Ma Thanh Phong"]
    assert len(result.errors) == 1
    assert "D7 «22/08/1970»" in result.errors[0]["message"] and "D8 «23/08/1971»" in result.errors[0]["message"]


def test_a_group_cell_merged_over_several_people_keeps_them_apart(tmp_path):
    """Nobody's position breaks: only the group cell is merged, over each group's people, who stay people."""
    people = [(group, name, born, [" ".join(parts)], role, phone) for group, name, born, parts, role, phone in PEOPLE]
    result = parse(tmp_path, roster(people))
    assert result.errors == []
    assert read(result) == expected(people)
    assert reasons(result) == {}


def test_rows_the_stt_numbers_apart_are_not_joined(tmp_path):
    """A name merged over two rows each numbered as a person of its own is not one person's broken cell."""
    people = [PEOPLE[0]] + PEOPLE[2:]
    sheet = roster(people, own={(1, 0): [1, 2]})
    result = parse(tmp_path, sheet)
    assert 6 not in reasons(result)
    assert [record[2] for record in read(result) if record[0] == "Lục Đức Nghĩa"] == [
        "Ủy viên BTV Tỉnh ủy,", "Phó Chủ tịch HĐND tỉnh"]


def test_a_number_merged_over_a_group_does_not_join_its_people(tmp_path):
    """The STT merged over more rows than a name's merge: the rows are not one person's."""
    sheet = roster()
    sheet.merges = [merge for merge in sheet.merges if not (merge[1] == 0 and merge[0] == 4)] + [(4, 0, 7, 0)]
    result = parse(tmp_path, sheet)
    assert reasons(result).keys().isdisjoint({6, 8})


def test_a_unit_broken_over_rows_joins_and_two_units_are_refused(tmp_path):
    sheet = Sheet("DS", width=6)
    sheet.add(["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 1"])
    sheet.add(["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ", "Đơn vị phụ trách", "Điện thoại"])
    rows = [(1, "Nguyễn Văn An", "Bí thư Đảng ủy", "Trưởng đoàn", ["Chi bộ thôn", "Đông Hưng"], "0912345678"),
            (2, "Trần Thị Bình", "Chuyên viên", "Thành viên", ["Chi bộ thôn Tây", "Chi bộ thôn Nam"], "0912345679"),
            (3, "Lê Văn Cường", "Chuyên viên", "Thành viên", ["Chi bộ thôn Bắc"], "0912345680")]
    for number, name, position, role, units, phone in rows:
        top = sheet.add([number, name, position, role, units[0], phone])
        for unit in units[1:]:
            sheet.add([None, None, None, None, unit, None])
        for column in (0, 1, 2, 3, 5):
            sheet.merge(top, column, len(sheet.rows) - 1, column)
    result = parse(tmp_path, sheet, "ods")
    assert [(r["full_name"], r["unit"]) for r in result.records()] == [
        ("Nguyễn Văn An", "Chi bộ thôn Đông Hưng"), ("Lê Văn Cường", "Chi bộ thôn Bắc")]
    assert len(result.errors) == 1
    assert "E5 «Chi bộ thôn Tây», E6 «Chi bộ thôn Nam»" in result.errors[0]["message"]
