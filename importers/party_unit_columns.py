"""Two columns that could both be the unit: one headed by the generic unit word ("Đơn vị", "DON_VI", "Tên đơn vị"),
often the member's workshop or office ("PX ĐL1", "Phòng Kỹ thuật"), and one headed by a party organisation ("Chi bộ",
"CHI_BO", "ChiBo", "Chi bộ sinh hoạt", "Tên chi bộ", "Chi bộ phụ trách", "Đảng bộ", "Tổ chức đảng"). A record's unit
is its party organisation, in a register and a roster alike (a roster's unit is the one the member is assigned to:
'Chi bộ phụ trách' over 'Đơn vị'), so the party column is the unit, wherever it stands; the other column is left
unread, and named as unused when it holds data. Only the generic word gives way: a code ('Mã chi bộ') never takes a
name's place (``importers.mapping``), and a place named by what the member does there ('Đơn vị đến dự', the chi bộ
attended) keeps its column.

The header alone does not settle it when the party column names no organisation: a "Chi bộ" column of numbers or
ticks ("x") beside an "Đơn vị" column of names is read the other way round, the generic column as the unit, with a
warning naming both (an empty one, without). When both hold party organisations' names and they differ in some
row ("Đơn vị" «Chi bộ Thôn 1», "Chi bộ" «Chi bộ Thôn 2»), the party column is read and the rows that differ are
named in a warning."""

import re

from .mapping import match_field
from .normalising import fold, is_blank
from .party_headers import party_over_place
from .unit_kind_headers import opens_with_organisation

UNIT = "unit"
_LETTERS = re.compile(r"[^\W\d_]{2}")
SHOWN = 3

NO_NAMES = ("cột {party} «{party_header}» không ghi tên tổ chức đảng ({cells}) nên chi bộ được đọc ở cột {place} "
            "«{place_header}» — xin kiểm tra cột nào là chi bộ của từng dòng")
DIFFER = ("cột {party} «{party_header}» và cột {place} «{place_header}» ghi tên tổ chức đảng khác nhau ở {count} "
          "dòng ({cells}); chi bộ được đọc ở cột {party} — xin kiểm tra")


def _cells(grid, table, index: int) -> list[tuple[int, object]]:
    end = min(table.body_end, grid.shape[0])
    return [(row, grid[row, index]) for row in range(table.body_start, end) if not is_blank(grid[row, index])]


def _is_name(value) -> bool:
    """A cell naming something: text with a word in it, no number or tick mark ('x', 'v')."""
    return isinstance(value, str) and bool(_LETTERS.search(value)) and fold(value).strip() not in ("co", "khong")


def _shown(letter: str, cells: list[tuple[int, object]]) -> str:
    return ", ".join(f"{letter}{row + 1} «{value}»" for row, value in cells[:SHOWN]) + ("…" if len(cells) > SHOWN
                                                                                         else "")


def _passed_over(columns, party, specs) -> object | None:
    """The generic unit column the party column was preferred to, if any."""
    return next((column for column in columns if column.field is None and not column.month and column.header
                 and column.index != party.index and match_field(column.header, specs) == UNIT
                 and party_over_place(party.header, column.header)), None)


def settle_party_column(grid, table, columns, specs, issues) -> None:
    """Check the party column chosen by its header against its cells (module docstring)."""
    if any(column.confirmed for column in columns):
        return
    party = next((column for column in columns if column.field == UNIT and not column.month), None)
    place = _passed_over(columns, party, specs) if party is not None and party.index < grid.shape[1] else None
    if place is None or place.index >= grid.shape[1]:
        return
    party_cells, place_cells = _cells(grid, table, party.index), _cells(grid, table, place.index)
    names = [cell for cell in party_cells if _is_name(cell[1])]
    words = {"party": party.letter, "party_header": party.header, "place": place.letter,
             "place_header": place.header}
    if len(names) * 2 <= len(party_cells) and any(_is_name(value) for _, value in place_cells):
        party.field, place.field = None, UNIT
        if not party_cells:
            return  # an empty party column says nothing: the generic column is the unit, as it would be alone
        others = [cell for cell in party_cells if not _is_name(cell[1])] or party_cells
        issues.warning(None, party.letter, UNIT, None, NO_NAMES.format(**words, cells=_shown(party.letter, others)))
        return
    by_row = dict(party_cells)
    differ = [(row, value) for row, value in place_cells if opens_with_organisation(value)
              and opens_with_organisation(by_row.get(row)) and fold(value).strip() != fold(by_row[row]).strip()]
    if differ:
        issues.warning(differ[0][0] + 1, place.letter, UNIT, differ[0][1],
                       DIFFER.format(**words, count=len(differ), cells=_shown(place.letter, differ)))
