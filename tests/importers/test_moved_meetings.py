"""A moved meeting's column header: its own date and a remark holding the other date ('12/11 (dời từ 05/11 do bão số
13)': held on 12/11; '05/11 (dời sang 12/11)': held on 12/11). A header with two dates and no word saying which was
held is warned, never read either way; marks under any header not read as a meeting are always warned unused."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.capital_units import CAPITALS_ONLY
from importers.date_words import without_remark
from importers.locating import header_date
from importers.moved_meetings import held_date_text, unclear_move

PEOPLE = ("Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường", "Ngô Thị Dung")
MARKS = ("x", "P", "x", "K")
STATUS = {"x": "present", "P": "excused", "K": "absent"}
# the title's unit is only written in capitals: its spelling is told (``importers.capital_units``)
THON_1 = CAPITALS_ONLY.format(where="Trang «SH», ô A1", kind="chi bộ", written="CHI BỘ THÔN 1", unit="Chi bộ Thôn 1")


def _register(tmp_path, headers, marks=None, people=PEOPLE, two_rows=False):
    """A wide register of `people` with one meeting column per header; `marks` gives a column's cells (by header)
    where not the usual marks."""
    marks = marks or {}
    rows = [["CHI BỘ THÔN 1"], ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], []]
    if two_rows:
        rows += [["STT", "Họ và tên", "Ngày sinh hoạt", *[None] * (len(headers) - 1), "Ghi chú"],
                 [None, None, *headers, None]]
    else:
        rows.append(["STT", "Họ và tên", *headers, "Ghi chú"])
    for number, name in enumerate(people, start=1):
        rows.append([number, name, *[marks[header][number - 1] if header in marks else MARKS[number % 4]
                                     for header in headers], None])
    return parse_file(str(write_sheet(tmp_path / "register.xlsx", rows, title="SH")))


def _expected(dates, people=PEOPLE):
    return [(name, date, STATUS[MARKS[number % 4]]) for number, name in enumerate(people, start=1)
            for date in dates]


def _messages(result):
    return [warning["message"] for warning in result.warnings]


def _read(result):
    return [(record["full_name"], record["date"], record["status"]) for record in result.records()]


@pytest.mark.parametrize("moved, held", [
    ("12/11 (dời từ 05/11 do bão số 13)", "2025-11-12"),
    ("12/11/2025 (hoãn từ ngày 5/11)", "2025-11-12"),
    ("19/11 (họp bù cho 12/11)", "2025-11-19"),
    ("20/11 (thay cho 15/11)", "2025-11-20"),
    ("15/11 (chuyển từ 08/11 vì mưa lũ)", "2025-11-15"),
    ("12/11 [dự kiến 05/11]", "2025-11-12"),
    ("05/11 (dời sang 12/11)", "2025-11-12"),
    ("05/11 (hoãn đến 12/11)", "2025-11-12"),
    ("05/11 (chuyển sang ngày 12/11)", "2025-11-12"),
    ("05/11/2025 (lùi lại đến ngày 12/11)", "2025-11-12"),
    ("05/11 (dời từ 05/11 sang 12/11)", "2025-11-12"),
    ("12/11 (do bão số 13)", "2025-11-12"),  # digits but no date in the bracket: a remark about that day's meeting
    ("12/11 (19h30)", "2025-11-12"),
])
@pytest.mark.parametrize("two_rows", [False, True])
def test_a_moved_meeting_is_read_on_the_day_it_was_held(tmp_path, moved, held, two_rows):
    result = _register(tmp_path, ["08/10", "22/10", moved, "26/11"], two_rows=two_rows)
    assert result.kind == "attendance"
    assert result.errors == [] and _messages(result) == [THON_1]
    assert _read(result) == _expected(["2025-10-08", "2025-10-22", held, "2025-11-26"])


def test_full_dates_with_moved_meetings_both_ways(tmp_path):
    headers = ["08/10/2025", "12/11/2025 (hoãn từ ngày 5/11)", "03/12/2025 (dời sang 10/12)", "24/12/2025"]
    result = _register(tmp_path, headers)
    assert result.errors == [] and _messages(result) == [THON_1]
    assert _read(result) == _expected(["2025-10-08", "2025-11-12", "2025-12-10", "2025-12-24"])


def test_two_dates_without_a_moving_word_are_warned_not_read(tmp_path):
    result = _register(tmp_path, ["08/10", "22/10", "12/11 (05/11)", "26/11"])
    assert _read(result) == _expected(["2025-10-08", "2025-10-22", "2025-11-26"])
    assert _messages(result) == [
        "Trang «SH», cột E «12/11 (05/11)»: 4 giá trị, chưa dùng — tiêu đề ghi hai ngày mà không nói buổi họp dời từ "
        "ngày nào sang ngày nào, nên chưa đọc được là buổi họp ngày nào — hãy ghi rõ «dời từ …» hoặc «dời sang …» rồi "
        "nhập lại (E5 «P», E6 «x», E7 «K»…)", THON_1]


FIFTEEN = tuple(f"{family} {given}" for family in ("Lê Văn", "Trần Thị", "Phạm Văn")
                for given in ("An", "Bình", "Cường", "Dũng", "Giang"))


@pytest.mark.parametrize("header", ["12/11 (05/11)", "Sinh hoạt ngoài trời"])
def test_a_few_marks_under_an_unread_header_are_warned(tmp_path, header):
    """An absence-only column (two marks among fifteen people) under a header not read as a meeting: warned with
    its sheet, letter, header and count, however few its marks."""
    few = [None] * 15
    few[3], few[9] = "P", "K"
    result = _register(tmp_path, ["08/10", "22/10", header, "26/11"], marks={header: few}, people=FIFTEEN)
    assert {record["date"] for record in result.records()} == {"2025-10-08", "2025-10-22", "2025-11-26"}
    assert len(result.warnings) == 2 and _messages(result)[1] == THON_1
    message = result.warnings[0]["message"]
    assert message.startswith(f"Trang «SH», cột E «{header}»: 2 giá trị, chưa dùng — ")
    assert message.endswith("(E8 «P», E14 «K»)")


def test_a_signature_column_stays_quiet(tmp_path):
    few = [None] * 15
    few[3] = "x"
    result = _register(tmp_path, ["08/10", "22/10", "Ký tên", "26/11"], marks={"Ký tên": few}, people=FIFTEEN)
    assert _messages(result) == [THON_1]


@pytest.mark.parametrize("label, held", [
    ("12/11 (dời từ 05/11 do bão số 13)", "12/11"), ("12/11/2025 (hoãn từ ngày 5/11)", "12/11/2025"),
    ("19/12 (họp bù cho 12/12)", "19/12"), ("20/6 (thay cho 15/6)", "20/6"),
    ("15/01 (chuyển từ 08/01 vì mưa lũ)", "15/01"), ("Thứ Tư 12/11 (dời từ 05/11)", "Thứ Tư 12/11"),
    ("12/11 - dời từ 05/11", "12/11"), ("05/11 (dời sang 12/11)", "12/11"), ("05/11 (hoãn đến 12/11)", "12/11"),
    ("05/11 (chuyển sang ngày 12/11)", "12/11"), ("05/11/2025 (dời sang 12/11)", "12/11/2025"),
    ("28/12/2025 (dời sang 04/01)", "04/01/2026"),
    ("12/11 (05/11)", None), ("12/11 (ngày 05/11)", None), ("05/11 (dời sang 12/11, sang 19/11)", None),
    ("Lần 1 (06/01)", None), ("Kỳ 2 (03/12/2025)", None), ("26/6 (CĐ)", None), ("10/1 (Thứ Sáu)", None),
    ("12/11 (do bão số 13)", None), ("05/11", None),
])
def test_held_date_text(label, held):
    assert held_date_text(label) == held


@pytest.mark.parametrize("label, bare", [
    ("12/11 (dời từ 05/11 do bão số 13)", "12/11"), ("05/11 (dời sang 12/11)", "12/11"),
    ("12/11 (05/11)", "12/11 (05/11)"), ("Lần 1 (06/01)", "Lần 1 (06/01)"),
    ("Kỳ 2 (03/12/2025)", "Kỳ 2 (03/12/2025)"), ("26/6 (CĐ)", "26/6"), ("10/1 (Thứ Sáu)", "10/1 (Thứ Sáu)"),
    ("12/11 (do bão số 13)", "12/11"), ("12/11 (họp lần 2)", "12/11"), ("10/1 (T6)", "10/1 (T6)"),
    ("Tháng 1 (2 buổi)", "Tháng 1 (2 buổi)"),
])
def test_without_remark(label, bare):
    assert without_remark(label) == bare


def test_unclear_move_and_header_date():
    assert unclear_move("12/11 (05/11)") and not unclear_move("12/11 (dời từ 05/11)")
    assert not unclear_move("Lần 1 (06/01)") and not unclear_move("26/6 (CĐ)")
    assert header_date("12/11/2025 (hoãn từ ngày 5/11)") == "2025-11-12"
    assert header_date("05/11/2025 (dời sang 12/11)") == "2025-11-12"
    assert header_date("12/11/2025 (05/11)") is None


def test_a_long_register_dates_its_moved_meetings_and_refuses_an_unclear_one(tmp_path):
    rows = [["CHI BỘ THÔN 1"], ["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["STT", "Họ và tên", "Ngày sinh hoạt", "Điểm danh"],
            [1, "Lê Văn An", "08/10/2025", "x"], [2, "Trần Thị Bình", "08/10/2025", "P"],
            [3, "Lê Văn An", "12/11/2025 (dời từ 05/11)", "x"], [4, "Trần Thị Bình", "12/11/2025 (dời từ 05/11)", "K"],
            [5, "Lê Văn An", "03/12/2025 (dời sang 10/12)", "x"], [6, "Trần Thị Bình", "24/12/2025 (17/12)", "x"]]
    result = parse_file(str(write_sheet(tmp_path / "long.xlsx", rows, title="SH")))
    assert _read(result) == [("Lê Văn An", "2025-10-08", "present"), ("Trần Thị Bình", "2025-10-08", "excused"),
                             ("Lê Văn An", "2025-11-12", "present"), ("Trần Thị Bình", "2025-11-12", "absent"),
                             ("Lê Văn An", "2025-12-10", "present")]
    assert _messages(result) == [THON_1]
    assert [(error["row"], error["column"], error["message"]) for error in result.errors] == [
        (10, "C", "SH!C10: ngày sinh hoạt '24/12/2025 (17/12)' ghi hai ngày mà không nói buổi họp dời từ ngày nào "
                  "sang ngày nào — hãy ghi rõ «dời từ …» hoặc «dời sang …» rồi nhập lại")]
