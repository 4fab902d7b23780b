"""Software exports (generated): coded headers ('HO_TEN', 'hoten', 'hoTen', 'TEN_DV'), code columns left unused
without a warning when a read column says the same, coded roles and statuses, ISO and time-stamped dates, phones
with the country code; role codes 1/2/3 the file explains nowhere are refused, naming the cell."""

import pytest
from layouts import exports
from layouts.sheet import Sheet
from layouts.writers import write_one_sheet

from importers import parse_file
from importers.code_headers import code_field, is_id_label
from importers.kinds import attendance, roster

SEEDS = range(24)


def _write(tmp_path, sheet, is_csv):
    return write_one_sheet(tmp_path, "export", sheet, is_csv)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_roster_export_is_read_exactly(tmp_path, seed):
    is_csv = seed % 2 == 0
    sheet, expected = exports.build_roster(seed, is_csv)
    result = parse_file(_write(tmp_path, sheet, is_csv), kind=None)
    assert result.kind == "roster"
    assert result.records() == expected
    assert result.errors == []
    assert result.warnings == [], sheet.rows[0]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_register_export_is_read_exactly(tmp_path, seed):
    is_csv = seed % 2 == 1
    sheet, expected = exports.build_register(seed, is_csv)
    result = parse_file(_write(tmp_path, sheet, is_csv))
    assert result.kind == "attendance"
    assert result.records() == expected
    assert result.errors == []


@pytest.mark.parametrize("label, field", [
    ("HO_TEN", "full_name"), ("hoten", "full_name"), ("hoTen", "full_name"), ("HoVaTen", "full_name"),
    ("NGAY_SINH", "birth_date"), ("ngaysinh", "birth_date"), ("CHUC_VU", "position"), ("chucvu", "position"),
    ("TEN_DOAN", "group"), ("doan", "group"), ("VAI_TRO", "role"), ("vaitro", "role"), ("TEN_DV", "unit"),
    ("donvi", "unit"), ("DIEN_THOAI", "phone"), ("sdt", "phone"), ("soDienThoai", "phone"),
    ("MA_DOAN", None), ("ID", None), ("maCanBo", None), ("DOAN_ID", None),
])
def test_code_headers_name_the_fields_of_the_one_vocabulary(label, field):
    from importers.mapping import match_field
    assert match_field(label, roster.FIELDS) == field
    assert is_id_label(label) == (field is None)


@pytest.mark.parametrize("label, field", [("NGAY_HOP", "date"), ("TRANG_THAI", "status"), ("CHI_BO", "unit"),
                                          ("ngayHop", "date"), ("MA_DON_VI", "unit")])
def test_register_code_headers(label, field):
    from importers.mapping import match_field
    assert match_field(label, attendance.FIELDS) == field


def test_words_with_spaces_are_no_code():
    assert code_field("Họ và tên", roster.FIELDS) is None


ROSTER_HEADER = ["HO_TEN", "NGAY_SINH", "MA_DOAN", "TEN_DOAN", "VAI_TRO", "TEN_DV", "DIEN_THOAI"]


def _roster(tmp_path, rows, header=ROSTER_HEADER):
    sheet = Sheet("Sheet1", width=len(header))
    for row in [header] + rows:
        sheet.add(row)
    return parse_file(_write(tmp_path, sheet, True))


def test_role_codes_the_file_does_not_explain_are_refused_naming_the_cell(tmp_path):
    result = _roster(tmp_path, [
        ["Nguyễn Văn An", "1978-03-15", "D01", "Đoàn công tác số 1", "1", "Chi bộ Khu 1", "+84912345678"],
        ["Trần Thị Bình", "1980-05-02", "D01", "Đoàn công tác số 1", "3", "Chi bộ Khu 2", "84912345679"],
        ["Lê Văn Cường", "1982-01-02", "D01", "Đoàn công tác số 1", "THANH_VIEN", "Chi bộ Khu 3", "0912345670"]])
    assert [r["full_name"] for r in result.records()] == ["Lê Văn Cường"]
    messages = {(e["row"], e["column"]): e["message"] for e in result.errors}
    assert set(messages) == {(2, "E"), (3, "E")}
    assert "mã số" in messages[2, "E"] and "trưởng đoàn" in messages[2, "E"]


def test_a_group_code_without_the_group_name_is_warned_about(tmp_path):
    header = ["HO_TEN", "MA_DOAN", "VAI_TRO"]
    result = _roster(tmp_path, [["Nguyễn Văn An", "D01", "TRUONG_DOAN"], ["Trần Thị Bình", "D02", "TRUONG_DOAN"],
                                ["Lê Văn Cường", "D01", "THANH_VIEN"]], header)
    assert result.records() == []  # no group to place them in: refused, never read from the code
    assert any("MA_DOAN" in w["message"] and "chưa dùng" in w["message"] for w in result.warnings)


def test_a_code_column_saying_more_than_the_names_is_warned_about(tmp_path):
    result = _roster(tmp_path, [
        ["Nguyễn Văn An", "1978-03-15", "D01", "Đoàn công tác số 1", "TRUONG_DOAN", "Chi bộ Khu 1", "0912345678"],
        ["Trần Thị Bình", "1980-05-02", "D02", "Đoàn công tác số 1", "THANH_VIEN", "Chi bộ Khu 2", "0912345679"],
        ["Lê Văn Cường", "1982-01-02", "D02", "Đoàn công tác số 1", "THANH_VIEN", "Chi bộ Khu 3", "0912345670"]])
    assert any("MA_DOAN" in w["message"] for w in result.warnings)


def test_role_codes_a_note_line_explains_are_read(tmp_path):
    header = ["HO_TEN", "TEN_DOAN", "VAI_TRO"]
    result = _roster(tmp_path, [["Nguyễn Văn An", "Đoàn 1", "1"], ["Trần Thị Bình", "Đoàn 1", "2"],
                                ["Lê Văn Cường", "Đoàn 1", "3"], [],
                                ["Ghi chú: 1 - Trưởng đoàn; 2 - Phó trưởng đoàn; 3 - Thành viên"]], header)
    assert [r["role"] for r in result.records()] == ["head", "deputy", "member"]
    assert result.errors == []


REGISTER_HEADER = ["HO_TEN", "NGAY_HOP", "TRANG_THAI", "CHI_BO"]


def test_status_codes_the_file_does_not_explain_are_all_refused(tmp_path):
    rows = [["Nguyễn Văn An", "2025-01-06", "1", "Chi bộ Khu 1"], ["Trần Thị Bình", "2025-01-06", "2", "Chi bộ Khu 1"],
            ["Lê Văn Cường", "2025-01-06", "3", "Chi bộ Khu 1"]]
    result = _roster(tmp_path, rows, REGISTER_HEADER)
    assert result.kind == "attendance" and result.records() == []  # '1' is no tick beside '2' and '3'
    assert [(e["row"], e["column"]) for e in result.errors] == [(2, "C"), (3, "C"), (4, "C")]
    assert all("mã số" in e["message"] for e in result.errors)
    explained = _roster(tmp_path, rows + [[], ["Ghi chú: 1 - có mặt; 2 - vắng có phép; 3 - vắng không phép"]],
                        REGISTER_HEADER)
    assert [r["status"] for r in explained.records()] == ["present", "excused", "absent"]


def test_a_zero_one_register_with_a_stray_number_refuses_the_stray_only(tmp_path):
    result = _roster(tmp_path, [["Nguyễn Văn An", "2025-01-06", "1", "Chi bộ Khu 1"],
                                ["Trần Thị Bình", "2025-01-06", "0", "Chi bộ Khu 1"],
                                ["Lê Văn Cường", "2025-01-06", "5", "Chi bộ Khu 1"]], REGISTER_HEADER)
    assert [r["status"] for r in result.records()] == ["present", "absent"]
    assert [(e["row"], e["column"]) for e in result.errors] == [(4, "C")]
