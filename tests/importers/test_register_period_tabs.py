"""A register kept one tab per period (quarter, half-year, month, year) of one chi bộ: the same members on every tab
(one joining or leaving between tabs), the same header, each tab its own meeting days ("05/04 | 05/05 | 05/06" under
a merged "Ngày sinh hoạt", the year in the title only). Every tab is read, even one listing everybody. A tab holding
no meetings of its own is left out with a warning: a summary with every tab's meetings, a count summary, a copy of a
tab's very dates; records two tabs give for one person and meeting are named in a warning (importers.repeated_tabs)."""

import pytest
from openpyxl import Workbook

from importers import parse_file

KHEM, NANG, BINH, XUAN, HANG = "Lý Sóc Khem", "Sơn Som Nang", "Đặng Hữu Bình", "Ngô Thị Mỹ Xuân", "Phan Thị Kim Hằng"
UNIT = "Chi bộ ấp Sóc Xoài"
STATUS = {"C": "present", "P": "excused", "V": "absent", "T": "late"}
LEGEND = "Ký hiệu: C - có đi họp; P - vắng có phép; V - vắng không phép; T - đi trễ."


def period_tab(period: str, days: list[str], people: list[tuple[str, str]], year: int | str = 2025,
               unit: str = UNIT) -> tuple[list[list], list[str]]:
    """One period's tab: title lines, 'Ngày sinh hoạt' merged over the meeting days, a row per person with one mark
    a meeting ('CCT') and the count of meetings attended; its rows and merged ranges."""
    last = chr(ord("C") + len(days) - 1)
    rows = [["ĐẢNG BỘ XÃ THẠNH SÓC", None, "ĐẢNG CỘNG SẢN VIỆT NAM"], [unit.upper()], [],
            [f"SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM {year}"], [f"{unit} - {period}/{year}"], [],
            ["STT", "Họ và tên", "Ngày sinh hoạt", *[None] * (len(days) - 1), "Số buổi dự", "Ghi chú"],
            [None, None, *days, None, None]]
    for number, (name, marks) in enumerate(people, start=1):
        rows.append([number, name, *[mark if mark != "-" else None for mark in marks],
                     sum(mark in "CT" for mark in marks), None])
    count = chr(ord(last) + 1)
    merges = ["A7:A8", "B7:B8", f"C7:{last}7", f"{count}7:{count}8", f"{chr(ord(count) + 1)}7:{chr(ord(count) + 1)}8"]
    return rows + [[], [None, LEGEND]], merges


def write(path, tabs: dict) -> str:
    book = Workbook()
    book.remove(book.active)
    for name, (rows, merges) in tabs.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in merges:
            sheet.merge_cells(cells)
    book.save(path)
    return path


def expected(days: list[str], people: list[tuple[str, str]], year: int = 2025, unit: str = UNIT) -> list[dict]:
    """The records of a tab: person by person, meeting by meeting, a blank mark giving none."""
    found = []
    for name, marks in people:
        for day, mark in zip(days, marks):
            if mark != "-":
                dd, mm = day.split("/")[:2]
                found.append({"full_name": name, "date": f"{year}-{int(mm):02d}-{int(dd):02d}",
                              "status": STATUS[mark], "unit": unit})
    return found


def key(record: dict) -> tuple:
    return record["full_name"], record["date"], record["status"], record["unit"]


Q1 = ["05/01", "05/02", "05/03"], [(KHEM, "CTC"), (NANG, "CCC"), (BINH, "CVP")]
Q2 = ["05/04", "05/05", "05/06"], [(KHEM, "CCC"), (NANG, "TCC"), (BINH, "VCC"), (XUAN, "-CC")]  # Xuân joins in May
Q3 = ["05/07", "06/08", "05/09"], [(KHEM, "TCC"), (NANG, "CCT"), (XUAN, "CTP")]  # Bình leaves
Q4 = ["05/10", "05/11", "05/12"], [(KHEM, "C--"), (NANG, "C--"), (XUAN, "C--")]  # the year not over yet
QUARTERS = {"Quy I": ("QUÝ I", *Q1), "Quy II": ("QUÝ II", *Q2), "Quy III": ("QUÝ III", *Q3),
            "Quy IV": ("QUÝ IV", *Q4)}


def quarter_tabs(names=tuple(QUARTERS)) -> dict:
    return {name: period_tab(QUARTERS[name][0], *QUARTERS[name][1:]) for name in names}


def quarter_records(names=tuple(QUARTERS)) -> list[dict]:
    return [record for name in names for record in expected(*QUARTERS[name][1:])]


def left_out(result) -> list[str]:
    return [w["message"] for w in result.warnings if "không đọc trang" in w["message"]]


def test_quarter_tabs_of_the_same_people_are_all_read_even_the_one_listing_everybody(tmp_path):
    result = parse_file(write(tmp_path / "quy.xlsx", quarter_tabs()))
    assert result.sheet == list(QUARTERS)
    assert sorted(map(key, result.records())) == sorted(map(key, quarter_records()))
    assert left_out(result) == [] and result.errors == []


@pytest.mark.parametrize("tabs", [
    # a tab per month, two meetings each, the day/month under 'Ngày sinh hoạt'
    {"Thang 1": ("THÁNG 1", ["06/01", "20/01"], [(KHEM, "CC"), (NANG, "CP")]),
     "Thang 2": ("THÁNG 2", ["03/02", "17/02"], [(KHEM, "CC"), (NANG, "VC"), (XUAN, "CC")]),
     "Thang 3": ("THÁNG 3", ["03/03", "17/03"], [(NANG, "CC"), (XUAN, "TC")])},
    # a tab per half-year, and a tab of the meetings added at the year's end
    {"6 thang dau": ("6 THÁNG ĐẦU NĂM", ["05/01", "05/03", "05/05"], [(KHEM, "CCC"), (NANG, "CPC")]),
     "6 thang cuoi": ("6 THÁNG CUỐI NĂM", ["05/07", "05/09", "05/11"], [(KHEM, "CTC"), (NANG, "CCC"), (XUAN, "CCV")]),
     "Bo sung": ("BỔ SUNG", ["19/12", "26/12", "30/12"], [(XUAN, "CCC")])},
])
def test_tabs_of_other_periods_each_with_its_own_meetings_are_all_read(tmp_path, tabs):
    path = write(tmp_path / "ky.xlsx", {name: period_tab(*spec) for name, spec in tabs.items()})
    result = parse_file(path)
    assert result.sheet == list(tabs)
    assert sorted(map(key, result.records())) == sorted(
        record for spec in tabs.values() for record in map(key, expected(*spec[1:])))
    assert left_out(result) == []


@pytest.mark.parametrize("label", ["{d}/{m}/2025", "Ngày {d}/{m}", "{d}.{m}.2025", "{d}-{m}"])
def test_the_meeting_days_may_be_written_with_their_year_or_a_word(tmp_path, label):
    tabs = quarter_tabs()
    for rows, _ in tabs.values():
        rows[7][2:5] = [label.format(d=day[:2], m=day[3:]) for day in rows[7][2:5]]
    result = parse_file(write(tmp_path / "quy.xlsx", tabs))
    assert result.sheet == list(QUARTERS)
    assert sorted(map(key, result.records())) == sorted(map(key, quarter_records()))
    assert left_out(result) == []


def test_tabs_stating_no_year_are_told_apart_by_day_and_month(tmp_path):
    """No title names the year: the officer gives it; the tabs' '05/04' and '05/01' are still different meetings."""
    tabs = quarter_tabs()
    for name, (rows, _) in tabs.items():
        rows[3], rows[4] = ["SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ"], [f"{UNIT} - {QUARTERS[name][0]}"]
    result = parse_file(write(tmp_path / "quy.xlsx", tabs), overrides={"year": 2025})
    assert result.sheet == list(QUARTERS)
    assert sorted(map(key, result.records())) == sorted(map(key, quarter_records()))
    assert left_out(result) == []


def test_year_tabs_with_the_same_days_are_different_meetings(tmp_path):
    """'05/01' on the 2024 tab and on the 2025 tab are two meetings: the year of each tab's title dates them."""
    days, people = ["05/01", "05/02", "05/03"], [(KHEM, "CCC"), (NANG, "CPC"), (BINH, "CCV")]
    tabs = {f"Nam {year}": period_tab("QUÝ I", days, people, year=year) for year in (2023, 2024, 2025)}
    result = parse_file(write(tmp_path / "nam.xlsx", tabs))
    assert result.sheet == list(tabs)
    assert sorted(map(key, result.records())) == sorted(
        record for year in (2023, 2024, 2025) for record in map(key, expected(days, people, year=year)))
    assert left_out(result) == []
    assert not any("lượt điểm danh đã có" in w["message"] for w in result.warnings)


def test_a_summary_tab_with_every_meeting_of_the_quarters_is_left_out(tmp_path):
    days = [day for spec in QUARTERS.values() for day in spec[1]]
    marks = {}
    for spec in QUARTERS.values():
        listed = dict(spec[2])
        for name in (KHEM, NANG, BINH, XUAN):
            marks[name] = marks.get(name, "") + listed.get(name, "-" * len(spec[1]))
    summary = period_tab("CẢ NĂM", days, list(marks.items()))
    result = parse_file(write(tmp_path / "quy.xlsx", {"Tong hop": summary, **quarter_tabs()}))
    assert result.sheet == list(QUARTERS)
    assert sorted(map(key, result.records())) == sorted(map(key, quarter_records()))
    assert len(left_out(result)) == 1 and "Tong hop" in left_out(result)[0] and "tổng hợp" in left_out(result)[0]


def test_a_count_summary_tab_is_left_out(tmp_path):
    counts = [["TỔNG HỢP DỰ SINH HOẠT CHI BỘ NĂM 2025"], [],
              ["STT", "Họ và tên", "Số buổi", "Có mặt", "Vắng có phép", "Vắng không phép"],
              [1, KHEM, 10, 9, 1, 0], [2, NANG, 10, 10, 0, 0], [3, BINH, 6, 3, 1, 2], [4, XUAN, 8, 6, 1, 1]]
    result = parse_file(write(tmp_path / "quy.xlsx", {**quarter_tabs(), "Tong hop": (counts, [])}))
    assert result.sheet == list(QUARTERS)
    assert sorted(map(key, result.records())) == sorted(map(key, quarter_records()))
    assert any("Tong hop" in w["message"] and "số đếm" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("names", [("Quy I", "Quy II", "Quy III"), ("Quy II",)])
def test_a_tab_copying_another_tabs_dates_is_left_out_never_read_twice(tmp_path, names):
    """'Quy II (2)' holds Quy II's very dates for the same people, with other marks: two claims on each
    person-meeting; the earlier tab is read, the copy named in a warning."""
    days, people = QUARTERS["Quy II"][1:]
    copy = period_tab("QUÝ II", days, [(name, marks[::-1]) for name, marks in people])
    result = parse_file(write(tmp_path / "quy.xlsx", {**quarter_tabs(names), "Quy II (2)": copy}))
    assert result.sheet == (list(names) if len(names) > 1 else names[0])
    assert sorted(map(key, result.records())) == sorted(map(key, quarter_records(names)))
    warned = left_out(result)
    assert len(warned) == 1 and '"Quy II (2)"' in warned[0] and '"Quy II"' in warned[0] and "05/04/2025" in warned[0]


def test_the_copy_is_left_out_even_when_it_is_the_sheet_chosen(tmp_path):
    """The copy has one column more ('Ký tên'), so its header is the one chosen; the earlier tab is still the one
    read."""
    days, people = QUARTERS["Quy I"][1:]
    rows, merges = period_tab("QUÝ I", days, people + [(HANG, "CCC")])
    rows[6].append("Ký tên")
    copy = rows, merges + ["H7:H8"]
    result = parse_file(write(tmp_path / "quy.xlsx", {"Quy I": quarter_tabs(["Quy I"])["Quy I"], "Ban sao": copy}))
    assert result.sheet == ["Quy I"]
    assert sorted(map(key, result.records())) == sorted(map(key, quarter_records(["Quy I"])))
    assert any('"Ban sao"' in message for message in left_out(result))


def test_two_tabs_giving_one_meeting_are_read_with_the_repeated_records_named(tmp_path):
    """Quy II repeats the March meeting of Quy I (one of its three): no copy, but the officer is told."""
    q2_days = ["05/03", "05/04", "05/05"]
    tabs = {"Quy I": period_tab("QUÝ I", *Q1), "Quy II": period_tab("QUÝ II", q2_days, [(KHEM, "CCC"), (NANG, "PCC")]),
            "Quy III": period_tab("QUÝ III", *Q3)}
    result = parse_file(write(tmp_path / "quy.xlsx", tabs))
    assert result.sheet == list(tabs)
    assert left_out(result) == []
    twice = [w["message"] for w in result.warnings if "lượt điểm danh đã có" in w["message"]]
    assert len(twice) == 1 and '"Quy II"' in twice[0] and '"Quy I"' in twice[0] and "05/03/2025" in twice[0]
    assert f"«{KHEM}»" in twice[0] and twice[0].startswith('Trang "Quy II" ghi lại 2 lượt')


def test_tabs_per_chi_bo_on_the_same_days_with_a_namesake_are_all_read(tmp_path):
    """One tab per chi bộ meets on the same days; a namesake in two chi bộ is two people, no copy."""
    days = ["05/01", "05/02", "05/03"]
    units = {"Soc Xoai": ("Chi bộ ấp Sóc Xoài", [(KHEM, "CCC"), (NANG, "CPC"), (BINH, "CCC")]),
             "Hoa Loi": ("Chi bộ ấp Hòa Lợi", [(HANG, "CCC"), (XUAN, "CVC"), (BINH, "TCC")]),
             "Tan Hiep": ("Chi bộ ấp Tân Hiệp", [("Trần Văn Tư", "CCC"), ("Lê Thị Năm", "CCC")])}
    tabs = {name: period_tab("QUÝ I", days, people, unit=unit) for name, (unit, people) in units.items()}
    result = parse_file(write(tmp_path / "chibo.xlsx", tabs))
    assert result.sheet == list(tabs)
    assert sorted(map(key, result.records())) == sorted(
        record for unit, people in units.values() for record in map(key, expected(days, people, unit=unit)))
    assert left_out(result) == []
    assert not any("lượt điểm danh đã có" in w["message"] for w in result.warnings)


def test_a_summary_by_month_beside_the_quarter_tabs_is_named_for_each_repeated_meeting(tmp_path):
    """A 'Tổng hợp' of the year by month ('T1' … 'T12', another layout, read by itself) claims each person's meeting
    of the month the quarter tabs date by day: neither is taken for the other silently."""
    marks = {}
    for spec in QUARTERS.values():
        listed = dict(spec[2])
        for name in (KHEM, NANG, BINH, XUAN):
            marks[name] = marks.get(name, "") + listed.get(name, "-" * len(spec[1]))
    rows = [["TỔNG HỢP DỰ SINH HOẠT CHI BỘ NĂM 2025"], ["STT", "Họ và tên", *[f"T{month}" for month in range(1, 13)]]]
    rows += [[number, name, *[mark if mark != "-" else None for mark in row]]
             for number, (name, row) in enumerate(marks.items(), start=1)] + [[], [None, LEGEND]]
    result = parse_file(write(tmp_path / "quy.xlsx", {**quarter_tabs(), "Tong hop": (rows, [])}))
    twice = [w for w in result.warnings if "lượt điểm danh đã có" in w["message"]]
    assert [w["sheet"] for w in twice] == ["Tong hop"]
    assert twice[0]["message"].startswith(f'Trang "Tong hop" ghi lại {len(quarter_records())} lượt')
    assert f"«{KHEM}» tháng 1/2025" in twice[0]["message"]
