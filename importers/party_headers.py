"""Header words naming a party organisation ('Chi bộ', 'CHI_BO', 'Đảng bộ', 'Tổ chức đảng') and the generic unit
word ('Đơn vị', 'DON_VI', 'Cơ sở'): the header rules that column mapping and the unit stages share
(``importers.party_unit_columns`` checks the chosen column against its cells)."""

import re

from .code_headers import code_words, is_code_label
from .header_words import header_core, without_brackets
from .normalising import fold

# The party organisations a header may name (one of them, or more: "Chi bộ/Đảng bộ phụ trách")
PARTY_KINDS = re.compile(r"\b(?:chi dang bo|chi bo|dang bo|dang uy|chi uy|to dang|to chuc (?:co so )?dang"
                         r"|co so dang)\b")
# The generic unit word, perhaps with 'tên' ('Đơn vị', 'DON_VI', 'Tên đơn vị', 'Cơ sở')
_GENERIC = re.compile(r"^(?:ten )?(?:don vi|co so|dia ban)$")


def _words(label: str) -> str:
    return code_words(label) if is_code_label(label) else fold(label)


def names_party(label: str) -> bool:
    """Whether a header names a party organisation ('Chi bộ', 'CHI_BO', 'ChiBo', 'Đảng bộ', 'Tổ chức đảng'),
    not its code ('Mã chi bộ')."""
    words = _words(str(label or ""))
    return bool(PARTY_KINDS.search(words)) and not words.startswith("ma ")


def party_over_place(label: str, other: str) -> bool:
    """A unit column named by a party organisation beside one named by the generic unit word alone: the party column
    is the unit (module docstring). A place named by what the member does there ('Đơn vị đến dự', the chi bộ
    attended: ``importers.header_words``) is no generic word."""
    return names_party(label) and bool(_GENERIC.match(header_core(_words(without_brackets(str(other or ""))))))
