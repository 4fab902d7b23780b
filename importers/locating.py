"""Find the table in a sheet: header row(s) by vocabulary, combined labels, title text, body extent."""

import datetime as dt
import re
import unicodedata
from typing import Any

from .abbreviations import is_role_legend
from .column_types import name_part_of_label
from .context import read_context
from .date_words import is_meeting_number, without_remark
from .day_texts import day_row_label, is_day_row
from .kinds import KEY_FIELDS, FieldSpec
from .kinds.subtotals import is_compound_word
from .legends import is_legend_text
from .mapping import match_field
from .month_day_rows import label_month_days, month_days_row
from .month_numbers import month_number_columns, months_under
from .normalising import clean_text, fold, is_blank, is_group_heading, month_of_header, parse_date_text
from .period_dividers import divider_period
from .quarter_rows import is_quarter_header, is_quarter_months_header, seen_through
from .results import Table
from .signature_titles import is_closing_text

HEADER_SCAN_ROWS = 60
# "Ngày 05/04/2025", "ngày: 05/04/2025", "SH ngày 05/04/2025": a full date after the word for day is the date alone
_DAY_WORD = re.compile(r"^(?:sh\s+|sinh hoạt\s+|họp\s+)?ngày\s*:?\s*(?=\d)", re.IGNORECASE)
# "(1)", "2", "(3)=(1)+(2)", "A", "(B)": the labels official forms print under each column header
COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?(\s*[-+*/x=:]\s*\(?(\d{1,2}|[A-Z])\)?)*$")
PAGE_MARK = re.compile(
    r"^\s*(?:trang|page|tờ)\s*(?:số\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?\s*$|^\s*[-–]\s*\d{1,3}\s*[-–]\s*$", re.IGNORECASE
)
STOP_PREFIXES = (
    "tong cong",
    "tong so",
    "cong ",
    "ty le du ",
    "ty le tham du ",
    "ty le co mat ",
    "nguoi lap",
    "t m ",
    "tm ",
    "xac nhan",
    "thu truong",
    "ky ten",
    "ghi chu",
    "chu thich",
    "ky hieu",
    "cach ghi ",  # an instruction line under the people ("Cách ghi: tick CM = có mặt; …")
    "quy uoc ",
    "viet tat",  # "Viết tắt: CB - Chi bộ; TH - Tiểu học; …"
    "chu viet tat",
    "cac chu viet tat",
    "chu giai",
    "nguoi ky",
    "noi nhan",
    "k t ",
    "kt ",
)


def fill_vertical_merges(rows: list[list[Any]], merges: list) -> None:
    """Copy each vertically merged cell's value into the cells it covers (e.g. a unit merged over a group)."""
    for (top, left), (bottom, right) in merges:
        if top >= len(rows):
            continue
        for col in range(left, min(right + 1, len(rows[top]))):
            value = rows[top][col]
            for row in range(top + 1, min(bottom + 1, len(rows))):
                if col < len(rows[row]) and is_blank(rows[row][col]):
                    rows[row][col] = value


def header_date(cell: Any) -> str | None:
    """ISO date of a header cell that is a meeting's date: a date cell, or text such as '05/01/2025' (a remark in
    brackets after it aside: '05/01/2025 (CĐ)')."""
    cell = without_remark(cell)
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    text = _DAY_WORD.sub("", unicodedata.normalize("NFC", cell.strip())) if isinstance(cell, str) else None
    parsed = parse_date_text(text) if text else None
    return parsed.isoformat() if parsed else None


_DAY_MONTH = re.compile(r"^(?:ngay )?(\d{1,2}) (\d{1,2})$")  # folded
_DAY_MONTH_SEPARATOR = re.compile(r"\d\s*[./-]\s*\d")


def _is_day_month(cell: Any) -> bool:
    """'04/01', '5.3', '(10/01)', 'ngày 10/01', '26/6 (CĐ)': a meeting's day and month, the year left to the
    title."""
    cell = without_remark(cell)
    match = _DAY_MONTH.match(fold(cell)) if isinstance(cell, str) and _DAY_MONTH_SEPARATOR.search(cell) else None
    return bool(match) and 1 <= int(match.group(1)) <= 31 and 1 <= int(match.group(2)) <= 12


def _is_date_row(row: list[Any], upper: list[Any] | None = None, specs: tuple[FieldSpec, ...] = ()) -> bool:
    """A header row of meeting dates: three or more cells, every filled cell a date, or every one a day/month
    ('04/01' under 'Lần 1': the year is stated in the title) apart from labels merged down from `upper`; one or
    two dates do when each sits under an upper label naming the meeting date ('Ngày sinh hoạt' merged over them:
    a month with one or two meetings) or under its own meeting number ('Lần 1' over '(10/01)')."""
    cells = [cell for cell in row if not is_blank(cell)]
    if len(cells) >= 3 and all(header_date(cell) for cell in cells):
        return True
    own = [cell for index, cell in enumerate(row) if not is_blank(cell)
           and not (upper and index < len(upper) and cell == upper[index])]
    if own and upper and all(header_date(cell) or _is_day_month(cell) for cell in own) \
            and ((specs and _under_date_label(row, upper, specs)) or _under_meeting_numbers(row, upper)):
        return True
    return len(own) >= 3 and all(_is_day_month(cell) for cell in own)


def _under_meeting_numbers(row: list[Any], upper: list[Any]) -> bool:
    """Every date of `row` sits right under a meeting's number ('Lần 1', 'Buổi 2', 'Kỳ 3'), one per column."""
    filled = [index for index, cell in enumerate(row) if header_date(cell) or _is_day_month(cell)]
    return bool(filled) and all(index < len(upper) and is_meeting_number(upper[index]) for index in filled)


def _under_date_label(row: list[Any], upper: list[Any], specs: tuple[FieldSpec, ...]) -> bool:
    """Every filled cell of `row` lies under the meeting-date label of `upper` (carried right over its merge)."""
    carried = _carried(_row_labels(upper))
    filled = [index for index, cell in enumerate(row) if header_date(cell) or _is_day_month(cell)]
    return all(index < len(carried) and match_field(carried[index], specs) == "date" for index in filled)


def _is_sub_header_row(upper: list[Any], row: list[Any], specs: tuple[FieldSpec, ...]) -> bool:
    """A second header row of short labels under a wider one ('Vắng mặt' over 'Có lý do | Không lý do',
    'Năm sinh' over 'Nam | Nữ'): only short text, at least one label under a blank (merged) upper cell, and no
    name where the key column is (a merged-down header repeats its label there)."""
    upper_labels = _row_labels(upper)
    keys = [i for i, label in enumerate(upper_labels) if match_field(label, specs) in KEY_FIELDS]
    filled = [(i, cell) for i, cell in enumerate(row) if not is_blank(cell)]
    if not filled or not keys or any(not isinstance(cell, str) or len(cell.strip()) > 40 for _, cell in filled):
        return False
    key = keys[0]
    if (
        key < len(row)
        and not is_blank(row[key])
        and clean_text(row[key]) != upper_labels[key]
        and not name_part_of_label(row[key])
    ):  # 'Họ' | 'Tên' under a merged 'Họ và tên'
        return False
    if any(is_group_heading(cell) for _, cell in filled):
        return False
    carried = _carried(upper_labels)  # every label sits under a header spanning it, as merged headers do
    if any(i >= len(carried) or not carried[i] for i, _ in filled):
        return False
    return any(i < len(upper_labels) and not upper_labels[i] for i, _ in filled)


def _row_labels(row: list[Any]) -> list[str]:
    return [clean_text(cell) or "" if isinstance(cell, str) else "" for cell in row]


def _is_month_row(labels: list[str]) -> bool:
    return sum(1 for label in labels if month_of_header(label)) >= 3


def header_score(labels: list[str], specs: tuple[FieldSpec, ...]) -> int:
    """Distinct fields named by a row; 0 unless it names a key column (full name, indicator)."""
    fields = {match_field(label, specs) for label in labels} - {None}
    if fields.isdisjoint(KEY_FIELDS):
        return 0
    return len(fields) + (2 if _is_month_row(labels) else 0)


def _is_header_like(labels: list[str], specs: tuple[FieldSpec, ...]) -> bool:
    filled = [label for label in labels if label]
    return bool(filled) and all(match_field(label, specs) or month_of_header(label) for label in filled)


def _carried(labels: list[str]) -> list[str]:
    """Each label carried right across the blank cells after it (a header merged over several columns)."""
    out, carried = [], ""
    for label in labels:
        carried = label or carried
        out.append(carried)
    return out


def _combine_rows(header: list[list[str]]) -> tuple[list[str], list[str]]:
    """Per column: the lowest label of the header rows, and as parent the label above it in the row above
    (carried right over merged cells); a column labelled only in the top row is its own parent."""
    width = max(len(row) for row in header)
    header = [row + [""] * (width - len(row)) for row in header]
    carried = [_carried(row) for row in header]
    labels, parents = [], []
    for col in range(width):
        level = max((r for r in range(len(header)) if header[r][col]), default=0)
        labels.append(header[level][col])
        parents.append(carried[level - 1][col] if level > 0 else header[0][col])
    return labels, parents


def _is_group_line(row: list[Any]) -> bool:
    """A row holding only a group's line ("Đoàn CT số 1", "ĐOÀN CÔNG TÁC SỐ 2"): the first group's context row
    under the header, never a header row, though its words name the group column."""
    filled = [cell for cell in row if not is_blank(cell)]
    return len(filled) == 1 and "group" in (read_context(filled[0]) or {})


def find_header(rows: list[list[Any]], specs: tuple[FieldSpec, ...]) -> tuple[int, int, int] | None:
    """(first header row, last header row, score) as 0-based indices, or None when no header is found."""
    best, best_score = None, 1
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = header_score(_row_labels(row), specs)
        if score and sum(1 for cell in row if header_date(cell)) >= 3:
            score += 2  # meeting dates across the header row, as month columns would be
        elif (
            score
            and index + 1 < len(rows)
            and (_is_month_row(_row_labels(rows[index + 1])) or _is_date_row(rows[index + 1], row, specs))
        ):
            score += 2  # the months or meeting dates sit in the row below, under a merged "Tháng"
        if score > best_score:
            best, best_score = index, score
    if best is None:
        return None
    days_from = _months_over_days(rows, best)
    if days_from is not None:  # the best row is the days under the months ('Cộng' over 'Có mặt' beside them)
        upper = days_from > 0 and _is_upper_header(_row_labels(rows[days_from - 1]), _row_labels(rows[days_from]),
                                                   specs)
        return days_from - upper, best, best_score
    first = (
        best - 1 if best > 0 and _is_upper_header(_row_labels(rows[best - 1]), _row_labels(rows[best]), specs) else best
    )
    if best + 2 < len(rows) and (is_quarter_header(rows[best], rows[best + 1], rows[best + 2])
                                 or is_quarter_months_header(rows[best], rows[best + 1], rows[best + 2])):
        return first, _with_day_row(rows, first, best + 2), best_score  # months under quarters ('Quý I' over 1 | 2)
    if best + 1 < len(rows) and divider_period(rows[best + 1], rows[best]) is None \
            and not _is_group_line(rows[best + 1]) and (
        _is_header_like(_row_labels(rows[best + 1]), specs)
        or _is_date_row(rows[best + 1], rows[best], specs)
        or _is_month_number_row(rows[best + 1], rows[best])
        or _is_day_number_row(rows[best + 1], rows[best])
        or _is_sub_header_row(rows[best], rows[best + 1], specs)
    ):
        return first, _with_day_row(rows, first, best + 1), best_score
    return first, best, best_score


def _with_day_row(rows: list[list[Any]], first: int, last: int) -> int:
    """The header's last row, one lower when the months' meeting days stand under a row of month labels that is
    itself under the best header row ('Năm 2024' over 'Tháng 7 | Tháng 8' over 3 | 18 | 5), or under a row of
    month numbers ('Tháng' over 1 | 2 | 3 over 07 | 04 | 04: ``importers.month_day_rows``)."""
    if last + 1 >= len(rows):
        return last
    if _is_month_row(_row_labels(rows[last])) and _is_day_number_row(rows[last + 1], rows[last]):
        return last + 1
    return last + 1 if month_days_row(seen_through(rows[first:last + 2]))[1] else last


def _months_over_days(rows: list[list[Any]], last: int) -> int | None:
    """The row of the months' label when row `last` holds the meeting days under a row of month numbers ('Tháng'
    over 1 | 2 | 3 over 07 | 04 | 04, a quarter row between perhaps), else None."""
    for span in (2, 3):
        if last >= span and month_days_row(seen_through(rows[last - span:last + 1]))[1]:
            return last - span
    return None


def _is_month_number_row(row: list[Any], upper: list[Any]) -> bool:
    """Month numbers under a merged 'Tháng' or 'Năm 2025' (``importers.month_numbers``)."""
    return bool(months_under(row, upper, _carried(_row_labels(upper))))


def _day_number(cell: Any) -> int | None:
    """A day of the month typed as text ('06') or as a number (6, read as 6.0)."""
    if isinstance(cell, str) and cell.strip().isdigit() and len(cell.strip()) <= 2:
        cell = int(cell.strip())
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return cell if isinstance(cell, int) and not isinstance(cell, bool) and 1 <= cell <= 31 else None


def _is_day_number_row(row: list[Any], upper: list[Any]) -> bool:
    """Meeting days ('06' | '20', 3 | 18, 'ngày 05', 'SH ngày 03', '(5)', '5/1') under month labels ('Tháng 01/2026',
    'Tháng 7', 'T7', 'Th1', carried over its merge or written over a month's first meeting only): two or more, or
    one worded as a day, every own filled cell (labels merged down from `upper` aside) a day under such a label
    (``importers.day_texts``). With one meeting a month no day stands under a blank upper cell, so the sub-header
    test misses this row."""
    return is_day_row(row, _upper_months(upper), upper)


def _upper_months(upper: list[Any]) -> list[int | None]:
    """Column -> the month a label of the row above names, carried over its merge, or None."""
    return [month_of_header(label) if label else None for label in _carried(_row_labels(upper))]


def _header_labels(rows: list[list[Any]], first: int, last: int) -> list[list[str]]:
    """The labels of header rows `first`..`last`, a row of days' own label ('Ngày sinh hoạt →' under 'Họ và tên')
    left out: it names the row, not its column (``importers.day_texts``)."""
    labels = [_row_labels(rows[r]) for r in range(first, last + 1)]
    if last > first:
        numbered = list(month_days_row(seen_through(rows[first:last + 1]))[1])  # 'Tháng' over 1 | 2 over the days
        months = numbered or [col for col, month in enumerate(_upper_months(rows[last - 1])) if month]
        label = day_row_label(rows[last], months, rows[last - 1]) if months else None
        if label is not None and (numbered or _is_day_number_row(rows[last], rows[last - 1])):
            labels[-1][label] = ""
    return labels


def _day_numbers(header: list[list[Any]], labels: list[str], parents: list[str]) -> None:
    """A meeting day typed as a number under a label stating its month ('Tháng 01/2026' over 6 | 20) labels its
    column '6', '20' with that month as the parent, as the days typed as text would."""
    for upper, row in zip(header, header[1:]):
        carried = _carried(_row_labels(upper))
        for col, cell in enumerate(row):
            day = None if isinstance(cell, str) else _day_number(cell)
            if day and col < len(carried) and col < len(labels) and month_of_header(carried[col]):
                labels[col], parents[col] = str(day), carried[col]


def _is_upper_header(above: list[str], labels: list[str], specs: tuple[FieldSpec, ...]) -> bool:
    """The row above the best header row belongs to the header when it names two fields, or names a field over
    a column the best row leaves blank (a 3-row header written without merges, as CSV keeps it)."""
    named = [(index, match_field(label, specs)) for index, label in enumerate(above) if label]
    if len({field for _, field in named} - {None}) >= 2:
        return True
    return any(field and (index >= len(labels) or not labels[index]) for index, field in named)


def _is_column_number(cell: Any) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, (int, float)):
        return float(cell).is_integer() and 0 <= cell < 100
    return isinstance(cell, str) and COLUMN_NUMBER.match(cell.strip()) is not None


def is_column_numbering_row(row: list[Any]) -> bool:
    """The row official forms print under the header to number the columns ("(1) (2) (3)", "A B 1 2 3"):
    three or more cells, every one a column number, the numbers rising."""
    cells = [cell for cell in row if not is_blank(cell)]
    if len(cells) < 3 or not all(_is_column_number(cell) for cell in cells):
        return False
    numbers = [
        int(re.match(r"\(?(\d+)", str(cell).strip()).group(1)) if re.match(r"\(?\d", str(cell).strip()) else None
        for cell in cells
    ]
    rising = [n for n in numbers if n is not None]
    return all(a < b for a, b in zip(rising, rising[1:]))


def _repeats(row: list[Any], above: list[Any]) -> bool:
    """Whether a row holds nothing but blanks and the cells of the header row above, column for column."""
    return all(is_blank(cell) or (index < len(above) and cell == above[index]) for index, cell in enumerate(row))


def locate_table(rows: list[list[Any]], sheet: str | None, specs: tuple[FieldSpec, ...]) -> Table | None:
    """The table of a sheet: header rows, combined labels, title text above; None when absent."""
    found = find_header(rows, specs)
    if found is None:
        return None
    first, last, _ = found
    labels, parents = _combine_rows(_header_labels(rows, first, last))
    months = {}
    if last > first:
        header = rows[first:last + 1]
        numbers = seen_through(header)
        months = month_number_columns(numbers, [_carried(_row_labels(upper)) for upper in numbers], labels, parents)
        _day_numbers(header, labels, parents)
        found, days = month_days_row(numbers)
        label_month_days(days, found, labels, parents)
        months = {col: date for col, date in months.items() if col not in days}
    body_start = last + 1
    numbering = body_start
    while numbering < min(body_start + 2, len(rows)) and _repeats(rows[numbering], rows[last]):
        numbering += 1  # a header row merged down leaves blanks or copies of the labels above the numbers
    if numbering < len(rows) and is_column_numbering_row(rows[numbering]):
        body_start = numbering + 1  # the column numbers belong to the header, not to the data
    titles = [clean_text(cell) for row in rows[:first] for cell in row if isinstance(cell, str) and cell.strip()]
    dates = [
        next(
            (header_date(rows[r][c]) for r in range(first, last + 1) if c < len(rows[r]) and header_date(rows[r][c])),
            months.get(c),
        )
        for c in range(len(labels))
    ]
    table = Table(
        sheet=sheet,
        header_rows=list(range(first, last + 1)),
        labels=labels,
        body_start=body_start,
        body_end=len(rows),
        title_text=titles,
        parents=parents,
        dates=dates,
    )
    return table


def is_stop_text(text: Any) -> bool:
    """True for text that ends a table: totals, signature block, legend. 'Công an' (a position going on from the
    row above) folds as 'Cộng' does, but is no total; nor is a position before a missing name ('Cộng tác viên')."""
    if is_closing_text(text):
        return True
    if not isinstance(text, str) or not (fold(text) + " ").startswith(STOP_PREFIXES):
        return False
    return not unicodedata.normalize("NFC", text).lstrip().lower().startswith("công ") and not is_compound_word(text)


def find_legend(rows: list[list[Any]], body_end: int) -> str | None:
    """The marks legend line below the table body (else above the table)."""
    for row in rows[body_end:] + rows[:HEADER_SCAN_ROWS]:
        for cell in row:
            if is_legend_text(cell):  # spacing kept: wide gaps separate the items ("● có mặt   ○ vắng")
                return unicodedata.normalize("NFC", cell).strip()
    return None


def classify_special_row(row: list[Any], is_heading=is_group_heading) -> tuple[str, str | None]:
    """For a row without a key value: ('blank'|'group'|'stop'|'other', group text); `is_heading` is the kind's."""
    texts = [cell for cell in row if not is_blank(cell)]
    if not texts:
        return "blank", None
    strings = [cell for cell in texts if isinstance(cell, str)]
    if any(is_legend_text(text) or is_role_legend(text) for text in strings) or (strings and is_stop_text(strings[0])):
        return "stop", None
    if len(texts) == 1 and strings and PAGE_MARK.match(strings[0]):
        return "blank", None  # "Trang 2", "- 3 -": a printed page's number pasted back with the rows
    heading = next((text for text in strings if is_heading(text)), None)
    if heading and len(set(texts)) <= 2:
        return "group", heading
    if all(isinstance(cell, (int, float)) for cell in texts) and len(texts) == 1:
        return "blank", None
    return "other", None
