"""A roster whose group and role are packed in one code column ("Mã phân công": "Đ2-PĐ"), the group codes explained
by a legend line defining several codes at once ("Đ1, Đ2, Đ3, Đ4 = Đoàn công tác số 1, 2, 3, 4", "Đ1–Đ4: Đoàn
1–4", "Đn = Đoàn công tác số n", …), above or below the table, an example in brackets beside it. A legend whose
lists differ in length is not paired by guess: every row it would explain is refused, saying so."""

import datetime as dt
import unicodedata

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.group_code_notes import group_code_notes

PEOPLE = [  # name (one in NFD), birth, joined the party, position, group, role code, unit, phone
    ("Dương Tấn Bảo", dt.date(1965, 8, 27), dt.date(2021, 6, 2), "Phó Trưởng phòng Văn hóa - Xã hội", 3, "TV",
     "Chi bộ ấp Tân Khánh", 977740882.0),
    ("Ha Ri Da", dt.date(1990, 6, 20), dt.date(2013, 3, 10), "Phó Trưởng Công an xã", 3, "TĐ",
     "Chi bộ Đồn Biên phòng Khánh Bình", "0791.645.970"),
    ("Ma Ri Da", dt.date(1995, 11, 8), dt.date(2023, 3, 25), "Đảng ủy viên, Phó Chủ tịch UBND xã", 1, "PĐ",
     "Chi bộ ấp Tân Khánh", 966081255.0),
    ("Lê Thị Bích Diễm", dt.date(1970, 8, 20), dt.date(1995, 12, 13), "Chủ tịch Hội Nông dân xã", 2, "TV",
     "Chi bộ Trạm Y tế xã", 342929385.0),
    ("Lâm Hoàng Hiếu", dt.date(1984, 1, 24), dt.date(2007, 2, 25), "Chuyên viên Ủy ban Kiểm tra Đảng ủy", 1, "TĐ",
     "Chi bộ ấp Phũm Soài", "0783.606.152"),
    ("Võ Hữu Hậu", dt.date(1992, 6, 23), dt.date(2014, 4, 27), "Đảng ủy viên, Trưởng Công an xã", 4, "PĐ",
     "Chi bộ ấp Phũm Soài", 384247433.0),
    ("Néang Kim Xuôl", dt.date(1983, 10, 26), dt.date(2008, 6, 19), "Phó Chỉ huy trưởng Ban CHQS xã", 4, "TĐ",
     "Chi bộ ấp Khánh Hòa", 820016185.0),
    ("Chau Khen", dt.date(1982, 12, 23), dt.date(2004, 4, 8), "Trưởng ban Kinh tế - Ngân sách HĐND xã", 2, "TĐ",
     "Chi bộ Đồn Biên phòng Khánh Bình", 708880590.0),
]
ROLES = {"TĐ": "head", "PĐ": "deputy", "TV": "member"}
PHONES = ["0977740882", "0791645970", "0966081255", "0342929385", "0783606152", "0384247433", "0820016185",
          "0708880590"]
EXPECTED = [{"full_name": name, "birth_date": birth.isoformat(), "position": position,
             "group": f"Đoàn công tác số {group}", "role": ROLES[role], "unit": unit, "phone": phone}
            for (name, birth, _, position, group, role, unit, _), phone in zip(PEOPLE, PHONES)]
HEADER = ["STT", "Họ và tên", "Dân tộc", "Ngày sinh", "Ngày vào Đảng", "Chức vụ", "Mã phân công", "Đơn vị theo dõi",
          "ĐTDĐ", "Ghi chú"]
ROLE_LEGEND = "TĐ = Trưởng đoàn; PĐ = Phó Trưởng đoàn; TV = Thành viên"


def _code(group: int, role: str) -> str:
    return f"Đ{group}-{role}"


def _rows(legend: str, above: bool, code=_code):
    table = [HEADER]
    for number, (name, birth, joined, position, group, role, unit, phone) in enumerate(PEOPLE, 1):
        name = unicodedata.normalize("NFD", name) if number == 1 else name
        table.append([number, name, "Kinh" if number % 2 else "Khmer", birth, joined, position,
                      code(group, role), unit, phone, None])
    title = [["ĐẢNG BỘ XÃ KHÁNH BÌNH - BAN THƯỜNG VỤ"],
             ["DANH SÁCH PHÂN CÔNG THÀNH VIÊN ĐOÀN CÔNG TÁC (cập nhật tháng 10/2025)"]]
    closing = [[], [None, f"Tổng cộng: {len(PEOPLE)} đồng chí"], [None, "NGƯỜI LẬP BIỂU"], [None, "Kim Thị Sa Pol"]]
    if above:
        return title + [[legend], ["Danh sách xếp theo tên (A, B, C)."], []] + table + closing
    return title + [[]] + table + [[], [legend]] + closing


def _parse(tmp_path, rows):
    return parse_file(write_sheet(tmp_path / "roster.xlsx", rows, title="DanhSach"))


LEGENDS = [
    'Ký hiệu cột "Mã phân công": Đ1, Đ2, Đ3, Đ4 = Đoàn công tác số 1, 2, 3, 4; TĐ = Trưởng đoàn; PĐ = Phó Trưởng '
    'đoàn; TV = Thành viên (ví dụ Đ2-PĐ: Phó Trưởng đoàn Đoàn công tác số 2).',
    f"Ghi chú: Đ1–Đ4: Đoàn 1–4; {ROLE_LEGEND}",
    f"Chú thích: Đ1…Đ4 = Đoàn công tác số 1…4; {ROLE_LEGEND}",
    f"Ghi chú: Đn = Đoàn công tác số n; {ROLE_LEGEND}",
    f"Ký hiệu: Đ + số = Đoàn công tác số đó; {ROLE_LEGEND} (ví dụ Đ3-TV: Thành viên Đoàn công tác số 3)",
    f"Chú thích: các mã Đ1, Đ2, Đ3 và Đ4 là Đoàn công tác số 1, 2, 3 và 4; {ROLE_LEGEND}",
    "Ghi chú:\n- Đ1, Đ2, Đ3, Đ4: Đoàn công tác số 1, số 2, số 3, số 4\n- TĐ: Trưởng đoàn\n- PĐ: Phó Trưởng đoàn\n"
    "- TV: Thành viên\nVí dụ: Đ2-PĐ là Phó Trưởng đoàn Đoàn công tác số 2.",
    f"Ký hiệu «Mã phân công»: Đ1 đến Đ4 là Đoàn công tác từ số 1 đến số 4; {ROLE_LEGEND}",
]


@pytest.mark.parametrize("above", [True, False], ids=["above", "below"])
@pytest.mark.parametrize("legend", LEGENDS, ids=[f"legend{number}" for number in range(len(LEGENDS))])
def test_a_legend_listing_the_group_codes_gives_each_row_its_group_and_role(tmp_path, legend, above):
    result = _parse(tmp_path, _rows(legend, above))
    assert result.errors == []
    assert result.records() == EXPECTED
    fields = {column["header"]: column["field"] for column in result.columns_as_dicts()}
    assert fields["Dân tộc"] is None and fields["Ngày vào Đảng"] is None and fields["Ngày sinh"] == "birth_date"


def test_codes_listed_apart_from_their_numbers_are_each_their_group(tmp_path):
    legend = f"Ghi chú: A1, A2, A3, A4 = Đoàn công tác số 3, 1, 4, 2; {ROLE_LEGEND}"
    written = {3: "A1", 1: "A2", 4: "A3", 2: "A4"}
    rows = _rows(legend, True, code=lambda group, role: f"{written[group]}-{role}")
    result = _parse(tmp_path, rows)
    assert result.errors == []
    assert result.records() == EXPECTED


@pytest.mark.parametrize("legend", [LEGENDS[0], LEGENDS[4]], ids=["list", "rule"])
def test_a_row_without_its_code_takes_no_group_from_the_legend_or_its_example(tmp_path, legend):
    rows = _rows(legend, True)
    rows[7][6] = None  # Ha Ri Da, under Dương Tấn Bảo's "Đ3-TV"; the example names "Đoàn công tác số 3"
    result = _parse(tmp_path, rows)
    assert [(error["row"], error["message"]) for error in result.errors] == [
        (8, "DanhSach!Dòng 8: thiếu đoàn công tác")]
    assert result.records() == EXPECTED[:1] + EXPECTED[2:]


@pytest.mark.parametrize("legend, said", [
    (f"Ký hiệu: Đ1, Đ2, Đ3 = Đoàn công tác số 1, 2; {ROLE_LEGEND}", "kê 3 mã nhưng 2 số đoàn"),
    (f"Ký hiệu: Đ1, Đ2, Đ3, Đ4 = Đoàn công tác số 1, 2, 3; {ROLE_LEGEND}", "kê 4 mã nhưng 3 số đoàn"),
    (f"Ghi chú: Đ1–Đ4 = Đoàn công tác số 1–3; {ROLE_LEGEND}", "kê 4 mã nhưng 3 số đoàn"),
])
@pytest.mark.parametrize("above", [True, False], ids=["above", "below"])
def test_a_legend_whose_lists_differ_is_not_guessed(tmp_path, legend, said, above):
    result = _parse(tmp_path, _rows(legend, above))
    assert result.records() == []
    assert [error["column"] for error in result.errors] == ["G"] * len(PEOPLE)
    first = result.errors[0]["message"]
    assert ": ô G" in first and "«Đ3»" in first and said in first, first


@pytest.mark.parametrize("note, read", [
    ("Đ1, Đ2, Đ3, Đ4 = Đoàn công tác số 1, 2, 3, 4", {"Đ4": "Đoàn công tác số 4", "Đ 7": "Đoàn công tác số 7"}),
    ('Ký hiệu cột "Mã": Đ1–Đ4: Đoàn 1–4', {"Đ2": "Đoàn công tác số 2"}),
    ("Đ1…Đ4 = Đoàn công tác số 1…4", {"Đ3": "Đoàn công tác số 3"}),
    ("Đn = Đoàn công tác số n", {"Đ12": "Đoàn công tác số 12", "T1": None}),
    ("ĐCT + số thứ tự = Đoàn công tác có số tương ứng", {"ĐCT5": "Đoàn công tác số 5", "Đ5": None}),
    ("Ghi chú: T1, T2 = Tổ công tác số 1, 2", {"T2": "Tổ công tác số 2"}),
    ("Ghi chú: A1, A2 = Đoàn công tác số 3, 4", {"A1": "Đoàn công tác số 3", "A2": "Đoàn công tác số 4", "A3": None}),
    ("Ghi chú: Đ1, Đ2, Đ3 = Đoàn công tác số 1, 2", {"Đ1": None, "Đ3": None}),
    ("Đ1, Đ2, Đ3 = Đoàn công tác số 1", {"Đ2": None}),
    ("Đ1…Đ4 = Đoàn công tác số 1…3", {"Đ1": None, "Đ4": None}),
    ("Đ1, Đ2, …, Đ6 = Đoàn 1, 2, …, 6", {"Đ5": "Đoàn công tác số 5"}),
    ("Ký hiệu Đ1, Đ2, …, Đn là Đoàn công tác số 1, 2, …, n", {"Đ9": "Đoàn công tác số 9"}),
    ("Ghi chú: A1, A1 = Đoàn công tác số 1, 2", {"A1": None}),
    ("TV = Thành viên (ví dụ Đ2-TV: Thành viên Đoàn công tác số 2)", {"Đ2": None}),
    ("Danh sách xếp theo tên (A, B, C).", {"A": None, "B1": None}),
])
def test_what_a_listing_note_explains(note, read):
    codes = group_code_notes([[None, note]])
    assert {code: codes.name(code) for code in read} == read


def test_a_doubt_names_the_note_and_gives_way_to_a_clear_one():
    doubtful = "Đ1, Đ2, Đ3 = Đoàn công tác số 1, 2"
    codes = group_code_notes([[f"Ghi chú: {doubtful}"]])
    assert codes.doubt("Đ3") == f"ghi chú «{doubtful}» kê 3 mã nhưng 2 số đoàn, không rõ mã nào là đoàn nào"
    assert codes.doubt("T3") is None
    codes = group_code_notes([[f"Ghi chú: {doubtful}"], ["Đ1 - Đoàn công tác số 1"]])
    assert codes.name("Đ3") == "Đoàn công tác số 3" and codes.doubt("Đ3") is None


def test_a_group_column_of_codes_a_doubtful_legend_lists_is_kept_and_warned(tmp_path):
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC"], ["Ghi chú: Đ1, Đ2, Đ3 = Đoàn công tác số 1, 2"],
            ["STT", "Họ và tên", "Đoàn", "Nhiệm vụ", "Chi bộ phụ trách"]]
    rows += [[number, name, f"Đ{number % 3 + 1}", "Thành viên", f"Chi bộ ấp {number}"]
             for number, (name, *_) in enumerate(PEOPLE[:6], 1)]
    result = parse_file(write_sheet(tmp_path / "groups.xlsx", rows))
    assert [record["group"] for record in result.records()] == ["Đ2", "Đ3", "Đ1", "Đ2", "Đ3", "Đ1"]
    said = [warning["message"] for warning in result.warnings if "kê 3 mã nhưng 2 số đoàn" in warning["message"]]
    assert said == ["Sheet: Cột C «Đoàn»: mã «Đ2», «Đ3», «Đ1» — ghi chú «Đ1, Đ2, Đ3 = Đoàn công tác số 1, 2» kê 3 mã "
                    "nhưng 2 số đoàn, không rõ mã nào là đoàn nào; đã giữ nguyên mã như trong tệp, hãy sửa ghi chú để "
                    "mỗi mã ứng với đúng một số đoàn"]
