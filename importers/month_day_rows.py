"""A row of meeting days under a row of month numbers: 'Tháng' (or 'Năm 2025') merged over 1 | 2 | … | 12, and under
each number the day the cell met that month ('07' | '04' | …). Each month column is then that day of that month,
not the 1st: the column is labelled with its day under the month written out ('Tháng 1', 'Tháng 1/2025'), as a
register whose header says 'Tháng 1' over '07' is, and ``importers.month_days`` dates it.

The day row belongs to the header only when every own cell under a month number is a day of the month (1..31, as a
number or as text: '07', 'ngày 07', '(7)', '7/1', ``importers.day_texts``), two or more of them, and every other
own cell stands under a subtotal block ('Cộng' over 'Có mặt | Vắng P | Vắng K'). A month number left without a day
on such a row is no meeting on the 1st: when its column holds marks, the file is refused with the cell named
(``refuse_missing_days``); so is a day/month naming another month than the one above it ('4/1' under 2)."""

from typing import Any

from .day_texts import day_row_label, day_text
from .errors import ImportFileError
from .mapping import column_letter
from .month_numbers import months_under
from .normalising import clean_text, is_blank
from .period_labels import is_subtotal_label
from .quarter_rows import seen_through
from .results import Table
from .validating import cell_ref

MIN_DAYS = 2


def _carried(row: list[Any]) -> list[str]:
    """Each text label carried right across the blank cells after it (a header cell merged over several columns)."""
    out, carried = [], ""
    for cell in row:
        carried = (clean_text(cell) or "") if isinstance(cell, str) and cell.strip() else carried
        out.append(carried)
    return out


def days_under_months(row: list[Any], months: dict[int, Any], above: list[list[Any]]) -> dict[int, int]:
    """Column -> day of a row of meeting days under month-number columns `months` (column -> month); {} unless the
    row is one: a day under most months, two at least, its other own cells (labels merged down aside, and one
    naming the row left of the months: 'Ngày SH:') under a subtotal label in a header row `above` it."""
    subtotal = [any(is_subtotal_label(label) for label in column)
                for column in zip(*(_carried(upper) + [""] * (len(row) - len(upper)) for upper in above))] \
        if above else []
    merged_down = above[-1] if above else []
    label = day_row_label(row, list(months), merged_down)
    days = {}
    for col, cell in enumerate(row):
        if is_blank(cell) or col == label or (col not in months and col < len(merged_down)
                                              and cell == merged_down[col]):
            continue  # a day may equal its month's number (9 under 9); a label merged down or naming the row aside
        if col in months:
            day = day_text(cell)
            if day is None:
                return {}
            days[col] = day[0]
        elif not (col < len(subtotal) and subtotal[col]):
            return {}
    return days if len(days) >= MIN_DAYS and 2 * len(days) > len(months) else {}


def month_days_row(header: list[list[Any]]) -> tuple[dict[int, tuple[int, int | None]], dict[int, int]]:
    """(column -> (month, year or None), column -> day) when the last row of `header` (a quarter row between the
    months and their label already seen through) is a row of days under a row of month numbers; ({}, {}) else."""
    if len(header) < 3:
        return {}, {}
    months = months_under(header[-2], header[-3], _carried(header[-3]))
    days = days_under_months(header[-1], months, header[:-1]) if months else {}
    return (months, days) if days else ({}, {})


def label_month_days(days: dict[int, int], months: dict[int, tuple[int, int | None]], labels: list[str],
                     parents: list[str]) -> None:
    """Label each month column that has a day under it with that day, under its month written out ('Tháng 1',
    'Tháng 1/2025' when the month's year is known)."""
    for col, day in days.items():
        month, year = months[col]
        labels[col] = str(day)
        parents[col] = f"Tháng {month}/{year}" if year else f"Tháng {month}"


OTHER_MONTH_DAY = ("Trang «{sheet}»: ô {cell} ghi ngày họp «{text}» (tháng {stated}) dưới cột tháng {month} — không "
                   "biết ngày nào đúng nên chưa nhập; hãy sửa ô này rồi nhập lại.")
MISSING_DAY = ("Trang «{sheet}»: hàng ngày họp dưới các tháng để trống ô {cells} (tháng {months}) trong khi cột có "
               "điểm danh — không biết ngày họp của tháng đó; xin ghi ngày vào ô này rồi nhập lại")


def refuse_missing_days(table: Table, rows: list[list[Any]], sheet: str | None) -> None:
    """Refuse a register whose row of days leaves a month blank while that month's column holds marks, or names
    another month in a day/month."""
    header = [rows[row] for row in table.header_rows if row < len(rows)]
    months, days = month_days_row(seen_through(header))
    for col in days:
        text = header[-1][col]
        stated = day_text(text)[1]
        if stated is not None and stated != months[col][0]:
            raise ImportFileError(OTHER_MONTH_DAY.format(
                sheet=sheet, cell=cell_ref(None, table.header_rows[-1] + 1, column_letter(col)), text=text,
                stated=stated, month=months[col][0]))
    body = rows[table.body_start:table.body_end]
    missing = [col for col in months if col not in days
               and any(col < len(row) and not is_blank(row[col]) for row in body)]
    if missing:
        raise ImportFileError(MISSING_DAY.format(
            sheet=sheet, cells=", ".join(cell_ref(None, table.header_rows[-1] + 1, column_letter(col))
                                         for col in missing),
            months=", ".join(str(months[col][0]) for col in missing)))
