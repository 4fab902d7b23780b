"""Generated rosters of three families from a blind batch (``layouts.notes_closing``): a phone or birth date labelled
in the notes column ("ĐT: 0328.975.617", "SN: 15/3/1978"), the decision's closing block under the table ("Nơi
nhận:", "T/M ĐẢNG ỦY", "- Lưu VP.") in any column, and a group column headed by a short group word ("Đoàn CT")."""

import datetime as dt

import pytest
from layouts.notes_closing import FAMILIES, build, register, write
from layouts.writers import write_xlsx

from importers import parse_file
from importers.kinds.group_words import group_reference
from importers.kinds.note_values import labelled_birth, labelled_phone
from importers.signature_titles import CLOSING_REASON, is_closing_text

SEEDS = range(12)
CASES = [(family, seed) for family in FAMILIES for seed in SEEDS]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("notes_closing")


def _parsed(out_dir, family, seed):
    layout = build(family, seed)
    return layout, parse_file(write(layout, out_dir))


@pytest.mark.parametrize(("family", "seed"), CASES)
def test_records_are_read_exactly(out_dir, family, seed):
    layout, result = _parsed(out_dir, family, seed)
    assert result.kind == "roster", layout.name
    assert result.header_row == layout.header_row, layout.name
    assert result.errors == [], (layout.name, result.errors[:3])
    assert result.records() == layout.records, layout.name


@pytest.mark.parametrize("seed", SEEDS)
def test_values_from_notes_are_said_and_unread_ones_warned(out_dir, seed):
    layout, result = _parsed(out_dir, "note_values", seed)
    messages = " | ".join(warning["message"] for warning in result.warnings)
    for cell in layout.warned_cells:
        assert f"{cell} «" in messages, (layout.name, cell, messages)
    if layout.read_from_notes:
        assert "số điện thoại ghi trong ghi chú đã được lấy" in messages, layout.name


@pytest.mark.parametrize("seed", SEEDS)
def test_closing_block_rows_are_skipped_with_their_reason(out_dir, seed):
    layout, result = _parsed(out_dir, "closing_block", seed)
    reasons = {row["row"]: row for row in result.rows}
    for number in layout.closing_rows:
        assert reasons[number]["outcome"] == "skipped", (layout.name, number)
        assert reasons[number]["reason"] == CLOSING_REASON, (layout.name, number)
    assert not [w for w in result.warnings if w["row"] in layout.closing_rows], layout.name


@pytest.mark.parametrize("seed", SEEDS)
def test_group_word_column_is_used(out_dir, seed):
    layout, result = _parsed(out_dir, "group_word", seed)
    fields = {column["header"]: column["field"] for column in result.columns_as_dicts()}
    assert fields[layout.options[0]] == "group", layout.name
    assert fields["Đơn vị công tác"] is None and fields["Chi bộ phụ trách"] == "unit", layout.name


@pytest.mark.parametrize("seed", range(4))
def test_a_register_with_a_group_word_column_stays_a_register(tmp_path, seed):
    path = tmp_path / f"register-{seed}.xlsx"
    write_xlsx(path, [register(seed)])
    result = parse_file(path)
    assert result.kind == "attendance"
    assert result.record_count == 18


def test_a_notes_column_with_an_unlabelled_number_is_warned_not_read(tmp_path):
    from sheet_files import write_sheet
    rows = [["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ", "Ghi chú"],
            [1, "Nguyễn Văn An", "Đoàn 1", "Trưởng đoàn", "0912345678"],
            [2, "Lê Thị Hà", "Đoàn 1", "Thành viên", "ĐT: 0987.654.321 / 0912.000.111"],
            [3, "Trần Văn Bình", "Đoàn 1", "Thành viên", "SN: 31/02/1980"]]
    result = parse_file(write_sheet(tmp_path / "notes.xlsx", rows))
    assert [record["phone"] for record in result.records()] == [None, None, None]
    assert [record["birth_date"] for record in result.records()] == [None, None, None]
    messages = " | ".join(warning["message"] for warning in result.warnings)
    assert "E2 «0912345678»" in messages and "E3 «" in messages and "E4 «SN: 31/02/1980»" in messages


@pytest.mark.parametrize(("text", "closing"), [
    ("Nơi nhận:", True), ("T/M ĐẢNG ỦY", True), ("TM. BAN THƯỜNG VỤ", True), ("KT. BÍ THƯ", True),
    ("- Lưu VP.", True), ("Lưu: VT", True), ("Lưu Văn Phong", False), ("Lưu Thị Hà", False), ("Tạ Minh", False),
])
def test_closing_wordings(text, closing):
    assert is_closing_text(text) is closing


@pytest.mark.parametrize(("value", "group"), [
    ("Đoàn 1", "Đoàn công tác số 1"), ("Đoàn số 2", "Đoàn công tác số 2"), ("ĐCT 3", "Đoàn công tác số 3"),
    (4, "4"), ("Tổ 2", "Tổ công tác số 2"), ("Phòng Nội vụ", None), ("x", None), (True, None), ("Số 3", "3"),
    ("II", "2"), ("v", None),
])
def test_group_references(value, group):
    assert group_reference(value) == group


@pytest.mark.parametrize(("text", "phone", "birth"), [
    ("ĐT: 0328.975.617", ("0328975617", True), None),
    ("SĐT0912345678", ("0912345678", True), None),
    ("Điện thoại: 0912 345 678", ("0912345678", True), None),
    ("ĐT 0912", (None, False), None),
    ("ĐT: 0987.654.321 / 0912.000.111", (None, False), None),
    ("SN: 15/3/1978", None, (dt.date(1978, 3, 15), True)),
    ("Ngày sinh: ngày 05 tháng 3 năm 1975; ĐT: 0912.345.678", ("0912345678", True), (dt.date(1975, 3, 5), True)),
    ("Năm sinh: 1978", None, (None, False)),
    ("Ngày sinh hoạt chi bộ thứ Hai", None, None),
    ("Đào tạo tháng 3", None, None),
])
def test_labelled_note_values(text, phone, birth):
    assert labelled_phone(text) == phone
    assert labelled_birth(text) == birth


def test_a_field_with_its_own_column_keeps_it_and_a_differing_note_is_warned(tmp_path):
    from sheet_files import write_sheet
    rows = [["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ", "Điện thoại", "Ngày sinh", "Ghi chú"],
            [1, "Nguyễn Văn An", "Đoàn 1", "Trưởng đoàn", "0912345678", "05/03/1975", "ĐT: 0912.345.678; SN: 5/3/1975"],
            [2, "Lê Thị Hà", "Đoàn 1", "Thành viên", "", "01/01/1980", "SĐT: 0987.654.321"]]
    result = parse_file(write_sheet(tmp_path / "own.xlsx", rows))
    assert [record["phone"] for record in result.records()] == ["0912345678", None]
    warned = [warning for warning in result.warnings if warning["column"] == "G"]
    assert len(warned) == 1 and "G3 «SĐT: 0987.654.321»" in warned[0]["message"]
