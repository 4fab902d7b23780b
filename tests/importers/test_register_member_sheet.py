"""A register typed from minutes, one row per meeting, whose cells list only the members excused, absent or late,
with the chi bộ's member list on another sheet and a note that whoever is not listed was present: one record per
member and meeting (importers.member_rolls). Members present are added only when the note says so and one other
sheet clearly lists people; a member's stated time in the chi bộ bounds them; every guess is warned about."""
import datetime as dt

import pytest
from openpyxl import load_workbook
from sheet_files import write_sheet

from importers import parse_file
from importers.member_rolls import find_roll, read_remark, says_unlisted_present
from importers.results import SheetData

MEMBERS = ["Hoàng Quang Chiến", "Dương Công Việt", "Đinh Hồng Sơn", "Bùi Thị Lan", "Phan Hữu Hưng"]
DAYS = [dt.date(2025, 3, 7), dt.date(2025, 4, 7), dt.date(2025, 5, 12), dt.date(2025, 6, 9)]
# per meeting: (excused, absent, late) cells
CELLS = [("Bùi Thị Lan (ốm)", None, "Dương Công Việt"),
         ("Đinh Hồng Sơn (việc gia đình), Phan Hữu Hưng (đi công tác)", "Hoàng Quang Chiến", None),
         (None, None, None),
         ("Dương Công Việt (đi viện)", None, "Bùi Thị Lan, Phan Hữu Hưng")]
STATUS = ("excused", "absent", "late")
RULE = "Các đồng chí không có tên ở các cột Vắng, Đến muộn là có mặt."
UNIT = "Chi bộ Khu 9"


def _listed():
    marks = {}
    for day, cells in zip(DAYS, CELLS):
        for status, cell in zip(STATUS, cells):
            for item in (cell or "").split(","):
                if item.strip():
                    marks[(item.split("(")[0].strip(), day.isoformat())] = status
    return marks


def _counts(members):
    return [sum(1 for name in members if _listed().get((name, day.isoformat())) in (None, "late")) for day in DAYS]


def _register(rule=RULE, below=None, counts=None, cells=CELLS):
    rows = [["ĐẢNG BỘ PHƯỜNG HỒNG GAI"], ["SỔ GHI TÌNH HÌNH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"],
            [f"Đơn vị: {UNIT}"]]
    rows += [[rule]] if rule else []
    rows += [[], ["Lần", "Ngày sinh hoạt", "Nội dung", "Số ĐV có mặt", "Vắng có lý do (họ tên, lý do)",
                  "Vắng không lý do", "Đến muộn"]]
    counts = counts or _counts(MEMBERS)
    rows += [[index, dt.datetime.combine(day, dt.time()), "Sinh hoạt thường kỳ", count, *meeting]
             for index, (day, count, meeting) in enumerate(zip(DAYS, counts, cells), 1)]
    rows += [[], [below]] if below else []
    rows += [[], [None, None, None, None, None, "BÍ THƯ CHI BỘ"], [None, None, None, None, None, "Trịnh Thị Nhung"]]
    return rows


def _members(names=MEMBERS, header=("STT", "Họ và tên", "Năm sinh"), extra=None):
    rows = [["DANH SÁCH ĐẢNG VIÊN CHI BỘ KHU 9"], [], list(header)]
    rows += [[index, name, 1970 + index] + list((extra or {}).get(name, ())) for index, name in enumerate(names, 1)]
    return rows


def _book(tmp_path, register, *others):
    path = write_sheet(tmp_path / "book.xlsx", register, title="So SHCB")
    book = load_workbook(path)
    for title, rows in others:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _expected(members, skip=()):
    marks = _listed()
    return sorted((name, day.isoformat(), marks.get((name, day.isoformat()), "present"), UNIT)
                  for day in DAYS for name in members
                  if (name, day.isoformat()) in marks or (name, day.isoformat()) not in skip)


def _records(result):
    return sorted((r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records())


def _messages(result):
    return [w["message"] for w in result.warnings]


@pytest.mark.parametrize("rule, below", [
    (RULE, None),
    ("Chi bộ có 5 đảng viên (danh sách tại sheet \"DS dang vien\"). Đảng viên không có tên trong các cột vắng, "
     "muộn thì có mặt.", None),
    ("Những đồng chí không ghi tên ở cột Vắng có lý do, Vắng không lý do, Đến muộn là có mặt đầy đủ", None),
    ("Ngoài các đồng chí ghi ở trên, các đồng chí khác đều dự họp.", None),
    (None, "Ghi chú: Số đảng viên còn lại tham dự đầy đủ."),
    (None, "* Đảng viên không bị ghi tên trong sổ này coi như có mặt"),
], ids=["columns", "count-and-sheet", "not-written", "besides", "note-below", "regarded"])
def test_members_not_listed_are_present_when_the_sheet_says_so(tmp_path, rule, below):
    result = parse_file(_book(tmp_path, _register(rule, below), ("DS dang vien", _members())))
    assert result.kind == "attendance" and result.errors == []
    assert _records(result) == _expected(MEMBERS)
    messages = _messages(result)
    assert len(messages) == 1 and "trang «DS dang vien»" in messages[0] and "Hoàng Quang Chiến (3 buổi)" in messages[0]
    assert any(item["what"] == "Người có mặt" for item in result.inferences)


def test_without_the_note_only_the_listed_are_read_and_warned(tmp_path):
    result = parse_file(_book(tmp_path, _register(rule=None), ("DS dang vien", _members())))
    assert _records(result) == sorted(
        (name, day, status, UNIT) for (name, day), status in _listed().items())
    messages = _messages(result)
    assert any("người có mặt không có trong bảng" in text for text in messages)
    assert any("DS dang vien" in text and "không được đọc" in text for text in messages)


def test_a_negated_note_adds_nobody(tmp_path):
    rule = "Đảng viên không có tên trong các cột vắng thì không được tính là có mặt."
    result = parse_file(_book(tmp_path, _register(rule), ("DS dang vien", _members())))
    assert not any(r["status"] == "present" for r in result.records())


def test_the_note_without_a_member_sheet_is_warned_not_guessed(tmp_path):
    other = [["CHỈ TIÊU NĂM 2025"], ["STT", "Chỉ tiêu", "Kế hoạch"], [1, "Kết nạp đảng viên", 2],
             [2, "Phát triển hội viên", 10]]
    result = parse_file(_book(tmp_path, _register(), ("Chi tieu", other)))
    assert not any(r["status"] == "present" for r in result.records())
    assert any("chưa suy ra được người có mặt" in text for text in _messages(result))


def test_a_sheet_whose_names_are_no_people_is_no_member_list(tmp_path):
    other = [["DANH SÁCH"], ["STT", "Họ và tên", "Ghi chú"], [1, "Hoàng Quang Chiến"], [2, "Tổ 3 khu 9 (12 hộ)"],
             [3, "Dương Công Việt"]]
    result = parse_file(_book(tmp_path, _register(), ("DS", other)))
    assert not any(r["status"] == "present" for r in result.records())
    assert any("B4 «Tổ 3 khu 9 (12 hộ)» không phải họ tên" in text for text in _messages(result))


def test_two_member_lists_need_the_note_to_name_one(tmp_path):
    others = [("DS dang vien", _members()), ("Chi uy", _members(MEMBERS[:2]))]
    result = parse_file(_book(tmp_path, _register(), *others))
    assert not any(r["status"] == "present" for r in result.records())
    assert any("có nhiều trang danh sách người" in text for text in _messages(result))
    named = _register(RULE.replace(".", " (danh sách ở sheet DS dang vien)."))
    result = parse_file(_book(tmp_path, named, *others))
    assert _records(result) == _expected(MEMBERS)


def test_a_listed_name_not_on_the_member_sheet_is_warned_naming_its_cell(tmp_path):
    cells = list(CELLS)
    cells[2] = ("Trần Văn Lạ (ốm)", None, None)
    result = parse_file(_book(tmp_path, _register(cells=cells), ("DS dang vien", _members())))
    assert ("Trần Văn Lạ", "2025-05-12", "excused", UNIT) in _records(result)
    assert sum(1 for r in result.records() if r["date"] == "2025-05-12" and r["status"] == "present") == 5
    warned = [w for w in result.warnings if "Trần Văn Lạ" in w["message"]]
    assert len(warned) == 1 and warned[0]["row"] == 9 and warned[0]["column"] == "E"
    assert "ô E9" in warned[0]["message"] and "không có trong danh sách đảng viên" in warned[0]["message"]


@pytest.mark.parametrize("header, extra", [
    (("STT", "Họ và tên", "Năm sinh", "Ghi chú"),
     {"Hoàng Quang Chiến": ["Chuyển đến từ 4/2025"], "Phan Hữu Hưng": ["chuyển sinh hoạt đi ngày 20/4/2025"]}),
    (("STT", "Họ và tên", "Năm sinh", "Ngày chuyển đến", "Ngày chuyển đi"),
     {"Hoàng Quang Chiến": [dt.datetime(2025, 4, 1)], "Phan Hữu Hưng": [None, dt.datetime(2025, 4, 20)]}),
], ids=["remarks", "date-columns"])
def test_members_are_present_only_within_their_time(tmp_path, header, extra):
    result = parse_file(_book(tmp_path, _register(counts=[3, 2, 4, 4]), ("DS", _members(header=header, extra=extra))))
    assert result.errors == []
    skip = {("Hoàng Quang Chiến", "2025-03-07"), ("Phan Hữu Hưng", "2025-05-12")}
    assert _records(result) == _expected(MEMBERS, skip)
    messages = _messages(result)
    assert any("«Hoàng Quang Chiến»" in text and "không thuộc chi bộ vào 1 buổi (07/03/2025)" in text
               for text in messages)
    assert any("«Phan Hữu Hưng»" in text and "không thuộc chi bộ vào 1 buổi (12/05/2025)" in text
               for text in messages)
    assert not any("Số ĐV có mặt" in text for text in messages)


def test_a_move_in_the_meetings_month_leaves_that_meeting_unsettled(tmp_path):
    extra = {"Đinh Hồng Sơn": ["Chuyển đi 6/2025"]}
    members = _members(header=("STT", "Họ và tên", "Năm sinh", "Ghi chú"), extra=extra)
    result = parse_file(_book(tmp_path, _register(counts=[4, 2, 5, 3]), ("DS", members)))
    assert _records(result) == _expected(MEMBERS, {("Đinh Hồng Sơn", "2025-06-09")})
    unsettled = [text for text in _messages(result) if "không rõ đã sinh hoạt" in text]
    assert len(unsettled) == 1 and "09/06/2025" in unsettled[0] and "D6 «Chuyển đi 6/2025»" in unsettled[0]


def test_a_remark_about_leaving_without_a_date_adds_no_present_record(tmp_path):
    extra = {"Đinh Hồng Sơn": ["Đã chuyển sinh hoạt đi"]}
    members = _members(header=("STT", "Họ và tên", "Năm sinh", "Ghi chú"), extra=extra)
    result = parse_file(_book(tmp_path, _register(counts=[3, 2, 4, 3]), ("DS", members)))
    assert _records(result) == _expected(MEMBERS, {("Đinh Hồng Sơn", day.isoformat()) for day in DAYS})
    assert any("«Đinh Hồng Sơn»" in text and "không đọc được ngày" in text for text in _messages(result))


def test_a_count_of_members_present_that_disagrees_is_warned(tmp_path):
    result = parse_file(_book(tmp_path, _register(counts=[4, 2, 3, 4]), ("DS dang vien", _members())))
    assert _records(result) == _expected(MEMBERS)
    warned = [w for w in result.warnings if "cột «Số ĐV có mặt» ghi 3" in w["message"]]
    assert len(warned) == 1 and warned[0]["row"] == 9 and warned[0]["column"] == "D"


@pytest.mark.parametrize("text", [
    "Đảng viên không có tên trong bảng … thì có mặt",
    "Các đồng chí còn lại có mặt đầy đủ.",
    "Người không ghi tên ở các cột vắng (có lý do, không lý do), đến muộn là đã dự họp",
    "Ghi chú: các đảng viên khác tham gia sinh hoạt đầy đủ",
    "Ngoài những đồng chí nêu trên, các đồng chí khác đều có mặt",
])
def test_wordings_saying_the_unlisted_were_present(text):
    assert says_unlisted_present(text)


@pytest.mark.parametrize("text", [
    "Số ĐV có mặt tính cả đảng viên đến muộn.",
    "Đảng viên không có tên trong danh sách thì chưa được tính là có mặt",
    "Các đồng chí còn lại. Có mặt: 12",
    "Đồng chí vắng không có lý do phải có mặt buổi sau",
])
def test_other_lines_say_nothing_of_the_kind(text):
    assert not says_unlisted_present(text)


@pytest.mark.parametrize("text, joined, left, unread", [
    ("Chuyển đến từ 3/2025", (dt.date(2025, 3, 1), dt.date(2025, 3, 31), True), None, False),
    ("chuyển đi 6/2025", None, (dt.date(2025, 6, 1), dt.date(2025, 6, 30), False), False),
    ("Kết nạp ngày 12/5/2025; chuyển đi tháng 9 năm 2025", (dt.date(2025, 5, 12), dt.date(2025, 5, 12), False),
     (dt.date(2025, 9, 1), dt.date(2025, 9, 30), False), False),
    ("Chuyển sinh hoạt đến T4/2025, đến hết 10/2025", (dt.date(2025, 4, 1), dt.date(2025, 4, 30), False), None,
     False),
    ("chuyển về 2/2025, đến hết tháng 10/2025 thì chuyển đi", (dt.date(2025, 2, 1), dt.date(2025, 2, 28), False),
     None, True),
    ("Từ trần", None, None, True),
    ("Bí thư chi bộ, luôn có mặt", None, None, False),
])
def test_remarks_on_a_members_time(text, joined, left, unread):
    got = read_remark(text)
    assert ((got[0].first, got[0].last, got[0].bound) if got[0] else None) == joined
    assert ((got[1].first, got[1].last, got[1].bound) if got[1] else None) == left
    assert got[2] == unread


def test_a_given_name_alone_is_completed_from_the_member_list_or_keeps_its_namesakes_unmarked(tmp_path):
    members = MEMBERS + ["Lưu Ngọc Lan"]
    cells = list(CELLS)
    cells[2] = ("Sơn (ốm)", "Lan", None)
    register = _register(cells=cells, counts=[5, 3, 3, 5])
    result = parse_file(_book(tmp_path, register, ("DS dang vien", _members(members))))
    got = [row for row in _records(result) if row[1] == "2025-05-12"]
    assert got == sorted([("Đinh Hồng Sơn", "2025-05-12", "excused", UNIT), ("Lan", "2025-05-12", "absent", UNIT)]
                         + [(name, "2025-05-12", "present", UNIT)
                            for name in ("Hoàng Quang Chiến", "Dương Công Việt", "Phan Hữu Hưng")])
    messages = _messages(result)
    assert any("«Sơn» chỉ có tên, đã đọc là «Đinh Hồng Sơn»" in text for text in messages)
    assert any("«Lan» ở ô F9 chỉ có tên" in text and "«Bùi Thị Lan», «Lưu Ngọc Lan»" in text for text in messages)


def test_a_member_list_of_several_chi_bo_is_not_taken_for_this_one(tmp_path):
    members = _members(header=("STT", "Họ và tên", "Năm sinh", "Chi bộ"),
                       extra={name: ["Chi bộ Khu 9" if index % 2 else "Chi bộ Khu 10"]
                              for index, name in enumerate(MEMBERS)})
    result = parse_file(_book(tmp_path, _register(), ("DS", members)))
    assert not any(r.get("status") == "present" for r in result.records())
    register = SheetData("So SHCB", rows=_register())
    assert find_roll([register, SheetData("DS", rows=members)], register, []) == \
        "không có trang nào rõ là danh sách đảng viên (trang «DS»: danh sách có đảng viên của 2 đơn vị (cột «Chi bộ»))"


def test_the_note_may_be_written_on_the_member_list(tmp_path):
    members = _members() + [[], ["Đảng viên không có tên trong sổ ghi vắng, muộn là có mặt."]]
    result = parse_file(_book(tmp_path, _register(rule=None), ("DS dang vien", members)))
    assert _records(result) == _expected(MEMBERS)
    assert any("trang «DS dang vien» dòng 10" in text for text in _messages(result))


def test_meeting_days_without_their_year_take_the_titles(tmp_path):
    register = _register()
    for row in register:
        if len(row) > 1 and isinstance(row[1], dt.datetime):
            row[1] = f"{row[1].day}/{row[1].month}"
    result = parse_file(_book(tmp_path, register, ("DS dang vien", _members())))
    assert _records(result) == _expected(MEMBERS)


def test_section_lines_and_blank_rows_inside_the_member_list_are_no_members(tmp_path):
    members = [["DANH SÁCH ĐẢNG VIÊN"], ["STT", "Họ và tên", "Năm sinh"], [None, "I. Đảng viên chính thức"]]
    members += [[index, name, 1970] for index, name in enumerate(MEMBERS[:3], 1)]
    members += [[], [None, "II. ĐẢNG VIÊN DỰ BỊ"]]
    members += [[index, name, 1990] for index, name in enumerate(MEMBERS[3:], 4)]
    members += [[], [None, "BÍ THƯ"], [None, "Trịnh Thị Nhung"]]
    result = parse_file(_book(tmp_path, _register(), ("DS dang vien", members)))
    assert _records(result) == _expected(MEMBERS)
    assert any("(dòng 4–10)" in text for text in _messages(result))


def test_a_member_list_missing_most_of_the_listed_names_is_not_used(tmp_path):
    others = ["Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba"]
    result = parse_file(_book(tmp_path, _register(), ("DS dang vien", _members(others + MEMBERS[:1]))))
    assert not any(r["status"] == "present" for r in result.records())
    assert any("7 trong 8 tên ghi trong bảng không có trong trang «DS dang vien»" in text for text in _messages(result))


def test_reasons_after_a_dash_or_colon_are_no_part_of_the_name(tmp_path):
    cells = list(CELLS)
    cells[0] = ("Bùi Thị Lan - ốm", None, "Dương Công Việt: đến sau 15 phút")
    cells[1] = ("Đinh Hồng Sơn – việc gia đình\nPhan Hữu Hưng: đi công tác", "Hoàng Quang Chiến", None)
    result = parse_file(_book(tmp_path, _register(cells=cells), ("DS dang vien", _members())))
    assert result.errors == []
    assert _records(result) == _expected(MEMBERS)
    assert len(_messages(result)) == 1
