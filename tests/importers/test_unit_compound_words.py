"""A unit written in capitals is spelt as Vietnamese writes an organisation's name (``importers.unit_words``): the
first syllable of each word capitalised, the other syllables of a compound common word not ("Tiểu học", "Y tế",
"Hợp tác xã", "Nghiệp đoàn nghề cá"), a level of administration with no name after it in lower case, a place's or a
person's name in title case, abbreviations and numbers as written. People's names, group names and positions in
capitals keep their title case."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.normalising import normalise_group, normalise_name, normalise_role, normalise_unit_name


@pytest.mark.parametrize(("written", "unit"), [
    ("CHI BỘ NGHIỆP ĐOÀN NGHỀ CÁ NHƠN LÝ", "Chi bộ Nghiệp đoàn nghề cá Nhơn Lý"),
    ("CHI BỘ TRƯỜNG TIỂU HỌC HÒA BÌNH", "Chi bộ Trường Tiểu học Hòa Bình"),
    ("CHI BỘ TRẠM Y TẾ", "Chi bộ Trạm Y tế"),
    ("CHI BỘ KHU VỰC 3", "Chi bộ Khu vực 3"),
    ("CHI BỘ CÔNG AN XÃ", "Chi bộ Công an xã"),
    ("CHI BỘ HỢP TÁC XÃ ĐỨC LAM", "Chi bộ Hợp tác xã Đức Lam"),
    ("CHI BỘ BAN CHỈ HUY QUÂN SỰ XÃ", "Chi bộ Ban Chỉ huy Quân sự xã"),
    ("ĐẢNG BỘ UBND XÃ", "Đảng bộ UBND xã"),
    ("CHI BỘ TRƯỜNG MẦM NON BẮC HỒNG", "Chi bộ Trường Mầm non Bắc Hồng"),
    ("CHI BỘ TRƯỜNG TRUNG HỌC CƠ SỞ LÊ LỢI", "Chi bộ Trường Trung học cơ sở Lê Lợi"),
    ("CHI BỘ TRẠM Y TẾ XÃ NÀ GIÀNG", "Chi bộ Trạm Y tế xã Nà Giàng"),
    ("CHI BỘ KHU DÂN CƯ SỐ 2", "Chi bộ Khu dân cư số 2"),
    ("ĐẢNG BỘ CƠ QUAN ỦY BAN NHÂN DÂN THỊ XÃ", "Đảng bộ Cơ quan Ủy ban nhân dân thị xã"),
    ("CHI BỘ VĂN PHÒNG THỊ ỦY", "Chi bộ Văn phòng Thị ủy"),
    ("CHI BỘ CÔNG TY CP MÔI TRƯỜNG HỒNG LĨNH", "Chi bộ Công ty CP Môi trường Hồng Lĩnh"),
    ("CHI BỘ PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Chi bộ Phòng Lao động - Thương binh và Xã hội"),
    ("CHI BỘ XÃ ĐỘI", "Chi bộ Xã đội"),
])
def test_compound_common_words_keep_one_capital(written, unit):
    assert normalise_unit_name(written) == unit


@pytest.mark.parametrize(("written", "unit"), [
    ("CHI BỘ THÔN ĐOÀN KẾT", "Chi bộ Thôn Đoàn Kết"),  # a place's name after its kind is never looked up
    ("CHI BỘ KHU PHỐ 3, PHƯỜNG AN LẠC", "Chi bộ Khu phố 3, phường An Lạc"),
    ("CHI BỘ THÔN 1 - XÃ AN LẠC", "Chi bộ Thôn 1 - xã An Lạc"),
    ("CHI BỘ KHU PHỐ VI", "Chi bộ Khu phố VI"),
    ("ĐẢNG UỶ PHƯỜNG HOÀ BÌNH", "Đảng uỷ phường Hoà Bình"),  # the tone where the file puts it
    ("CHI BỘ TỔ 5 KHU VỰC 3", "Chi bộ Tổ 5 Khu vực 3"),
    ("XÃ AN LẠC", "Xã An Lạc"),  # the first word is capitalised whatever it is
    ("CHI BỘ THÔN NHƠN-LÝ", "Chi bộ Thôn Nhơn-Lý"),
    ("CHI BỘ HĐND-UBND XÃ", "Chi bộ HĐND-UBND xã"),
    ("ĐẢNG BỘ XÃ HỘI AN", "Đảng bộ xã Hội An"),  # a level before a name, not "xã hội"
    ("TRẠM Y TẾ XÃ HỘI AN", "Trạm Y tế xã Hội An"),
    ("CHI BỘ XÃ ĐỘI XÃ AN HÒA", "Chi bộ Xã đội xã An Hòa"),
])
def test_places_and_numbers(written, unit):
    assert normalise_unit_name(written) == unit


def test_a_unit_in_ordinary_case_is_kept_as_typed():
    assert normalise_unit_name("Chi bộ Nghiệp Đoàn Nghề Cá Nhơn Lý") == "Chi bộ Nghiệp Đoàn Nghề Cá Nhơn Lý"


def test_names_groups_and_positions_in_capitals_are_unaffected():
    assert normalise_name("NGUYỄN THỊ HỢP TÁC") == "Nguyễn Thị Hợp Tác"
    assert normalise_group("ĐOÀN KIỂM TRA") == "Đoàn Kiểm Tra"
    assert normalise_group("ĐOÀN CÔNG TÁC SỐ 3") == "Đoàn công tác số 3"
    assert normalise_role("PHÓ TRƯỞNG ĐOÀN") == ("deputy", None)


def test_a_register_under_a_unit_line_in_capitals(tmp_path):
    rows = [["CHI BỘ NGHIỆP ĐOÀN NGHỀ CÁ NHƠN LÝ"], ["Sổ theo dõi sinh hoạt năm 2025"], [],
            ["STT", "Họ và tên", "T1", "T2"], [1, "Lê Văn An", "X", "P"], [2, "Võ Thị Hà", "X", "X"],
            [], ["Ghi chú: X - có mặt; P - vắng có phép"]]
    result = parse_file(write_sheet(tmp_path / "nghe_ca.xlsx", rows))
    assert result.errors == []
    records = result.records()
    assert records
    assert {r["unit"] for r in records} == {"Chi bộ Nghiệp đoàn nghề cá Nhơn Lý"}
