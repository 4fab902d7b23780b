from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..formbase import AppForm


class LoginForm(AppForm):
    username = StringField(_l("Tên đăng nhập"), validators=[DataRequired(_l("Hãy nhập tên đăng nhập.")), Length(max=80)])
    password = PasswordField(_l("Mật khẩu"), validators=[DataRequired(_l("Hãy nhập mật khẩu."))])
