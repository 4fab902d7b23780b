"""Named state changes of the meetings area: each checks, changes rows and flushes; the caller commits (views
through `webapp.services.run_service`). Every change is audited automatically."""
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage

from ..clock import local_today, utcnow
from ..extensions import db
from ..models import (
    Attendance,
    AttendanceStatus,
    ConclusionPoint,
    Meeting,
    MeetingFile,
    MeetingKind,
    Opinion,
    Unit,
    WorkingGroup,
)
from ..services import take_turns
from ..uploads import save_upload, upload_folder
from . import rules
from .queries import months_with_cell_meeting
from .roster import expected_person_ids, term_on

MEETING_FILES = "meetings"
RESCHEDULING_FIELDS = ("held_on", "starts_at", "place")  # what the invitation says about when and where
STATUS_CYCLE = [AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT,
                AttendanceStatus.EXEMPT]


def next_status(status: AttendanceStatus | None) -> AttendanceStatus:
    """The mark one click moves to: unmarked → present → late → excused → absent → exempt → present."""
    if status is None:
        return STATUS_CYCLE[0]
    return STATUS_CYCLE[(STATUS_CYCLE.index(status) + 1) % len(STATUS_CYCLE)]


def date_problem(kind: MeetingKind, day: date, group: WorkingGroup | None) -> str | None:
    """Why a meeting of this kind cannot be held on `day` (outside the group's term, no term), or None."""
    if group is not None:
        term = group.term
        problem = rules.outside_group_term(day, group.name, term.name, term.start_date, term.end_date)
        if problem is not None:
            return problem
    return rules.no_term(kind.value, kind.value not in rules.TERM_BOUND_KINDS or term_on(day) is not None)


def sync_roster(meeting: Meeting) -> int:
    """Add attendance rows for newly expected people (guests who became expected are promoted); never drop rows.
    A row added on or before the meeting's day is the invitation the app puts before that person (in the app, the
    .ics feed and the digest), so it records when (`informed_at`); one added afterwards informed nobody."""
    expected = expected_person_ids(meeting)
    existing = {a.person_id: a for a in meeting.attendances}
    informed_at = utcnow() if meeting.held_on >= local_today() else None
    added = 0
    for person_id in sorted(expected):
        row = existing.get(person_id)
        if row is None:
            meeting.attendances.append(Attendance(person_id=person_id, expected=True, informed_at=informed_at))
            added += 1
        elif not row.expected:
            row.expected = True
            row.informed_at = row.informed_at or informed_at
    return added


def create_meeting(fields: dict, units: list[Unit]) -> Meeting:
    """Create a meeting and materialise its expected roster as of its date."""
    meeting = Meeting(**fields)
    meeting.units = list(units)
    db.session.add(meeting)
    sync_roster(meeting)
    db.session.flush()
    return meeting


def update_meeting(meeting: Meeting, fields: dict, units: list[Unit]) -> Meeting:
    """Change a meeting's details; people newly expected under the new date or units are added. A new date, start
    time or place stamps `rescheduled_at`, so the invited members are told."""
    if any(key in fields and (fields[key] or None) != (getattr(meeting, key) or None) for key in RESCHEDULING_FIELDS):
        meeting.rescheduled_at = utcnow()
    for key, value in fields.items():
        setattr(meeting, key, value)
    meeting.units = list(units)
    sync_roster(meeting)
    db.session.flush()
    return meeting


def recompute_roster(meeting: Meeting) -> int:
    """Add anyone expected now but missing from the roster; return how many were added."""
    added = sync_roster(meeting)
    db.session.flush()
    return added


def delete_meeting(meeting: Meeting) -> None:
    """Remove a meeting with its attendance, opinions, conclusion and files."""
    stored = [f.stored_name for f in meeting.files]
    db.session.delete(meeting)
    db.session.flush()
    for name in stored:
        _upload_dir().joinpath(name).unlink(missing_ok=True)


def mark_attendance(row: Attendance, status: AttendanceStatus | None, reason: str | None, user) -> bool:
    """Set one person's mark (and reason); return False when nothing changed (a repeated submission)."""
    reason = (reason or "").strip() or None
    if row.status == status and row.reason == reason:
        return False
    row.status, row.reason = status, reason
    row.marked_at, row.marked_by_id = utcnow(), user.id
    db.session.flush()
    return True


def mark_all_present(meeting: Meeting, user) -> int:
    """Mark every unmarked person present; return how many were marked."""
    now = utcnow()
    count = 0
    for row in meeting.attendances:
        if row.status is None:
            row.status, row.marked_at, row.marked_by_id = AttendanceStatus.PRESENT, now, user.id
            count += 1
    db.session.flush()
    return count


def add_guest(meeting: Meeting, person_id: int) -> Attendance | None:
    """Add a person who is not on the derived roster as a guest; None when already listed."""
    if any(a.person_id == person_id for a in meeting.attendances):
        return None
    row = Attendance(person_id=person_id, expected=False)
    meeting.attendances.append(row)
    db.session.flush()
    return row


def remove_guest(row: Attendance) -> None:
    """Take a guest off the list (expected people stay: the roster is derived)."""
    row.meeting.attendances.remove(row)  # an orphan is deleted at the flush
    db.session.flush()


def schedule_cell_meetings(units: list[Unit], year: int, day_of_month: int, place: str | None = None) -> int:
    """Create the monthly cell meetings of `year` for these units, skipping months that have one."""
    take_turns(*units)
    existing = months_with_cell_meeting([u.id for u in units], year)
    created = 0
    for unit in units:
        for month in range(1, 13):
            if (unit.id, month) in existing:
                continue
            held_on = date(year, month, min(day_of_month, _last_day(year, month)))
            title = f"Sinh hoạt chi bộ định kỳ tháng {month}/{year}"  # stored data, in the office's language
            meeting = Meeting(kind=MeetingKind.CELL, held_on=held_on, title=title, place=place, units=[unit])
            db.session.add(meeting)
            sync_roster(meeting)
            created += 1
    db.session.flush()
    return created


def _last_day(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


def _upload_dir() -> Path:
    return upload_folder(MEETING_FILES)


def attach_file(meeting: Meeting, upload: FileStorage, user) -> MeetingFile:
    """Store an uploaded file under the upload folder and record it on the meeting."""
    original = upload.filename or "tep"
    stored_name, path = save_upload(upload, MEETING_FILES)
    record = MeetingFile(file_name=Path(original.replace("\\", "/")).name[:255], stored_name=stored_name,
                         content_type=upload.mimetype, size_bytes=path.stat().st_size, uploaded_by_id=user.id)
    meeting.files.append(record)
    db.session.flush()
    return record


def file_path(record: MeetingFile) -> Path:
    return _upload_dir() / record.stored_name


def delete_file(record: MeetingFile) -> None:
    """Remove an attachment and its stored file."""
    path = file_path(record)
    record.meeting.files.remove(record)
    db.session.flush()
    path.unlink(missing_ok=True)


def add_opinion(meeting: Meeting, fields: dict) -> Opinion:
    """Append a speaker's turn at the end of the meeting's list."""
    last = db.session.scalar(select(func.max(Opinion.position)).where(Opinion.meeting_id == meeting.id)) or 0
    opinion = Opinion(position=last + 1, **fields)
    meeting.opinions.append(opinion)
    db.session.flush()
    return opinion


def delete_opinion(opinion: Opinion) -> None:
    """Remove a speaker's turn; the order of the others is kept."""
    opinion.meeting.opinions.remove(opinion)
    db.session.flush()


def toggle_follow_up(opinion: Opinion) -> Opinion:
    """Flag or unflag an opinion as needing follow-up."""
    opinion.needs_follow_up = not opinion.needs_follow_up
    db.session.flush()
    return opinion


def set_conclusion(meeting: Meeting, chair: str | None, text: str | None) -> None:
    """Record who chaired and the chair's concluding remarks."""
    meeting.chair = (chair or "").strip() or None
    meeting.conclusion = (text or "").strip() or None
    db.session.flush()


def add_conclusion_point(meeting: Meeting, text: str, owner_text: str | None, deadline: date | None) -> ConclusionPoint:
    """Append a numbered point to the chair's conclusion."""
    last = db.session.scalar(select(func.max(ConclusionPoint.number))
                             .where(ConclusionPoint.meeting_id == meeting.id)) or 0
    point = ConclusionPoint(number=last + 1, text=text.strip(), owner_text=(owner_text or "").strip() or None,
                            deadline=deadline)
    meeting.conclusion_points.append(point)
    db.session.flush()
    return point


def delete_conclusion_point(point: ConclusionPoint) -> None:
    """Remove a conclusion point (numbers of the others stay as printed)."""
    point.meeting.conclusion_points.remove(point)
    db.session.flush()
