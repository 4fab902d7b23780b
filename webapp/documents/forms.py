"""The document upload form."""
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..formbase import AppForm
from ..formfields import IdSelectField, VnDateField


class DocumentForm(AppForm):
    number = StringField(_l("Số, ký hiệu"), validators=[Optional(), Length(max=80)])
    title = StringField(_l("Trích yếu / tên văn bản"), validators=[DataRequired(_l("Hãy nhập tên văn bản.")), Length(max=300)])
    issued_on = VnDateField(_l("Ngày ban hành"), validators=[Optional()])
    term_id = IdSelectField(_l("Nhiệm kỳ"))
    summary = TextAreaField(_l("Tóm tắt"), validators=[Optional(), Length(max=4000)])
    file = FileField(_l("Tệp đính kèm"))
