"""A roster title that names a kind of unit ("… phụ trách chi bộ", "… các chi bộ") gives no row a unit; one that
names a unit gives it to every row without one."""
import pytest
from sheet_files import write_sheet

from importers import parse_file

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Số điện thoại"]
ROWS = [[1, "Nguyễn Văn An", "01/02/1970", "Chuyên viên", "Đoàn công tác số 1", "Trưởng đoàn", "0912345678"],
        [2, "Trần Thị Bình", "01/02/1975", "Chuyên viên", "Đoàn công tác số 1", "Thành viên", "0912345679"]]


def _units(tmp_path, title):
    path = write_sheet(tmp_path / "ds.xlsx", [["ĐẢNG BỘ PHƯỜNG BẮC HỒNG"], [title], [], HEADER, *ROWS])
    result = parse_file(path)
    assert result.errors == []
    return {record["unit"] for record in result.records()}


@pytest.mark.parametrize("title", ["DANH SÁCH CÁN BỘ PHỤ TRÁCH CHI BỘ", "Danh sách cán bộ theo dõi các chi bộ",
                                   "DANH SÁCH ĐOÀN CÔNG TÁC PHỤ TRÁCH CHI BỘ CƠ SỞ",
                                   "Danh sách cán bộ phụ trách các đảng bộ trực thuộc",
                                   "DANH SÁCH CÁN BỘ PHỤ TRÁCH ĐẢNG BỘ"])
def test_a_title_naming_a_kind_of_unit_gives_no_unit(tmp_path, title):
    assert _units(tmp_path, title) == {None}


@pytest.mark.parametrize("title, unit", [("DANH SÁCH CÁN BỘ PHỤ TRÁCH CHI BỘ KHU PHỐ 1", "Chi bộ Khu phố 1"),
                                         ("Danh sách đoàn công tác phụ trách Đảng bộ xã Xuân Lĩnh",
                                          "Đảng bộ xã Xuân Lĩnh")])
def test_a_title_naming_one_unit_gives_it_to_every_row(tmp_path, title, unit):
    assert _units(tmp_path, title) == {unit}
