"""How the audit log shows an entry's before/after values, and to whom.

A reader is shown only what they may read: the log keeps the rows' restricted text too (a complaint's content, a
visit's findings, a task's title copied from them), so those columns are blanked unless the one reader
(`restricted`) lets this user read the record's text; admins read everything (`shown_values`). A value is shown as
the row's page would show it: an enum column's value by its label, dates and timestamps as pages show them, a JSON
column's structure as JSON (`audited_value`)."""
import json
from functools import cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import Enum as SAEnum

from ..extensions import db
from ..models import AuditLog, FeedbackItem, FieldVisit, Task
from ..restricted import CONTENT_ROLES, can_see_content, can_see_task_text, can_see_visit_text
from ..template_helpers import label, stored_value

WITHHELD = _l("(Nội dung hạn chế)")
# table -> (its restricted text columns, the model whose reader decides, the column naming that record or None for
# the row itself)
TEXT_COLUMNS = {
    "feedback_item": ({"content", "citizen_ref", "answer", "forwarded_to"}, FeedbackItem, None),
    "feedback_event": ({"note"}, FeedbackItem, "item_id"),
    "attachment": ({"file_name"}, FeedbackItem, "feedback_item_id"),
    "field_visit": ({"findings", "difficulties", "met_with"}, FieldVisit, None),
    "task": ({"title", "description"}, Task, None),
}
READERS = {FeedbackItem: can_see_content, FieldVisit: can_see_visit_text, Task: can_see_task_text}


def _may_see(user, entry: AuditLog, columns: set[str], model, owner_key: str | None) -> bool:
    values = {**(entry.before or {}), **(entry.after or {})}
    if not columns & values.keys():
        return True
    record_id = entry.row_id if owner_key is None else values.get(owner_key)
    if record_id is None:
        return owner_key is not None  # an attachment of a report, not of a complaint
    record = db.session.get(model, record_id)
    if record is None:  # deleted since: only those who read every restricted text
        return user.role in CONTENT_ROLES
    return READERS[model](user, record)


def shown_values(user, entry: AuditLog) -> tuple[dict, dict]:
    """The entry's (before, after) as `user` may read them."""
    before, after = entry.before or {}, entry.after or {}
    if entry.table_name not in TEXT_COLUMNS or user.role in CONTENT_ROLES:
        return before, after
    columns, model, owner_key = TEXT_COLUMNS[entry.table_name]
    if _may_see(user, entry, columns, model, owner_key):
        return before, after

    def blank(values: dict) -> dict:
        return {k: (str(WITHHELD) if k in columns and v is not None else v) for k, v in values.items()}

    return blank(before), blank(after)


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
