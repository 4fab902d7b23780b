"""Title blocks above a table (rows of text; the first cell of each row is merged across the width)."""

PARTY_LEFT = ["ĐẢNG BỘ THỊ XÃ {PLACE}", "ĐẢNG BỘ HUYỆN {PLACE}", "HUYỆN ỦY {PLACE}", "THỊ ỦY {PLACE}"]
PARTY_RIGHT = ["ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]

TITLE_BLOCKS = {
    "none": [],
    "title_only": ["{TITLE}"],
    "party_and_title": ["{LEFT}", None, "{TITLE}"],
    "two_columns": [("{LEFT}", "{RIGHT}"), ("BAN THƯỜNG VỤ", "{PLACE_DATE}"), None, "{TITLE}", "{SUBTITLE}"],
    "republic": [("{LEFT}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (None, "Độc lập - Tự do - Hạnh phúc"),
                 None, "{TITLE}"],
}

ROSTER_TITLES = ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC", "DANH SÁCH CÁC ĐOÀN CÔNG TÁC CỦA BAN THƯỜNG VỤ",
                 "Danh sách thành viên đoàn công tác nhiệm kỳ 2020 - 2025"]
REGISTER_TITLES = ["SỔ THEO DÕI SINH HOẠT CHI BỘ", "BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ",
                   "Theo dõi dự sinh hoạt chi bộ"]
REGISTER_YEAR_SUFFIX = {"upper": " NĂM {YEAR}", "lower": " năm {YEAR}"}
SUBTITLES = ["(Kèm theo Quyết định số 125-QĐ/TU ngày 15/01/2025)", "(Ban hành kèm theo Thông báo số 12-TB/ĐU)"]


def title_rows(pick, rng, title: str, place: str) -> list:
    """Rows (None = blank row; tuple = left/right halves) for the picked title block."""
    block = pick.pick("title_block", TITLE_BLOCKS)
    words = {
        "{LEFT}": rng.choice(PARTY_LEFT).replace("{PLACE}", place.upper()),
        "{RIGHT}": rng.choice(PARTY_RIGHT),
        "{PLACE_DATE}": f"{place}, ngày 15 tháng 01 năm 2025",
        "{TITLE}": title,
        "{SUBTITLE}": rng.choice(SUBTITLES),
    }

    def fill(text):
        return None if text is None else words.get(text, text)

    rows = []
    for row in block:
        rows.append(row if row is None else tuple(fill(t) for t in row) if isinstance(row, tuple) else fill(row))
    if rows:
        rows.append(None)
    return rows
