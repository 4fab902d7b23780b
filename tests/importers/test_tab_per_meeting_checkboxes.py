"""A Google Sheets register kept one tab per meeting ("Tháng 8", "Tháng 9", an empty "Trang tính5" left over): the
unit in A1, the meeting's date on a labelled line with the date in a later cell of the row ("Ngày sinh hoạt:" | |
05/08/2025: ``importers.sheet_context``), and the status given by which one of the checkbox columns "Có mặt | Vắng có
phép | Vắng không phép | Đi muộn" is ticked — an unticked "Có mặt" beside a ticked "Đi muộn" is late
(``importers.kinds.status_ticks``)."""

import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file

PEOPLE = ["Hoàng Thị Trang", "Đặng Đình Đạt", "Phan Thanh Hưng", "Lê Thị Hồng Hạnh"]
STATUSES = ["present", "excused", "absent", "late"]
MEETINGS = {"Tháng 8": (dt.date(2025, 8, 5), [0, 0, 3, 2]), "Tháng 9": (dt.date(2025, 9, 4), [0, 1, 0, 3])}


def _write(path, date_as_text):
    book = Workbook()
    book.remove(book.active)
    for tab, (day, picks) in MEETINGS.items():
        sheet = book.create_sheet(tab)
        sheet.append(["CHI BỘ TỔ DÂN PHỐ 5"])
        sheet.append(["Ngày sinh hoạt:", None, f"{day:%d/%m/%Y}" if date_as_text else day])
        sheet.append([])
        sheet.append(["STT", "Họ và tên", "Có mặt", "Vắng có phép", "Vắng không phép", "Đi muộn", "Ghi chú"])
        for index, (name, pick) in enumerate(zip(PEOPLE, picks)):
            sheet.append([index + 1, name] + [box == pick for box in range(4)] + [None])
    book.create_sheet("Trang tính5")
    book.save(path)


def _order(record):
    return record["date"], record["full_name"]


@pytest.mark.parametrize("date_as_text", [False, True])
def test_each_tab_is_its_meeting_and_the_one_ticked_box_its_status(tmp_path, date_as_text):
    _write(tmp_path / "f.xlsx", date_as_text)
    result = parse_file(tmp_path / "f.xlsx")
    assert result.errors == []
    expected = [{"full_name": name, "date": day.isoformat(), "status": STATUSES[pick], "unit": "Chi bộ Tổ dân phố 5"}
                for day, picks in MEETINGS.values() for name, pick in zip(PEOPLE, picks)]
    got = [{field: record[field] for field in ("full_name", "date", "status", "unit")} for record in result.records()]
    assert sorted(got, key=_order) == sorted(expected, key=_order)
    assert not [w for w in result.warnings if "không có cột lý do" in w["message"]]
