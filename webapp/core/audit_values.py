"""How the audit log shows a stored value: an enum column's value by its label, dates and timestamps as pages
show them, a JSON column's structure as JSON (the page shows it as code), anything else as stored."""
import json
from functools import cache

from sqlalchemy import Enum as SAEnum

from ..extensions import db
from ..template_helpers import label, stored_value


@cache
def _enum_columns() -> dict[tuple[str, str], type]:
    """(table name, attribute) → the enum class of every enum column of the models."""
    found = {}
    for mapper in db.Model.registry.mappers:
        for attr in mapper.column_attrs:
            column_type = attr.columns[0].type
            if isinstance(column_type, SAEnum) and column_type.enum_class is not None:
                found[(mapper.local_table.name, attr.key)] = column_type.enum_class
    return found


def audited_value(table: str, key: str, value):
    """A value of an entry's before/after, as the row's page would show it."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    enum_cls = _enum_columns().get((table, key))
    if enum_cls is not None and value in enum_cls._value2member_map_:
        return label(enum_cls(value))
    return stored_value(value)
