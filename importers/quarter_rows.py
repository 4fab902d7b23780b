"""Month numbers grouped by quarter (or half-year) on a header row of their own, between the label saying they
count months and the numbers: 'Tháng sinh hoạt chi bộ năm 2024' ('Năm 2024', 'Tháng') merged over 'Quý I' |
'Quý II' | … each merged over its months' numbers 1 | 2 | 3 | 4 …. The quarter row says nothing the numbers do
not: it is seen through, and the numbers read as months under the label above it (``importers.month_numbers``),
provided every number under a quarter is one of that quarter's months. 'Quý II' over 1 | 2 | 3 numbers the
quarter's own months, and such a header gives no months. A subtotal column after a quarter ('Cộng', 'Tổng')
stands in the quarter row (merged down over the numbers) or under the quarter, and is no month. Month labels
under the quarters ('T1' … 'T6') make the third header row too; their year is the one merged over the quarters
(``importers.header_periods``)."""

from typing import Any

from .month_numbers import header_text, month_number, months_under, names_months
from .normalising import fold, is_blank, month_of_header
from .period_labels import is_subtotal_label, period_months

MIN_PERIODS = 2


def _carried(row: list[Any]) -> list[str]:
    """Each text label of a row carried right across the blank cells after it (a label merged over them); a year
    typed as a number (2026) is the label '2026'."""
    out, carried = [], ""
    for cell in row:
        carried = header_text(cell) or carried
        out.append(carried)
    return out


def _own(row: list[Any], upper: list[Any]) -> list[tuple[int, Any]]:
    """The filled cells of a row, labels merged down from the row above aside."""
    return [(index, cell) for index, cell in enumerate(row)
            if not is_blank(cell) and not (index < len(upper) and cell == upper[index])]


def is_period_row(row: list[Any], upper: list[Any], least: int = MIN_PERIODS) -> bool:
    """Quarter or half-year labels, two (`least`) or more and each once (subtotal labels between them), every one
    under a label of `upper` that counts months ('Tháng …') or names a year ('Năm 2024')."""
    own = _own(row, upper)
    periods = [(index, cell) for index, cell in own if period_months(cell)]
    if len(periods) < least or any(not period_months(cell) and not is_subtotal_label(cell) for _, cell in own):
        return False
    if len({fold(cell) for _, cell in periods}) != len(periods):
        return False
    carried = _carried(upper)
    return all(index < len(carried) and names_months(carried[index]) for index, _ in periods)


def numbers_fit(row: list[Any], periods: list[Any]) -> bool:
    """Every own cell of `row` under the period row is a month number of the period over it, or a subtotal label."""
    carried = _carried(periods)
    numbers = [(index, month_number(cell)) for index, cell in _own(row, periods) if not is_subtotal_label(cell)]
    return bool(numbers) and all(number and index < len(carried) and number in (period_months(carried[index]) or ())
                                 for index, number in numbers)


def is_quarter_header(upper: list[Any], periods: list[Any], numbers: list[Any]) -> bool:
    """`periods` is a period row under `upper`, and `numbers` its months, read as months under `upper`."""
    return is_period_row(periods, upper) and numbers_fit(numbers, periods) \
        and bool(months_under(numbers, upper, _carried(upper)))


def month_labels_fit(row: list[Any], periods: list[Any]) -> bool:
    """Every own cell of `row` under the period row is a month label ('T1', 'Tháng 1', 'Th1') under a period, or a
    subtotal label; two or more months. Whether each month is its period's is checked once the table is found, so
    that a header saying otherwise is refused by name (``importers.header_periods``)."""
    carried = _carried(periods)
    months = [(index, cell) for index, cell in _own(row, periods) if not is_subtotal_label(cell)]
    return len(months) >= MIN_PERIODS and all(
        isinstance(cell, str) and month_of_header(cell) and index < len(carried) and carried[index]
        for index, cell in months)


def is_quarter_months_header(upper: list[Any], periods: list[Any], months: list[Any]) -> bool:
    """`periods` is a period row under `upper` ('Năm 2026' over 'Quý I' | 'Quý II'), and `months` the month labels
    under it ('T1' … 'T6'): three header rows even where nothing is merged down beside them (a CSV export). The
    month labels are evidence enough for one period alone ('6 tháng đầu năm' over 'T1' … 'T6')."""
    return is_period_row(periods, upper, least=1) and month_labels_fit(months, periods)


def seen_through(header: list[list[Any]]) -> list[list[Any]]:
    """The header rows as month numbers see them: a period row between their label and them left out."""
    kept = header[:1]
    for index in range(1, len(header)):
        if index + 1 < len(header) and is_quarter_header(header[index - 1], header[index], header[index + 1]):
            continue
        kept.append(header[index])
    return kept
