"""Home page, audit log and health check."""
from flask import Blueprint

from ..i18n import N_
from ..models import AuditAction
from ..template_helpers import register_labels

bp = Blueprint("core", __name__)

register_labels(AuditAction, {
    AuditAction.INSERT: N_("Thêm bản ghi"),
    AuditAction.UPDATE: N_("Sửa bản ghi"),
    AuditAction.DELETE: N_("Xóa bản ghi"),
    AuditAction.IMPORT: N_("Nhập từ tệp"),
    AuditAction.UNDO_IMPORT: N_("Hoàn tác lần nhập"),
})

from . import views  # noqa: E402,F401
