"""A person's reason or note typed on a row of its own under them ("(đi viện)" under «Vắng có phép» in minutes pasted
from Word, "(kiêm nhiệm)" under a roster member) is that person's remark: neither a record nor a row missing its
name, whether the other cells are merged down from the person's row or left blank, in a register of meeting blocks,
a one-meeting list, a wide register or a roster. A row with a mark or a number of its own stays missing its name."""

import pytest
from layouts.sheet import Sheet
from layouts.writers import write_ods, write_xlsx

from importers import parse_file

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Minh Đức"]
MISSING = "thiếu họ và tên"


def _write(tmp_path, sheet, suffix):
    path = tmp_path / f"f.{suffix}"
    (write_xlsx if suffix == "xlsx" else write_ods)(path, [sheet])
    return parse_file(path)


def _merge_down(sheet, top, bottom, skip):
    for column in range(sheet.width):
        if column != skip:
            sheet.merge(top, column, bottom, column)


def _attendance(result):
    return [(r["full_name"], r["date"], r["status"]) for r in result.records()]


def _remark_rows(result):
    return [row["row"] for row in result.rows if row["reason"] and "ghi xuống dòng riêng" in row["reason"]]


def _meeting_blocks(merged, column):
    """Minutes of three meetings, each its own numbered title line and header; the excused members' reasons on the
    row below them in `column` (2 = attendance, 3 = note)."""
    sheet = Sheet("Quy III", width=4)
    sheet.add(["ĐẢNG BỘ XÃ AN BÌNH"])
    sheet.add(["Chi bộ thôn Đông"])
    sheet.add([])
    sheet.add(["TỔNG HỢP ĐIỂM DANH SINH HOẠT CHI BỘ QUÝ III/2025"])
    sheet.add([])
    meetings = [("1. Kỳ sinh hoạt tháng 7/2025 – ngày 03/7/2025", "2025-07-03", {1: "(đi viện)", 3: "(con cưới)"}),
                ("2. Kỳ sinh hoạt tháng 8/2025 – ngày 04/8/2025", "2025-08-04", {0: "(ốm)"}),
                ("3. Kỳ sinh hoạt tháng 9/2025 – ngày 03/9/2025", "2025-09-03", {})]
    records, remarks = [], []
    for title, date, excused in meetings:
        sheet.add([title])
        sheet.add(["TT", "Họ và tên đảng viên", "Tình hình tham dự", "Ghi chú"])
        for number, name in enumerate(NAMES, 1):
            mark = "Vắng có phép" if number - 1 in excused else "Có mặt"
            top = sheet.add([f"{number}.", name, mark, None])
            records.append((name, date, "excused" if number - 1 in excused else "present"))
            if number - 1 in excused:
                extra = [None] * 4
                extra[column] = excused[number - 1]
                below = sheet.add(extra)
                remarks.append(below + 1)
                if merged:
                    _merge_down(sheet, top, below, column)
        sheet.add([])
    sheet.add(["Ghi chú: lý do vắng ghi trong ngoặc dưới tình hình tham dự."])
    return sheet, records, remarks


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
@pytest.mark.parametrize("column", [2, 3])
@pytest.mark.parametrize("merged", [True, False])
def test_a_reason_under_a_member_in_meeting_blocks_is_their_remark(tmp_path, merged, column, suffix):
    sheet, records, remarks = _meeting_blocks(merged, column)
    result = _write(tmp_path, sheet, suffix)
    assert result.errors == []
    assert sorted(_attendance(result)) == sorted(records)
    assert _remark_rows(result) == remarks


def _one_meeting(merged, column, text, mark="Vắng có phép"):
    """One meeting's list with its date in a column; Bình's `mark`, with `text` on the row below in `column`."""
    sheet = Sheet("Diem danh", width=5)
    sheet.add(["ĐIỂM DANH SINH HOẠT CHI BỘ"])
    sheet.add([])
    sheet.add(["STT", "Họ và tên", "Ngày sinh hoạt", "Điểm danh", "Lý do"])
    for number, name in enumerate(NAMES[:4], 1):
        top = sheet.add([number, name, "05/03/2025", mark if number == 2 else "Có mặt", None])
        if number == 2:
            extra = [None] * 5
            extra[column] = text
            below = sheet.add(extra)
            if merged:
                _merge_down(sheet, top, below, column)
    return sheet


@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize(("column", "text"), [(3, "(đi viện)"), (4, "(đi làm ăn xa)"), (4, "đi công tác"),
                                              (3, "(đi học lớp trung cấp lý luận chính trị)")])
def test_a_reason_under_a_member_of_a_one_meeting_list(tmp_path, merged, column, text):
    result = _write(tmp_path, _one_meeting(merged, column, text), "xlsx")
    assert result.errors == []
    assert _attendance(result) == [(name, "2025-03-05", "excused" if name == NAMES[1] else "present")
                                   for name in NAMES[:4]]
    assert _remark_rows(result) == [6]


def test_the_persons_status_stays_as_their_mark_says(tmp_path):
    result = _write(tmp_path, _one_meeting(False, 4, "(con ốm)", mark="Có mặt"), "xlsx")
    assert result.errors == []
    assert ("Trần Thị Bình", "2025-03-05", "present") in _attendance(result)


@pytest.mark.parametrize("merged", [True, False])
def test_a_row_with_a_mark_of_its_own_still_misses_its_name(tmp_path, merged):
    sheet = _one_meeting(False, 3, "Vắng có phép")
    if merged:  # date and reason merged down from Bình's row, the mark the row's own
        sheet.merge(4, 2, 5, 2)
    result = _write(tmp_path, sheet, "xlsx")
    assert [(error["row"], MISSING in error["message"]) for error in result.errors] == [(6, True)]
    assert _remark_rows(result) == []


def test_a_numbered_row_or_a_remark_under_no_one_still_misses_its_name(tmp_path):
    sheet = _one_meeting(False, 4, "(đi viện)")
    sheet.rows[5][0] = 3  # its own row number: a person whose name is missing
    sheet.rows.insert(3, [None, None, None, None, "(ốm)"])  # under the header, no person above
    result = _write(tmp_path, sheet, "xlsx")
    assert sorted(error["row"] for error in result.errors if MISSING in error["message"]) == [4, 7]
    assert _remark_rows(result) == []


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
@pytest.mark.parametrize("merged", [True, False])
def test_a_reason_under_a_member_of_a_wide_register(tmp_path, merged, suffix):
    sheet = Sheet("So theo doi", width=7)
    sheet.add(["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.add(["STT", "Họ và tên", "T1", "T2", "T3", "T4", "Ghi chú"])
    for number, name in enumerate(NAMES[:4], 1):
        top = sheet.add([number, name, "x", "x", "P" if number == 3 else "x", "x", None])
        if number == 3:
            below = sheet.add([None, None, None, None, "(ốm)", None, None])
            if merged:
                _merge_down(sheet, top, below, 4)
    sheet.add(["Ký hiệu: x có mặt, P vắng có phép, K vắng không phép"])
    result = _write(tmp_path, sheet, suffix)
    assert result.errors == []
    assert _attendance(result) == [(name, f"2025-0{month}-01", "excused" if (name, month) == (NAMES[2], 3)
                                    else "present") for name in NAMES[:4] for month in range(1, 5)]
    assert _remark_rows(result) == [6]


def _roster(merged, column, text):
    sheet = Sheet("Danh sach", width=7)
    sheet.add(["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"])
    sheet.add(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn công tác", "Nhiệm vụ", "Ghi chú"])
    for number, name in enumerate(NAMES[:4], 1):
        role = "Trưởng đoàn" if number == 1 else "Thành viên"
        top = sheet.add([number, name, f"0{number}/05/1970", "Phó Chủ tịch UBND xã", "Đoàn công tác số 1", role,
                         None])
        if number == 2:
            extra = [None] * 7
            extra[column] = text
            below = sheet.add(extra)
            if merged:
                _merge_down(sheet, top, below, column)
    return sheet


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize(("column", "text"), [(3, "(kiêm nhiệm)"), (6, "(từ 7/2025)"), (6, "chuyển đến")])
def test_a_remark_under_a_roster_member_is_theirs(tmp_path, merged, column, text, suffix):
    result = _write(tmp_path, _roster(merged, column, text), suffix)
    assert result.errors == []
    assert [(r["full_name"], r["birth_date"], r["position"], r["role"]) for r in result.records()] == [
        (name, f"1970-05-0{number}", "Phó Chủ tịch UBND xã", "head" if number == 1 else "member")
        for number, name in enumerate(NAMES[:4], 1)]
    assert _remark_rows(result) == [5]


@pytest.mark.parametrize("text", ["(Phó trưởng đoàn)", "(Chi bộ thôn Đông)"])
def test_a_role_or_unit_in_brackets_under_a_roster_member_is_no_remark(tmp_path, text):
    result = _write(tmp_path, _roster(False, 6, text), "xlsx")
    assert _remark_rows(result) == []
