"""A working group's own register: its members down, the meeting columns grouped by the chi bộ each member follows
(a merged "Chi bộ …" header over that chi bộ's "dd/mm" dates), blank cells where a member does not follow a chi bộ,
a "Số buổi đã dự" total: each mark's unit is the chi bộ over its column."""
import pytest
from sheet_files import write_sheet

from importers import parse_file

UNITS = {"Chi bộ Tổ dân phố 4": ["06/01", "05/02", "07/03"], "Chi bộ Khu phố Đông": ["10/01", "05/02"],
         "Đảng bộ Trường THPT Nam Hà": ["12/01", "11/02", "14/03"]}
PEOPLE = [("Lê Văn Khải", "Trưởng đoàn", ["Chi bộ Tổ dân phố 4", "Chi bộ Khu phố Đông"]),
          ("Đào Thị Bích", "Thành viên", ["Chi bộ Khu phố Đông", "Đảng bộ Trường THPT Nam Hà"]),
          ("Phan Quốc Việt", "Thành viên", ["Đảng bộ Trường THPT Nam Hà"])]
STATUS = {"x": "present", "P": "excused", "K": "absent", "M": "late"}


def _book(path, marks, over):
    header = ["TT", "Họ và tên", "Nhiệm vụ trong Đoàn", over]
    units = [None, None, None]
    dates = [None, None, None]
    merges = ["A4:A6", "B4:B6", "C4:C6"]
    column = 4
    for unit, days in UNITS.items():
        units += [unit] + [None] * (len(days) - 1)
        dates += days
        merges.append(f"{chr(64 + column)}5:{chr(64 + column + len(days) - 1)}5")
        column += len(days)
    header += [None] * (column - 5) + ["Số buổi đã dự"]
    merges += [f"D4:{chr(64 + column - 1)}4", f"{chr(64 + column)}4:{chr(64 + column)}6"]
    rows = [["ĐOÀN CÔNG TÁC SỐ 2"], ["THEO DÕI THÀNH VIÊN ĐOÀN DỰ SINH HOẠT CHI BỘ QUÝ I NĂM 2025"], [],
            header, units, dates]
    expected = []
    for number, (name, role, follows) in enumerate(PEOPLE, 1):
        cells = []
        for unit, days in UNITS.items():
            for index, day in enumerate(days):
                mark = marks[(number + index) % len(marks)] if unit in follows else None
                cells.append(mark)
                if mark:
                    expected.append((name, f"2025-{day[3:]}-{day[:2]}", STATUS[mark], unit))
        rows.append([number, name, role, *cells, sum(mark in "xM" for mark in cells if mark)])
    rows += [[], ["Ghi chú: x - có dự; P - báo vắng; K - vắng không báo; M - đến muộn. Ô trống: không theo dõi."]]
    write_sheet(path, rows, title="Quy I", merges=merges)
    return expected


@pytest.mark.parametrize("marks, over", [
    ("xPKM", "Chi bộ được phân công theo dõi và ngày sinh hoạt"),
    ("xxP", "Ngày sinh hoạt"),
])
def test_each_mark_takes_the_chi_bo_over_its_column_block(tmp_path, marks, over):
    expected = _book(tmp_path / "g.xlsx", marks, over)
    result = parse_file(tmp_path / "g.xlsx")
    assert result.kind == "attendance" and not result.errors
    got = [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()]
    assert got == expected
    assert not [w for w in result.warnings if "hai bản ghi" in w["message"]]
