"""A register kept as one pair of sub-columns per month: 'Tháng 7' merged over 'Ngày | KQ' ('Ngày họp', 'Ngày SH' |
'Kết quả', 'Tình hình', 'Điểm danh', in either order; two pairs under a month for two meetings; a 'Ghi chú'
sub-column beside them left to the note field), each row giving the day the person's chi bộ met that month (5,
'ngày 5', '5/7', or the full date) and the result mark. The members follow different chi bộ, so the day differs
from row to row: each (row, month) is one record, dated that day of that month in the year the month label or the
title states, its status the mark read through the legend.

Before the kind is detected each result sub-column takes its month as its label and the day sub-column beside it
is consumed (``Table.day_pairs``): the sheet is a month register, whatever roster-looking columns ('Đoàn', 'Chi bộ
được phân công') stand on its left, and its marks are read as any month register's.

Never a guess: a mark with no day beside it, a day the month does not have (31 under 'Tháng 11'), a day/month of
another month, or a day cell holding no date refuses that record, naming the day's cell; a full date in the month
beside its column's (a meeting put off) is read as written, with a warning naming the cell, one further off (a
wrong year, a day typed into a date-formatted cell: 20/01/1900) is refused. A day with no mark is no record. A month
whose day sub-column pairs with no result ('Ngày | Nội dung') beside months that pair refuses the file, naming it;
when no month pairs, the header is left as it was."""

import calendar
import datetime as dt

import numpy as np

from .date_words import read_meeting_date
from .day_texts import day_text
from .errors import ImportFileError
from .kinds import attendance
from .mapping import column_letter, match_field
from .month_flags import month_groups
from .normalising import fold, is_blank, mark_key
from .results import Table

SHORT_RESULT = {"kq"}  # 'KQ', the usual short form of 'Kết quả'
DAY_LABEL = "ngày sinh hoạt"
UNPAIRED = ("Trang «{sheet}»: các tháng ghi từng cặp cột «Ngày | Kết quả», nhưng {months} có cột ngày mà không có "
            "đúng một cột kết quả bên cạnh: không biết ô nào ghi kết quả của buổi họp. Xin sửa tiêu đề các cột "
            "của tháng đó cho giống các tháng khác rồi nhập lại.")
NO_DAY = "Ô ngày họp để trống mà ô {cell} ghi «{mark}»: không biết chi bộ họp ngày nào, chưa nhập"
NO_SUCH_DAY = "tháng {month}/{year} không có ngày {day}, chưa nhập"
OTHER_MONTH = "là ngày của tháng {stated}, nhưng ô nằm dưới «{label}» (tháng {month}): chưa nhập, xin ghi lại cho đúng"
NOT_A_DAY = "không phải ngày chi bộ họp trong tháng (số 1–31 hoặc ngày/tháng/năm), chưa nhập"
FAR_DATE = "không thuộc «{label}» ({month}/{year}) cũng không ở tháng liền kề: chưa nhập, xin ghi lại cho đúng"
NEAR = dt.timedelta(days=31)  # a meeting put off (or held early) into the month beside its own
DATE_ELSEWHERE = ("ngày {date:%d/%m/%Y} không thuộc «{label}» ({month}/{year}): đã lấy theo ngày ghi trong ô, xin "
                  "kiểm tra")


def _is_day(label: str) -> bool:
    return match_field(label, attendance.FIELDS) == "date"


def _is_result(label: str) -> bool:
    return fold(label) in SHORT_RESULT or match_field(label, attendance.FIELDS) == "status"


def _pairs(table: Table, group: list[int]) -> list[tuple[int, int]] | None:
    """(day column, result column) of each pair of a month's sub-columns (a note sub-column beside them aside),
    when they are all such pairs, in one order; None otherwise."""
    group = [index for index in group if match_field(table.labels[index], attendance.FIELDS) != "note"]
    if not group or len(group) % 2:
        return None
    found = []
    for first, second in zip(group[::2], group[1::2]):
        one, other = table.labels[first], table.labels[second]
        if _is_day(one) and _is_result(other):
            found.append((first, second))
        elif _is_result(one) and _is_day(other):
            found.append((second, first))
        else:
            return None
    if len({day < result for day, result in found}) > 1:
        return None
    return found


def pair_month_days(table: Table) -> int:
    """Give each month's result sub-column its month as label and note its day sub-column in `table.day_pairs`
    (see the module docstring); returns how many pairs were found. A month whose day sub-column pairs with no
    result beside months that pair refuses the file, naming it; with no month pairing the header is left as it
    was."""
    found, unpaired = [], []
    for group in month_groups(table):
        labels = [table.labels[index] for index in group]
        if not any(_is_day(label) for label in labels):
            continue
        pairs = _pairs(table, group)
        if pairs is None:
            unpaired.append(group)
            continue
        found += pairs
    if found and unpaired:
        months = ", ".join(f"«{table.parents[group[0]]}» (cột {column_letter(group[0])}–{column_letter(group[-1])})"
                           for group in unpaired)
        raise ImportFileError(UNPAIRED.format(sheet=table.sheet, months=months))
    for day, result in found:
        if not table.dates or not table.dates[result]:
            table.labels[result] = table.parents[result]
        table.day_pairs[result] = day
        table.consumed.add(day)
    return len(found)


def unmap_day_columns(columns, table: Table) -> None:
    """The day sub-columns give no field of their own: their days are read with their month's marks."""
    for column in columns:
        if column.index in table.day_pairs.values():
            column.field = None


def date_pairs(frame, months, dates: list[str], marks: np.ndarray, cell_dates: np.ndarray, context) -> set[int]:
    """Date each marked cell of a paired month column (`marks`, `cell_dates` row-major over `months`, `dates` the
    1st of each month) by the day written beside it; returns the positions refused (their errors said here)."""
    pairs = getattr(context, "day_pairs", None) or {}
    not_due = getattr(context, "not_due", None) or {}  # "CĐ = chuyển đi (không điểm danh)": no record, no day asked
    refused = set()
    n_months = len(months)
    rows = frame.index.to_numpy()
    for m, column in enumerate(months):
        day_index = pairs.get(column.index)
        if day_index is None or day_index not in frame.columns:
            continue
        year, month = int(dates[m][:4]), int(dates[m][5:7])
        letter = column_letter(day_index)
        for r, value in enumerate(frame[day_index].to_numpy(dtype=object)):
            position = r * n_months + m
            if is_blank(marks[position]) or mark_key(marks[position]) in not_due:
                continue
            if is_blank(value):  # never the 1st, never a neighbour's day
                context.issues.error(int(rows[r]), letter, "date", None, NO_DAY.format(
                    cell=f"{column.letter}{int(rows[r])}", mark=str(marks[position]).strip()))
                refused.add(position)
                continue
            date, problem = _day_date(value, year, month, column.header, context)
            if problem:
                context.issues.cell_problem("error", int(rows[r]), letter, "date", DAY_LABEL, value, problem)
                refused.add(position)
                continue
            if (date.year, date.month) != (year, month):
                context.issues.cell_problem("warning", int(rows[r]), letter, "date", DAY_LABEL, value,
                                            DATE_ELSEWHERE.format(date=date, label=column.header, month=month,
                                                                  year=year))
            cell_dates[position] = date.isoformat()
    return refused


def _day_date(value, year: int, month: int, label: str, context) -> tuple[dt.date | None, str | None]:
    """The meeting's date a filled day cell gives under its month, or the problem."""
    found = day_text(value)
    if found:
        day, stated = found
        if stated is not None and stated != month:
            return None, OTHER_MONTH.format(stated=stated, label=label, month=month)
        if day > calendar.monthrange(year, month)[1]:
            return None, NO_SUCH_DAY.format(month=month, year=year, day=day)
        return dt.date(year, month, day), None
    if isinstance(value, (int, float)) or not hasattr(value, "year") and not isinstance(value, str):
        return None, NOT_A_DAY
    read = read_meeting_date(value, getattr(context, "epoch_1904", False), None)
    if read.date is None:
        return None, NOT_A_DAY
    first = dt.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    if not first - NEAR <= read.date <= last + NEAR:  # no meeting moved a month on: a wrong year, a day typed as date
        return None, FAR_DATE.format(label=label, month=month, year=year)
    return read.date, None
