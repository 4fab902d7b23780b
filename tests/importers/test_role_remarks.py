"""A remark about the member's task after the role ("Thành viên (theo dõi khối DN FDI)") beside a unit column naming
a party organisation (``importers.kinds.role_remarks``): the unit column's value is the unit, the role is read from
the words before the bracket, one warning lists the remarks; a bracket naming another party organisation still
fails its row."""

from openpyxl import Workbook

from importers import parse_file

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Nhiệm vụ trong Đoàn", "Chi bộ phụ trách", "Điện thoại"]
TITLE = [["ĐẢNG ỦY PHƯỜNG TÂN CẢNG BẮC"], ["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 7"], [], HEADER]
TDP_14 = "Chi bộ Tổ dân phố số 14"


def _save(tmp_path, people, name="remarks.xlsx"):
    book = Workbook()
    for row in TITLE + [[index, person[0], f"{index + 3:02d}/{index + 1:02d}/19{70 + 3 * index}", *person[1:],
                         f"09{index}3 47{index} 52{index}"] for index, person in enumerate(people, start=1)]:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _person(name, role, unit):
    return [name, role, unit]


def _brief(record):
    return record["full_name"], record["role"], record["unit"]


def test_task_remarks_are_no_unit(tmp_path):
    people = [_person("Nguyễn Thị Thanh Dung", "Trưởng đoàn", "Chi bộ Công ty TNHH Seowon Precision Việt Nam"),
              _person("Đỗ Tiến Lực", "Phó trưởng đoàn (phụ trách khối doanh nghiệp)", "Chi bộ Công ty TNHH Sao Biển"),
              _person("Cao Văn Quốc Lực", "Thành viên (theo dõi khối DN FDI)", TDP_14),
              _person("Trần Văn Quốc Hải", "Thành viên - theo dõi công tác dân vận", "Đảng bộ Công ty CP Cảng"),
              _person("Bùi Mạnh Thịnh", "Thành viên (theo dõi công tác dân vận)", TDP_14)]
    result = parse_file(_save(tmp_path, people))
    assert [_brief(record) for record in result.records()] == [
        ("Nguyễn Thị Thanh Dung", "head", "Chi bộ Công ty TNHH Seowon Precision Việt Nam"),
        ("Đỗ Tiến Lực", "deputy", "Chi bộ Công ty TNHH Sao Biển"),
        ("Cao Văn Quốc Lực", "member", TDP_14),
        ("Trần Văn Quốc Hải", "member", "Đảng bộ Công ty CP Cảng"),
        ("Bùi Mạnh Thịnh", "member", TDP_14)]
    assert result.errors == []
    assert [(warning["row"], warning["column"], warning["message"]) for warning in result.warnings] == [
        (6, "D", "Sheet!D6: cột D «Nhiệm vụ trong Đoàn»: 4 ô ghi thêm sau nhiệm vụ (việc theo dõi, ghi chú), không "
                 "phải đơn vị (D6 «phụ trách khối doanh nghiệp», D7 «theo dõi khối DN FDI», D8 «theo dõi công tác dân "
                 "vận»…) — đơn vị lấy ở cột E «Chi bộ phụ trách», nhiệm vụ đọc từ chữ trước phần ghi thêm; phần ghi "
                 "thêm này chưa được nhập")]


def test_a_bracket_naming_another_party_organisation_still_fails(tmp_path):
    people = [_person("Nguyễn Thị Thanh Dung", "Trưởng đoàn", TDP_14),
              _person("Cao Văn Quốc Lực", "Thành viên (phụ trách Chi bộ Tổ dân phố số 3)", TDP_14),
              _person("Bùi Mạnh Thịnh", "Thành viên (theo dõi TDP 5)", TDP_14),
              _person("Trần Văn Quốc Hải", "Thành viên (phụ trách Chi bộ Tổ dân phố số 14)", TDP_14)]
    result = parse_file(_save(tmp_path, people))
    assert [_brief(record) for record in result.records()] == [
        ("Nguyễn Thị Thanh Dung", "head", TDP_14), ("Trần Văn Quốc Hải", "member", TDP_14)]
    assert [(error["row"], error["column"]) for error in result.errors] == [(6, "D"), (7, "D")]
    assert all("ghi đơn vị phụ trách khác nhau" in error["message"] for error in result.errors)
    assert not any("không phải đơn vị" in warning["message"] for warning in result.warnings)
