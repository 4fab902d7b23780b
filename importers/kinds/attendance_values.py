"""Reading attendance values once per distinct cell: statuses (marks or phrases), meeting dates in words, the
year of each month column, and "Không" answers completed by a reason column. Doubts become warnings that name
the column (and the cell, when the doubt is about one cell)."""

import datetime as dt

import numpy as np
import pandas as pd

from ..clock_words import clock_time
from ..date_words import (
    MeetingDate,
    month_and_year,
    read_meeting_date,
    read_meeting_month,
    read_named_meeting,
    without_remark,
)
from ..lateness_rules import is_late, on_time_until
from ..moved_meetings import UNCLEAR_VALUE, unclear_move
from ..normalising import DEFAULT_MARKS, fold, is_blank, mark_key
from ..number_marks import minutes_mark
from ..reason_notes import reason_rule_for
from ..results import Column
from ..status_phrases import (
    ABSENT_WORDS,
    CODES,
    NO_WORDS,
    UNKNOWN,
    YES_WORDS,
    Reading,
    is_reason_header,
    is_yes_header,
    notes_explain_reasons,
    read_status,
    status_of_reason,
)

NO_ANSWER_WITH_REASONS = ("ghi «{no}»: có lý do ở cột {reason} thì hiểu là vắng có phép, không có lý do là vắng "
                          "không phép; tệp không có ghi chú nói vậy, xin kiểm tra lại")
NO_ANSWER_ALONE = "ghi «{no}» mà không có cột lý do: hiểu là vắng không phép, xin kiểm tra lại"
REASON_IN_CELL = ("ghi lý do vắng trong ô (ví dụ «{example}»): hiểu là vắng có phép; tệp không có ghi chú nói "
                  "vậy, xin kiểm tra lại")
CODE_LENGTH = 3
AMBIGUOUS_MARKS = {"v"}  # a tick to some offices, "vắng" to others: flagged even without a legend
SELF_EXPLAINING = YES_WORDS | NO_WORDS | ABSENT_WORDS
UNLISTED = "ký hiệu không có trong dòng chú thích của tệp, đã hiểu theo cách ghi thường gặp: {marks}; xin kiểm tra lại"
STATUS_WORDS = {"present": "có mặt", "excused": "vắng có phép", "absent": "vắng không phép", "late": "đến muộn",
                "exempt": "miễn sinh hoạt"}
YEAR_ADDED = "có ngày không ghi năm, đã lấy năm {year} ghi trong trang"
YEAR_CONFLICT = "tiêu đề ghi năm {title} nhưng tiêu đề cột ghi năm {header}: lấy năm ở tiêu đề cột"
YEAR_TURNS = ("các cột tháng quay lại từ tháng {after} sau tháng {before} (cột {letter}) nhưng chỉ biết một năm "
              "({year}): đã xếp tất cả vào năm {year}, các tháng từ cột {letter} có thể thuộc năm sau, xin kiểm tra")


def _per_distinct(values: np.ndarray, reader) -> tuple[np.ndarray, list]:
    """Codes of each value (-1 for missing) and the reader's result per distinct value."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    return codes, [reader(value) for value in uniques]


def read_statuses(values: np.ndarray, context, place: str) -> tuple[np.ndarray, list]:
    """Per value, an index into the list of Readings of the distinct values (its last item is the blank one).
    A short mark the file's legend leaves out but the usual marks explain is read, with one warning for `place`
    (the columns it is in)."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    readings = [read_status(value, context.marks) for value in uniques]
    legend = getattr(context, "legend", None) or {}
    _refuse_number_codes(uniques, readings, legend)
    _read_times(uniques, readings, context, place)
    _read_minutes(uniques, readings, context, place)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    _read_reasons(uniques, readings, counts, context, place)
    unlisted = [(value, reading.status, count) for value, reading, count in zip(uniques, readings, counts)
                if reading.status and _is_code(value) and mark_key(value) not in legend
                and (legend or mark_key(value) in AMBIGUOUS_MARKS)]
    if unlisted:
        shown = ", ".join(f"«{_shown(value)}» ({count} ô) là {STATUS_WORDS[status]}"
                          for value, status, count in unlisted)
        context.issues.warning(None, None, "status", None, f"{place}: " + UNLISTED.format(marks=shown))
    readings.append(read_status(None, context.marks))
    return codes, readings


TIMES_UNEXPLAINED = ("các ô ghi giờ (ví dụ «{example}») được hiểu là giờ đến, tức là có mặt; tệp không có ghi "
                     "chú nói vậy, xin kiểm tra lại")
TIMES_AFTER_START = ("các ô ghi giờ sau giờ bắt đầu {start:%H:%M} mà ghi chú nêu (ví dụ «{example}») được ghi là đến "
                     "muộn; xin kiểm tra lại")


def _read_times(uniques, readings: list, context, place: str) -> None:
    """Cells holding an arrival time ('19h30', '19:25', '7h05') in place of a mark: the person came. The status is
    the one the legend gives such cells ("ghi giờ đến = có mặt"), else present with a warning for `place`; a
    present arrival after the start the notes state ("bắt đầu 19h30") is late, as for a 'Giờ đến' column
    (``arrival_times``), with a warning."""
    times = [i for i, value in enumerate(uniques) if readings[i].problem and clock_time(value) is not None]
    if not times:
        return
    rules = getattr(context, "cells", None) or {}
    start, late = on_time_until(getattr(context, "notes", None) or []), []
    for i in times:
        status = rules.get("time", "present")
        if status == "present" and start is not None and is_late(clock_time(uniques[i]), start):
            status = "late"
            late.append(i)
        readings[i] = Reading(status)
    if "time" not in rules:
        example = _shown(uniques[times[0]])
        context.issues.warning(None, None, "status", None, f"{place}: " + TIMES_UNEXPLAINED.format(example=example))
    if late:
        context.issues.warning(None, None, "status", None, f"{place}: " + TIMES_AFTER_START.format(
            start=start, example=_shown(uniques[late[0]])))


MINUTES_UNEXPLAINED = ("các ô ghi ký hiệu đến muộn kèm một số (ví dụ «{example}») được hiểu là đến muộn, số là số "
                       "phút; tệp không có ghi chú nói vậy, xin kiểm tra lại")


def _read_minutes(uniques, readings: list, context, place: str) -> None:
    """Cells holding the late mark followed by the minutes late ('M15', "M30'", "M 20'"): late. A number after any
    other mark stays a problem. Unless a legend or note line speaks of the minutes ("M kèm số phút"), one warning
    for `place`."""
    late = [i for i, value in enumerate(uniques) if readings[i].problem and _late_with_minutes(value, context.marks)]
    for i in late:
        readings[i] = Reading("late")
    if late and "minutes" not in (getattr(context, "cells", None) or {}):
        context.issues.warning(None, None, "status", None,
                               f"{place}: " + MINUTES_UNEXPLAINED.format(example=_shown(uniques[late[0]])))


REASONS_BY_NOTE = ("ghi chú «{note}»: đã hiểu là {status} các ô ghi lý do {phrases}; xin kiểm tra lại từng lý do "
                   "và sửa ô nào không thuộc trường hợp ghi chú nói")


def _read_reasons(uniques, readings: list, counts, context, place: str) -> None:
    """Reason phrases in status cells ('kẹt việc nhà', 'bận họp trên tỉnh') that nothing else reads, under a note
    saying what a stated reason makes ("vắng có nêu lý do (bịnh, kẹt việc, …) là vắng có lý do": ``reason_notes``):
    that status, with one warning per note for `place` listing the phrases so read."""
    rules = getattr(context, "reasons", None) or ()
    read: dict = {}
    for i, value in enumerate(uniques):
        rule = reason_rule_for(value, rules) if readings[i].problem == UNKNOWN else None
        if rule is not None:
            readings[i] = Reading(rule.status)
            read.setdefault(rule, []).append(f"«{_shown(value)}» ({counts[i]} ô)")
    for rule, phrases in read.items():
        context.issues.warning(None, None, "status", None, f"{place}: " + REASONS_BY_NOTE.format(
            note=rule.note, status=STATUS_WORDS[rule.status], phrases=", ".join(phrases)))


def _late_with_minutes(value, marks: dict) -> bool:
    found = minutes_mark(value)
    return found is not None and marks.get(found[0]) == "late"


def _refuse_number_codes(uniques, readings: list, legend: dict) -> None:
    """Numbers a program writes for the statuses ('1', '2', '3') that the file explains nowhere: '1' is then no
    tick either, so every number the legend leaves out is refused. A 0/1 column with one stray number is read as
    before (the stray number alone is refused)."""
    numbers = [i for i, value in enumerate(uniques) if mark_key(value).isdigit() and mark_key(value) not in legend]
    unknown = {mark_key(uniques[i]) for i in numbers if readings[i].status is None}
    if len(unknown) >= 2 or (unknown and "0" not in {mark_key(uniques[i]) for i in numbers}):
        for i in numbers:
            readings[i] = Reading(problem=NUMBER_CODE)


NUMBER_CODE = ("là mã số, tệp không cho biết mã nào là có mặt, vắng có phép, vắng không phép hay đi muộn — hãy "
               "ghi chú nghĩa của các mã (ví dụ «1 - có mặt; 2 - vắng có phép»)")


def _is_code(value) -> bool:
    """A short mark ('V', 'kp', '1') only a legend explains, as opposed to a word ('có', 'vắng')."""
    key = mark_key(value)
    return (key in DEFAULT_MARKS or key in CODES) and len(key) <= CODE_LENGTH and fold(key) not in SELF_EXPLAINING


def _shown(value) -> str:
    return mark_key(value) if isinstance(value, float) else str(value).strip()


def meeting_dates(values: pd.Series, context, letter: str, label: str) -> list:
    """The MeetingDate of every value, each distinct value read once ('Tháng 03/2025': the 1st of the month; a
    remark in brackets after the date, '20/8/2025 (họp bất thường)', as in a header: the date; the meeting named
    with its day/month, 'Sinh hoạt thường kỳ tháng 5/2025 (ngày 13/05)': that date; a moved meeting's, '12/11/2025
    (dời từ 05/11)': the day it was held, and refused when its words do not say which: ``importers.moved_meetings``);
    a date completed with the sheet's year is one warning for the column."""
    codes, read = _per_distinct(values.to_numpy(dtype=object),
                                lambda value: (MeetingDate(problem=UNCLEAR_VALUE) if unclear_move(value) else None)
                                or read_meeting_month(value, context.year) or read_named_meeting(value)
                                or read_meeting_date(without_remark(value), context.epoch_1904, context.year))
    read.append(read_meeting_date(None))
    if any(item.year_added for item in read):
        context.issues.warning(None, letter, "date", None,
                               f"Cột {letter} «{label}»: " + YEAR_ADDED.format(year=context.year))
    return [read[code] for code in codes]


def reason_column(columns: list[Column], frame: pd.DataFrame) -> Column | None:
    """The column giving why a person was absent, when the table has one besides the status column."""
    for column in columns:
        if column.field in (None, "note") and not column.month and is_reason_header(column.header) \
                and column.index in frame.columns:
            return column
    return None


def _no_word(raw: pd.Series, answers: list) -> str:
    return next(str(value).strip() for value, reading in zip(raw, answers) if reading.answer == "no")


BLANK = Reading()


def _blank_means_no(readings: list, status_column: Column, reasons: pd.Series) -> bool:
    """A 'Có mặt' column ticked for those present (or holding the late status a 'Muộn' tick beside it gives), beside
    a reason column: a blank cell there is a "no" answer, when some blank row gives a reason (else a blank is only an
    unfilled row)."""
    if not is_yes_header(status_column.header):
        return False
    if any(reading.status not in (None, "present", "late") or reading.problem for reading in readings):
        return False
    return any(reading == BLANK and not is_blank(reason) for reading, reason in zip(readings, reasons))


NO = Reading("absent", answer="no")


def _bare_with_reason(readings: list, reasons: pd.Series) -> bool:
    """A bare «Vắng» beside a reason column that some such row fills: the reason decides, as for a "Không"."""
    return any(reading.answer == "bare" and not is_blank(reason) for reading, reason in zip(readings, reasons))


def refine_answers(readings: list, raw: pd.Series, frame: pd.DataFrame, columns: list[Column], status_column: Column,
                   context, ticked: frozenset = frozenset()) -> list:
    """Statuses per row: a "Không" answer (or a bare «Vắng» when some such row gives a reason) becomes excused when
    its row gives a reason, absent when it gives none; a doubt about the whole column is one warning, none when
    every such row has a status box ticked beside it (`ticked` positions: ``kinds.status_ticks``)."""
    statuses = [reading.status for reading in readings]
    label = f"Cột {status_column.letter} «{status_column.header}»"
    notes = getattr(context, "notes", [])
    # a note excusing stated reasons ("vắng có nêu lý do (ốm, …) là vắng có lý do": ``reason_notes``) says so too
    excusing = any(rule.status == "excused" for rule in getattr(context, "reasons", None) or ())
    if any(reading.answer == "reason" for reading in readings) and not (excusing or notes_explain_reasons(notes)):
        example = next(str(v) for v, r in zip(raw, readings) if r.answer == "reason")
        context.issues.warning(None, status_column.letter, "status", None,
                               f"{label}: " + REASON_IN_CELL.format(example=example))
    reasons = reason_column(columns, frame)
    if reasons is not None and _blank_means_no(readings, status_column, frame[reasons.index]):
        readings = [Reading("absent", answer="no") if reading == BLANK else reading for reading in readings]
        raw = raw.where(~pd.Series([r.answer == "no" for r in readings], index=raw.index), "(ô trống)")
    if reasons is not None and _bare_with_reason(readings, frame[reasons.index]):
        readings = [NO if reading.answer == "bare" else reading for reading in readings]
    if not any(reading.answer == "no" for reading in readings):
        return statuses
    if reasons is None:
        if all(position in ticked for position, reading in enumerate(readings) if reading.answer == "no"):
            return statuses
        context.issues.warning(None, status_column.letter, "status", None,
                               f"{label}: " + NO_ANSWER_ALONE.format(no=_no_word(raw, readings)))
        return statuses
    reason_values = frame[reasons.index].to_numpy(dtype=object)
    for position, reading in enumerate(readings):
        if reading.answer == "no":
            statuses[position] = status_of_reason(reason_values[position])
    if not (excusing or notes_explain_reasons(notes, reasons.header)):
        text = NO_ANSWER_WITH_REASONS.format(no=_no_word(raw, readings),
                                            reason=f"{reasons.letter} «{reasons.header}»")
        context.issues.warning(None, status_column.letter, "status", None, f"{label}: {text}")
    return statuses


def month_dates(months: list[Column], context) -> list[str | None]:
    """ISO date of each month column: its meeting date, else the 1st of its month in the year its header states,
    else in the sheet's year (None when no year is known). A header year differing from the title's is a
    warning; the header wins."""
    dates, conflicts = [], set()
    title_year = getattr(context, "title_year", None)
    for column in months:
        if column.day:
            dates.append(column.day)
            continue
        found = month_and_year(column.header)
        year = (found[1] if found and found[1] else None) or context.year
        if found and found[1] and title_year and found[1] != title_year:
            conflicts.add(found[1])
        dates.append(dt.date(year, column.month, 1).isoformat() if year else None)
    if conflicts:
        context.issues.warning(None, None, "date", None, YEAR_CONFLICT.format(
            title=title_year, header=", ".join(str(year) for year in sorted(conflicts))))
    _warn_year_turn(months, dates, context)
    return dates


def _warn_year_turn(months: list[Column], dates: list[str | None], context) -> None:
    """Month columns running on past December (T9…T12, T1…T5) all dated in one year: the later ones are likely
    the next year's, which nothing in the sheet says (a year header over them, or a school year in the title,
    would have dated them)."""
    for previous, (column, date) in zip(zip(months, dates), list(zip(months, dates))[1:]):
        if column.day or previous[0].day or not date or not previous[1]:
            continue
        if column.month < previous[0].month and date[:4] == previous[1][:4]:
            context.issues.warning(None, column.letter, "date", None, YEAR_TURNS.format(
                after=column.month, before=previous[0].month, letter=column.letter, year=date[:4]))
            return

