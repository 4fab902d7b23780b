"""A mark a legend defines twice with two statuses ("v - Vắng có lý do (ô tô vàng)", "v - Vắng không lý do (ô tô
đỏ)"): the sheet tells the two apart by something the cell text does not hold (its colour, its type) or the legend
contradicts itself. Taking either meaning would be a guess, so the marks table maps such a mark to a ``MarkDoubt``:
``normalising.decode_mark`` and ``status_phrases.read_status`` read it as a problem naming both meanings (the cells
are refused, each named), never as a status. `meanings` keeps (status, meaning as written) for a reader that can
tell the cells apart (by their colour, say)."""

import re

# Words of a meaning that say how the cell is drawn rather than what it means ("(ô tô vàng)", "(chữ đỏ)", "in đậm")
_FORMATTING = re.compile(r"\b(?:mau|to|bo|nen|chu|in|o) (?:vang|do|xanh|cam|hong|tim|xam|den|dam|nghieng)\b"
                         r"|\bmau\b|\bin (?:dam|nghieng)\b|\bgach chan\b")

DOUBT = "có hai nghĩa trong dòng chú thích ({meanings})"
BY_FORMAT = (": nghĩa tùy theo màu hoặc định dạng của ô, chương trình chưa đọc được — ô không được nhập, hãy ghi "
             "ký hiệu riêng cho từng nghĩa (ví dụ «P» và «K») hoặc sửa trạng thái sau khi nhập")
CONTRADICTS = ": không biết nghĩa nào đúng — ô không được nhập, hãy sửa dòng chú thích hoặc ký hiệu trong ô"


class MarkDoubt(str):
    """The marks table's entry for a mark with two meanings: not a status. Its text is the problem reported for
    each of the mark's cells."""

    meanings: tuple[tuple[str, str], ...]

    def __new__(cls, meanings: list[tuple[str, str]]):
        from .normalising import fold  # normalising reads the doubts: imported when one is made

        shown = "; ".join(f"«{meaning.strip()}»" for _, meaning in meanings)
        by_format = any(_FORMATTING.search(fold(meaning)) for _, meaning in meanings)
        problem = "ký hiệu này " + DOUBT.format(meanings=shown) + (BY_FORMAT if by_format else CONTRADICTS)
        doubt = super().__new__(cls, problem)
        doubt.meanings = tuple(meanings)
        return doubt

    @property
    def problem(self) -> str:
        return str(self)


def is_doubt(status: object) -> bool:
    return isinstance(status, MarkDoubt)
