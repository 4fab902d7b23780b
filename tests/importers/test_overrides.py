"""The officer's corrections (overrides) applied by the pure pipeline, and what it says it inferred."""

import pytest

import pandas as pd

from importers import ImportFileError, parse_file
from importers.overrides import remap_context
from tests.workbooks import write_workbook


def _save(tmp_path, sheets, hidden=()):
    return write_workbook(tmp_path / "file.xlsx", sheets, hidden)

# A decoy line naming two fields sits two rows above the real header, whose name column the detector misses.
MISLEAD = [["SỔ THEO DÕI NĂM 2024"], ["Họ và tên", "Chi bộ", "Ngày", "Điểm danh"],
           ["Đồng chí", "Chi bộ", "T1", "T2", "T3"],
           ["Nguyễn Văn An", "Chi bộ 1", "x", "P", "Đ"],
           ["Lê Thị Bình", "Chi bộ 1", "x", "x", None],
           [], ["Ghi chú: x = có mặt; P = vắng có phép; K = vắng không phép"]]


def test_header_rows_override_fixes_a_misdetected_header_and_legend_edit_reads_an_unknown_mark(tmp_path):
    path = _save(tmp_path, {"Điểm danh": MISLEAD})
    wrong = parse_file(path, kind="attendance")
    assert wrong.header_row == 2 and wrong.record_count == 0
    fixed = parse_file(path, kind="attendance", mapping={"full_name": "A"},
                       overrides={"header_rows": [3, 3], "legend": {"Đ": "late"}})
    assert fixed.header_row == 3
    records = sorted((r["full_name"], r["date"], r["status"]) for r in fixed.records())
    assert records == [("Lê Thị Bình", "2024-01-01", "present"), ("Lê Thị Bình", "2024-02-01", "present"),
                       ("Nguyễn Văn An", "2024-01-01", "present"), ("Nguyễn Văn An", "2024-02-01", "excused"),
                       ("Nguyễn Văn An", "2024-03-01", "late")]
    assert fixed.errors == []
    # the layout key stays the detected one, so a template is found again for the next such file
    assert fixed.detected_signature == wrong.signature
    said = {item["what"]: item for item in fixed.inferences}
    assert said["Dòng tiêu đề"]["value"] == "3" and said["Dòng tiêu đề"]["source"] == "do cán bộ chọn"
    assert said["Năm"] == {"what": "Năm", "value": "2024", "source": "lấy từ dòng 1"}
    assert said["Ký hiệu"]["source"] == "do cán bộ sửa"


def test_without_the_legend_edit_the_unknown_mark_fails(tmp_path):
    path = _save(tmp_path, {"Điểm danh": MISLEAD})
    result = parse_file(path, kind="attendance", mapping={"full_name": "A"}, overrides={"header_rows": [3, 3]})
    assert any("ký hiệu" in error["message"] for error in result.errors)


def test_year_override_dates_the_month_columns(tmp_path):
    rows = [["Họ và tên", "Chi bộ", "T1", "T2"], ["Nguyễn Văn An", "Chi bộ 1", "x", "x"]]
    path = _save(tmp_path, {"A": rows})
    result = parse_file(path, kind="attendance", overrides={"year": 2023})
    assert sorted(r["date"] for r in result.records()) == ["2023-01-01", "2023-02-01"]
    assert {"what": "Năm", "value": "2023", "source": "do cán bộ nhập"} in result.inferences


def test_join_of_two_name_columns_and_of_day_month_year(tmp_path):
    rows = [["STT", "Họ đệm", "Tên", "Ngày", "Tháng", "Năm", "Nhiệm vụ trong đoàn", "Đoàn"],
            [1, "Nguyễn Văn", "An", 5, 3, 1970, "Trưởng đoàn", "Đoàn công tác số 1"],
            [2, "Lê Thị", "Bình", 12, 11, 1981, "Thành viên", "Đoàn công tác số 1"]]
    path = _save(tmp_path, {"DS": rows})
    result = parse_file(path, kind="roster", mapping={"full_name": "B"}, overrides={"joins": [
        {"field": "full_name", "columns": ["B", "C"]}, {"field": "birth_date", "columns": ["D", "E", "F"]}]})
    records = {r["full_name"]: r["birth_date"] for r in result.records()}
    assert records == {"Nguyễn Văn An": "1970-03-05", "Lê Thị Bình": "1981-11-12"}
    assert result.errors == []


def test_context_rows_meaning_changed_or_ignored(tmp_path):
    rows = [["STT", "Họ và tên", "Nhiệm vụ trong đoàn"], ["Đoàn công tác số 2"],
            [1, "Nguyễn Văn An", "Trưởng đoàn"], [2, "Lê Thị Bình", "Thành viên"]]
    path = _save(tmp_path, {"DS": rows})
    plain = parse_file(path, kind="roster")
    assert {r["group"] for r in plain.records()} == {"Đoàn công tác số 2"}
    assert {"what": "Đoàn", "value": "", "source": "lấy từ các dòng tiêu đề nhóm"} in plain.inferences
    ignored = parse_file(path, kind="roster", overrides={"context": {"group": "ignore"}})
    assert ignored.record_count == 0 and plain.record_count == 2
    as_unit = remap_context(pd.DataFrame({"group": ["Đoàn công tác số 2"]}), {"group": "unit"})
    assert as_unit.to_dict("records") == [{"unit": "Đoàn công tác số 2"}]


def test_several_sheets_are_concatenated_and_the_hidden_one_is_named(tmp_path):
    header = ["Họ và tên", "Chi bộ", "T1"]
    path = _save(tmp_path, {"HD": [["Hướng dẫn"]], "Q1": [header, ["Nguyễn Văn An", "Chi bộ 1", "x"]],
                            "Q2": [header, ["Lê Thị Bình", "Chi bộ 2", "P"]]}, hidden=("HD",))
    found = parse_file(path, kind="attendance", overrides={"year": 2024})  # one layout on two sheets: both read
    assert {"what": "Trang tính", "value": "Q1, Q2", "source": "các trang cùng bố cục, đọc tất cả"} in found.inferences
    assert len(found.records()) == 2
    one = parse_file(path, kind="attendance", overrides={"year": 2024, "sheets": ["Q1"]})
    assert [r["full_name"] for r in one.records()] == ["Nguyễn Văn An"]
    both = parse_file(path, kind="attendance", overrides={"year": 2024, "sheets": ["Q1", "Q2"]})
    assert sorted(r["full_name"] for r in both.records()) == ["Lê Thị Bình", "Nguyễn Văn An"]


@pytest.mark.parametrize("overrides, words", [
    ({"header_rows": [4, 2]}, "Dòng tiêu đề"), ({"header_rows": [40, 40]}, "ngoài trang tính"),
    ({"legend": {"Đ": "sometimes"}}, "Ký hiệu"), ({"year": 12}, "Năm"),
    ({"joins": [{"field": "full_name", "columns": ["A"]}]}, "Ghép cột"),
    ({"context": {"group": "boss"}}, "dòng tiêu đề nhóm")])
def test_bad_overrides_are_refused_with_a_vietnamese_message(tmp_path, overrides, words):
    path = _save(tmp_path, {"Điểm danh": MISLEAD})
    with pytest.raises(ImportFileError) as raised:
        parse_file(path, kind="attendance", mapping={"full_name": "A"}, overrides=overrides)
    assert words in raised.value.message
