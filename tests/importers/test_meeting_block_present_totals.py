"""A register kept one block per meeting whose total line counts only those who came ("Tổng số: có mặt 6 đ/c",
late arrivals among them) or those who stayed away ("Tổng số vắng: 2"), under captions worded "Kỳ họp", "Phiên
họp", "Cuộc họp", "Sinh hoạt chuyên đề" or "Buổi …"; status words Dự / Vắng CP / Vắng KP / Trễ. A total the rows
do not match still leaves the sheet to the usual reading, which refuses it."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.errors import ImportFileError

PEOPLE = ["Nguyễn Thanh Đức", "Bùi Ngọc Ngân", "Thạch Văn Chươl", "Quách Thị Mai"]
MEETINGS = [("06/01/2025", ["Dự", "Dự", "Vắng CP", "Dự"]),
            ("05/02/2025", ["Trễ", "Dự", "Dự", "Vắng KP"]),
            ("26/03/2025", ["Dự", "Trễ", "Trễ", "Dự"])]
STATUS = {"Dự": "present", "Trễ": "late", "Vắng CP": "excused", "Vắng KP": "absent"}
CAPTIONS = ["Kỳ họp ngày {d} - Sinh hoạt thường kỳ", "Phiên họp ngày {d} – Sinh hoạt chuyên đề quý I",
            "Cuộc họp chi bộ ngày {d}", "Sinh hoạt chuyên đề ngày {d}", "Buổi sinh hoạt ngày {d}"]
TOTALS = ["Tổng số: có mặt {came} đ/c", "Cộng: có mặt {came}", "Tổng số đảng viên dự: {came}",
          "Tổng số vắng: {away} đ/c"]


def _rows(caption: str, total: str, shift: int = 0) -> tuple[list, list]:
    rows = [["ĐẢNG BỘ XÃ PHÚ TÂM"], ["SỔ ĐIỂM DANH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"],
            ["Đơn vị: Chi bộ Ấp Sóc Chùa (khu vực chùa Sóc Chùa)"], [],
            ["TT", "Họ và tên", "Tình hình dự họp", "Ghi chú"]]
    expected = []
    for day, marks in MEETINGS:
        rows.append([caption.format(d=day)])
        for number, (name, mark) in enumerate(zip(PEOPLE, marks), 1):
            rows.append([number, name, mark, None])
            expected.append((name, "-".join(reversed(day.split("/"))), STATUS[mark]))
        came = sum(STATUS[mark] in ("present", "late") for mark in marks)
        rows += [[None, total.format(came=came + shift, away=len(marks) - came + shift)], []]
    rows.append(["Ghi chú: Dự = có mặt; Vắng CP = vắng có phép; Vắng KP = vắng không phép; Trễ = đến trễ."])
    return rows, expected


@pytest.mark.parametrize("caption", CAPTIONS)
@pytest.mark.parametrize("total", TOTALS)
def test_totals_of_those_present_or_away_date_the_blocks(tmp_path, caption, total):
    rows, expected = _rows(caption, total)
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows))
    assert result.kind == "attendance" and result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == expected
    assert {r["unit"] for r in result.records()} == {"Chi bộ Ấp Sóc Chùa"}


def test_a_present_total_the_rows_do_not_match_is_not_read_as_blocks(tmp_path):
    rows, _ = _rows(CAPTIONS[0], TOTALS[0], shift=1)
    with pytest.raises(ImportFileError):
        parse_file(write_sheet(tmp_path / "r.xlsx", rows))
