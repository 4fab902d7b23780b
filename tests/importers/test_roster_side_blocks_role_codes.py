"""Rosters of two to four working groups printed side by side, each block titled "ĐOÀN CÔNG TÁC SỐ N" over a
"Phụ trách: <chi bộ>" line over its own header (one row or two), roles typed as codes (TĐ/PĐ/TV) that a note line
under the blocks explains: every block is read with its own group and unit, the note line ends the blocks instead
of being read as a row of the first one; blocks whose headers differ are not joined, with a warning."""

import pytest
from openpyxl.utils import get_column_letter
from sheet_files import write_sheet

from importers import parse_file

UNITS = ["Chi bộ thôn Pờ Chồ", "Chi bộ thôn Cốc Cái", "Chi bộ Trường Mầm non Pha Long", "Chi bộ Trạm Y tế xã"]
PEOPLE = [["Vàng Thị Lan", "Lý Thị Nái", "Ma Văn Nhất"],
          ["Mùa A Sếnh", "Vàng Thị Sua", "Lồ Thị Vư", "Hầu A Tủa", "Hầu Dìn"],
          ["Lù A Sài", "Mùa Thị Mỉ"],
          ["Triệu Láo Sử", "Vàng Thị Súa", "Lồ A Vảng", "Thào Súa"]]
CODES = {"TĐ": "head", "PĐ": "deputy", "TV": "member"}
NOTE = "NV: nhiệm vụ trong đoàn.  TĐ = Trưởng đoàn;  PĐ = Phó Trưởng đoàn;  TV = Thành viên."
ONE_ROW = [["TT", "Họ tên", "Chức vụ", "NV", "Số ĐT"]]
TWO_ROWS = [["TT", "Họ tên", "Chức vụ", "Phân công", "Liên hệ"], ["TT", "Họ tên", "Chức vụ", "NV", "Số ĐT"]]


def _code(index: int) -> str:
    return "TĐ" if index == 0 else "PĐ" if index == 1 else "TV"


def _phone(block: int, index: int) -> str:
    return f"09{block}{index}1234{block}{index}"


def _cells(labels, block: int, index: int) -> list:
    values = {"TT": index + 1, "Họ tên": PEOPLE[block][index], "Chức vụ": "Công chức xã", "NV": _code(index),
              "Số ĐT": _phone(block, index), "Năm sinh": 1980 + index}
    return [values.get(label) for label in labels]


def _write(path, blocks: int, gap: int, header, *, blank_before_note: int = 1, headers=None):
    """`blocks` groups side by side, `gap` empty columns between; `headers[n]` overrides block n's header."""
    span = len(header[0])
    headers = headers or [header] * blocks

    def across(parts):
        row = []
        for index, part in enumerate(parts):
            row += ([None] * gap if index else []) + list(part)
        return row

    rows = [["BẢNG PHÂN CÔNG CÁC ĐOÀN CÔNG TÁC CỦA BAN THƯỜNG VỤ ĐẢNG ỦY XÃ PHA LONG"], ["nhiệm kỳ 2025 - 2030"], []]
    rows.append(across([f"ĐOÀN CÔNG TÁC SỐ {n + 1}"] + [None] * (span - 1) for n in range(blocks)))
    rows.append(across([f"Phụ trách: {UNITS[n]}"] + [None] * (span - 1) for n in range(blocks)))
    for line in range(len(header)):
        rows.append(across(headers[n][line] for n in range(blocks)))
    for index in range(max(len(PEOPLE[n]) for n in range(blocks))):
        rows.append(across(_cells(headers[n][-1], n, index) if index < len(PEOPLE[n]) else [None] * len(headers[n][0])
                           for n in range(blocks)))
    rows += [[]] * blank_before_note + [[NOTE], [], [None] * (blocks * span - 2) + ["T/M BAN THƯỜNG VỤ"]]
    merges = []
    for n in range(blocks):
        left = 1 + n * (span + gap)
        merges += [f"{get_column_letter(left)}{row}:{get_column_letter(left + span - 1)}{row}" for row in (4, 5)]
        if len(header) == 2:
            merges += [f"{get_column_letter(left + col)}6:{get_column_letter(left + col)}7" for col in range(3)]
    return parse_file(write_sheet(path, rows, title="Phan cong", merges=merges))


def _expected(blocks: int) -> list[tuple]:
    return [(name, f"Đoàn công tác số {n + 1}", UNITS[n], CODES[_code(index)], _phone(n, index))
            for n in range(blocks) for index, name in enumerate(PEOPLE[n])]


@pytest.mark.parametrize("blocks", [2, 3, 4])
@pytest.mark.parametrize("gap", [1, 2])
@pytest.mark.parametrize("header", [ONE_ROW, TWO_ROWS], ids=["one-row", "two-rows"])
def test_every_block_is_read_with_its_own_group_and_unit(tmp_path, blocks, gap, header):
    result = _write(tmp_path / "p.xlsx", blocks, gap, header)
    assert result.kind == "roster" and result.errors == [] and result.warnings == []
    assert result.header_row == 6
    got = [(r["full_name"], r["group"], r["unit"], r["role"], r["phone"]) for r in result.records()]
    assert got == _expected(blocks)


@pytest.mark.parametrize("blank_before_note", [0, 2])
def test_the_role_note_ends_the_blocks_however_far_below(tmp_path, blank_before_note):
    result = _write(tmp_path / "p.xlsx", 3, 1, ONE_ROW, blank_before_note=blank_before_note)
    assert result.errors == [] and result.warnings == []
    assert [r["full_name"] for r in result.records()] == [name for group in PEOPLE[:3] for name in group]


@pytest.mark.parametrize("odd", [1, 2])
def test_blocks_with_different_headers_are_not_joined_without_a_word(tmp_path, odd):
    other = [["TT", "Họ tên", "Năm sinh", "Chức vụ", "NV", "Số ĐT"]]
    headers = [other if n == odd else ONE_ROW for n in range(3)]
    result = _write(tmp_path / "p.xlsx", 3, 1, ONE_ROW, headers=headers)
    assert any(w["row"] == 6 and w["column"] == "H" and "không giống nhau" in w["message"] for w in result.warnings)
    for record in result.records():
        assert record["full_name"] in PEOPLE[0] or record["group"] != "Đoàn công tác số 1"
