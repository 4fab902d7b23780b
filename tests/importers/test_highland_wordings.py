"""Wordings met in a Central Highlands commune's files (b56): names with an apostrophe typed in capitals ("H'NGƠI
BON JỐC" is "H'Ngơi Bon Jốc", not "H'ngơi": read silently wrong before), a meeting's time written "16 giờ 30" before
its date on the sheet's date line, and a one-meeting sheet whose attendance column holds words its legend
explains ("Có", "Phép", "Không phép", "Muộn")."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.date_words import date_line
from importers.normalising import normalise_name


@pytest.mark.parametrize(("typed", "name"), [
    ("H'NGƠI BON JỐC", "H'Ngơi Bon Jốc"), ("h'blao bon ding", "H'Blao Bon Ding"), ("Y NGÔN K'SOR", "Y Ngôn K'Sor"),
    ("H’HIAR ÊÑUÔL", "H’Hiar Êñuôl"), ("H'Hiar Ktla", "H'Hiar Ktla"), ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
])
def test_each_part_after_an_apostrophe_is_capitalised(typed, name):
    assert normalise_name(typed) == name


@pytest.mark.parametrize(("line", "day"), [
    ("Thời gian: 16 giờ 30, thứ Ba ngày 07/01/25", "2025-01-07"),
    ("Thời gian: 16 giờ 30 phút, thứ Ba ngày 07/01/2025", "2025-01-07"),
    ("Thời gian: 19g30 ngày 05/03/2025", "2025-03-05"),
])
def test_a_time_in_hours_before_the_date(line, day):
    assert date_line(line).date.isoformat() == day


def test_one_meeting_with_legend_words_is_a_register(tmp_path):
    rows = [["CHI BỘ TRƯỜNG TIỂU HỌC Y JÚT"], ["DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ THƯỜNG KỲ"],
            ["Thời gian: 16 giờ 30, thứ Ba ngày 07/01/25"], [],
            ["STT", "Họ và tên", "Chức vụ", "Điểm danh", "Ký tên"],
            [1, "Vũ Xuân Quang", "Hiệu trưởng", "Có", "(đã ký)"], [2, "Y Dhăm Mlô", "Giáo viên", "Không phép", None],
            [3, "Đỗ Thị Thu Hiền", "Giáo viên", "Muộn", "(đã ký)"], [4, "Đỗ Xuân Tuấn", "Giáo viên", "Phép", None],
            [], ["Điểm danh: Có = có mặt; Phép = vắng có phép; Không phép = vắng không phép; Muộn = đến muộn."]]
    result = parse_file(write_sheet(tmp_path / "T01.xlsx", rows, title="T01.25"))
    assert result.kind == "attendance" and result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Vũ Xuân Quang", "2025-01-07", "present"), ("Y Dhăm Mlô", "2025-01-07", "absent"),
        ("Đỗ Thị Thu Hiền", "2025-01-07", "late"), ("Đỗ Xuân Tuấn", "2025-01-07", "excused")]


def test_two_digit_year_date_headers_date_a_register(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("STT,Họ và tên,07/01/25,06/02/25,06/03/25\n1,Phạm Văn Lợi,x,x,M\n2,Lê Thị Hoa,P,x,x\n"
                    "Ký hiệu: x có mặt; P vắng có phép; M đến muộn\n", encoding="utf-8")
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert [r["date"] for r in result.records()][:3] == ["2025-01-07", "2025-02-06", "2025-03-06"]


def test_a_note_spells_out_common_words_inside_units_and_is_no_person(tmp_path):
    rows = [["TỔNG HỢP THÀNH VIÊN ĐOÀN CÔNG TÁC"], [],
            ["STT", "Họ và tên", "Đoàn CT số", "Nhiệm vụ trong đoàn", "Cơ sở phụ trách"],
            [1, "Lường Thị Lụa", 1, "Trưởng đoàn", "CB Trường TH Y Jút"],
            [2, "Ngô Quốc Long", 1, "Thành viên", "CB HTX Cà phê Ea Tân"],
            [3, "Đỗ Thị Trang", 1, "TV", "CB Trường THCS Lê Quý Đôn"], [],
            [None, "Viết tắt: CB - Chi bộ; TH - Tiểu học; THCS - Trung học cơ sở; HTX - Hợp tác xã; TV - Thành viên."]]
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", rows))
    assert result.errors == []
    assert [(r["full_name"], r["role"], r["unit"]) for r in result.records()] == [
        ("Lường Thị Lụa", "head", "Chi bộ Trường Tiểu học Y Jút"),
        ("Ngô Quốc Long", "member", "Chi bộ Hợp tác xã Cà phê Ea Tân"),
        ("Đỗ Thị Trang", "member", "Chi bộ Trường Trung học cơ sở Lê Quý Đôn")]


def _split_months(tmp_path, first_row, legend):
    rows = [["THEO DÕI SINH HOẠT CHI BỘ - 6 THÁNG CUỐI NĂM 2025"], [],
            ["TT", "Họ và tên", "Tháng 7/25", None, "Tháng 8/25", None], [None, None, "CM", "V", "CM", "V"],
            first_row, [2, "Triệu Thị Lìn", None, "P", "x", None], [], [legend]]
    return parse_file(write_sheet(tmp_path / "register.xlsx", rows, merges=["C3:D3", "E3:F3"]))


LEGEND_SPLIT = "Ghi chú: CM - có mặt (x: đúng giờ; M: đến muộn); V - vắng (P: có phép; K: không phép)."


def test_a_month_over_cm_and_v_boxes_reads_the_mark_in_each(tmp_path):
    result = _split_months(tmp_path, [1, "Bùi Thị Loan", "M", None, None, "K"], LEGEND_SPLIT)
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Bùi Thị Loan", "2025-07-01", "late"), ("Bùi Thị Loan", "2025-08-01", "absent"),
        ("Triệu Thị Lìn", "2025-07-01", "excused"), ("Triệu Thị Lìn", "2025-08-01", "present")]


def test_a_mark_of_the_other_kind_in_a_box_is_refused(tmp_path):
    result = _split_months(tmp_path, [1, "Bùi Thị Loan", "K", None, None, "x"], LEGEND_SPLIT)
    assert any("K" in error["message"] for error in result.errors)
    assert ("Bùi Thị Loan", "2025-07-01") not in {(r["full_name"], r["date"]) for r in result.records()}
