"""'Mã ĐV' is a member's code in an office register and a unit's code in a software export: the file settles it
(a column whose values its lines explain is the unit; a member-code column beside a 'Chi bộ' column is not)."""
from importers import parse_file


def _csv(tmp_path, text: str):
    path = tmp_path / "file.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_member_codes_beside_a_unit_column_are_not_the_unit(tmp_path):
    path = _csv(tmp_path, "Họ và tên,Mã ĐV,Chi bộ,Ngày họp,Tình hình\n"
                          "Nguyễn Văn An,ĐV11541,Chi bộ Khu phố 1,05/01/2025,Có mặt\n"
                          "Lê Thị Bình,ĐV30469,Chi bộ Khu phố 2,05/01/2025,Vắng có lý do\n")
    assert [r["unit"] for r in parse_file(path, kind="attendance").records()] == ["Chi bộ Khu phố 1",
                                                                                  "Chi bộ Khu phố 2"]


def test_unit_codes_explained_by_the_files_lines_are_the_unit(tmp_path):
    path = _csv(tmp_path, "MaDV,HoTen,NgayHop,TrangThai\n"
                          "CB07,Nguyễn Văn An,05/01/2025,Có mặt\n"
                          "DB12,Lê Thị Bình,05/01/2025,Có mặt\n"
                          "# CB07 = Chi bộ Khu phố 7\n# DB12 = Đảng bộ Trường THCS Lê Lợi\n")
    assert [r["unit"] for r in parse_file(path, kind="attendance").records()] == [
        "Chi bộ Khu phố 7", "Đảng bộ Trường THCS Lê Lợi"]
