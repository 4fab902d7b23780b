"""Errors raised for files that cannot be imported at all (row problems are data, never raised)."""

PASSWORD_PROTECTED = "Tệp được đặt mật khẩu, hãy gỡ mật khẩu rồi tải lên lại."
UNKNOWN_FORMAT = "Không đọc được tệp: định dạng không được hỗ trợ hoặc tệp bị hỏng."
UNCACHED_FORMULAS = ("Trang «{sheet}»: ô {cells} là công thức chưa có giá trị đã tính (tệp do phần mềm ghi ra mà "
                     "không tính công thức) — mở tệp bằng Excel hoặc LibreOffice và lưu lại rồi nhập lại.")
CORRUPT_FILE = "Tệp bị hỏng hoặc không đúng định dạng bảng tính, không thể đọc được."
FILE_NOT_FOUND = "Không tìm thấy tệp '{name}'."
EMPTY_FILE = "Tệp rỗng, không có dữ liệu."
NO_TABLE = "Không tìm thấy bảng dữ liệu (dòng tiêu đề như 'Họ và tên' hoặc 'Chỉ tiêu') trong tệp."
SHEET_NOT_FOUND = "Không tìm thấy trang tính '{name}' trong tệp."
TOO_LARGE = "Tệp quá lớn ({size} MB), giới hạn là {limit} MB."
ZIP_BOMB = "Tệp nén giải nén ra quá lớn (trên {limit} MB), có thể là tệp độc hại; không thể nhập."
TOO_MANY_ROWS = "Trang tính '{sheet}' có quá nhiều dòng ({rows}), giới hạn là {limit}."
TOO_MANY_COLS = "Trang tính '{sheet}' có quá nhiều cột ({cols}), giới hạn là {limit}."
TOO_SLOW = "Đọc tệp mất quá nhiều thời gian (quá {limit} giây), đã dừng."
UNKNOWN_KIND = "Loại dữ liệu '{kind}' không được hỗ trợ (chỉ có roster, attendance hoặc targets)."
UNDATED_MEETINGS = ("Trang «{sheet}»: các cột {labels} đánh số buổi sinh hoạt trong tháng nhưng không ghi ngày họp "
                    "— không biết ngày của từng buổi nên chưa nhập; hãy ghi ngày vào tiêu đề cột (ví dụ «Lần 1 "
                    "(06/01)») rồi nhập lại.")
DAYS_WITHOUT_YEAR = ("Trang «{sheet}»: các ô {cells} ghi ngày họp dưới tên tháng nhưng không biết năm (tiêu đề, tên "
                     "trang và dòng tiêu đề cột đều không ghi năm) — chưa nhập để khỏi đoán sai; hãy ghi năm vào "
                     "tiêu đề (ví dụ «… NĂM 2024») hoặc chọn năm rồi nhập lại.")
NO_SUCH_DAY = ("Trang «{sheet}»: ô {cell} ghi ngày {day} dưới tháng {month}/{year}, nhưng tháng này không có ngày đó — "
               "hãy sửa ngày họp trong ô này rồi nhập lại.")
MONTH_OVER_UNDATED = ("Trang «{sheet}»: tháng {spans} gộp trên nhiều cột có đánh dấu nhưng không ghi ngày của từng "
                      "buổi — không biết ngày họp của các cột sau cột đầu nên chưa nhập; hãy ghi ngày họp dưới tên "
                      "tháng (ví dụ «3 | 18») rồi nhập lại.")
MONTH_OUTSIDE_PERIOD = ("Trang «{sheet}»: {cells} — tháng của cột không thuộc quý (hoặc nửa năm) ghi trên nó, dòng "
                        "tiêu đề không khớp nên không biết tháng đúng của cột; chưa nhập, hãy sửa tiêu đề cột rồi "
                        "nhập lại.")
MONTH_CLASH = ("Trang «{sheet}»: {cells} — tiêu đề cột ghi kỳ họp của một tháng (hoặc một quý) "
               "nhưng ngày họp không thuộc tháng (quý) đó, "
               "không biết ngày nào đúng; chưa nhập, hãy sửa tiêu đề cột rồi nhập lại.")
UNEXPECTED = "Không thể nhập tệp do lỗi không mong muốn: {detail}"


class ImportFileError(Exception):
    """A file that cannot be imported at all; `.message` is a Vietnamese sentence for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
