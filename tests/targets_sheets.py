"""A realistic office targets workbook ("BẢNG CHỈ TIÊU PHÁT TRIỂN …"), written with openpyxl, and its records.

Shared by the importer tests and the web import tests: a party title block, a two-row header merged over
"Năm 2026", unit sub-header rows (one in the unit column, one in the indicator column), numbers typed as
Vietnamese text, one bad number, a blank spacer and a signature footer.
"""
import datetime as dt

SHEET = "Chỉ tiêu"
HEADER_ROW = 7  # the last of the two header rows
AN_LAC, KHU_PHO_3, LE_LOI = "Đảng bộ phường An Lạc", "Chi bộ Khu phố 3", "Chi bộ Trường THCS Lê Lợi"

BODY = [  # rows 8..18
    ["I", "ĐẢNG BỘ PHƯỜNG AN LẠC", None, None, None, None, None, None],
    [1, None, "Kết nạp đảng viên mới", "Đảng viên", 12, "5", dt.datetime(2026, 6, 30), None],
    [2, None, "Thu ngân sách trên địa bàn", "Triệu đồng", "1.250", "612,5", "30/06/2026", "Lũy kế 6 tháng"],
    [3, None, "Tỷ lệ hộ nghèo giảm", "%", "95%", None, None, None],
    ["II", None, "CHI BỘ KHU PHỐ 3", None, None, None, None, None],
    [1, None, "Kết nạp đảng viên mới", "Đảng viên", 2, "2", None, None],
    [2, None, "Thu quỹ đảng", "Nghìn đồng", "12,5a", 3, None, None],
    [3, LE_LOI, "Kết nạp đảng viên mới", "Đảng viên", 1, 0, None, "Đơn vị ghi rõ"],
    [None] * 8,
    ["Tổng cộng", None, None, None, None, None, None, None],
    [None, None, None, None, None, "Người lập biểu", None, None],
]

RECORDS = [
    {"unit": "Đảng bộ phường An Lạc", "year": 2026, "indicator": "Kết nạp đảng viên mới", "measure_unit": "Đảng viên",
     "target": 12.0, "actual": 5.0, "measured_on": "2026-06-30", "note": None},
    {"unit": "Đảng bộ phường An Lạc", "year": 2026, "indicator": "Thu ngân sách trên địa bàn",
     "measure_unit": "Triệu đồng", "target": 1250.0, "actual": 612.5, "measured_on": "2026-06-30",
     "note": "Lũy kế 6 tháng"},
    {"unit": "Đảng bộ phường An Lạc", "year": 2026, "indicator": "Tỷ lệ hộ nghèo giảm", "measure_unit": "%",
     "target": 95.0, "actual": None, "measured_on": None, "note": None},
    {"unit": "Chi bộ Khu phố 3", "year": 2026, "indicator": "Kết nạp đảng viên mới", "measure_unit": "Đảng viên",
     "target": 2.0, "actual": 2.0, "measured_on": None, "note": None},
    {"unit": LE_LOI, "year": 2026, "indicator": "Kết nạp đảng viên mới", "measure_unit": "Đảng viên",
     "target": 1.0, "actual": 0.0, "measured_on": None, "note": "Đơn vị ghi rõ"},
]
BAD_CELL = "E14"


def write_targets_workbook(path, body=None, title="BẢNG CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026",
                           year_header="Năm 2026"):
    """Write the office sheet to `path`; `body` replaces the data rows (8 columns, from row 8)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet["A1"], sheet["E1"] = "ĐẢNG BỘ TỈNH GIA LAI", "ĐẢNG CỘNG SẢN VIỆT NAM"
    sheet["A2"], sheet["E2"] = "THỊ ỦY AN KHÊ", "An Khê, ngày 05 tháng 01 năm 2026"
    sheet["A4"] = title
    sheet.merge_cells("A4:H4")
    for letter, label in zip("ABCDEFGH", ("STT", "Đơn vị (tổ chức đảng)", "Chỉ tiêu", "ĐVT", year_header, None,
                                          "Ngày cập nhật", "Ghi chú")):
        if label:
            sheet[f"{letter}6"] = label
        if letter not in "EF":
            sheet.merge_cells(f"{letter}6:{letter}7")
    sheet.merge_cells("E6:F6")
    sheet["E7"], sheet["F7"] = "Kế hoạch", "Thực hiện"
    for offset, row in enumerate(BODY if body is None else body):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=8 + offset, column=column, value=value)
    workbook.save(path)
    return path
