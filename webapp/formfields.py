"""Form fields whose conversion errors are Vietnamese."""
from datetime import datetime

from flask_babel import lazy_gettext as _l
from wtforms import DateField, FloatField, IntegerField, SelectField, TimeField
from wtforms.validators import StopValidation

from importers.normalising import parse_number_text

from .dates import parse_day
from .models.labels import LABELS


class _TypedText:
    """A field read from typed text: blank is None; `convert(text)` returns the value or raises ValueError with a
    Vietnamese message. When the text cannot be read, that is the one error shown: the validators (which would
    say 'required' or 'out of range' about the missing value, DataRequired even replacing the message) do not run."""

    def convert(self, text: str):
        raise NotImplementedError

    def process_formdata(self, valuelist):
        text = str(valuelist[0]).strip() if valuelist else ""
        self.data = None
        if text:
            self.data = self.convert(text)

    def pre_validate(self, form):
        if self.process_errors:
            raise StopValidation()
        super().pre_validate(form)


def _time_of(text: str):
    return datetime.strptime(text[:5], "%H:%M").time()


YEARS = (1900, 2100)  # the dates a form takes: a period or a deadline computed from one stays a date


class VnDateField(_TypedText, DateField):
    """A date input (yyyy-mm-dd from the browser, dd/mm/yyyy typed by hand) with a Vietnamese error; a year out of
    `YEARS` is refused (9999-12-31 plus a day is no date, a 500 where a service reckons from it)."""

    def convert(self, text: str):
        day = parse_day(text)
        if day is None:
            raise ValueError(str(_l("Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm.")))
        if not YEARS[0] <= day.year <= YEARS[1]:
            raise ValueError(str(_l("Năm phải trong khoảng %(low)s–%(high)s.", low=YEARS[0], high=YEARS[1])))
        return day


class VnTimeField(_TypedText, TimeField):
    """A time input (hh:mm) with a Vietnamese error. Models keep times as "HH:MM" text, which the field also takes
    as its object data."""

    def process_data(self, value):
        if isinstance(value, str):
            try:
                value = _time_of(value)
            except ValueError:
                value = None
        super().process_data(value)

    def convert(self, text: str):
        try:
            return _time_of(text)
        except ValueError as exc:
            raise ValueError(str(_l("Giờ không hợp lệ (dạng giờ:phút, ví dụ 07:30)."))) from exc


DB_INT_MAX = 2**31 - 1  # the INTEGER columns of PostgreSQL (SQLite's are wider)


class VnIntegerField(_TypedText, IntegerField):
    """A whole-number input with a Vietnamese error; beyond what the database stores is an error."""

    def convert(self, text: str):
        try:
            number = int(text)
        except ValueError as exc:
            raise ValueError(str(_l("Hãy nhập một số nguyên."))) from exc
        if abs(number) > DB_INT_MAX:
            raise ValueError(str(_l("Số quá lớn.")))
        return number


class VnFloatField(_TypedText, FloatField):
    """A number input with a Vietnamese error. Browsers send "12.5"; typed Vietnamese forms ("12,5", "1.250,5")
    are read too."""

    def convert(self, text: str):
        try:
            number = float(text)
        except ValueError:
            number = parse_number_text(text)
        if number is None or number != number or number in (float("inf"), float("-inf")):
            raise ValueError(str(_l("Hãy nhập một số (ví dụ 12,5).")))
        return number


def bounded_int(value) -> int:
    """A whole number from a query argument (`request.args.get(name, type=bounded_int)`), refused (so the
    default is used) when it is not one or lies beyond what the database stores."""
    number = int(value)
    if abs(number) > DB_INT_MAX:
        raise ValueError(value)
    return number


def is_db_id(text) -> bool:
    """Whether a text is a possible row id (digits, within the database's INTEGER)."""
    return str(text).isdigit() and 0 < int(text) <= DB_INT_MAX


def optional_id(value):
    """An id from a select: None when blank; a ValueError (an invalid choice) when it is no possible id."""
    if value in (None, "", "None"):
        return None
    if not is_db_id(value):
        raise ValueError(value)
    return int(value)


class IdSelectField(SelectField):
    """A select of database ids (blank allowed as None) with Vietnamese errors."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("coerce", optional_id)
        kwargs.setdefault("validate_choice", False)  # ids are looked up (and scoped) by the view
        kwargs.setdefault("invalid_choice_message", _l("Lựa chọn không hợp lệ."))
        kwargs.setdefault("invalid_value_message", _l("Lựa chọn không hợp lệ."))
        super().__init__(label, validators, **kwargs)


def enum_choices(enum_cls, blank: str | None = None, members=None) -> list[tuple[str, str]]:
    """Select options of an enum's values (all, or `members`), labelled from `models.labels` in the UI language;
    `blank` first when given."""
    labels = LABELS[enum_cls]
    choices = [(member.value, str(labels[member])) for member in (enum_cls if members is None else members)]
    return ([("", blank)] if blank is not None else []) + choices


class EnumSelectField(SelectField):
    """A select of an enum's values with Vietnamese errors."""

    def __init__(self, label=None, validators=None, enum=None, **kwargs):
        kwargs.setdefault("coerce", lambda value: value if value is None or isinstance(value, enum) else enum(value))
        kwargs.setdefault("invalid_choice_message", _l("Lựa chọn không hợp lệ."))
        kwargs.setdefault("invalid_value_message", _l("Lựa chọn không hợp lệ."))
        super().__init__(label, validators, **kwargs)
