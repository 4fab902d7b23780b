"""How a unit's name written in capitals ("CHI BỘ TRƯỜNG TIỂU HỌC HÒA BÌNH") is spelt again in ordinary case.

Vietnamese writes an organisation's name (Nghị định 30/2020/NĐ-CP, phụ lục on capitals) with the first syllable of
each WORD of its kind and its name capitalised and the other syllables of a compound word in lower case: "Chi bộ
Trường Tiểu học Hòa Bình", "Chi bộ Trạm Y tế", "Chi bộ Ban Chỉ huy Quân sự xã", "Chi bộ Hợp tác xã Đức Lam".
Capitals hide where a word ends, so recasing syllable by syllable ("Trường Tiểu Học", "Nghiệp Đoàn Nghề Cá") is
wrong, and silently so. Which syllables make one word is not in the text: it is in the lexicon below, of the
compound common words of organisations' names (kinds of unit, fields of work) and a few common-noun phrases offices
write as one word ("Nghiệp đoàn nghề cá Nhơn Lý", "Ủy ban nhân dân", "Trung học cơ sở"). It lists words, never
whole units.

- A level of administration ("xã", "phường", "huyện", "thị trấn") is lower case, before a place's name ("Đảng bộ
  phường An Lạc", "Trạm Y tế xã Nà Giàng") or with no name after it ("Chi bộ Công an xã").
- The syllables after a place's kind ("Thôn", "Khu phố", "xã") are the place's name and are not looked up ("Thôn
  Đoàn Kết"), until a number or an abbreviation ends it ("Tổ 5 Khu vực 3").
- A syllable the lexicon does not hold is taken for a proper name and keeps its capital ("Nhơn Lý", "Pleiku").
- Abbreviations ("UBND", "PTDTBT": ``importers.syllables``), numbers and a Roman numeral after a place's kind ("Khu
  phố VI") stay as written; "số" before a number ("Khu dân cư số 2") and "và" are lower case.

Syllables are matched whatever the tone's place ("hoà"/"hòa", "uỷ"/"ủy") and are written back as the file spells
them; only their case changes. A file that spells the unit in ordinary case elsewhere wins over this
(``importers.sheet_context``, ``importers.unit_spellings``). No lexicon holds every trade a workshop is named for
("PHÂN XƯỞNG VỎ TÀU 2") nor tells a place's name ("Kon Rơng") from a common noun, so a unit only ever written in
capitals is read by this rule and the officer is told (``importers.capital_units``)."""

import re
import unicodedata
from dataclasses import dataclass

from .syllables import is_abbreviation, title_word

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _key(syllable: str) -> str:
    """A syllable in lower case with its tone moved to the end, so 'HOÀ' and 'hòa' look the same up."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    bare = unicodedata.normalize("NFC", "".join(char for char in decomposed if char not in _TONES))
    return bare + "".join(char for char in decomposed if char in _TONES)


def _words(*words: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_key(syllable) for syllable in word.split()) for word in words)


# Kinds of place: the words after one are the place's name (they also count as common words)
_PLACE_KINDS = _words("thôn", "xóm", "bản", "ấp", "buôn", "làng", "khóm", "sóc", "plei", "tổ", "khối", "khu",
                      "khu phố", "tổ dân phố", "khu dân cư", "khu vực", "cụm dân cư", "tiểu khu")
# Levels of administration, lower case wherever they stand (a name may follow them)
_ADMINISTRATIVE = _words("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh")
# Compound common words of organisations' names: first syllable capitalised, the others not. A longer entry wins
# ("hợp tác xã" over "xã", "xã hội" over "xã", "nghiệp đoàn nghề cá" over "nghiệp đoàn" + "nghề cá").
_COMMON = _PLACE_KINDS | _words(
    # party organisations and committees
    "đảng bộ", "chi bộ", "đảng ủy", "đảng đoàn", "chi ủy", "ban cán sự đảng", "tổ chức cơ sở đảng", "thị ủy",
    "huyện ủy", "tỉnh ủy", "thành ủy", "quận ủy", "xã đội", "phường đội", "huyện đội", "tỉnh đội", "văn phòng",
    "tổ chức", "tuyên giáo", "dân vận", "kiểm tra", "nội chính", "dân chính",
    # state bodies
    "cơ quan", "ủy ban", "ủy ban nhân dân", "hội đồng", "hội đồng nhân dân", "nhân dân", "mặt trận", "tổ quốc",
    "công an", "công an nhân dân", "quân sự", "chỉ huy", "biên phòng", "quân đội", "tòa án", "tòa án nhân dân",
    "kiểm sát", "kiểm sát nhân dân", "thi hành án", "dân sự", "thanh tra", "kho bạc", "chi cục", "cục thuế",
    "bưu điện", "bảo hiểm", "bảo hiểm xã hội", "xã hội", "ngân hàng", "chính sách", "trung tâm", "quản lý", "dự án",
    "đầu tư", "xây dựng", "môi trường", "tài nguyên", "tài chính", "kế hoạch", "kinh tế", "hạ tầng", "tư pháp",
    "nội vụ", "lao động", "thương binh", "văn hóa", "thể thao", "du lịch", "thông tin", "truyền thông", "nông nghiệp",
    "lâm nghiệp", "ngư nghiệp", "thủy sản", "thủy lợi", "kiểm lâm", "khuyến nông", "địa chính", "đô thị",
    "giao thông", "vận tải", "công thương", "hành chính", "dịch vụ", "phát triển", "điện lực", "cấp nước",
    # schools and health
    "mầm non", "mẫu giáo", "tiểu học", "trung học", "trung học cơ sở", "trung học phổ thông", "phổ thông",
    "dân tộc", "nội trú", "bán trú", "liên cấp", "giáo dục", "đào tạo", "giáo dục thường xuyên", "dạy nghề",
    "hướng nghiệp", "cao đẳng", "đại học", "y tế", "bệnh viện", "phòng khám", "đa khoa", "dân số",
    # enterprises and associations
    "công ty", "tổng công ty", "công ty cổ phần", "tổng công ty cổ phần", "công ty trách nhiệm hữu hạn",
    "cổ phần", "trách nhiệm hữu hạn", "xí nghiệp", "nhà máy", "hợp tác xã", "nghiệp đoàn",
    "nghề cá", "nghiệp đoàn nghề cá", "công đoàn", "cựu chiến binh", "nông dân", "phụ nữ", "thanh niên",
    "người cao tuổi", "hưu trí", "khu công nghiệp", "công nghiệp", "dân cư", "điện tử", "thương mại", "cơ khí",
    "may mặc", "xuất nhập khẩu",
    # workshops, yards and ports: a kind of workshop and the trade it works at ("Phân xưởng Vỏ tàu 2", "Xí nghiệp
    # Xếp dỡ", "Công ty Đóng tàu …")
    "phân xưởng", "vỏ tàu", "máy tàu", "đóng tàu", "sửa chữa", "cơ điện", "lắp ráp", "kỹ thuật", "kĩ thuật",
    "công nghệ", "vật tư", "thiết bị", "kho vận", "kho bãi", "khai thác", "xếp dỡ", "bốc xếp", "hàng hải",
    "phương tiện", "sản xuất", "kinh doanh", "chế biến", "chế tạo", "hóa chất", "xi măng", "thực phẩm", "dệt may",
    "trung cấp", "trung cấp nghề", "cao đẳng nghề", "cửa khẩu",
)
_LOWER = _words("và")
_NUMBER_WORD = _key("số")
_LOOKED_UP = _COMMON | _ADMINISTRATIVE
_LONGEST = max(len(word) for word in _LOOKED_UP)
_ROMAN = re.compile(r"^[IVXLC]+$")
_PARTS = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
_LETTERS = re.compile(r"[^\W\d_]+")


def _proper(letters: re.Match) -> str:
    """A run of letters of a proper name in title case ("NHƠN-LÝ" → "Nhơn-Lý"), an abbreviation in it as written."""
    return letters.group() if is_abbreviation(letters.group()) else title_word(letters.group())


@dataclass(frozen=True)
class _Token:
    """A space-separated word of the name: punctuation before and after, and the word between."""
    lead: str
    core: str
    trail: str

    @property
    def syllable(self) -> bool:
        """A written-out word to recase: letters, not opening with a number, no abbreviation."""
        core = self.core
        return any(map(str.isalpha, core)) and not core[:1].isdigit() and not is_abbreviation(core)

    def spelt(self, core: str) -> str:
        return self.lead + core + self.trail


def _tokens(text: str) -> list[_Token]:
    return [_Token(*_PARTS.match(word).groups()) for word in text.split(" ")]


def _word_at(tokens: list[_Token], at: int, words: frozenset) -> int:
    """How many syllables from `at` make the longest word of `words` (no punctuation inside it); 0 for none."""
    for length in range(min(_LONGEST, len(tokens) - at), 0, -1):
        span = tokens[at:at + length]
        joined = all(not t.trail for t in span[:-1]) and all(not t.lead for t in span[1:])
        plain = all(t.core.isalpha() and t.syllable for t in span)
        if joined and plain and tuple(_key(t.core) for t in span) in words:
            return length
    return 0


def _is_number(token: _Token | None) -> bool:
    return token is not None and (token.core[:1].isdigit() or bool(_ROMAN.match(token.core)))


def _level_first(tokens: list[_Token], at: int, length: int) -> int:
    """The length of the word at `at`, a level of administration rather than a longer common word that opens with
    one when a proper name follows that word: "XÃ HỘI AN" is "xã Hội An", not "Xã hội An"; "XÃ ĐỘI", "LAO ĐỘNG -
    THƯƠNG BINH VÀ XÃ HỘI" keep the common word."""
    level = _word_at(tokens, at, _ADMINISTRATIVE)
    if not level or level >= length or at + length >= len(tokens):
        return length
    after = tokens[at + length]
    if after.syllable and not _word_at(tokens, at + length, _LOOKED_UP | _LOWER):
        return level
    return length


def spelling_key(text: str) -> tuple[str, ...]:
    """A text's words in lower case, each with its tone moved to the end: two spellings of one name that differ
    only in case or in where the tone sits ("CHI BỘ THÔN HOÀ", "Chi bộ Thôn Hòa") have one key."""
    return tuple(_key(word) for word in text.split())


def is_common_word(text: str) -> bool:
    """Whether a text is one compound common word of organisations' names ("Tiểu học", "Hợp tác xã"): what a note's
    abbreviation may stand for inside a unit's name ("TH - Tiểu học")."""
    return tuple(_key(syllable) for syllable in text.split()) in _COMMON


def common_word_length(text: str) -> int:
    """How many syllables the common word of organisations' names or level of administration opening the text
    spans ("thôn Ma Cái" -> 1, "Trường Tiểu học …" -> 0, "tổ dân phố 3" -> 3); 0 when it opens with none."""
    tokens = _tokens(text)
    return _level_first(tokens, 0, _word_at(tokens, 0, _LOOKED_UP))


def level_length(text: str) -> int:
    """How many syllables the level of administration opening the text spans ("XÃ LÂM THẮNG" -> 1, "thị trấn Nà
    Phặc" -> 2); 0 when it opens with none ("Lâm Thắng", "Công ty …")."""
    return _word_at(_tokens(text), 0, _ADMINISTRATIVE)


def recase_unit(text: str) -> str:
    """A unit's name written in capitals, spelt as Vietnamese writes an organisation's name (module docstring):
    "CHI BỘ NGHIỆP ĐOÀN NGHỀ CÁ NHƠN LÝ" → "Chi bộ Nghiệp đoàn nghề cá Nhơn Lý"."""
    tokens = _tokens(text)
    out: list[str] = []
    naming = False  # in a place's name, after its kind
    after_kind = False  # just after a place's kind or "số": a Roman numeral there is a number
    started = False  # a written-out word is out: the name's first word is capitalised whatever it is
    at = 0
    while at < len(tokens):
        token = tokens[at]
        if not token.syllable or (after_kind and _ROMAN.match(token.core)):
            out.append(token.spelt(token.core))
            naming = after_kind = False
            started = started or bool(token.core)
            at += 1
            continue
        following = tokens[at + 1] if at + 1 < len(tokens) else None
        length = _word_at(tokens, at, _ADMINISTRATIVE if naming else _LOOKED_UP)
        length = _level_first(tokens, at, length)
        span = tokens[at:at + max(length, 1)]
        word = tuple(_key(t.core) for t in span)
        if length and word in _ADMINISTRATIVE and started:
            cased = [t.core.lower() for t in span]
            naming, after_kind = True, False
        elif length:
            cased = [title_word(span[0].core)] + [t.core.lower() for t in span[1:]]
            naming = after_kind = word in _PLACE_KINDS or word in _ADMINISTRATIVE
        elif started and (word in _LOWER or (word == (_NUMBER_WORD,) and _is_number(following))):
            cased = [token.core.lower()]
            after_kind = word == (_NUMBER_WORD,)
        else:
            cased = [_LETTERS.sub(_proper, token.core)]
            after_kind = False
        out.extend(t.spelt(core) for t, core in zip(span, cased))
        started = True
        at += len(span)
    return " ".join(out)
