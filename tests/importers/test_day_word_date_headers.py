"""A register's meeting columns headed by the word for day and a full date ("Ngày 05/04/2025", "SH ngày
05/05/2025", "ngày: 05/06/2025") are dated like bare dates; before, such a register was read as a roster with
every row missing its group. "Ngày sinh" stays a roster's birth date."""
import pytest
from sheet_files import write_sheet

from importers import parse_file

LEGEND = "Ký hiệu: x có mặt; P vắng có phép; K vắng không phép"


@pytest.mark.parametrize("labels", [
    ["Ngày 05/04/2025", "Ngày 05/05/2025", "Ngày 05/06/2025"],
    ["SH ngày 05/04/2025", "SH ngày 05/05/2025", "SH ngày 05/06/2025"],
    ["ngày: 05/04/2025", "ngày: 05/05/2025", "ngày: 05/06/2025"],
])
def test_day_word_before_a_full_date_dates_the_column(tmp_path, labels):
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ"], [], ["STT", "Họ và tên", *labels],
            [1, "Nguyễn Văn An", "x", "x", "P"], [2, "Trần Thị Bình", "x", "K", "x"], [], [LEGEND]]
    result = parse_file(write_sheet(tmp_path / "register.xlsx", rows))
    assert result.kind == "attendance" and result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()][:3] == [
        ("Nguyễn Văn An", "2025-04-05", "present"), ("Nguyễn Văn An", "2025-05-05", "present"),
        ("Nguyễn Văn An", "2025-06-05", "excused")]


def test_a_csv_register_with_day_word_headers(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("STT,Họ và tên,Ngày 05/04/2025,Ngày 05/05/2025\n1,Nguyễn Văn An,x,K\n2,Trần Thị Bình,P,x\n"
                    f"{LEGEND}\n", encoding="utf-8")
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert len(result.records()) == 4


def test_birth_date_header_is_still_a_roster(tmp_path):
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 1"], [], ["STT", "Họ và tên", "Ngày sinh", "Nhiệm vụ"],
            [1, "Nguyễn Văn An", "05/04/1975", "Trưởng đoàn"], [2, "Trần Thị Bình", "06/05/1980", "Thành viên"]]
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", rows))
    assert result.kind == "roster"
    assert [r["birth_date"] for r in result.records()] == ["1975-04-05", "1980-05-06"]
