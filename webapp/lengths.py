"""How long a typed or imported text may be: read from the database columns themselves, so the forms, the
importer and the schema cannot disagree."""
from wtforms.validators import Length

from .models import Attendance, Person, TargetIndicator, Unit


def column_length(column) -> int:
    """The declared length of a String column (an ORM attribute such as Person.full_name)."""
    return column.property.columns[0].type.length


def fits(column) -> Length:
    """The validator of a form field stored in `column` (an ORM attribute): at most the column's length, refused
    with WTForms' message (Vietnamese through `formbase`) next to the field."""
    return Length(max=column_length(column))


# Import field → the column its text is stored in.
FIELD_COLUMNS = {"full_name": Person.full_name, "position": Person.position, "unit": Unit.name,
                 "note": Attendance.reason, "indicator": TargetIndicator.name,
                 "measure_unit": TargetIndicator.measure_unit}
FIELD_LENGTHS = {field: column_length(column) for field, column in FIELD_COLUMNS.items()}
