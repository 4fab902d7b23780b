"""Header wordings that name a field in more words than its synonym: a question a form asked ('Họ và tên của đồng
chí?', 'Vai trò của đồng chí trong Đoàn'), an address word ('Họ và tên đồng chí'), or two wordings of one field
joined by a slash ('ĐT di động / ĐT cơ quan').

These are tried only after a label's exact synonym, so a header named the usual way is read as before."""

import re

# Address words and question tails: they carry no field meaning ('của đồng chí', 'số mấy?', 'là gì').
# The person a column is about ('đồng chí phụ trách', 'cán bộ được phân công') is an address phrase too.
_FILLERS = re.compile(r"\b(?:(?:dong chi|d c|nguoi|can bo) (?:phu trach|duoc phan cong|duoc cu)"
                      r"|(?:cua )?(?:dong chi|d c|anh chi|ong ba)|so may|la gi|the nao|nao|la thanh vien(?: cua)?)\b")
_SPACES = re.compile(r"\s+")
# A trailing 'số' asks for the number of the thing named ('Đoàn CT số', 'Tổ số'): the column holds that thing.
_NUMBER_TAIL = re.compile(r"(?<=\w) so$")


def header_core(folded: str) -> str:
    """A folded label without address words and question tails ('ho va ten cua dong chi' -> 'ho va ten')."""
    return _NUMBER_TAIL.sub("", _SPACES.sub(" ", _FILLERS.sub(" ", folded)).strip())


def slash_parts(label: str) -> list[str]:
    """The wordings of a label written as 'A / B' (one part when there is no slash)."""
    return [part for part in (piece.strip() for piece in str(label).split("/")) if part]


_BRACKETS = re.compile(r"\([^()]*\)")


def without_brackets(label: str) -> str:
    """A label without its bracketed asides ('Số điện thoại (Zalo)' -> 'Số điện thoại'): a note on the answer,
    not the field's name."""
    return _SPACES.sub(" ", _BRACKETS.sub(" ", str(label))).strip()
