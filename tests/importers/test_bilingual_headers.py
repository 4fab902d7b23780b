"""Headers with a second wording beside the Vietnamese one, in English or in another script (Khmer, Cham, Chinese):
in the cell ('Họ và tên\\nឈ្មោះ', 'Tháng / ខែ', 'Họ và tên (ឈ្មោះ)') or as a row of its own beside the header row.
The header reads by its Vietnamese wording; people written in another script are never taken for a header."""

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.bilingual_headers import is_other_script, vietnamese_wording
from importers.capital_units import CAPITALS_ONLY


@pytest.mark.parametrize("label, wording", [
    ("STT\nល.រ", "STT"),
    ("Họ và tên\nឈ្មោះ", "Họ và tên"),
    ("ឈ្មោះ\nHọ và tên", "Họ và tên"),
    ("Tháng / ខែ", "Tháng"),
    ("Tháng/ខែ", "Tháng"),
    ("Họ và tên (ឈ្មោះ)", "Họ và tên"),
    ("Họ và tên ឈ្មោះ", "Họ và tên"),
    ("Họ và tên - ឈ្មោះ", "Họ và tên"),
    ("Tháng 1\nខែ១", "Tháng 1"),
    ("Tháng 1 (ខែ 1)", "Tháng 1"),
    ("Họ và tên\n姓名", "Họ và tên"),
    ("Chức vụ / 职务", "Chức vụ"),
    ("Họ và tên\nꨀꨘꨩꨟ", "Họ và tên"),                  # Cham script
    ("Ngày sinh\nDate of birth", "Ngày sinh"),
    ("Họ và tên / Full name", "Họ và tên"),
    ("Họ và tên\n(Name)", "Họ và tên"),
    ("Ngày sinh\nថ្ងៃខែឆ្នាំកំណើត\nDate of birth", "Ngày sinh"),
    ("Họ và tên ឈ្មោះ\nChức vụ តួនាទី", "Họ và tên\nChức vụ"),   # two fields stacked keep their lines
    ("Họ và tên\nChức vụ\nFull name", "Họ và tên\nChức vụ"),
    ("Chức vụ/Đơn vị\nPosition", "Chức vụ/Đơn vị"),
    ("Ngày sinh (dd/mm/yyyy)\nDate of birth", "Ngày sinh (dd/mm/yyyy)"),
    # near-misses: nothing to drop
    ("Họ và tên\nChức vụ", None),
    ("Ngày sinh (dd/mm/yyyy)", None),
    ("Điện thoại/Email", None),            # an English word after a bare slash is a second field, not a translation
    ("Lê Văn An (Team leader)", None),     # nor one in brackets: a role the name cell states
    ("Ghi chú / Note: không thay đổi thứ tự cột", None),
    ("T1/2025", None),
    ("ឈ្មោះ", None),                        # another script alone: no Vietnamese wording to keep
    ("Hä vµ tªn", None),                    # TCVN3 text read as Latin-1 is no other script
    ("Họ  và tên", None),
    (7, None),
])
def test_vietnamese_wording(label, wording):
    assert vietnamese_wording(label) == wording


TITLE = [["ĐẢNG BỘ XÃ THẠNH SÓC", None, None, None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
         ["CHI BỘ ẤP SÓC VEN\nសាខាបក្សភូមិសុខវែន"],
         ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025\nសៀវភៅតាមដានការប្រជុំ"], []]
# the chi bộ is only written in capitals: its spelling is told (``importers.capital_units``)
SOC_VEN = CAPITALS_ONLY.format(where="Trang «Nam 2025», ô A2", kind="chi bộ", written="CHI BỘ ẤP SÓC VEN",
                               unit="Chi bộ Ấp Sóc Ven")
LEGEND = [[], [None, "Ký hiệu: x - có mặt; p - vắng có phép; v - vắng không phép; t - đi trễ. "
                     "Cột Quý, Cả năm: số buổi có mặt (x)."]]


def _save(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "Nam 2025"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _quarter_register(path, quarter_cells=None):
    """Months T1–T6 with a 'Quý' count after every third month and a 'Cả năm' total; T5–T6 not held yet."""
    header = [["STT\nល.រ", "Họ và tên\nឈ្មោះ", "Tháng / ខែ", None, None, None, None, None, None, None,
               "Cả năm\nពេញមួយឆ្នាំ", "Ghi chú\nកំណត់សម្គាល់"],
              [None, None, "T1", "T2", "T3", "Quý I\nត្រីមាសទី១", "T4", "T5", "T6", "Quý II", None, None]]
    marks = {"Chau Sóc Thy": ["x", "x", "p"], "Kim Sà Mi": ["t", "x", "x"], "Lâm Sa Ly": ["v", "x", "x"]}
    people = []
    for number, (name, months) in enumerate(marks.items(), 1):
        count = months.count("x")
        first = quarter_cells[number - 1] if quarter_cells else count
        people.append([number, name, *months, first, "x", None, None, 1, count + 1, None])
    return _save(path, TITLE + header + people + LEGEND)


def test_a_register_with_khmer_headers_and_quarter_counts(tmp_path):
    result = parse_file(_quarter_register(tmp_path / "register.xlsx"))
    assert result.kind == "attendance"
    assert result.errors == [] and [warning["message"] for warning in result.warnings] == [SOC_VEN]
    assert result.year == 2025
    fields = {column["header"]: column["field"] for column in result.columns_as_dicts()}
    assert fields["Họ và tên"] == "full_name" and fields["STT"] == "index"
    assert fields["Quý I"] is None and fields["Quý II"] is None and fields["Cả năm"] is None
    records = {(record["full_name"], record["date"]): record["status"] for record in result.records()}
    assert len(records) == 12  # three people, T1–T4: the counts and the months not held give none
    assert records[("Chau Sóc Thy", "2025-03-01")] == "excused"
    assert records[("Kim Sà Mi", "2025-01-01")] == "late"
    assert records[("Lâm Sa Ly", "2025-04-01")] == "present"
    # the unit's line without its Khmer line (the capitals spelt as the lexicon does are another rule's business)
    assert {record["unit"].lower() for record in result.records()} == {"chi bộ ấp sóc ven"}


def test_a_quarter_column_holding_marks_is_named_not_read(tmp_path):
    result = parse_file(_quarter_register(tmp_path / "register.xlsx", quarter_cells=["x", "p", "x"]))
    assert len(result.records()) == 12
    assert any("«Quý I»" in warning["message"] and warning["column"] == "F" for warning in result.warnings)


PEOPLE = [[1, "Chau Sóc Thy", "x", "p", "x", None], [2, "Kim Sà Mi", "x", "x", "v", None],
          [3, "Lâm Sa Ly", "t", "x", "x", None]]
MONTHS = ["STT", "Họ và tên", "T1", "T2", "T3", "Ghi chú"]
KHMER_MONTHS = ["ល.រ", "ឈ្មោះ", "ខែ១", "ខែ២", "ខែ៣", "កំណត់សម្គាល់"]
MERGED = ["STT", "Họ và tên", "Tháng", None, None, "Ghi chú"]
KHMER_MERGED = ["ល.រ", "ឈ្មោះ", "ខែ", None, None, "កំណត់សម្គាល់"]
UNDER = [None, None, "T1", "T2", "T3", None]


@pytest.mark.parametrize("header", [
    [MONTHS, KHMER_MONTHS],                 # under a one-row header
    [KHMER_MONTHS, MONTHS],                 # over it
    [MERGED, KHMER_MERGED, UNDER],          # between the rows of a header
    [KHMER_MERGED, MERGED, UNDER],
    [MONTHS, ["No.", "Full name", "Month 1", "Month 2", "Month 3", "Note"]],
])
def test_a_row_of_translated_wordings_is_header(tmp_path, header):
    result = parse_file(_save(tmp_path / "rows.xlsx", TITLE + header + PEOPLE + LEGEND))
    assert result.errors == [] and [warning["message"] for warning in result.warnings] == [SOC_VEN]
    assert len(result.records()) == 9
    assert {record["full_name"] for record in result.records()} == {"Chau Sóc Thy", "Kim Sà Mi", "Lâm Sa Ly"}


ROSTER_HEADER = [["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 1"], [], ["Họ và tên", "Chức vụ", "Nhiệm vụ", "Đơn vị"]]
LATIN_PEOPLE = [["Lê Văn An", "Bí thư", "Thành viên", "Chi bộ ấp Sóc Ven"],
                ["Lê Văn Bình", "Phó Bí thư", "Trưởng đoàn", "Chi bộ ấp Sóc Ven"]]
KHMER_PERSON = ["ចៅ សុខធី", "ប្រធាន", "ប្រធាន", "សាខា"]


def test_people_written_in_another_script_stay_people(tmp_path):
    result = parse_file(_save(tmp_path / "roster.xlsx", ROSTER_HEADER + [KHMER_PERSON, ["គីម សាមី", "សមាជិក",
                                                                                          "សមាជិក", "សាខា"]]
                              + LATIN_PEOPLE))
    assert {row["row"] for row in result.rows} >= {4, 5}
    assert any(error["row"] == 4 for error in result.errors)   # the role no one can read, named at its cell


def test_one_row_in_another_script_under_a_header_without_numbering_is_warned(tmp_path):
    result = parse_file(_save(tmp_path / "roster.xlsx", ROSTER_HEADER + [KHMER_PERSON] + LATIN_PEOPLE))
    assert [record["full_name"] for record in result.records()] == ["Lê Văn An", "Lê Văn Bình"]
    assert any(warning["row"] == 4 and "bản dịch của tiêu đề" in warning["message"] for warning in result.warnings)


def test_a_translated_row_under_the_numbering_needs_no_warning(tmp_path):
    header = [["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 1"], [], ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ", "Đơn vị"],
              ["ល.រ", "ឈ្មោះ", "មុខតំណែង", "តួនាទី", "អង្គភាព"]]
    result = parse_file(_save(tmp_path / "roster.xlsx", header + [[number, *person] for number, person
                                                                  in enumerate(LATIN_PEOPLE, 1)]))
    assert [record["full_name"] for record in result.records()] == ["Lê Văn An", "Lê Văn Bình"]
    assert not any("bản dịch" in warning["message"] for warning in result.warnings)


def test_a_persons_cell_keeps_its_other_script(tmp_path):
    """Only header text is rewritten: a name followed by another script is no header, and stays as written for the
    checks to name."""
    people = [[1, "Chau Sóc Thy (ប្រធាន)", "x", "p", "x", None], *PEOPLE[1:]]
    result = parse_file(_save(tmp_path / "rows.xlsx", TITLE + [MONTHS] + people + LEGEND))
    names = {record["full_name"] for record in result.records()}
    assert "Chau Sóc Thy" not in names
    assert result.warnings or result.errors


@pytest.mark.parametrize("mark", ["Δ", "Φ", "Ω đến muộn"])
def test_a_greek_letter_is_a_mark_never_another_script(mark):
    assert not is_other_script(mark)
    assert vietnamese_wording(f"Ký hiệu: ● có mặt  {mark} vắng") is None
