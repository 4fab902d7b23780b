"""A long check-in log, one row per person and meeting, whose status comes from checkbox columns: "Check-in" /
"Có mặt" / "Present" (TRUE = present; "Điểm danh" only when the file says so), "Trễ" / "Muộn" / "Late" (TRUE =
late) and whether the reason column ("Lý do vắng", "Reason") is filled: not present with a reason is excused,
without one absent — read silently when a rule line says so, else with one warning (b44 a04). A column of TRUE /
FALSE (or numbers) is never the name column, whatever its header; the working group's "Thành viên ĐCT" is."""

import datetime as dt

import pytest
from layouts.sheet import Sheet
from layouts.writers import write_csv, write_ods, write_xlsx

from importers import parse_file
from importers.errors import ImportFileError
from importers.name_lists import unpivot_name_lists
from importers.results import SheetData

RULE = ("Quy ước: Check-in TRUE = có mặt; Check-in TRUE và Trễ TRUE = đi trễ; Check-in FALSE, có ghi Lý do vắng = "
        "vắng có phép; Check-in FALSE, để trống Lý do vắng = vắng không phép")
UNIT = "Chi bộ Tổ dân phố 22"
# (name, present, late, reason, status)
ROWS = [
    ("Đoàn Quang Dũng", True, False, None, "present"),
    ("Thái Như Nhân", True, True, None, "late"),
    ("Tạ Thị Mỹ Diễm", False, False, "Đi công tác Hà Nội", "excused"),
    ("Hồ Lê Thị Loan", False, False, None, "absent"),
    ("Võ Lê Thị Thư", True, False, None, "present"),
]
DAYS = [dt.datetime(2025, 1, 7), dt.datetime(2025, 2, 14)]
HEADERS = {
    "vietnamese": ["Ngày họp", "Chi bộ", "Thành viên ĐCT", "Check-in", "Trễ", "Lý do vắng", "Note"],
    "english": ["Date", "Chi bộ", "Name", "Present", "Late", "Reason", "Note"],
    "words": ["Ngày sinh hoạt", "Chi bộ", "Họ và tên", "Có mặt", "Muộn", "Lý do vắng", "Ghi chú"],
}


def _log(headers, rule=RULE, present_header=None, name_first=False) -> tuple[Sheet, list[dict]]:
    header = list(headers)
    if present_header:
        header[3] = present_header
    sheet = Sheet("Log", width=len(header))
    sheet.add(["LOG THEO DÕI THÀNH VIÊN ĐOÀN CÔNG TÁC DỰ SINH HOẠT CHI BỘ - NĂM 2025"])
    if rule:
        sheet.add([rule.replace("Check-in", header[3]).replace("Trễ", header[4]).replace("Lý do vắng", header[5])])
    sheet.add()
    sheet.add(header)
    expected = []
    for day in DAYS:
        for name, present, late, reason, status in ROWS:
            row = [day, UNIT, name, present, late, reason, "Phát biểu ý kiến" if late else None]
            if name_first:  # the checkbox columns before the names
                row = [row[0], row[1], row[3], row[4], row[2], row[5], row[6]]
            sheet.add(row)
            expected.append({"full_name": name, "date": day.date().isoformat(), "status": status, "unit": UNIT})
    if name_first:
        sheet.rows[sheet.rows.index(header)] = [header[0], header[1], header[3], header[4], header[2], header[5],
                                                header[6]]
    return sheet, expected


def _write(tmp_path, sheet, how):
    path = tmp_path / f"log.{'csv' if how.startswith('csv') else how}"
    if how.startswith("csv"):
        write_csv(path, sheet, how)
    else:
        (write_xlsx if how == "xlsx" else write_ods)(path, [sheet])
    return path


def _reason_warnings(result):
    return [w["message"] for w in result.warnings if "hiểu là vắng có phép" in w["message"]]


@pytest.mark.parametrize("how", ["csv_utf8", "csv_utf8_bom_semicolon", "xlsx", "ods"])
@pytest.mark.parametrize("headers", list(HEADERS))
def test_a_check_in_log_with_its_rule_line_reads_silently(tmp_path, headers, how):
    sheet, expected = _log(HEADERS[headers])
    result = parse_file(_write(tmp_path, sheet, how))
    assert result.kind == "attendance"
    assert result.records() == expected
    assert result.errors == []
    assert _reason_warnings(result) == []
    assert not any(record["full_name"] in ("True", "False", "TRUE", "FALSE") for record in result.records())


@pytest.mark.parametrize("headers", list(HEADERS))
def test_without_the_rule_line_the_reasons_are_read_with_one_warning(tmp_path, headers):
    sheet, expected = _log(HEADERS[headers], rule=None)
    result = parse_file(_write(tmp_path, sheet, "csv_utf8"))
    assert result.records() == expected
    assert len(_reason_warnings(result)) == 1


@pytest.mark.parametrize("how", ["csv_utf8", "xlsx"])
def test_checkbox_columns_before_the_names_never_take_the_name_column(tmp_path, how):
    sheet, expected = _log(HEADERS["vietnamese"], name_first=True)
    result = parse_file(_write(tmp_path, sheet, how))
    assert result.records() == expected
    assert result.errors == []


def test_a_diem_danh_checkbox_is_read_when_the_rule_line_says_ticked_is_present(tmp_path):
    sheet, expected = _log(HEADERS["vietnamese"], present_header="Điểm danh")
    result = parse_file(_write(tmp_path, sheet, "csv_utf8"))
    assert result.records() == expected
    assert result.errors == []


def test_a_diem_danh_checkbox_without_a_rule_line_is_still_refused(tmp_path):
    sheet, _ = _log(HEADERS["vietnamese"], rule=None, present_header="Điểm danh")
    result = parse_file(_write(tmp_path, sheet, "csv_utf8"))
    assert result.records() == []
    assert result.errors and all("ô tích (TRUE/FALSE)" in error["message"] for error in result.errors)


def test_checkbox_texts_are_no_names_listed_under_status_headers():
    rows = [["Ngày họp", "Thành viên ĐCT", "Check-in", "Trễ", "Lý do vắng"]]
    rows += [["07/01/2025", name, "TRUE", "FALSE", reason] for name, _, _, reason, _ in ROWS]
    sheet = SheetData(name="Log", rows=rows, merges=[])
    assert unpivot_name_lists(sheet) is False
    assert sheet.rows[0][1] == "Thành viên ĐCT"


def test_a_name_header_over_checkboxes_gives_way_to_the_column_of_names(tmp_path):
    sheet = Sheet("Điểm danh", width=4)
    sheet.add(["ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.add(["Ngày họp", "Tên", "Họ và tên", "Có mặt"])  # "Tên" here is a tick: "on the list"
    for name, present, *_ in ROWS:
        sheet.add([DAYS[0], True, name, "Có" if present else "Vắng"])
    result = parse_file(_write(tmp_path, sheet, "xlsx"))
    assert [record["full_name"] for record in result.records()] == [name for name, *_ in ROWS]


def test_a_name_column_of_checkboxes_alone_is_refused_naming_it(tmp_path):
    sheet = Sheet("Điểm danh", width=3)
    sheet.add(["ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.add(["Ngày họp", "Họ và tên", "Có mặt"])
    for _, present, *_ in ROWS:
        sheet.add([DAYS[0], present, "Có"])
    with pytest.raises(ImportFileError) as raised:
        parse_file(_write(tmp_path, sheet, "xlsx"))
    assert "cột B «Họ và tên»" in str(raised.value) and "«True»" in str(raised.value)
