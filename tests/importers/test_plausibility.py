"""Plausibility warnings: a file whose records are wrong never passes the dry run with no error and no warning,
and a sample read right gains none."""

import json
from datetime import date

import pytest
from importer_paths import sample_files
from sheet_files import write_sheet

import importers.plausibility as plausibility
from importers import ImportFileError, parse_file
from importers.cli import main

TODAY = date(2026, 12, 5)
TITLE = [["ĐẢNG BỘ THỊ XÃ HỒNG LĨNH"], ["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], []]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh"]
FAMILY = ["Nguyễn Văn", "Trần Thị", "Lê Minh", "Phạm Đức", "Hoàng Thu", "Vũ Ngọc", "Đặng Quang", "Bùi Xuân"]
ROLES = ["Trưởng đoàn", "Phó đoàn"] + ["Thành viên"] * 6


def _save(tmp_path, rows, merges=(), name="Sheet1"):
    return write_sheet(tmp_path / "file.xlsx", rows, title=name, merges=merges)


def _dry_run(capsys, path, *extra):
    """The CLI's dry run of a file, as the JSON payload."""
    assert main(["import", str(path), "--dry-run", "--json", "--today", TODAY.isoformat(), *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _roster(names, births=None, phones=None, roles=ROLES):
    header = ["STT", "Họ và tên", "Ngày sinh", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Số điện thoại"]
    rows = []
    for number, name in enumerate(names, 1):
        birth = births[number - 1] if births else f"{number:02d}/0{number % 9 + 1}/19{60 + number}"
        phone = phones[number - 1] if phones else f"09123456{number:02d}"
        rows.append([number, name, birth, "Đoàn công tác số 1", roles[(number - 1) % len(roles)], phone])
    return TITLE + [header] + rows


def _messages(warnings, *words):
    return [w["message"] for w in warnings if all(word in w["message"] for word in words)]


def test_a_name_split_in_two_columns_is_joined_with_no_false_warning(tmp_path, capsys):
    header = ["STT", "Họ và tên đệm", "Tên", "Ngày sinh", "Đoàn công tác", "Nhiệm vụ trong đoàn"]
    rows = [[n, family, given, f"0{n}/03/197{n}", "Đoàn công tác số 1", ROLES[n - 1]]
            for n, (family, given) in enumerate(zip(FAMILY, GIVEN), 1)]
    payload = _dry_run(capsys, _save(tmp_path, TITLE + [header] + rows))
    assert [r["full_name"] for r in payload["records"]][:2] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert payload["errors"] == []
    assert not _messages(payload["warnings"], "chưa dùng") and not _messages(payload["warnings"], "một chữ")


def test_given_names_alone_in_the_name_column_warn_of_one_word_names(tmp_path, capsys):
    payload = _dry_run(capsys, _save(tmp_path, _roster(GIVEN)))  # the family names are in no column at all
    assert [r["full_name"] for r in payload["records"]][:2] == ["An", "Bình"]  # read wrongly: the warnings say so
    assert payload["errors"] == []
    one_word = _messages(payload["warnings"], "8 tên chỉ có một chữ")
    assert len(one_word) == 1 and one_word[0].startswith("Trang «Sheet1», cột B «Họ và tên»: 8 tên chỉ có một chữ")


def test_a_birth_date_split_into_day_month_year_is_joined_with_no_false_warning(tmp_path, capsys):
    header = [["STT", "Họ và tên", "Ngày, tháng, năm sinh", None, None, "Đoàn công tác", "Nhiệm vụ trong đoàn"],
              [None, None, "Ngày", "Tháng", "Năm", None, None]]
    rows = [[n, f"{family} {given}", n + 10, n % 12 + 1, 1960 + n, "Đoàn công tác số 1", ROLES[n - 1]]
            for n, (family, given) in enumerate(zip(FAMILY, GIVEN), 1)]
    merges = ["C4:E4", "A4:A5", "B4:B5", "F4:F5", "G4:G5"]
    payload = _dry_run(capsys, _save(tmp_path, TITLE + header + rows, merges))
    assert [r["birth_date"] for r in payload["records"]][:2] == ["1961-02-11", "1962-03-12"]
    assert not _messages(payload["warnings"], "trước năm 1920") and not _messages(payload["warnings"], "1900")


def test_only_the_day_of_birth_in_the_birth_column_warns_of_1900_dates(tmp_path, capsys):
    names = [f"{family} {given}" for family, given in zip(FAMILY, GIVEN)]
    payload = _dry_run(capsys, _save(tmp_path, _roster(names, births=[n + 10 for n in range(1, 9)])))
    births = {r["birth_date"] for r in payload["records"]}
    assert births and all(b < "1920" for b in births)  # read wrongly: the warnings say so
    assert len(_messages(payload["warnings"], "8 ngày sinh trước năm 1920")) == 1
    assert len(_messages(payload["warnings"], "8 trên 8 bản ghi cùng tháng sinh «1900-01»")) == 1


def test_a_role_in_brackets_after_the_name_that_contradicts_the_role_column_refuses_those_rows(tmp_path, capsys):
    names = [f"{family} {given}" for family, given in zip(FAMILY, GIVEN)]
    names[0] += " (Trưởng đoàn)"
    names[1] += " (Phó đoàn)"
    payload = _dry_run(capsys, _save(tmp_path, _roster(names, roles=["Thành viên"])))
    assert [(e["row"], e["column"]) for e in payload["errors"]] == [(5, "B"), (6, "B")]
    assert "«Nguyễn Văn An (Trưởng đoàn)» khác với ô nhiệm vụ E5 «Thành viên»" in payload["errors"][0]["message"]
    assert all("(" not in r["full_name"] for r in payload["records"]) and len(payload["records"]) == 6


def test_a_role_in_brackets_after_the_name_goes_into_an_empty_role_column(tmp_path, capsys):
    names = [f"{family} {given}" for family, given in zip(FAMILY, GIVEN)]
    names[0] += " (Trưởng đoàn)"
    names[1] += " (Phó đoàn)"
    payload = _dry_run(capsys, _save(tmp_path, _roster(names, roles=[None])))
    assert [(r["full_name"], r["role"]) for r in payload["records"]][:3] == [
        ("Nguyễn Văn An", "head"), ("Trần Thị Bình", "deputy"), ("Lê Minh Cường", "member")]
    assert payload["errors"] == [] and not _messages(payload["warnings"], "chức danh")


@pytest.mark.parametrize("name, words", [
    ("Ông Nguyễn Văn An", "danh xưng"), ("Bà Trần Thị Bình", "danh xưng"), ("Nguyễn Văn An 2", "chữ số"),
    ("Nguyễn Văn An Bí thư chi bộ", "chức danh"), ("Nguyễn Văn An Bình Cường Dũng Giang", "dài hơn 6 chữ"),
    ("Nguyễn Văn [An]", "dấu ngoặc"), ("Nguyễn Văn An TS", "học hàm, học vị"),
    ("Nguyễn Văn An, ThS.", "học hàm, học vị"), ("Nguyễn Văn An - PGS", "học hàm, học vị")])
def test_odd_names_are_named(tmp_path, name, words):
    names = [f"{family} {given}" for family, given in zip(FAMILY, GIVEN)]
    names[3] = name
    result = parse_file(_save(tmp_path, _roster(names)), today=TODAY)
    found = [w for w in result.warnings if words in w["message"]]
    assert len(found) == 1 and found[0]["row"] == 8 and found[0]["column"] == "B"


def test_births_under_18_count_from_the_given_today_or_else_the_files_year(tmp_path):
    names = [f"{family} {given}" for family, given in zip(FAMILY, GIVEN)]
    births = [f"01/01/19{70 + n}" for n in range(8)]
    births[2] = "01/06/2010"
    path = _save(tmp_path, _roster(names, births))
    assert len(_messages(parse_file(path, today=TODAY).warnings, "chưa đủ 18 tuổi tính đến ngày 05/12/2026")) == 1
    assert not _messages(parse_file(path, today=date(2028, 7, 1)).warnings, "chưa đủ 18 tuổi")
    assert not _messages(parse_file(path).warnings, "chưa đủ 18 tuổi")  # no today and no year: nothing to count from
    titled = _save(tmp_path, [["DANH SÁCH ĐOÀN CÔNG TÁC NĂM 2025"]] + _roster(names, births)[1:])
    assert len(_messages(parse_file(titled).warnings, "chưa đủ 18 tuổi tính đến năm 2025")) == 1


def test_phones_of_eleven_digits_warn_once_but_landlines_do_not(tmp_path):
    names = [f"{family} {given}" for family, given in zip(FAMILY, GIVEN)]
    phones = [f"09123456{n:02d}" for n in range(8)]
    phones[1], phones[2], phones[3] = "01234567890", "01234567891", "02438251234"
    result = parse_file(_save(tmp_path, _roster(names, phones=phones)), today=TODAY)
    found = _messages(result.warnings, "không phải 10 chữ số")
    assert len(found) == 1 and found[0].startswith("Trang «Sheet1», cột F «Số điện thoại»: 2 số điện thoại")


def test_one_person_twice_and_with_two_roles_in_one_group(tmp_path):
    names = [f"{family} {given}" for family, given in zip(FAMILY, GIVEN)]
    rows = _roster(names)
    rows.append([9, names[0], rows[4][2], "Đoàn công tác số 1", "Thành viên", rows[4][5]])
    rows.append([10, names[1], rows[5][2], "Đoàn công tác số 2", "Phó đoàn", rows[5][5]])
    result = parse_file(_save(tmp_path, rows), today=TODAY)
    roles = _messages(result.warnings, "hai nhiệm vụ trong cùng một đoàn")
    assert len(roles) == 1
    assert "«Nguyễn Văn An» trong Đoàn công tác số 1: trưởng đoàn, thành viên (dòng 5, 13)" in roles[0]
    twice = _messages(result.warnings, "hơn một dòng trong danh sách")
    assert len(twice) == 1 and "«Trần Thị Bình»" in twice[0] and "dòng 6, 14" in twice[0]


def _long_register(marks, dates=None, reasons=None):
    header = ["Ngày sinh hoạt", "Họ và tên", "Có mặt", "Lý do vắng", "Chi bộ"]
    rows = []
    for n, mark in enumerate(marks):
        day = dates[n] if dates else f"{6 + n // 8:02d}/01/2025"
        rows.append([day, f"{FAMILY[n % 8]} {GIVEN[n % 8]}", mark, (reasons or {}).get(n), "Chi bộ Khu phố 1"])
    return [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], []] + [header] + rows


def test_a_no_in_a_present_flag_column_is_read_as_absent_with_one_warning_to_check(tmp_path, capsys):
    marks = ["Có", "Không", "Có", "Có", "Không", "Có", "Có", "Có"] * 2
    payload = _dry_run(capsys, _save(tmp_path, _long_register(marks, reasons={1: "Ốm"})))
    assert sorted(r["status"] for r in payload["records"]).count("present") == 12
    assert {r["status"] for r in payload["records"] if r["status"] != "present"} == {"absent", "excused"}
    found = _messages(payload["warnings"], "«Không»")
    assert len(found) == 1 and found[0].startswith("Sheet1: Cột C «Có mặt»: ghi «Không»") and "kiểm tra" in found[0]


def test_a_mark_that_is_no_tick_in_a_present_flag_column_is_one_warning_with_its_count(tmp_path, capsys):
    marks = ["Có", "N", "Có", "Có", "N", "Có", "Có", "Có"] * 2  # 'Không' is now read; 'N' is still no known mark
    payload = _dry_run(capsys, _save(tmp_path, _long_register(marks, reasons={1: "Ốm"})))
    found = _messages(payload["warnings"], "«N»")
    assert found == ["Trang «Sheet1», cột C «Có mặt»: «N» ở 4 ô (C5, C8, C13…) không phải dấu đánh dấu, nhưng "
                     "dòng vẫn được đọc theo tên cột («Có mặt»), cần kiểm tra"]


def test_a_usual_mark_of_another_status_in_a_flag_column_is_one_warning_naming_its_usual_meaning(tmp_path, capsys):
    """b30: 'M' (đến muộn, by the usual marks; the file's note said so in words no legend reads) in 'Có mặt' | 'Vắng'
    was read as present without a word."""
    header = ["Ngày sinh hoạt", "Họ và tên", "Có mặt", "Vắng", "Chi bộ"]
    rows = [["06/01/2025", f"{FAMILY[n]} {GIVEN[n]}", "M" if n in (1, 4) else ("x" if n != 6 else None),
             "x" if n == 6 else None, "Chi bộ Khu phố 1"] for n in range(8)]
    payload = _dry_run(capsys, _save(tmp_path, [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [], header] + rows))
    found = _messages(payload["warnings"], "«M»")
    assert found == ["Trang «Sheet1», cột C «Có mặt»: «M» ở 2 ô (C5, C8) thường có nghĩa là đến muộn, nhưng dòng vẫn "
                     "được đọc theo tên cột («Có mặt»), cần kiểm tra"]


def test_an_unknown_mark_in_a_register_is_one_line_per_distinct_value(tmp_path, capsys):
    header = ["STT", "Họ và tên", "Chi bộ"] + [f"T{m}" for m in range(1, 13)]
    rows = [[n, f"{family} {given}", "Chi bộ Khu phố 1"] + ["x", "HT", "x", "P"] * 3  # 'Không' is now read
            for n, (family, given) in enumerate(zip(FAMILY, GIVEN), 1)]
    payload = _dry_run(capsys, _save(tmp_path, [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [], header] + rows))
    assert len(payload["errors"]) == 24
    found = _messages(payload["warnings"], "«HT»")
    assert found == ["Trang «Sheet1», bảng: ký hiệu điểm danh «HT» không đọc được, ở 24 ô (E4, I4, M4…) — các dòng "
                     "này chưa được nhập"]
    assert payload["warnings"][0]["message"] == found[0]


def test_meeting_dates_outside_the_sheets_year_or_after_today_and_two_records_for_one_meeting(tmp_path):
    marks = ["Có"] * 8
    dates = ["06/01/2025"] * 6 + ["06/01/2024", "06/01/2027"]
    rows = _long_register(marks, dates)
    rows.append(["06/01/2025", f"{FAMILY[0]} {GIVEN[0]}", "Có", None, "Chi bộ Khu phố 1"])
    result = parse_file(_save(tmp_path, rows), today=TODAY)
    outside = _messages(result.warnings, "ngoài năm 2025")
    assert len(outside) == 1 and outside[0].startswith("Trang «Sheet1», cột A «Ngày sinh hoạt»: 2 buổi sinh hoạt")
    assert "A10 «2024-01-06», A11 «2027-01-06»" in outside[0]
    assert len(_messages(result.warnings, "1 buổi sinh hoạt sau ngày 05/12/2026")) == 1
    twice = _messages(result.warnings, "hai bản ghi cho cùng một buổi sinh hoạt")
    assert len(twice) == 1 and "«Nguyễn Văn An» ngày 2025-01-06 (dòng 4, 12)" in twice[0]


def test_a_warning_on_many_rows_is_one_line_and_the_surest_come_first(tmp_path):
    names = [GIVEN[n % 8] for n in range(100)]
    phones = ["01234567890"] * 100
    result = parse_file(_save(tmp_path, _roster(names, births=[f"01/01/{1960 + n % 30}" for n in range(100)],
                                                phones=phones)), today=TODAY)
    assert len(_messages(result.warnings, "100 tên chỉ có một chữ")) == 1
    messages = [w["message"] for w in result.warnings]
    assert messages.index(_messages(result.warnings, "một chữ")[0]) < messages.index(
        _messages(result.warnings, "10 chữ số")[0])
    assert all("_severity" not in w for w in result.warnings)
    assert all(set(w) == {"sheet", "row", "column", "field", "value", "message"} for w in result.warnings)


def test_numbering_totals_notes_and_stray_cells_are_not_unused_data(tmp_path):
    header = ["Số TT", "Họ và tên", "Ngày sinh", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Ghi chú", "Tổng số buổi",
              None]
    rows = [[n, f"{family} {given}", f"0{n}/03/197{n}", "Đoàn công tác số 1", ROLES[n - 1], "chuyển đến", n, None]
            for n, (family, given) in enumerate(zip(FAMILY, GIVEN), 1)]
    rows[0][7] = "xem lại"
    result = parse_file(_save(tmp_path, TITLE + [header] + rows), today=TODAY)
    assert result.warnings == []


SAMPLES = sample_files()


@pytest.mark.parametrize("path", SAMPLES or [pytest.param(None, marks=pytest.mark.skip(reason="no samples"))],
                         ids=lambda p: p.name if p else "none")
def test_a_sample_read_right_gains_no_warning(path, monkeypatch):
    truth = json.loads((path.parent / f"{path.name}.truth.json").read_text(encoding="utf-8"))
    try:
        result = parse_file(path, today=TODAY)
    except ImportFileError:
        pytest.skip("not readable today")
    if result.records() != truth["records"]:
        pytest.skip("read wrongly today: its warnings are wanted")
    monkeypatch.setattr(plausibility, "CHECKS", {})
    monkeypatch.setattr(plausibility, "not_understood", lambda result: [])
    monkeypatch.setattr(plausibility, "sheets_without_unit", lambda result: [])
    assert result.warnings == parse_file(path, today=TODAY).warnings


def test_a_column_of_years_nobody_reads_is_unused_data_not_numbering(tmp_path):
    header = ["STT", "Họ và tên", "Ngày sinh", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Năm vào Đảng"]
    rows = [[n, f"{family} {given}", f"0{n}/03/197{n}", "Đoàn công tác số 1", ROLES[n - 1], 1995 + n]
            for n, (family, given) in enumerate(zip(FAMILY, GIVEN), 1)]
    result = parse_file(_save(tmp_path, TITLE + [header] + rows), today=TODAY)
    assert [w["message"] for w in result.warnings] == [
        "Trang «Sheet1», cột F «Năm vào Đảng»: 8 giá trị, chưa dùng — không trường nào đọc cột này "
        "(F5 «1996», F6 «1997», F7 «1998»…)"]


def test_a_today_that_is_no_date_is_refused_as_json(tmp_path, capsys):
    names = [f"{family} {given}" for family, given in zip(FAMILY, GIVEN)]
    path = _save(tmp_path, _roster(names))
    assert main(["import", str(path), "--dry-run", "--json", "--today", "2026-13-01"]) == 2
    assert "2026-13-01" in json.loads(capsys.readouterr().out)["error"]


@pytest.mark.parametrize("name", ["ThS. Nguyễn Văn An", "Đ/c ThS. Nguyễn Văn An", "PGS.TS.Nguyễn Văn An",
                                  "Đồng chí KS Nguyễn Văn An", "CN. Nguyễn Văn An", "Thạc sĩ Nguyễn Văn An"])
def test_degrees_and_honorifics_before_a_name_are_stripped_with_no_warning(tmp_path, name):
    names = [f"{family} {given}" for family, given in zip(FAMILY, GIVEN)]
    names[0] = name
    result = parse_file(_save(tmp_path, _roster(names)), today=TODAY)
    assert result.records()[0]["full_name"] == "Nguyễn Văn An"
    assert result.warnings == []


@pytest.mark.parametrize("code, group", [("ĐCT01", "Đoàn công tác số 1"), ("ĐCT số 02", "Đoàn công tác số 2"),
                                         ("Đoàn số III", "Đoàn công tác số 3"), ("Tổ CT 4", "Tổ công tác số 4")])
def test_group_codes_read_as_the_group_name_with_no_warning(tmp_path, code, group):
    rows = _roster([f"{family} {given}" for family, given in zip(FAMILY, GIVEN)])
    for row in rows[4:]:
        row[3] = code
    result = parse_file(_save(tmp_path, rows), today=TODAY)
    assert {record["group"] for record in result.records()} == {group}
    assert result.warnings == []


def test_a_group_code_not_understood_is_kept_as_written_with_a_warning(tmp_path):
    rows = _roster([f"{family} {given}" for family, given in zip(FAMILY, GIVEN)])
    for row in rows[4:]:
        row[3] = "ĐKT-A" if row[0] % 2 else "Đoàn công tác số 1"
    result = parse_file(_save(tmp_path, rows), today=TODAY)
    assert {record["group"] for record in result.records()} == {"ĐKT-A", "Đoàn công tác số 1"}
    found = _messages(result.warnings, "4 giá trị đoàn công tác không có dạng")
    assert len(found) == 1 and found[0].startswith("Trang «Sheet1», cột D «Đoàn công tác»")
    assert "(D5 «ĐKT-A», D7 «ĐKT-A», D9 «ĐKT-A»…)" in found[0]


def _stacked(units, header=("STT", "Họ và tên", "Thg 1", "Thg 2", "Thg 3"), total=True, titles=True):
    rows = [["ĐẢNG BỘ PHƯỜNG AN LẠC"], ["KẾT QUẢ SINH HOẠT CHI BỘ QUÝ I NĂM 2025"], []]
    people = iter(f"{family} {given}" for family in FAMILY for given in GIVEN)
    for number, unit in enumerate(units, 1):
        if titles:
            rows.append([f"{number}. {unit} (3 đảng viên)"])
        rows.append(list(header))
        for index in range(1, 4):
            rows.append([index, next(people), "x", "P" if index == 2 else "x", "x"])
        if total:
            rows.append([None, "Cộng", 3, 2, 3])
        rows.append([])
    return rows + [["Ghi chú: x có mặt; P vắng có phép"]]


UNITS = ["Chi bộ Khu phố 1", "Chi bộ Tổ dân phố Hòa Bình", "Chi bộ Trường Tiểu học An Lạc"]


def test_tables_stacked_on_one_sheet_are_each_read_with_their_own_unit(tmp_path):
    result = parse_file(_save(tmp_path, _stacked(UNITS)), today=TODAY)
    records = result.records()
    assert len(records) == 27 and result.errors == [] and result.warnings == []
    assert [r["unit"] for r in records[::9]] == UNITS
    assert records[9] == {"full_name": "Nguyễn Văn Dũng", "date": "2025-01-01", "status": "present",
                          "unit": "Chi bộ Tổ dân phố Hòa Bình"}
    skipped = result.row_frame.set_index("row")["reason"]
    assert skipped[9] == "dòng tổng của khối" and skipped[11] == "dòng tên khối"
    assert skipped[12] == "dòng tiêu đề bảng của khối"


def test_stacked_tables_with_a_column_numbering_row_under_each_header_and_no_totals(tmp_path):
    rows = []
    for row in _stacked(UNITS, total=False):
        rows.append(row)
        if row[:2] == ["STT", "Họ và tên"]:
            rows.append(["(1)", "(2)", "(3)", "(4)", "(5)"])
    result = parse_file(_save(tmp_path, rows), today=TODAY)
    assert len(result.records()) == 27 and result.errors == [] and result.warnings == []
    assert [r["unit"] for r in result.records()[::9]] == UNITS


def test_a_stacked_block_without_a_title_is_an_error_naming_its_rows(tmp_path):
    rows = _stacked(UNITS)
    rows[10] = []  # the second block's title line
    result = parse_file(_save(tmp_path, rows), today=TODAY)
    assert [e["row"] for e in result.errors] == [12]
    assert "dòng 12" in result.errors[0]["message"] and "dòng 13–" in result.errors[0]["message"]


def test_a_table_that_stops_at_a_total_with_people_below_warns_naming_the_rows(tmp_path, monkeypatch):
    import importers.parsing as parsing

    monkeypatch.setattr(parsing, "find_stack", lambda *args: None)  # the reading before stacked tables
    rows = _stacked(UNITS)
    rows[2] = ["Đơn vị: Đảng bộ phường An Lạc"]  # a line the title gives every record's unit from
    result = parse_file(_save(tmp_path, rows), today=TODAY)
    assert len(result.records()) == 9 and result.errors == []
    below = _messages(result.warnings, "6 dòng dưới chỗ bảng dừng đọc (dòng 9)")
    assert len(below) == 1 and "B13 «Nguyễn Văn Dũng»" in below[0]
    units = _messages(result.warnings, "mọi bản ghi có cùng chi bộ «Đảng bộ phường An Lạc»", "2 dòng tên chi bộ khác")
    assert len(units) == 1 and "dòng 11 «Chi bộ Tổ dân phố Hòa Bình»" in units[0]


def test_a_signature_name_below_the_table_is_no_left_out_data(tmp_path):
    rows = _stacked(UNITS[:1]) + [[None, None, None, "BÍ THƯ"], [None, None, None, "Nguyễn Văn Hùng"]]
    result = parse_file(_save(tmp_path, rows), today=TODAY)
    assert len(result.records()) == 9 and result.warnings == [] and result.errors == []
    assert {r["unit"] for r in result.records()} == {"Chi bộ Khu phố 1"}  # the one block's numbered title line


@pytest.mark.parametrize(("label", "unused"), [("Kỳ sinh hoạt", True), ("Kỳ", False), ("Ký xác nhận", False)])
def test_a_meeting_period_column_is_data_a_signature_column_is_not(tmp_path, label, unused):
    header = ["STT", "Họ và tên", "Ngày sinh", "Đoàn công tác", "Nhiệm vụ trong đoàn", label]
    rows = [[n, f"{family} {given}", f"0{n}/03/197{n}", "Đoàn công tác số 1", ROLES[n - 1], f"Quý {n % 4 + 1}"]
            for n, (family, given) in enumerate(zip(FAMILY, GIVEN), 1)]
    result = parse_file(_save(tmp_path, TITLE + [header] + rows), today=TODAY)
    assert any("chưa dùng" in w["message"] and label in w["message"] for w in result.warnings) is unused
