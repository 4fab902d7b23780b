"""Forms of the meetings area; every message is Vietnamese and shown next to its field."""
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional, ValidationError

from ..formbase import AppForm
from ..formfields import VnDateField, VnIntegerField, VnTimeField, enum_choices, optional_id
from ..lengths import fits
from ..models import ConclusionPoint, Meeting, MeetingKind, Opinion, OpinionKind, Organiser
from ..unit_labels import unit_label


def _thematic(value) -> bool | None:
    """The select's value as `Meeting.thematic`: "1" thematic, "0" regular, anything else not recorded."""
    return {True: True, "1": True, False: False, "0": False}.get(value)


class MeetingForm(AppForm):
    kind = SelectField(_l("Loại cuộc họp"), validators=[InputRequired(_l("Hãy chọn loại cuộc họp."))])
    organiser = SelectField(_l("Cơ quan tổ chức (hội nghị)"), validators=[Optional()])
    title = StringField(_l("Tên cuộc họp"), validators=[DataRequired(_l("Hãy nhập tên cuộc họp.")),
                                                           fits(Meeting.title)])
    held_on = VnDateField(_l("Ngày họp"), validators=[InputRequired(_l("Hãy nhập ngày họp."))])
    starts_at = VnTimeField(_l("Giờ bắt đầu"), validators=[Optional()])
    ends_at = VnTimeField(_l("Giờ kết thúc"), validators=[Optional()])
    thematic = SelectField(_l("Hình thức sinh hoạt chi bộ"), coerce=_thematic, choices=[
        SelectChoice("", _l("— Chưa ghi —")), SelectChoice("0", _l("Thường kỳ")), SelectChoice("1", _l("Chuyên đề"))])
    members_invited_on = VnDateField(_l("Ngày gửi giấy mời cho đảng viên"), validators=[Optional()])
    documents_sent_on = VnDateField(_l("Ngày gửi tài liệu"), validators=[Optional()])
    place = StringField(_l("Địa điểm"), validators=[fits(Meeting.place)])
    unit_ids = SelectMultipleField(_l("Đơn vị"), coerce=optional_id, validate_choice=False)
    group_id = SelectField(_l("Đoàn công tác"), coerce=optional_id, validate_choice=False)
    chair = StringField(_l("Chủ trì"), validators=[fits(Meeting.chair)])
    agenda = TextAreaField(_l("Nội dung, chương trình"))

    def setup_choices(self, units, groups) -> None:
        """Fill the selects (labels are translated at request time)."""
        self.kind.choices = enum_choices(MeetingKind)
        self.organiser.choices = enum_choices(Organiser, blank="—")
        self.unit_ids.choices = [(u.id, ("· " * max(u.depth - 1, 0)) + unit_label(u)) for u in units]
        self.group_id.choices = [("", "—")] + [(g.id, f"{g.name} ({g.term.name})") for g in groups]
        self._unit_ids = {u.id for u in units}
        self._group_ids = {g.id for g in groups}

    def validate_kind(self, field):
        if field.data not in {k.value for k in MeetingKind}:
            raise ValidationError(_l("Loại cuộc họp không hợp lệ."))

    def validate_organiser(self, field):
        if field.data and field.data not in {o.value for o in Organiser}:
            raise ValidationError(_l("Cơ quan tổ chức không hợp lệ."))

    def validate_unit_ids(self, field):
        if any(unit_id not in self._unit_ids for unit_id in field.data or []):
            raise ValidationError(_l("Có đơn vị không thuộc phạm vi của bạn."))
        if self.kind.data in (MeetingKind.CELL.value, MeetingKind.CONFERENCE.value) and not field.data:
            raise ValidationError(_l("Hãy chọn ít nhất một đơn vị."))

    def validate_ends_at(self, field):
        if field.data and self.starts_at.data and field.data <= self.starts_at.data:
            raise ValidationError(_l("Giờ kết thúc phải sau giờ bắt đầu."))

    def validate_members_invited_on(self, field):
        if field.data and self.held_on.data and field.data > self.held_on.data:
            raise ValidationError(_l("Ngày gửi không thể sau ngày họp."))

    def validate_documents_sent_on(self, field):
        self.validate_members_invited_on(field)

    def validate_group_id(self, field):
        if field.data is not None and field.data not in self._group_ids:
            raise ValidationError(_l("Đoàn công tác không tồn tại."))
        if self.kind.data == MeetingKind.GROUP.value and field.data is None:
            raise ValidationError(_l("Họp đoàn cần chọn đoàn công tác."))

    def meeting_fields(self) -> dict:
        """The Meeting attributes this form sets."""
        return {
            "kind": MeetingKind(self.kind.data),
            "organiser": Organiser(self.organiser.data) if self.organiser.data else None,
            "title": self.title.data.strip(),
            "held_on": self.held_on.data,
            "starts_at": self.starts_at.data.strftime("%H:%M") if self.starts_at.data else None,
            "ends_at": self.ends_at.data.strftime("%H:%M") if self.ends_at.data else None,
            "thematic": self.thematic.data,
            "members_invited_on": self.members_invited_on.data,
            "documents_sent_on": self.documents_sent_on.data,
            "place": (self.place.data or "").strip() or None,
            "group_id": self.group_id.data,
            "chair": (self.chair.data or "").strip() or None,
            "agenda": (self.agenda.data or "").strip() or None,
        }


class ScheduleForm(AppForm):
    year = VnIntegerField(_l("Năm"), validators=[
        InputRequired(_l("Hãy nhập năm.")), NumberRange(2000, 2100, _l("Năm phải từ 2000 đến 2100."))])
    day_of_month = VnIntegerField(_l("Ngày trong tháng"), default=5, validators=[
        InputRequired(_l("Hãy nhập ngày trong tháng.")), NumberRange(1, 31, _l("Ngày trong tháng từ 1 đến 31."))])
    place = StringField(_l("Địa điểm"), validators=[fits(Meeting.place)])
    unit_ids = SelectMultipleField(_l("Chi bộ"), coerce=optional_id, validate_choice=False,
                                   validators=[DataRequired(_l("Hãy chọn ít nhất một chi bộ."))])

    def setup_choices(self, units) -> None:
        self.unit_ids.choices = [(u.id, unit_label(u)) for u in units]
        self._unit_ids = {u.id for u in units}

    def validate_unit_ids(self, field):
        if any(unit_id not in self._unit_ids for unit_id in field.data or []):
            raise ValidationError(_l("Có chi bộ không thuộc phạm vi của bạn."))


class FileForm(AppForm):
    file = FileField(_l("Tệp biên bản, tài liệu"), validators=[FileRequired(_l("Hãy chọn tệp cần tải lên."))])


class OpinionForm(AppForm):
    person_id = SelectField(_l("Người phát biểu (trong danh sách dự họp)"),
                            coerce=optional_id, validate_choice=False)
    speaker_name = StringField(_l("Hoặc tên khách mời"), validators=[fits(Opinion.speaker_name)])
    affiliation = StringField(_l("Đoàn / đơn vị"), validators=[fits(Opinion.affiliation)])
    group_id = SelectField(_l("Phát biểu cho đoàn công tác"), coerce=optional_id, validate_choice=False)
    kind = SelectField(_l("Nội dung"))
    text = TextAreaField(_l("Ý kiến"), validators=[DataRequired(_l("Hãy nhập nội dung ý kiến."))])
    needs_follow_up = BooleanField(_l("Cần theo dõi, xử lý tiếp"))

    def setup_choices(self, people, groups=()) -> None:
        """`groups`: (group, ids of its members on the meeting's day) for the groups a speaker may speak for."""
        self.kind.choices = enum_choices(OpinionKind)
        self.person_id.choices = [("", "—")] + [(p.id, p.full_name) for p in people]
        self._person_ids = {p.id for p in people}
        self.group_id.choices = [("", "—")] + [(g.id, g.name) for g, _members in groups]
        self._members = {g.id: members for g, members in groups}

    def validate_group_id(self, field):
        if field.data is None:
            return
        if field.data not in self._members:
            raise ValidationError(_l("Lựa chọn không hợp lệ."))
        if self.person_id.data is not None and self.person_id.data not in self._members[field.data]:
            raise ValidationError(_l("Người phát biểu không phải thành viên của đoàn này."))

    def validate_kind(self, field):
        if field.data not in {k.value for k in OpinionKind}:
            raise ValidationError(_l("Loại nội dung không hợp lệ."))

    def validate_person_id(self, field):
        if field.data is not None and field.data not in self._person_ids:
            raise ValidationError(_l("Người phát biểu không có trong danh sách dự họp."))
        if field.data is None and not (self.speaker_name.data or "").strip():
            raise ValidationError(_l("Hãy chọn người phát biểu hoặc nhập tên khách mời."))

    def opinion_fields(self) -> dict:
        return {
            "person_id": self.person_id.data,
            "speaker_name": None if self.person_id.data else self.speaker_name.data.strip(),
            "affiliation": (self.affiliation.data or "").strip() or None,
            "group_id": self.group_id.data,
            "kind": OpinionKind(self.kind.data),
            "text": self.text.data.strip(),
            "needs_follow_up": bool(self.needs_follow_up.data),
        }


class ConclusionForm(AppForm):
    chair = StringField(_l("Chủ trì, kết luận"), validators=[fits(Meeting.chair)])
    conclusion = TextAreaField(_l("Ý kiến kết luận"))


class ConclusionPointForm(AppForm):
    text = TextAreaField(_l("Nội dung kết luận"), validators=[DataRequired(_l("Hãy nhập nội dung điểm kết luận."))])
    owner_text = StringField(_l("Cơ quan, người thực hiện"), validators=[fits(ConclusionPoint.owner_text)])
    deadline = VnDateField(_l("Thời hạn"), validators=[Optional()])


class GuestForm(AppForm):
    person_id = VnIntegerField(_l("Khách mời"), validators=[InputRequired(_l("Hãy chọn người cần thêm."))])


def parse_year(value, default: int) -> int:
    """The `year` query argument when it is a sensible year, else `default`."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if 2000 <= year <= 2100 else default


def parse_month(value) -> date | None:
    """A `YYYY-MM` query argument as the first day of that month, or None."""
    try:
        return datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return None
