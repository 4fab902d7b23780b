"""The UI label of every enum value, declared once here beside the enums (lazy: translated where shown).

The `label` filter, the form selects (`formfields.enum_choices`), the exports and the import's values table all
read `LABELS`; nothing else names an enum value in words."""
from flask_babel import lazy_gettext as _l

from .accounts import Role
from .assessments import AssessmentLevel
from .attendance_claims import ClaimStatus
from .audit import AuditAction
from .feedback import FeedbackStatus
from .groups import MemberRole
from .imports import BatchStatus
from .meetings import AttendanceStatus, MeetingKind, OpinionKind, Organiser
from .obligations import AbsenceReason, ObligationMode
from .personal_data import DataRequestKind
from .reporting import ReportFrequency, Standing
from .tasks import TaskStatus
from .units import Sector, UnitKind

LABELS: dict[type, dict] = {
    AuditAction: {
        AuditAction.INSERT: _l("Thêm bản ghi"),
        AuditAction.UPDATE: _l("Sửa bản ghi"),
        AuditAction.DELETE: _l("Xóa bản ghi"),
        AuditAction.IMPORT: _l("Nhập từ tệp"),
        AuditAction.UNDO_IMPORT: _l("Hoàn tác lần nhập"),
        AuditAction.READ: _l("Xem nội dung hạn chế"),
    },
    DataRequestKind: {
        DataRequestKind.ACCESS: _l("Xem, nhận bản sao dữ liệu"),
        DataRequestKind.CORRECTION: _l("Sửa dữ liệu"),
        DataRequestKind.ERASURE: _l("Xóa dữ liệu"),
    },
    MemberRole: {
        MemberRole.HEAD: _l("Trưởng đoàn"),
        MemberRole.DEPUTY: _l("Phó đoàn"),
        MemberRole.MEMBER: _l("Thành viên"),
    },
    Role: {
        Role.ADMIN: _l("Quản trị (Văn phòng)"),
        Role.LEADERSHIP: _l("Lãnh đạo (Thường trực)"),
        Role.GROUP_HEAD: _l("Trưởng đoàn"),
        Role.UNIT_OFFICER: _l("Cán bộ cơ sở"),
        Role.MEMBER: _l("Thành viên"),
    },
    UnitKind: {
        UnitKind.ROOT: _l("Đảng bộ cấp trên"),
        UnitKind.PARTY_COMMITTEE: _l("Đảng bộ cơ sở"),
        UnitKind.CELL: _l("Chi bộ"),
    },
    Sector: {
        Sector.TOWN: _l("Thị xã"),
        Sector.WARD: _l("Phường"),
        Sector.COMMUNE: _l("Xã"),
        Sector.ENTERPRISE: _l("Doanh nghiệp"),
        Sector.AGENCY: _l("Cơ quan"),
        Sector.ARMED_FORCES: _l("Lực lượng vũ trang"),
        Sector.RESIDENTIAL: _l("Khu dân cư"),
        Sector.OTHER: _l("Khác"),
    },
    MeetingKind: {
        MeetingKind.CELL: _l("Sinh hoạt chi bộ"),
        MeetingKind.CONFERENCE: _l("Hội nghị"),
        MeetingKind.BRIEFING: _l("Giao ban"),
        MeetingKind.GROUP: _l("Họp đoàn"),
    },
    AttendanceStatus: {
        AttendanceStatus.PRESENT: _l("Có mặt"),
        AttendanceStatus.LATE: _l("Đi muộn"),
        AttendanceStatus.EXCUSED: _l("Vắng có phép"),
        AttendanceStatus.ABSENT: _l("Vắng không phép"),
        AttendanceStatus.EXEMPT: _l("Miễn sinh hoạt"),
    },
    Organiser: {
        Organiser.PARTY_COMMITTEE: _l("Đảng ủy"),
        Organiser.PEOPLES_COUNCIL: _l("HĐND"),
        Organiser.PEOPLES_COMMITTEE: _l("UBND"),
        Organiser.FATHERLAND_FRONT: _l("Ủy ban MTTQ"),
        Organiser.MASS_ORGANISATION: _l("Đoàn thể"),
    },
    OpinionKind: {
        OpinionKind.ADVANTAGES: _l("Thuận lợi"),
        OpinionKind.RESULTS: _l("Kết quả"),
        OpinionKind.DIFFICULTIES: _l("Khó khăn"),
        OpinionKind.SHORTCOMINGS: _l("Tồn tại, hạn chế"),
        OpinionKind.PROPOSALS: _l("Đề xuất, kiến nghị"),
    },
    TaskStatus: {
        TaskStatus.OPEN: _l("Chưa thực hiện"),
        TaskStatus.IN_PROGRESS: _l("Đang thực hiện"),
        TaskStatus.DONE: _l("Hoàn thành"),
        TaskStatus.CANCELLED: _l("Hủy bỏ"),
    },
    FeedbackStatus: {
        FeedbackStatus.NEW: _l("Mới tiếp nhận"),
        FeedbackStatus.FORWARDED: _l("Đã chuyển xử lý"),
        FeedbackStatus.IN_PROGRESS: _l("Đang xử lý"),
        FeedbackStatus.ANSWERED: _l("Đã trả lời"),
        FeedbackStatus.CLOSED: _l("Đã đóng"),
        FeedbackStatus.ESCALATED: _l("Chuyển cấp trên"),
    },
    ClaimStatus: {
        ClaimStatus.PENDING: _l("Chờ xác nhận"),
        ClaimStatus.CONFIRMED: _l("Đã xác nhận"),
        ClaimStatus.REJECTED: _l("Không xác nhận"),
    },
    AssessmentLevel: {
        AssessmentLevel.EXCELLENT: _l("Hoàn thành xuất sắc nhiệm vụ"),
        AssessmentLevel.GOOD: _l("Hoàn thành tốt nhiệm vụ"),
        AssessmentLevel.COMPLETE: _l("Hoàn thành nhiệm vụ"),
        AssessmentLevel.INCOMPLETE: _l("Không hoàn thành nhiệm vụ"),
    },
    ObligationMode: {
        ObligationMode.EVERY_MEETING: _l("Dự mọi buổi sinh hoạt của đơn vị được phân công"),
        ObligationMode.TIMES_PER_PERIOD: _l("Mỗi đơn vị được phân công ít nhất N lần mỗi kỳ"),
    },
    AbsenceReason: {
        AbsenceReason.LEAVE: _l("Nghỉ phép"),
        AbsenceReason.ILLNESS: _l("Ốm đau"),
        AbsenceReason.TRAINING: _l("Đi học, tập huấn"),
        AbsenceReason.OTHER: _l("Lý do khác"),
    },
    ReportFrequency: {
        ReportFrequency.MONTHLY: _l("Hằng tháng"),
        ReportFrequency.QUARTERLY: _l("Hằng quý"),
        ReportFrequency.HALF_YEARLY: _l("6 tháng"),
        ReportFrequency.YEARLY: _l("Hằng năm"),
    },
    Standing: {
        Standing.ON_TIME: _l("Đúng hạn"),
        Standing.LATE: _l("Trễ hạn"),
        Standing.MISSING: _l("Chưa nộp (quá hạn)"),
        Standing.NOT_YET_DUE: _l("Chưa đến hạn"),
    },
    BatchStatus: {
        BatchStatus.DRAFT: _l("Đang xem trước"),
        BatchStatus.COMMITTED: _l("Đã nhập"),
        BatchStatus.UNDONE: _l("Đã hoàn tác"),
        BatchStatus.CANCELLED: _l("Đã hủy"),
    },
}
