"""The unit form."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..formbase import AppForm
from ..formfields import EnumSelectField, IdSelectField, enum_choices
from ..lengths import fits
from ..models import RETIRED_SECTORS, OrgIdentity, Sector, Unit, UnitKind


def sector_choices(current: Sector | None = None) -> list:
    """The sectors a unit may take: a retired one only for the unit that already has it."""
    return enum_choices(Sector, members=[value for value in Sector if value not in RETIRED_SECTORS or value == current])


class UnitForm(AppForm):
    name = StringField(_l("Tên đơn vị"), validators=[DataRequired(_l("Hãy nhập tên đơn vị.")),
                                                     fits(Unit.name)])
    short_name = StringField(_l("Tên viết tắt"), validators=[Optional(), fits(Unit.short_name)])
    kind = EnumSelectField(_l("Loại"), enum=UnitKind, choices=lambda: enum_choices(UnitKind),
                           validators=[InputRequired(_l("Hãy chọn loại đơn vị."))])
    sector = EnumSelectField(_l("Khối / lĩnh vực"), enum=Sector, choices=sector_choices,
                             validators=[InputRequired(_l("Hãy chọn khối."))])
    parent_id = IdSelectField(_l("Trực thuộc"))


class IdentityForm(AppForm):
    """The issuing committee's identity (Hướng dẫn 36-HD/VPTW letterhead, symbol and signature)."""

    superior_name = StringField(_l("Cấp ủy cấp trên trực tiếp"), validators=[
        Optional(), fits(OrgIdentity.superior_name)])
    issuer_name = StringField(_l("Tên cơ quan ban hành (dòng thứ hai của tiêu đề)"), validators=[
        DataRequired(_l("Hãy nhập tên cơ quan ban hành.")), fits(OrgIdentity.issuer_name)])
    committee_name = StringField(_l("Tên cấp ủy trong câu văn (ví dụ: Đảng ủy, Tỉnh ủy)"), validators=[
        DataRequired(_l("Hãy nhập tên cấp ủy.")), fits(OrgIdentity.committee_name)])
    symbol = StringField(_l("Chữ viết tắt trong số ký hiệu (ví dụ: ĐU, TU, HU)"), validators=[
        DataRequired(_l("Hãy nhập chữ viết tắt.")), fits(OrgIdentity.symbol)])
    place_name = StringField(_l("Địa danh ghi trước ngày tháng"), validators=[
        DataRequired(_l("Hãy nhập địa danh.")), fits(OrgIdentity.place_name)])
    signer_on_behalf = StringField(_l("Thẩm quyền ký (ví dụ: T/M BAN THƯỜNG VỤ)"), validators=[
        DataRequired(_l("Hãy nhập thẩm quyền ký.")), fits(OrgIdentity.signer_on_behalf)])
    signer_title = StringField(_l("Chức vụ người ký"), validators=[DataRequired(_l("Hãy nhập chức vụ người ký.")),
                                                                  fits(OrgIdentity.signer_title)])
    signer_name = StringField(_l("Họ tên người ký"), validators=[Optional(), fits(OrgIdentity.signer_name)])
    recipients = TextAreaField(_l("Nơi nhận (mỗi dòng một nơi)"), validators=[Optional(), Length(max=2000)])
