"""A long register kept one block per meeting whose title row names the chi bộ before the date ("Buổi 1: Chi bộ Xóm
Yên Thịnh ngày 04/07/2025", "Chi bộ Thôn 2 sinh hoạt ngày …", "Lần 3 - Chi bộ Ấp 1 (ngày …)") reads each block's
rows with that unit and date; the status words, the reasons and the head's name under the signature stay as read."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.caption_units import unit_in_caption

UNREAD = "chi bộ của từng kỳ chưa được đọc"
BLOCKS = [("Chi bộ Xóm Yên Thịnh", 4, 7), ("Chi bộ Trường Tiểu học Đức Lam", 5, 7), ("Chi bộ Hợp tác xã Đức Lam", 6, 8)]
PEOPLE = [("Lưu Xuân Sơn", "Vắng có phép", "Ốm", "excused"), ("Trần Sỹ Nghĩa", "Có mặt", None, "present"),
          ("Đặng Công Nghĩa", "Vắng không phép", None, "absent"), ("Chu Văn Dũng", "Đi muộn", None, "late")]


def _register(caption: str) -> tuple[list[list], list[tuple]]:
    rows = [["ĐẢNG ỦY XÃ ĐỨC LAM", None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"], [],
            ["TỔNG HỢP ĐIỂM DANH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 2 DỰ SINH HOẠT CHI BỘ"], ["(Quý III năm 2025)"], [],
            ["STT", "Họ và tên", "Chức vụ", "Điểm danh", "Lý do", "Ký xác nhận của Bí thư chi bộ"]]
    expected = []
    for number, (unit, day, month) in enumerate(BLOCKS, 1):
        rows.append([caption.format(n=number, unit=unit, d=day, m=month)])
        for index, (name, word, reason, status) in enumerate(PEOPLE[number - 1:], 1):
            rows.append([index, name, "Đảng viên", word, reason, None])
            expected.append((name, f"2025-{month:02d}-{day:02d}", status, unit))
        rows.append([])
    rows += [["Ghi chú: mỗi buổi chỉ ghi các thành viên Đoàn được phân công dự tại chi bộ đó."], [],
             [None, None, None, None, "TRƯỞNG ĐOÀN"], [], [], [None, None, None, None, "Lưu Xuân Sơn"]]
    return rows, expected


@pytest.mark.parametrize("caption", [
    "Buổi {n}: {unit} ngày {d:02d}/{m:02d}/2025",
    "Buổi {n} - {unit} - ngày {d}/{m}/2025",
    "{unit} sinh hoạt ngày {d}/{m}/2025",
    "Lần {n}. {unit} (ngày {d:02d}/{m:02d}/2025)",
    "Kỳ {n}: {unit}, sinh hoạt thường kỳ ngày {d} tháng {m} năm 2025",
    "{unit} – sinh hoạt ngày {d}/{m}/2025",
    "Kỳ sinh hoạt ngày {d}/{m}/2025 – {unit}",
])
def test_each_block_reads_the_unit_its_title_names_around_the_date(tmp_path, caption):
    rows, expected = _register(caption)
    result = parse_file(write_sheet(tmp_path / "b.xlsx", rows))
    assert result.kind == "attendance" and result.errors == []
    assert [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()] == expected
    assert not any(UNREAD in warning["message"] for warning in result.warnings)


@pytest.mark.parametrize("text, unit", [
    ("Buổi 1: Chi bộ Xóm Yên Thịnh ngày 04/07/2025", "Chi bộ Xóm Yên Thịnh"),
    ("BUỔI 2: CHI BỘ XÓM YÊN THỊNH NGÀY 05/07/2025", "Chi bộ Xóm Yên Thịnh"),
    ("II. Chi bộ Khu phố 3, ngày 5/7/2025", "Chi bộ Khu phố 3"),
    ("Chi bộ Xóm 3 sinh hoạt thường kỳ tháng 7, ngày 4/7/2025", "Chi bộ Xóm 3"),
    ("Đảng bộ Quân sự xã sinh hoạt thứ ba, ngày 16/9/2025", "Đảng bộ Quân sự xã"),
    ("Chi bộ Hợp tác xã Đức Lam họp ngày 06/08/2025", "Chi bộ Hợp tác xã Đức Lam"),
    ("Chi bộ sinh hoạt ngày 04/07/2025", None),
    ("Chi bộ họp ngày 04/07/2025", None),
    ("Chi bộ tháng 7 ngày 04/07/2025", None),
    ("Buổi 1: Các chi bộ ngày 04/07/2025", None),
    ("Buổi 1: Sinh hoạt thường kỳ tháng 01/2025 - ngày 08/01/2025", None),
])
def test_a_unit_named_before_the_date(text, unit):
    assert unit_in_caption(text) == unit
