"""Forms of the personal-data page: record a request, answer it, confirm an erasure."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..formbase import AppForm
from ..formfields import EnumSelectField, VnDateField, enum_choices
from ..lengths import fits
from ..models import DataRequestKind, PersonalDataRequest


class RequestForm(AppForm):
    kind = EnumSelectField(_l("Yêu cầu"), enum=DataRequestKind,
                           choices=lambda: enum_choices(DataRequestKind),
                           validators=[InputRequired(_l("Hãy chọn loại yêu cầu."))])
    received_on = VnDateField(_l("Ngày nhận"), validators=[DataRequired(_l("Hãy nhập ngày nhận yêu cầu."))])
    requested_by = StringField(_l("Người yêu cầu"), validators=[DataRequired(_l("Hãy ghi ai gửi yêu cầu.")),
                                                                   fits(PersonalDataRequest.requested_by)])
    details = TextAreaField(_l("Nội dung yêu cầu"), validators=[Optional(), Length(max=4000)])


class AnswerForm(AppForm):
    answered_on = VnDateField(_l("Ngày trả lời"), validators=[DataRequired(_l("Hãy nhập ngày trả lời."))])
    answer = TextAreaField(_l("Trả lời"), validators=[DataRequired(_l("Hãy ghi nội dung trả lời.")),
                                                       Length(max=4000)])


class EraseForm(AppForm):
    confirm = BooleanField(_l("Tôi đã kiểm tra: xóa thông tin cá nhân của người này"),
                           validators=[DataRequired(_l("Hãy đánh dấu xác nhận trước khi xóa."))])
