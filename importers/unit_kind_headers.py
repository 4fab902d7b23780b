"""A unit column headed by the KIND of party organisation its cells are ("Chi bộ", "Chi bộ phụ trách", "Phụ trách chi
bộ", "Chi bộ được phân công", "Theo dõi chi bộ", "Đảng bộ", "CB phụ trách"), its cells naming the place alone
("Thôn Thạch Bích", "Tổ dân phố 3", "Khu phố Bình Minh", "Trường THCS Lê Lợi", "xã Hòa Bình"), in a roster or a
register alike: each such cell is the organisation of that kind there, "Chi bộ Thôn Thạch Bích", "Đảng bộ xã Hòa
Bình" — the header's kind in its usual case, then the place as the cell gives it, cased as the unit lexicon does (a
place typed all in capitals or all in lower case, and the word of its kind: ``importers.unit_words``,
``importers.chi_bo_short.named_place``). An inference names the column whose header gave the kind.

Only a place is given the kind: a cell opening with a kind of place or unit the lexicon knows ("Thôn", "Tổ dân
phố", "Trường", "xã") with a name or number after it, naming one place (no list: "Thôn 1, Thôn 2", "Thôn 3 và
Thôn 4", "Thôn 3 - xã X" stay as written). A place written short ("TDP 14", "KP 3", "THCS Lê Lợi") is given its
kind once the note spelling it out has written it out (``importers.unit_abbreviations``); without one it stays as
written, for the checks to warn. A cell already naming its organisation ("Chi bộ …", "Đảng bộ …",
"CB thôn …", "Đảng ủy …") stays as written; so does anything else — a person's name, a bare number, a mark ("x"),
a code ("KP-PH1"), a kind with no name ("Thôn") — which the checks warn opens with no party organisation's name
(``importers.plausibility.units``, by `ORGANISATION` below). A header naming no kind ("Địa bàn", "Đơn vị", "Nơi
phụ trách"), or more than one ("Chi bộ/Đảng bộ phụ trách", "Chi bộ thuộc Đảng bộ xã", "Tổ chức cơ sở đảng"),
gives no kind.

A column whose own cells name another organisation than its header's kind ("Đảng bộ" over "Chi bộ Tổ dân phố 3"
and "Thôn Thạch Bích") shows that the header does not say every cell's kind: a bare place there may be a chi bộ as
well as a đảng bộ, so none is given a kind (the cells naming theirs stay as they are), and one warning names the
column and the cells left bare."""

import re

import pandas as pd

from .assigned_units import assigned_unit
from .chi_bo_short import named_place, written_out_chi_bo
from .code_catalogues import is_code
from .kinds.short_unit_header import written_out
from .normalising import fold, is_blank, usual_case_unit
from .party_headers import PARTY_KINDS
from .syllables import is_abbreviation
from .unit_ends import reads_as_sentence
from .unit_words import common_word_length

# The words a party organisation's name opens with ("Chi bộ Khu phố 1", "Đảng bộ phường An Lạc", "Đảng ủy Khối …")
ORGANISATION = re.compile(r"^(?:chi bo|dang bo|dang uy|chi uy|to dang|to chuc (?:co so )?dang|tccs dang|dang doan"
                          r"|ban can su dang|(?:tinh|thanh|huyen|quan|thi|dang) uy)\b")
# The party organisations a header may name (``importers.party_headers``); only one of these, chi bộ or đảng
# bộ, gives its cells a kind
KINDS = {"chi bo": "Chi bộ", "dang bo": "Đảng bộ"}
# A cell naming several places, or a place and another after a dash: no one unit to give a kind
_LIST = re.compile(r"[,;/+&\n]|\s[-–]\s|(?<!\w)(?:và|hoặc)(?!\w)", re.IGNORECASE)
SHOWN = 5
MIXED = ("Cột {letter} «{header}»: tiêu đề ghi «{kind}» nhưng cột có cả tên tổ chức đảng khác ({others}) — chưa rõ "
         "các ô chỉ ghi địa danh ({bare}) là chi bộ hay đảng bộ nên giữ nguyên; xin ghi rõ «Chi bộ …» hoặc «Đảng bộ "
         "…» trong các ô đó")


def header_kind(header) -> str | None:
    """"Chi bộ" or "Đảng bộ" when a unit column's header names that one kind of party organisation ("Chi bộ phụ
    trách", "Theo dõi chi bộ", "CB phụ trách", "Đảng bộ"), else None."""
    if not isinstance(header, str):
        return None
    found = {match.group() for match in PARTY_KINDS.finditer(fold(written_out(header) or header))}
    return KINDS.get(next(iter(found))) if len(found) == 1 else None


def opens_with_organisation(text) -> bool:
    """Whether a unit text opens with a party organisation's kind ("Chi bộ …", "Đảng ủy …", "CB thôn …")."""
    return isinstance(text, str) and bool(ORGANISATION.match(fold(written_out_chi_bo(text.strip()))))


def _organisation(value) -> str | None:
    """The kind a unit cell names ("chi bo", "dang bo", "dang uy" …), None when it names none."""
    text = assigned_unit(value) if isinstance(value, str) else None
    match = ORGANISATION.match(fold(written_out_chi_bo(text))) if isinstance(text, str) else None
    return match.group() if match else None


def bare_place(value) -> str | None:
    """The one place a unit cell names without its organisation ("Thôn Thạch Bích", "TỔ DÂN PHỐ 3" -> "Tổ dân phố
    3", "xã Hòa Bình"), cased as after a kind; None for any other cell (module docstring)."""
    text = assigned_unit(value) if isinstance(value, str) else None
    if not isinstance(text, str) or not text or is_code(text) or opens_with_organisation(text) \
            or _LIST.search(text) or reads_as_sentence(text):
        return None
    place = named_place(usual_case_unit(text))
    if place is None or is_abbreviation(place.split(" ")[0]):
        return None  # "TDP 14" without the note spelling it out is no place's name yet
    named = len(place.split(" ")) > max(common_word_length(place), 1) or any(char.isdigit() for char in place)
    return place if named else None


def _cells(values: pd.Series, wanted: list) -> str:
    first = {}
    for row, value in values.items():
        if value in wanted:
            first.setdefault(value, row)
    shown = [f"dòng {row} «{value}»" for value, row in list(first.items())[:3]]
    return ", ".join(shown) + ("…" if len(first) > 3 else "")


def with_header_kind(frame: pd.DataFrame, column, issues) -> tuple[pd.DataFrame, list[dict]]:
    """The frame with each bare place of a unit column given the kind its header names, and the inference saying
    so; the frame unchanged (and a warning) when the column's cells name another organisation too."""
    if column is None or column.index not in frame.columns or column.index < 0:
        return frame, []
    kind = header_kind(column.header)
    if kind is None:
        return frame, []
    values = frame[column.index]
    distinct = [value for value in pd.unique(values.to_numpy(dtype=object))
                if isinstance(value, str) and not is_blank(value)]
    places = {value: place for value in distinct if (place := bare_place(value)) is not None}
    if not places:
        return frame, []
    others = [value for value in distinct if (found := _organisation(value)) and KINDS.get(found) != kind]
    if others:
        issues.warning(None, column.letter, "unit", None, MIXED.format(
            letter=column.letter, header=column.header, kind=kind, others=_cells(values, others),
            bare=_cells(values, list(places))))
        return frame, []
    names = {value: f"{kind} {place}" for value, place in places.items()}
    frame = frame.copy(deep=False)
    frame[column.index] = values.map(lambda value: names.get(value, value) if isinstance(value, str) else value)
    shown = "; ".join(f"{value} → {name}" for value, name in list(names.items())[:SHOWN])
    return frame, [{"what": "Đơn vị", "value": shown + ("; …" if len(names) > SHOWN else ""),
                    "source": f"cột {column.letter} «{column.header}» chỉ ghi địa danh; «{kind}» lấy từ tiêu đề "
                              f"cột"}]
