"""A wide register whose meeting columns are headed by the meeting's number and its date in one cell, on one line or
two ("Kỳ 1\\n(04/11/2025)", "Lần 1 - 04/11/2025", "Buổi 3: 06/01/2026", "SH lần 2\\nngày 03/12/2025", "Kỳ họp T11
(04/11)" with the year in the title): each column is that day's meeting, the sheet an attendance register (never a
roster refusing every row for its missing group). Its unit column may hold codes ("Mã chi bộ": MH, TN) a key under
the table spells out ("Mã chi bộ:" then "MH - Chi bộ thôn Mường Hum", …): the records carry the names, the key's
lines are no people, and a code the key leaves out is warned about, never guessed. Notes typed right of the table
are no data."""

import pytest
from sheet_files import write_sheet

from importers import ImportFileError, parse_file
from importers.meeting_heads import MeetingHead, meeting_head

UNITS = {"MH": "Chi bộ thôn Mường Hum", "TN": "Chi bộ thôn Tả Ngảo", "PC": "Chi bộ thôn Phìn Chải"}
MARKS = {"✓": "present", "M": "late", "P": "excused", "K": "absent"}
PEOPLE = [("Lò Tòn Sử", "MH", ["✓", "M", "✓"]), ("Vàng A Nủ", "TN", ["✓", "P", None]),
          ("Phùn Láo Sử", "PC", ["K", "✓", "✓"]), ("Hạng Thị Máy", "MH", [None, "✓", "M"])]
LEGEND = "Ký hiệu: ✓ có mặt; M đến muộn; P vắng có phép; K vắng không phép"
SCHOOL_YEAR = ("2025-11-04", "2025-12-03", "2026-01-06")
HEADS = {
    "two lines": ["Kỳ 1\n(04/11/2025)", "Kỳ 2\n(03/12/2025)", "Kỳ 3\n(06/01/2026)"],
    "one line": ["Kỳ 1 (04/11/2025)", "Kỳ 2 (03/12/2025)", "Kỳ 3 (06/01/2026)"],
    "dash": ["Lần 1 - 04/11/2025", "Lần 2 - 03/12/2025", "Lần 3 - 06/01/2026"],
    "colon": ["Buổi 1: 04/11/2025", "Buổi 2: 03/12/2025", "Buổi 3: 06/01/2026"],
    "worded day": ["SH lần 1\nngày 04/11/2025", "SH lần 2\nngày 03/12/2025", "SH lần 3\nngày 06/01/2026"],
    "ordinal word": ["Lần thứ 1, ngày 4.11.25", "Lần thứ 2, ngày 3.12.25", "Lần thứ 3, ngày 6.1.26"],
}


def _register(tmp_path, heads, *, title="BẢNG ĐIỂM DANH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ THÔN NƠI CƯ TRÚ",
              key=("Mã chi bộ:", *(f"{code} - {name}" for code, name in UNITS.items())), people=PEOPLE):
    rows = [["ĐẢNG ỦY XÃ MƯỜNG HUM"], [title], [],
            ["STT", "Họ và tên", "Mã chi bộ", *heads, None, None]]
    notes = ["Ghi chú của người lập bảng:", "- STT 2 đi học lớp Trung cấp Lý luận chính trị\n  tháng 01/2026.",
             "- STT 4 mới chuyển về từ tháng 12/2025."]
    for number, (name, code, marks) in enumerate(people, start=1):
        note = notes[number - 1] if number <= len(notes) else None
        rows.append([number, name, code, *marks, None, note])
    rows.append([])
    rows += [[None, line] for line in key]
    rows += [[], [None, LEGEND]]
    return parse_file(str(write_sheet(tmp_path / "register.xlsx", rows, title="Diem danh")))


def _expected(dates, people=PEOPLE, units=UNITS):
    return [{"full_name": name, "date": date, "status": MARKS[mark], "unit": units.get(code, code)}
            for name, code, marks in people for date, mark in zip(dates, marks) if mark]


@pytest.mark.parametrize("wording", HEADS)
def test_each_numbered_meeting_is_read_on_its_date(tmp_path, wording):
    result = _register(tmp_path, HEADS[wording])
    assert result.kind == "attendance"
    assert result.errors == []
    assert result.warnings == []
    assert result.records() == _expected(SCHOOL_YEAR)


def test_a_day_and_month_after_the_number_take_the_titles_year(tmp_path):
    result = _register(tmp_path, ["Kỳ họp T8 (05/08)", "Kỳ họp T9 (04/09)", "Kỳ họp T10 (03/10)"],
                       title="BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025")
    assert result.kind == "attendance"
    assert result.errors == [] and result.warnings == []
    assert result.records() == _expected(("2025-08-05", "2025-09-04", "2025-10-03"))


def test_a_key_without_its_heading_line_is_no_people(tmp_path):
    result = _register(tmp_path, HEADS["one line"], key=[f"{code} - {name}" for code, name in UNITS.items()])
    assert result.errors == [] and result.warnings == []
    assert result.records() == _expected(SCHOOL_YEAR)


@pytest.mark.parametrize("key", [
    ["Mã chi bộ: MH - Chi bộ thôn Mường Hum; TN - Chi bộ thôn Tả Ngảo; PC - Chi bộ thôn Phìn Chải"],
    ["Mã chi bộ:", *(f"{code} - {name}" for code, name in UNITS.items()), "NS - Chi bộ thôn Nậm Pung"],
    ["Mã chi bộ", *(f"{code}: {name}" for code, name in UNITS.items())],
])
def test_a_key_written_otherwise_is_no_people(tmp_path, key):
    result = _register(tmp_path, HEADS["dash"], key=key)
    assert result.errors == [] and result.warnings == []
    assert result.records() == _expected(SCHOOL_YEAR)


def test_a_code_the_key_leaves_out_is_warned_and_kept_as_written(tmp_path):
    people = [*PEOPLE, ("Sùng A Pó", "NS", ["✓", "✓", "K"])]
    result = _register(tmp_path, HEADS["two lines"], people=people)
    assert result.errors == []
    assert result.records() == _expected(SCHOOL_YEAR, people)
    assert result.warnings
    assert all(item["column"] == "C" and "«NS»" in item["message"] for item in result.warnings)


@pytest.mark.parametrize("label, head", [
    ("Kỳ 1\n(04/11/2025)", MeetingHead(4, 11, 2025)),
    ("Kỳ 2 (03/12/2025)", MeetingHead(3, 12, 2025)),
    ("Lần 1 - 04/11/2025", MeetingHead(4, 11, 2025)),
    ("Buổi 3: 06/01/2026", MeetingHead(6, 1, 2026)),
    ("SH lần 2\nngày 03/12/2025", MeetingHead(3, 12, 2025)),
    ("Kỳ họp T11 (04/11)", MeetingHead(4, 11, None)),
    ("Kỳ họp tháng 11 (04/11)", MeetingHead(4, 11, None)),
    ("Lần thứ 2, ngày 3.12.25", MeetingHead(3, 12, 2025)),
    ("Phiên 1 – 4/11", MeetingHead(4, 11, None)),
    ("Lần 1 (06/01)", MeetingHead(6, 1, None)),
])
def test_meeting_head(label, head):
    assert meeting_head(label) == head


@pytest.mark.parametrize("label", [
    "Kỳ 1", "Lần 2", "Kỳ họp T11 (04/12)", "Kỳ 1 (01/2025)", "Kỳ 1 (32/11/2025)", "Kỳ 1 (04/13/2025)",
    "Kỳ sinh hoạt", "Ngày 04/11/2025", "Tháng 11 (04/11)", "Đoàn 1 (04/11/2025)", 5, None,
])
def test_no_meeting_head(label):
    assert meeting_head(label) is None


def test_a_months_meeting_dated_in_another_month_refuses_the_file(tmp_path):
    with pytest.raises(ImportFileError) as refused:
        _register(tmp_path, ["Kỳ họp T8 (05/08)", "Kỳ họp T9 (04/10)", "Kỳ họp T10 (03/10)"],
                  title="BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025")
    assert "Diem danh!E4 «Kỳ họp T9 (04/10)»" in refused.value.message
