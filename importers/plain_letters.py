"""Text as it is compared when the tone and vowel marks may or may not have been typed: lower case, without marks,
'đ' as 'd', punctuation kept ("Đ/c Lan" -> "d/c lan"). The one rule behind ``normalising.fold`` (which also drops
punctuation) and the readers that need the punctuation (remarks after a unit's name, dates in a member's remark);
it sits below them all, importing nothing of the package."""

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1 << 16)
def plain_lower(text: str) -> str:
    """`text` in lower case without tone and vowel marks, 'đ' as 'd', punctuation kept."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in text if not unicodedata.combining(char)).casefold()
