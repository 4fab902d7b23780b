"""Group columns of several fields each: under every "ĐOÀN CÔNG TÁC SỐ N" title a row of field headers ("Họ và
tên" | "Chức vụ" [| "Số điện thoại"]) splits the group into a pair or triple of columns, and a person's row holds
the name, position and phone in those columns instead of one "Name - Position" cell. The field row (and the same
row repeated further down) is a header, never a person; a position or phone with no name beside it is warned about
and not read."""

from typing import Any

from ..legacy import decode_legacy
from ..mapping import match_field
from ..normalising import clean_text, is_blank
from . import roster

GroupFields = dict[int, dict[str, int]]  # group column → {field: column}
NAMELESS = ("«{value}» ở đoàn «{group}» không có họ tên bên cạnh (cột {name}) — không nhập; hãy ghi họ tên người "
            "này hoặc xoá ô")
EXTRA_LABELS = {"birth_date": "Ngày sinh", "phone": "Số điện thoại"}  # the fields carried besides name and position


def _field(cell: Any) -> str | None:
    text = clean_text(decode_legacy(cell)) if isinstance(cell, str) else None
    return match_field(text, roster.FIELDS) if text else None


def field_row(row: list[Any], groups: list[int]) -> GroupFields | None:
    """{group column: {field: column}} when `row` heads every group's columns with field names, a name among them
    (a group spans from its title's column to the next group's), else None."""
    found: GroupFields = {}
    for index, start in enumerate(groups):
        stop = groups[index + 1] if index + 1 < len(groups) else len(row)
        fields: dict[str, int] = {}
        for column in range(start, min(stop, len(row))):
            name = _field(row[column])
            if name is None:
                break
            fields.setdefault(name, column)
        if "full_name" not in fields or len(fields) < 2:
            return None
        found[start] = fields
    return found


def is_field_row(row: list[Any], fields: GroupFields) -> bool:
    """A row repeating the field headers under the groups (a header copied down a block)."""
    return any(_field(_cell(row, spans["full_name"])) == "full_name" for spans in fields.values())


def extra_fields(fields: GroupFields) -> list[str]:
    """The fields read besides the name, position and role, in the first group's order."""
    first = fields[min(fields)]
    return [name for name in sorted(first, key=first.get) if name in EXTRA_LABELS]


def group_people(row: list[Any], spans: dict[str, int], extras: list[str]) -> list[tuple[str, Any, Any, list[Any]]]:
    """(name, position, role typed in the group's own role column or None, [extra values]) of the person a
    group's columns hold on this row, if any."""
    name = clean_text(_cell(row, spans["full_name"]))
    if not name:
        return []
    position, role = (_cell(row, spans[field]) if field in spans else None for field in ("position", "role"))
    return [(name, None if is_blank(position) else position, None if is_blank(role) else role,
             [_cell(row, spans[field]) if field in spans else None for field in extras])]


def nameless_cell(row: list[Any], spans: dict[str, int]) -> tuple[int, Any] | None:
    """(column, value) of a filled cell of a group's columns on a row whose name cell is blank: a person's fields
    without the person, which no record may take."""
    if clean_text(_cell(row, spans["full_name"])):
        return None
    return next(((column, _cell(row, column)) for column in sorted(spans.values())
                 if not is_blank(_cell(row, column))), None)


def group_unit(row: list[Any], start: int, stop: int) -> Any:
    """The first filled cell of a group's columns in the units' row (a merged cell keeps its text in the first)."""
    return next((row[column] for column in range(start, min(stop, len(row))) if not is_blank(row[column])), None)


def _cell(row: list[Any], column: int) -> Any:
    return row[column] if column < len(row) else None
