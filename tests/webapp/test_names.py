import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from webapp.names import clean_name, fold, sort_key


def test_fold_ignores_diacritics_and_case():
    assert fold("Nguyễn Thăng Long") == "nguyen thang long"
    assert fold("ĐẶNG  Ngọc Vệ ") == "dang ngoc ve"


def test_clean_name_composes_and_collapses_spaces():
    decomposed = unicodedata.normalize("NFD", "Nguyễn  Thị   Yến ")
    assert clean_name(decomposed) == "Nguyễn Thị Yến"


def test_vietnamese_order_is_by_given_name_then_the_rest():
    names = ["Trần Thị Ánh", "Nguyễn Văn An", "Lê Văn Bình", "Phạm Ân", "Hoàng Ăn", "Đỗ Đức", "Vũ Văn Dũng",
             "Bùi Văn Ánh", "Lê Văn Dung"]
    assert sorted(names, key=sort_key) == [
        "Nguyễn Văn An", "Bùi Văn Ánh", "Trần Thị Ánh", "Hoàng Ăn", "Phạm Ân", "Lê Văn Bình", "Lê Văn Dung",
        "Vũ Văn Dũng", "Đỗ Đức",
    ]


def test_d_with_stroke_sorts_after_d():
    assert sorted(["Đào", "Dung"], key=sort_key) == ["Dung", "Đào"]


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặ ĐĂÂÊÔƠƯ", max_size=30))
def test_clean_name_is_idempotent_and_nfc(text):
    once = clean_name(text)
    assert clean_name(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert sort_key(unicodedata.normalize("NFD", text)) == sort_key(text)


def test_fold_is_the_importers_so_typed_and_imported_names_agree():
    from importers.normalising import fold as importer_fold

    for text in ("Nguyễn Ngọc-Ánh", "Chi bộ Khu phố 3A", "Tổ 5/KP2", "  ĐẶNG  Vệ "):
        assert fold(text) == importer_fold(text)
    assert fold("Nguyễn Ngọc-Ánh") == "nguyen ngoc anh"


def test_a_search_with_or_without_the_hyphen_finds_the_name(app, make_person):
    from webapp.extensions import db
    from webapp.people.queries import person_options

    make_person("Trần Ngọc-Ánh")
    db.session.commit()
    assert [p.full_name for p in person_options("ngoc anh")] == ["Trần Ngọc-Ánh"]
    assert [p.full_name for p in person_options("Ngọc-Ánh")] == ["Trần Ngọc-Ánh"]
