"""Rosters by group columns where each working group is a pair or triple of columns ("Họ và tên" | "Chức vụ" [| "Số
điện thoại"]) under a merged "ĐOÀN CÔNG TÁC SỐ N" title, the roles as labels down the first column ("Thành viên"
merged down over the members) and a "Chi bộ phụ trách" row giving each group's unit: the field row is no person,
each person keeps the position (and phone) of their own columns, the role of the label over their row."""

import pytest
from openpyxl.utils import get_column_letter, range_boundaries
from sheet_files import write_sheet

from importers import parse_file

HEADS = ["TRẦN VĂN HÙNG", "LÊ THỊ HOA", "PHẠM QUỐC BẢO", "VŨ ĐÌNH KHOA"]
DEPUTIES = ["Nguyễn Thu Trang", "Đỗ Văn Lâm", "Hoàng Minh Tuấn", "Bùi Thị Nga"]
MEMBERS = [["Đinh Văn Sơn", "Mai Thị Lan", "Tô Văn Phúc"], ["Lý Thị Hạnh", "Cao Văn Tài"],
           ["Quách Văn Bình", "Kiều Thị Yến", "Dương Văn Nam"], ["La Văn Hải", "Ngô Thị Thủy"]]
UNITS = ["Chi bộ thôn Đông Thành", "Chi bộ thôn Tây Sơn", "Chi bộ thôn Nam Hà", "Chi bộ thôn Bắc Sơn"]


def _person(group: int, name: str, rank: int) -> tuple[str, str]:
    return f"Chức vụ {group + 1}.{rank}", f"09{group + 1}{rank:07d}"


def _layout(groups: int, phone: bool, unit_row: str | None, no_deputy: int | None, repeat_header: bool):
    """(rows, merges, expected records) of a group-columns roster with `groups` groups."""
    width = 3 if phone else 2
    fields = ["Họ và tên", "Chức vụ", "Số điện thoại"][:width]
    last = get_column_letter(1 + groups * width)
    rows = [["ĐẢNG ỦY XÃ AN BÌNH"], ["BẢNG PHÂN CÔNG THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []]
    merges = [f"A1:{last}1", f"A2:{last}2", "A4:A5"]
    rows.append(["Nhiệm vụ"] + sum(([f"ĐOÀN CÔNG TÁC SỐ {n + 1}"] + [None] * (width - 1) for n in range(groups)), []))
    merges += [f"{get_column_letter(2 + n * width)}4:{get_column_letter(1 + (n + 1) * width)}4" for n in range(groups)]
    rows.append([None] + fields * groups)
    if unit_row:
        rows.append([unit_row] + sum(([UNITS[n] if unit_row == "Chi bộ phụ trách" else f"Phụ trách: {UNITS[n]}"]
                                      + [None] * (width - 1) for n in range(groups)), []))
        merges += [f"{get_column_letter(2 + n * width)}{len(rows)}:{get_column_letter(1 + (n + 1) * width)}"
                   f"{len(rows)}" for n in range(groups)]
    expected: list[list[dict]] = [[] for _ in range(groups)]

    def line(label, names, rank, role):
        row = [label]
        for n in range(groups):
            name = names[n]
            position, number = _person(n, name or "", rank)
            row += ([name, position, number][:width] if name else [None] * width)
            if name:
                expected[n].append({"birth_date": None, "full_name": name.title() if name.isupper() else name,
                                    "group": f"Đoàn công tác số {n + 1}", "phone": number if phone else None,
                                    "position": position, "role": role,
                                    "unit": UNITS[n] if unit_row else None})
        rows.append(row)

    line("Trưởng đoàn", HEADS, 0, "head")
    line("Phó Trưởng đoàn", [None if n == no_deputy else DEPUTIES[n] for n in range(groups)], 1, "deputy")
    if repeat_header:
        rows.append([None] + fields * groups)
    first = len(rows) + 1
    depth = max(len(MEMBERS[n]) for n in range(groups))
    for rank in range(depth):
        line("Thành viên" if rank == 0 else None,
             [MEMBERS[n][rank] if rank < len(MEMBERS[n]) else None for n in range(groups)], rank + 2, "member")
    merges.append(f"A{first}:A{first + depth - 1}")
    rows += [[], [f"Ghi chú: Đoàn công tác số {no_deputy + 1} chưa bố trí Phó Trưởng đoàn."
                  if no_deputy is not None else "Ghi chú: Các đoàn sinh hoạt tại chi bộ được phân công."]]
    return rows, merges, [record for block in expected for record in block]


def _write_xls(path, rows, merges):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("PC doan CT")
    spans = {}
    for merged in merges:
        c0, r0, c1, r1 = range_boundaries(merged)
        spans[r0 - 1, c0 - 1] = (r1 - 1, c1 - 1)
    covered = {(r, c) for (r0, c0), (r1, c1) in spans.items() for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in spans:
                sheet.write_merge(r, spans[r, c][0], c, spans[r, c][1], value)
            elif (r, c) not in covered and value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def _parse(tmp_path, fmt, rows, merges):
    if fmt == "xls":
        return parse_file(_write_xls(tmp_path / "doan.xls", rows, merges))
    return parse_file(write_sheet(tmp_path / "doan.xlsx", rows, title="PC doan CT", merges=merges))


VARIANTS = [  # groups, phone column, unit row label, group without a deputy, field row repeated
    (4, False, "Chi bộ phụ trách", 2, False),
    (2, True, "Chi bộ phụ trách", None, False),
    (3, True, "Đơn vị phụ trách", 1, True),
    (3, False, "Phụ trách", None, True),
    (2, False, None, 0, False),
    (4, True, None, None, False),
]


@pytest.mark.parametrize("fmt", ["xls", "xlsx"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_groups_as_column_pairs_or_triples_are_read_exactly(tmp_path, fmt, variant):
    groups, phone, unit_row, no_deputy, repeat_header = variant
    rows, merges, expected = _layout(groups, phone, unit_row, no_deputy, repeat_header)
    result = _parse(tmp_path, fmt, rows, merges)
    assert result.kind == "roster"
    assert result.errors == []
    assert not [w for w in result.warnings if "nhiệm vụ" in w["message"]]
    assert result.records() == expected


def test_field_headers_are_never_people(tmp_path):
    rows, merges, _ = _layout(3, True, "Chi bộ phụ trách", None, True)
    names = [r["full_name"] for r in _parse(tmp_path, "xlsx", rows, merges).records()]
    assert not {"Họ và tên", "Chức vụ", "Số điện thoại"} & set(names)


def test_a_position_without_a_name_is_warned_about_not_read(tmp_path):
    rows, merges, expected = _layout(2, False, "Chi bộ phụ trách", None, False)
    rows[-4][3:5] = [None, "Công chức Tư pháp"]  # group 2's second member: the name left out
    result = _parse(tmp_path, "xlsx", rows, merges)
    assert [r["full_name"] for r in result.records()] == [r["full_name"] for r in expected
                                                          if r["full_name"] != "Cao Văn Tài"]
    assert any(w["column"] == "E" and "không có họ tên" in w["message"] for w in result.warnings)
