"""UI labels of the import area, registered as template filters by the blueprint."""
from flask_babel import gettext as _

from ..i18n import N_
from ..models import BatchStatus
from ..template_helpers import register_labels

register_labels(BatchStatus, {
    BatchStatus.DRAFT: N_("Đang xem trước"),
    BatchStatus.COMMITTED: N_("Đã nhập"),
    BatchStatus.UNDONE: N_("Đã hoàn tác"),
    BatchStatus.CANCELLED: N_("Đã hủy"),
})

KIND_LABELS = {"roster": N_("Danh sách đoàn công tác"), "attendance": N_("Điểm danh sinh hoạt"),
               "targets": N_("Chỉ tiêu phát triển")}
OUTCOME_LABELS = {"imported": N_("Đã nhập"), "unchanged": N_("Không đổi"), "skipped": N_("Bỏ qua"),
                  "failed": N_("Lỗi")}
TABLE_LABELS = {"person": N_("người"), "membership": N_("thành viên đoàn"), "assignment": N_("phân công"),
                "meeting": N_("cuộc họp"), "attendance": N_("điểm danh"), "unit": N_("đơn vị"),
                "working_group": N_("đoàn công tác"), "target_indicator": N_("chỉ tiêu"),
                "target_measurement": N_("lần cập nhật chỉ tiêu")}


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


def register(bp) -> None:
    from .jobs import progress

    for function in (kind_label, outcome_label, table_label, field_label):
        bp.add_app_template_filter(function)
    bp.add_app_template_global(progress, "job_progress")
