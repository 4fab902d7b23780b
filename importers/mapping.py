"""Match header labels to canonical fields (synonyms without diacritics, then fuzzy), and sign headers."""

import hashlib
from functools import lru_cache

from rapidfuzz import fuzz, process

from .code_headers import code_field, code_words, is_code_label, is_id_label
from .english_headers import english_header
from .header_words import header_core, is_place_wording, slash_parts, without_brackets, without_dots, without_qualifiers
from .kinds import FieldSpec
from .legends import meaning_to_status
from .normalising import fold, month_of_header
from .party_headers import party_over_place
from .results import Column

FUZZY_THRESHOLD = 88
UNIT = "unit"  # the organisation a record belongs to, in every kind


def column_letter(index: int) -> str:
    """Excel column letter for a 0-based index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_index(letter_or_index) -> int:
    """0-based index from an Excel letter ('C') or an int."""
    if isinstance(letter_or_index, int):
        return letter_or_index
    text = str(letter_or_index).strip().upper()
    if text.isdigit():
        return int(text)
    index = 0
    for ch in text:
        index = index * 26 + ord(ch) - 64
    return index - 1


@lru_cache(maxsize=4096)
def match_field(label: str, specs: tuple[FieldSpec, ...]) -> str | None:
    """Field name a header label stands for, or None."""
    folded = fold(label)
    if not folded or not without_brackets(label):
        return None  # nothing, or only an aside in brackets ("(Zalo)", "(1)") under or beside a header
    exact = worded_field(label, specs)
    if exact:
        return exact
    if is_code_label(label):  # an export's code: its words are compared, a code column ('MA_DOAN') is no field
        if is_id_label(label):
            return None
        folded = code_words(label)
    choices = {synonym: spec.name for spec in specs for synonym in spec.synonyms if len(synonym) > 3}
    folded = without_qualifiers(folded) or folded
    if len(folded) <= 3 or len(folded) > 60:
        return None
    best = process.extractOne(folded, list(choices), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
    return choices[best[0]] if best else None


@lru_cache(maxsize=4096)
def worded_field(label: str, specs: tuple[FieldSpec, ...]) -> str | None:
    """The field a label names word for word: a synonym, once address words and question tails are dropped, or in
    every part of a slash-joined label, or in English (no fuzzy matching)."""
    label = without_dots(label)
    folded, bare = fold(label), fold(without_brackets(label))
    return _exact_field(folded, specs) or _exact_field(without_qualifiers(folded), specs) \
        or _exact_field(header_core(folded), specs) or _slash_field(label, specs) \
        or code_field(label, specs) or _exact_field(header_core(bare), specs) \
        or _english_field(folded, specs) or _english_field(bare, specs) \
        or _english_field(without_qualifiers(folded), specs)


def _exact_field(folded: str, specs: tuple[FieldSpec, ...]) -> str | None:
    if not folded:
        return None
    if type(specs) is not tuple:
        return next((spec.name for spec in specs if folded in spec.synonyms), None)
    return _synonym_index(specs).get(folded)


_SYNONYM_INDEXES: dict[int, tuple[tuple, dict[str, str]]] = {}


def _synonym_index(specs: tuple[FieldSpec, ...]) -> dict[str, str]:
    """Synonym -> the first field naming it, per tuple of specs (kept by identity: hashing the specs per label costs
    more than the look-up); a label is looked up so for every distinct cell text of the first rows."""
    kept = _SYNONYM_INDEXES.get(id(specs))
    if kept is None or kept[0] is not specs:
        index: dict[str, str] = {}
        for spec in specs:
            for synonym in spec.synonyms:
                index.setdefault(synonym, spec.name)
        kept = _SYNONYM_INDEXES[id(specs)] = (specs, index)
    return kept[1]


def _english_field(folded: str, specs: tuple[FieldSpec, ...]) -> str | None:
    """The field an English header names ('DOB', 'Mobile', 'Team'): that of the Vietnamese wording it stands for."""
    wording = english_header(folded)
    return _exact_field(wording, specs) if wording else None


def _slash_field(label: str, specs: tuple[FieldSpec, ...]) -> str | None:
    """'ĐT di động / ĐT cơ quan': the field every wording names, when they all name the same one (or a narrower kind
    of it). A place word beside the cell ('Buôn/Chi bộ', 'Chi bộ/Thôn') says which cell: the unit, when the other
    wordings name it."""
    parts = slash_parts(label)
    if len(parts) < 2:
        return None
    named = [part for part in parts if not is_place_wording(fold(part))]
    fields = {_exact_field(fold(part), specs) or _exact_field(header_core(fold(part)), specs)
              or _english_field(fold(part), specs) for part in named}
    if len(fields) > 1:  # a landline beside the phone it is a kind of: the phone
        within = {spec.name: spec.within for spec in specs if spec.within}
        fields = {within.get(field, field) for field in fields}
    if len(named) < len(parts):
        return UNIT if fields == {UNIT} else None
    return fields.pop() if len(fields) == 1 and None not in fields else None


def map_columns(labels: list[str], parents: list[str], specs: tuple[FieldSpec, ...],
                override: dict | None = None, with_months: bool = False,
                dates: list[str | None] | None = None) -> list[Column]:
    """Columns with their field (first match wins, but a name beats its code and a party organisation's column the
    generic unit column: ``importers.party_unit_columns``), month number or meeting date; an override maps field ->
    column."""
    columns, taken = [], {}
    for index, label in enumerate(labels):
        column = Column(index=index, letter=column_letter(index), header=label)
        month = month_of_header(label, parents[index]) if with_months else None
        day = dates[index] if with_months and dates and index < len(dates) else None
        if day:
            column.month, column.day, column.field = int(day[5:7]), day, f"date_{day}"
            column.header = column.header or day
        elif month:
            column.month, column.field = month, f"month_{month}"
        else:
            field = match_field(label, specs)
            if field and (field not in taken or _names_what_codes(label, taken[field].header)
                          or (field == UNIT and party_over_place(label, taken[field].header))):
                if field in taken:
                    taken[field].field = None
                column.field = field
                taken[field] = column
        columns.append(column)
    _minutes_among_status_columns(taken)
    if override:
        apply_override(columns, override)
    return columns


def _minutes_among_status_columns(taken: dict[str, Column]) -> None:
    """A minutes-late column ('Đi muộn (phút)') beside a status column headed by a status itself ('Có mặt | Đi muộn
    (phút) | Vắng có lý do'): the sheet gives each status its own column, the minutes column among them is the late
    one's (``kinds.status_ticks``), not minutes beside a status (``kinds.late_minutes``)."""
    minutes, status = taken.get("late_minutes"), taken.get("status")
    if minutes is not None and status is not None and meaning_to_status(status.header or ""):
        minutes.field = None


def _names_what_codes(label: str, taken_by: str) -> bool:
    """A column naming a field ('Tên chi bộ') after one giving its code ('Mã chi bộ'): the name is the value to
    keep; the code column is left unread (and named as unused)."""
    return fold(taken_by).startswith("ma ") and not fold(label).startswith("ma ")


def apply_override(columns: list[Column], override: dict) -> None:
    """Apply a confirmed field -> column (index or letter) mapping on top of the automatic one."""
    for column in columns:
        column.confirmed = True
    for field, target in override.items():
        for column in columns:
            if column.field == field:
                column.field = None
        if target is None:
            continue
        index = column_index(target)
        if 0 <= index < len(columns):
            columns[index].field = field


def header_signature(labels: list[str]) -> str:
    """Stable hash of the normalised header labels, to remember a confirmed mapping."""
    text = "|".join(fold(label) for label in labels).rstrip("|")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def score_labels(labels: list[str], specs: tuple[FieldSpec, ...]) -> int:
    """How many distinct fields a row of labels names (a header-row likelihood score)."""
    return len({match_field(label, specs) for label in labels} - {None})
