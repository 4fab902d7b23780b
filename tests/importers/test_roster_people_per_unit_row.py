"""Rosters kept one row per chi bộ with two people on the row, each in a block of columns under an upper label
(``importers.row_people``), and unit values that point at a unit named elsewhere ("chi bộ đó")."""

from importers import parse_file
from importers.context import read_context
from importers.normalising import names_one_unit
from tests.importers.sheet_files import write_sheet

TITLE = [["ĐẢNG ỦY PHƯỜNG THUẬN AN"], ["BẢNG PHÂN CÔNG THEO DÕI CÁC CHI BỘ"], []]
HEAD = [["STT", "Chi bộ", "Đoàn", "Đồng chí phụ trách", None, None, None, "Cán bộ liên lạc", None, None, "Ghi chú"],
        [None, None, None, "Họ và tên", "Chức vụ", "Vai trò", "Điện thoại", "Họ và tên", "Chức vụ", "Điện thoại",
         None]]
MERGES = ["A4:A5", "B4:B5", "C4:C5", "D4:G4", "H4:J4", "K4:K5"]
BODY = [[1, "Chi bộ Thôn An Hải", "ĐCT số 1", "Lê Văn An", "Chủ tịch MTTQ", "Trưởng đoàn", "0912345678",
         "Trần Thị Hoa", "Chuyên viên", "0987.654.321", None],
        [2, "Chi bộ Thôn Tân Mỹ", "ĐCT số 1", "Phạm Văn Bình", "Chỉ huy trưởng", "Thành viên", "0911222333",
         "Trần Thị Hoa", "Chuyên viên", "0987.654.321", "Kiêm nhiệm"],
        [3, "Chi bộ Trạm Y tế", "ĐCT số 2", "Võ Thị Lan", "Phó Chủ tịch UBND", "Phó Trưởng đoàn", None,
         None, None, None, None]]
NOTE = [[], ["Ghi chú: ĐCT = Đoàn công tác. Cán bộ liên lạc là thành viên của Đoàn công tác phụ trách chi bộ đó "
             "(vai trò: thành viên)."]]


def _records(result):
    return [(r["full_name"], r["unit"], r["group"], r["role"], r["position"], r["phone"]) for r in result.records()]


EXPECTED = [
    ("Lê Văn An", "Chi bộ Thôn An Hải", "Đoàn công tác số 1", "head", "Chủ tịch MTTQ", "0912345678"),
    ("Trần Thị Hoa", "Chi bộ Thôn An Hải", "Đoàn công tác số 1", "member", "Chuyên viên", "0987654321"),
    ("Phạm Văn Bình", "Chi bộ Thôn Tân Mỹ", "Đoàn công tác số 1", "member", "Chỉ huy trưởng", "0911222333"),
    ("Trần Thị Hoa", "Chi bộ Thôn Tân Mỹ", "Đoàn công tác số 1", "member", "Chuyên viên", "0987654321"),
    ("Võ Thị Lan", "Chi bộ Trạm Y tế", "Đoàn công tác số 2", "deputy", "Phó Chủ tịch UBND", None),
]


def test_each_person_of_a_row_is_a_record_of_the_rows_unit(tmp_path):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", TITLE + HEAD + BODY + NOTE, merges=MERGES))
    assert _records(result) == EXPECTED
    assert result.errors == []
    # a liaison following two chi bộ is one record per chi bộ; the roster's duplicate check still names her
    assert [w["message"] for w in result.warnings] == [
        "Trang «Sheet», cột D «Họ và tên»: 1 người có hơn một dòng trong danh sách (cùng họ tên và ngày sinh hoặc "
        "số điện thoại): «Trần Thị Hoa» (0987654321) (dòng 7, 9)"]
    assert {"what": "Nhiệm vụ trong đoàn của «Cán bộ liên lạc»", "value": "Thành viên",
            "source": "ghi chú dòng 10: «" + NOTE[1][0] + "»"} in result.inferences


def test_without_merges_the_upper_labels_still_mark_the_blocks(tmp_path):
    head = [["STT", "Chi bộ", "Đoàn", "Đồng chí phụ trách", None, None, None, "Cán bộ liên lạc", None, None,
             "Ghi chú"], HEAD[1]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", TITLE + head + BODY + NOTE))
    assert _records(result) == EXPECTED


def test_a_block_titled_by_its_role_takes_that_role(tmp_path):
    head = [["TT", "Tên chi bộ", "Đoàn công tác", "Trưởng đoàn", None, "Thành viên", None],
            [None, None, None, "Họ và tên", "Chức vụ", "Họ và tên", "Chức vụ"]]
    body = [[1, "Chi bộ Khu phố 1", "Đoàn 3", "Lê Văn An", "Bí thư", "Trần Thị Hoa", "Chuyên viên"],
            [2, "Chi bộ Khu phố 2", "Đoàn 3", "Lê Văn An", "Bí thư", "Ngô Minh", "Cán bộ"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", TITLE + head + body,
                                    merges=["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4"]))
    assert [(r["full_name"], r["unit"], r["group"], r["role"], r["position"]) for r in result.records()] == [
        ("Lê Văn An", "Chi bộ Khu phố 1", "Đoàn công tác số 3", "head", "Bí thư"),
        ("Trần Thị Hoa", "Chi bộ Khu phố 1", "Đoàn công tác số 3", "member", "Chuyên viên"),
        ("Lê Văn An", "Chi bộ Khu phố 2", "Đoàn công tác số 3", "head", "Bí thư"),
        ("Ngô Minh", "Chi bộ Khu phố 2", "Đoàn công tác số 3", "member", "Cán bộ")]
    assert result.errors == []


def test_a_block_with_no_role_anywhere_is_warned(tmp_path):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", TITLE + HEAD + BODY, merges=MERGES))
    assert [r["full_name"] for r in result.records()] == [item[0] for item in EXPECTED]
    assert any("nhóm cột «Cán bộ liên lạc» (từ cột H) không có cột nhiệm vụ" in w["message"]
               for w in result.warnings)


def test_one_name_column_under_an_upper_label_is_no_row_of_blocks(tmp_path):
    head = [["STT", "Đồng chí phụ trách", None, "Đoàn", "Nhiệm vụ", "Chi bộ phụ trách"],
            [None, "Họ và tên", "Chức vụ", None, None, None]]
    body = [[1, "Lê Văn An", "Bí thư", "Đoàn 1", "Trưởng đoàn", "Chi bộ Thôn A"],
            [2, "Trần Thị Hoa", "Chuyên viên", "Đoàn 1", "Thành viên", "Chi bộ Thôn B"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", TITLE + head + body,
                                    merges=["A4:A5", "B4:C4", "D4:D5", "E4:E5", "F4:F5"]))
    assert [(r["full_name"], r["position"], r["role"], r["unit"]) for r in result.records()] == [
        ("Lê Văn An", "Bí thư", "head", "Chi bộ Thôn A"), ("Trần Thị Hoa", "Chuyên viên", "member", "Chi bộ Thôn B")]


def test_a_unit_pointing_elsewhere_is_no_unit():
    for text in ("chi bộ đó", "đơn vị nói trên", "chi bộ được phân công tương ứng", "Chi bộ mình phụ trách"):
        assert not names_one_unit(text), text
    for text in ("Chi bộ Đô Lương", "Chi bộ Xóm Trên", "Chi bộ Tổ dân phố Tân Mỹ"):
        assert names_one_unit(text), text
    assert read_context("Phụ trách: chi bộ đó") is None


def test_a_note_saying_the_group_follows_that_unit_gives_no_sheet_unit(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Chức vụ", "Đoàn", "Nhiệm vụ"],
                    [1, "Lê Văn An", "Bí thư", "Đoàn 1", "Trưởng đoàn"],
                    [2, "Trần Thị Hoa", "Chuyên viên", "Đoàn 1", "Thành viên"], [],
                    ["Ghi chú: Cán bộ liên lạc là thành viên của Đoàn công tác phụ trách chi bộ đó."]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [(r["full_name"], r["unit"]) for r in result.records()] == [("Lê Văn An", None), ("Trần Thị Hoa", None)]
