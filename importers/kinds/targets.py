"""Development targets (bảng chỉ tiêu phát triển): column specs and row rules.

One record per indicator row: the unit comes from its own column or from the sub-header row above
("I. ĐẢNG BỘ PHƯỜNG AN LẠC"), the year from a "Năm" column or else from the title ("… NĂM 2026").
"""

from ..normalising import is_unit_heading
from . import FieldSpec, RowRules
from .common import INDEX, NOTE

CANONICAL = ("unit", "year", "indicator", "measure_unit", "target", "actual", "measured_on", "note")

INDICATOR = FieldSpec("indicator", ("chi tieu", "ten chi tieu", "noi dung chi tieu", "cac chi tieu", "chi tieu chu yeu",
                                    "chi tieu phat trien", "ten chi tieu phat trien"), required=True,
                      label="tên chỉ tiêu")

FIELDS = (
    INDEX,
    FieldSpec("unit", ("don vi", "to chuc dang", "chi bo", "dang bo", "ten don vi", "to chuc co so dang",
                       "don vi thuc hien", "chi bo dang bo", "to chuc dang chi bo", "don vi to chuc dang",
                       "ten to chuc dang", "don vi chi bo"), label="đơn vị"),
    INDICATOR,
    FieldSpec("measure_unit", ("don vi tinh", "dvt", "dv tinh", "don vi do"), label="đơn vị tính"),
    FieldSpec("target", ("ke hoach", "chi tieu nam", "muc tieu", "ke hoach nam", "chi tieu ke hoach", "chi tieu giao",
                         "chi tieu dang ky", "ke hoach giao"), label="kế hoạch"),
    FieldSpec("actual", ("thuc hien", "ket qua thuc hien", "luy ke", "thuc hien luy ke", "luy ke thuc hien", "ket qua",
                         "da thuc hien", "uoc thuc hien"), label="thực hiện"),
    FieldSpec("measured_on", ("ngay cap nhat", "cap nhat den ngay", "tinh den ngay", "ngay", "ngay bao cao",
                              "thoi diem cap nhat"), label="ngày cập nhật"),
    FieldSpec("year", ("nam", "nam ke hoach", "nam thuc hien"), label="năm"),
    NOTE,
)

ROWS = RowRules(key="indicator", key_label="tên chỉ tiêu", is_heading=is_unit_heading, heading_in_key=True)

# Fields only a targets header names: how auto-detection tells a targets sheet from a roster or register.
DISTINCTIVE = tuple(spec for spec in FIELDS if spec.name in ("indicator", "measure_unit", "target", "actual"))
