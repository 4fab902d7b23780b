"""A summary table of counts under the people ("BẢNG TỔNG HỢP SỐ LƯỢNG THÀNH VIÊN" over "Đoàn | Số thành viên" over
"Đoàn số 1 | 6") ends the data (``importers.kinds.summary_tables``): no records, its rows accounted with the
reason; a next block of persons under its own header or title is still read."""

from openpyxl import Workbook

from importers import parse_file
from importers.kinds.summary_tables import REASON

HEADER = ["TT", "Họ và tên", "Ngày, tháng, năm sinh", "Chức vụ, đơn vị công tác", "Nhiệm vụ trong Đoàn",
          "Chi bộ, đảng bộ được phân công theo dõi", "Điện thoại"]
TITLE = [["ĐẢNG ỦY PHƯỜNG TÂN CẢNG BẮC"], ["PHÂN CÔNG THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []]
ONE_GROUP = [["ĐẢNG ỦY PHƯỜNG TÂN CẢNG BẮC"], ["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 1"], []]
PEOPLE = {
    1: [[1, "Cao Quang Tùng", "05/07/1968", "Chủ tịch Ủy ban MTTQ phường", "Trưởng đoàn", "Chi bộ Tổ dân phố số 7",
         "0868326663"],
        [2, "Phạm Thị Thu Oanh", "05/01/1984", "Trưởng Công an phường", "Thành viên", "Chi bộ Tổ dân phố số 10",
         "0775701006"]],
    2: [[1, "Phạm Thị Thu Hạnh", "07/08/1992", "Cán bộ Ban Quản lý các KCN", "Trưởng đoàn",
         "Chi bộ Trường Mầm non Hoa Phượng", "0868597185"],
        [2, "Vũ Công Tuấn", "18/08/1990", "Chỉ huy trưởng BCH Quân sự phường", "Phó Trưởng đoàn",
         "Chi bộ Tổ dân phố số 9", "0775707832"],
        [3, "Trần Xuân Hải", "20/06/1976", "Trưởng phòng Kinh tế", "Thành viên", "Chi bộ Tổ dân phố số 4",
         "0983140215"]],
}
CLOSING = [[], [None, None, None, None, "T/M BAN THƯỜNG VỤ"], [None, None, None, None, "PHÓ BÍ THƯ"]]
NAMES = ["Cao Quang Tùng", "Phạm Thị Thu Oanh", "Phạm Thị Thu Hạnh", "Vũ Công Tuấn", "Trần Xuân Hải"]


def _save(tmp_path, rows, name="summary.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _blocks():
    rows = list(TITLE)
    for number, people in PEOPLE.items():
        rows += [[f"{number}. ĐOÀN CÔNG TÁC SỐ {number}"], HEADER, *people, []]
    return rows


def _reasons(result, first):
    return {row["row"]: row["reason"] for row in result.rows if row["row"] >= first}


def test_a_titled_summary_under_stacked_tables_gives_no_records(tmp_path):
    rows = _blocks()
    start = len(rows) + 1
    rows += [["BẢNG TỔNG HỢP SỐ LƯỢNG THÀNH VIÊN"], [None, "Đoàn", "Số thành viên", "Trong đó: Trưởng, Phó đoàn"],
             [None, "Đoàn số 1", 2, 1], [None, "Đoàn số 2", 3, 2], [None, "Cộng", 5, 3]] + CLOSING
    result = parse_file(_save(tmp_path, rows))
    assert [record["full_name"] for record in result.records()] == NAMES
    assert [record["group"] for record in result.records()] == ["Đoàn công tác số 1"] * 2 + ["Đoàn công tác số 2"] * 3
    assert result.errors == [] and result.warnings == []
    reasons = _reasons(result, start)
    assert [reasons[row] for row in range(start, start + 5)] == [REASON] * 5
    assert reasons[start + 6] == reasons[start + 7] == "khối nơi nhận, ký tên cuối văn bản"


def test_a_summary_under_its_own_header_of_counts_numbered_and_untitled(tmp_path):
    rows = ONE_GROUP + [HEADER, *PEOPLE[1], *PEOPLE[2], [],
                    ["STT", "Chi bộ", "Số lượng", "Số ĐV theo dõi"],
                    [1, "Chi bộ Tổ dân phố số 7", 1, 12], [2, "Chi bộ Trường Mầm non Hoa Phượng", 1, 9],
                    [3, "Các chi bộ khác", 3, "=SUM(D12:D13)"]]
    result = parse_file(_save(tmp_path, rows))
    assert [record["full_name"] for record in result.records()] == NAMES
    assert result.errors == []
    # the summary's formula saved without a result feeds no record: noted, the file is not refused
    assert [warning["message"] for warning in result.warnings] == [
        "Trang «Sheet»: ô D14 là công thức chưa có giá trị đã tính, nằm ngoài dữ liệu nhập (dòng hoặc cột cộng, dòng "
        "ghi chú hoặc ngoài bảng): bỏ qua."]
    assert sum(1 for row in result.rows if row["reason"] == REASON) == 4


def test_untitled_rows_naming_groups_with_numbers_only(tmp_path):
    rows = _blocks() + [[None, "Đoàn số 1", 2, 1], [None, "Đoàn số 2", 3, 2], [None, "Tổng cộng", 5, 3], [],
                        [None, None, None, None, "Tân Cảng Bắc, ngày 21 tháng 7 năm 2025"]] + CLOSING
    result = parse_file(_save(tmp_path, rows))
    assert [record["full_name"] for record in result.records()] == NAMES
    assert result.errors == [] and result.warnings == []
    assert sum(1 for row in result.rows if row["reason"] == REASON) == 3


def test_a_register_ends_at_its_summary_of_counts(tmp_path):
    rows = [["CHI BỘ TỔ DÂN PHỐ 3"], ["SỔ THEO DÕI SINH HOẠT CHI BỘ"], [],
            ["STT", "Họ và tên", "Ngày sinh hoạt", "Có mặt/Vắng"],
            [1, "Nguyễn Văn An", "05/01/2025", "Có mặt"], [2, "Lê Thị Bình", "05/01/2025", "Vắng có phép"],
            [3, "Nguyễn Văn An", "05/02/2025", "Có mặt"], [4, "Lê Thị Bình", "05/02/2025", "Có mặt"], [],
            ["THỐNG KÊ SỐ LƯỢT"], [None, "Tháng", "Số lượt có mặt", "Số lượt vắng"],
            [None, "Tháng 1", 1, 1], [None, "Tháng 2", 2, 0]]
    result = parse_file(_save(tmp_path, rows))
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2025-01-05", "present"), ("Lê Thị Bình", "2025-01-05", "excused"),
        ("Nguyễn Văn An", "2025-02-05", "present"), ("Lê Thị Bình", "2025-02-05", "present")]
    assert result.errors == []
    assert sum(1 for row in result.rows if row["reason"] == REASON) == 4


def test_a_next_block_of_persons_under_a_summary_like_title_is_read(tmp_path):
    rows = _blocks() + [["TỔNG HỢP DANH SÁCH BỔ SUNG"], HEADER,
                        [1, "Lê Phương Thảo", "28/04/1965", "Chủ nhiệm UBKT", "Thành viên", "Chi bộ Tổ dân phố số 2",
                         "0988055721"]] + CLOSING
    result = parse_file(_save(tmp_path, rows))
    assert [record["full_name"] for record in result.records()] == NAMES + ["Lê Phương Thảo"]
    assert not any(row["reason"] == REASON for row in result.rows)


def test_group_counts_followed_by_persons_are_no_summary(tmp_path):
    rows = ONE_GROUP + [HEADER, *PEOPLE[1], [None, "Đoàn số 1", 2, 1], [None, "Đoàn số 2", 3, 2], *PEOPLE[2]]
    result = parse_file(_save(tmp_path, rows))
    names = [record["full_name"] for record in result.records()]
    assert names[-3:] == NAMES[2:]  # the people below are still read
    assert not any(row["reason"] == REASON for row in result.rows)
    assert result.errors or result.warnings  # the counts rows are still warned, as before
