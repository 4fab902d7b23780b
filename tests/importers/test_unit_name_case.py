"""A unit written in capitals is recased word by word (``importers.unit_words``): an abbreviation no Vietnamese
syllable spells ("PTDTBT", "DTNT", "BCH", "UBND") keeps its capitals by rule, not from a list, while syllables,
minority place names and a name written without spaces are recased, a level of administration with no name after it
in lower case; and when another title line spells the unit in ordinary case, that spelling is the unit's (b32_07,
b32_10)."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.normalising import normalise_unit_name
from importers.syllables import is_abbreviation


@pytest.mark.parametrize(("written", "unit"), [
    ("CHI BỘ TRƯỜNG PTDTBT THCS NÀ GIÀNG", "Chi bộ Trường PTDTBT THCS Nà Giàng"),
    ("CHI BỘ TRƯỜNG DTNT HUYỆN", "Chi bộ Trường DTNT huyện"),
    ("CHI BỘ BCH QUÂN SỰ XÃ", "Chi bộ BCH Quân sự xã"),
    ("ĐẢNG BỘ UBND XÃ", "Đảng bộ UBND xã"),
    ("CHI BỘ TTYT (PTDTBT)", "Chi bộ TTYT (PTDTBT)"),
    ("CHI BỘ XÓM SLAM CÚC", "Chi bộ Xóm Slam Cúc"),
    ("CHI BỘ BUÔN KRÔNG", "Chi bộ Buôn Krông"),
    ("CHI BỘ KHU PHỐ II", "Chi bộ Khu phố II"),
    ("CHI BỘ THÔN PLEIKU", "Chi bộ Thôn Pleiku"),
])
def test_capitals_of_abbreviations_are_kept(written, unit):
    assert normalise_unit_name(written) == unit


@pytest.mark.parametrize(("word", "abbreviation"), [
    ("PTDTBT", True), ("HĐND", True), ("UBND", True), ("CAND", True), ("TTYT", True), ("IV", True),
    ("TRƯỜNG", False), ("NGHIÊNG", False), ("KHUYA", False), ("QUYEN", False), ("ĐẮK", False), ("XI", False),
    ("A", False),
])
def test_an_abbreviation_is_a_word_no_syllable_spells(word, abbreviation):
    assert is_abbreviation(word) is abbreviation


def test_a_unit_in_capitals_takes_the_spelling_of_a_title_line(tmp_path):
    rows = [["ĐẢNG BỘ XÃ NÀ GIÀNG"], ["CHI BỘ TRẠM Y TẾ XÃ NÀ GIÀNG"],
            ["Sổ theo dõi sinh hoạt Chi bộ Trạm Y tế xã Nà Giàng năm 2025"], [],
            ["STT", "Họ và tên", "T1", "T2"], [1, "Lê Văn An", "X", "P"], [2, "Võ Thị Hà", "X", "X"],
            [], ["Ghi chú: X - có mặt; P - vắng có phép"]]
    result = parse_file(write_sheet(tmp_path / "u.xlsx", rows))
    assert result.errors == []
    assert {r["unit"] for r in result.records()} == {"Chi bộ Trạm Y tế xã Nà Giàng"}
