"""Blank cells a legend gives a status ("để trống = vắng không phép", ``importers.legend_rules``): in a wide
register the blanks of the meetings held, for the people marked at some meeting; in a one-row-per-meeting register
the blank statuses of dated rows. Without such a legend a blank stays no record; a reading is always a warning."""

import numpy as np
import pandas as pd

from ..status_phrases import STATUSES
from .attendance_values import STATUS_WORDS

BLANK = -1  # the status code of a blank cell (``attendance_records``)
NOTE = -3  # the status code of a cell of a note merged across meetings (``merged_notes``): no record, no blank
BLANKS_READ = ("{count} ô trống được ghi là {status}, theo ghi chú của tệp; cột chưa có điểm danh nào và dòng "
               "không có ô nào được đánh dấu không được tính")


def blanks_by_legend(codes: np.ndarray, n_months: int, months, context) -> np.ndarray:
    """Blank cells given the status the legend gives them ("để trống = vắng không phép"), in the columns of the
    meetings held (a column with some mark) and the rows of people marked at some meeting (a row without any mark
    is someone not yet or no longer in the chi bộ, reported as unmarked); without such a legend a blank stays no
    record."""
    status = (getattr(context, "cells", None) or {}).get("blank")
    if status is None or codes.size == 0:
        return codes
    grid = codes.reshape(-1, n_months).copy()
    marked = (grid != BLANK) & (grid != NOTE)
    blank = (grid == BLANK) & marked.any(axis=0) & marked.any(axis=1)[:, None]
    if blank.any():
        grid[blank] = STATUSES.index(status)
        context.issues.warning(None, None, "status", None, f"Các cột {months[0].letter}–{months[-1].letter}: "
                               + BLANKS_READ.format(count=int(blank.sum()), status=STATUS_WORDS[status]))
    return grid.ravel()


LONG_BLANKS_READ = "{count} ô trống ở các dòng có ngày sinh hoạt được ghi là {status}, theo ghi chú của tệp"


def long_blanks(statuses: list, readings: list, dates: pd.Series, column, context) -> list:
    """A one-row-per-meeting register: a blank status on a dated row takes the status the legend gives blanks, when
    some row of the column is marked; without such a legend it stays no record."""
    status = (getattr(context, "cells", None) or {}).get("blank")
    if status is None or all(value is None for value in statuses):
        return statuses
    blank = [i for i, (value, reading, date) in enumerate(zip(statuses, readings, dates))
             if value is None and reading.problem is None and date is not None and not pd.isna(date)]
    if not blank:
        return statuses
    statuses = list(statuses)
    for i in blank:
        statuses[i] = status
    context.issues.warning(None, column.letter, "status", None, f"Cột {column.letter} «{column.header}»: "
                           + LONG_BLANKS_READ.format(count=len(blank), status=STATUS_WORDS[status]))
    return statuses
