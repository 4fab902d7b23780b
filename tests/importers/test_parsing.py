"""Locating, mapping and validating through parse_file: errors as data with sheet, row, column and message."""

import pickle

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds import FieldSpec, roster
from importers.mapping import column_letter, header_signature, match_field


def _save(tmp_path, rows, name="Sheet1"):
    return write_sheet(tmp_path / "file.xlsx", rows, title=name)


TITLE = [["ĐẢNG BỘ THỊ XÃ HỒNG LĨNH"], ["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], []]
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách", "Số điện thoại"]


def test_bad_cells_are_reported_with_sheet_row_column_and_vietnamese_message(tmp_path):
    rows = TITLE + [HEADER, ["I. ĐOÀN CÔNG TÁC SỐ 1"],
                    [1, "Nguyễn Văn An", "31/02/1970", "Chuyên viên", "Trưởng đoàn", "Chi bộ 1", "0912345678"],
                    [2, "Lê Thị Bình", "01/02/1970", "Chuyên viên", "Thủ quỹ", "Chi bộ 1", "0912345679"],
                    [3, "Trần Văn Cường", "01/03/1971", "Chuyên viên", "Thành viên", "Chi bộ 1", "12"],
                    [], ["Tổng cộng: 3"], ["Người lập biểu"]]
    result = parse_file(_save(tmp_path, rows))
    messages = [error["message"] for error in result.errors]
    assert "Sheet1!C6: ngày sinh '31/02/1970' không hợp lệ" in messages
    assert "Sheet1!E7: nhiệm vụ trong đoàn 'Thủ quỹ' không rõ nhiệm vụ trong đoàn" in messages
    assert [r["full_name"] for r in result.records()] == ["Trần Văn Cường"]
    assert any(w["column"] == "G" and w["row"] == 8 for w in result.warnings)
    outcomes = {row["row"]: row["outcome"] for row in result.rows}
    assert outcomes == {5: "skipped", 6: "failed", 7: "failed", 8: "record", 9: "skipped"}


def test_mapping_override_wins_over_the_header_words(tmp_path):
    rows = [["Họ và tên", "Đoàn công tác", "Nhiệm vụ", "Cột lạ"],
            ["Nguyễn Văn An", "Đoàn công tác số 2", "Thành viên", "0912345678"]]
    path = _save(tmp_path, rows)
    assert parse_file(path).records()[0]["phone"] is None
    result = parse_file(path, mapping={"phone": "D"})
    assert result.records()[0]["phone"] == "0912345678"
    assert {c.letter: c.field for c in result.columns}["D"] == "phone"


def test_header_signature_ignores_case_and_diacritics():
    assert header_signature(["Họ và tên", "Ngày sinh"]) == header_signature(["HO VA TEN", "ngay sinh"])
    assert header_signature(["Họ và tên"]) != header_signature(["Ngày sinh"])


@pytest.mark.parametrize("label, field", [
    ("Họ và tên", "full_name"), ("HỌ VÀ TÊN", "full_name"), ("Họ và tn", "full_name"), ("SĐT", "phone"),
    ("Nhiệm vụ trong đoàn", "role"), ("Ghi chú", "note"), ("Thông tin cá nhân", None),
])
def test_headers_match_by_synonym_then_fuzzily(label, field):
    assert match_field(label, roster.FIELDS) == field


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


def test_wide_attendance_without_a_year_reports_instead_of_guessing(tmp_path):
    rows = [["BẢNG ĐIỂM DANH"], ["STT", "Họ và tên", "T1", "T2", "T3"], [1, "Nguyễn Văn An", "x", "P", "K"]]
    result = parse_file(_save(tmp_path, rows), kind="attendance")
    assert result.records() == []
    assert "năm" in result.errors[0]["message"]


def test_unknown_marks_fail_only_their_cell(tmp_path):
    rows = [["SỔ THEO DÕI NĂM 2024"], ["STT", "Họ và tên", "T1", "T2"], [1, "Nguyễn Văn An", "x", "?"]]
    result = parse_file(_save(tmp_path, rows))
    assert result.records() == [{"full_name": "Nguyễn Văn An", "date": "2024-01-01", "status": "present", "unit": None}]
    assert result.errors[0]["message"].startswith("Sheet1!D3: điểm danh '?'")
    assert result.rows == [{"row": 3, "outcome": "record", "reason": "một số ô không hợp lệ", "record_count": 1}]


def test_vni_workbook_is_decoded_before_locating_the_table(tmp_path):
    rows = [["Hoï vaø teân", "Ngaøy sinh", "Ñoaøn coâng taùc", "Nhieäm vuï"],
            ["Nguyeãn Vaên An", "02/01/1977", "Ñoaøn coâng taùc soá 1", "Tröôûng ñoaøn"]]
    result = parse_file(_save(tmp_path, rows))
    assert result.records() == [{"full_name": "Nguyễn Văn An", "birth_date": "1977-01-02", "position": None,
                                 "group": "Đoàn công tác số 1", "role": "head", "unit": None, "phone": None}]
    assert {item["encoding"] for item in result.legacy_conversions} == {"vni"}


@pytest.mark.parametrize("numbers", [
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
    [1, 2, 3, 4, 5, 6, 7],
    ["A", "B", "1", "2", "3", "4", "5"],
    ["(1)", "(2)", None, "(4)", "(5)", "(6)=(4)+(5)", "(7)"],
])
def test_the_column_numbering_row_under_the_header_is_not_data(tmp_path, numbers):
    rows = TITLE + [HEADER, numbers, ["I. ĐOÀN CÔNG TÁC SỐ 1"],
                    [1, "Nguyễn Văn An", "01/02/1970", "Chuyên viên", "Trưởng đoàn", "Chi bộ 1", "0912345678"]]
    result = parse_file(_save(tmp_path, rows), kind="roster")
    assert result.header_row == 4
    assert [r["full_name"] for r in result.records()] == ["Nguyễn Văn An"]
    assert result.errors == [] and [(row["row"], row["outcome"]) for row in result.rows] == [(6, "skipped"),
                                                                                           (7, "record")]


@pytest.mark.parametrize("numbers", [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], [1, 2, 3, 4, 5, 6]])
def test_column_numbers_under_the_group_and_role_headers_are_not_group_numbers(tmp_path, numbers):
    """A group-matrix reader takes bare numbers under a groups header for groups; a numbering row that also numbers
    the name column numbers columns."""
    rows = TITLE + [["STT", "Họ và tên", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách"],
                    numbers,
                    [1, "Nguyễn Văn An", "Chuyên viên", "ĐCT số 1", "Trưởng đoàn", "Đảng bộ xã A"],
                    [2, "Lê Thị Hoa", "Kế toán", "ĐCT số 1", "Thành viên", "Đảng bộ xã A"]]
    result = parse_file(_save(tmp_path, rows))
    assert [(r["group"], r["role"]) for r in result.records()] == [("Đoàn công tác số 1", "head"),
                                                                  ("Đoàn công tác số 1", "member")]
    assert result.errors == []


def test_a_first_data_row_of_small_numbers_is_still_data(tmp_path):
    rows = [["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ", "Số điện thoại"],
            [1, "Nguyễn Văn An", "Đoàn công tác số 2", "Thành viên", 912345678]]
    assert [r["full_name"] for r in parse_file(_save(tmp_path, rows), kind="roster").records()] == ["Nguyễn Văn An"]


def test_a_field_spec_hashes_by_its_fields_and_is_pickled_without_its_kept_hash():
    """Specs are keys of cached label readers: equal specs hash alike, and a pickled spec works its hash out again
    (text hashes differ from one process to the next)."""
    spec = FieldSpec("full_name", ("ho va ten", "ho ten"), True, "Họ và tên")
    assert hash(spec) == hash(FieldSpec("full_name", ("ho va ten", "ho ten"), True, "Họ và tên"))
    assert hash(spec) == hash(("full_name", ("ho va ten", "ho ten"), True, "Họ và tên"))
    copy = pickle.loads(pickle.dumps(spec))
    assert copy == spec and "_hash" not in copy.__dict__ and hash(copy) == hash(spec)
