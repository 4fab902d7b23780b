"""Professional and academic titles written as dotted abbreviations before a member's name ("KTS. Trần Xuân Huy",
"CNĐD.Ngô Hữu Định", "ĐD. Võ Viết Thắng", "NSƯT. Lê An", "PGS.TS.BS. Lê An", "BSCK.I Lê An") are a qualification,
not part of the name a party roster or register records. ``honorifics`` strips the degrees it knows by name
("ThS.", "PGS.TS.") silently; this module reads the shape instead of a list, so a title it has never seen ("KTS.",
"CNĐD.", "ĐD.", "KTV.", "NCS.") is stripped too, and since that is an inference one warning per column names every
name changed (as ``baptismal_names`` does).

The shape: one or more abbreviations at the start, each 1-6 letters opening with a capital and more capitals than
small letters over the run ("ThS", "Th.S", "BSCKII"), each ending with a dot (or chained by dots, "PGS.TS.BS.";
a last roman grade "I"/"II" may follow without one, "BSCK.I"), then a full Vietnamese name: a known surname
(``column_types.SURNAMES``) and at least one more word. Refused: initials of a name, every abbreviation the start
of a surname ("Ng. Văn An", "NG. HOÀNG ANH", "Tr.V. Hùng"); a place ("TP. Hồ Chí Minh"); a run not followed by a
surname-led name ("KTS. Lan Anh"); anything without a dot ("Bác sĩ Trần Văn A" is ``honorifics``' business);
lower-case runs ("kts. lê an"). Only name cells and a transposed register's person headers are read this way: a
position keeps its abbreviations ("PBT TT Đảng ủy phường")."""

import re
from collections.abc import Sequence

from .column_types import SURNAMES
from .normalising import fold

# abbreviations with their dots, an optional roman grade, then the first letter of the name (not consumed)
_RUN = re.compile(r"^[^\S\n]*((?:[^\W\d_]{1,6}\.[^\S\n]*)+(?:I{1,3}[^\S\n]+)?)(?=[^\W\d_])")
_TOKEN = re.compile(r"[^\W\d_]+")
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*$")
# the folded beginnings of surnames ("ng", "tr", "h"): an abbreviation spelling one is an initial, not a title
_SURNAME_STARTS = frozenset(surname[:size] for surname in SURNAMES for size in range(1, len(surname) + 1))
# places named after people ("TP. Hồ Chí Minh", "TX. Phan Thiết"): a place, never a title before a name
PLACES = frozenset(("tp", "tx"))
MIN_REST_WORDS = 2
SHOWN = 10

STRIPPED = ("Cột {letter} «{header}»: chức danh, học hàm, học vị viết tắt trước tên không thuộc họ và tên của đảng "
            "viên nên đã bỏ khỏi {count} tên — {shown}; nếu chữ đã bỏ là một phần của họ và tên, sửa lại trong tệp.")


def _is_title_run(tokens: list[str]) -> bool:
    """Abbreviations of a title: each opening with a capital, more capitals than small letters in all, and not
    every one the start of a surname (initials)."""
    if not tokens or not all(token[:1].isupper() for token in tokens):
        return False
    letters = "".join(tokens)
    capitals = sum(letter.isupper() for letter in letters)
    if capitals <= len(letters) - capitals:
        return False
    folded = [fold(token) for token in tokens]
    return not all(token in _SURNAME_STARTS for token in folded) and folded[0] not in PLACES


def _is_full_name(text: str) -> bool:
    """A surname-led name of two words or more, every word a capitalised run of letters."""
    words = text.split(" ")
    return len(words) >= MIN_REST_WORDS and fold(words[0]) in SURNAMES \
        and all(_NAME_WORD.match(word) and word[:1].isupper() for word in words)


def split_name_title(text: str | None) -> tuple[str, str] | None:
    """(name, title) for a cleaned cell opening with a dotted title before a full name (module docstring), else
    None: "KTS. Trần Xuân Huy" -> ("Trần Xuân Huy", "KTS.")."""
    if not text or text.__class__ is not str or "." not in text:
        return None
    found = _RUN.match(text)
    if found is None or not _is_title_run(_TOKEN.findall(found.group(1))):
        return None
    rest = text[found.end():]
    if not _is_full_name(rest.split("\n", 1)[0].strip()):
        return None
    return rest, found.group(1).strip()


def report_name_titles(said: list, values: Sequence, rows: Sequence, column, issues) -> None:
    """One warning naming the names a column's dotted titles were stripped from: `said` holds (cell, title, name
    before, name after) as ``honorifics.name_cleaner`` adds them; each distinct cell at its first row."""
    if not said or column is None:
        return
    told = {raw: (title, before, name) for raw, title, before, name in said}
    first: dict = {}
    for value, row in zip(values, rows):
        if value.__class__ is str and value in told:
            first.setdefault(value, int(row))
    items = sorted((row, raw) for raw, row in first.items())
    if not items:
        return
    shown = ", ".join(f"{column.letter}{row} «{told[raw][0]}» ({told[raw][1]} → {told[raw][2]})"
                      for row, raw in items[:SHOWN]) + (", …" if len(items) > SHOWN else "")
    issues.warning(None, column.letter, "full_name", items[0][1], STRIPPED.format(
        letter=column.letter, header=column.header, count=len(items), shown=shown))
