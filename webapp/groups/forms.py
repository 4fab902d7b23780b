"""Forms of the groups area: terms, groups, and the inline membership and assignment forms."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ..clock import local_today
from ..formbase import AppForm
from ..formfields import EnumSelectField, IdSelectField, VnDateField, VnIntegerField, enum_choices
from ..lengths import fits
from ..models import MemberRole, Term, WorkingGroup


def _today():
    return local_today()


def role_choices():
    """Select options of the member roles, labelled in the UI language."""
    return enum_choices(MemberRole)


class TermForm(AppForm):
    name = StringField(_l("Tên nhiệm kỳ"), validators=[DataRequired(_l("Hãy nhập tên nhiệm kỳ.")), fits(Term.name)])
    start_date = VnDateField(_l("Từ ngày"), validators=[InputRequired(_l("Hãy nhập ngày bắt đầu."))])
    end_date = VnDateField(_l("Đến ngày"), validators=[InputRequired(_l("Hãy nhập ngày kết thúc."))])
    is_current = BooleanField(_l("Nhiệm kỳ hiện tại"))


class GroupForm(AppForm):
    number = VnIntegerField(_l("Số đoàn"), validators=[
        InputRequired(_l("Hãy nhập số đoàn.")), NumberRange(1, 999, _l("Số đoàn từ 1 đến 999."))])
    name = StringField(_l("Tên đoàn"), validators=[DataRequired(_l("Hãy nhập tên đoàn.")), fits(WorkingGroup.name)])
    term_id = IdSelectField(_l("Nhiệm kỳ"), validators=[InputRequired(_l("Hãy chọn nhiệm kỳ."))])
    owner_unit_id = IdSelectField(_l("Cấp ủy quản lý"), validators=[InputRequired(_l("Hãy chọn cấp ủy quản lý."))])
    notes = TextAreaField(_l("Ghi chú"), validators=[Optional(), Length(max=4000)])
    works_with_group_id = IdSelectField(_l("Phối hợp với đoàn cấp trên"), validators=[Optional()])


class AddMemberForm(AppForm):
    person_id = IdSelectField(_l("Cá nhân"), validators=[InputRequired(_l("Hãy chọn một cá nhân."))])
    role = EnumSelectField(_l("Vai trò"), enum=MemberRole, choices=role_choices, default=MemberRole.MEMBER.value,
                           validators=[InputRequired(_l("Hãy chọn vai trò."))])
    start_date = VnDateField(_l("Từ ngày"), default=_today, validators=[InputRequired(_l("Hãy nhập ngày bắt đầu."))])
    responsibilities = TextAreaField(_l("Nhiệm vụ được phân công"), validators=[Optional(), Length(max=2000)])


class EditMembershipForm(AppForm):
    role = EnumSelectField(_l("Vai trò"), enum=MemberRole, choices=role_choices,
                           validators=[InputRequired(_l("Hãy chọn vai trò."))])
    on_date = VnDateField(_l("Áp dụng từ ngày (khi đổi vai trò)"), default=_today,
                          validators=[InputRequired(_l("Hãy nhập ngày áp dụng."))])
    responsibilities = TextAreaField(_l("Nhiệm vụ được phân công"), validators=[Optional(), Length(max=2000)])


class EndForm(AppForm):
    """Stop a membership or an assignment from a day: from that day on the row is no longer current."""
    on_date = VnDateField(_l("Thôi từ ngày"), default=_today, validators=[InputRequired(_l("Hãy nhập ngày thôi."))])


class AssignForm(AppForm):
    unit_id = IdSelectField(_l("Đơn vị theo dõi"), validators=[InputRequired(_l("Hãy chọn đơn vị."))])
    start_date = VnDateField(_l("Từ ngày"), default=_today, validators=[InputRequired(_l("Hãy nhập ngày bắt đầu."))])


class ChangeUnitForm(AppForm):
    unit_id = IdSelectField(_l("Đơn vị mới"), validators=[InputRequired(_l("Hãy chọn đơn vị."))])
    on_date = VnDateField(
        _l("Áp dụng từ ngày"), default=_today, validators=[InputRequired(_l("Hãy nhập ngày áp dụng."))]
    )
