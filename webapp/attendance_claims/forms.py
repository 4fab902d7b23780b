"""Forms of self-declared attendance: a short note with the declaration, a reason with a rejection."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..formbase import AppForm


class DeclareForm(AppForm):
    note = TextAreaField(_l("Ghi chú (không bắt buộc)"), validators=[
        Optional(), Length(max=300, message=_l("Tối đa 300 ký tự."))])


class RejectForm(AppForm):
    reason = StringField(_l("Lý do không xác nhận"), validators=[
        DataRequired(_l("Hãy ghi lý do không xác nhận.")), Length(max=300, message=_l("Tối đa 300 ký tự."))])
