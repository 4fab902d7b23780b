"""Forms of self-declared attendance: a short note with the declaration, a reason with a rejection."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Optional

from ..formbase import AppForm
from ..lengths import fits
from ..models import AttendanceClaim


class DeclareForm(AppForm):
    note = TextAreaField(_l("Ghi chú (không bắt buộc)"), validators=[
        Optional(), fits(AttendanceClaim.note)])


class RejectForm(AppForm):
    reason = StringField(_l("Lý do không xác nhận"), validators=[
        DataRequired(_l("Hãy ghi lý do không xác nhận.")), fits(AttendanceClaim.reason)])
