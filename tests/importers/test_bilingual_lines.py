"""Legend and context lines written in two languages (a foreign-invested company's Vietnamese/Korean or
Vietnamese/English template): a lead followed by its translation ('Ký hiệu / 범례:', 'Tổ chức đảng / Party cell:'),
a gloss after each meaning ('Có mặt (출석)', 'Vắng (Absent)'), a whole translated line after ' / ' or on a line of
its own. They are read by their Vietnamese part; a Vietnamese bracket ('Vắng (ốm)') is a reason, kept."""

import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.bilingual_lines import vietnamese_line
from importers.legends import parse_legend

KOREAN_LEGEND = ("Ký hiệu / 범례:  O = Có mặt (출석);  △ = Đi muộn (지각);  P = Vắng có phép (사유 결석);  "
                 "X = Vắng không phép (무단 결석).")


@pytest.mark.parametrize("text, line", [
    (KOREAN_LEGEND, "Ký hiệu:  O = Có mặt;  △ = Đi muộn;  P = Vắng có phép;  X = Vắng không phép"),
    ("Ký hiệu / Legend: x = Có mặt (Present); v = Vắng (Absent); P = Vắng có phép (Excused)",
     "Ký hiệu: x = Có mặt; v = Vắng; P = Vắng có phép"),
    ("Legend / Ký hiệu: O = Có mặt (出席), X = Vắng (欠席)", "Ký hiệu: O = Có mặt, X = Vắng"),
    ("Ghi chú / Note: O = Có mặt / Present; M = Đi muộn / Late", "Ghi chú: O = Có mặt; M = Đi muộn"),
    ("Ký hiệu/범례: O = Có mặt 출석; X = Vắng 결석", "Ký hiệu: O = Có mặt; X = Vắng"),
    ("O = Có mặt (Present); X = Vắng (Absent)", "O = Có mặt; X = Vắng"),
    ("Ký hiệu: O = Có mặt; X = Vắng / 범례: O = 출석; X = 결석", "Ký hiệu: O = Có mặt; X = Vắng"),
    ("Ký hiệu: O = Có mặt; X = Vắng\nLegend: O = Present; X = Absent", "Ký hiệu: O = Có mặt; X = Vắng"),
    ("Tổ chức đảng / Party cell: Chi bộ Công ty TNHH Hanbit Electronics Vina",
     "Tổ chức đảng: Chi bộ Công ty TNHH Hanbit Electronics Vina"),
    ("Tổ chức đảng / Party organisation: Đảng bộ Công ty B", "Tổ chức đảng: Đảng bộ Công ty B"),
    ("Chi bộ / Party cell: Chi bộ Trường A", "Chi bộ: Chi bộ Trường A"),
    ("Đơn vị / 단위: Chi bộ Khu phố 1", "Đơn vị: Chi bộ Khu phố 1"),
    ("Đơn vị: Chi bộ Khu phố 1 / Unit: Party cell of Quarter 1", "Đơn vị: Chi bộ Khu phố 1"),
    # near-misses: one language only, a Vietnamese bracket, a note without a lead, an English field after '/'
    ("Ký hiệu: x = có mặt; V = Vắng (ốm); P = có phép", None),
    ("O = Có mặt; X = Vắng", None),
    ("X = có mặt; V = vắng", None),
    ("Nghỉ việc từ 01/09/2025 / 퇴사", None),
    ("Đơn vị: Chi bộ Khu phố 1 / Khu phố 2", None),
    ("Điện thoại/Email: 0912345678", None),
    ("Legend: O = Present; X = Absent", None),
])
def test_vietnamese_line(text, line):
    assert vietnamese_line(text) == (line or text, [])


def test_gloss_reading_otherwise_is_named():
    line, differing = vietnamese_line("Ghi chú / Note: O = Có mặt, P = Vắng (Excused)")
    assert line == "Ghi chú: O = Có mặt, P = Vắng"
    assert differing == [("P = Vắng (Excused)", "P = Vắng")]


def test_vietnamese_bracket_reads_as_today():
    text = "Ký hiệu: x = có mặt; V = Vắng (ốm); P = có phép"
    assert parse_legend(vietnamese_line(text)[0]) == parse_legend(text) == {"x": "present", "v": "absent",
                                                                             "p": "excused"}


DATES = [dt.datetime(2025, 1, 11), dt.datetime(2025, 2, 15), dt.datetime(2025, 3, 8)]
PEOPLE = [("Dương Thị Ngọc Thủy", ["O", "O", "P"]), ("Vũ Thị Minh Dung", ["O", "△", "X"]),
          ("Đỗ Xuân Hiếu", ["X", "O", "O"])]


def _register(path, unit_line, legend, marks=PEOPLE, title="BẢNG THEO DÕI SINH HOẠT CHI BỘ / 당 세포 회의 출석부"):
    book = Workbook()
    sheet = book.active
    sheet.title = "Attendance_2025"
    for row in (["HANBIT ELECTRONICS VINA CO., LTD  |  한빛전자 비나"], [unit_line], [title], [],
                ["STT\nNo.", "Họ và tên\n성명", "Bộ phận\n부서", *DATES, "Ghi chú\n비고"]):
        sheet.append(row)
    for number, (name, cells) in enumerate(marks, 1):
        sheet.append([number, name, "SMT", *cells, None])
    sheet.append([])
    sheet.append([legend])
    for column in "DEF":
        for row in range(5, 6 + len(marks)):
            if isinstance(sheet[f"{column}{row}"].value, dt.datetime):
                sheet[f"{column}{row}"].number_format = "dd-mmm"
    book.save(path)
    return path


STATUS = {"O": "present", "△": "late", "P": "excused", "X": "absent", "x": "present", "v": "absent"}


def _expected(unit, marks=PEOPLE, status=STATUS):
    return [{"full_name": name, "date": day.date().isoformat(), "status": status[cell], "unit": unit}
            for name, cells in marks for day, cell in zip(DATES, cells)]


def _records(result):
    return [{field: record[field] for field in ("full_name", "date", "status", "unit")} for record in
            result.records()]


def test_korean_template(tmp_path):
    path = _register(tmp_path / "fdi.xlsx", "Tổ chức đảng / Party cell: Chi bộ Công ty TNHH Hanbit Electronics Vina",
                     KOREAN_LEGEND)
    result = parse_file(path)
    assert result.kind == "attendance"
    assert result.errors == []
    assert _records(result) == _expected("Chi bộ Công ty TNHH Hanbit Electronics Vina")  # X read as absent


def test_english_glosses(tmp_path):
    marks = [("Lê Văn An", ["x", "v", "P"]), ("Trần Thị Bình", ["x", "x", "v"])]
    path = _register(tmp_path / "en.xlsx", "Chi bộ / Party cell: Chi bộ Công ty TNHH Sao Mai",
                     "Ghi chú / Note: x = Có mặt (Present); v = Vắng không phép (Absent); P = Vắng có phép (Excused)",
                     marks, title="BẢNG THEO DÕI SINH HOẠT CHI BỘ / ATTENDANCE")
    result = parse_file(path)
    assert result.errors == []
    assert _records(result) == _expected("Chi bộ Công ty TNHH Sao Mai", marks)


def test_whole_translated_lines(tmp_path):
    path = _register(tmp_path / "lines.xlsx", "Đơn vị: Chi bộ Công ty TNHH Sao Mai / Unit: Sao Mai party cell",
                     "Ký hiệu: O = Có mặt; △ = Đi muộn; P = Vắng có phép; X = Vắng không phép\n"
                     "Legend: O = Present; △ = Late; P = Excused; X = Absent")
    result = parse_file(path)
    assert result.errors == []
    assert _records(result) == _expected("Chi bộ Công ty TNHH Sao Mai")


def test_gloss_saying_otherwise_is_warned(tmp_path):
    marks = [("Lê Văn An", ["O", "P", "O"])]
    path = _register(tmp_path / "odd.xlsx", "Đơn vị / Unit: Chi bộ Công ty TNHH Sao Mai",
                     "Ký hiệu / Legend: O = Có mặt (Present); P = Vắng (Excused)", marks)
    result = parse_file(path)
    assert _records(result) == _expected("Chi bộ Công ty TNHH Sao Mai", marks, {"O": "present", "P": "absent"})
    warned = [w for w in result.warnings if w["value"] == "P = Vắng (Excused)"]
    assert [(w["row"], w["column"]) for w in warned] == [(8, "A")]
    assert warned[0]["message"].startswith("Attendance_2025!A8: ký hiệu «P = Vắng (Excused)» ghi hai thứ tiếng")


def test_x_present_elsewhere_stays_present(tmp_path):
    marks = [("Lê Văn An", ["X", "V", "X"])]
    path = _register(tmp_path / "x.xlsx", "Đơn vị: Chi bộ Khu phố 1", "Ký hiệu: X = có mặt; V = vắng", marks,
                     title="BẢNG THEO DÕI SINH HOẠT CHI BỘ")
    result = parse_file(path)
    assert _records(result) == _expected("Chi bộ Khu phố 1", marks, {"X": "present", "V": "absent"})
