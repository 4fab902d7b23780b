"""Task forms."""

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..clock import local_today
from ..feedback.forms import InChoices, optional_id
from ..formbase import AppForm
from ..formfields import VnDateField, VnIntegerField
from ..lengths import fits
from ..models import Task
from ..models.tasks import TASK_SOURCE_KINDS
from .sources import SOURCE_LABELS, source_exists

OWNER_KINDS = [("group", _l("Đoàn công tác")), ("person", _l("Cá nhân")), ("unit", _l("Tổ chức đảng"))]


class TaskForm(AppForm):
    title = StringField(_l("Nhiệm vụ"), validators=[DataRequired(_l("Hãy nhập nội dung nhiệm vụ.")),
                                                    fits(Task.title)])
    description = TextAreaField(_l("Mô tả"), validators=[Optional(), Length(max=10000)])
    owner_kind = RadioField(
        _l("Giao cho"),
        choices=[SelectChoice(v, lbl) for v, lbl in OWNER_KINDS],
        default="group",
        validate_choice=False,
        validators=[InputRequired(_l("Hãy chọn loại đơn vị thực hiện."))],
    )
    owner_group_id = SelectField(
        _l("Đoàn công tác"), coerce=optional_id, validate_choice=False, validators=[InChoices()]
    )
    owner_person_id = SelectField(_l("Cá nhân"), coerce=optional_id, validate_choice=False, validators=[InChoices()])
    owner_unit_id = SelectField(_l("Tổ chức đảng"), coerce=optional_id, validate_choice=False, validators=[InChoices()])
    deadline = VnDateField(_l("Thời hạn"), validators=[InputRequired(_l("Hãy nhập thời hạn."))])
    source_kind = SelectField(
        _l("Nguồn"),
        validate_choice=False,
        choices=[SelectChoice("", "—")] + [SelectChoice(k, SOURCE_LABELS[k]) for k in TASK_SOURCE_KINDS],
    )
    source_id = VnIntegerField(_l("Mã nguồn"), validators=[Optional()])

    def validate_owner_kind(self, field):
        if field.data not in dict(OWNER_KINDS):
            raise ValidationError(_l("Hãy chọn loại đơn vị thực hiện."))
        chosen = getattr(self, f"owner_{field.data}_id")
        if not chosen.data:
            chosen.errors = list(chosen.errors) + [str(_l("Hãy chọn đơn vị thực hiện nhiệm vụ."))]
            raise ValidationError(_l("Hãy chọn đơn vị thực hiện nhiệm vụ."))

    def validate_source_kind(self, field):
        if field.data and field.data not in TASK_SOURCE_KINDS:
            raise ValidationError(_l("Nguồn không hợp lệ."))

    def validate_source_id(self, field):
        if self.source_kind.data and not source_exists(self.source_kind.data, field.data):
            raise ValidationError(_l("Không tìm thấy bản ghi nguồn với mã này."))

    def owner_ids(self) -> dict:
        """Only the chosen owner's id; the other two stay empty."""
        return {kind: getattr(self, f"owner_{kind}_id").data if kind == self.owner_kind.data else None
                for kind, _label in OWNER_KINDS}


class StatusForm(AppForm):
    status = SelectField(_l("Trạng thái"), validate_choice=False, validators=[DataRequired()])


class NoteForm(AppForm):
    noted_on = VnDateField(_l("Ngày"), validators=[InputRequired(_l("Hãy nhập ngày."))], default=local_today)
    text = TextAreaField(_l("Tiến độ, kết quả"), validators=[DataRequired(_l("Hãy nhập nội dung tiến độ.")),
                                                             Length(max=5000, message=_l("Tối đa 5.000 ký tự."))])
