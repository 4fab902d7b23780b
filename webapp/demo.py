"""A realistic, fictional town for demonstrations and manual testing (`flask demo`)."""
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select

from .clock import local_today
from .demo_shapes import SHAPES, TOWN, DemoShape
from .documents.rules import CELL_RULE_DEFAULTS
from .documents.services import adopt_cell_rules
from .documents.services import issue as issue_document
from .extensions import db
from .groups.services import add_member, assign_unit, create_group, create_term
from .meetings.services import add_conclusion_point, add_opinion, create_meeting, mark_attendance, set_conclusion
from .models import Document, MemberRole, Person, Role, Sector, Term, Unit, UnitKind, User, WorkingGroup
from .people.services import create_person
from .units.services import create_unit, save_identity

DEMO_PASSWORD = "doancongtac"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_MALE = ["Văn", "Đức", "Hữu", "Quang", "Minh", "Ngọc", "Thành", "Công"]
MIDDLE_FEMALE = ["Thị", "Thu", "Thanh", "Minh", "Ngọc", "Phương"]
GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Đông", "Hùng", "Hải", "Long", "Minh", "Nam", "Phong", "Quân",
              "Sơn", "Thắng", "Tuấn", "Vinh", "Vệ", "Khánh", "Lâm", "Toàn"]
GIVEN_FEMALE = ["Anh", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Oanh", "Phương", "Thảo",
                "Thủy", "Trang", "Vân", "Yến"]


@dataclass
class DemoTown:
    rng: random.Random
    shape: DemoShape = TOWN
    root: Unit | None = None
    committees: list[Unit] = field(default_factory=list)
    agencies: list[Unit] = field(default_factory=list)  # the cells where the town's own officials meet
    cells: dict[int, list[Unit]] = field(default_factory=dict)
    term: Term | None = None
    groups: list[WorkingGroup] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    linked_groups: list[WorkingGroup] = field(default_factory=list)  # ward-level groups linked to a town group


def _committee(town: DemoTown) -> str:
    return town.shape.identity["committee_name"]


def _unit(name, kind, sector, parent=None) -> Unit:
    return create_unit(name, kind, sector, parent)


def _home(town: DemoTown) -> Unit:
    """The cell a person of the town's groups meets in: the agencies' cells in turn (a committee's cell when the
    shape has no agency), chosen without the random generator so the rest of the demo stays as it was."""
    cells = town.agencies or [u for units in town.cells.values() for u in units] or town.committees
    return cells[len(town.persons) % len(cells)]


def _person(town: DemoTown, position: str | None = None, home: Unit | None = None) -> Person:
    rng = town.rng
    female = rng.random() < 0.4
    name = " ".join([
        rng.choice(SURNAMES),
        rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
        rng.choice(GIVEN_FEMALE if female else GIVEN_MALE),
    ])
    person = create_person(
        full_name=name,
        birth_date=date(rng.randint(1965, 1995), rng.randint(1, 12), rng.randint(1, 28)),
        position=position or rng.choice(town.shape.positions),
        phone="09" + "".join(str(rng.randint(0, 9)) for _ in range(8)),
        email=None,
        home_unit=home or _home(town),
        is_council_delegate=rng.random() < 0.2,
        notes=None,
    )
    town.persons.append(person)
    return person


def build_units(town: DemoTown) -> None:
    shape = town.shape
    town.root = _unit(shape.root_name, UnitKind.ROOT, shape.root_sector)
    db.session.flush()
    save_identity(town.root, signer_on_behalf="T/M BAN THƯỜNG VỤ", signer_title="BÍ THƯ", signer_name=None,
                  recipients=None, **shape.identity)
    for name, sector in shape.committees:
        if shape.committee_is_cell:
            town.committees.append(_unit(name, UnitKind.CELL, sector, town.root))
            continue
        committee = _unit(name, UnitKind.PARTY_COMMITTEE, sector, town.root)
        town.committees.append(committee)
        place = name.split(" ", 3)[-1]
        cells = [_unit(f"Chi bộ Tổ dân phố {n}" if sector == Sector.WARD else f"Chi bộ thôn {n}",
                       UnitKind.CELL, Sector.RESIDENTIAL, committee) for n in range(1, 5)]
        cells.append(_unit(f"Chi bộ Trường Tiểu học {place}", UnitKind.CELL, Sector.AGENCY, committee))
        town.cells[committee.id] = cells
    for name in shape.enterprises:
        town.committees.append(_unit(f"Chi bộ {name}", UnitKind.CELL, Sector.ENTERPRISE, town.root))
    for name in shape.agencies:
        sector = Sector.ARMED_FORCES if "Công an" in name or "Quân sự" in name else Sector.AGENCY
        town.agencies.append(_unit(f"Chi bộ {name}", UnitKind.CELL, sector, town.root))


def build_groups(town: DemoTown) -> None:
    town.term = create_term("2020 - 2025", date(2020, 10, 1), date(2025, 9, 30))
    next_term = create_term("2025 - 2030", date(2025, 10, 1), date(2030, 9, 30), is_current=True)
    targets = town.committees[:8]
    enterprises = town.committees[8:]
    start = date(2025, 10, 15)
    for number in range(1, 9):
        committee = targets[number - 1]
        followed = [committee] + ([enterprises[(number - 1) % len(enterprises)]] if number <= 3 else [])
        group = create_group(number, f"Đoàn công tác số {number}", next_term, town.root,
                             notes=f"Phụ trách {', '.join(u.name for u in followed)}")
        town.groups.append(group)
        roles = (
            [MemberRole.HEAD, MemberRole.DEPUTY]
            + ([MemberRole.DEPUTY] if number % 3 == 0 else [])
            + [MemberRole.MEMBER] * town.rng.randint(3, 5)
        )
        cells = town.cells.get(committee.id, [])
        for index, role in enumerate(roles):
            person = _person(town)
            membership = add_member(group, person, role, start, _responsibility(role, committee))
            assign_unit(membership, committee if role != MemberRole.MEMBER or not cells else cells[index % len(cells)],
                        start)
            if role == MemberRole.MEMBER and len(followed) > 1 and index == len(roles) - 1:
                assign_unit(membership, followed[1], start)


def _responsibility(role: MemberRole, committee: Unit) -> str:
    if role == MemberRole.HEAD:
        return f"Phụ trách chung; trực tiếp chỉ đạo {committee.name}"
    if role == MemberRole.DEPUTY:
        return "Giúp Trưởng đoàn theo dõi công tác xây dựng Đảng, dân vận"
    return "Theo dõi, dự sinh hoạt chi bộ được phân công; nắm tâm tư, nguyện vọng của Nhân dân"


def build_documents(town: DemoTown) -> None:
    """The term's regulation, in force from its issue until the term ended (the file itself is not in the demo)."""
    regulation = Document(
        number=f"46-QĐ/{town.shape.identity['symbol']}",
        title=f"Quyết định ban hành quy chế hoạt động Đoàn công tác của Ban Thường vụ {_committee(town)} "
              "tại các đảng bộ, chi bộ cơ sở nhiệm kỳ 2020 - 2025", term=town.term, effective_to=town.term.end_date,
        summary="Quy định nhiệm vụ, quyền hạn, chế độ làm việc, thông tin báo cáo của các Đoàn công tác.",
    )
    db.session.add(regulation)
    issue_document(regulation, date(2022, 9, 28))
    rules = Document(number=f"12-QĐ/{town.shape.identity['symbol']}",
                     title="Quy định về nội dung, cách thức sinh hoạt chi bộ (theo Hướng dẫn 42-HD/BTCTW)",
                     summary="Thông báo, gửi tài liệu trước; sinh hoạt chuyên đề mỗi quý; thời gian và tỷ lệ dự.")
    db.session.add(rules)
    issue_document(rules, date(2025, 11, 10))
    adopt_cell_rules(rules, dict(CELL_RULE_DEFAULTS))


def build_accounts(town: DemoTown) -> None:
    from .auth.services import create_user

    head = next(m.person for m in town.groups[0].memberships if m.role == MemberRole.HEAD)
    member = next(m.person for m in town.groups[0].memberships if m.role == MemberRole.MEMBER)
    ward = town.committees[0]
    accounts = [
        ("admin", Role.ADMIN, f"Văn phòng {_committee(town)}", None, None),
        ("lanhdao", Role.LEADERSHIP, f"Thường trực {_committee(town)}", None, None),
        ("truongdoan1", Role.GROUP_HEAD, head.full_name, None, head.id),
        ("canbo", Role.UNIT_OFFICER, f"Cán bộ {ward.name}", ward.id, None),
        ("thanhvien", Role.MEMBER, member.full_name, None, member.id),
    ]
    for username, role, name, scope, person_id in accounts:
        create_user(username, DEMO_PASSWORD, role, name, scope, person_id)
        town.logins.append((username, DEMO_PASSWORD, role.value))


def build_linked_group(town: DemoTown) -> None:
    from .groups.demo import build_linked_group as build

    build(town, _person)


def build_attendance_claims(town: DemoTown) -> None:
    from .attendance_claims.demo import build_attendance_claims as build

    build(town)


def build_assessments(town: DemoTown) -> None:
    from .assessments.demo import build_assessments as build

    build(town)


def build_feedback(town: DemoTown) -> None:
    from .feedback.demo import build_feedback as build

    build(town)


def build_tasks(town: DemoTown) -> None:
    from .tasks.demo import build_tasks as build

    build(town)


def build_reporting(town: DemoTown) -> None:
    from .reports.demo import build_reporting as build

    build(town)


def build_visits(town: DemoTown) -> None:
    from .visits.demo import build_visits as build

    build(town)


def build_member_reports(town: DemoTown) -> None:
    from .member_reports.demo import build_member_reports as build

    build(town)


def build_targets(town: DemoTown) -> None:
    from .targets.demo import build_targets as build

    build(town)


BRIEFING_POINTS = [
    ("results", "Bám sát quy chế hoạt động, theo dõi các nhiệm vụ đã phân công cho từng thành viên."),
    ("advantages", "Cấp ủy, chính quyền cơ sở phối hợp tốt; thông tin từ các chi bộ kịp thời."),
    ("results", "Trưởng, phó đoàn tham dự đầy đủ các hội nghị của Đảng ủy, HĐND, UBND, MTTQ phường."),
    ("difficulties", "Một số thành viên kiêm nhiệm nhiều việc, khó bố trí thời gian dự sinh hoạt chi bộ."),
    ("shortcomings", "Tham dự sinh hoạt định kỳ tại các chi bộ được phân công chưa thường xuyên."),
    ("shortcomings", "Chế độ thông tin báo cáo chưa kịp thời; phối hợp với đoàn cơ sở còn thiếu chặt chẽ."),
    ("proposals", "Đề nghị sửa đổi quy chế, làm rõ chức năng, thẩm quyền của đoàn công tác."),
    ("proposals", "Đề nghị Ban Tổ chức bổ sung thành viên là đại biểu HĐND tại địa phương."),
]
CONCLUSION_POINTS = [
    ("Nâng cao nhận thức về vị trí, vai trò, chức năng, nhiệm vụ của các đoàn công tác.", "Các đoàn công tác", None),
    ("Nghiên cứu sửa đổi quy chế hoạt động trong tháng 9.", "Ban Tổ chức {committee}", 30),
    ("Quan tâm công tác nghiệp vụ Đảng ở các chi bộ khối doanh nghiệp.", "Các đoàn số 1, 2, 3", None),
    ("Soát xét nhiệm vụ chính trị 3 tháng cuối năm, tham mưu cho Ban Thường vụ.", "Trưởng các đoàn", 60),
]
MARKS = ["present"] * 14 + ["late"] * 2 + ["excused"] * 2 + ["absent"]


def _demo_months(today: date, count: int = 6) -> list[date]:
    """The fifth day of each of the last `count` months, oldest first."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        month, year = (month - 1, year) if month > 1 else (12, year - 1)
        months.append(date(year, month, 5))
    return sorted(months)


def _mark_all(town: DemoTown, meeting, officer: User) -> None:
    from .models import AttendanceStatus

    for row in meeting.attendances:
        status = AttendanceStatus(town.rng.choice(MARKS))
        reason = None
        if status.value in ("excused", "absent") and town.rng.random() < 0.7:
            reason = town.rng.choice(["Đi công tác", "Ốm", "Họp cơ quan", "Việc gia đình"])
        mark_attendance(row, status, reason, officer)


def _cell_record(day: date, unit: Unit) -> dict:
    """What a cell's register says for the rules: a thematic meeting in each quarter's last month, most cells
    meeting for two hours and inviting a week ahead, every fifth cell short and late with its invitations."""
    careless = unit.id % 5 == 0
    return {"ends_at": "08:45" if careless else "09:30", "thematic": day.month % 3 == 0 and not careless,
            "members_invited_on": day - timedelta(days=2 if careless else 7),
            "documents_sent_on": day - timedelta(days=1 if careless else 5)}


def build_meetings(town: DemoTown) -> None:
    """Six months of cell meetings, ward conferences and one briefing with speakers and a conclusion."""
    from .models import MeetingKind, OpinionKind, Organiser

    officer = db.session.scalar(select(User).where(User.username == "admin"))
    followed = {a.unit for g in town.groups for m in g.memberships for a in m.assignments}
    for day in _demo_months(local_today()):
        for unit in sorted(followed, key=lambda u: u.id):
            kind = MeetingKind.CELL if unit.kind == UnitKind.CELL else MeetingKind.CONFERENCE
            title = (f"Sinh hoạt chi bộ định kỳ tháng {day.month}/{day.year}" if kind == MeetingKind.CELL
                     else f"Hội nghị Ban Chấp hành {unit.name} tháng {day.month}/{day.year}")
            meeting = create_meeting({
                "kind": kind, "held_on": day, "title": title, "starts_at": "07:30",
                "organiser": Organiser.PARTY_COMMITTEE if kind == MeetingKind.CONFERENCE else None,
                "place": "Nhà văn hóa" if kind == MeetingKind.CELL else "Hội trường Đảng ủy",
                **(_cell_record(day, unit) if kind == MeetingKind.CELL else {})}, [unit])
            _mark_all(town, meeting, officer)
    upcoming = date.fromordinal(local_today().toordinal() + 6)
    for unit in sorted((u for u in followed if u.kind == UnitKind.CELL), key=lambda u: u.id)[:4]:
        create_meeting({"kind": MeetingKind.CELL, "held_on": upcoming, "starts_at": "19:30", "place": "Nhà văn hóa",
                        "title": f"Sinh hoạt chi bộ định kỳ tháng {upcoming.month}/{upcoming.year}"},
                       [unit])  # expected attendees known; marks are taken on the day
    briefing_day = _demo_months(local_today())[-2].replace(day=7)
    briefing = create_meeting({
        "kind": MeetingKind.BRIEFING, "held_on": briefing_day, "starts_at": "07:30",
        "title": f"Giao ban Thường trực {_committee(town)} với các Đoàn công tác",
        "place": f"Hội trường {_committee(town)}",
        "agenda": "Đánh giá hoạt động các Đoàn công tác; nhiệm vụ thời gian tới."}, [])
    set_conclusion(briefing, f"Bí thư {_committee(town)}",
                   "Các Đoàn cần đổi mới phương pháp, phản ánh thực chất, nhiều chiều.")
    _mark_all(town, briefing, officer)
    leaders = [m for g in town.groups for m in g.memberships if m.role != MemberRole.MEMBER]
    for position in range(1, 16):
        speaker = leaders[(position * 5) % len(leaders)]
        kind, text = BRIEFING_POINTS[position % len(BRIEFING_POINTS)]
        add_opinion(briefing, {"person": speaker.person, "group": speaker.group, "kind": OpinionKind(kind),
                               "text": text, "needs_follow_up": kind == "proposals"})
    for text, owner, days in CONCLUSION_POINTS:
        deadline = date.fromordinal(briefing_day.toordinal() + days) if days else None
        add_conclusion_point(briefing, text, owner.format(committee=_committee(town)), deadline)


DEMO_STEPS = [
    build_units,
    build_groups,
    build_linked_group,
    build_documents,
    build_accounts,
    build_meetings,
    build_feedback,
    build_tasks,
    build_reporting,
    build_visits,
    build_member_reports,
    build_targets,
    build_attendance_claims,
    build_assessments,
]


def load_demo(reset: bool = False, seed: int = 2025, shape: str = "town") -> list[tuple[str, str, str]]:
    """Load the demo town (or ward) in one transaction; return the demo logins (user name, password, role)."""
    if reset:
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
    town = DemoTown(rng=random.Random(seed), shape=SHAPES[shape])
    for step in DEMO_STEPS:
        step(town)
    db.session.commit()
    return town.logins
