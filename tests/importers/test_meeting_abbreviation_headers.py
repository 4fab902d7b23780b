"""A long register whose meeting column is headed with the meeting written short, as every office abbreviates it:
'Ngày SH' (sinh hoạt), 'Ngày SHCB' (sinh hoạt chi bộ), 'Tháng SH'. Saved as Excel 2003 does on a Vietnamese Windows
(Windows-1258, ';'), dates dd/mm/yy, marks CM/VCP/VKP/ĐM explained on the last line: read as an attendance register
the way the header written out is, never taken for a roster."""

import pytest
from layouts.sheet import Sheet
from layouts.writers import write_csv, write_xlsx

from importers import parse_file

UNIT = "Chi bộ Xóm 3"
PEOPLE = [("Nguyễn Quang Nghĩa", "Chủ tịch Hội Nông dân xã"), ("Phạm Văn Hoàn", "Phó Chủ tịch UBND xã"),
          ("Cao Thị Hằng", "Phó Chủ tịch Ủy ban MTTQ xã")]
MARKS = {"CM": "present", "VCP": "excused", "VKP": "absent", "ĐM": "late"}
MEETINGS = [((4, 1), ["CM", "VCP", "ĐM"]), ((6, 2), ["VKP", "CM", "CM"]), ((5, 3), ["CM", "ĐM", "VCP"])]
LEGEND = "Ghi chú: CM - có mặt; VCP - vắng có phép; VKP - vắng không phép; ĐM - đến muộn"


def _register(header: str, cell) -> tuple[Sheet, list[dict]]:
    sheet = Sheet("Sheet1", width=7)
    sheet.add(["ĐẢNG ỦY XÃ ĐỨC LAM"])
    sheet.add(["THEO DÕI THÀNH VIÊN ĐOÀN CÔNG TÁC DỰ SINH HOẠT CHI BỘ 6 THÁNG ĐẦU NĂM 2025"])
    sheet.add()
    sheet.add(["TT", header, "Họ và tên", "Chức vụ", "Chi bộ", "Kết quả", "Ghi chú"])
    expected = []
    for (day, month), marks in MEETINGS:
        for (name, position), mark in zip(PEOPLE, marks):
            sheet.add([len(sheet.rows) - 3, cell(day, month), f"Đ/c {name}", position, UNIT, mark, None])
            date = f"2025-{month:02d}-{day:02d}" if "Ngày" in header else f"2025-{month:02d}-01"
            expected.append({"full_name": name, "date": date, "status": MARKS[mark], "unit": UNIT})
    sheet.add()
    sheet.add([LEGEND])
    return sheet, expected


def _read(tmp_path, sheet, how):
    path = tmp_path / ("f.csv" if how.startswith("csv") else "f.xlsx")
    if how.startswith("csv"):
        write_csv(path, sheet, how)
    else:
        write_xlsx(path, [sheet])
    return parse_file(path)


@pytest.mark.parametrize("header", ["Ngày SH", "Ngày SHCB", "Ngày sinh hoạt", "Ngày SH chi bộ"])
@pytest.mark.parametrize("how", ["csv_cp1258_semicolon", "csv_utf8", "xlsx"])
def test_a_meeting_day_written_short_is_the_meeting_date(tmp_path, header, how):
    sheet, expected = _register(header, lambda day, month: f"{day:02d}/{month:02d}/25")
    result = _read(tmp_path, sheet, how)
    assert result.kind == "attendance"
    assert result.errors == []
    assert result.records() == expected


@pytest.mark.parametrize("header", ["Tháng SH", "Tháng sinh hoạt", "Tháng SHCB"])
def test_a_meeting_month_written_short_is_the_meeting_date(tmp_path, header):
    sheet, expected = _register(header, lambda day, month: f"Tháng {month:02d}/2025")
    result = _read(tmp_path, sheet, "csv_cp1258_semicolon")
    assert result.kind == "attendance"
    assert result.errors == []
    assert result.records() == expected
