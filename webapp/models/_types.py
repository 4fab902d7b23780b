"""Column helpers shared by the models."""
import enum

from sqlalchemy import Enum as SAEnum


def str_enum(enum_cls: type[enum.Enum], name: str) -> SAEnum:
    """A portable enum column stored as its string value (VARCHAR + CHECK, no native PG enum)."""
    return SAEnum(
        enum_cls, name=name, native_enum=False, create_constraint=True, length=32,
        values_callable=lambda e: [m.value for m in e], validate_strings=True,
    )
