"""A wide register with month columns ('T1' … 'T12' under a merged 'Tháng', or 'Tháng 1' …) whose row right under
the months gives each month's meeting day as day/month ('05/01', '12/02' moved for Tết), the row named in the name
column ('Ngày sinh hoạt →', 'Ngày họp:'): that row is header, never a person's row, and each month's records take
its day, the year from the title. A day/month of another month is refused naming the cell; a person's row holding
one date-like mark stays a person's row (``importers.day_texts``)."""

import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.day_texts import day_row_label, is_day_row, is_day_row_label
from importers.errors import ImportFileError

PEOPLE = ["Lê Quang Tuấn", "Võ Ngọc Oanh", "Siu H'Blin"]
MARKS = [["x", "x", "P"], ["M", "x", "x"], ["x", "V", "x"]]
STATUS = {"x": "present", "P": "excused", "V": "absent", "M": "late"}
LEGEND = "Ký hiệu: x - có mặt; P - vắng có phép; V - vắng không phép; M - đi muộn"


def _register(months, days, label="Ngày sinh hoạt →", marks=None):
    """Rows and merges: title, 'Tháng' merged over the months (rows 6-7), the day row (row 8), people from row 9."""
    marks = marks or MARKS
    width = len(months)
    end = chr(ord("C") + width - 1)
    rows = [["ĐẢNG BỘ XÃ IA TƠ NÔNG"], ["CHI BỘ LÀNG KON RƠNG"], [],
            ["SỔ THEO DÕI ĐẢNG VIÊN THAM DỰ SINH HOẠT CHI BỘ ĐỊNH KỲ NĂM 2025"], [],
            ["STT", "Họ và tên", "Tháng", *[None] * (width - 1), "Số buổi có mặt"],
            [None, None, *months, None],
            [None, label, *days, None]]
    for number, (name, own) in enumerate(zip(PEOPLE, marks), start=1):
        rows.append([number, name, *own[:width], sum(mark in ("x", "M") for mark in own[:width])])
    rows += [[], [LEGEND]]
    after = chr(ord(end) + 1)
    merges = [f"C6:{end}6", "A6:A8", "B6:B7", f"{after}6:{after}8"]
    return rows, merges


def _read(tmp_path, rows, merges):
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows, merges=merges, title="Theo doi SH 2025"))
    assert result.kind == "attendance"
    return result


def _expected(dates, marks=None):
    marks = marks or MARKS
    return sorted((name, date, STATUS[mark]) for name, own in zip(PEOPLE, marks)
                  for date, mark in zip(dates, own) if date and mark)


def _triples(result):
    return sorted((r["full_name"], r["date"], r["status"]) for r in result.records())


@pytest.mark.parametrize("label", ["Ngày sinh hoạt →", "Ngày họp:", "Ngày SH", "Ngày sinh hoạt ->"])
def test_labelled_day_month_row_dates_each_month(tmp_path, label):
    rows, merges = _register(["T1", "T2", "T3"], ["05/01", "12/02", "05/03"], label=label)
    result = _read(tmp_path, rows, merges)
    assert result.errors == []
    assert _triples(result) == _expected(["2025-01-05", "2025-02-12", "2025-03-05"])
    assert result.header_row == 8
    assert {c["field"] for c in result.columns_as_dicts() if c["letter"] == "B"} == {"full_name"}


@pytest.mark.parametrize("months", [[1, 2, 3], ["1", "2", "3"]])
def test_month_numbers_with_labelled_day_row(tmp_path, months):
    """'Tháng' merged over bare month numbers, the named day row under them (``importers.month_day_rows``)."""
    rows, merges = _register(months, ["05/01", "12/02", "05/03"], label="Ngày SH:")
    result = _read(tmp_path, rows, merges)
    assert result.errors == []
    assert _triples(result) == _expected(["2025-01-05", "2025-02-12", "2025-03-05"])


def test_month_numbers_with_a_day_of_another_month_is_refused(tmp_path):
    rows, merges = _register([1, 2, 3], ["05/01", "12/03", "05/03"])
    with pytest.raises(ImportFileError) as raised:
        _read(tmp_path, rows, merges)
    assert "D8" in raised.value.message


def test_month_words_with_labelled_day_row(tmp_path):
    rows, merges = _register(["Tháng 1", "Tháng 2", "Tháng 3"], ["05/01", "12/02", "ngày 05"])
    result = _read(tmp_path, rows, merges)
    assert result.errors == []
    assert _triples(result) == _expected(["2025-01-05", "2025-02-12", "2025-03-05"])


def test_blank_day_over_a_month_not_met_yet(tmp_path):
    marks = [[*own[:2], None] for own in MARKS]
    rows, merges = _register(["T1", "T2", "T3"], ["05/01", "12/02", None], marks=marks)
    result = _read(tmp_path, rows, merges)
    assert result.errors == []
    assert _triples(result) == _expected(["2025-01-05", "2025-02-12", None], marks)


def test_day_month_of_another_month_is_refused_naming_the_cell(tmp_path):
    rows, merges = _register(["T1", "T2", "T3"], ["05/02", "12/02", "05/03"])
    with pytest.raises(ImportFileError) as raised:
        _read(tmp_path, rows, merges)
    assert "C8" in raised.value.message and "05/02" in raised.value.message


def test_blank_day_over_marks_is_refused(tmp_path):
    rows, merges = _register(["T1", "T2", "T3"], ["05/01", None, "05/03"])
    with pytest.raises(ImportFileError) as raised:
        _read(tmp_path, rows, merges)
    assert "D8" in raised.value.message


def test_real_date_cells_in_the_day_row(tmp_path):
    days = [dt.datetime(2025, 1, 5), dt.datetime(2025, 2, 12), dt.datetime(2025, 3, 5)]
    rows, merges = _register(["T1", "T2", "T3"], days)
    result = _read(tmp_path, rows, merges)
    assert result.errors == []
    assert _triples(result) == _expected(["2025-01-05", "2025-02-12", "2025-03-05"])


def test_real_date_of_another_month_is_not_read_silently(tmp_path):
    """A date of February under 'T1' is no meeting day of January: the row is no day row, its cells are refused."""
    days = [dt.datetime(2025, 2, 5), dt.datetime(2025, 2, 12), dt.datetime(2025, 3, 5)]
    rows, merges = _register(["T1", "T2", "T3"], days)
    result = _read(tmp_path, rows, merges)
    assert ("C", 8) in {(error["column"], error["row"]) for error in result.errors}
    assert "2025-02-05" not in {r["date"] for r in result.records()}


def test_a_person_row_with_a_date_like_mark_stays_a_person(tmp_path):
    """A name in the name column makes the row a person's, whatever its cells hold."""
    rows, merges = _register(["T1", "T2", "T3"], ["05/01", "12/02", "05/03"])
    rows[8] = [1, PEOPLE[0], "05/01", None, None, 1]
    result = _read(tmp_path, rows, merges)
    assert any(error["row"] == 9 for error in result.errors)
    assert PEOPLE[1] in {r["full_name"] for r in result.records()}


def test_label_words():
    assert is_day_row_label("Ngày sinh hoạt →") and is_day_row_label("Ngày họp:") and is_day_row_label("Ngày SH")
    assert not is_day_row_label("Lê Quang Tuấn") and not is_day_row_label("Ngày") and not is_day_row_label(5)


def test_day_row_shapes():
    months = [None, None, 1, 2, 3]
    assert is_day_row([None, "Ngày sinh hoạt →", "05/01", "12/02", "05/03"], months)
    assert day_row_label([None, "Ngày sinh hoạt →", "05/01"], [2, 3, 4]) == 1
    assert not is_day_row([1, "Lê Quang Tuấn", "05/01", "12/02", "05/03"], months)
    assert not is_day_row([None, "Ngày sinh hoạt →", "x", "12/02", "05/03"], months)
    assert not is_day_row([None, "Ngày sinh hoạt →", None, None, None], months)
    assert not is_day_row(["Ngày họp", "Ngày sinh hoạt", "05/01", None, None], months)
