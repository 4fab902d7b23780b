"""Month headers in Roman numerals, 'I' … 'XII', under a merged 'Tháng (năm 2025)': they count months as bare
month numbers under 'Tháng' do, one sheet per half-year; Roman numerals under a header counting no months stay
no months."""

import openpyxl

from importers import parse_file
from importers.date_words import month_and_year
from importers.month_numbers import month_number, months_under
from importers.period_labels import roman_month

PEOPLE = (("Lê Văn An", "Chi bộ Thôn 1"), ("Trần Thị Bình", "Chi bộ Thôn 2"))


def _mark(person, month):
    return "KP" if (person + month) % 4 == 0 else "x"


def _half(sheet, labels, first_month):
    sheet.append(["ĐẢNG ỦY XÃ AN PHÚ"])
    sheet.append([])
    sheet.append(["THEO DÕI THÀNH VIÊN ĐOÀN CÔNG TÁC DỰ SINH HOẠT CHI BỘ"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Chi bộ dự sinh hoạt", "Tháng (năm 2025)"] + [None] * 5 + ["Ghi chú"])
    sheet.append([None, None, None] + list(labels) + [None])
    for column in "ABC":
        sheet.merge_cells(f"{column}5:{column}6")
    sheet.merge_cells("D5:I5")
    for number, (name, unit) in enumerate(PEOPLE, start=1):
        sheet.append([number, name, unit] + [_mark(number, first_month + index) for index in range(6)] + [None])


def test_roman_month_headers_read_as_the_first_of_their_month(tmp_path):
    book = openpyxl.Workbook()
    _half(book.active, ("I", "II", "III", "IV", "V", "VI"), 1)
    _half(book.create_sheet("6 thang cuoi nam"), ("VII", "VIII", "IX", "X", "XI", "XII"), 7)
    path = tmp_path / "register.xlsx"
    book.save(path)
    result = parse_file(str(path))
    assert result.kind == "attendance"
    assert result.errors == []
    expected = [{"full_name": name, "date": f"2025-{month:02d}-01",
                 "status": "absent" if _mark(person, month) == "KP" else "present", "unit": unit}
                for first in (1, 7) for person, (name, unit) in enumerate(PEOPLE, start=1)
                for month in range(first, first + 6)]
    assert result.records() == expected


def test_roman_numerals_count_months_only_under_a_month_label():
    upper = ["Họ và tên", "Tháng (năm 2025)", None, None]
    row = [None, "I", "II", "III"]
    assert months_under(row, upper, ["Họ và tên"] + ["Tháng (năm 2025)"] * 3) == {1: (1, None), 2: (2, None),
                                                                                   3: (3, None)}
    assert months_under(row, upper, ["Họ và tên"] + ["Đoàn công tác"] * 3) == {}
    assert month_and_year("IV", "Tháng (năm 2025)") == (4, None)
    assert month_and_year("IV", "Đoàn công tác") is None
    assert month_number("xii") == 12
    assert roman_month("XIII") is None and roman_month("IIII") is None
