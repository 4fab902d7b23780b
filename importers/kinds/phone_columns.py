"""A roster with a landline column beside the mobile one ('ĐT cơ quan' | 'Di động', or 'Điện thoại' over 'CQ | NR |
DĐ'): the phone is the mobile (`importers.phone_lines`), whichever column comes first, and the landline columns are
known and left unread ('landline', no unused-column warning). A plain phone column beside the one named for the
mobile ('Điện thoại' | 'ĐTDĐ') is a landline when it holds landline numbers; holding mobiles (or 'Zalo') it is left
unused, with the usual warning, as which number is the member's is unsaid. A roster whose only phone column is a
landline reads it as the phone; a second landline column is then left with the usual unused-column warning."""

from typing import Any

from ..column_types import filled_count, share
from ..mapping import match_field
from ..normalising import fold, normalise_phone
from ..phone_lines import LANDLINE, LANDLINE_NOUNS, MOBILE, line_of_label, line_of_number
from ..results import Column
from .contact_phones import MIN_PHONES, PHONE_SHARE, is_bare_phone
from .roster import FIELDS
from .roster_stage import RosterStage


def read_phone_columns(stage: RosterStage) -> None:
    """Make the mobile column the phone and mark the landline columns as such (see the module docstring)."""
    if any(column.confirmed for column in stage.columns):
        return  # the officer's mapping stands
    usable = [column for column in stage.columns if not column.month and column.index in stage.frame.columns]
    phones = [column for column in usable if column.field == "phone"
              or (column.field is None and match_field(column.header or "", FIELDS) == "phone")]
    landlines = [column for column in usable if column.field == "landline"
                 or (column.field is None and _bare_landline(stage, column))]
    mobiles = [column for column in phones if line_of_label(fold(column.header)) == MOBILE]
    others = [column for column in phones if column not in mobiles]
    if len(mobiles) == 1 and others and all(_holds_landlines(stage, column) for column in others):
        for column in others:
            column.field = None
        mobiles[0].field = "phone"
        landlines += others
    if stage.mapped("phone") is None and landlines:
        for column in landlines[1:]:
            column.field = None
        landlines[0].field = "phone"
        return
    for column in landlines:
        column.field = "landline"


def _bare_landline(stage: RosterStage, column: Column) -> bool:
    """A column headed by a landline's noun alone ('Cơ quan', 'NR', 'Nhà riêng'): under a phone header, or over
    phone numbers."""
    if fold(column.header) not in LANDLINE_NOUNS:
        return False
    if match_field(stage.parent(column), FIELDS) == "phone":
        return True
    values = stage.frame[column.index]
    return filled_count(values) >= MIN_PHONES and share(values, is_bare_phone) >= PHONE_SHARE


def _holds_landlines(stage: RosterStage, column: Column) -> bool:
    """A phone column named for a landline ('Điện thoại (CQ)'), or holding landline numbers ('Điện thoại' beside
    'ĐTDĐ'): one holding mobiles or anything else ('Zalo') is no landline to leave unread."""
    if line_of_label(fold(column.header)) == LANDLINE:
        return True
    values = stage.frame[column.index]
    return filled_count(values) >= MIN_PHONES and share(values, _landline_number) >= PHONE_SHARE


def _landline_number(value: Any) -> bool:
    return line_of_number(normalise_phone(value)[0]) == LANDLINE
