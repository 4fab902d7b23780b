"""Group codes a note line explains: the roster writes its groups short ("Đ1", "Tổ 2", "CT3") and a note says what
they stand for — "Đ1, Đ2… : Đoàn công tác số 1, số 2…", "Ghi chú: Đ1 - Đoàn công tác số 1; Đ2 - …", "Tổ 1 là Đoàn
công tác số 1", "Đoàn công tác số 1 (Đ.1)".

A definition whose code carries the group's own number ("Đ1" for group 1) explains the whole series: any code of
the same letters with a number ("Đ4") is that group. One whose number differs ("A1 - Đoàn công tác số 2") explains
that code alone; a code without a number ("A") is no group code. A code no note explains is left as written (the
plausibility checks warn about it).

One definition may list several codes at once, pairing them in order with the numbers its meaning lists: "Đ1, Đ2,
Đ3, Đ4 = Đoàn công tác số 1, 2, 3, 4", ranges "Đ1–Đ4: Đoàn 1–4", "Đ1…Đ4 = Đoàn công tác số 1…4", or a rule for the
whole series: "Đn = Đoàn công tác số n", "Đ + số = Đoàn công tác số đó". Lists whose counts differ ("Đ1, Đ2, Đ3 =
Đoàn công tác số 1, 2") are never paired by guess: the note is kept as a doubt, and a code it would explain is
refused with it (``GroupCodes.doubt``). The note may open with labels ("Ký hiệu cột "Mã phân công":", "Ghi chú",
"Chú thích") and close with an example in brackets ("(ví dụ Đ2-PĐ: Phó Trưởng đoàn Đoàn công tác số 2)"), which is
read as no definition (``without_examples``)."""

import re
from dataclasses import dataclass, field
from typing import Any

from .normalising import clean_text, fold, is_group_name, normalise_group

MAX_NOTE_LENGTH = 400
MAX_RANGE = 99  # the widest range "Đ1–Đ99" a note may give
_CODE = r"[^\W\d_]{1,6}[ .\-]?\d{1,3}"
_ONE = rf"(?<!\w){_CODE}(?!\w)"
# What may stand between two listed codes or numbers: a list sign ("Đ1, Đ2", "1 và 2") or a range sign ("Đ1–Đ4",
# "Đ1…Đ4", "1 đến 4"), or both ("Đ1, Đ2, …, Đ6")
_SIGN = r"(?:[,/&–—-]|…|\.{2,}|\bđến\b|\btới\b|\bvà\b)"
_BETWEEN = rf"\s*{_SIGN}(?:\s*{_SIGN})*\s*"
_RANGE_SIGN = re.compile(r"[–—-]|…|\.{2,}|\bđến\b|\btới\b", re.IGNORECASE)
# A list left open ("Đ1, Đ2…", "Đ1, Đ2, …, Đn")
_OPEN = r"(?:\s*,?\s*(?:…|\.{2,}|v\.v\.?)(?:\s*,?\s*(?-i:[A-ZĐ]{1,5}[nx])(?!\w))?)"
# A rule for every code of the letters: "Đn", "Đ(n)", "Đ + số", "Đ + số thứ tự của đoàn", "Đ kèm số"
_NUMBER_WORD = r"(?:số(?:\s+thứ\s+tự)?(?:\s+(?:của\s+)?đoàn)?|stt)"
_VARIABLE_CODE = (rf"(?-i:(?P<letters>[A-ZĐ]{{1,5}}))(?:(?-i:[nx])|\s*[(\[<{{]\s*(?-i:[nx])\s*[)\]>}}]"
                  rf"|\s*\+\s*(?:(?-i:[nx])|{_NUMBER_WORD})|\s+(?:kèm|kèm theo|với|và)\s+{_NUMBER_WORD})(?!\w)")
_CODES = rf"(?P<codes>{_ONE}(?:{_BETWEEN}{_ONE})*{_OPEN}?|(?<!\w){_VARIABLE_CODE})"
_SAYS = r"\s*(?:[-–=:→]|\blà\b|\bviết tắt của\b)\s*"
# What may open a note before its first code: a bullet or footnote mark ("-", "(*)"), labels ("Ghi chú:", "Ký hiệu
# đoàn:", "Ký hiệu cột "Mã phân công":", "Chú thích: các mã"), with or without colons
_LABEL = r"(?:[^\W\d_]+|\"[^\"]{1,40}\"|“[^”]{1,40}”|«[^»]{1,40}»|'[^']{1,40}'|\([^()]{1,40}\))"
_OPENING = rf"^(?:[-–+*•(]\s*)?(?:\*\)\s*)?(?:{_LABEL}\s*(?::\s*|\s)){{0,10}}?"
_MEANING = r"(?P<meaning>(?:đoàn|tổ)\b[^;\n]*?)"
_NEXT = rf"(?=\s*(?:[;\n]|,\s*{_ONE}{_SAYS}|$))"
# A definition opens the note (after its labels), follows a ';', a line break (and a bullet) or a colon, or follows
# a comma that closes an earlier definition ("Đ1 - Đoàn số 1, Đ2 - Đoàn số 2"), never one inside a list of codes
# ("Đ1, Đ2")
_AFTER_COMMA = r"(?<![^\W\d_]\d,)(?<![^\W\d_]\d\d,)(?<=,)\s*"
_AFTER_BREAK = r"(?<=[;\n:])\s*(?:[-–+*•]\s+)?"
_CODE_FIRST = re.compile(rf"(?:{_OPENING}|{_AFTER_BREAK}|{_AFTER_COMMA}){_CODES}{_SAYS}{_MEANING}{_NEXT}",
                         re.IGNORECASE)
_MEANING_FIRST = re.compile(rf"{_MEANING}\s*\(\s*(?:viết tắt(?: là)?:?\s*)?{_CODES}\s*\)", re.IGNORECASE)
_KEY = re.compile(r"^(?P<letters>[a-z]{1,6})0*(?P<number>\d{1,3})$")
_MAY_DEFINE = re.compile(r"\d.*(?:đoàn|tổ)|(?:đoàn|tổ).*\(|(?:đoàn|tổ)\b.*\b(?:số|n|x)\b", re.IGNORECASE)

# The meaning's head: the kind of group, then its numbers ("số 1, 2, 3", "1–4", "số 1 đến số 4", "số 1, số 2…")
# or a word standing for the code's own number ("số n", "số đó", "có số tương ứng")
_KIND = re.compile(r"^(?P<kind>(?:đoàn|tổ)(?:\s+công\s+tác|\s+CT)?)\s*(?:(?:có|mang|cùng)\s+)?(?:từ\s+)?"
                   r"(?:số\s*(?:thứ\s+tự\s*)?)?", re.IGNORECASE)
_NUMBERS = re.compile(rf"\d{{1,3}}(?:{_BETWEEN}(?:số\s*)?\d{{1,3}}(?!\w))*(?P<open>{_OPEN})?", re.IGNORECASE)
_VARIABLE_NUMBER = re.compile(r"(?:(?-i:[nx])|\(\s*(?-i:[nx])\s*\)|đó|ấy|(?:số\s+)?tương\s+ứng)(?!\w)",
                              re.IGNORECASE)
# An example the note gives in brackets or after "Ví dụ" to the end of its line: no definition
_EXAMPLE = re.compile(r"\s*[(\[]\s*(?:ví\s*dụ|vi\s*du|thí\s*dụ|vd|chẳng\s+hạn|e\.\s?g\.)\b[^()\[\]]*[)\]]"
                      r"|(?:(?<=[.;:])|^|\s)\s*(?:ví\s*dụ|vi\s*du|thí\s*dụ|vd|chẳng\s+hạn)\b[^\n]*", re.IGNORECASE)


def without_examples(text: str) -> str:
    """The note without the examples it gives ("TV = Thành viên (ví dụ Đ2-PĐ: Phó Trưởng đoàn …)" -> "TV = Thành
    viên"): an example writes a code beside words that are no definition of it."""
    return _EXAMPLE.sub("", text)


def code_key(value: Any) -> str:
    """A group code as notes are keyed: folded, without spaces or punctuation ("Đ.1" -> "d1", "Tổ 1" -> "to1")."""
    return fold(value).replace(" ", "")


@dataclass
class GroupCodes:
    """What a sheet's notes say its group codes stand for."""

    named: dict[str, str] = field(default_factory=dict)  # code key -> group name
    series: dict[str, str] = field(default_factory=dict)  # letters -> group kind ("Đoàn công tác")
    notes: dict[str, str] = field(default_factory=dict)  # code key or letters -> the note that said so
    doubts: dict[str, str] = field(default_factory=dict)  # code key or letters -> why its note cannot be read

    def name(self, value: Any) -> str | None:
        """The group a code stands for, None when no note explains it."""
        if not isinstance(value, str):
            return None
        key = code_key(value)
        if key in self.named:
            return self.named[key]
        match = _KEY.match(key)
        kind = self.series.get(match.group("letters")) if match else None
        return f"{kind} số {int(match.group('number'))}" if kind and int(match.group("number")) else None

    def note(self, value: Any) -> str | None:
        """The note explaining a code."""
        key = code_key(value)
        match = _KEY.match(key)
        return self.notes.get(key) or (self.notes.get(match.group("letters")) if match else None)

    def doubt(self, value: Any) -> str | None:
        """Why the note meant to explain a code cannot be read (its lists differ in length), None when no such
        note names it or another note explains it."""
        if not isinstance(value, str) or self.name(value):
            return None
        key = code_key(value)
        match = _KEY.match(key)
        return self.doubts.get(key) or (self.doubts.get(match.group("letters")) if match else None)

    def __bool__(self) -> bool:
        return bool(self.named or self.series)


def _listed(text: str, item: str, value) -> list | None:
    """The items a list writes, a range written out ("Đ1–Đ4" -> Đ1, Đ2, Đ3, Đ4), by `value` (a code key, or a
    number); None for a range that runs backwards, between codes of other letters, or too wide."""
    found = []
    previous_end = None
    for match in re.finditer(item, text, re.IGNORECASE):
        current = value(match.group(0))
        if found and _RANGE_SIGN.search(text[previous_end:match.start()]):
            start = found[-1]
            if isinstance(start, str):
                first, last = _KEY.match(start), _KEY.match(current)
                if not first or not last or first.group("letters") != last.group("letters"):
                    return None
                letters, low, high = first.group("letters"), int(first.group("number")), int(last.group("number"))
                if not low < high <= low + MAX_RANGE:
                    return None
                found += [f"{letters}{number}" for number in range(low + 1, high)]
            else:
                if not start < current <= start + MAX_RANGE:
                    return None
                found += list(range(start + 1, current))
        found.append(current)
        previous_end = match.end()
    return found


def _meaning_numbers(meaning: str) -> tuple[str, list[int] | None, bool] | None:
    """(group kind, its numbers — None for a word standing for the code's own number —, whether the list is left
    open) of a definition's meaning; None when the meaning names no group."""
    head = _KIND.match(meaning)
    kind = normalise_group(f"{head.group('kind')} số 1") if head else None
    if not is_group_name(kind):
        group = normalise_group(meaning)  # "Đoàn công tác thứ hai", "Đoàn công tác số II": one group
        return (group.rsplit(" số ", 1)[0], [int(group.rsplit(" số ", 1)[1])], False) if is_group_name(group) else None
    kind = kind.rsplit(" số ", 1)[0]
    rest = meaning[head.end():]
    if _VARIABLE_NUMBER.match(rest):
        return kind, None, False
    numbers = _NUMBERS.match(rest)
    if numbers is None:
        group = normalise_group(meaning)
        return (kind, [int(group.rsplit(" số ", 1)[1])], False) if is_group_name(group) else None
    listed = _listed(numbers.group(0)[:numbers.start("open")] if numbers.group("open") else numbers.group(0),
                     r"\d{1,3}", int)
    return (kind, listed, bool(numbers.group("open"))) if listed else None


def _define(found: GroupCodes, match: re.Match, text: str) -> None:
    meaning = _meaning_numbers(match.group("meaning"))
    if meaning is None:
        return
    kind, numbers, open_meaning = meaning
    definition = text[match.start("codes"):match.end("meaning")].strip()
    if match.group("letters"):  # "Đn = Đoàn công tác số n"
        if numbers is None:
            letters = code_key(match.group("letters"))
            found.series.setdefault(letters, kind)
            found.notes.setdefault(letters, text)
        return
    codes_text = match.group("codes")
    open_tail = re.search(rf"{_OPEN}$", codes_text)
    codes = _listed(codes_text[:open_tail.start()] if open_tail else codes_text, _ONE, code_key)
    keys = [_KEY.match(code) for code in codes or ()]
    if not codes or not all(keys):
        return
    letters = {key.group("letters") for key in keys}
    if numbers is None:  # "Đ1, Đ2, … = Đoàn công tác có số tương ứng"
        if len(letters) == 1:
            found.series.setdefault(*letters, kind)
            found.notes.setdefault(*letters, text)
        return
    if len(codes) != len(numbers) and not (open_tail or open_meaning) and (len(codes) > 1 or len(numbers) > 1):
        _doubt(found, codes, letters, f"ghi chú «{definition}» kê {len(codes)} mã nhưng {len(numbers)} số đoàn, "
                                      f"không rõ mã nào là đoàn nào")
        return
    pairs = list(zip(codes, numbers))
    if all(int(key.group("number")) == number for key, (_, number) in zip(keys, pairs)) and len(letters) == 1:
        found.series.setdefault(*letters, kind)
        found.notes.setdefault(*letters, text)
    elif len({code for code, _ in pairs}) == len(pairs):
        for code, number in pairs:
            found.named.setdefault(code, f"{kind} số {number}")
            found.notes.setdefault(code, text)
    else:
        _doubt(found, codes, letters, f"ghi chú «{definition}» cho một mã nhiều số đoàn")


def _doubt(found: GroupCodes, codes: list[str], letters: set[str], message: str) -> None:
    for key in [*codes, *letters]:
        found.doubts.setdefault(key, message)


def defines_group_codes(text: Any) -> bool:
    """True for a note line defining group codes ("Đ1, Đ2 = Đoàn công tác số 1, 2", "Đn = Đoàn công tác số n"): the
    groups it names are what codes stand for, never the one group a sheet is about."""
    if not isinstance(text, str) or len(text) > MAX_NOTE_LENGTH or not _MAY_DEFINE.search(text):
        return False
    found = GroupCodes()
    text = clean_text(without_examples(text).replace("\n", "; ")) or ""
    for match in _CODE_FIRST.finditer(text):
        _define(found, match, text)
    return bool(found or found.doubts)


def group_code_notes(rows: list[list[Any]]) -> GroupCodes:
    """The group codes the sheet's note lines explain (see the module docstring)."""
    found = GroupCodes()
    seen = set()
    for row in rows:
        for cell in row:
            if not isinstance(cell, str) or len(cell) > MAX_NOTE_LENGTH or cell in seen or not _MAY_DEFINE.search(cell):
                continue
            seen.add(cell)
            text = clean_text(without_examples(cell).replace("\n", "; ")) or ""
            for pattern in (_CODE_FIRST, _MEANING_FIRST):
                for match in pattern.finditer(text):
                    _define(found, match, text)
    return found
