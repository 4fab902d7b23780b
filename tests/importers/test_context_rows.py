"""Context rows (group / unit / role headings between data rows), titles before names and role words."""

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.context import read_context
from importers.honorifics import name_cleaner
from importers.kinds.carried import carry_down
from importers.normalising import normalise_role

HEADER = ["STT", "Họ và tên", "Chức vụ", "Điện thoại"]


def write_xlsx(path, rows, merges=()):
    """Write rows (None = empty cell) to a one-sheet workbook, merging the given ranges."""
    book = Workbook()
    sheet = book.active
    sheet.title = "DS"
    for row in rows:
        sheet.append(row)
    for merged in merges:
        sheet.merge_cells(merged)
    book.save(path)
    return path


@pytest.mark.parametrize(("text", "facts"), [
    ("ĐOÀN CÔNG TÁC SỐ 1 (phụ trách Đảng bộ xã Thuận Lộc)",
     {"group": "Đoàn công tác số 1", "unit": "Đảng bộ xã Thuận Lộc"}),
    ("I. ĐOÀN CÔNG TÁC SỐ 2 - Phụ trách: Chi bộ Công ty CP Xây dựng Hồng Đức",
     {"group": "Đoàn công tác số 2", "unit": "Chi bộ Công ty CP Xây dựng Hồng Đức"}),
    ("1. Đoàn công tác số 1", {"group": "Đoàn công tác số 1"}),
    ("Đoàn số 2", {"group": "Đoàn công tác số 2"}),
    ("ĐOÀN 3", {"group": "Đoàn công tác số 3"}),
    ("IV - Đoàn công tác số 4:", {"group": "Đoàn công tác số 4"}),
    ("đoàn công tác số 5 - phụ trách đảng bộ phường bắc hồng",
     {"group": "Đoàn công tác số 5", "unit": "Đảng bộ phường Bắc Hồng"}),
    ("ĐOÀN CÔNG TÁC SỐ 6 PHỤ TRÁCH ĐẢNG BỘ XÃ THUẬN LỘC",
     {"group": "Đoàn công tác số 6", "unit": "Đảng bộ xã Thuận Lộc"}),
    ("Đoàn công tác số 7 (Địa bàn: Chi bộ Khu phố 3)", {"group": "Đoàn công tác số 7", "unit": "Chi bộ Khu phố 3"}),
    ("Đoàn công tác số 8 - Đảng bộ phường Đức Thuận",
     {"group": "Đoàn công tác số 8", "unit": "Đảng bộ phường Đức Thuận"}),
    ("Đoàn công tác số 9, đơn vị phụ trách: Chi bộ Tổ dân phố 1",
     {"group": "Đoàn công tác số 9", "unit": "Chi bộ Tổ dân phố 1"}),
    ("Tổ công tác số 2 - Phụ trách: Chi bộ Thôn 4", {"group": "Tổ công tác số 2", "unit": "Chi bộ Thôn 4"}),
    ("ĐOÀN CÔNG TÁC SỐ 3 GỒM CÁC ĐỒNG CHÍ:", {"group": "Đoàn công tác số 3"}),
    ("II. TỔ CÔNG TÁC SỐ 02", {"group": "Tổ công tác số 2"}),
    ("Đoàn công tác số 4 - Trường THCS Bắc Hồng", {"group": "Đoàn công tác số 4", "unit": "Trường THCS Bắc Hồng"}),
    ("1. Trưởng đoàn:", {"role": "head"}),
    ("2. Phó Trưởng đoàn:", {"role": "deputy"}),
    ("3. Thành viên:", {"role": "member"}),
    ("Trưởng đoàn", {"role": "head"}),
    ("TRƯỞNG ĐOÀN:", {"role": "head"}),
    ("Các Phó Trưởng đoàn:", {"role": "deputy"}),
    ("Phó trưởng đoàn thường trực", {"role": "deputy"}),
    ("b) Ủy viên", {"role": "member"}),
    ("- Thành viên đoàn gồm:", {"role": "member"}),
    ("3. Thành viên (05 đồng chí):", {"role": "member"}),
    ("ĐOÀN CÔNG TÁC SỐ 2 (07 đồng chí)", {"group": "Đoàn công tác số 2"}),
    ("Chi bộ Tổ dân phố Trung Thượng", {"unit": "Chi bộ Tổ dân phố Trung Thượng"}),
    ("II. ĐẢNG BỘ PHƯỜNG BẮC HỒNG", {"unit": "Đảng bộ phường Bắc Hồng"}),
    ("2. Chi bộ Khối 7:", {"unit": "Chi bộ Khối 7"}),
    ("Phụ trách: Đảng bộ xã Thuận Lộc", {"unit": "Đảng bộ xã Thuận Lộc"}),
    ("Địa bàn phụ trách: Chi bộ 3", {"unit": "Chi bộ 3"}),
    ("- Phụ trách Đảng bộ phường Bắc Hồng", {"unit": "Đảng bộ phường Bắc Hồng"}),
    ("2. Chi bộ Tổ dân phố Quyết Tiến (3 đảng viên)", {"unit": "Chi bộ Tổ dân phố Quyết Tiến"}),
    ("CHI BỘ THÔN 5 - 12 ĐV", {"unit": "Chi bộ Thôn 5"}),
    ("Chi bộ Khu phố 2 (gồm 08 đồng chí):", {"unit": "Chi bộ Khu phố 2"}),
])
def test_context_wordings_set_their_facts(text, facts):
    assert read_context(text) == facts


@pytest.mark.parametrize(
    "text",
    [
        "Đoàn Văn Hậu",
        "Nguyễn Văn An",
        "Trưởng phòng Nội vụ",
        "Thị ủy viên, Chánh Văn phòng Thị ủy",
        "Tổng cộng",
        "ĐOÀN CÔNG TÁC SỐ 1 - Trưởng đoàn: đ/c Lê Văn An",
        "Phó Chủ tịch UBND thị xã",
        "Đoàn công tác",
        "Tô Văn Lâm",
        "Đơn vị công tác",
        "Phụ trách",
        "",
        None,
        12,
    ],
)
def test_other_text_is_no_context(text):
    assert read_context(text) is None


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("Trưởng Đoàn", "head"),
        ("Trưởng đoàn", "head"),
        ("Đoàn trưởng", "head"),
        ("Phó Trưởng Đoàn", "deputy"),
        ("Phó đoàn", "deputy"),
        ("Phó trưởng đoàn thường trực", "deputy"),
        ("Các Phó Trưởng đoàn", "deputy"),
        ("Ủy viên", "member"),
        ("Uỷ viên", "member"),
        ("Thành viên", "member"),
        ("TV", "member"),
        ("Thành viên đoàn", "member"),
        ("head", "head"),
    ],
)
def test_role_words_map_to_roles(raw, role):
    assert normalise_role(raw) == (role, None)


def test_unknown_role_word_is_a_problem():
    assert normalise_role("Bảo vệ") == (None, "không rõ nhiệm vụ trong đoàn")


@pytest.mark.parametrize(
    ("names", "cleaned"),
    [
        (["Đ/c Lê Thu Hà", "Đ/c Trần Văn An"], ["Lê Thu Hà", "Trần Văn An"]),
        (["đ/c Lê Thu Hà", "Nguyễn Văn Bình"], ["Lê Thu Hà", "Nguyễn Văn Bình"]),
        (["Đồng chí Lê Thu Hà", "Nguyễn Văn Bình"], ["Lê Thu Hà", "Nguyễn Văn Bình"]),
        (["ĐỒNG CHÍ NGUYỄN VĂN AN", "Đ/C LÊ THU HÀ"], ["Nguyễn Văn An", "Lê Thu Hà"]),
        (["Đ/c NGUYỄN VĂN AN", "Đ/c. Lê Thu Hà"], ["Nguyễn Văn An", "Lê Thu Hà"]),
        (["Ông Nguyễn Văn An", "Bà Lê Thu Hà", "Ông Trần Bình"], ["Nguyễn Văn An", "Lê Thu Hà", "Trần Bình"]),
        (
            ["Ông Ích Khiêm", "Nguyễn Văn An", "Lê Thu Hà", "Trần Bình"],
            ["Ông Ích Khiêm", "Nguyễn Văn An", "Lê Thu Hà", "Trần Bình"],
        ),
        (["Nguyễn Văn An", "Lê Thu Hà"], ["Nguyễn Văn An", "Lê Thu Hà"]),
    ],
)
def test_titles_before_names_are_dropped(names, cleaned):
    values = np.array(names, dtype=object)
    clean = name_cleaner(values)
    assert [clean(name) for name in names] == cleaned


def test_titles_in_decomposed_text_are_dropped():
    import unicodedata

    names = [unicodedata.normalize("NFD", "Đồng chí Lê Thu Hà")]
    assert name_cleaner(np.array(names, dtype=object))(names[0]) == "Lê Thu Hà"


def test_a_group_row_resets_the_unit_and_role_below_it():
    index = pd.RangeIndex(1, 9)
    facts = {1: {"group": "G1", "unit": "U1"}, 2: {"role": "head"}, 4: {"role": "member"}, 6: {"group": "G2"}}
    carried = carry_down(facts, index)
    assert carried["group"].tolist() == ["G1"] * 5 + ["G2"] * 3
    assert carried["unit"].tolist() == ["U1"] * 5 + [None] * 3
    assert carried["role"].tolist() == [None, "head", "head", "member", "member", None, None, None]


def _roster_with_sections(tmp_path, heading_col=0):
    """Roster without group, role or unit columns: group rows, role sections, titles and 1.1-style numbering."""
    width = len(HEADER)

    def lone(text):
        row = [None] * width
        row[heading_col] = text
        return row

    rows = [
        ["DANH SÁCH ĐOÀN CÔNG TÁC"],
        [None],
        HEADER,
        lone("ĐOÀN CÔNG TÁC SỐ 1 (phụ trách Đảng bộ xã Thuận Lộc)"),
        lone("1. Trưởng đoàn:"),
        ["1.1", "Đ/c Lê Thu Hà", "Chánh Văn phòng", "0912.345.678"],
        lone("2. Phó Trưởng đoàn:"),
        ["2.1", "Đ/c Trần Văn An", "Phó Chánh Văn phòng", "0912.345.679"],
        lone("3. Thành viên:"),
        ["3.1", "Đ/c Ngô Thị Bình", "Chuyên viên", "0912.345.680"],
        ["3.2", "Đ/c Đoàn Văn Hậu", "Chuyên viên", "0912.345.681"],
        lone("II. ĐOÀN CÔNG TÁC SỐ 2 - Phụ trách: Chi bộ Tổ dân phố 3"),
        ["I", "Đ/c Phạm Minh Châu", "Trưởng phòng Nội vụ", "0912.345.682"],
        [None],
        [None, None, "T/M BAN THƯỜNG VỤ"],
    ]
    merges = [
        f"A{n}:D{n}"
        for n, row in enumerate(rows, 1)
        if heading_col == 0 and len(row) == width and row[0] and all(cell is None for cell in row[1:])
    ]
    return write_xlsx(tmp_path / "roster.xlsx", rows, merges)


EXPECTED_ROSTER = [
    ("Lê Thu Hà", "Đoàn công tác số 1", "head", "Đảng bộ xã Thuận Lộc"),
    ("Trần Văn An", "Đoàn công tác số 1", "deputy", "Đảng bộ xã Thuận Lộc"),
    ("Ngô Thị Bình", "Đoàn công tác số 1", "member", "Đảng bộ xã Thuận Lộc"),
    ("Đoàn Văn Hậu", "Đoàn công tác số 1", "member", "Đảng bộ xã Thuận Lộc"),
    ("Phạm Minh Châu", "Đoàn công tác số 2", "member", "Chi bộ Tổ dân phố 3"),
]


@pytest.mark.parametrize("heading_col", [0, 1], ids=["heading-in-stt-column", "heading-in-name-column"])
def test_group_and_role_rows_carry_down_onto_the_roster(tmp_path, heading_col):
    result = parse_file(_roster_with_sections(tmp_path, heading_col), kind="roster")
    got = [(r["full_name"], r["group"], r["role"], r["unit"]) for r in result.records()]
    assert got == EXPECTED_ROSTER
    assert result.errors == []
    assert result.records()[0]["phone"] == "0912345678"


def test_context_rows_are_skipped_with_reasons(tmp_path):
    rows = {row["row"]: row for row in parse_file(_roster_with_sections(tmp_path), kind="roster").rows}
    assert rows[4]["outcome"] == "skipped" and rows[4]["reason"] == "dòng tiêu đề nhóm"
    assert rows[5]["outcome"] == "skipped" and rows[5]["reason"] == "dòng tiêu đề nhiệm vụ"
    assert rows[6] == {"row": 6, "outcome": "record", "reason": None, "record_count": 1}
    assert rows[13]["outcome"] == "record"  # "I" in the STT column is numbering, not a heading


def test_a_role_column_unnamed_by_its_header_is_found_by_its_values(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Chức vụ", "Đoàn", "Chức danh"],
        [1, "Lê Thu Hà", "Chánh Văn phòng", "Đoàn công tác số 1", "Trưởng Đoàn"],
        [2, "Trần Văn An", "Phó Trưởng Ban Tổ chức", "Đoàn công tác số 1", "Phó Trưởng Đoàn"],
        [3, "Ngô Thị Bình", "Thị ủy viên, Chánh Văn phòng", "Đoàn công tác số 1", "Ủy viên"],
    ]
    result = parse_file(write_xlsx(tmp_path / "roles.xlsx", rows), kind="roster")
    assert [r["role"] for r in result.records()] == ["head", "deputy", "member"]
    assert [r["position"] for r in result.records()][1] == "Phó Trưởng Ban Tổ chức"


def test_a_confirmed_mapping_without_a_role_column_is_kept(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Chức vụ", "Đoàn", "Chức danh"],
        [1, "Lê Thu Hà", "Chánh Văn phòng", "Đoàn công tác số 1", "Trưởng Đoàn"],
    ]
    result = parse_file(write_xlsx(tmp_path / "roles.xlsx", rows), kind="roster", mapping={"role": None})
    assert result.records()[0]["role"] == "member"
    assert "role" not in {column.field for column in result.columns}


def test_a_position_column_is_not_taken_for_roles(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Chức vụ", "Đoàn"],
        [1, "Lê Thu Hà", "Trưởng phòng Nội vụ", "Đoàn công tác số 1"],
        [2, "Trần Văn An", "Thị ủy viên, Phó Chánh Văn phòng", "Đoàn công tác số 1"],
    ]
    result = parse_file(write_xlsx(tmp_path / "positions.xlsx", rows), kind="roster")
    assert [(r["position"], r["role"]) for r in result.records()] == [
        ("Trưởng phòng Nội vụ", "member"),
        ("Thị ủy viên, Phó Chánh Văn phòng", "member"),
    ]


@pytest.mark.parametrize(
    "heading", ["Chi bộ Tổ dân phố Trung Thượng", "1. CHI BỘ TỔ DÂN PHỐ TRUNG THƯỢNG", "Đảng bộ Trung Thượng"]
)
def test_unit_rows_of_an_attendance_register_set_the_unit(tmp_path, heading):
    rows = [
        ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"],
        [None],
        ["STT", "Họ và tên", "T1", "T2", "T3"],
        [heading],
        [1, "Nguyễn Văn An", "x", "x", "P"],
        ["Chi bộ Tổ dân phố Tây Sơn"],
        [2, "Lê Thu Hà", "x", None, "x"],
        [None],
        ["Ghi chú: x - có mặt; P - vắng có phép"],
    ]
    result = parse_file(write_xlsx(tmp_path / "register.xlsx", rows, ["A4:E4", "A6:E6"]), kind="attendance")
    units = {(r["full_name"], r["unit"]) for r in result.records()}
    first = read_context(heading)["unit"]
    assert units == {("Nguyễn Văn An", first), ("Lê Thu Hà", "Chi bộ Tổ dân phố Tây Sơn")}
    assert result.errors == []
    reasons = {row["row"]: row["reason"] for row in result.rows}
    assert reasons[4] == reasons[6] == "dòng tiêu đề đơn vị"


def test_a_unit_column_wins_over_a_unit_row(tmp_path):
    rows = [
        ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"],
        ["STT", "Họ và tên", "Chi bộ", "T1", "T2"],
        ["Chi bộ Tổ dân phố 1"],
        [1, "Nguyễn Văn An", "Chi bộ Tổ dân phố 9", "x", "x"],
        [2, "Lê Thu Hà", None, "x", "x"],
    ]
    result = parse_file(write_xlsx(tmp_path / "units.xlsx", rows), kind="attendance")
    assert {(r["full_name"], r["unit"]) for r in result.records()} == {
        ("Nguyễn Văn An", "Chi bộ Tổ dân phố 9"),
        ("Lê Thu Hà", "Chi bộ Tổ dân phố 1"),
    }


def test_a_member_named_doan_in_the_name_column_is_not_a_heading(tmp_path):
    rows = [
        ["Họ và tên", "Đoàn", "Nhiệm vụ"],
        ["Đoàn Văn Hậu", "Đoàn công tác số 1", "Trưởng đoàn"],
        ["Đoàn công tác số 2"],
        ["Lê Thu Hà", None, "Thành viên"],
    ]
    result = parse_file(write_xlsx(tmp_path / "names.xlsx", rows), kind="roster")
    assert [(r["full_name"], r["group"]) for r in result.records()] == [
        ("Đoàn Văn Hậu", "Đoàn công tác số 1"),
        ("Lê Thu Hà", "Đoàn công tác số 2"),
    ]


def test_group_and_unit_written_once_per_block_carry_down(tmp_path):
    path = tmp_path / "blocks.csv"
    path.write_text(
        "STT;Họ và tên;Đoàn;Nhiệm vụ;Đơn vị phụ trách\n"
        "1;Lê Thu Hà;Đoàn công tác số 1;Trưởng đoàn;Đảng bộ xã Thuận Lộc\n"
        "2;Trần Văn An;;Thành viên;\n"
        "3;Ngô Thị Bình;Đoàn công tác số 2;Trưởng đoàn;\n"
        "4;Phạm Minh Châu;;Thành viên;\n",
        encoding="utf-8",
    )
    result = parse_file(path, kind="roster")
    assert [(r["group"], r["unit"]) for r in result.records()] == [
        ("Đoàn công tác số 1", "Đảng bộ xã Thuận Lộc"),
        ("Đoàn công tác số 1", "Đảng bộ xã Thuận Lộc"),
        ("Đoàn công tác số 2", None),
        ("Đoàn công tác số 2", None),
    ]
    assert result.errors == []


def test_a_unit_written_once_per_block_carries_down_in_a_register(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text(
        "SỔ THEO DÕI NĂM 2025\nSTT,Họ và tên,Chi bộ,T1,T2\n1,Nguyễn Văn An,Chi bộ Khối 7,x,x\n2,Lê Thu Hà,,x,P\n",
        encoding="utf-8",
    )
    result = parse_file(path, kind="attendance")
    assert {r["unit"] for r in result.records()} == {"Chi bộ Khối 7"}


def test_a_context_unit_is_not_overwritten_by_the_block_above(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Đơn vị phụ trách"],
        ["ĐOÀN CÔNG TÁC SỐ 1 - Phụ trách: Chi bộ Thôn 1"],
        [1, "Lê Thu Hà", "Chi bộ Thôn 9"],
        ["ĐOÀN CÔNG TÁC SỐ 2 - Phụ trách: Chi bộ Thôn 2"],
        [2, "Trần Văn An", None],
    ]
    result = parse_file(write_xlsx(tmp_path / "units.xlsx", rows), kind="roster")
    assert [(r["group"], r["unit"]) for r in result.records()] == [
        ("Đoàn công tác số 1", "Chi bộ Thôn 9"),
        ("Đoàn công tác số 2", "Chi bộ Thôn 2"),
    ]


def test_context_rows_typed_in_tcvn3_are_read_after_decoding(tmp_path):
    from importers.legacy import unicode_to_tcvn3

    rows = [
        ["Danh sách đoàn công tác"],
        ["STT", "Họ và tên", "Chức vụ"],
        ["I. Đoàn công tác số 1 - Phụ trách: Đảng bộ xã Thuận Lộc"],
        ["1. Trưởng đoàn:"],
        [1, "Nguyễn Văn Thắng", "Chánh Văn phòng Thị ủy"],
        ["2. Thành viên:"],
        [2, "Đồng chí Lê Thị Hường", "Phó Chủ tịch Ủy ban MTTQ"],
    ]
    legacy = [[unicode_to_tcvn3(cell) if isinstance(cell, str) else cell for cell in row] for row in rows]
    result = parse_file(write_xlsx(tmp_path / "tcvn3.xlsx", legacy), kind="roster")
    assert [(r["full_name"], r["group"], r["role"], r["unit"]) for r in result.records()] == [
        ("Nguyễn Văn Thắng", "Đoàn công tác số 1", "head", "Đảng bộ xã Thuận Lộc"),
        ("Lê Thị Hường", "Đoàn công tác số 1", "member", "Đảng bộ xã Thuận Lộc"),
    ]


def test_a_group_row_may_name_its_unit_in_a_second_cell(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ"],
        ["ĐOÀN CÔNG TÁC SỐ 1", None, "Phụ trách: Chi bộ Thôn 1"],
        [1, "Lê Thu Hà", "Chánh Văn phòng", "Trưởng đoàn"],
        ["ĐOÀN CÔNG TÁC SỐ 2", None, None],
        [2, "Trần Văn An", "Chuyên viên", "Thành viên"],
    ]
    result = parse_file(write_xlsx(tmp_path / "cells.xlsx", rows), kind="roster")
    assert [(r["group"], r["unit"]) for r in result.records()] == [
        ("Đoàn công tác số 1", "Chi bộ Thôn 1"),
        ("Đoàn công tác số 2", None),
    ]


@pytest.mark.parametrize("number", ["1.1", "3.2", "I", "a)", "1.", "-", "(1)"])
def test_numbering_in_the_stt_column_keeps_the_row(tmp_path, number):
    rows = [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"], [number, "Lê Thu Hà", "Đoàn công tác số 1", "Trưởng đoàn"]]
    result = parse_file(write_xlsx(tmp_path / "numbers.xlsx", rows), kind="roster")
    assert [r["full_name"] for r in result.records()] == ["Lê Thu Hà"]
    assert result.errors == []


@pytest.mark.parametrize("merged", [True, False], ids=["merged-cells", "written-once-per-block"])
def test_a_headerless_column_of_group_cells_sets_the_group(tmp_path, merged):
    rows = [
        [None, "STT", "Họ và tên", "Nhiệm vụ"],
        ["ĐOÀN CÔNG TÁC SỐ 1 (phụ trách Chi bộ Thôn 1)", 1, "Lê Thu Hà", "Trưởng đoàn"],
        [None, 2, "Trần Văn An", "Thành viên"],
        ["Đoàn công tác số 2", 3, "Ngô Thị Bình", "Trưởng đoàn"],
        [None, 4, "Phạm Minh Châu", "Thành viên"],
    ]
    path = write_xlsx(tmp_path / "column.xlsx", rows, ["A2:A3", "A4:A5"] if merged else [])
    result = parse_file(path, kind="roster")
    assert [(r["group"], r["unit"]) for r in result.records()] == [
        ("Đoàn công tác số 1", "Chi bộ Thôn 1"),
        ("Đoàn công tác số 1", "Chi bộ Thôn 1"),
        ("Đoàn công tác số 2", None),
        ("Đoàn công tác số 2", None),
    ]
    assert result.errors == []


def test_a_named_column_of_unit_names_is_not_taken_for_the_assigned_unit(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Đoàn", "Nơi sinh hoạt đảng"],
        [1, "Lê Thu Hà", "Đoàn công tác số 1", "Chi bộ Văn phòng Thị ủy"],
    ]
    result = parse_file(write_xlsx(tmp_path / "own_cell.xlsx", rows), kind="roster")
    assert result.records()[0]["unit"] is None


def test_a_unit_heading_right_above_a_group_heading_is_that_groups_unit(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Nhiệm vụ"],
        ["I. ĐẢNG BỘ XÃ THUẬN LỘC"],
        ["1. Đoàn công tác số 1"],
        [1, "Lê Thu Hà", "Trưởng đoàn"],
        ["2. Đoàn công tác số 2"],
        [2, "Trần Văn An", "Trưởng đoàn"],
        ["II. CHI BỘ THÔN 4"],
        [None],
        ["3. Đoàn công tác số 3"],
        [3, "Ngô Thị Bình", "Trưởng đoàn"],
    ]
    result = parse_file(write_xlsx(tmp_path / "units_above.xlsx", rows), kind="roster")
    assert [(r["group"], r["unit"]) for r in result.records()] == [
        ("Đoàn công tác số 1", "Đảng bộ xã Thuận Lộc"),
        ("Đoàn công tác số 2", None),
        ("Đoàn công tác số 3", "Chi bộ Thôn 4"),
    ]
