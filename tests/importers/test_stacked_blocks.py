"""Tables stacked on one sheet, one per group or chi bộ: every block is read, each with its title's facts."""

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
