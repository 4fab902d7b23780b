"""All models, by area. Import from here so every table is registered on the metadata."""
from .accounts import LoginAttempt, Role, User
from .assessments import Assessment, AssessmentLevel, AssessmentRound, GroupAssessment
from .attendance_claims import AttendanceClaim, ClaimStatus
from .audit import AuditAction, AuditArchive, AuditLog
from .calendars import CalendarFeed
from .documents import CellMeetingRules, Document, DocumentComment
from .feedback import Attachment, FeedbackCategory, FeedbackEvent, FeedbackItem, FeedbackStatus
from .groups import Assignment, MemberRole, Membership, Term, WorkingGroup
from .identity import OrgIdentity
from .import_templates import ImportTemplate
from .imports import BatchStatus, ImportBatch, ImportChange, ImportJob, ImportMapping, JobStatus
from .meetings import (
    Attendance,
    AttendanceStatus,
    ConclusionPoint,
    Meeting,
    MeetingFile,
    MeetingKind,
    Opinion,
    OpinionKind,
    Organiser,
)
from .member_reports import MemberReport, MemberReportRule
from .obligations import Absence, AbsenceReason, AttendanceRule, ObligationMode
from .paperwork import OutgoingDocument, SignedCopy
from .people import Person
from .personal_data import DataRequestKind, PersonalDataRequest
from .reporting import ReportFrequency, ReportSchedule, ReportSubmission
from .targets import TargetIndicator, TargetMeasurement
from .tasks import Task, TaskNote, TaskStatus
from .units import RETIRED_SECTORS, Sector, Unit, UnitKind
from .visits import FieldVisit

__all__ = [
    "DataRequestKind",
    "PersonalDataRequest",
    "AttendanceClaim",
    "ClaimStatus",
    "Absence",
    "AbsenceReason",
    "Assessment",
    "AssessmentLevel",
    "AssessmentRound",
    "GroupAssessment",
    "AttendanceRule",
    "ObligationMode",
    "Assignment",
    "Attendance",
    "CalendarFeed",
    "CellMeetingRules",
    "DocumentComment",
    "OrgIdentity",
    "OutgoingDocument",
    "SignedCopy",
    "FieldVisit",
    "AttendanceStatus",
    "AuditAction",
    "AuditArchive",
    "AuditLog",
    "BatchStatus",
    "Document",
    "ImportBatch",
    "ImportChange",
    "ImportJob",
    "ImportMapping",
    "ImportTemplate",
    "JobStatus",
    "LoginAttempt",
    "Meeting",
    "MeetingKind",
    "MemberReport",
    "MemberReportRule",
    "MemberRole",
    "Membership",
    "Person",
    "Role",
    "RETIRED_SECTORS",
    "Sector",
    "TargetIndicator",
    "TargetMeasurement",
    "Term",
    "Unit",
    "UnitKind",
    "User",
    "WorkingGroup",
    "Attachment",
    "FeedbackCategory",
    "FeedbackEvent",
    "FeedbackItem",
    "FeedbackStatus",
    "ReportFrequency",
    "ReportSchedule",
    "ReportSubmission",
    "Task",
    "TaskNote",
    "TaskStatus",
    "ConclusionPoint",
    "MeetingFile",
    "Opinion",
    "OpinionKind",
    "Organiser",
]
