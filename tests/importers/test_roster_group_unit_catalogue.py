"""A roster whose group column holds codes ("Đ1", "Tổ 1") a note line explains, and whose units are given per group
by a second small table under it or on another sheet ("II. ĐỊA BÀN PHỤ TRÁCH": Đoàn | Chi bộ, đảng bộ phụ trách):
the groups read as the note says, each record takes its group's unit, and the catalogue's rows are never people
(importers.group_code_notes, importers.group_units, importers.kinds.unit_lookup)."""
import csv

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.group_code_notes import group_code_notes

TITLE = [["ĐẢNG ỦY PHƯỜNG HÒA AN"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []]
HEADER = ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Đoàn", "Nhiệm vụ", "Điện thoại"]
PEOPLE = [("Nguyễn Văn An", 1, "Trưởng đoàn"), ("Trần Thị Bình", 1, "Thành viên"),
          ("Lê Văn Cường", 2, "Trưởng đoàn"), ("Phạm Thị Dung", 2, "Phó đoàn"),
          ("Hoàng Văn Em", 3, "Trưởng đoàn"), ("Vũ Thị Gấm", 4, "Trưởng đoàn"), ("Đặng Văn Hải", 4, "Thành viên")]
UNITS = {1: "Chi bộ Khu phố 1", 2: "Đảng bộ Cơ quan phường", 3: "Chi bộ Trường Tiểu học Hòa An",
         4: "Chi bộ Khu phố 4"}
ROLES = {"Trưởng đoàn": "head", "Phó đoàn": "deputy", "Thành viên": "member"}


def roster(code="Đ{n}", header=HEADER, unit=None):
    """The roster's header and people, each group written as `code`, with a unit column when `unit` is given."""
    rows = [header + (["Đơn vị phụ trách"] if unit else [])]
    for number, (name, group, role) in enumerate(PEOPLE, 1):
        rows.append([number, name, f"{number:02d}/03/{1970 + number}", "Chuyên viên", code.format(n=group), role,
                     f"09123456{number:02d}"] + ([unit(group)] if unit else []))
    return rows


def catalogue(code="Đ{n}", title="II. ĐỊA BÀN PHỤ TRÁCH", header=("Đoàn", "Chi bộ, đảng bộ phụ trách"),
              groups=(1, 2, 3, 4), at=0, extra=()):
    """The second table: a title line, its header, one line per group (placed from column `at`)."""
    pad = [None] * at
    rows = [pad + [title]] if title else []
    rows += [pad + list(header)] + [pad + [code.format(n=n), UNITS[n]] for n in groups]
    return rows + [pad + list(item) for item in extra]


SERIES_NOTE = ["Đ1, Đ2… : Đoàn công tác số 1, số 2…"]


def expected(units=True, groups=True):
    return [{"full_name": name, "group": f"Đoàn công tác số {group}" if groups else f"Đ{group}",
             "role": ROLES[role], "unit": UNITS[group] if units else None} for name, group, role in PEOPLE]


def write(path, sheets):
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def picked(result):
    return [{key: record[key] for key in ("full_name", "group", "role", "unit")} for record in result.records()]


def messages(result):
    return " | ".join(item["message"] for item in result.warnings)


@pytest.mark.parametrize("note, code", [
    (SERIES_NOTE, "Đ{n}"),
    (["Ghi chú: Đ1 - Đoàn công tác số 1"], "Đ{n}"),
    (["Ghi chú: Đ1 - Đoàn công tác số 1; Đ2 - Đoàn công tác số 2; Đ3 - Đoàn công tác số 3; Đ4 - Đoàn công tác số 4"],
     "Đ{n}"),
    (["Ghi chú: CT1, CT2, … là Đoàn công tác số 1, số 2, …"], "CT{n}"),
    (["Tổ 1, Tổ 2…: Đoàn công tác số 1, số 2…"], "Tổ {n}"),
    (["Đoàn công tác số 1 (Đ.1)"], "Đ.{n}"),
    (["Đ1…Đ4: Đoàn công tác số 1 đến số 4"], "Đ{n}"),
    (["Ghi chú:\nĐ1 - Đoàn công tác số 1\nĐ2 - Đoàn công tác số 2"], "Đ{n}"),
])
def test_codes_explained_by_a_note_and_the_catalogue_below_give_group_and_unit(tmp_path, note, code):
    rows = TITLE + roster(code) + [[], note, []] + catalogue(code) + [[], [None, None, None, None, "NGƯỜI LẬP BIỂU"]]
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", rows)]))
    assert result.kind == "roster"
    assert picked(result) == expected()
    assert result.errors == []
    assert "giữ nguyên như trong tệp" not in messages(result)
    title_row = len(TITLE) + len(PEOPLE) + 5  # the catalogue's rows: skipped as such, or after a note ending the table
    outcomes = {row["row"]: row for row in result.rows}
    assert all(row not in outcomes or "địa bàn" in outcomes[row]["reason"] for row in range(title_row, title_row + 6))
    assert "lấy theo bảng" in messages(result)


@pytest.mark.parametrize("title, header", [
    ("PHÂN CÔNG ĐỊA BÀN", ("Mã đoàn", "Địa bàn")),
    ("Địa bàn theo dõi của các đoàn", ("Đoàn", "Chi bộ, đảng bộ phụ trách")),
    (None, ("Đoàn công tác", "Đơn vị phụ trách")),
])
@pytest.mark.parametrize("at", [0, 1, 3])
def test_the_catalogues_title_header_and_position_vary(tmp_path, title, header, at):
    rows = TITLE + roster() + [[], [], SERIES_NOTE] + catalogue(title=title, header=header, at=at)
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", rows)]))
    assert picked(result) == expected()
    assert result.errors == []


def test_groups_written_in_full_in_the_catalogue_match_the_rosters_codes(tmp_path):
    rows = TITLE + roster() + [[], SERIES_NOTE, []] + catalogue(code="Đoàn {n}")
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", rows)]))
    assert picked(result) == expected()


def test_a_csv_roster_with_its_catalogue_below(tmp_path):
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(TITLE + roster() + [[], SERIES_NOTE, []] + catalogue())
    assert picked(parse_file(path)) == expected()


@pytest.mark.parametrize("code", ["Đ{n}", "Đoàn {n}", "Đoàn công tác số {n}"])
@pytest.mark.parametrize("first", [False, True])
def test_a_catalogue_on_a_sheet_of_its_own(tmp_path, code, first):
    sheets = [("Danh sach", TITLE + roster() + [[], SERIES_NOTE]),
              ("Địa bàn", [["PHÂN CÔNG ĐỊA BÀN PHỤ TRÁCH"], []] + catalogue(code, title=None))]
    result = parse_file(write(tmp_path / "f.xlsx", sheets[::-1] if first else sheets))
    assert picked(result) == expected()
    assert "trang «Địa bàn»" in messages(result)


def test_codes_no_note_explains_are_kept_and_still_find_their_units(tmp_path):
    rows = TITLE + roster() + [[], []] + catalogue()
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", rows)]))
    assert picked(result) == expected(groups=False)
    assert "giữ nguyên như trong tệp" in messages(result)


def test_a_group_code_column_headed_ma_doan_is_the_group_when_the_note_explains_it(tmp_path):
    header = HEADER[:4] + ["Mã đoàn"] + HEADER[5:]
    rows = TITLE + roster(header=header) + [[], ["Ghi chú: Đ1 - Đoàn công tác số 1"], []] + catalogue()
    assert picked(parse_file(write(tmp_path / "f.xlsx", [("DS", rows)]))) == expected()


@pytest.mark.parametrize("where", ["below", "sheet"])
def test_a_catalogue_missing_a_group_gives_no_unit_and_names_the_group(tmp_path, where):
    areas = catalogue(groups=(1, 2, 4))
    rows = TITLE + roster() + [[], SERIES_NOTE, []] + (areas if where == "below" else [])
    sheets = [("DS", rows)] + ([("Địa bàn", areas[1:])] if where == "sheet" else [])
    result = parse_file(write(tmp_path / "f.xlsx", sheets))
    assert picked(result) == expected(units=False)
    text = messages(result)
    assert "Đoàn công tác số 3" in text and "để trống" in text


def test_a_group_with_two_units_in_the_catalogue_gives_no_unit(tmp_path):
    areas = catalogue(extra=[("Đ2", "Chi bộ Khu phố 9")])
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", TITLE + roster() + [[], SERIES_NOTE, []] + areas)]))
    assert picked(result) == expected(units=False)
    assert "Đoàn công tác số 2" in messages(result) and "Chi bộ Khu phố 9" in messages(result)


def test_the_rosters_own_unit_column_wins_over_the_catalogue_with_a_warning(tmp_path):
    own = {1: UNITS[1], 2: UNITS[2], 3: "Chi bộ Khu phố 3", 4: UNITS[4]}
    rows = TITLE + roster(unit=own.get) + [[], SERIES_NOTE, []] + catalogue()
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", rows)]))
    assert [record["unit"] for record in picked(result)] == [own[group] for _, group, _ in PEOPLE]
    assert [record["group"] for record in picked(result)] == [f"Đoàn công tác số {g}" for _, g, _ in PEOPLE]
    text = messages(result)
    assert "Đoàn công tác số 3" in text and "Chi bộ Trường Tiểu học Hòa An" in text
    assert len(result.records()) == len(PEOPLE)


def test_the_rosters_own_unit_column_agreeing_with_the_catalogue_says_nothing(tmp_path):
    rows = TITLE + roster(unit=UNITS.get) + [[], SERIES_NOTE, []] + catalogue()
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", rows)]))
    assert picked(result) == expected()
    assert "danh mục" not in messages(result)


def test_a_note_explaining_other_codes_leaves_the_group_column_as_written(tmp_path):
    rows = TITLE + roster(code="Đ{n}") + [[], ["Ghi chú: T1 - Tổ công tác số 1"], []]
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", rows)]))
    assert [record["group"] for record in picked(result)] == [f"Đ{group}" for _, group, _ in PEOPLE]
    assert "giữ nguyên như trong tệp" in messages(result)


def test_groups_numbered_alone_in_the_catalogue(tmp_path):
    areas = [["Đoàn", "Địa bàn phụ trách"]] + [[n, UNITS[n]] for n in (1, 2, 3, 4)]
    rows = TITLE + roster() + [[], SERIES_NOTE, []] + areas
    assert picked(parse_file(write(tmp_path / "f.xlsx", [("DS", rows)]))) == expected()


def test_a_group_given_two_units_in_one_cell_gives_no_unit(tmp_path):
    areas = catalogue(groups=(1, 3, 4), extra=[("Đ2", "Chi bộ Khu phố 2; Chi bộ Khu phố 5")])
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", TITLE + roster() + [[], SERIES_NOTE, []] + areas)]))
    assert picked(result) == expected(units=False)
    assert "Đoàn công tác số 2 có 2 đơn vị" in messages(result)


def test_people_whose_cells_read_like_a_catalogue_header_stay_people(tmp_path):
    """Rows naming a group in Roman numerals and a unit, with no number anywhere, are people, not a catalogue."""
    header = ["Họ và tên", "Chức vụ", "Đoàn", "Nhiệm vụ", "Chi bộ phụ trách"]
    people = [["Nguyễn Văn An", "Phó Bí thư", "Đoàn I", "Trưởng đoàn", "Chi bộ Khu phố Một"],
              ["Trần Thị Bình", "Chuyên viên", "Đoàn I", "Thành viên", "Chi bộ Khu phố Một"],
              ["Lê Văn Cường", "Chủ tịch", "Đoàn II", "Trưởng đoàn", "Chi bộ Khu phố Hai"]]
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", TITLE + [header] + people)]))
    assert [(r["full_name"], r["group"], r["unit"]) for r in result.records()] == [
        ("Nguyễn Văn An", "Đoàn công tác số 1", "Chi bộ Khu phố Một"),
        ("Trần Thị Bình", "Đoàn công tác số 1", "Chi bộ Khu phố Một"),
        ("Lê Văn Cường", "Đoàn công tác số 2", "Chi bộ Khu phố Hai")]


def test_a_role_legend_over_the_catalogue_is_no_title_and_roles_still_read(tmp_path):
    rows = TITLE + roster() + [[], ["Ghi chú: TĐ - Trưởng đoàn; TV - Thành viên"], SERIES_NOTE] + catalogue(title=None)
    result = parse_file(write(tmp_path / "f.xlsx", [("DS", rows)]))
    assert picked(result) == expected()
    assert "Ghi chú: TĐ" not in messages(result)


@pytest.mark.parametrize("note, read", [
    ("Đ1, Đ2… : Đoàn công tác số 1, số 2…", {"Đ3": "Đoàn công tác số 3", "Đ 12": "Đoàn công tác số 12", "T3": None}),
    ("Ghi chú: A1 - Đoàn công tác số 2", {"A1": "Đoàn công tác số 2", "A2": None}),  # its own code alone
    ("Ghi chú: A - Đoàn công tác số 1", {"A": None}),  # no number: no group code
    ("Tổ 1 = Tổ công tác số 1", {"Tổ 2": "Tổ công tác số 2"}),
    ("Bí thư Chi bộ Khu phố 1", {"KP1": None}),
])
def test_what_a_note_explains(note, read):
    codes = group_code_notes([[None, note]])
    assert {code: codes.name(code) for code in read} == read
