"""Tables stacked on one sheet, one per group or chi bộ: every block is read, each with its title's facts."""

import pytest
from openpyxl import Workbook

from importers import parse_file

ROLES = ["Trưởng đoàn", "Phó đoàn", "Thành viên"]


def _roster(tmp_path, titles):
    book = Workbook()
    sheet = book.active
    rows = [["ĐẢNG BỘ PHƯỜNG AN LẠC"], ["DANH SÁCH CÁC ĐOÀN CÔNG TÁC NĂM 2025"], []]
    names = iter(["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường", "Phạm Đức Dũng", "Hoàng Thu Giang",
                  "Vũ Ngọc Hà", "Đặng Quang Hải", "Bùi Xuân Hạnh", "Ngô Thị Lan"])
    for title in titles:
        rows.append([title])
        rows.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ trong đoàn"])
        for index, role in enumerate(ROLES, 1):
            rows.append([index, next(names), f"0{index}/0{index + 2}/197{index}", "Chuyên viên", role])
        rows.append([None, "Cộng: 3 đồng chí"])
        rows.append([])
    for row in rows:
        sheet.append(row)
    path = tmp_path / "stacked.xlsx"
    book.save(path)
    return path


def test_a_roster_stacked_by_group_reads_each_blocks_group_and_unit(tmp_path):
    titles = [f"{n}. ĐOÀN CÔNG TÁC SỐ {n} - Phụ trách: Chi bộ Khu phố {n}" for n in (1, 2, 3)]
    result = parse_file(_roster(tmp_path, titles))
    records = result.records()
    assert result.errors == [] and len(records) == 9
    assert [(r["group"], r["unit"], r["role"]) for r in records[2:5]] == [
        ("Đoàn công tác số 1", "Chi bộ Khu phố 1", "member"), ("Đoàn công tác số 2", "Chi bộ Khu phố 2", "head"),
        ("Đoàn công tác số 2", "Chi bộ Khu phố 2", "deputy")]
    said = {item["what"]: item for item in result.inferences if item["source"].startswith("tên từng khối")}
    assert said["Đoàn"]["value"] == "Đoàn công tác số 1; Đoàn công tác số 2; Đoàn công tác số 3"
    assert said["Chi bộ"]["source"] == "tên từng khối bảng trên cùng trang (dòng 4, 11, 18)"
    reasons = result.row_frame.set_index("row")["reason"]
    assert reasons[9] == "dòng tổng của khối" and reasons[11] == "dòng tên khối"


def test_repeated_headers_with_no_title_naming_a_unit_leave_the_reading_as_it_was(tmp_path):
    """A printed list's repeated page headers (no block titles): not stacked tables; the reading stops at the
    first total as before, and the rows left below are named in a warning."""
    result = parse_file(_roster(tmp_path, ["Trang 1", "Trang 2"]))
    assert [error["row"] for error in result.errors] == [6, 7, 8]  # no group for the first block's rows
    below = [w["message"] for w in result.warnings if "dòng dưới chỗ bảng dừng đọc (dòng 9)" in w["message"]]
    assert len(below) == 1 and "B13 «Phạm Đức Dũng»" in below[0]


HEADER = ["TT", "Họ và tên", "Sinh ngày", "Chức vụ", "Đoàn số", "Chức danh", "Đơn vị phụ trách"]
MAIN = [[1, "Nguyễn Văn An", "02/03/1971", "Chuyên viên", 1, "Trưởng đoàn", "Đảng bộ xã Tân Hòa"],
        [2, "Trần Thị Bình", "04/05/1972", "Chuyên viên", 1, "Thành viên", "Đảng bộ xã Tân Hòa"],
        [3, "Lê Minh Cường", "06/07/1973", "Chuyên viên", 2, "Trưởng đoàn", "Đảng bộ xã Phú Lợi"]]
MORE = [[1, "Phạm Đức Dũng", "08.09.1980", "Chuyên viên", 2, "Thành viên", "Đảng bộ xã Phú Lợi"],
        [2, "Hoàng Thu Giang", "10.11.1985", "Chuyên viên", 1, "Thành viên", "Đảng bộ xã Tân Hòa"]]


def _supplemented(tmp_path, caption):
    book = Workbook()
    sheet = book.active
    for row in [["BAN TỔ CHỨC TỈNH ỦY"], ["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], [], HEADER, *MAIN,
                ["Cộng: 3 đồng chí"], [], [caption], ["(Theo đề nghị ngày 02/10/2025)"], [], HEADER, *MORE,
                ["Cộng: 2 đồng chí"]]:
        sheet.append(row)
    path = tmp_path / "supplement.xlsx"
    book.save(path)
    return path


def test_a_supplement_list_under_the_total_with_the_same_header_is_read_too(tmp_path):
    result = parse_file(_supplemented(tmp_path, "DANH SÁCH BỔ SUNG THÀNH VIÊN ĐOÀN CÔNG TÁC"))
    assert result.errors == [] and result.warnings == []
    assert [(r["full_name"], r["group"], r["unit"]) for r in result.records()[3:]] == [
        ("Phạm Đức Dũng", "Đoàn công tác số 2", "Đảng bộ xã Phú Lợi"),
        ("Hoàng Thu Giang", "Đoàn công tác số 1", "Đảng bộ xã Tân Hòa")]
    said = [item for item in result.inferences if item["what"] == "Bảng bổ sung"]
    assert len(said) == 1 and said[0]["value"].startswith("DANH SÁCH BỔ SUNG")
    reasons = result.row_frame.set_index("row")["reason"]
    assert reasons[8] == "dòng tổng của khối" and reasons[13] == "dòng tiêu đề bảng của khối"


@pytest.mark.parametrize("caption", ["DANH SÁCH ĐỒNG CHÍ THÔI THAM GIA ĐOÀN CÔNG TÁC (bổ sung)",
                                     "DANH SÁCH CÁN BỘ DỰ PHÒNG"])
def test_a_list_under_the_total_not_said_to_add_to_it_is_not_read_as_members(tmp_path, caption):
    result = parse_file(_supplemented(tmp_path, caption))
    assert [r["full_name"] for r in result.records()] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường"]
    assert any("dòng dưới chỗ bảng dừng đọc" in item["message"] for item in result.warnings)
