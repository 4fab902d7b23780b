"""Workbooks the officer downloads: failed rows to fix and re-import, blank templates with an example row."""
import io

# openpyxl is imported where a workbook is built, not at the app's start-up (every process would load it).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

TEMPLATES = {
    "roster": (["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn",
                "Đơn vị phụ trách", "Số điện thoại"],
               [1, "Nguyễn Văn An", "15/03/1975", "Phó Chủ tịch UBND thị xã", "Đoàn công tác số 1", "Trưởng đoàn",
                "Đảng bộ phường Bắc Hồng", "0912345678"]),
    "attendance": (["STT", "Họ và tên", "Chi bộ", "Ngày sinh hoạt", "Điểm danh", "Ghi chú"],
                   [1, "Trần Thị Bình", "Chi bộ Tổ dân phố 1", "05/01/2025", "x", ""]),
    "targets": (["STT", "Đơn vị (tổ chức đảng)", "Chỉ tiêu", "Đơn vị tính", "Năm", "Kế hoạch", "Thực hiện (lũy kế)",
                 "Ngày cập nhật", "Ghi chú"],
                [1, "Đảng bộ phường Bắc Hồng", "Kết nạp đảng viên mới", "Đảng viên", 2026, "12", "5", "30/06/2026",
                 ""]),
}
SHEET_TITLES = {"roster": "Danh sách", "attendance": "Điểm danh", "targets": "Chỉ tiêu"}
WIDTHS = {"roster": (6, 28, 14, 30, 22, 20, 30, 16), "attendance": (6, 28, 30, 16, 12, 30),
          "targets": (6, 30, 40, 14, 8, 12, 16, 14, 30)}
LEGEND = "Ghi chú: x = có mặt; P = vắng có phép; K = vắng không phép; M = đi muộn"


def safe(value):
    """A cell value that Excel will never run as a formula (file cells are hostile input)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def failed_rows(grid: list[list], header_row: int, rows: list[dict]) -> bytes:
    """The header row and every failed row as in the file, with the reason in a last column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Dòng lỗi"
    header = grid[header_row - 1] if 0 < header_row <= len(grid) else []
    sheet.append([safe(v) for v in header] + ["Dòng trong tệp gốc", "Lỗi"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for item in rows:
        if item["outcome"] != "failed":
            continue
        cells = grid[item["row"] - 1] if item["row"] - 1 < len(grid) else []
        padded = list(cells) + [None] * (len(header) - len(cells))
        sheet.append([safe(v) for v in padded] + [item["row"], safe(item["reason"])])
    return _save(workbook)


def blank_template(kind: str) -> bytes:
    """An empty import file of a kind: header row, one example row (and the marks legend for attendance)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    headers, example = TEMPLATES[kind]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLES[kind]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(example)
    if kind == "attendance":
        sheet.append([])
        sheet.append([LEGEND])
    for column, width in zip("ABCDEFGHI", WIDTHS[kind]):
        sheet.column_dimensions[column].width = width
    return _save(workbook)
