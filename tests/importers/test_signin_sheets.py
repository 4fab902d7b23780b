"""Sign-in sheets, one tab per meeting: the date in a sentence above the table, the unit on a line, a table
"STT | Họ và tên | Năm sinh | Ký tên | Ghi chú" where those present sign ("(đã ký)") and the remark says why the others
are absent or that a signer came late. Each tab is one meeting: one record per person, dated by its line, the status
read from the sign cell with the remark; a row neither signed nor remarked is refused naming its cell, and a tab
whose date line does not read is refused by name."""

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook
from sheet_files import write_sheet

from importers import parse_file
from importers.date_sentences import is_date_sentence, sentence_dates, unread_date_sentence
from importers.errors import ImportFileError
from importers.kinds.signin_status import row_status
from importers.sign_marks import is_signed
from importers.status_phrases import Refused

UNIT = "Chi bộ Tổ dân phố 7"
LINES = {
    "long": "Thời gian: 19 giờ 30, thứ ba ngày {d:02d} tháng {m:02d} năm 2026",
    "numeric": "Vào lúc 14h00 ngày {d:02d}/{m:02d}/2026",
    "minutes": "Hôm nay, ngày {d} tháng {m} năm 2026, tại Nhà văn hóa Tổ dân phố 7",
}
# (name, sign cell, remark, expected status) per meeting; people change between tabs
MEETINGS = {
    (1, 6): [("Võ Ngọc Thảo", None, "Vắng không lý do", "absent"),
             ("Võ Thị Thu Diệp", "{sign}", None, "present"),
             ("Lương Ngọc Hiền", "{sign}", "Đến muộn 15 phút", "late"),
             ("Bùi Xuân Vinh", None, "Vắng có phép - ốm", "excused"),
             ("Phạm Minh Tâm", "{sign}", None, "present")],
    (2, 3): [("Võ Ngọc Thảo", "{sign}", None, "present"),
             ("Võ Thị Thu Diệp", None, "Vắng có phép (đi công tác)", "excused"),
             ("Lương Ngọc Hiền", "{sign}", None, "present"),
             ("Bùi Thị Thanh Nhi", "{sign}", "Đến muộn", "late"),
             ("Phạm Minh Tâm", None, "Vắng không lý do", "absent")],
    (3, 4): [("Võ Ngọc Thảo", "{sign}", None, "present"),
             ("Lương Ngọc Hiền", None, "Vắng có phép (tuổi cao); chuyển sinh hoạt từ tháng 4/2026", "excused"),
             ("Bùi Thị Thanh Nhi", "{sign}", None, "present"),
             ("Phạm Minh Tâm", "{sign}", "Chuyển đến từ chi bộ khác", "present")],
}
NOTE = ('Ghi chú: "(đã ký)" = có mặt; có ký nhưng ghi "Đến muộn" = đi muộn; "Vắng có phép (…)" = vắng có lý do; '
        '"Vắng không lý do" = vắng không phép.')


def _tab(sheet, line: str, people, sign: str, headers) -> None:
    sheet.append(["ĐẢNG BỘ PHƯỜNG THUẬN HÓA", None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"])
    sheet.append(["CHI BỘ TỔ DÂN PHỐ 7"])
    sheet.append([])
    sheet.append(["DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ ĐỊNH KỲ"])
    sheet.append([line])
    sheet.append(["Địa điểm: Nhà sinh hoạt cộng đồng Tổ dân phố 7"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Năm sinh", *headers])
    for number, (name, signed, remark, _) in enumerate(people, 1):
        sheet.append([number, name, 1950 + number, signed and signed.format(sign=sign), remark])
    sheet.append([])
    present = sum(status in ("present", "late") for *_, status in people)
    sheet.append([f"Tổng số: {len(people)}, có mặt {present}, vắng {len(people) - present}."])
    sheet.append([NOTE])
    sheet.append([None, None, None, "BÍ THƯ CHI BỘ"])
    sheet.append([None, None, None, "Phạm Đăng Khoa"])


def _book(path, line: str, sign: str = "(đã ký)", headers=("Ký tên", "Ghi chú"), meetings=MEETINGS):
    book = Workbook()
    book.remove(book.active)
    expected = []
    for (month, day), people in meetings.items():
        _tab(book.create_sheet(f"T{month:02d}-2026"), LINES[line].format(d=day, m=month), people, sign, headers)
        expected += [(name, f"2026-{month:02d}-{day:02d}", status, UNIT) for name, *_, status in people]
    book.save(path)
    return expected


@pytest.mark.parametrize("line", sorted(LINES))
@pytest.mark.parametrize("sign, headers", [("(đã ký)", ("Ký tên", "Ghi chú")), ("Đã ký", ("Chữ ký", "Ghi chú")),
                                           ("x", ("Ký tên", "Ghi chú"))])
def test_each_tab_is_a_meeting_with_status_from_sign_and_remark(tmp_path, line, sign, headers):
    expected = _book(tmp_path / "s.xlsx", line, sign, headers)
    result = parse_file(tmp_path / "s.xlsx")
    assert result.kind == "attendance"
    assert result.errors == []
    assert result.sheet == ["T01-2026", "T02-2026", "T03-2026"]
    assert [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()] == expected


def _one(tmp_path, people, line="Thời gian: 19 giờ 30, thứ ba ngày 06 tháng 01 năm 2026"):
    rows = [["CHI BỘ TỔ DÂN PHỐ 7"], [], ["DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ"], [line], [],
            ["STT", "Họ và tên", "Năm sinh", "Ký tên", "Ghi chú"]]
    rows += [[n, name, 1960 + n, signed, remark] for n, (name, signed, remark) in enumerate(people, 1)]
    return parse_file(write_sheet(tmp_path / "one.xlsx", rows, title="T01-2026"))


SIGNED = [("Nguyễn Văn An", "(đã ký)", None), ("Trần Thị Bình", "(đã ký)", None), ("Lê Văn Cường", "(đã ký)", None)]


def test_an_unsigned_row_without_remark_is_refused_naming_its_cell(tmp_path):
    result = _one(tmp_path, SIGNED + [("Phạm Thị Dung", None, None), ("Hồ Văn Em", None, "Vắng không lý do")])
    assert [(r["full_name"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "present"), ("Trần Thị Bình", "present"), ("Lê Văn Cường", "present"),
        ("Hồ Văn Em", "absent")]
    assert [(e["row"], e["column"]) for e in result.errors] == [(10, "D")]
    assert "không ký tên và không có ghi chú" in result.errors[0]["message"]


def test_a_signed_row_whose_remark_says_absent_is_refused(tmp_path):
    result = _one(tmp_path, SIGNED + [("Phạm Thị Dung", "(đã ký)", "Vắng có phép (ốm)")])
    assert [r["full_name"] for r in result.records()] == [name for name, *_ in SIGNED]
    assert [(e["row"], e["column"]) for e in result.errors] == [(10, "D")]
    assert "mâu thuẫn" in result.errors[0]["message"]


def test_an_unsigned_row_with_an_unreadable_remark_is_refused(tmp_path):
    result = _one(tmp_path, SIGNED + [("Phạm Thị Dung", None, "Chuyển sinh hoạt")])
    assert len(result.records()) == 3
    assert [(e["row"], e["column"]) for e in result.errors] == [(10, "D")]


def test_a_tab_whose_date_line_does_not_read_is_refused_by_name(tmp_path):
    with pytest.raises(ImportFileError, match="T01-2026") as raised:
        _one(tmp_path, SIGNED + [("Phạm Thị Dung", None, "Vắng không lý do")],
             line="Thời gian: 19 giờ 30, thứ ba ngày 31 tháng 02 năm 2026")
    assert "không đọc được ngày" in str(raised.value)


@pytest.mark.parametrize("text, day", [
    ("Thời gian: 19 giờ 30, thứ ba ngày 06 tháng 01 năm 2026", dt.date(2026, 1, 6)),
    ("Vào lúc 14h00 ngày 05/02/2026", dt.date(2026, 2, 5)),
    ("Hôm nay, ngày 04 tháng 3 năm 2026, tại Nhà văn hóa", dt.date(2026, 3, 4)),
    ("Vào hồi 19h30 phút, Thứ Tư, ngày 4-3-2026", dt.date(2026, 3, 4)),
    ("Lúc 19 giờ, Chủ nhật, ngày 8.3.2026, tại hội trường", dt.date(2026, 3, 8)),
    ("- Thời gian họp: ngày 6 tháng 1 năm 2026", dt.date(2026, 1, 6)),
])
def test_a_date_in_a_sentence_reads(text, day):
    assert is_date_sentence(text) and sentence_dates(text) == [day]


@pytest.mark.parametrize("text", ["Thuận Hóa, ngày 10 tháng 01 năm 2026", "DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT",
                                  "Địa điểm: Nhà văn hóa"])
def test_a_place_and_date_line_is_no_date_sentence(text):
    assert not is_date_sentence(text) and sentence_dates(text) == []


def test_an_unread_date_sentence_is_named():
    assert unread_date_sentence(["CHI BỘ A", "Thời gian: ngày … tháng 01 năm 2026"]) == \
        "Thời gian: ngày … tháng 01 năm 2026"
    assert unread_date_sentence(["Thời gian: ngày 06/01/2026"]) is None


@pytest.mark.parametrize("sign, remark, status", [
    ("(đã ký)", None, "Có mặt"), ("Đã ký", "Đến muộn 10 phút", "Đến muộn"), ("(ký)", "Về sớm", "Đến muộn"),
    ("✓", "Ghi thêm", "Có mặt"), (None, "Vắng có phép - ốm", "Vắng có phép"),
    (None, "Vắng không lý do", "Vắng không phép"), (None, "Đến muộn", "Đến muộn"),
])
def test_row_status(sign, remark, status):
    assert row_status(sign, remark, {}, "E «Ghi chú»") == status


@pytest.mark.parametrize("sign, remark", [(None, None), (None, "Chuyển đi"), ("(đã ký)", "Vắng không lý do"),
                                          ("Vắng", None)])
def test_row_status_refused(sign, remark):
    assert isinstance(row_status(sign, remark, {}, "E «Ghi chú»"), Refused)


def test_signatures():
    assert [is_signed(v) for v in ["(đã ký)", "Đã ký tên", "(ký)", "x", "✓", "Vắng", "", None]] == \
        [True, True, True, True, True, False, False, False]


def test_one_tab_with_an_unread_date_line_refuses_the_workbook_naming_it(tmp_path):
    path = tmp_path / "s.xlsx"
    _book(path, "long")
    book = load_workbook(path)
    book["T02-2026"]["A5"] = "Thời gian: 19 giờ 30, thứ ba ngày 30 tháng 02 năm 2026"
    book.save(path)
    with pytest.raises(ImportFileError, match="T02-2026"):
        parse_file(path)
