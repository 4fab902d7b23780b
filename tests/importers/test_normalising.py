"""Cell normalisers: names, dates, phones, marks, roles, groups, months; properties checked with Hypothesis."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from importers.legends import parse_legend
from importers.normalising import (
    DEFAULT_MARKS,
    decode_mark,
    excel_serial_to_date,
    fold,
    is_unit_heading,
    marks_table,
    month_of_header,
    normalise_date,
    normalise_group,
    normalise_name,
    normalise_number,
    normalise_phone,
    normalise_role,
    normalise_unit_name,
    normalise_year,
    year_in_text,
)

VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
WORD = st.text(alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper(), min_size=1, max_size=8)
NAME = st.lists(WORD, min_size=1, max_size=5).map(" ".join)


@pytest.mark.parametrize("raw, expected", [
    ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
    ("Hoàng  Quang Đạt  ", "Hoàng Quang Đạt"),
    (unicodedata.normalize("NFD", "Nguyễn Thị Yến"), "Nguyễn Thị Yến"),
    ("TRẦN MẠNH ỔN", "Trần Mạnh Ổn"),
    ("  ", None),
    (None, None),
])
def test_names_are_nfc_single_spaced_and_title_cased_from_all_caps(raw, expected):
    assert normalise_name(raw) == expected


@given(st.one_of(NAME, st.text(max_size=30)))
@example("ß")
@example("ǆ ǈ ﬁ")
def test_name_normalising_is_idempotent_and_nfc(raw):
    once = normalise_name(raw)
    assert normalise_name(once) == once
    if once is not None:
        assert unicodedata.is_normalized("NFC", once)
        assert "  " not in once and once == once.strip()


@given(NAME)
def test_all_caps_names_come_back_as_the_title_cased_name(name):
    titled = " ".join(word[:1].upper() + word[1:].lower() for word in name.split())
    assert normalise_name(titled.upper()) == normalise_name(titled)


@pytest.mark.parametrize("raw, expected", [
    ("05/10/1992", dt.date(1992, 10, 5)),
    ("5/1/92", dt.date(1992, 1, 5)),
    ("1.2.05", dt.date(2005, 2, 1)),
    ("1992-10-05", dt.date(1992, 10, 5)),
    (dt.datetime(2025, 1, 6, 8, 30), dt.date(2025, 1, 6)),
    (33882.0, dt.date(1992, 10, 5)),
])
def test_dates_are_read_from_text_serials_and_datetimes(raw, expected):
    assert normalise_date(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["31/02/1970", "hôm qua", "13/13/2020", True])
def test_impossible_dates_are_problems_not_exceptions(raw):
    assert normalise_date(raw) == (None, "không hợp lệ")


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_round_trip_through_text_and_both_serial_systems(day):
    assert normalise_date(day.strftime("%d/%m/%Y")) == (day, None)
    serial_1900 = (day - dt.date(1899, 12, 30)).days
    assert excel_serial_to_date(serial_1900) == day
    if day >= dt.date(1904, 1, 2):
        assert excel_serial_to_date((day - dt.date(1904, 1, 1)).days, epoch_1904=True) == day


@pytest.mark.parametrize("raw, expected", [
    ("0912 345 678", "0912345678"),
    ("0912.345.678", "0912345678"),
    (912345678.0, "0912345678"),
    (342460778, "0342460778"),
    ("+84 912 345 678", "0912345678"),
])
def test_phones_are_digits_with_the_leading_zero(raw, expected):
    assert normalise_phone(raw) == (expected, None)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9).filter(lambda s: s[0] != "0"))
def test_phones_stored_as_numbers_get_their_zero_back(digits):
    assert normalise_phone(float(digits)) == ("0" + digits, None)
    assert normalise_phone("0" + digits) == ("0" + digits, None)


@given(st.text(max_size=20))
def test_phone_normalising_never_raises_and_yields_digits(raw):
    value, _ = normalise_phone(raw)
    assert value is None or value.isdigit()


def test_legend_overrides_default_marks():
    legend = parse_legend("Ghi chú: ✓ - có mặt; CP - vắng có phép; KP - vắng không phép; M - đi muộn")
    assert legend == {"✓": "present", "cp": "excused", "kp": "absent", "m": "late"}
    swapped = marks_table(parse_legend("Ghi chú: K - có mặt; V - vắng không phép"))
    assert decode_mark("K", swapped) == ("present", None)
    assert decode_mark("v", swapped) == ("absent", None)


@given(st.sampled_from(sorted(DEFAULT_MARKS)), st.sampled_from(["", " ", "  "]), st.booleans())
def test_default_marks_ignore_case_and_padding(mark, padding, upper):
    shown = padding + (mark.upper() if upper else mark) + padding
    assert decode_mark(shown, marks_table(None)) == (DEFAULT_MARKS[mark], None)


@given(st.text(max_size=5))
def test_decoding_marks_never_raises(mark):
    status, problem = decode_mark(mark, marks_table(None))
    assert status in {None, "present", "excused", "absent", "late"}
    assert status is None or problem is None


@pytest.mark.parametrize("raw, expected", [
    ("Trưởng đoàn", "head"), ("Phó Trưởng đoàn", "deputy"), ("Phó đoàn", "deputy"), ("Thành viên", "member"),
    ("TRƯỞNG ĐOÀN", "head"), ("P.Trưởng đoàn", "deputy"), ("P. Trưởng Đoàn", "deputy"), ("P/Trưởng đoàn", "deputy"),
    ("P.TĐ", "deputy"), ("PTĐ", "deputy"), ("P.Đoàn trưởng", "deputy"), ("a) Trưởng đoàn", "head"),
])
def test_roles(raw, expected):
    assert normalise_role(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["I. ĐOÀN CÔNG TÁC SỐ 1", "Đoàn công tác số 1", "1. Đoàn công tác số 01", "ĐCT01",
                                 "ĐCT 01", "ĐCT số 1", "Đoàn 1", "Đoàn số I", "Đoàn I", "ĐOÀN CT-01", "đct1"])
def test_groups_are_written_canonically(raw):
    assert normalise_group(raw) == "Đoàn công tác số 1"


@pytest.mark.parametrize("label, parent, month", [
    ("T1", "", 1), ("Tháng 12", "", 12), ("T 3", "", 3), ("7", "Tháng", 7), ("7", "", None), ("T13", "", None),
])
def test_month_headers(label, parent, month):
    assert month_of_header(label, parent) == month


def test_year_prefers_an_explicit_nam():
    assert year_in_text(["Hồng Lĩnh, 2024", "SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"]) == 2025


def test_fold_drops_diacritics_case_and_punctuation():
    assert fold("Họ và tên:") == "ho va ten"
    assert fold("ĐOÀN CÔNG TÁC") == "doan cong tac"


# ---- numbers and units of targets sheets -----------------------------------------------------

def _vietnamese(whole: int) -> str:
    """1250000 -> '1.250.000'."""
    return f"{whole:,}".replace(",", ".")


@pytest.mark.parametrize("raw, expected", [
    ("1.250", 1250.0), ("12,5", 12.5), ("95%", 95.0), ("1.250.000", 1250000.0), ("1.250,75", 1250.75),
    ("1,250.75", 1250.75), ("1,250,000", 1250000.0), ("0.25", 0.25), ("0.250", 0.25), ("2.5", 2.5),
    ("1,250", 1.25), (" 1 250 ", 1250.0), ("12,5 %", 12.5), ("-3", -3.0), (7, 7.0), (2.5, 2.5), ("１２", 12.0),
])
def test_numbers_read_vietnamese_separators(raw, expected):
    assert normalise_number(raw) == (expected, None)


@pytest.mark.parametrize("raw", [None, float("nan"), "", "   ", "-", "–", "—", "…"])
def test_blank_and_dash_cells_are_no_number(raw):
    assert normalise_number(raw) == (None, None)


@pytest.mark.parametrize("raw", ["abc", "12,5a", "1.2.3", "1,2,3", "1e5", "1.25.000", "0.250.000", True,
                                 dt.date(2026, 1, 1), float("inf"), "5 người"])
def test_anything_else_is_not_a_number(raw):
    assert normalise_number(raw) == (None, "không phải là số")


@given(st.integers(min_value=0, max_value=10**12))
def test_whole_numbers_with_dot_groups_read_back(whole):
    assert normalise_number(_vietnamese(whole)) == (float(whole), None)


@given(st.integers(min_value=0, max_value=10**9), st.text(alphabet="0123456789", min_size=1, max_size=4))
def test_decimal_comma_numbers_read_back(whole, fraction):
    assert normalise_number(f"{_vietnamese(whole)},{fraction}") == (float(f"{whole}.{fraction}"), None)


@given(st.integers(min_value=1000, max_value=10**9), st.text(alphabet="0123456789", min_size=1, max_size=4))
def test_english_grouping_reads_back_when_both_marks_are_present(whole, fraction):
    assert normalise_number(f"{whole:,}.{fraction}") == (float(f"{whole}.{fraction}"), None)


@given(st.integers(min_value=0, max_value=10**6), st.text(alphabet="0123456789", max_size=3),
       st.sampled_from(["%", " %"]))
def test_a_percent_sign_never_changes_the_value(whole, fraction, percent):
    text = _vietnamese(whole) + (f",{fraction}" if fraction else "")
    assert normalise_number(text + percent) == normalise_number(text)


@given(st.one_of(st.text(max_size=30), st.floats(), st.integers(), st.booleans(), st.none()))
def test_number_normalising_never_raises_and_returns_value_or_problem(raw):
    value, problem = normalise_number(raw)
    assert value is None or problem is None
    if value is not None:
        assert isinstance(value, float) and value == value and abs(value) != float("inf")


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_numeric_cells_pass_through_as_floats(number):
    assert normalise_number(number) == (float(number) + 0.0, None)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("I. ĐẢNG BỘ PHƯỜNG AN LẠC", "Đảng bộ phường An Lạc"),
        ("2) Chi bộ Khu phố 3", "Chi bộ Khu phố 3"),
        ("Chi bộ Trường THCS Lê Lợi", "Chi bộ Trường THCS Lê Lợi"),
        ("  ", None),
        ("CHI BỘ KHU PHỐ 3A", "Chi bộ Khu phố 3A"),
        ("CHI BỘ THÔN 1", "Chi bộ Thôn 1"),
        ("ĐẢNG BỘ CƠ QUAN ỦY BAN MTTQ", "Đảng bộ Cơ quan Ủy ban MTTQ"),
        ("CHI BỘ TỔ DÂN PHỐ 5", "Chi bộ Tổ dân phố 5"),
        ("ĐẢNG BỘ XÃ THUẬN LỘC THƯỢNG", "Đảng bộ xã Thuận Lộc Thượng"),
        ("CHI BỘ CÔNG TY CP MAY HỒNG SƠN", "Chi bộ Công ty CP May Hồng Sơn"),
    ],
)
def test_unit_names_lose_their_numbering_and_capitals_take_the_usual_spelling(raw, expected):
    assert normalise_unit_name(raw) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I. ĐẢNG BỘ PHƯỜNG AN LẠC", True),
        ("II - Chi bộ Khu phố 3", True),
        ("Đảng ủy Quân sự", True),
        ("Kết nạp đảng viên mới", False),
        ("Chỉ tiêu", False),
        (12, False),
        ("I. ĐOÀN CÔNG TÁC SỐ 1", False),
    ],
)
def test_unit_headings(text, expected):
    assert is_unit_heading(text) is expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        (2026, (2026, None)),
        (2026.0, (2026, None)),
        ("Năm 2025", (2025, None)),
        (None, (None, None)),
        ("sau", (None, "không phải là năm hợp lệ")),
        (26, (None, "không phải là năm hợp lệ")),
    ],
)
def test_years(raw, expected):
    assert normalise_year(raw) == expected


def test_a_title_is_stripped_only_before_the_name():
    """'ông'/'bà' are titles only in front: "Lưu Công Đức" lost its "ông " when the column also held "Ông …"."""
    import numpy as np

    from importers.honorifics import name_cleaner

    column = np.array(["Đ/c Lưu Công Đức", "Ông Trần Văn Bông", "Bà Lê Thị Bà", "Nguyễn Thông"], dtype=object)
    clean = name_cleaner(column)
    assert [clean(v) for v in column] == ["Lưu Công Đức", "Trần Văn Bông", "Lê Thị Bà", "Nguyễn Thông"]


@pytest.mark.parametrize("raw, expected", [
    ("Đoàn IV", "Đoàn công tác số 4"), ("Đoàn số IX", "Đoàn công tác số 9"), ("Đoàn XII", "Đoàn công tác số 12"),
    ("Tổ CT 2", "Tổ công tác số 2"), ("TCT03", "Tổ công tác số 3"),
    ("ĐKT01", "ĐKT01"), ("Đoàn C", "Đoàn C"), ("Đoàn viên", "Đoàn viên"), ("ĐOÀN KIỂM TRA", "Đoàn Kiểm Tra"),
])
def test_group_codes_read_as_names_and_others_are_kept_as_written(raw, expected):
    """A code the reader does not know is kept as typed (the plausibility stage warns), never case-mangled."""
    assert normalise_group(raw) == expected


def test_degrees_and_titles_before_a_name_are_stripped_in_any_order():
    import numpy as np

    from importers.honorifics import name_cleaner

    column = np.array(["ThS. Lê Thu Hà", "Đ/c ThS. Trần Văn Bông", "PGS.TS.Lê Minh", "Đồng chí CN Võ An",
                       "TS Hoàng Cúc", "Thạc sĩ Phan Sơn", "Cao Tsang", "Lưu Công Đức"], dtype=object)
    clean = name_cleaner(column)
    assert [clean(v) for v in column] == ["Lê Thu Hà", "Trần Văn Bông", "Lê Minh", "Võ An", "Hoàng Cúc",
                                          "Phan Sơn", "Cao Tsang", "Lưu Công Đức"]
