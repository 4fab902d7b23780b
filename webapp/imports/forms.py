"""Forms of the import pages (Flask-WTF: CSRF on every POST)."""
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, HiddenField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, Regexp

from ..formbase import AppForm
from ..formfields import VnDateField

KIND_CHOICES = [SelectChoice("", _l("Tự nhận biết")), SelectChoice("roster", _l("Danh sách đoàn công tác")),
                SelectChoice("attendance", _l("Điểm danh sinh hoạt")),
                SelectChoice("targets", _l("Chỉ tiêu phát triển"))]


class UploadForm(AppForm):
    file = FileField(_l("Tệp bảng tính (.xlsx, .xls, .ods, .csv)"), validators=[FileRequired(_l("Hãy chọn tệp."))])
    kind = SelectField(_l("Loại dữ liệu"), choices=KIND_CHOICES, validators=[Optional()])


class SettingsForm(AppForm):
    kind = SelectField(_l("Loại dữ liệu"), choices=KIND_CHOICES[1:])
    sheet = SelectField(_l("Trang tính"), choices=[], validate_choice=False)


class CellForm(AppForm):
    ref = HiddenField(validators=[DataRequired(), Regexp(r"^[A-Z]{1,3}[1-9][0-9]{0,6}$")])
    value = StringField(_l("Giá trị mới"), validators=[Length(max=500)])


class OptionsForm(AppForm):
    start_date = VnDateField(_l("Ngày bắt đầu hiệu lực (thành viên, phân công)"),
                             validators=[DataRequired(_l("Hãy nhập ngày bắt đầu hiệu lực."))])
    create_units = BooleanField(_l("Tạo các đơn vị chưa có"))
    unit_parent_id = SelectField(_l("… đặt dưới đơn vị"), coerce=int, choices=[], validators=[Optional()])
    create_persons = BooleanField(_l("Tạo người chưa có trong danh bạ"))
    default_unit_id = SelectField(_l("Chi bộ cho các dòng không ghi chi bộ"), coerce=int, choices=[],
                                  validators=[Optional()])


class UndoForm(AppForm):
    force = BooleanField(_l("Tôi hiểu: hoàn tác cả những bản ghi đã được sửa sau khi nhập"))
