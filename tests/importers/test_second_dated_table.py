"""Two tables on one sheet, each with its own two-row header: 'TT | Họ và tên | Quý I | | Quý II | … | Quý IV | |
Ghi chú' over '| | 16/1 | 14/3 | … | Lần 1 | Lần 2' (``importers.dated_header_rows``). The second table's dates row
is its header, not a person's row of marks '8/2', '22/3', and its marks are read under its own dates; a date with
a remark on the next line ('17/6\\n(ghép SP)', a joint meeting) is the meeting of 17/6. A person's row whose marks
look like dates is no header."""

import datetime as dt
import json

import openpyxl

from importers import parse_file
from importers.dated_header_rows import leaves_names_out, name_columns

TOP = ["TT", "Họ và tên đảng viên", "Quý I", None, "Quý II", None, "Quý IV", None, "Ghi chú"]


def _write(tmp_path, rows, name="reg.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Theo doi"
    for row in rows:
        sheet.append(list(row))
    path = tmp_path / name
    book.save(path)
    return path


def _rows(second_dates, second_name_cell=None):
    return [
        ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"],
        [],
        ["Chi bộ bản Séo Phìn"],
        TOP,
        [None, None, "16/1", "14/3", "15/4", "17/6\n(ghép NP)", "Lần 1", "Lần 2"],
        [1, "Hầu A Sềnh", "P", "+", "+", "+"],
        [2, "Trần Minh Tuấn", "+", "K", "M", "+"],
        [],
        ["Chi bộ thôn Nậm Pung"],
        TOP,
        [None, second_name_cell] + second_dates + ["Lần 1", "Lần 2"],
        [1, "Phạm Thị Hoa", "+", "+", "K", "P"],
        [2, "Lý A Xá", "M", "+", "+", "K"],
        [],
        ["Ký hiệu: (+) có mặt; (P) vắng có phép; (K) vắng không phép; (M) đến muộn."],
    ]


def _key(records):
    return sorted(json.dumps({field: record[field] for field in ("full_name", "date", "status")},
                             ensure_ascii=False, sort_keys=True) for record in records)


def _want(people):
    return _key({"full_name": name, "date": date, "status": status} for name, date, status in people)


FIRST = [("Hầu A Sềnh", "2025-01-16", "excused"), ("Hầu A Sềnh", "2025-03-14", "present"),
         ("Hầu A Sềnh", "2025-04-15", "present"), ("Hầu A Sềnh", "2025-06-17", "present"),
         ("Trần Minh Tuấn", "2025-01-16", "present"), ("Trần Minh Tuấn", "2025-03-14", "absent"),
         ("Trần Minh Tuấn", "2025-04-15", "late"), ("Trần Minh Tuấn", "2025-06-17", "present")]
SECOND = [("Phạm Thị Hoa", "2025-02-08", "present"), ("Phạm Thị Hoa", "2025-03-22", "present"),
          ("Phạm Thị Hoa", "2025-05-10", "absent"), ("Phạm Thị Hoa", "2025-06-17", "excused"),
          ("Lý A Xá", "2025-02-08", "late"), ("Lý A Xá", "2025-03-22", "present"),
          ("Lý A Xá", "2025-05-10", "present"), ("Lý A Xá", "2025-06-17", "absent")]


def test_the_second_table_reads_its_own_dates(tmp_path):
    result = parse_file(_write(tmp_path, _rows(["8/2", "22/3", "10/5", "17/6\n(ghép SP)"])))
    assert result.kind == "attendance"
    assert result.errors == [] and result.warnings == []
    assert _key(result.records()) == _want(FIRST + SECOND)
    units = {record["full_name"]: record["unit"] for record in result.records()}
    assert units["Hầu A Sềnh"] == "Chi bộ bản Séo Phìn"
    assert units["Phạm Thị Hoa"] == "Chi bộ thôn Nậm Pung"


def test_a_dates_row_repeating_the_name_label_and_a_remark_after_a_space(tmp_path):
    rows = _rows(["08/02", "22/03", "10/05", "17/6 (ghép SP)"], second_name_cell="Họ và tên")
    result = parse_file(_write(tmp_path, rows))
    assert result.errors == [] and result.warnings == []
    assert _key(result.records()) == _want(FIRST + SECOND)


def test_a_person_row_with_date_like_marks_is_no_header(tmp_path):
    rows = _rows(["8/2", "22/3", "10/5", "17/6\n(ghép SP)"])
    rows[10][1] = "Vàng A Dình"  # a name under 'Họ và tên': a person's row, its cells unreadable marks
    result = parse_file(_write(tmp_path, rows))
    assert result.errors  # warned, not read as a header
    assert any("Theo doi" in item["message"] and "8/2" in item["message"] for item in result.errors)


def test_cells_that_are_no_text_are_no_name_labels():
    rows = [[dt.datetime(2025, 4, 14, 9, 30), "Họ và tên", 2025], [1, None, "8/2"]]
    assert name_columns(rows, 0, 1) == {1}
    assert leaves_names_out(rows, 0, 1)
    assert not leaves_names_out([[dt.datetime(2025, 1, 1), "Họ và tên"], [2, "Giàng A Páo"]], 0, 1)
