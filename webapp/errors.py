"""Error pages in Vietnamese: never a traceback in front of a user."""
from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from .extensions import db
from .i18n import N_
from .rendering import wants_fragment
from .services import BUSY, is_busy

MESSAGES = {
    400: N_("Yêu cầu không hợp lệ."),
    403: N_("Bạn không có quyền truy cập trang này."),
    404: N_("Không tìm thấy trang hoặc bản ghi được yêu cầu."),
    405: N_("Thao tác không được hỗ trợ."),
    413: N_("Tệp tải lên vượt quá dung lượng cho phép."),
    429: N_("Quá nhiều lần thử. Vui lòng đợi rồi thử lại."),
    500: N_("Đã xảy ra lỗi hệ thống. Dữ liệu chưa được thay đổi; vui lòng thử lại hoặc báo quản trị viên."),
}


def _error_page(status: int, message: str):
    template = "errors/_error.html" if wants_fragment() else "errors/error.html"
    return render_template(template, status=status, message=message), status


def _busy_page():
    """503 with the Vietnamese BUSY message: the database is writing something else (a long import on SQLite)."""
    db.session.rollback()
    body, status = _error_page(503, str(BUSY))
    return body, status, {"Retry-After": "10"}


def register(app: Flask) -> None:
    def handler(status):
        def handle(error):
            if status == 500:
                db.session.rollback()
            return _error_page(status, _(MESSAGES[status]))

        return handle

    for status in MESSAGES:
        app.register_error_handler(status, handler(status))

    @app.errorhandler(OperationalError)
    def _busy(error):
        """SQLite's writer lock not obtained in time by a write outside `run_service` (a long import holds it):
        nothing was written, the person is told to send again, never a 500."""
        if not is_busy(error):
            raise error
        return _busy_page()

    @app.errorhandler(PoolTimeout)
    def _no_connection(error):  # every pooled connection waits on that same lock
        return _busy_page()

    @app.errorhandler(CSRFError)
    def _csrf_error(error):
        return _error_page(
            400, _("Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ (CSRF). Hãy tải lại trang rồi thử lại.")
        )
