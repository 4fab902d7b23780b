"""Professional and academic titles written as dotted abbreviations before a member's name ("KTS. Trần Xuân Huy",
"CNĐD.Ngô Hữu Định", "ĐD. Võ Viết Thắng") are stripped by their shape, in rosters, long and wide registers and the
person headers of a transposed register, with one warning per column naming the names changed; initials ("Ng. Văn
An"), a place, a title written out without a dot and a position's abbreviations stay as they were read before."""

import datetime as dt

import pytest

from importers import parse_file
from importers.honorifics import name_cleaner
from importers.name_titles import split_name_title
from tests.workbooks import write_workbook

ROSTER_HEADER = ["TT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn", "Nhiệm vụ", "Chi bộ phụ trách"]
TITLE_WARNING = "chức danh, học hàm, học vị viết tắt trước tên"


def _title_warnings(result):
    return [w for w in result.warnings if TITLE_WARNING in w["message"]]


def _roster(tmp_path, people):
    body = [[index, name, f"{index:02d}/03/197{index % 10}", position, "Đoàn công tác số 1",
             "Trưởng đoàn" if index == 1 else "Thành viên", "Chi bộ Tổ dân phố 5 Đông Ba"]
            for index, (name, position) in enumerate(people, 1)]
    return write_workbook(tmp_path / "roster.xlsx", {"DS": [
        ["ĐẢNG ỦY PHƯỜNG PHÚ XUÂN"], ["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], [], ROSTER_HEADER, *body]})


def test_a_roster_strips_dotted_titles_of_any_shape_with_one_warning_naming_each_name(tmp_path):
    """Degrees the importer knows by name ("PGS.TS.", "BSCK.II") go silently as before; the others are said."""
    people = [("PGS.TS. Nguyễn Thị Thu Nga", "PBT TT Đảng ủy phường"),
              ("KTS. Trần Xuân Huy", "Trưởng phòng Quản lý Di tích"),
              ("CNĐD.Ngô Hữu Định", "Điều dưỡng trưởng"),
              ("ĐD. Võ Viết Thắng", "Điều dưỡng"),
              ("NGƯT. HỒ THỊ LÀI", "Giảng viên"),
              ("BSCK.II Phạm Văn Nam", "Trưởng khoa"),
              ("Phan Văn Hải", "CV Ban XDĐ")]
    result = parse_file(_roster(tmp_path, people))
    assert result.errors == []
    assert [(r["full_name"], r["position"]) for r in result.records()] == [
        ("Nguyễn Thị Thu Nga", "PBT TT Đảng ủy phường"), ("Trần Xuân Huy", "Trưởng phòng Quản lý Di tích"),
        ("Ngô Hữu Định", "Điều dưỡng trưởng"), ("Võ Viết Thắng", "Điều dưỡng"), ("Hồ Thị Lài", "Giảng viên"),
        ("Phạm Văn Nam", "Trưởng khoa"), ("Phan Văn Hải", "CV Ban XDĐ")]
    assert [(w["row"], w["column"], w["field"], w["value"], w["message"]) for w in result.warnings] == [
        (None, "B", "full_name", "KTS. Trần Xuân Huy",
         "DS: Cột B «Họ và tên»: chức danh, học hàm, học vị viết tắt trước tên không thuộc họ và tên của đảng viên "
         "nên đã bỏ khỏi 4 tên — B6 «KTS.» (KTS. Trần Xuân Huy → Trần Xuân Huy), B7 «CNĐD.» (CNĐD.Ngô Hữu Định → "
         "Ngô Hữu Định), B8 «ĐD.» (ĐD. Võ Viết Thắng → Võ Viết Thắng), B9 «NGƯT.» (NGƯT. HỒ THỊ LÀI → Hồ Thị Lài); "
         "nếu chữ đã bỏ là một phần của họ và tên, sửa lại trong tệp.")]


def test_initials_a_place_and_an_undotted_title_stay_as_read_before(tmp_path):
    people = [("Ng. Văn An", "Chuyên viên"), ("TP. Hồ Chí Minh", "Chuyên viên"), ("KTS. Lan Anh", "Chuyên viên"),
              ("Trần Thị Mai", "Chuyên viên"), ("Lê Văn Bình", "Chuyên viên"), ("Đ/c Võ Thị Hoa", "Chuyên viên")]
    result = parse_file(_roster(tmp_path, people))
    assert [r["full_name"] for r in result.records()] == [
        "Ng. Văn An", "TP. Hồ Chí Minh", "KTS. Lan Anh", "Trần Thị Mai", "Lê Văn Bình", "Võ Thị Hoa"]
    assert _title_warnings(result) == []


@pytest.mark.parametrize("text, expected", [
    ("KTS. Trần Xuân Huy", ("Trần Xuân Huy", "KTS.")), ("CNĐD.Ngô Hữu Định", ("Ngô Hữu Định", "CNĐD.")),
    ("PGS.TS.BS. Lê Văn An", ("Lê Văn An", "PGS.TS.BS.")), ("ThS.BS. Lê An", ("Lê An", "ThS.BS.")),
    ("BSCK.I Lê Văn An", ("Lê Văn An", "BSCK.I")), ("KTV. Phạm Văn Hùng", ("Phạm Văn Hùng", "KTV.")),
    ("NGƯT. Hồ Thị Lài", ("Hồ Thị Lài", "NGƯT.")), ("KTS. TRẦN THỊ KIM UYÊN", ("TRẦN THỊ KIM UYÊN", "KTS.")),
    ("Ng. Văn An", None), ("NG. HOÀNG ANH", None), ("Tr.V. Hùng Anh", None), ("KTS. Lê", None),
    ("kts. Lê An", None), ("TP. Hồ Chí Minh", None), ("Bác sĩ Trần Văn A", None), ("PBT TT Đảng ủy phường", None),
    ("CV Ban XDĐ", None), ("Trần Văn An", None)])
def test_the_shape_of_a_title_before_a_full_name(text, expected):
    assert split_name_title(text) == expected


def test_an_undotted_title_written_out_is_stripped_as_before_and_not_reported():
    said: list = []
    clean = name_cleaner(["Bác sĩ Trần Văn Anh", "Lê Thị Hoa"], titled=said)
    assert clean("Bác sĩ Trần Văn Anh") == "Trần Văn Anh"
    assert said == []


def test_a_long_register_strips_titles_once_per_name(tmp_path):
    days = [dt.datetime(2025, 1, 7), dt.datetime(2025, 2, 11)]
    people = ["CNĐD. Ngô Hữu Định", "ĐD. Võ Viết Thắng", "Trần Thị Mai"]
    rows = [["ĐẢNG BỘ BỆNH VIỆN"], ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], ["Đơn vị: Chi bộ Khoa Nội Tim mạch"], [],
            ["STT", "Ngày sinh hoạt", "Họ và tên", "Tình hình dự họp"]]
    names = people + ["CNĐD.Ngô Hữu Định", "ĐD. Võ Viết Thắng", "Trần Thị Mai"]
    rows += [[index, days[(index - 1) // 3], name, "Có mặt"] for index, name in enumerate(names, 1)]
    result = parse_file(write_workbook(tmp_path / "long.xlsx", {"So du SH": rows}))
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        (name, day, "present") for day in ("2025-01-07", "2025-02-11")
        for name in ("Ngô Hữu Định", "Võ Viết Thắng", "Trần Thị Mai")]
    [warning] = _title_warnings(result)
    assert warning["column"] == "C" and warning["value"] == "CNĐD. Ngô Hữu Định"
    assert warning["message"].endswith(
        "bỏ khỏi 3 tên — C6 «CNĐD.» (CNĐD. Ngô Hữu Định → Ngô Hữu Định), C7 «ĐD.» (ĐD. Võ Viết Thắng → Võ Viết "
        "Thắng), C9 «CNĐD.» (CNĐD.Ngô Hữu Định → Ngô Hữu Định); nếu chữ đã bỏ là một phần của họ và tên, sửa lại "
        "trong tệp.")


def test_a_wide_register_strips_titles(tmp_path):
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [], ["STT", "Họ và tên", "Tháng 7/2025", "Tháng 8/2025"],
            [1, "NCS. Dương Công Hải", "x", "x"], [2, "Tô Văn Khải", "x", "P"], [3, "KTS. Phan Ngọc Trâm", "K", "x"],
            [], ["Ghi chú: x = có mặt; P = vắng có phép; K = vắng không phép"]]
    result = parse_file(write_workbook(tmp_path / "wide.xlsx", {"Sheet1": rows}))
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Dương Công Hải", "2025-07-01", "present"), ("Dương Công Hải", "2025-08-01", "present"),
        ("Tô Văn Khải", "2025-07-01", "present"), ("Tô Văn Khải", "2025-08-01", "excused"),
        ("Phan Ngọc Trâm", "2025-07-01", "absent"), ("Phan Ngọc Trâm", "2025-08-01", "present")]
    [warning] = _title_warnings(result)
    assert "bỏ khỏi 2 tên — B4 «NCS.» (NCS. Dương Công Hải → Dương Công Hải), B6 «KTS.» (KTS. Phan Ngọc Trâm → " \
           "Phan Ngọc Trâm);" in warning["message"]


def test_titled_person_headers_of_a_transposed_register_are_people(tmp_path):
    people = ["KTS. Phan Thị Kim Uyên", "ThS. Lê Văn Hòa", "CN. Trần Thị Hà", "KTS. Phan Ngọc Trâm"]
    days = [dt.datetime(2025, 1, 10), dt.datetime(2025, 2, 14), dt.datetime(2025, 3, 14)]
    marks = [["có", "Có", "P", "có"], ["K", "có", "có", "muộn"], ["có", "P", "có", "có"]]
    rows = [["ĐẢNG BỘ TRUNG TÂM BẢO TỒN DI TÍCH"], ["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"],
            ["Đơn vị: Chi bộ Phòng Bảo tồn"], [], ["Ngày sinh hoạt", *people, "Ghi chú"]]
    rows += [[day, *row, None] for day, row in zip(days, marks)]
    rows += [[], ["Ký hiệu: có = có mặt; P = vắng có phép; K = vắng không phép; muộn = đến muộn"]]
    result = parse_file(write_workbook(tmp_path / "xoay.xlsx", {"Diem danh": rows}))
    assert result.errors == []
    assert not any("không đọc được là họ và tên" in w["message"] for w in result.warnings)
    status = {"có": "present", "P": "excused", "K": "absent", "muộn": "late"}
    names = ["Phan Thị Kim Uyên", "Lê Văn Hòa", "Trần Thị Hà", "Phan Ngọc Trâm"]
    assert sorted((r["full_name"], r["date"], r["status"]) for r in result.records()) == sorted(
        (name, day.date().isoformat(), status[mark.lower() if mark != "P" and mark != "K" else mark])
        for day, row in zip(days, marks) for name, mark in zip(names, row))
    [warning] = _title_warnings(result)
    assert "bỏ khỏi 2 tên" in warning["message"] and "«KTS.» (KTS. Phan Thị Kim Uyên → Phan Thị Kim Uyên)" \
        in warning["message"] and "(KTS. Phan Ngọc Trâm → Phan Ngọc Trâm)" in warning["message"]
