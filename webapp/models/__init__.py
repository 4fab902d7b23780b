"""All models, by area. Import from here so every table is registered on the metadata."""
from .accounts import LoginAttempt, Role, User
from .audit import AuditLog
from .documents import Document
from .imports import BatchStatus, ImportBatch, ImportChange, ImportJob, ImportMapping, JobStatus
from .groups import Assignment, Membership, MemberRole, Term, WorkingGroup
from .meetings import Attendance, AttendanceStatus, Meeting, MeetingKind
from .people import Person
from .units import Sector, Unit, UnitKind

__all__ = [
    "Assignment", "Attendance", "AttendanceStatus", "AuditLog", "BatchStatus", "Document",
    "ImportBatch", "ImportChange", "ImportJob", "ImportMapping", "JobStatus", "LoginAttempt",
    "Meeting", "MeetingKind", "MemberRole", "Membership", "Person", "Role", "Sector", "Term",
    "Unit", "UnitKind", "User", "WorkingGroup",
]
