"""The register of outgoing documents: numbers per kind and year, the issuer's symbol, .docx in the party's
layout, and who may issue and read."""
import io
from datetime import date, datetime, timezone

from docx import Document
from sqlalchemy import select

from webapp.extensions import db
from webapp.meetings.services import create_meeting
from webapp.models import ConclusionPoint, MeetingKind, MemberRole, OutgoingDocument, Role, Sector, UnitKind
from webapp.units.services import save_identity


def _ward_install(make_unit):
    root = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.ROOT, Sector.WARD)
    save_identity(root, superior_name="Đảng bộ tỉnh Hà Tĩnh", issuer_name="Đảng ủy phường Bắc Hồng",
                  committee_name="Đảng ủy", symbol="ĐU", place_name="Bắc Hồng", signer_on_behalf="T/M BAN THƯỜNG VỤ",
                  signer_title="BÍ THƯ", signer_name="Lê Văn Ký", recipients=None)
    db.session.commit()
    return root


def _text(docx_bytes: bytes) -> str:
    document = Document(io.BytesIO(docx_bytes))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_briefing_reports_are_numbered_in_turn_and_open_in_word(client, as_role, make_unit, clock):
    clock(datetime(2026, 11, 29, 3, 0, tzinfo=timezone.utc))
    _ward_install(make_unit)
    as_role(Role.ADMIN)
    first = client.post("/dashboard/report/issue", data={"period": "year", "year": "2026"})
    second = client.post("/dashboard/report/issue", data={"period": "year", "year": "2026"})
    assert first.status_code == second.status_code == 302
    rows = db.session.scalars(select(OutgoingDocument).order_by(OutgoingDocument.id)).all()
    assert [r.symbol for r in rows] == ["1-BC/ĐU", "2-BC/ĐU"]
    response = client.get(f"/paperwork/{rows[1].id}.docx")
    assert response.status_code == 200 and response.mimetype.endswith("wordprocessingml.document")
    text = _text(response.data)
    for expected in ("ĐẢNG BỘ TỈNH HÀ TĨNH", "ĐẢNG ỦY PHƯỜNG BẮC HỒNG", "Số 2-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                     "Bắc Hồng, ngày 29 tháng 11 năm 2026", "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG", "tỷ lệ dự đạt",
                     "T/M BAN THƯỜNG VỤ", "Lê Văn Ký", "Nơi nhận:"):
        assert expected in text, expected
    section = Document(io.BytesIO(response.data)).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30
    assert "2-BC/ĐU" in client.get("/paperwork/").get_data(as_text=True)


def test_each_kind_counts_on_its_own_and_a_new_year_starts_again(client, as_role, make_unit, make_group,
                                                                 make_person, make_membership, clock):
    clock(datetime(2026, 12, 31, 3, 0, tzinfo=timezone.utc))
    _ward_install(make_unit)
    group = make_group(1)
    make_membership(make_person("Trần <b>Văn</b> Một"), group, MemberRole.HEAD, start=date(2025, 10, 15))
    briefing = create_meeting({"kind": MeetingKind.BRIEFING, "held_on": date(2026, 12, 20),
                               "title": "Giao ban quý IV", "conclusion": "Các đoàn cần bám sát cơ sở."}, [])
    db.session.add(ConclusionPoint(meeting_id=briefing.id, number=1, text="Rà soát nhiệm vụ; =SUM(A1)\nxuống dòng",
                                   owner_text="Các đoàn", deadline=date(2027, 1, 31)))
    db.session.commit()
    as_role(Role.ADMIN)
    client.post("/dashboard/report/issue", data={"period": "year", "year": "2026"})
    client.post(f"/paperwork/issue/conclusion/{briefing.id}")
    client.post(f"/paperwork/issue/assignment/{group.id}")
    clock(datetime(2027, 1, 2, 3, 0, tzinfo=timezone.utc))
    client.post(f"/paperwork/issue/conclusion/{briefing.id}")
    client.post(f"/paperwork/issue/invitation/{briefing.id}")
    symbols = [r.symbol for r in db.session.scalars(select(OutgoingDocument).order_by(OutgoingDocument.id))]
    assert symbols == ["1-BC/ĐU", "1-TB/ĐU", "1-QĐ/ĐU", "1-TB/ĐU", "1-GM/ĐU"]
    notice = db.session.scalar(select(OutgoingDocument).where(OutgoingDocument.kind == "TB"))
    text = _text(client.get(f"/paperwork/{notice.id}.docx").data)
    assert (
        "THÔNG BÁO KẾT LUẬN" in text and "Rà soát nhiệm vụ; =SUM(A1)\nxuống dòng" in text and "hạn 31/01/2027" in text
    )
    decision = db.session.scalar(select(OutgoingDocument).where(OutgoingDocument.kind == "QĐ"))
    assert "Trần <b>Văn</b> Một" in _text(client.get(f"/paperwork/{decision.id}.docx").data)
    page = client.get(f"/paperwork/{decision.id}").get_data(as_text=True)
    assert "Trần &lt;b&gt;Văn&lt;/b&gt; Một" in page


def test_only_admins_issue_and_the_board_reads(client, as_role, make_unit):
    _ward_install(make_unit)
    as_role(Role.LEADERSHIP)
    assert client.post("/dashboard/report/issue", data={"period": "year", "year": "2026"}).status_code == 403
    assert client.get("/paperwork/").status_code == 200
    for role in (Role.MEMBER, Role.UNIT_OFFICER, Role.GROUP_HEAD):
        client.post("/auth/logout")
        as_role(role)
        assert client.get("/paperwork/").status_code == 403, role


def test_a_double_submit_issues_one_number(client, as_role, make_unit, clock):
    """#21.5: the issuing form carries a one-time token; its second submit lands on the first submit's document."""
    clock(datetime(2026, 11, 29, 3, 0, tzinfo=timezone.utc))
    _ward_install(make_unit)
    briefing = create_meeting({"kind": MeetingKind.BRIEFING, "held_on": date(2026, 12, 20), "title": "Giao ban"}, [])
    db.session.commit()
    as_role(Role.ADMIN)
    page = client.get(f"/meetings/{briefing.id}").get_data(as_text=True)
    token = page.split('name="once" value="', 1)[1].split('"', 1)[0]
    first = client.post(f"/paperwork/issue/invitation/{briefing.id}", data={"once": token})
    second = client.post(f"/paperwork/issue/invitation/{briefing.id}", data={"once": token})
    rows = db.session.scalars(select(OutgoingDocument)).all()
    assert [r.symbol for r in rows] == ["1-GM/ĐU"]
    assert first.headers["Location"] == second.headers["Location"]
    assert "không cấp số lần nữa" in client.get(second.headers["Location"]).get_data(as_text=True)


def test_a_ward_without_its_own_identity_issues_nothing_under_the_towns(client, as_role, make_unit, root_unit,
                                                                          clock):
    """#21.4: ward A, ward B and the town each issued "1-BC/ThU" under the town's header."""
    clock(datetime(2026, 11, 29, 3, 0, tzinfo=timezone.utc))
    ward = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    db.session.commit()
    as_role(Role.ADMIN, scope_unit=ward)
    refused = client.post("/dashboard/report/issue", data={"period": "year", "year": "2026"})
    assert refused.status_code == 302 and db.session.scalars(select(OutgoingDocument)).all() == []
    assert "chưa khai báo thông tin ban hành" in client.get(refused.headers["Location"]).get_data(as_text=True)
    save_identity(ward, superior_name="Đảng bộ thị xã", issuer_name="Đảng ủy phường Nam Hồng",
                  committee_name="Đảng ủy", symbol="ĐU", place_name="Nam Hồng", signer_on_behalf="T/M BAN THƯỜNG VỤ",
                  signer_title="BÍ THƯ", signer_name="Phạm Ký", recipients=None)
    db.session.commit()
    assert client.post("/dashboard/report/issue", data={"period": "year", "year": "2026"}).status_code == 302
    row = db.session.scalars(select(OutgoingDocument)).one()
    assert (row.issuer_unit_id, row.symbol) == (ward.id, "1-BC/ĐU")


def test_the_assignment_decision_is_previewed_before_a_number_is_taken(client, as_role, make_unit, make_group,
                                                                         make_person, make_membership, clock):
    """#20: "Ra quyết định phân công nhiệm vụ" took a number in one click; its .docx page was landscape while the
    section said portrait."""
    from docx.enum.section import WD_ORIENT

    clock(datetime(2026, 11, 29, 3, 0, tzinfo=timezone.utc))
    _ward_install(make_unit)
    group = make_group(1)
    make_membership(make_person("Phạm Thị Thành"), group, MemberRole.HEAD, start=date(2025, 10, 15))
    as_role(Role.ADMIN)
    page = client.get(f"/groups/{group.id}").get_data(as_text=True)
    assert f"/paperwork/issue/assignment/{group.id}" in page and 'id="assignment-preview"' in page
    preview = client.get(f"/paperwork/issue/assignment/{group.id}").get_data(as_text=True)
    assert "Phạm Thị Thành" in preview and 'id="confirm-issue"' in preview
    assert db.session.scalars(select(OutgoingDocument)).all() == []
    token = preview.split('name="once" value="', 1)[1].split('"', 1)[0]
    issued = client.post(f"/paperwork/issue/assignment/{group.id}", data={"once": token})
    row = db.session.scalars(select(OutgoingDocument)).one()
    assert issued.headers["Location"].endswith(f"/paperwork/{row.id}")
    section = Document(io.BytesIO(client.get(f"/paperwork/{row.id}.docx").data)).sections[0]
    landscape = section.page_width > section.page_height
    assert (section.orientation == WD_ORIENT.LANDSCAPE) == landscape
