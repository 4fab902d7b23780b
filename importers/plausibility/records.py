"""Checks of single record values: names, birth dates, meeting dates and phones that a right reading would not
give (a name of one word, a birth date in 1900, a meeting outside the sheet's year)."""

import re
import unicodedata
from datetime import date

import numpy as np

from ..normalising import is_group_name
from .findings import CHECK, LIKELY, SURE
from .view import SheetView, codes_of, hits

OLDEST_BIRTH = "1920-01-01"
ADULT_YEARS = 18
LONGEST_NAME = 6  # words
ROLE_WORDS = (r"phó trưởng đoàn|trưởng đoàn|phó đoàn|đoàn trưởng|thành viên|phó bí thư|bí thư|[uủ]y viên|uỷ viên|"
              r"tổ trưởng|tổ phó|trưởng ban|phó ban|chủ tịch|thư ký|tổ viên")
# Degrees no Vietnamese name holds as a word ("ThS.", "Th.S", "PGS", "CN."), folded to lower case
DEGREE_WORDS = (r"th\.?\s?s|t\.s|tskh|ts|pgs|gs|cn|ks|bs|bsck\w*|ds|ls|nsnd|nsưt|thạc s[ĩỹ]|tiến s[ĩỹ]|cử nhân|"
                r"k[ỹĩ] sư|bác s[ĩỹ]|dược s[ĩỹ]|luật sư")
# (pattern found in a name that fails the test, what the warning says, severity); the distinct names are joined
# into one text, one per line, and each pattern scanned once; a name is reported under the first test it fails
NAME_TESTS = (
    (rf"\b(?:{ROLE_WORDS})\b", "tên có chứa chức danh hoặc nhiệm vụ — cần tách khỏi họ và tên", SURE),
    (r"[()\[\]{}]", "tên có dấu ngoặc — phần trong ngoặc không phải là tên", SURE),
    (r"^(?:đ\s*/\s*c|đ\.\s*c|đc|đồng chí|thầy|cô|ông|bà)\b[.:]?[ ]",
     "tên bắt đầu bằng danh xưng (Đ/c, Đồng chí, Thầy, Cô, Ông, Bà)", LIKELY),
    (rf"(?:^|[ ,;.])(?:{DEGREE_WORDS})(?:\.|(?=[ ,;]|$))",
     "tên có học hàm, học vị (ThS., TS., PGS., CN., KS., BS.…) — cần bỏ khỏi họ và tên", SURE),
    (r"\d", "tên có chữ số", SURE),
    (r"^[^ \n]+$", "tên chỉ có một chữ — họ và tên đệm có thể nằm ở cột khác", SURE),
    (rf"^(?:[^ \n]+ ){{{LONGEST_NAME},}}[^ \n]+$",
     f"tên dài hơn {LONGEST_NAME} chữ — ô có thể chứa thêm thông tin khác", LIKELY),
)
NAME_PATTERNS = tuple(re.compile(pattern, re.MULTILINE) for pattern, *_ in NAME_TESTS)


def _failing(names: np.ndarray) -> np.ndarray:
    """Per distinct name, the rank of the first test it fails (-1: none)."""
    text = unicodedata.normalize("NFC", "\n".join(str(name).replace("\n", " ") for name in names)).casefold()
    starts = np.array([0] + [m.end() for m in re.finditer("\n", text)], dtype=np.int64)
    verdict = np.full(len(names), -1, dtype=np.int64)
    for rank in range(len(NAME_PATTERNS) - 1, -1, -1):  # the first test wins: write it last
        lines = np.searchsorted(starts, [m.start() for m in NAME_PATTERNS[rank].finditer(text)], side="right") - 1
        verdict[lines] = rank
    return verdict


def name_warnings(view: SheetView) -> list[dict]:
    """Names holding role words, brackets, honorifics or digits, of one word, or too long."""
    if "full_name" not in view.records.columns:
        return []
    codes, uniques = codes_of(view.records["full_name"])
    verdict = _failing(uniques) if len(uniques) else np.empty(0, dtype=np.int64)
    found = []
    for rank, (_, text, severity) in enumerate(NAME_TESTS):
        positions = hits(codes, verdict == rank)
        found += view.report("full_name", positions, uniques[codes[positions]], text, severity)
    return found


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def birth_warnings(view: SheetView) -> list[dict]:
    """Birth dates before 1920, or under 18 years before the reference day (else the file's stated year)."""
    if "birth_date" not in view.records.columns:
        return []
    codes, uniques = codes_of(view.records["birth_date"])
    text = np.array([str(value) for value in uniques], dtype=object)
    old = hits(codes, text < OLDEST_BIRTH)
    found = view.report(
        "birth_date", old, text[codes[old]], "ngày sinh trước năm 1920 — cột ngày sinh có thể bị đọc sai", SURE
    )
    if view.today is not None:
        latest, until = _years_before(view.today, ADULT_YEARS).isoformat(), f"ngày {view.today:%d/%m/%Y}"
    elif view.year is not None:
        latest, until = f"{view.year - ADULT_YEARS}-12-31", f"năm {view.year}"
    else:
        return found
    young = hits(codes, text > latest)
    return found + view.report(
        "birth_date",
        young,
        text[codes[young]],
        f"người chưa đủ {ADULT_YEARS} tuổi tính đến {until} — kiểm tra lại ngày sinh",
        LIKELY,
    )


def meeting_warnings(view: SheetView) -> list[dict]:
    """Meeting dates outside the year the sheet states (a column of dates; month columns are dated in that year,
    and columns headed by a date state their own), or after the reference day."""
    if "date" not in view.records.columns:
        return []
    codes, uniques = codes_of(view.records["date"])
    text = np.array([str(value) for value in uniques], dtype=object)
    found = []
    if view.year is not None and not any(c.month for c in view.columns):
        outside = hits(codes, np.array([not t.startswith(f"{view.year}-") for t in text], dtype=bool))
        found += view.report(
            "date", outside, text[codes[outside]], f"buổi sinh hoạt ngoài năm {view.year} của bảng", SURE
        )
    if view.today is not None:
        future = hits(codes, text > view.today.isoformat())
        found += view.report(
            "date",
            future,
            text[codes[future]],
            f"buổi sinh hoạt sau ngày {view.today:%d/%m/%Y} (hôm nay)",
            LIKELY,
            _letters(view, text[codes[future]]),
        )
    return found


def _letters(view: SheetView, dates: np.ndarray) -> np.ndarray | None:
    """The month column each date came from (wide registers); None when dates have their own column."""
    months = [c for c in view.columns if c.month]
    if not months or view.year is None and not all(c.day for c in months):
        return None
    by_date = {c.day or f"{view.year}-{c.month:02d}-01": c.letter for c in months}
    return np.array([by_date.get(day, "") for day in dates], dtype=object)


# A mobile has 10 digits and opens on one of these; a landline has 11 and opens on '02' ('0292.3034.617').
MOBILE_PREFIXES = ("03", "05", "07", "08", "09")


def phone_warnings(view: SheetView) -> list[dict]:
    """Phones of 11 digits that are no landline, and of 10 that are no mobile (a landline short of a digit); the
    readers already warn about other lengths."""
    if "phone" not in view.records.columns:
        return []
    codes, uniques = codes_of(view.records["phone"])
    phones = list(map(str, uniques))
    long = np.array([len(p) == 11 and not p.startswith("02") for p in phones], dtype=bool)
    short = np.array([len(p) == 10 and not p.startswith(MOBILE_PREFIXES) for p in phones], dtype=bool)
    found = []
    for odd, text in ((long, "số điện thoại không phải 10 chữ số (số di động 11 số cũ đã đổi sang 10 số)"),
                      (short, "số điện thoại 10 chữ số không có đầu số di động (03, 05, 07, 08, 09) — số cố định có "
                              "11 chữ số (0292.3xxx.xxx), có thể thiếu một chữ số")):
        positions = hits(codes, odd)
        found += view.report("phone", positions, uniques[codes[positions]], text, CHECK)
    return found


UNIFORM_SHARE = 0.6
UNIFORM_MIN = 5


def uniform_warnings(view: SheetView) -> list[dict]:
    """Many records sharing a value that should vary (birth month, person, phone): a column read wrongly."""
    found = []
    person_fields = ("full_name", "birth_date", "phone") if view.kind == "roster" else ()
    for field_name in person_fields:
        values = view.records[field_name].dropna().astype(str)
        if field_name == "birth_date":
            values = values.str[:7]
        if len(values) < UNIFORM_MIN:
            continue
        counts = values.value_counts()
        if counts.iloc[0] < UNIFORM_SHARE * len(values):
            continue
        common = counts.index[0]
        shown = view.records[field_name].astype(str)
        positions = np.flatnonzero((shown.str[:7] if field_name == "birth_date" else shown).eq(common).to_numpy())
        what = "tháng sinh" if field_name == "birth_date" else "giá trị"
        found += view.report(
            field_name,
            positions,
            view.records[field_name].to_numpy(dtype=object)[positions],
            f"trên {len(values)} bản ghi cùng {what} «{common}» — cột có thể bị đọc sai",
            LIKELY if field_name == "phone" else SURE,
        )  # one office phone for all is possible
    return found


def group_warnings(view: SheetView) -> list[dict]:
    """Group values that are no group name ("ĐCT-A", "Nhóm 1", "Đoàn 0"): kept as written, for the officer to check
    that each is a group and which one."""
    if "group" not in view.records.columns:
        return []
    codes, uniques = codes_of(view.records["group"])
    odd = np.array([not is_group_name(value) for value in uniques], dtype=bool)
    positions = hits(codes, odd)
    return view.report(
        "group",
        positions,
        uniques[codes[positions]] if len(positions) else uniques[:0],
        "giá trị đoàn công tác không có dạng «Đoàn công tác số N» — đã giữ nguyên như trong tệp, cần kiểm tra",
        LIKELY,
    )
