"""A roster typed as a decision's sentences, one a cell under a header naming name, position and role in one
column ('Họ tên, chức vụ, nhiệm vụ trong Đoàn'): group lines "1. Đoàn công tác số 1: phụ trách Chi bộ …" above
"-" | "Đồng chí <name>, <position> - <role>;" | phone. The name runs to the first comma, the role follows the last
dash (positions hold dashes and commas); a line is a person only when it opens with the address word and ends on a
role wording, any other line is refused or warned naming its cell."""

import openpyxl
import pytest

from importers import ImportFileError, parse_file

GROUPS = [
    ("Đoàn công tác số 1", "Chi bộ Thôn Khe Lếch", [
        ("Đồng chí", "Hoàng Văn Sầm", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã", "Trưởng đoàn", "head", "0912345678"),
        ("Đ/c", "Lò Thị Sen", "Chuyên viên Phòng Văn hóa - Xã hội", "Phó Trưởng đoàn", "deputy", "0912 345 679"),
        ("Ông", "Vàng A Páo", "Công chức Tài chính - Kế toán, Văn phòng HĐND và UBND xã", "Thành viên", "member",
         None),
    ]),
    ("Đoàn công tác số 2", "Chi bộ Thôn Nà Hẩu", [
        ("Bà", "Đinh Thị Mỵ", "Ủy viên BTV, Trưởng Ban Xây dựng Đảng", "Trưởng đoàn", "head", "0987654321"),
        ("Đ/c", "Sùng Seo Lử", "Chỉ huy trưởng Ban CHQS xã", "Thành viên", "member", "0977 111 222"),
    ]),
]


def _write(path, extra_rows=()):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    sheet.append(["ĐẢNG ỦY XÃ NẬM XÉ"])
    sheet.append(["THÀNH PHẦN CÁC ĐOÀN CÔNG TÁC (kèm theo Quyết định số 15-QĐ/ĐU)"])
    sheet.append([])
    sheet.append(["TT", "Họ tên, chức vụ, nhiệm vụ trong Đoàn", "Điện thoại"])
    expected, count = [], 0
    for number, (group, unit, people) in enumerate(GROUPS, 1):
        sheet.append([f"{number}. {group}: phụ trách {unit}"])
        for at, (address, name, position, role_text, role, phone) in enumerate(people):
            end = "." if at == len(people) - 1 else ";"
            sheet.append(["-", f"{address} {name}, {position} - {role_text}{end}", phone])
            expected.append({"full_name": name, "birth_date": None, "position": position, "group": group,
                             "role": role, "unit": unit, "phone": phone.replace(" ", "") if phone else None})
            count += 1
    for row in extra_rows:
        sheet.append(row)
    sheet.append([])
    sheet.append([None, f"Danh sách gồm {len(GROUPS):02d} Đoàn, {count} đồng chí."])
    sheet.append([None, "T/M BAN THƯỜNG VỤ"])
    sheet.append([None, "Nguyễn Văn Ký"])
    book.save(path)
    return expected


def test_sentences_read_as_people(tmp_path):
    path = tmp_path / "qd.xlsx"
    expected = _write(path)
    result = parse_file(path)
    assert result.kind == "roster"
    assert result.errors == []
    assert result.records() == expected
    # the bullets are no blank values; the count line is no person, and said so at its cell
    assert not any("«-»" in item["message"] for item in result.warnings)
    assert [(item["row"], item["column"]) for item in result.warnings] == [(13, "B")]


@pytest.mark.parametrize("line, why", [
    ("Đ/c Mùa A Chứ, Chuyên viên Phòng Văn hóa - Xã hội;", "không đọc được theo mẫu"),  # no role after the dash
    ("Mùa A Chứ, Chuyên viên Văn phòng - Thành viên;", "không mở đầu bằng «Đồng chí»"),  # no address word
    ("Đồng chí Mùa A Chứ 1975, Chuyên viên - Thành viên;", "không đọc được theo mẫu"),  # no name
])
def test_unread_sentence_refused_at_its_cell(tmp_path, line, why):
    path = tmp_path / "qd.xlsx"
    expected = _write(path, [["-", line, "0911000111"]])
    result = parse_file(path)
    assert {(item["row"], item["column"]) for item in result.errors} == {(12, "B")}
    assert any(why in item["message"] for item in result.errors)
    assert not any("Mùa A Chứ" in (record["full_name"] or "") for record in result.records())
    assert [record for record in result.records() if record["full_name"] != "Mùa A Chứ"] == expected


def test_sentences_without_header_refused_saying_what_to_do(tmp_path):
    path = tmp_path / "qd.xlsx"
    _write(path)
    book = openpyxl.load_workbook(path)
    book.active.delete_rows(4)  # the header row
    book.save(path)
    with pytest.raises(ImportFileError) as raised:
        parse_file(path)
    message = raised.value.message
    assert "cột B liệt kê 5 người dưới dạng câu" in message and "ô B5" in message
    assert "«Họ tên, chức vụ, nhiệm vụ trong Đoàn» ở cột B" in message
