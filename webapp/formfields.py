"""Form fields whose conversion errors are Vietnamese, and the rule-violation error shared by services."""
from datetime import datetime

from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, SelectField, TimeField


class RuleViolation(ValueError):
    """A business rule the requested change breaks, reported next to the form field named `field`."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def show_violation(form, violation: RuleViolation) -> None:
    """Put a service's rule violation next to its field on the form."""
    form[violation.field].errors = [*form[violation.field].errors, violation.message]


class VnDateField(DateField):
    """A date input (yyyy-mm-dd from the browser, dd/mm/yyyy typed by hand) with a Vietnamese error; blank is None."""

    def process_formdata(self, valuelist):
        text = str(valuelist[0]).strip() if valuelist else ""
        self.data = None
        if not text:
            return
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                self.data = datetime.strptime(text, pattern).date()
                return
            except ValueError:
                continue
        raise ValueError(str(_l("Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm.")))


class VnTimeField(TimeField):
    """A time input (hh:mm) with a Vietnamese error; blank is None."""

    def process_formdata(self, valuelist):
        text = str(valuelist[0]).strip() if valuelist else ""
        self.data = None
        if not text:
            return
        try:
            self.data = datetime.strptime(text[:5], "%H:%M").time()
        except ValueError as exc:
            raise ValueError(str(_l("Giờ không hợp lệ (dạng giờ:phút, ví dụ 07:30)."))) from exc


class VnIntegerField(IntegerField):
    """A whole-number input with a Vietnamese error; blank is None."""

    def process_formdata(self, valuelist):
        text = str(valuelist[0]).strip() if valuelist else ""
        self.data = None
        if not text:
            return
        try:
            self.data = int(text)
        except ValueError as exc:
            raise ValueError(str(_l("Hãy nhập một số nguyên."))) from exc


def _optional_int(value):
    return int(value) if value not in (None, "", "None") else None


class IdSelectField(SelectField):
    """A select of database ids (blank allowed as None) with Vietnamese errors."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("coerce", _optional_int)
        kwargs.setdefault("validate_choice", False)  # ids are looked up (and scoped) by the view
        kwargs.setdefault("invalid_choice_message", _l("Lựa chọn không hợp lệ."))
        kwargs.setdefault("invalid_value_message", _l("Lựa chọn không hợp lệ."))
        super().__init__(label, validators, **kwargs)


class EnumSelectField(SelectField):
    """A select of an enum's values with Vietnamese errors."""

    def __init__(self, label=None, validators=None, enum=None, **kwargs):
        kwargs.setdefault("coerce", lambda value: value if value is None or isinstance(value, enum) else enum(value))
        kwargs.setdefault("invalid_choice_message", _l("Lựa chọn không hợp lệ."))
        kwargs.setdefault("invalid_value_message", _l("Lựa chọn không hợp lệ."))
        super().__init__(label, validators, **kwargs)
