"""A register listing only absences and lateness under the full member list: read as a full register (everyone
not listed present, meeting by meeting) when the sheet states that rule and names the meetings; otherwise it must
not pass for a complete register: a warning says the members present are not in it."""
import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file

MEMBERS = ["Hồ Minh Phúc", "Lý Phương Ngân", "Võ Ngọc Huyền", "Lê Ngọc Thắng", "Đặng Xuân Thắng"]
DAYS = [dt.date(2025, 1, 4), dt.date(2025, 2, 7), dt.date(2025, 3, 6)]
EXCEPTIONS = [(0, "Đặng Xuân Thắng", "Đi muộn"), (1, "Lý Phương Ngân", "Vắng có lý do"),
              (2, "Lê Ngọc Thắng", "Vắng không lý do"), (2, "Hồ Minh Phúc", "Vắng có phép")]
STATUS = {"Đi muộn": "late", "Vắng có lý do": "excused", "Vắng không lý do": "absent", "Vắng có phép": "excused"}
RULES = ["Đảng viên không có tên trong bảng theo dõi vắng mặt, đi muộn của buổi nào thì có mặt đầy đủ buổi đó.",
         "Các đồng chí còn lại có mặt đầy đủ.",
         "Người không ghi tên trong bảng dưới đây là có mặt."]


def _rows(rule, meetings_line=True, extra=None):
    listed = ", ".join(day.strftime("%d/%m/%Y") for day in DAYS)
    rows = [["ĐẢNG BỘ PHƯỜNG TRUNG LƯƠNG"], ["Chi bộ Khối 7"], [],
            ["SỔ THEO DÕI ĐẢNG VIÊN VẮNG MẶT, ĐI MUỘN TRONG SINH HOẠT CHI BỘ NĂM 2025"]]
    rows += [[f"Các buổi sinh hoạt chi bộ đã tổ chức: {listed}."]] if meetings_line else []
    rows += [[rule]] if rule else []
    rows += [[], ["STT", "Họ và tên", "Ngày vào Đảng", "Ghi chú"]]
    rows += [[index, name, dt.datetime(1990 + index, 5, 1)] for index, name in enumerate(MEMBERS, 1)]
    rows += [[], ["THEO DÕI VẮNG MẶT, ĐI MUỘN"], ["STT", "Ngày sinh hoạt", "Họ và tên", "Hình thức", "Lý do"]]
    rows += [[index, dt.datetime.combine(DAYS[day], dt.time()), name, form, "Việc gia đình"]
             for index, (day, name, form) in enumerate(EXCEPTIONS + (extra or []), 1)]
    rows += [[], [None, None, "T/M CHI ỦY"], [None, None, "BÍ THƯ"]]
    return rows


@pytest.mark.parametrize("rule", RULES)
def test_absences_only_register_read_in_full_when_the_sheet_says_so(tmp_path, rule):
    result = parse_file(write_sheet(tmp_path / "a.xlsx", _rows(rule)))
    assert result.kind == "attendance" and result.errors == []
    marks = {(DAYS[day].isoformat(), name): STATUS[form] for day, name, form in EXCEPTIONS}
    expected = [(name, day.isoformat(), marks.get((day.isoformat(), name), "present")) for day in DAYS
                for name in MEMBERS]
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == expected
    assert result.header_row == 8
    assert any(item["what"] == "Người có mặt" for item in result.inferences)


@pytest.mark.parametrize("rows", [
    _rows(None),  # no rule stated
    _rows(RULES[0], meetings_line=False),  # the meetings are not named
    _rows(RULES[0], extra=[(1, "Trần Văn Lạ", "Vắng có lý do")]),  # someone not in the member list
], ids=["no-rule", "no-meetings", "unknown-person"])
def test_absences_only_register_never_passes_for_complete(tmp_path, rows):
    result = parse_file(write_sheet(tmp_path / "a.xlsx", rows))
    assert not any(r["status"] == "present" for r in result.records())
    assert result.errors or any("người có mặt không có trong bảng" in w["message"] for w in result.warnings)
