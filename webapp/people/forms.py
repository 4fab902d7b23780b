"""The person form."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from ..formbase import AppForm
from ..formfields import IdSelectField, VnDateField
from ..lengths import fits
from ..models import Person


class PersonForm(AppForm):
    full_name = StringField(_l("Họ và tên"), validators=[DataRequired(_l("Hãy nhập họ và tên.")),
                                                             fits(Person.full_name)])
    birth_date = VnDateField(_l("Ngày sinh"), validators=[Optional()])
    position = StringField(_l("Chức vụ"), validators=[Optional(), fits(Person.position)])
    phone = StringField(_l("Điện thoại"), validators=[
        Optional(), Regexp(r"^\+?[0-9 .\-]{9,15}$", message=_l("Số điện thoại chỉ gồm chữ số (9–11 số)."))])
    email = StringField(
        _l("Thư điện tử"),
        validators=[
            Optional(),
            fits(Person.email),
            Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Địa chỉ thư điện tử không hợp lệ.")),
        ],
    )
    home_unit_id = IdSelectField(_l("Sinh hoạt tại (đơn vị)"))
    is_council_delegate = BooleanField(_l("Đại biểu HĐND"))
    notes = TextAreaField(_l("Ghi chú"), validators=[Optional(), Length(max=4000)])
