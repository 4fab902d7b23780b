"""A register exported from a party-member app or a calendar: one row per person and meeting, the meeting's start as
a date-time ('Thời gian bắt đầu' 2025-01-04 16:30), the status under 'Trạng thái điểm danh', every field quoted,
and columns no field reads (member code, form of meeting), which are named in a warning."""
import csv

import pytest

from importers import parse_file

PEOPLE = [("DV031362", "Cao Hồng Yến", "Có mặt", "present"), ("DV031377", "Lê Quang Hải", "Đi muộn", "late"),
          ("DV031413", "Vương Công Doanh", "Vắng có lý do", "excused"),
          ("DV031443", "Phùng Bá Bình", "Vắng không lý do", "absent")]


@pytest.mark.parametrize("date_header", ["Thời gian bắt đầu", "Ngày giờ", "Thời gian tổ chức", "Bắt đầu"])
@pytest.mark.parametrize("status_header", ["Trạng thái điểm danh", "Tình trạng điểm danh", "Kết quả tham dự"])
@pytest.mark.parametrize("when", ["2025-01-04 16:30", "04/01/2025 16:30", "2025-01-04T16:30:00"])
def test_an_app_export_is_read_as_a_register(tmp_path, date_header, status_header, when):
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(["Mã ĐV", "Họ và tên", "Chi bộ", date_header, "Hình thức", status_header])
        for code, name, said, _ in PEOPLE:
            writer.writerow([code, name, "Chi bộ Trường Mầm non Cát Bi", when, "Trực tiếp", said])
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()] == [
        (name, "2025-01-04", status, "Chi bộ Trường Mầm non Cát Bi") for _, name, _, status in PEOPLE]
    unused = " ".join(w["message"] for w in result.warnings)
    assert "Mã ĐV" in unused and "Hình thức" in unused


@pytest.mark.parametrize("name_header", ["Tên chi bộ", "Tên đơn vị", "Chi bộ"])
@pytest.mark.parametrize("code_first", [True, False])
def test_a_units_name_column_wins_over_its_code_column(tmp_path, name_header, code_first):
    """'Mã chi bộ' (CB01) beside 'Tên chi bộ' (Chi bộ Khu phố 1): the name is the unit, the code column is unused."""
    units = [("Mã chi bộ", "CB01"), (name_header, "Chi bộ Khu phố 1")]
    units = units if code_first else units[::-1]
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["STT", "Họ và tên", "Ngày sinh hoạt", "Trạng thái"] + [header for header, _ in units])
        writer.writerow([1, "Lê Ngọc Hoa", "2025-01-05", "Có mặt"] + [value for _, value in units])
        writer.writerow([2, "Lê Hữu Sáng", "2025-01-05", "Đi muộn"] + [value for _, value in units])
    result = parse_file(path)
    assert {r["unit"] for r in result.records()} == {"Chi bộ Khu phố 1"}
    assert any("Mã chi bộ" in w["message"] for w in result.warnings)
