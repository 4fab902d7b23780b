"""A register whose records came out with no chi bộ although a line of the sheet names a party organisation
("SỔ ĐIỂM DANH CHI BỘ KHU PHỐ 3 NĂM 2024", "Chi bộ Tổ 5 - phường A" under the table): the readers did not take it
as every row's unit (a year in the line, several organisations named, a wording they do not know), so the officer
must say which chi bộ the rows belong to."""

import re

import numpy as np

from ..caption_units import mentions_unit
from ..code_catalogues import is_code
from ..context import read_context
from ..normalising import fold
from ..sheet_context import UPPER_LEVEL
from ..unit_abbreviations import unexplained
from ..unit_ends import lists_units, reads_as_sentence
from ..unit_kind_headers import ORGANISATION
from ..unit_remarks import doubtful_bracket
from .findings import CHECK, LIKELY, SURE, place, warning
from .view import SheetView, codes_of, hits

BELOW_ROWS = 15
UNREAD = ("{where}: không bản ghi nào có chi bộ, dù dòng {row} «{text}» có tên một tổ chức đảng — chưa rõ đó có "
          "phải chi bộ của mọi dòng hay không; xin ghi chi bộ cho các dòng trước khi nhập")


def _lines(view: SheetView) -> list[tuple[int, str]]:
    """(1-based row, text) of the text cells above the header and just below the table."""
    first, end = view.table.header_rows[0], view.table.body_end
    numbered = list(enumerate(view.rows[:first])) + list(enumerate(view.rows[end:end + BELOW_ROWS], start=end))
    return [(index + 1, cell.strip()) for index, row in numbered for cell in row
            if isinstance(cell, str) and cell.strip() and len(cell) <= 200]


def unread_unit(view: SheetView) -> list[dict]:
    """One warning when no record has a unit and a title or note line names a chi bộ or đảng bộ."""
    if view.kind != "attendance" or not len(view.records) or view.records["unit"].notna().any():
        return []
    for row, text in _lines(view):
        if mentions_unit(text) and not UPPER_LEVEL.search(fold(text)):
            message = UNREAD.format(where=place(view.sheet, None, None), row=row, text=text)
            return [warning(view.sheet, row, None, "unit", None, message, SURE)]
    return []


OTHER_UNITS = ("{where}: mọi bản ghi có cùng chi bộ «{unit}» (lấy từ tiêu đề trang), nhưng trong bảng còn "
               "{what} ({examples}) — mỗi khối có thể là một chi bộ khác; kiểm tra chi bộ của từng dòng")


def one_unit_among_blocks(view: SheetView) -> list[dict]:
    """One warning when every record has the one unit the sheet's title gives, while the rows from the header
    down name other units on lines of their own, or repeat the header (tables stacked on the sheet)."""
    unit = view.by_field.get("unit")
    if (unit is not None and unit.index >= 0) or "unit" not in view.records.columns or not len(view.records):
        return []
    units = view.records["unit"].dropna().unique()
    if len(units) != 1:
        return []
    mine = fold(units[0])
    header = [fold(cell) if isinstance(cell, str) else "" for cell in view.rows[view.table.header_rows[-1]]]
    lines, repeats = [], []
    data = set(view.counts.index[view.counts.to_numpy() > 0].tolist())  # rows that gave records hold people
    for number, row in enumerate(view.rows[view.table.header_rows[-1] + 1:], start=view.table.header_rows[-1] + 2):
        if number in data:
            continue
        texts = {cell.strip() for cell in row if isinstance(cell, str) and cell.strip()}
        if len(texts) == 1:
            found = (read_context(next(iter(texts))) or {}).get("unit")
            if found and fold(found) != mine:
                lines.append(f"dòng {number} «{found}»")
        folded = [fold(cell) if isinstance(cell, str) else "" for cell in row]
        if sum(1 for a, b in zip(folded, header) if a and a == b) >= max(2, len([h for h in header if h]) - 1):
            repeats.append(f"dòng {number}")
    if not lines and not repeats:
        return []
    what = (f"{len(lines)} dòng tên chi bộ khác" if lines else f"{len(repeats)} dòng tiêu đề bảng lặp lại")
    examples = ", ".join((lines or repeats)[:3]) + ("…" if len(lines or repeats) > 3 else "")
    message = OTHER_UNITS.format(where=place(view.sheet, None, None), unit=units[0], what=what, examples=examples)
    return [warning(view.sheet, None, None, "unit", units[0], message, SURE)]


_LABEL = re.compile(r"^[^:]{1,40}:\s*\S")  # "CS phụ trách: Chi bộ …", "Chi bộ: Khu phố 3"
UNIT_TESTS = (
    ("giá trị chi bộ có dạng mã — cần tra tên chi bộ, đảng bộ mà mã chỉ tới", SURE),
    ("giá trị chi bộ có nhãn trước dấu hai chấm — chỉ phần tên tổ chức đảng là chi bộ", SURE),
    ("giá trị chi bộ giống một câu ghi chú hơn một tên (có dấu chấm câu, chấm phẩy, những từ như «mỗi», «là», «được» "
     "hoặc quá nhiều chữ) — chỉ phần tên tổ chức đảng là chi bộ; hãy sửa lại trước khi nhập", SURE),
    ("giá trị chi bộ không mở đầu bằng tên một tổ chức đảng (Chi bộ, Đảng bộ…) — kiểm tra cột đã đọc đúng chưa", CHECK),
    ("giá trị chi bộ ghi tên hai tổ chức đảng («… và Chi bộ …») — chưa rõ dòng thuộc chi bộ nào; hãy ghi một chi bộ "
     "cho các dòng này trước khi nhập", SURE),
)


def _unit_test(value) -> int:
    """Rank of the test in UNIT_TESTS a unit value fails, -1 when it reads as an organisation's name."""
    text = str(value).strip()
    if is_code(text):
        return 0
    if _LABEL.match(text):
        return 1
    if lists_units(text):
        return 4
    if reads_as_sentence(text):
        return 2
    return -1 if ORGANISATION.match(fold(text)) else 3


def unit_value_warnings(view: SheetView) -> list[dict]:
    """Unit values that are no organisation's name: a code, a label kept before the name, a sentence going on after
    it, another opening word, two organisations named side by side."""
    if "unit" not in view.records.columns or not len(view.records):
        return []
    codes, uniques = codes_of(view.records["unit"])
    verdict = np.array([_unit_test(value) for value in uniques], dtype=np.int64)
    found = []
    for rank, (text, severity) in enumerate(UNIT_TESTS):
        positions = hits(codes, verdict == rank)
        found += view.report("unit", positions, uniques[codes[positions]] if len(positions) else uniques[:0], text,
                             severity)
    return found


UNEXPLAINED = ("dòng có «{short}» trong tên chi bộ, chữ viết tắt chưa được giải thích — không ghi chú nào của tệp viết "
               "đầy đủ chữ này, và đây không phải chữ viết tắt thường dùng; hãy ghi đầy đủ tên chi bộ trước khi nhập")


def unexplained_abbreviations(view: SheetView) -> list[dict]:
    """One warning per abbreviation left in the units' names that no note spells out and offices do not all write
    the same way ("Chi bộ ĐBP Thạnh Sóc", "CB ĐBP Thạnh Sóc": ``importers.unit_abbreviations.unexplained``); a
    code is no name to look into."""
    if "unit" not in view.records.columns or not len(view.records):
        return []
    codes, uniques = codes_of(view.records["unit"])
    shorts: dict[str, list[int]] = {}
    for position, value in enumerate(uniques):
        if _unit_test(value) != 0:
            for short in unexplained(value):
                shorts.setdefault(short, []).append(position)
    found = []
    for short, positions in shorts.items():
        flagged = np.zeros(len(uniques), dtype=bool)
        flagged[positions] = True
        hit = hits(codes, flagged)
        found += view.report("unit", hit, uniques[codes[hit]], UNEXPLAINED.format(short=short), LIKELY)
    return found


BRACKET = ("dòng có chi bộ kết thúc bằng phần trong ngoặc «({words})» chưa rõ là ghi chú hay một phần tên chi bộ (địa "
           "danh, tên cũ) — đã giữ nguyên trong tên; nếu đó là ghi chú (lịch họp, số đảng viên, bí thư, người phụ "
           "trách…), hãy bỏ phần này trước khi nhập")


def bracket_doubts(view: SheetView) -> list[dict]:
    """One warning per unit whose closing bracket reads neither as a remark nor as part of the name ("Chi bộ Thôn 5
    (Phú Nhai)"): kept in the name, never silently (``importers.unit_remarks``)."""
    if "unit" not in view.records.columns or not len(view.records):
        return []
    codes, uniques = codes_of(view.records["unit"])
    found = []
    for position, value in enumerate(uniques):
        words = doubtful_bracket(value)
        if words is not None:
            flagged = np.zeros(len(uniques), dtype=bool)
            flagged[position] = True
            hit = hits(codes, flagged)
            found += view.report("unit", hit, uniques[codes[hit]], BRACKET.format(words=words), CHECK)
    return found
