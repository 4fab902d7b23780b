"""Rosters with the field labels down a column (issue #19): card blocks of 'label: value' rows per person, and a
transposed roster with one column per person; plus rows of members who left and a remark below the table."""

import datetime

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.kinds.withdrawn import has_left
from importers.label_layouts import read_label_layout
from importers.parsing import HEADER_SPECS


def write(path, sheets):
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def people(result, *fields):
    return [tuple(record[name] for name in fields) for record in result.records()]


CARD_PEOPLE = [("Nguyễn Văn An", datetime.date(1975, 3, 7), "Đoàn công tác số 1 - Trưởng đoàn", "0912 345 678"),
               ("Lê Thị Hà", datetime.date(1980, 1, 2), "Đoàn công tác số 1 - Thành viên", "0987654321"),
               ("Trần Bình", datetime.date(1985, 3, 4), "Đoàn công tác số 2 - Phó trưởng đoàn", "0911222333")]


def _cards(style):
    rows = [["ĐẢNG BỘ HUYỆN ĐÔNG ANH"], [], ["THÔNG TIN TRÍCH NGANG THÀNH VIÊN"], []]
    for number, (name, born, group, phone) in enumerate(CARD_PEOPLE, 1):
        block = [("Họ và tên", name), ("Ngày sinh", born), ("Đoàn công tác", group), ("Điện thoại", phone)]
        for line, (label, value) in enumerate(block):
            lead = f"{number}." if line == 0 else None
            if style == "colon cell":
                rows.append([lead, f"{label}:", value])
            elif style == "same cell":
                rows.append([lead, f"{label}: {value:%d/%m/%Y}" if isinstance(value, datetime.date)
                             else f"{label}: {value}"])
            else:
                rows.append([lead, label, None, value])
        rows.append([])
    return rows + [[None, "NGƯỜI LẬP BIỂU"]]


@pytest.mark.parametrize("style", ["colon cell", "same cell", "value further right"])
def test_card_blocks_read_as_one_record_per_person(tmp_path, style):
    result = parse_file(write(tmp_path / "cards.xlsx", {"Ly lich": _cards(style)}))
    assert result.errors == []
    assert people(result, "full_name", "birth_date", "group", "role", "phone") == [
        ("Nguyễn Văn An", "1975-03-07", "Đoàn công tác số 1", "head", "0912345678"),
        ("Lê Thị Hà", "1980-01-02", "Đoàn công tác số 1", "member", "0987654321"),
        ("Trần Bình", "1985-03-04", "Đoàn công tác số 2", "deputy", "0911222333"),
    ]


def test_a_usual_table_is_no_label_layout():
    rows = [["DANH SÁCH"], ["STT", "Họ và tên", "Ngày sinh", "Đoàn", "Nhiệm vụ"],
            [1, "Nguyễn Văn An", "01/02/1970", "Đoàn 1", "Trưởng đoàn"],
            [2, "Lê Thị Hà", "01/02/1971", "Đoàn 1", "Thành viên"]]
    assert read_label_layout(rows, HEADER_SPECS) is None


def _transposed(group, names, corner="Nội dung"):
    labels = ["Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ trong Đoàn", "Điện thoại"]
    roles = ["Trưởng đoàn"] + ["Thành viên"] * (len(names) - 1)
    values = [names, [datetime.date(1970 + i, 1, 2) for i in range(len(names))], ["Chuyên viên"] * len(names), roles,
              [f"09123456{i:02d}" for i in range(len(names))]]
    rows = [[f"ĐOÀN CÔNG TÁC SỐ {group}"], []]
    if corner:
        rows.append([corner] + [f"Đồng chí thứ {i + 1}" for i in range(len(names))])
    return rows + [[label] + list(cells) for label, cells in zip(labels, values)]


@pytest.mark.parametrize("corner", ["Nội dung", "Thông tin", None])
def test_a_transposed_roster_one_sheet_per_group(tmp_path, corner):
    first = _transposed(1, ["Hà Huy Hiếu", "Trần Minh Hường", "Bùi Tài"], corner)
    second = _transposed(2, ["Lê Minh Hà", "Đặng Ngọc Dung"], corner)
    path = write(tmp_path / "t.xlsx", {"DCT so 1": first, "DCT so 2": second})
    result = parse_file(path)
    assert result.errors == []
    assert people(result, "full_name", "group", "role", "phone") == [
        ("Hà Huy Hiếu", "Đoàn công tác số 1", "head", "0912345600"),
        ("Trần Minh Hường", "Đoàn công tác số 1", "member", "0912345601"),
        ("Bùi Tài", "Đoàn công tác số 1", "member", "0912345602"),
        ("Lê Minh Hà", "Đoàn công tác số 2", "head", "0912345600"),
        ("Đặng Ngọc Dung", "Đoàn công tác số 2", "member", "0912345601"),
    ]


@pytest.mark.parametrize("note, left", [
    ("Đã thôi tham gia (nghỉ hưu)", True), ("thôi tham gia từ 3/2025", True), ("Không còn là thành viên", True),
    ("Đã rút khỏi Đoàn", True), ("Mới bổ sung", False), ("Nghỉ phép", False), (None, False)])
def test_notes_saying_a_member_left(note, left):
    assert has_left(note) == left


def test_rows_of_members_who_left_are_left_out_with_a_warning(tmp_path):
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC SAU KIỆN TOÀN"],
            ["Lưu ý: các dòng có Ghi chú «Đã thôi tham gia» không còn là thành viên"],
            ["STT", "Họ và tên", "Đoàn", "Vai trò", "Điện thoại", "Ghi chú"],
            [1, "Nguyễn Văn An", 1, "Trưởng đoàn", 912345678, None],
            [2, "Lê Thị Hà", 1, "Thành viên", 987654321, "Đã thôi tham gia (chuyển công tác)"],
            [3, "Trần Bình", 1, "Thành viên", 911222333, "Mới bổ sung"],
            [None, None, None, None, None, "Số điện thoại: bổ sung số 0 ở đầu"]]
    result = parse_file(write(tmp_path / "f.xlsx", {"DS": rows}))
    assert result.errors == []
    assert people(result, "full_name", "phone") == [("Nguyễn Văn An", "0912345678"), ("Trần Bình", "0911222333")]
    assert any("thôi tham gia" in warning["message"] and "dòng 5" in warning["message"]
               for warning in result.warnings)


def test_a_row_without_a_name_among_the_people_still_fails(tmp_path):
    rows = [["DANH SÁCH"], ["STT", "Họ và tên", "Đoàn", "Vai trò", "Ghi chú"],
            [1, "Nguyễn Văn An", 1, "Trưởng đoàn", None],
            [None, None, None, None, "chưa có tên đồng chí này"],
            [3, "Trần Bình", 1, "Thành viên", None]]
    result = parse_file(write(tmp_path / "f.xlsx", {"DS": rows}))
    assert any(error["row"] == 4 for error in result.errors)
