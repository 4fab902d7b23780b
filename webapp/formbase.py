"""The base of every form: Flask-WTF (CSRF on every POST) with WTForms' built-in messages in the user's
language. WTForms ships no Vietnamese catalogue, so the messages our fields can show are translated here."""
from flask import has_request_context
from flask_babel import get_locale
from flask_wtf import FlaskForm

WTFORMS_VI = {
    "This field is required.": "Trường này là bắt buộc.",
    "Not a valid choice.": "Lựa chọn không hợp lệ.",
    "Invalid Choice: could not coerce.": "Lựa chọn không hợp lệ.",
    "Choices cannot be None.": "Lựa chọn không hợp lệ.",
    "'%(value)s' is not a valid choice for this field.": "'%(value)s' không phải là lựa chọn hợp lệ.",
    "'%(value)s' are not valid choices for this field.": "'%(value)s' không phải là lựa chọn hợp lệ.",
    "Not a valid integer value.": "Hãy nhập một số nguyên.",
    "Not a valid float value.": "Hãy nhập một số.",
    "Not a valid decimal value.": "Hãy nhập một số.",
    "Not a valid date value.": "Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm.",
    "Not a valid datetime value.": "Ngày giờ không hợp lệ.",
    "Not a valid time value.": "Giờ không hợp lệ (dạng giờ:phút).",
    "Invalid input.": "Giá trị không hợp lệ.",
    "Invalid email address.": "Địa chỉ thư điện tử không hợp lệ.",
    "Field must be at least %(min)d character long.": "Cần ít nhất %(min)d ký tự.",
    "Field cannot be longer than %(max)d character.": "Không được dài quá %(max)d ký tự.",
    "Field must be exactly %(max)d character long.": "Cần đúng %(max)d ký tự.",
    "Field must be between %(min)d and %(max)d characters long.": "Cần từ %(min)d đến %(max)d ký tự.",
    "Number must be at least %(min)s.": "Số phải từ %(min)s trở lên.",
    "Number must be at most %(max)s.": "Số không được lớn hơn %(max)s.",
    "Number must be between %(min)s and %(max)s.": "Số phải trong khoảng %(min)s – %(max)s.",
    "Field must be equal to %(other_name)s.": "Phải trùng với %(other_name)s.",
    "Invalid field name '%s'.": "Trường '%s' không hợp lệ.",
}


def _vietnamese() -> bool:
    return not has_request_context() or str(get_locale() or "vi").startswith("vi")


class _Messages:
    """The translations object WTForms asks for its own messages."""

    def gettext(self, string: str) -> str:
        return WTFORMS_VI.get(string, string) if _vietnamese() else string

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if _vietnamese():
            return WTFORMS_VI.get(singular, singular)  # Vietnamese nouns do not inflect for number
        return singular if n == 1 else plural


MESSAGES = _Messages()


class AppForm(FlaskForm):
    """Every form of the app derives from this one."""

    class Meta(FlaskForm.Meta):
        def get_translations(self, form):
            return MESSAGES
