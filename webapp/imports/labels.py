"""UI labels of the import area, registered as template filters by the blueprint."""
import re
from datetime import date

from flask_babel import gettext as _

from ..i18n import N_
from ..models import AttendanceStatus, MemberRole
from ..template_helpers import label, vn_date

KIND_LABELS = {"roster": N_("Danh sách đoàn công tác"), "attendance": N_("Điểm danh sinh hoạt"),
               "targets": N_("Chỉ tiêu phát triển")}
OUTCOME_LABELS = {"imported": N_("Đã nhập"), "unchanged": N_("Không đổi"), "skipped": N_("Bỏ qua"),
                  "failed": N_("Lỗi")}
TABLE_LABELS = {"person": N_("người"), "membership": N_("thành viên đoàn"), "assignment": N_("phân công"),
                "meeting": N_("cuộc họp"), "attendance": N_("điểm danh"), "unit": N_("đơn vị"),
                "working_group": N_("đoàn công tác"), "target_indicator": N_("chỉ tiêu"),
                "target_measurement": N_("lần cập nhật chỉ tiêu")}


WILL_LABELS = {"write": N_("Sẽ nhập"), "same": N_("Không đổi"), "skip": N_("Sẽ bỏ qua"), "error": N_("Lỗi")}
PREVIEW_OUTCOME_LABELS = {"imported": N_("Sẽ nhập"), "unchanged": N_("Không đổi"), "skipped": N_("Sẽ bỏ qua"),
                          "failed": N_("Lỗi")}
VALUE_ENUMS = {"role": MemberRole, "status": AttendanceStatus}
DATE_FIELDS = ("birth_date", "date", "measured_on")


def committed_message(counts: dict | None) -> tuple[str, str]:
    """The flash after a commit, with its category: what was written, and loudly what was not (failed rows)."""
    imported, failed = (counts or {}).get("imported", 0), (counts or {}).get("failed", 0)
    if failed and not imported:
        return _("Không dòng nào được nhập: %(failed)d dòng lỗi — xem lý do bên dưới, tải các dòng lỗi để sửa rồi "
                 "nhập lại.", failed=failed), "error"
    if failed:
        return _("Đã nhập %(imported)d dòng; %(failed)d dòng lỗi chưa được nhập — xem lý do bên dưới.",
                 imported=imported, failed=failed), "warning"
    return _("Đã nhập dữ liệu."), "success"


def will_label(will) -> str:
    """What the commit will do with a previewed record ("Sẽ nhập", never "Đã nhập" before it runs)."""
    return _(WILL_LABELS[will]) if will in WILL_LABELS else ""


def planned_outcome_label(outcome) -> str:
    """A row's outcome as the preview announces it (the receipt says what was done)."""
    return _(PREVIEW_OUTCOME_LABELS[outcome]) if outcome in PREVIEW_OUTCOME_LABELS else (outcome or "")


def record_value(value, field) -> str:
    """A previewed record's value as the app shows it: roles and marks in words, dates as dd/mm/yyyy."""
    if value is None:
        return ""
    enum = VALUE_ENUMS.get(field)
    if enum is not None and value in enum._value2member_map_:
        return label(enum(value))
    if field in DATE_FIELDS and isinstance(value, str) and len(value) == 10:
        try:
            return vn_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def kind_label(kind) -> str:
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else ""


def outcome_label(outcome) -> str:
    return _(OUTCOME_LABELS[outcome]) if outcome in OUTCOME_LABELS else (outcome or "")


def table_label(table) -> str:
    return _(TABLE_LABELS[table]) if table in TABLE_LABELS else (table or "")


def field_label(field, kind) -> str:
    """Vietnamese label of a canonical field of an import kind."""
    from importers.kinds import spec_module

    if kind not in KIND_LABELS:
        return field
    return next((spec.label for spec in spec_module(kind).FIELDS if spec.name == field), field)


INFERENCE_LABELS = {"Trang tính": N_("Trang tính"), "Dòng tiêu đề": N_("Dòng tiêu đề"), "Năm": N_("Năm"),
                    "Ký hiệu": N_("Ký hiệu"), "Đoàn": N_("Đoàn"), "Chi bộ": N_("Chi bộ"),
                    "Nhiệm vụ": N_("Nhiệm vụ"), "Ghép cột": N_("Ghép cột"), "do cán bộ chọn": N_("do cán bộ chọn"),
                    "do cán bộ nhập": N_("do cán bộ nhập"), "do cán bộ sửa": N_("do cán bộ sửa"),
                    "trang có bảng rõ nhất": N_("trang có bảng rõ nhất"),
                    "nhận biết theo tên cột": N_("nhận biết theo tên cột"), "lấy từ tiêu đề": N_("lấy từ tiêu đề"),
                    "lấy từ các dòng tiêu đề nhóm": N_("lấy từ các dòng tiêu đề nhóm"),
                    "các trang cùng bố cục, đọc tất cả": N_("các trang cùng bố cục, đọc tất cả"),
                    "các trang cùng loại, bố cục khác nhau, đọc từng trang":
                        N_("các trang cùng loại, bố cục khác nhau, đọc từng trang")}
INFERENCE_PATTERNS = ((re.compile(r"^lấy từ dòng chú thích (\d+)$"), N_("lấy từ dòng chú thích %(x)s")),
                      (re.compile(r"^lấy từ dòng (\d+)$"), N_("lấy từ dòng %(x)s")),
                      (re.compile(r"^bỏ qua trang ẩn (.+)$"), N_("bỏ qua trang ẩn %(x)s")))


def inference_label(text) -> str:
    """A phrase of the pipeline's inferences (importers.overrides.explain) in the user's language."""
    if text in INFERENCE_LABELS:
        return _(INFERENCE_LABELS[text])
    for pattern, phrase in INFERENCE_PATTERNS:
        match = pattern.match(text or "")
        if match:
            return _(phrase, x=match.group(1))
    return text or ""


def register(bp) -> None:
    from .jobs import progress

    for function in (kind_label, outcome_label, table_label, field_label, inference_label, will_label,
                     planned_outcome_label, record_value):
        bp.add_app_template_filter(function)
    bp.add_app_template_global(progress, "job_progress")
