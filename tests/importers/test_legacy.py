"""Legacy Vietnamese encodings: TCVN3 (ABC/.VnTime) and VNI-Windows detected per cell and decoded."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.legacy import decode_legacy, detect_legacy, tcvn3_to_unicode, unicode_to_tcvn3, vni_to_unicode

LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
TCVN3_TEXT = st.text(alphabet=LOWER + "ĂÂĐÊÔƠƯ BCDGHKLMNPQRSTVX0123456789/-,.", max_size=40)


@given(TCVN3_TEXT)
def test_tcvn3_round_trip(text):
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == text


@pytest.mark.parametrize("legacy, unicode_text", [
    ("NguyÔn B¸ ThÞnh", "Nguyễn Bá Thịnh"),
    ("Tr\xadëng ®oµn", "Trưởng đoàn"),
    ("§oµn c«ng t¸c sè 1", "Đoàn công tác số 1"),
    ("Vâ Thu Thñy", "Võ Thu Thủy"),
])
def test_tcvn3_cells_are_detected_and_decoded(legacy, unicode_text):
    assert detect_legacy(legacy) == "tcvn3"
    assert decode_legacy(legacy) == unicode_text


@pytest.mark.parametrize("legacy, unicode_text", [
    ("Nguyeãn Vaên An", "Nguyễn Văn An"),
    ("Tröôûng ñoaøn", "Trưởng đoàn"),
    ("Phoù Tröôûng ñoaøn", "Phó Trưởng đoàn"),
    ("Ñaûng boä", "Đảng bộ"),
])
def test_vni_cells_are_detected_and_decoded(legacy, unicode_text):
    assert detect_legacy(legacy) == "vni"
    assert vni_to_unicode(legacy) == unicode_text


@pytest.mark.parametrize("text", ["Nguyễn Văn An", "Hoàng Quang Đạt", "Toàn", "Hoà", "Café", "14/09/1981", "x"])
def test_unicode_and_plain_text_are_left_alone(text):
    assert detect_legacy(text) is None
    assert decode_legacy(text) == text
