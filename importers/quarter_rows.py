"""Month numbers grouped by quarter (or half-year) on a header row of their own, between the label saying they
count months and the numbers: 'Tháng sinh hoạt chi bộ năm 2024' ('Năm 2024', 'Tháng') merged over 'Quý I' |
'Quý II' | … each merged over its months' numbers 1 | 2 | 3 | 4 …. The quarter row says nothing the numbers do
not: it is seen through, and the numbers read as months under the label above it (``importers.month_numbers``),
provided every number under a quarter is one of that quarter's months. 'Quý II' over 1 | 2 | 3 numbers the
quarter's own months, and such a header gives no months. A subtotal column after a quarter ('Cộng', 'Tổng')
stands in the quarter row (merged down over the numbers) or under the quarter, and is no month."""

from typing import Any

from .month_numbers import month_number, months_under, names_months
from .normalising import clean_text, fold, is_blank
from .period_labels import is_subtotal_label, period_months

MIN_PERIODS = 2


def _carried(row: list[Any]) -> list[str]:
    """Each text label of a row carried right across the blank cells after it (a label merged over them)."""
    out, carried = [], ""
    for cell in row:
        carried = (clean_text(cell) or "" if isinstance(cell, str) else "") or carried
        out.append(carried)
    return out


def _own(row: list[Any], upper: list[Any]) -> list[tuple[int, Any]]:
    """The filled cells of a row, labels merged down from the row above aside."""
    return [(index, cell) for index, cell in enumerate(row)
            if not is_blank(cell) and not (index < len(upper) and cell == upper[index])]


def is_period_row(row: list[Any], upper: list[Any]) -> bool:
    """Quarter or half-year labels, two or more and each once (subtotal labels between them), every one under a
    label of `upper` that counts months ('Tháng …') or names a year ('Năm 2024')."""
    own = _own(row, upper)
    periods = [(index, cell) for index, cell in own if period_months(cell)]
    if len(periods) < MIN_PERIODS or any(not period_months(cell) and not is_subtotal_label(cell) for _, cell in own):
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


def seen_through(header: list[list[Any]]) -> list[list[Any]]:
    """The header rows as month numbers see them: a period row between their label and them left out."""
    kept = header[:1]
    for index in range(1, len(header)):
        if index + 1 < len(header) and is_quarter_header(header[index - 1], header[index], header[index + 1]):
            continue
        kept.append(header[index])
    return kept
