"""A roster workbook kept for years, one sheet per year ("DS 2021" … "DS 2025", "Năm 2024" | "Năm 2025", titles
"… NĂM 2024"): the sheets are versions of one list, so only the latest year's sheets are read, the earlier ones named
in one warning. Sheets per group or of one year, registers kept a tab per year, sheets whose year is unclear and
years in the rows only keep being read all (``importers.year_versions``)."""

import pytest

from importers import parse_file
from importers.results import Table
from importers.year_versions import UNCLEAR, sheet_year
from tests.workbooks import write_workbook

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn số", "Nhiệm vụ", "Phụ trách chi bộ"]
PEOPLE = {
    2021: [("Cầm Thị Thoan", "03/08/1981"), ("Ngân Văn Chăm", "26/01/1989"), ("Lô Văn Tám", "10/01/1971")],
    2022: [("Ngân Thị Pâng", "27/08/1974"), ("Quang Thị Mai", "16/08/1981"), ("Cầm Văn Xồm", "21/11/1975")],
    2024: [("Phan Công Thắng", "04/01/1980"), ("Lê Thị Linh", "26/07/1986"), ("Vi Văn Phăn", "26/06/1969")],
    2025: [("Đậu Công Quý", "11/03/1969"), ("Thái Thị Hồng Hà", "02/12/1995"), ("Lữ Văn Hải", "05/05/1984")],
}
ROLES = ("Trưởng đoàn", "Phó Trưởng đoàn", "Thành viên")


def roster(year: int | None, *, title_year: int | None = None, group: int = 1, people=None) -> list[list]:
    """One year's list of a group: a title stating the year (`title_year`, else `year`; None: no year)."""
    stated = title_year or year
    title = "DANH SÁCH CÁC ĐOÀN CÔNG TÁC PHỤ TRÁCH CÁC CHI BỘ" + (f" NĂM {stated}" if stated else "")
    rows = [["ĐẢNG BỘ XÃ LÂM THẮNG"], [title], [], HEADER]
    for number, (name, born) in enumerate(people or PEOPLE[year], start=1):
        rows.append([number, name, born, "Đảng ủy viên", group, ROLES[number - 1], f"Chi bộ bản Na {number}"])
    return rows


def register(year: int) -> list[list]:
    """A chi bộ's register for one year, months across."""
    return [[f"SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM {year}"], ["Đơn vị: Chi bộ bản Na Lượng"],
            ["STT", "Họ và tên", "Tháng 1", "Tháng 2", "Tháng 3"],
            [1, "Vi Văn Phăn", "x", "x", "P"], [2, "Lê Thị Linh", "x", "K", "x"], [],
            ["Ghi chú: x có mặt, P vắng có phép, K vắng không phép"]]


def day_register(year: int) -> list[list]:
    """A register for one year, its meetings day/month under "Ngày sinh hoạt", the year in the title only."""
    return [[f"SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM {year}"], ["Đơn vị: Chi bộ bản Na Lượng"],
            ["STT", "Họ và tên", "Ngày sinh hoạt", None, None], [None, None, "05/01", "05/02", "05/03"],
            [1, "Vi Văn Phăn", "x", "x", "P"], [2, "Lê Thị Linh", "x", "K", "x"], [],
            ["Ghi chú: x có mặt, P vắng có phép, K vắng không phép"]]


def names(result) -> list[str]:
    return [record["full_name"] for record in result.records()]


def year_warnings(result) -> list[str]:
    return [w["message"] for w in result.warnings if "năm" in w["message"] and "trang «" in w["message"].lower()]


def test_only_the_latest_year_tab_is_read(tmp_path):
    path = write_workbook(tmp_path / "ds.xlsx", {f"DS {year}": roster(year) for year in (2021, 2022, 2024, 2025)})
    result = parse_file(path)
    assert result.sheet == "DS 2025"
    assert names(result) == [name for name, _ in PEOPLE[2025]]
    assert year_warnings(result) == [
        "Trang «DS 2021», «DS 2022», «DS 2024» là danh sách các năm trước: chỉ đọc trang «DS 2025» (năm 2025, năm mới "
        "nhất); chọn trang khác nếu cần."]
    assert {"what": "Trang tính", "value": "DS 2025",
            "source": "danh sách của năm mới nhất (các trang năm trước để riêng)"} in result.inferences


def test_the_latest_year_wins_wherever_its_tab_stands(tmp_path):
    """The current list first, the old ones after it; tabs named "Năm …"."""
    path = write_workbook(tmp_path / "ds.xlsx", {"Năm 2025": roster(2025), "Năm 2024": roster(2024)})
    result = parse_file(path)
    assert result.sheet == "Năm 2025"
    assert names(result) == [name for name, _ in PEOPLE[2025]]
    assert len(year_warnings(result)) == 1


def test_the_year_may_be_in_the_title_only(tmp_path):
    path = write_workbook(tmp_path / "ds.xlsx", {"Sheet1": roster(2022), "Sheet2": roster(2024),
                                                "Sheet3": roster(2021)})
    result = parse_file(path)
    assert result.sheet == "Sheet2"
    assert names(result) == [name for name, _ in PEOPLE[2024]]
    assert "Trang «Sheet1», «Sheet3» là danh sách các năm trước" in year_warnings(result)[0]


def test_an_old_year_in_another_layout_is_left_aside_too(tmp_path):
    """The old list has its own column order: it would be read by its own header, and joined, as another layout."""
    old = roster(2024)
    old = [row[:1] + row[2:3] + row[1:2] + row[3:] if len(row) > 3 else row for row in old]
    path = write_workbook(tmp_path / "ds.xlsx", {"DS 2024": old, "DS 2025": roster(2025)})
    result = parse_file(path)
    assert names(result) == [name for name, _ in PEOPLE[2025]]
    assert "«DS 2024» là danh sách các năm trước" in year_warnings(result)[0]


def test_two_sheets_of_the_latest_year_are_both_read(tmp_path):
    path = write_workbook(tmp_path / "ds.xlsx", {
        "DS 2024": roster(2024), "DS 2025 khu A": roster(2025, group=1),
        "DS 2025 khu B": roster(2025, group=2, people=PEOPLE[2022])})
    result = parse_file(path)
    assert result.sheet == ["DS 2025 khu A", "DS 2025 khu B"]
    assert names(result) == [name for name, _ in PEOPLE[2025] + PEOPLE[2022]]
    assert "Trang «DS 2024» là danh sách các năm trước: chỉ đọc trang «DS 2025 khu A», «DS 2025 khu B»" \
        in year_warnings(result)[0]


def test_an_earlier_year_is_still_read_when_chosen(tmp_path):
    path = write_workbook(tmp_path / "ds.xlsx", {f"DS {year}": roster(year) for year in (2021, 2022, 2025)})
    result = parse_file(path, sheet="DS 2021")
    assert names(result) == [name for name, _ in PEOPLE[2021]]
    assert not year_warnings(result)
    chosen = parse_file(path, overrides={"sheets": ["DS 2021", "DS 2022"]})
    assert names(chosen) == [name for name, _ in PEOPLE[2021] + PEOPLE[2022]]


def test_sheets_per_group_of_one_year_are_all_read(tmp_path):
    path = write_workbook(tmp_path / "ds.xlsx", {
        "Doan 1": roster(2025, group=1), "Doan 2": roster(2025, group=2, people=PEOPLE[2024]),
        "Doan 3": roster(2025, group=3, people=PEOPLE[2022])})
    result = parse_file(path)
    assert len(result.records()) == 9
    assert not year_warnings(result)


@pytest.mark.parametrize("tabs", [("Doan 1 - 2024", "Doan 2 - 2025"), ("T12-2024", "T1-2025")])
def test_group_or_month_tabs_naming_years_are_not_versions(tmp_path, tabs):
    """Sheets per group or per month: every one read, the years they name warned about."""
    path = write_workbook(tmp_path / "ds.xlsx", {tabs[0]: roster(None, people=PEOPLE[2024]),
                                                tabs[1]: roster(None, group=2, people=PEOPLE[2025])})
    result = parse_file(path)
    assert len(result.records()) == 6
    assert "không bỏ trang nào vì năm" in year_warnings(result)[0]


def test_years_in_the_rows_only_say_nothing(tmp_path):
    path = write_workbook(tmp_path / "ds.xlsx", {"Khu A": roster(None, people=PEOPLE[2021]),
                                                "Khu B": roster(None, people=PEOPLE[2025])})
    result = parse_file(path)
    assert len(result.records()) == 6
    assert not year_warnings(result)


def test_a_sheet_of_no_clear_year_keeps_every_sheet_read_with_a_warning(tmp_path):
    path = write_workbook(tmp_path / "ds.xlsx", {"DS 2024": roster(2024), "DS 2025": roster(2025),
                                                "Bo sung": roster(None, people=PEOPLE[2022])})
    result = parse_file(path)
    assert len(result.records()) == 9
    assert year_warnings(result) == [
        "Các trang «DS 2024», «DS 2025», «Bo sung» ghi các năm khác nhau (2024, 2025) nhưng trang «Bo sung» không ghi "
        "rõ một năm: không bỏ trang nào vì năm — nếu mỗi trang là danh sách của một năm, hãy chọn trang của năm cần "
        "nhập."]


def test_a_tab_and_title_disagreeing_is_no_clear_year(tmp_path):
    path = write_workbook(tmp_path / "ds.xlsx", {"DS 2024": roster(2024, title_year=2025), "DS 2025": roster(2025)})
    result = parse_file(path)
    assert len(result.records()) == 6
    assert "trang «DS 2024» không ghi rõ một năm" in year_warnings(result)[0]


@pytest.mark.parametrize("layout", [register, day_register])
def test_registers_kept_a_tab_per_year_are_all_read(tmp_path, layout):
    path = write_workbook(tmp_path / "so.xlsx", {"Năm 2024": layout(2024), "Năm 2025": layout(2025)})
    result = parse_file(path)
    assert result.kind == "attendance"
    assert {record["date"][:4] for record in result.records()} == {"2024", "2025"}
    assert not year_warnings(result)


@pytest.mark.parametrize(("name", "title", "year"), [
    ("DS 2025", None, 2025), ("Năm 2024", None, 2024), ("Sheet1", "DANH SÁCH ĐOÀN CÔNG TÁC NĂM 2023", 2023),
    ("Sheet1", "Năm: 2023", 2023), ("DS 2025", "DANH SÁCH … NĂM 2025", 2025),
    ("Sheet1", "DANH SÁCH ĐOÀN CÔNG TÁC XÃ LÂM THẮNG NĂM 2025", 2025),
    ("Sheet1", "Lâm Thắng, ngày 05 tháng 9 năm 2025", None), ("Sheet1", None, None),
    ("NK 2020-2025", None, UNCLEAR), ("T12-2024", None, UNCLEAR), ("Quý I 2025", None, UNCLEAR),
    ("Sheet1", "DANH SÁCH 6 THÁNG ĐẦU NĂM 2025", UNCLEAR), ("DS 2024", "… NĂM 2025", UNCLEAR),
    ("Doan 2 - 2025", None, UNCLEAR), ("DS 2026 (dự kiến)", None, UNCLEAR),
    ("Sheet1", "DỰ THẢO DANH SÁCH ĐOÀN CÔNG TÁC NĂM 2026", UNCLEAR),
])
def test_the_year_a_sheet_states(name, title, year):
    table = Table(sheet=name, header_rows=[3], labels=["Họ và tên"], body_start=4, body_end=9,
                  title_text=[title] if title else [])
    assert sheet_year(name, table) == year
