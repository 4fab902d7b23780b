"""A register with one header and then a block per meeting (the date in a sub-header row, a 'Cộng: a/b' line
after the people), the status shown by which column is filled: a tick for present or absent, the minutes late,
the reason written under 'Vắng có lý do (ghi rõ lý do)'. Every wording of block row and total is read the same,
and the signature below is not a person."""
import pytest
from sheet_files import write_sheet

from importers import parse_file

PEOPLE = ["Lê Ngọc Thảo", "Kiều Đức Tâm", "Lê Thị Yến", "Ngô Kim Hà"]
DAYS = [(8, 1), (12, 2), (8, 3)]
# per meeting, per person: (column offset from the first status column, cell)
FILLED = [[(1, 10), (0, "x"), (3, "x"), (2, "Coi thi")],
          [(2, "Đi công tác"), (0, "x"), (1, 15), (0, "x")],
          [(0, "x"), (0, "x"), (3, "x"), (2, "Ốm")]]
STATUS = ["present", "late", "excused", "absent"]


def _rows(headers, block, total):
    rows = [["ĐẢNG BỘ KHỐI CƠ QUAN"], ["Chi bộ Trường THCS Lê Lợi"], [],
            ["SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"], [], ["STT", "Họ và tên", *headers, "Ghi chú"]]
    expected = []
    for number, ((day, month), filled) in enumerate(zip(DAYS, FILLED), 1):
        rows.append([block.format(n=number, d=day, m=month)])
        for index, (name, (offset, cell)) in enumerate(zip(PEOPLE, filled), 1):
            rows.append([index, name] + [None] * offset + [cell])
            expected.append((name, f"2025-{month:02d}-{day:02d}", STATUS[offset]))
        attended = sum(offset < 2 for offset, _ in filled)
        rows.append([total.format(a=attended, b=len(PEOPLE))])
    rows += [[], [None, None, None, None, "BÍ THƯ CHI BỘ"], [], [None, None, None, None, "Nguyễn Hồng Liên"]]
    return rows, expected


@pytest.mark.parametrize("headers", [
    ["Có mặt", "Đi muộn (phút)", "Vắng có lý do (ghi rõ lý do)", "Vắng không lý do"],
    ["Có mặt", "Đến muộn (phút)", "Vắng có phép (nêu lý do)", "Vắng không phép"],
])
@pytest.mark.parametrize("block, total", [
    ("Buổi {n}: Sinh hoạt thường kỳ tháng {m:02d}/2025 - ngày {d:02d}/{m:02d}/2025", "Cộng: {a}/{b} đảng viên dự"),
    ("Lần {n} - Ngày {d}/{m}/2025 (sinh hoạt thường kỳ)", "Cộng: {b} đồng chí"),
    ("Kỳ họp tháng {m} (ngày {d:02d} tháng {m} năm 2025)", "Tổng số: {b}, có mặt {a}"),
])
def test_blocks_per_meeting_with_status_columns(tmp_path, headers, block, total):
    rows, expected = _rows(headers, block, total)
    result = parse_file(write_sheet(tmp_path / "b.xlsx", rows))
    assert result.kind == "attendance" and result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == expected
    assert {r["unit"] for r in result.records()} == {"Chi bộ Trường THCS Lê Lợi"}


@pytest.mark.parametrize("absence", ["Vắng (ghi rõ lý do)", "Vắng mặt (nêu lý do)", "Vắng có lý do (ghi rõ lý do)"])
@pytest.mark.parametrize(("written", "status"), [("Ốm", "excused"), ("Đi công tác", "excused"),
                                                 ("Không lý do", "absent"), ("không có lý do", "absent"),
                                                 ("Không phép", "absent"), ("Miễn sinh hoạt", "exempt")])
def test_a_reason_column_saying_there_is_no_reason_is_an_absence(tmp_path, absence, written, status):
    """"Vắng (ghi rõ lý do)" takes the reason of an absence; the cell "Không lý do" says there is none."""
    rows = [["Chi bộ Khu dân cư số 4"], ["Thời gian: 19 giờ 30 phút, ngày 06 tháng 01 năm 2025"], [],
            ["TT", "Họ và tên", "Có mặt", "Đến muộn", absence, "Ký tên"],
            [1, "Lê Thị Xuân", "x", None, None, None],
            [2, "Trịnh Bá Toàn", None, "x", None, None],
            [3, "Đỗ Văn Kiên", None, None, written, None]]
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows), kind="attendance")
    assert [(r["full_name"], r["status"]) for r in result.records()] == [
        ("Lê Thị Xuân", "present"), ("Trịnh Bá Toàn", "late"), ("Đỗ Văn Kiên", status)]
