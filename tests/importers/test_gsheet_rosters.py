"""Rosters kept in Google Sheets by young officers: English or mixed header words ('DOB', 'Mobile', 'Team', 'Note',
'SĐT/Phone'), the role given by checkbox columns ('TĐ | PĐ' holding TRUE / FALSE), dates as Sheets shows them in
Vietnamese ('13 thg 4, 1991'), a 'Liên hệ' / 'Contact' column of phone numbers labelled with their app ('Zalo: +84
…', '… (Zalo)'), and the followed cell under 'CB phụ trách'."""

import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.date_words import read_meeting_date, worded_date
from importers.kinds import attendance, roster
from importers.mapping import match_field

PEOPLE = [
    ("Lê Văn Tâm", dt.datetime(1980, 3, 5), "Phó Bí thư Đảng ủy", 1, "head", "Chi bộ Khu phố 2", "0912345671"),
    ("Hà Thị Mai", dt.datetime(1985, 7, 9), "Chủ tịch Hội LHPN", 1, "deputy", "Chi bộ Khu phố 3", "0912345672"),
    ("Đỗ Quang Huy", dt.datetime(1990, 1, 21), "Công chức Tư pháp", 1, "member", "Chi bộ Khu phố 4", "0912345673"),
    ("Phí Đức Long", dt.datetime(1975, 11, 30), "Chủ tịch UBND", 2, "head", "Chi bộ Khu phố 5", "0912345674"),
    ("Tạ Minh Anh", dt.datetime(1992, 6, 2), "Kế toán", 2, "member", "Chi bộ Trường Mầm non", "0912345675"),
]


def _records(people=PEOPLE, **changes):
    return [{"full_name": name, "birth_date": born.date().isoformat(), "position": position,
             "group": f"Đoàn công tác số {group}", "role": role, "unit": unit, "phone": phone, **changes}
            for name, born, position, group, role, unit, phone in people]


def _by_name(result):
    return sorted(result.records(), key=lambda record: record["full_name"])


def _expected(**changes):
    return sorted(_records(**changes), key=lambda record: record["full_name"])


# ---- English and mixed header words -------------------------------------------------------------------------------

@pytest.mark.parametrize("label, field", [
    ("Full name", "full_name"), ("Name", "full_name"), ("DOB", "birth_date"), ("D.O.B", "birth_date"),
    ("Date of birth", "birth_date"), ("Birthday", "birth_date"), ("Mobile", "phone"), ("Phone", "phone"),
    ("Tel", "phone"), ("SĐT/Phone", "phone"), ("Phone number (Zalo)", "phone"), ("Position", "position"),
    ("Title", "position"), ("Group", "group"), ("Team", "group"), ("Role", "role"), ("Unit", "unit"),
    ("Note", "note"), ("Notes", "note"), ("Status", None), ("Email", None), ("Timestamp", None),
    ("Họ và tên / Name", "full_name"),
])
def test_english_header_words_of_a_roster(label, field):
    assert match_field(label, roster.FIELDS) == field


@pytest.mark.parametrize("label, field", [
    ("Name", "full_name"), ("Date", "date"), ("Meeting date", "date"), ("Status", "status"), ("Unit", "unit"),
    ("Note", "note"), ("Timestamp", "timestamp"), ("DOB", None),
])
def test_english_header_words_of_a_register(label, field):
    assert match_field(label, attendance.FIELDS) == field


@pytest.mark.parametrize("header", [
    ["No", "Full name", "DOB", "Position", "Team", "Role", "Unit", "Mobile", "Note"],
    ["#", "Name", "Date of birth", "Title", "Group", "Role", "Unit", "SĐT/Phone", "Notes"],
    ["STT", "Họ và tên", "Birthday", "Chức vụ", "Đoàn công tác", "Role", "Unit", "Tel", "Note"],
])
def test_a_roster_headed_in_english_or_mixed_words_is_read(tmp_path, header):
    rows = [header] + [[n, name, born.strftime("%d/%m/%Y"), position, f"Đoàn {group}",
                        {"head": "Trưởng đoàn", "deputy": "Phó đoàn", "member": "Thành viên"}[role], unit,
                        phone, "mới" if n == 2 else None]
                       for n, (name, born, position, group, role, unit, phone) in enumerate(PEOPLE, 1)]
    result = parse_file(write_sheet(tmp_path / "e.xlsx", rows))
    assert result.errors == []
    assert result.records() == _records()
    assert not any("chưa dùng" in warning["message"] for warning in result.warnings)


def test_a_status_column_of_a_roster_stays_unread_and_said(tmp_path):
    rows = [["#", "Full name", "DOB", "Group", "Role", "Mobile", "Status", "Email"]] + [
        [n, name, born, f"ĐCT {group}", role.title(), phone, "OK", None]
        for n, (name, born, _, group, role, _, phone) in enumerate(PEOPLE, 1)]
    result = parse_file(write_sheet(tmp_path / "s.xlsx", rows))
    assert result.errors == []
    assert result.records() == _records(position=None, unit=None)
    assert any(warning["column"] == "G" and "chưa dùng" in warning["message"] for warning in result.warnings)


def test_a_register_headed_in_english_is_read(tmp_path):
    rows = [["Name", "Date", "Status", "Unit", "Note"],
            ["Lê Văn Tâm", dt.datetime(2025, 1, 6), "x", "Chi bộ Khu phố 2", None],
            ["Hà Thị Mai", dt.datetime(2025, 1, 6), "P", "Chi bộ Khu phố 2", "ốm"],
            ["Lê Văn Tâm", dt.datetime(2025, 2, 5), "M", "Chi bộ Khu phố 2", None]]
    result = parse_file(write_sheet(tmp_path / "a.xlsx", rows))
    assert result.kind == "attendance" and result.errors == []
    assert result.records() == [
        {"full_name": "Lê Văn Tâm", "date": "2025-01-06", "status": "present", "unit": "Chi bộ Khu phố 2"},
        {"full_name": "Hà Thị Mai", "date": "2025-01-06", "status": "excused", "unit": "Chi bộ Khu phố 2"},
        {"full_name": "Lê Văn Tâm", "date": "2025-02-05", "status": "late", "unit": "Chi bộ Khu phố 2"}]


# ---- role checkbox columns ----------------------------------------------------------------------------------------

ROLE_BOXES = {"head": (True, False), "deputy": (False, True), "member": (False, False)}


def _box_rows(heads, box=lambda ticked: ticked, unit_header="CB phụ trách", people=PEOPLE):
    rows = [["#", "Họ và tên", "DOB", "Chức vụ", "ĐCT", *heads, unit_header, "Mobile", "Note", "Status"]]
    for n, (name, born, position, group, role, unit, phone) in enumerate(people, 1):
        ticks = [box(ticked) for ticked in ROLE_BOXES[role]]
        rows.append([n, name, born, position, f"ĐCT {group}", *ticks, unit, phone, None, "OK"])
    return rows


@pytest.mark.parametrize("heads", [("TĐ", "PĐ"), ("Trưởng đoàn", "Phó đoàn"), ("Head", "Deputy"),
                                   ("TĐ", "PTĐ")])
def test_checkbox_columns_give_the_role_and_no_tick_is_a_member(tmp_path, heads):
    result = parse_file(write_sheet(tmp_path / "r.xlsx", _box_rows(heads)))
    assert result.errors == []
    assert result.records() == _records()
    assert [warning["message"] for warning in result.warnings if "chưa dùng" in warning["message"]] == [
        "Trang «Sheet», cột K «Status»: 5 giá trị, chưa dùng — không trường nào đọc cột này (K2 «OK», K3 «OK», "
        "K4 «OK»…)"]


@pytest.mark.parametrize("box", [lambda ticked: "✓" if ticked else None, lambda ticked: "x" if ticked else "",
                                 lambda ticked: 1 if ticked else 0])
def test_tick_marks_under_role_abbreviations(tmp_path, box):
    result = parse_file(write_sheet(tmp_path / "t.xlsx", _box_rows(("TĐ", "PĐ"), box)))
    assert result.errors == []
    assert result.records() == _records()


def test_checkboxes_exported_as_text_in_a_csv(tmp_path):
    rows = _box_rows(("TĐ", "PĐ"), lambda ticked: "TRUE" if ticked else "FALSE")
    lines = [",".join("" if cell is None else cell.strftime("%d/%m/%Y") if isinstance(cell, dt.datetime)
                      else str(cell) for cell in row) for row in rows]
    path = tmp_path / "r.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = parse_file(path)
    assert result.errors == []
    assert result.records() == _records()


def test_two_ticked_roles_refuse_the_row_naming_both_cells(tmp_path):
    rows = _box_rows(("TĐ", "PĐ"))
    rows[3][5:7] = [True, True]
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows))
    assert [record["full_name"] for record in result.records()] == [
        "Lê Văn Tâm", "Hà Thị Mai", "Phí Đức Long", "Tạ Minh Anh"]
    assert len(result.errors) == 1 and result.errors[0]["row"] == 4
    assert "F4, G4" in result.errors[0]["message"]


def test_a_members_checkbox_column_makes_no_tick_an_error(tmp_path):
    rows = [["STT", "Họ và tên", "Đoàn", "Trưởng đoàn", "Phó đoàn", "Thành viên"],
            [1, "Lê Văn Tâm", "Đoàn 1", True, False, False],
            [2, "Hà Thị Mai", "Đoàn 1", False, False, False],
            [3, "Đỗ Quang Huy", "Đoàn 1", False, False, True]]
    result = parse_file(write_sheet(tmp_path / "m.xlsx", rows))
    assert [(record["full_name"], record["role"]) for record in result.records()] == [
        ("Lê Văn Tâm", "head"), ("Đỗ Quang Huy", "member")]
    assert [error["row"] for error in result.errors] == [3]


def test_a_role_column_of_its_own_wins_over_checkboxes_beside_it(tmp_path):
    rows = [["STT", "Họ và tên", "Đoàn", "Vai trò", "TĐ", "PĐ"],
            [1, "Lê Văn Tâm", "Đoàn 1", "Trưởng đoàn", True, False],
            [2, "Hà Thị Mai", "Đoàn 1", "Phó đoàn", False, True],
            [3, "Đỗ Quang Huy", "Đoàn 1", "Thành viên", False, False]]
    result = parse_file(write_sheet(tmp_path / "v.xlsx", rows))
    assert [record["role"] for record in result.records()] == ["head", "deputy", "member"]
    unused = [warning["message"] for warning in result.warnings if "chưa dùng" in warning["message"]]
    assert len(unused) == 2 and "cột E «TĐ»" in unused[0] and "cột F «PĐ»" in unused[1]


# ---- 'CB phụ trách': the cell followed, or the cadre in charge ----------------------------------------------------

def test_cb_over_cadre_names_is_no_unit(tmp_path):
    people = [(name, born, position, group, role, cadre, phone) for (name, born, position, group, role, _, phone), cadre
              in zip(PEOPLE, ["Nguyễn Văn Bình", "Trần Thị Lan", "Vũ Đức Thọ", "Lý Văn Hòa", "Mai Thị Hạnh"])]
    result = parse_file(write_sheet(tmp_path / "c.xlsx", _box_rows(("TĐ", "PĐ"), people=people)))
    assert {record["unit"] for record in result.records()} == {None}
    assert any("H «CB phụ trách»" in warning["message"] and "chưa dùng" in warning["message"]
               for warning in result.warnings)


@pytest.mark.parametrize("header", ["CB phụ trách", "CB theo dõi", "C/B được phân công"])
def test_cb_over_cells_is_the_unit_followed(tmp_path, header):
    result = parse_file(write_sheet(tmp_path / "c.xlsx", _box_rows(("TĐ", "PĐ"), unit_header=header)))
    assert result.records() == _records()


# ---- Google Sheets' Vietnamese dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("13 thg 4, 1991", dt.date(1991, 4, 13)), ("13 thg 04 1991", dt.date(1991, 4, 13)),
    ("Thg 4 13, 1991", dt.date(1991, 4, 13)), ("5 Thg 11, 1984", dt.date(1984, 11, 5)),
    ("22 tháng 3 năm 1974", dt.date(1974, 3, 22)), ("31 thg 2, 1991", None), ("thg 13 4, 1991", None),
    ("13 thg 4", None),
])
def test_sheets_vietnamese_dates(text, date):
    assert worded_date(text) == date


def test_a_meeting_date_written_the_sheets_way():
    assert read_meeting_date("7 thg 1, 2025").date == dt.date(2025, 1, 7)
    assert read_meeting_date("thg 1 7, 2025").date == dt.date(2025, 1, 7)


def test_birth_dates_written_the_sheets_way_are_read(tmp_path):
    shown = ["5 thg 3, 1980", "9 tháng 7 năm 1985", dt.datetime(1990, 1, 21), "thg 11 30, 1975", "2 thg 6, 1992"]
    rows = _box_rows(("TĐ", "PĐ"))
    for row, text in zip(rows[1:], shown):
        row[2] = text
    result = parse_file(write_sheet(tmp_path / "d.xlsx", rows))
    assert result.errors == []
    assert result.records() == _records()


# ---- a contact column of phone numbers ----------------------------------------------------------------------------

CONTACTS = ["Zalo: +84 912 345 671", "0912 345 672 (Zalo)", "+84912345673", "0912.345.674", "Zalo 0912345675"]


def _contact_rows(header, contacts, phone_column=False):
    extra = ["Số điện thoại"] if phone_column else []
    rows = [["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn CT số", "Vai trò", "Chi bộ phụ trách", header, *extra]]
    for n, ((name, born, position, group, role, unit, phone), contact) in enumerate(zip(PEOPLE, contacts), 1):
        rows.append([n, name, born, position, group, {"head": "TĐ", "deputy": "PTĐ", "member": "TV"}[role], unit,
                     contact, *([phone] if phone_column else [])])
    return rows


@pytest.mark.parametrize("header", ["Liên hệ", "Liên lạc", "Thông tin liên lạc", "Contact", "Zalo"])
def test_a_contact_column_of_phones_labelled_with_their_app_is_the_phone(tmp_path, header):
    result = parse_file(write_sheet(tmp_path / "p.xlsx", _contact_rows(header, CONTACTS)))
    assert result.errors == [] and result.warnings == []
    assert result.records() == _records()


def test_a_contact_cell_that_is_no_phone_is_left_blank_and_named(tmp_path):
    rows = _contact_rows("Liên hệ", CONTACTS)
    rows += [[n + 5, f"{row[1]} B", *row[2:]] for n, row in enumerate(rows[1:], 1)]
    rows[4][7] = "nhà riêng, hẻm 12"
    result = parse_file(write_sheet(tmp_path / "p.xlsx", rows))
    assert result.errors == []
    phones = {record["full_name"]: record["phone"] for record in result.records()}
    assert phones["Phí Đức Long"] is None and phones["Phí Đức Long B"] == "0912345674"
    said = [warning for warning in result.warnings if warning["field"] == "phone"]
    assert len(said) == 1 and said[0]["row"] == 5 and "H5 «nhà riêng, hẻm 12»" in said[0]["message"]


def test_a_contact_column_of_few_phones_is_not_the_phone(tmp_path):
    contacts = ["Zalo: +84 912 345 671", "nhà riêng", "Văn phòng", "0912.345.674", "Email: a@b.vn"]
    result = parse_file(write_sheet(tmp_path / "p.xlsx", _contact_rows("Liên hệ", contacts)))
    assert {record["phone"] for record in result.records()} == {None}
    assert any(warning["column"] == "H" for warning in result.warnings)


def test_a_contact_column_beside_a_phone_column_is_not_the_phone(tmp_path):
    contacts = ["Zalo: +84 988 000 001"] * 5
    result = parse_file(write_sheet(tmp_path / "p.xlsx", _contact_rows("Liên hệ", contacts, phone_column=True)))
    assert result.records() == _records()
