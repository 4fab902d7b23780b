"""The mark in a person's cell under a working group of a group matrix (people down, groups across): the person's
role in that group.

A mark is read, in this order, through the sheet's note line ("Ghi chú: T - Trưởng đoàn; P - Phó trưởng đoàn;
x - Thành viên", `abbreviations.note_abbreviations`), as a role wording or a usual abbreviation ("Trưởng đoàn",
"Phó", "TĐ", "TV"; strictly, the whole cell: "Trường THCS …" beside a group is no head), or as a tick ("x", "✓": a
member). A cell saying the person is not in that group ("-", "0", "không") is blank.

The bare letters "T" and "P" with no note to explain them are read as offices mostly mean them, head and deputy,
and the sheet gets a warning saying so. That convention is not trusted where it cannot hold: two "T" in one group
would be two heads, and "T" may as well be "Thành viên" there, so those cells are refused, each named. Any other
mark is refused naming its cell: a role is never guessed."""

from dataclasses import dataclass, field
from typing import Any

from .. import ticks
from ..abbreviations import note_abbreviations
from ..legacy import decode_legacy
from ..mapping import column_letter
from ..normalising import fold, is_blank, mark_key
from ..role_words import WORDING, strict_role
from .role_marks import UNTICKED

TICKS = ticks.TICKS | {"●", "co", "1"}  # an assignment grid also ticks with a dot, "có" or 1
CONVENTION = {"t": "head", "p": "deputy"}
SHOWN = 3
ASSUMED = ("ký hiệu {marks} trong các cột đoàn không có dòng ghi chú giải thích: đã hiểu theo cách ghi thường dùng "
           "({meanings}) — xin kiểm tra; nếu khác, hãy thêm dòng «Ghi chú: T - Trưởng đoàn; P - Phó trưởng đoàn; "
           "x - Thành viên» theo đúng nghĩa")
TWO_HEADS = ("«{mark}» ở {cells} của «{group}»: không có dòng ghi chú giải thích, và một đoàn chỉ có một trưởng đoàn "
             "nên «{mark}» ở đây có thể là thành viên — chưa nhập; hãy thêm dòng ghi chú (T - Trưởng đoàn; …)")
UNKNOWN = ("ký hiệu «{mark}» ở ô {cell} (cột «{group}») không rõ là trưởng đoàn, phó trưởng đoàn hay thành viên — "
           "chưa nhập; hãy ghi T, P hoặc x, hoặc thêm dòng ghi chú giải thích ký hiệu")


def _text(cell: Any) -> str:
    """A cell as text: a legacy-encoded one decoded, a whole number without its '.0' (an .xls stores 1 as 1.0)."""
    if isinstance(cell, str):
        return decode_legacy(cell).strip()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell)


def _key(cell: Any) -> str:
    """A mark compared: folded ('Có' -> 'co'), or as typed when folding leaves nothing ('✓', '-')."""
    text = _text(cell)
    return fold(text) or mark_key(text)


@dataclass
class GroupMarks:
    """How the marks of one sheet read; `found` collects what to report, as `SheetData.found` entries."""

    notes: dict[str, str]
    assumed: dict[str, tuple[int, int]] = field(default_factory=dict)  # convention mark -> first (row, column)
    doubtful: set[tuple[int, int]] = field(default_factory=set)  # cells whose conventional "T" is refused
    found: list = field(default_factory=list)

    @classmethod
    def of(cls, rows: list[list[Any]]) -> "GroupMarks":
        return cls(note_abbreviations([[_text(cell) for cell in row if isinstance(cell, str)] for row in rows]))

    def is_empty(self, cell: Any) -> bool:
        """A blank cell, or one saying the person is not in this group."""
        return is_blank(cell) or _key(cell) in UNTICKED

    def role(self, cell: Any) -> str | None:
        """The role a mark stands for, the unexplained "T" / "P" included; None for a mark not understood."""
        folded = _key(cell)
        if not folded:
            return None
        if folded in self.notes:
            return self.notes[folded]
        return strict_role(_text(cell)) or ("member" if folded in TICKS else None) or CONVENTION.get(folded)

    def _by_convention(self, cell: Any) -> bool:
        folded = _key(cell)
        return folded in CONVENTION and folded not in self.notes

    def check_heads(self, body: list[list[Any]], first: int, groups: dict[int, list]) -> None:
        """Refuse the unexplained "T" of a group that would have two heads or more (see the module docstring)."""
        for index, (group, _) in groups.items():
            cells = [(number, row[index]) for number, row in enumerate(body, first)
                     if index < len(row) and self._by_convention(row[index])
                     and CONVENTION[_key(row[index])] == "head"]
            if len(cells) < 2:
                continue
            letter = column_letter(index)
            shown = ", ".join(f"{letter}{number + 1}" for number, _ in cells[:SHOWN]) + (
                ", …" if len(cells) > SHOWN else "")
            for number, cell in cells:
                self.doubtful.add((number, index))
                self.found.append(("error", number + 1, letter, "role", _text(cell),
                                   TWO_HEADS.format(mark=_text(cell), cells=shown, group=group)))

    def read(self, cell: Any, number: int, index: int, group: str) -> str | None:
        """The role wording of a person's mark at (row, column), or None when it is refused (and reported)."""
        if (number, index) in self.doubtful:
            return None
        role = self.role(cell)
        letter = column_letter(index)
        if role is None:
            self.found.append(("error", number + 1, letter, "role", _text(cell),
                               UNKNOWN.format(mark=_text(cell), cell=f"{letter}{number + 1}", group=group)))
            return None
        if self._by_convention(cell):
            self.assumed.setdefault(_text(cell), (number, index))
        return WORDING[role]

    def report(self) -> list:
        """What reading the marks found: the refusals, then one warning for the marks read by convention."""
        if not self.assumed:
            return self.found
        marks = ", ".join(f"«{mark}»" for mark in self.assumed)
        meanings = "; ".join(f"{mark} = {WORDING[CONVENTION[_key(mark)]].lower()}" for mark in self.assumed)
        number, index = min(self.assumed.values())
        first = next(mark for mark, at in self.assumed.items() if at == (number, index))
        return self.found + [("warning", number + 1, column_letter(index), "role", first,
                              ASSUMED.format(marks=marks, meanings=meanings))]
