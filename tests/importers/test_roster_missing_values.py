"""Roster cells saying a value is not known yet ('chưa cập nhật', 'chưa có', 'không rõ', '-', '…') read as empty in
every value column, with a warning naming the cells; a wrong value is still refused. The layout around them: the
phone before the name, group rows 'ĐOÀN CÔNG TÁC SỐ 01 (03 đồng chí)', names with no-break and double spaces."""

import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.missing_values import is_missing_value

HEADER = ["TT", "Điện thoại", "Họ và tên", "Ngày sinh", "Chức vụ, đơn vị công tác", "Chức danh trong Đoàn",
          "Chi bộ, đảng bộ được phân công"]


def _rows(birth, phone, position):
    return [["ĐẢNG ỦY PHƯỜNG NAM SƠN"], ["THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [], HEADER,
            ["ĐOÀN CÔNG TÁC SỐ 01 (03 đồng chí)"],
            [1, "0912.345.678", "Lê\u00a0Văn Tâm ", dt.datetime(1975, 3, 2), "Chủ tịch UBND phường", "Trưởng Đoàn",
             "Chi bộ Khu phố 2"],
            [2, phone, " Hà  Thị Mai", birth, position, "Phó Trưởng Đoàn", "Chi bộ Khu phố 2"],
            [3, "0983.111.222", "Đỗ Quang Huy", dt.datetime(1990, 5, 6), "Chuyên viên", "Thành viên",
             "Chi bộ Khu phố 2"],
            ["ĐOÀN CÔNG TÁC SỐ 02 (01 đồng chí)"],
            [1, "0904.555.666", "Vương Thu Hà", dt.datetime(1982, 7, 8), "Bí thư Đoàn phường", "Trưởng Đoàn",
             "Chi bộ Trường Mầm non"],
            [None, None, "Tổng số: 4 đồng chí"]]


@pytest.mark.parametrize(("birth", "phone", "position"), [
    ("chưa cập nhật", "0977.000.111", "Chuyên viên"), ("Chưa có", "chưa có số điện thoại", "Chuyên viên"),
    ("không rõ", "-", "…"), ("(đang cập nhật)", "Chưa cập nhật", "chưa rõ"), ("chưa rõ ngày sinh", "...", "-")])
def test_a_missing_value_word_reads_as_empty_in_every_value_column(tmp_path, birth, phone, position):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _rows(birth, phone, position)))
    assert result.errors == []
    records = result.records()
    assert [(r["full_name"], r["group"]) for r in records] == [
        ("Lê Văn Tâm", "Đoàn công tác số 1"), ("Hà Thị Mai", "Đoàn công tác số 1"),
        ("Đỗ Quang Huy", "Đoàn công tác số 1"), ("Vương Thu Hà", "Đoàn công tác số 2")]
    second = records[1]
    assert second["birth_date"] is None
    assert second["phone"] == (None if phone != "0977.000.111" else "0977000111")
    assert second["position"] == (None if position != "Chuyên viên" else "Chuyên viên")
    assert records[0]["phone"] == "0912345678" and records[0]["birth_date"] == "1975-03-02"
    assert any(w["column"] == "D" and "để trống" in w["message"] and "D7" in w["message"] for w in result.warnings)


def test_a_wrong_birth_date_is_still_refused(tmp_path):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _rows("31/02/1970", "0977.000.111", "Chuyên viên")))
    assert [e["row"] for e in result.errors] == [7]


@pytest.mark.parametrize(("value", "missing"), [
    ("chưa cập nhật", True), ("Chưa có thông tin", True), ("-", True), ("…", True), ("?", True),
    ("chưa rõ ngày sinh", True), ("Chưa có chức vụ khác", False), ("Không", False), ("Chi bộ Khu phố 2", False),
    ("", False), (None, False)])
def test_missing_value_words(value, missing):
    assert is_missing_value(value, ("ngay sinh",)) == missing
