"""A province-shaped install: a Tỉnh ủy whose groups work in communes issues its documents under its own name
and symbol (…-BC/TU), with no trace of a town committee; `flask demo --shape province` loads such an install."""
import io
from datetime import date, datetime, timezone

from docx import Document
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.meetings.services import create_meeting
from webapp.models import (
    Assignment,
    Meeting,
    MeetingKind,
    MemberRole,
    OutgoingDocument,
    Person,
    Role,
    Sector,
    Unit,
    UnitKind,
    User,
    WorkingGroup,
)
from webapp.units.identity import identity_for
from webapp.units.services import save_identity

TOWN_TRACES = ("Thị ủy", "THỊ ỦY", "/ThU", "thị xã", "THỊ XÃ")


def _docx_text(data: bytes) -> tuple[str, str]:
    document = Document(io.BytesIO(data))
    header = "\n".join(cell.text for row in document.tables[0].rows for cell in row.cells)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return header, "\n".join(parts)


def test_a_province_issues_its_report_and_invitation_as_the_province(client, as_role, root_unit, make_unit,
                                                                    make_group, make_person, make_membership,
                                                                    make_assignment, clock):
    clock(datetime(2026, 11, 29, 3, 0, tzinfo=timezone.utc))
    root = root_unit   # the install's one root, made the province's
    root.set_name("Đảng bộ tỉnh Hà Tĩnh")
    root.sector = Sector.OTHER
    save_identity(root, superior_name="", issuer_name="Tỉnh ủy Hà Tĩnh", committee_name="Tỉnh ủy", symbol="TU",
                  place_name="Hà Tĩnh", signer_on_behalf="T/M BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ THƯỜNG TRỰC",
                  signer_name="Nguyễn Văn Ký", recipients=None)
    commune = make_unit("Đảng bộ xã Sơn Kim", UnitKind.PARTY_COMMITTEE, Sector.COMMUNE, root)
    cell = make_unit("Chi bộ thôn 1", UnitKind.CELL, Sector.RESIDENTIAL, commune)
    group = make_group(1)
    make_membership(make_person("Trần Văn Trưởng"), group, MemberRole.HEAD, start=date(2025, 10, 15))
    member = make_membership(make_person("Lê Thị Thành"), group, MemberRole.MEMBER, start=date(2025, 10, 15))
    make_assignment(member, cell, start=date(2025, 10, 15))
    briefing = create_meeting({"kind": MeetingKind.BRIEFING, "held_on": date(2026, 12, 5), "starts_at": None,
                               "title": "Giao ban các đoàn công tác quý IV", "place": "Hội trường Tỉnh ủy"}, [])
    db.session.commit()
    as_role(Role.ADMIN)
    assert client.post("/dashboard/report/issue", data={"period": "year", "year": "2026"}).status_code == 302
    assert client.post(f"/paperwork/issue/invitation/{briefing.id}").status_code == 302
    rows = db.session.scalars(select(OutgoingDocument).order_by(OutgoingDocument.id)).all()
    assert [r.symbol for r in rows] == ["1-BC/TU", "1-GM/TU"]

    header, text = _docx_text(client.get(f"/paperwork/{rows[0].id}.docx").data)
    assert header.splitlines()[0] == "TỈNH ỦY HÀ TĨNH" and "Số 1-BC/TU" in header
    assert "Hà Tĩnh, ngày 29 tháng 11 năm 2026" in header
    assert "BAN THƯỜNG VỤ TỈNH ỦY" in text and "PHÓ BÍ THƯ THƯỜNG TRỰC" in text and "Nguyễn Văn Ký" in text
    assert "Lưu Văn phòng Tỉnh ủy" in text
    header, invitation = _docx_text(client.get(f"/paperwork/{rows[1].id}.docx").data)
    assert "TỈNH ỦY HÀ TĨNH" in header and "Số 1-GM/TU" in header
    assert "Ban Thường vụ Tỉnh ủy trân trọng kính mời" in invitation and "Hội trường Tỉnh ủy" in invitation
    page = client.get(f"/paperwork/{rows[0].id}").get_data(as_text=True)
    for trace in TOWN_TRACES:
        assert trace not in text and trace not in invitation and trace not in page, trace


def test_demo_loads_a_province_whose_groups_work_in_communes(runner):
    result = runner.invoke(args=["demo", "--shape", "province"])
    assert result.exit_code == 0, result.output
    root = db.session.scalar(select(Unit).where(Unit.parent_id.is_(None)))
    assert root.name == "Đảng bộ tỉnh Hà Tĩnh"
    who = identity_for()
    assert (who.issuer_name, who.committee_name, who.symbol, who.superior_name) == ("Tỉnh ủy Hà Tĩnh", "Tỉnh ủy",
                                                                                    "TU", "")
    followed = db.session.scalars(select(Unit).join(Assignment, Assignment.unit_id == Unit.id)).all()
    assert any(unit.name.startswith("Đảng bộ xã") for unit in followed)
    assert any(unit.name.startswith("Chi bộ thôn") for unit in followed)
    # the province's eight groups and the commune-level group linked to the first of them
    assert db.session.scalar(select(func.count()).select_from(WorkingGroup)) == 9
    assert (
        db.session.scalar(
            select(func.count()).select_from(WorkingGroup).where(WorkingGroup.works_with_group_id.is_not(None))
        )
        == 1
    )
    texts = " ".join([*db.session.scalars(select(User.display_name)), *db.session.scalars(select(Meeting.title)),
                      *(p or "" for p in db.session.scalars(select(Person.position)))])
    assert "Tỉnh ủy" in texts
    for trace in TOWN_TRACES:
        assert trace not in texts, trace
