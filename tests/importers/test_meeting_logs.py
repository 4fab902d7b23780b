"""A working group's log of the meetings its members attended, one sheet per quarter: 'Ngày họp | Chi bộ | Nội dung
| Họ và tên | Tình hình dự | Người ghi', the meeting's date, chi bộ, content and recorder written once (merged over
its rows), dates as date cells, 'd/m/yyyy' or 'dd-mm-yyyy' text, and statuses typed by the officer: whether an
absence was reported ('có báo', 'ko báo', 'xin phép') decides excused or absent whatever reason stands beside it
('đi biển', 'ốm'); 'muộn 10 phút' is late. The recorder's short names are a note column, never the name or the unit."""

import datetime as dt

import openpyxl
import pytest

from importers import parse_file
from importers.legends import meaning_to_status, parse_legend
from importers.status_phrases import UNKNOWN, read_status

HEADER = ["Ngày họp", "Chi bộ", "Nội dung", "Họ và tên", "Tình hình dự", "Người ghi"]
MEETINGS = {
    "Quy III-2025": [
        (dt.datetime(2025, 7, 22), "Chi bộ xóm 3 Bạch Long", "Sinh hoạt thường kỳ tháng 7", "Hiếu",
         [("Mai Đức Khánh", "Vắng không báo"), ("Đinh Hữu Sơn", "Có mặt"), ("Lương Ngọc Dung", "vắng, ko báo")]),
        ("28/7/2025", "Chi bộ HTX sản xuất muối Bạch Long", "Thường kỳ T7", "Lan (VP)",
         [("Lê Thanh Mai", "có mặt"), ("Đinh Hữu Sơn", "muộn 10 phút")]),
        ("20-08-2025", "Chi bộ xóm 7 Bạch Long", "Thường kỳ tháng 8", "Hiếu",
         [("Mai Đức Khánh", "Vắng - đi biển, có báo"), ("Hoàng Xuân Vinh", "Đến muộn 15'"),
          ("Lương Ngọc Dung", "vắng (ốm, có báo)")]),
    ],
    "Quy IV-2025": [
        ("21-10-2025", "Chi bộ Đồn Biên phòng Cửa Hà", "Thường kỳ tháng 10", "Lan (VP)",
         [("Mai Đức Khánh", "Vắng có báo"), ("Đinh Hữu Sơn", "Đến muộn"), ("Lê Thanh Mai", "Vắng k báo")]),
        (dt.datetime(2025, 11, 26), "Chi bộ xóm 3 Bạch Long", "Thường kỳ T11", "Hiếu",
         [("Hoàng Xuân Vinh", "vắng"), ("Lương Ngọc Dung", "Vắng, báo trước"),
          ("Đinh Hữu Sơn", "vắng không xin phép (ốm)")]),
    ],
}
WANT = [
    ("Mai Đức Khánh", "2025-07-22", "absent", "Chi bộ xóm 3 Bạch Long"),
    ("Đinh Hữu Sơn", "2025-07-22", "present", "Chi bộ xóm 3 Bạch Long"),
    ("Lương Ngọc Dung", "2025-07-22", "absent", "Chi bộ xóm 3 Bạch Long"),
    ("Lê Thanh Mai", "2025-07-28", "present", "Chi bộ HTX sản xuất muối Bạch Long"),
    ("Đinh Hữu Sơn", "2025-07-28", "late", "Chi bộ HTX sản xuất muối Bạch Long"),
    ("Mai Đức Khánh", "2025-08-20", "excused", "Chi bộ xóm 7 Bạch Long"),
    ("Hoàng Xuân Vinh", "2025-08-20", "late", "Chi bộ xóm 7 Bạch Long"),
    ("Lương Ngọc Dung", "2025-08-20", "excused", "Chi bộ xóm 7 Bạch Long"),
    ("Mai Đức Khánh", "2025-10-21", "excused", "Chi bộ Đồn Biên phòng Cửa Hà"),
    ("Đinh Hữu Sơn", "2025-10-21", "late", "Chi bộ Đồn Biên phòng Cửa Hà"),
    ("Lê Thanh Mai", "2025-10-21", "absent", "Chi bộ Đồn Biên phòng Cửa Hà"),
    ("Hoàng Xuân Vinh", "2025-11-26", "absent", "Chi bộ xóm 3 Bạch Long"),
    ("Lương Ngọc Dung", "2025-11-26", "excused", "Chi bộ xóm 3 Bạch Long"),
    ("Đinh Hữu Sơn", "2025-11-26", "absent", "Chi bộ xóm 3 Bạch Long"),
]


def _log(tmp_path, status_header="Tình hình dự", merged=True, order=(0, 1, 2, 3, 4, 5), meetings=MEETINGS):
    """The log workbook; `order` places the header's columns (the recorder's column may stand anywhere)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    header = [status_header if label == "Tình hình dự" else label for label in HEADER]
    for title, sheet_meetings in meetings.items():
        sheet = book.create_sheet(title)
        sheet["A1"] = "ĐẢNG ỦY XÃ PHONG HẢI – ĐOÀN CÔNG TÁC SỐ 2"
        sheet["A2"] = f"NHẬT KÝ THÀNH VIÊN ĐOÀN DỰ SINH HOẠT CÁC CHI BỘ – {title.replace('-', '/')}"
        sheet.append([])
        sheet.append([header[i] for i in order])
        for date, unit, content, recorder, people in sheet_meetings:
            first = sheet.max_row + 1
            for index, (name, status) in enumerate(people):
                once = [date, unit, content] if index == 0 else [None, None, None]
                row = [*once, name, status, recorder if index == 0 else None]
                sheet.append([row[i] for i in order])
            if merged and len(people) > 1:
                for field in (0, 1, 2, 5):
                    letter = "ABCDEF"[order.index(field)]
                    sheet.merge_cells(f"{letter}{first}:{letter}{first + len(people) - 1}")
    path = tmp_path / "nhat_ky_theo_quy.xlsx"
    book.save(path)
    return path


def _records(result):
    return [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()]


def _unused(result):
    return [w for w in result.warnings if "chưa dùng" in w["message"]]


@pytest.mark.parametrize("status_header", ["Tình hình dự", "Tình hình tham dự", "Dự họp", "Tham dự", "Kết quả dự",
                                           "Có mặt/vắng", "Có mặt / Vắng"])
def test_a_log_by_quarter_sheets_reads_every_meeting_with_its_chi_bo(tmp_path, status_header):
    result = parse_file(_log(tmp_path, status_header))
    assert (result.kind, result.header_row, result.sheet) == ("attendance", 4, ["Quy III-2025", "Quy IV-2025"])
    assert result.errors == []
    assert _records(result) == WANT
    # the recorder's column is left unread and said so, on each sheet; nothing else is warned
    assert [(w["sheet"], w["column"]) for w in result.warnings] == [("Quy III-2025", "F"), ("Quy IV-2025", "F")]
    assert all("«Người ghi»" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("order", [(0, 1, 5, 3, 4, 2), (0, 5, 1, 2, 3, 4), (5, 0, 1, 2, 3, 4)])
def test_the_recorder_column_is_no_name_and_no_unit_wherever_it_stands(tmp_path, order):
    result = parse_file(_log(tmp_path, order=order))
    assert result.errors == []
    assert _records(result) == WANT
    recorder = "ABCDEF"[order.index(5)]
    assert [w["column"] for w in _unused(result)] == [recorder, recorder]


def test_unmerged_meeting_cells_carry_down_with_a_warning(tmp_path):
    result = parse_file(_log(tmp_path, merged=False))
    assert result.errors == []
    assert _records(result) == WANT
    assert any(w["column"] == "A" and "để trống ngày sinh hoạt" in w["message"] for w in result.warnings)


def test_a_status_that_is_no_status_is_warned_never_guessed(tmp_path):
    meetings = {"Quy III-2025": [("5/9/2025", "Chi bộ xóm 3 Bạch Long", "Chuyên đề quý III", "Hiếu",
                                  [("Mai Đức Khánh", "báo cáo viên"), ("Đinh Hữu Sơn", "Có mặt")])]}
    result = parse_file(_log(tmp_path, meetings=meetings))
    assert _records(result) == [("Đinh Hữu Sơn", "2025-09-05", "present", "Chi bộ xóm 3 Bạch Long")]
    unread = [w for w in result.errors + result.warnings if w["column"] == "E"]
    assert unread and all(w["value"] == "báo cáo viên" for w in unread)


@pytest.mark.parametrize("text, status", [
    ("Vắng có báo", "excused"), ("vắng (ốm, có báo)", "excused"), ("Vắng - đi biển, có báo", "excused"),
    ("Vắng có báo cáo", "excused"), ("vắng, báo trước", "excused"), ("Vắng có báo trước", "excused"),
    ("vắng, xin phép", "excused"), ("báo trước", "excused"),
    ("Vắng không báo", "absent"), ("vắng, ko báo", "absent"), ("Vắng k báo", "absent"), ("ko báo", "absent"),
    ("vắng không xin phép", "absent"), ("Vắng (đi biển, ko báo)", "absent"), ("Vắng - ốm, không báo", "absent"),
    ("vắng không báo trước", "absent"),
    ("muộn 10 phút", "late"), ("Đến muộn 15'", "late"), ("Đến muộn", "late"),
    ("vắng", "absent"), ("Có mặt", "present"), ("có mặt", "present"),
    # a notice beside an arrival qualifies the arrival: late or present, never an absence
    ("Đến muộn, có báo", "late"), ("đi muộn không báo", "late"), ("Đến muộn 15 phút (có xin phép)", "late"),
    ("Có mặt, có báo", "present"), ("Không có mặt, có báo", "excused"), ("Vắng, đến muộn", "late"),
])
def test_a_cell_and_a_legend_read_the_notice_alike(text, status):
    assert read_status(text, {}).status == status
    assert meaning_to_status(text) == status


@pytest.mark.parametrize("text", ["báo cáo viên", "Báo cáo viên"])
def test_a_speaker_is_no_notice(text):
    assert read_status(text, {}).problem == UNKNOWN
    assert meaning_to_status(text) is None


def test_a_legend_mark_for_a_reported_absence_is_excused():
    assert parse_legend("Ghi chú: x - có mặt; B - vắng có báo; KB - vắng không báo; XP - vắng xin phép") \
        == {"x": "present", "b": "excused", "kb": "absent", "xp": "excused"}
