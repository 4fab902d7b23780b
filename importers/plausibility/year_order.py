"""Meeting columns whose dates go back in time from one column to the next while the sheet states their years in
a way that should make them run forward: a year written over them ('Năm 2024' | 'Năm 2025' over '12/9' … '9/1')
that sits over the wrong columns or is missing over some ('Năm 2025' over the spring only, the autumn dated in the
sheet's year), or a school year in the title ('NĂM HỌC 2024 - 2025') over day/month headers read in its first
year. The dates read are then likely wrong: said once, naming the first column that goes back. A column whose own
label writes its year ('Chuyên đề quý III (ngày 20/9/2025)', a section's table set after the monthly ones:
``importers.section_tables``) was read in no year but its own, and is not questioned."""

import re
from datetime import date

from ..header_years import column_years
from ..month_years import school_year
from .findings import LIKELY, place, warning
from .view import SheetView

GOES_BACK = "{where}: buổi {day} sớm hơn buổi {before} ở cột {previous} trước nó{more} — {why}; xin kiểm tra lại năm"
UNDER_YEARS = ("năm ghi trên tiêu đề các cột ({years}) không khớp với thứ tự các ngày sinh hoạt; các ngày đã đọc "
               "theo năm ghi trên từng cột")
IN_SCHOOL_YEAR = ("tiêu đề ghi năm học {first} - {second} nhưng các cột chỉ ghi ngày/tháng, đã đọc vào năm {year}: "
                  "các buổi từ cột {letter} có thể thuộc năm {second}")
_OWN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _shown(iso: str) -> str:
    return f"{date.fromisoformat(iso):%d/%m/%Y}"


def year_order_warnings(view: SheetView) -> list[dict]:
    """One warning when the dated meeting columns of a sheet with a year header over some of them, or a school
    year in its title, go back in time from one column to the next."""
    dated = [column for column in view.columns if column.day and column.index >= 0]
    back = [(previous, column) for previous, column in zip(dated, dated[1:])
            if column.day < previous.day and not _OWN_YEAR.search(str(column.header or ""))]
    if not back:
        return []
    years = column_years(view.table, view.rows)
    named = sorted({years[column.index] for column in dated if column.index < len(years) and years[column.index]})
    span = school_year(view.table.title_text)
    previous, column = back[0]
    if named:
        why = UNDER_YEARS.format(years=", ".join(f"năm {year}" for year in named))
    elif span and column.day[:4] == str(span[0]):
        why = IN_SCHOOL_YEAR.format(first=span[0], second=span[1], year=span[0], letter=column.letter)
    else:
        return []
    more = f" (và {len(back) - 1} chỗ khác như vậy)" if len(back) > 1 else ""
    message = GOES_BACK.format(where=place(view.sheet, column.letter, column.header), day=_shown(column.day),
                               before=_shown(previous.day), previous=previous.letter, more=more, why=why)
    row = view.table.header_rows[-1] + 1 if view.table.header_rows else None
    return [warning(view.sheet, row, column.letter, "date", column.header, message, LIKELY)]
