"""Registers of two or three chi bộ set side by side on one sheet (each block's unit in a title over it, the same
header repeated, an empty column between): every block is read with its own unit, in reading order; month
numbers typed as numbers under a merged 'Tháng' are month columns; a block with no title beside titled ones is
not given another block's unit without a word."""
import pytest
from openpyxl import Workbook

from importers import parse_file

UNITS = ["Chi bộ Thôn Trung Thành", "CHI BỘ THÔN QUANG TRUNG", "Chi bộ Thôn Yên Bình"]
PEOPLE = [["Trương Thanh Trung", "Thái Quang Lộc", "Nguyễn Thu Mai"], ["Nguyễn Thị Phương", "Phạm Thúy Huyền"],
          ["Trần Hồng Oanh", "Nguyễn Ngọc Huyền", "Phan Xuân Tùng"]]
MARKS = ["x", "vp", "vk", "m"]
STATUS = {"x": "present", "vp": "excused", "vk": "absent", "m": "late"}
MONTHS = 4


def _write(path, blocks, month_label, titles=True):
    book = Workbook()
    sheet = book.active
    span = 2 + MONTHS + 1
    sheet.append(["ĐẢNG BỘ XÃ THUẬN LỘC"])
    sheet.append(["TỔNG HỢP THEO DÕI SINH HOẠT CHI BỘ 4 THÁNG ĐẦU NĂM 2025"])
    unit_row, header, months = [], [], []
    for block in range(blocks):
        unit_row += [UNITS[block] if titles is True or block in titles else None] + [None] * (span - 1)
        header += ["STT", "Họ và tên", "Tháng"] + [None] * (MONTHS - 1) + [None]
        months += [None, None] + [month_label(m) for m in range(1, MONTHS + 1)] + [None]
    sheet.append(unit_row)
    sheet.append(header)
    sheet.append(months)
    expected = []
    for index in range(max(len(PEOPLE[b]) for b in range(blocks))):
        row = []
        for block in range(blocks):
            if index < len(PEOPLE[block]):
                name = PEOPLE[block][index]
                marks = [MARKS[(index + block + m) % 4] for m in range(MONTHS)]
                if block == 1 and index == 1:
                    marks[:2] = [None, None]  # transferred in from month 3
                row += [index + 1, name, *marks, None]
                expected += [(name, f"2025-{m + 1:02d}-01", STATUS[mark], UNITS[block].title().replace("Bộ", "bộ")
                              if block == 1 else UNITS[block]) for m, mark in enumerate(marks) if mark]
            else:
                row += [None] * span
        sheet.append(row)
    sheet.append([])
    sheet.append(["Ký hiệu: x - có mặt; vp - vắng có phép; vk - vắng không phép; m - đến muộn"])
    for block in range(blocks):
        left = 1 + block * span
        sheet.merge_cells(start_row=4, end_row=4, start_column=left + 2, end_column=left + 1 + MONTHS)
        for column in (left, left + 1):
            sheet.merge_cells(start_row=4, end_row=5, start_column=column, end_column=column)
    book.save(path)
    return expected


@pytest.mark.parametrize("blocks", [2, 3])
@pytest.mark.parametrize("month_label", [int, str], ids=["numbers", "text"])
def test_side_by_side_blocks_each_with_its_unit(tmp_path, blocks, month_label):
    expected = _write(tmp_path / "s.xlsx", blocks, month_label)
    result = parse_file(tmp_path / "s.xlsx")
    assert result.kind == "attendance" and result.errors == []
    got = [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()]
    assert [g[:3] for g in got] == [e[:3] for e in expected]
    assert {g[0]: g[3].casefold() for g in got} == {e[0]: e[3].casefold() for e in expected}
    assert any(item["what"] == "Bảng đặt cạnh nhau" for item in result.inferences)


def test_month_numbers_under_a_merged_month_label_in_one_table(tmp_path):
    expected = _write(tmp_path / "s.xlsx", 1, int)
    result = parse_file(tmp_path / "s.xlsx")
    assert result.kind == "attendance" and result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [e[:3] for e in expected]


def test_a_block_without_a_title_beside_titled_ones_is_not_read_silently(tmp_path):
    _write(tmp_path / "s.xlsx", 3, int, titles={0, 2})
    try:
        result = parse_file(tmp_path / "s.xlsx")
    except Exception:  # refused outright is as good as reported
        return
    assert result.errors or result.warnings
    assert not any(r["full_name"] == "Nguyễn Thị Phương" and r["unit"] == "Chi bộ Thôn Trung Thành"
                   for r in result.records())


def test_one_list_printed_in_two_halves_reads_left_half_then_right(tmp_path):
    path = tmp_path / "h.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["Chi bộ Thôn Trung Thành"])
    sheet.append(["THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "T1", "T2", None, "STT", "Họ và tên", "T1", "T2"])
    sheet.append([1, "Trương Thanh Trung", "x", "vp", None, 3, "Nguyễn Thu Mai", "x", "x"])
    sheet.append([2, "Thái Quang Lộc", "vk", "x", None, 4, "Trần Hồng Oanh", "m", "x"])
    sheet.append([])
    sheet.append(["Ký hiệu: x - có mặt; vp - vắng có phép; vk - vắng không phép; m - đến muộn"])
    book.save(path)
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert [(r["full_name"], r["date"][5:7], r["status"]) for r in result.records()] == [
        ("Trương Thanh Trung", "01", "present"), ("Trương Thanh Trung", "02", "excused"),
        ("Thái Quang Lộc", "01", "absent"), ("Thái Quang Lộc", "02", "present"),
        ("Nguyễn Thu Mai", "01", "present"), ("Nguyễn Thu Mai", "02", "present"),
        ("Trần Hồng Oanh", "01", "late"), ("Trần Hồng Oanh", "02", "present")]
    assert {r["unit"] for r in result.records()} == {"Chi bộ Thôn Trung Thành"}
