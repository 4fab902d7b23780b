"""The form that brings a signed PDF back to its number in the register."""
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField

from ..formbase import AppForm


class SignedCopyForm(AppForm):
    file = FileField(_l("Tệp PDF đã ký số"), validators=[FileRequired(_l("Hãy chọn tệp PDF đã ký số."))])
    replace = BooleanField(_l("Thay bản ký số đã có bằng tệp này (bản cũ vẫn được lưu)"))
