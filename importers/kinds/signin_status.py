"""The status of each row of a sign-in sheet (``importers.sign_marks``): the sign cell read with the remark beside
it, as such sheets' notes explain ('"(đã ký)" = có mặt; có ký nhưng ghi "Đến muộn" = đi muộn; "Vắng có phép (…)"
= vắng có lý do').

A signed row is present, or late when its remark opens with lateness; a signed row whose remark says an absence is
refused, naming both cells. An unsigned row takes its status from its remark; an unsigned row without a remark, or
with a remark that says no status, is refused naming the sign cell: nobody's status is guessed. The statuses are
put in a column of their own that stands where the sign column is, so that what is refused names its cell."""

import pandas as pd

from ..errors import ImportFileError
from ..normalising import clean_text, is_blank
from ..results import Column
from ..sign_marks import is_sign_header, is_signed
from ..status_phrases import EXEMPT, Refused, read_status
from .attendance_values import reason_column
from .late_notes import says_late

SIGNIN_STATUS_COLUMN = -102  # frame label of the statuses read from the sign and remark cells
WORDS = {"present": "Có mặt", "late": "Đến muộn", "excused": "Vắng có phép", "absent": "Vắng không phép",
         EXEMPT: "Miễn sinh hoạt"}
NOTHING = "(trống)"
UNSIGNED_BLANK = ("không ký tên và không có ghi chú: không biết có mặt hay vắng — xin ghi rõ ở cột {remark} "
                  "(«Vắng có phép …», «Vắng không lý do» …) rồi nhập lại")
UNSIGNED_UNREAD = ("không ký tên, và ghi chú ở cột {remark} không nói rõ vắng có phép, vắng không phép hay đến muộn; "
                   "xin sửa rồi nhập lại")
SIGNED_ABSENT = "có ký tên nhưng ghi chú ở cột {remark} ghi vắng: hai ô mâu thuẫn, xin kiểm tra"
NOT_A_SIGNATURE = "ô ký tên không ghi chữ ký («(đã ký)», «Đã ký»): không đọc được"
READ_SO = ("Trang không có cột điểm danh: trạng thái được đọc từ cột {sign} (có chữ ký = có mặt; có ký nhưng ghi "
           "«Đến muộn» = đến muộn) và ghi chú ở cột {remark} (không ký: theo ghi chú).")
NO_REMARK = ("Trang «{sheet}» là danh sách ký tên (cột {sign}) nhưng không có cột ghi chú cho biết người không ký vắng "
             "có phép hay không phép: không nhập để khỏi đoán — xin thêm cột «Ghi chú» rồi nhập lại.")


def _named(column: Column) -> str:
    return f"{column.letter} «{column.header}»"


def sign_column(columns: list[Column], frame: pd.DataFrame) -> Column | None:
    """The column members sign in, when no field claims it and it holds signatures."""
    for column in columns:
        if column.field is None and not column.month and column.index in frame.columns \
                and is_sign_header(column.header) and any(is_signed(v) for v in frame[column.index]):
            return column
    return None


def _remark_column(columns: list[Column], frame: pd.DataFrame, sign: Column) -> Column | None:
    found = reason_column(columns, frame)
    return found or next((column for column in columns if column.field == "note" and not column.month
                          and column.index in frame.columns and column is not sign), None)


def row_status(sign, remark, marks: dict, remark_name: str):
    """The status word of one row, or a Refused cell saying why it has none."""
    shown = f"{clean_text(sign) or NOTHING} / {clean_text(remark) or NOTHING}"
    if not is_blank(sign) and not is_signed(sign):
        return Refused(shown, NOT_A_SIGNATURE)
    said = None if is_blank(remark) else read_status(remark, marks).status
    if is_signed(sign):
        if is_blank(remark) or says_late(remark):
            return WORDS["late" if says_late(remark) else "present"]
        if said in ("excused", "absent", EXEMPT):
            return Refused(shown, SIGNED_ABSENT.format(remark=remark_name))
        return WORDS["late" if said == "late" else "present"]
    if is_blank(remark):
        return Refused(shown, UNSIGNED_BLANK.format(remark=remark_name))
    return WORDS[said] if said else Refused(shown, UNSIGNED_UNREAD.format(remark=remark_name))


def status_from_signatures(frame: pd.DataFrame, columns: list[Column], by_field: dict,
                           context) -> tuple[pd.DataFrame, dict]:
    """A register without a status column but with a sign column: the statuses read from the sign and remark
    cells, as a status column standing where the sign column is; unchanged otherwise."""
    if "status" in by_field:
        return frame, by_field
    sign = sign_column(columns, frame)
    if sign is None:
        return frame, by_field
    remark = _remark_column(columns, frame, sign)
    if remark is None:
        raise ImportFileError(NO_REMARK.format(sheet=context.issues.sheet, sign=_named(sign)))
    marks = getattr(context, "marks", None) or {}
    frame = frame.copy(deep=False)
    frame[SIGNIN_STATUS_COLUMN] = [row_status(s, r, marks, _named(remark))
                                   for s, r in zip(frame[sign.index], frame[remark.index])]
    context.issues.warning(None, sign.letter, "status", None, READ_SO.format(sign=_named(sign),
                                                                            remark=_named(remark)))
    return frame, {**by_field, "status": Column(index=SIGNIN_STATUS_COLUMN, letter=sign.letter, header=sign.header,
                                                field="status")}
