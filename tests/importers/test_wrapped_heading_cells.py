"""A roster copied back from a PDF or Word: a long cell's wrapped text lands on a row of its own, and when that text
starts like a unit's name ("Đảng ủy phường", "Chi bộ …") it is still the cell above going on, not a unit heading
(importers.kinds.spilled_rows). A genuine heading stays one; where both readings hold the importer warns; and a
heading no row uses (the table's own column says otherwise on every row) is said (importers.kinds.unused_headings)."""
from sheet_files import write_sheet

from importers import parse_file

HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị phụ trách", "Điện thoại", "Đoàn"]


def _parse(tmp_path, rows):
    return parse_file(write_sheet(tmp_path / "roster.xlsx", [["DANH SÁCH ĐOÀN CÔNG TÁC"], [], HEADER, *rows],
                                  title="DS"))


def _triples(result):
    return [(r["full_name"], r["position"], r["unit"]) for r in result.records()]


def _warned(result):
    return [(w["row"], w["column"]) for w in result.warnings if w["row"] is not None]


def test_wrap_starting_like_a_unit_goes_on_the_position_among_other_wraps(tmp_path):
    result = _parse(tmp_path, [
        [1, "Hà Thị Mỹ Nhung", "Phó Bí thư Thường trực", "Chi bộ Tổ dân phố 5", "0854529494", "Đoàn CT số 1"],
        [None, None, "Đảng ủy phường", None, None],
        [2, "Tôn Thất Đình Bảo", "Trạm trưởng Trạm Y tế", "Chi bộ Tổ dân phố 5", "0847910264", "Đoàn CT số 1"],
        [None, None, "phường", None, None],
        [3, "Trần Văn Khoa", "Phó Chủ nhiệm Ủy ban Kiểm", "Chi bộ Khu vực Phú", "0386594561", "Đoàn CT số 1"],
        [None, None, "tra Đảng ủy", "Hiệp", None],
        [4, "Lê Hữu Khánh", "Bí thư", "Chi bộ Tổ dân phố 12", "0881057867", "Đoàn CT số 1"],
        [None, None, "Chi bộ Tổ dân phố 12", None, None],
    ])
    assert result.errors == []
    assert _triples(result) == [
        ("Hà Thị Mỹ Nhung", "Phó Bí thư Thường trực Đảng ủy phường", "Chi bộ Tổ dân phố 5"),
        ("Tôn Thất Đình Bảo", "Trạm trưởng Trạm Y tế phường", "Chi bộ Tổ dân phố 5"),
        ("Trần Văn Khoa", "Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", "Chi bộ Khu vực Phú Hiệp"),
        ("Lê Hữu Khánh", "Bí thư Chi bộ Tổ dân phố 12", "Chi bộ Tổ dân phố 12"),
    ]
    assert _warned(result) == []


def test_lone_wrap_starting_like_a_unit_joins_with_a_warning(tmp_path):
    result = _parse(tmp_path, [
        [1, "Hà Thị Mỹ Nhung", "Phó Bí thư", "Chi bộ Tổ dân phố 5", "0854529494", "Đoàn CT số 1"],
        [None, None, "Đảng bộ phường", None, None],
        [2, "Tôn Thất Đình Bảo", "Trạm trưởng Trạm Y tế", "Chi bộ Tổ dân phố 5", "0847910264", "Đoàn CT số 1"],
    ])
    assert _triples(result) == [
        ("Hà Thị Mỹ Nhung", "Phó Bí thư Đảng bộ phường", "Chi bộ Tổ dân phố 5"),
        ("Tôn Thất Đình Bảo", "Trạm trưởng Trạm Y tế", "Chi bộ Tổ dân phố 5"),
    ]
    assert _warned(result) == [(5, "C")]


def test_wrapped_unit_name_in_the_unit_column_goes_on(tmp_path):
    result = _parse(tmp_path, [
        [1, "Hà Thị Mỹ Nhung", "Phó Bí thư Đảng ủy,", "Đảng bộ Khối", "0854529494", "Đoàn CT số 1"],
        [None, None, "Chủ tịch UBND phường", "Chi bộ Cơ quan", None],
        [2, "Tôn Thất Đình Bảo", "Trạm trưởng", "Chi bộ Tổ dân phố 5", "0847910264", "Đoàn CT số 1"],
    ])
    assert _triples(result) == [
        ("Hà Thị Mỹ Nhung", "Phó Bí thư Đảng ủy, Chủ tịch UBND phường", "Đảng bộ Khối Chi bộ Cơ quan"),
        ("Tôn Thất Đình Bảo", "Trạm trưởng", "Chi bộ Tổ dân phố 5"),
    ]


def test_unit_sub_headers_in_the_number_or_name_column_stay_headings(tmp_path):
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", [
        ["DANH SÁCH ĐOÀN CÔNG TÁC"], [], ["STT", "Họ và tên", "Chức vụ", "Điện thoại", "Đoàn"],
        ["Chi bộ Tổ dân phố 3", None, None, None],
        [1, "Hà Thị Mỹ Nhung", "Phó Bí thư", "0854529494", "Đoàn CT số 1"],
        [None, None, "Đảng ủy phường", None],
        [None, "Chi bộ Tổ dân phố 4", None, None],
        [2, "Tôn Thất Đình Bảo", "Trạm trưởng", "0847910264", "Đoàn CT số 1"],
    ], title="DS"))
    assert _triples(result) == [
        ("Hà Thị Mỹ Nhung", "Phó Bí thư Đảng ủy phường", "Chi bộ Tổ dân phố 3"),
        ("Tôn Thất Đình Bảo", "Trạm trưởng", "Chi bộ Tổ dân phố 4"),
    ]


def test_heading_in_the_column_where_headings_are_written_stays_a_heading_with_a_warning(tmp_path):
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", [
        ["DANH SÁCH ĐOÀN CÔNG TÁC"], [], ["STT", "Họ và tên", "Chức vụ", "Điện thoại", "Đoàn"],
        [None, None, "Chi bộ Tổ dân phố 3", None],
        [1, "Hà Thị Mỹ Nhung", "Phó Bí thư", "0854529494", "Đoàn CT số 1"],
        [None, None, "Chi bộ Tổ dân phố 4", None],
        [2, "Tôn Thất Đình Bảo", "Trạm trưởng", "0847910264", "Đoàn CT số 1"],
    ], title="DS"))
    assert _triples(result) == [
        ("Hà Thị Mỹ Nhung", "Phó Bí thư", "Chi bộ Tổ dân phố 3"),
        ("Tôn Thất Đình Bảo", "Trạm trưởng", "Chi bộ Tổ dân phố 4"),
    ]
    assert _warned(result) == [(6, "C")]


def test_heading_whose_unit_no_row_uses_is_warned(tmp_path):
    result = _parse(tmp_path, [
        [1, "Hà Thị Mỹ Nhung", "Phó Bí thư", "Chi bộ Tổ dân phố 5", "0854529494", "Đoàn CT số 1"],
        [None, "Chi bộ Tổ dân phố 9", None, None, None],
        [2, "Tôn Thất Đình Bảo", "Trạm trưởng", "Chi bộ Tổ dân phố 5", "0847910264", "Đoàn CT số 1"],
    ])
    assert _triples(result) == [
        ("Hà Thị Mỹ Nhung", "Phó Bí thư", "Chi bộ Tổ dân phố 5"),
        ("Tôn Thất Đình Bảo", "Trạm trưởng", "Chi bộ Tổ dân phố 5"),
    ]
    assert _warned(result) == [(5, "D")]


def test_heading_the_unit_column_agrees_with_goes_quietly(tmp_path):
    result = _parse(tmp_path, [
        [None, "Chi bộ Tổ dân phố 5", None, None, None],
        [1, "Hà Thị Mỹ Nhung", "Phó Bí thư", "Chi bộ Tổ dân phố 5", "0854529494", "Đoàn CT số 1"],
        [2, "Tôn Thất Đình Bảo", "Trạm trưởng", "Chi bộ Tổ dân phố 5", "0847910264", "Đoàn CT số 1"],
    ])
    assert [r["unit"] for r in result.records()] == ["Chi bộ Tổ dân phố 5", "Chi bộ Tổ dân phố 5"]
    assert _warned(result) == []
