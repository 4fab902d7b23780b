"""#24: the briefing report (the activity report) carries the quarterly cell scorecard as evidence: for the quarter
of the report, the cells that miss a rule, each with the rule and the meetings behind it, a cell name borne in two
wards named with its ward. The verdicts are the scorecard's own."""
import io
from datetime import date, datetime, timezone

from docx import Document as WordDocument
from sqlalchemy import select

from webapp.documents.rules import CELL_RULE_DEFAULTS
from webapp.documents.services import adopt_cell_rules
from webapp.extensions import db
from webapp.meetings import scorecard
from webapp.meetings.services import create_meeting
from webapp.models import Document, MeetingKind, OutgoingDocument, Role, Sector, UnitKind, User
from webapp.paperwork.cell_evidence import TITLE
from webapp.units.services import save_identity


def _town(make_unit):
    root = make_unit("Đảng bộ thị xã Hồng Lĩnh", UnitKind.ROOT, Sector.WARD)
    save_identity(root, superior_name="Đảng bộ tỉnh Hà Tĩnh", issuer_name="Thị ủy Hồng Lĩnh",
                  committee_name="Thị ủy", symbol="TU", place_name="Hồng Lĩnh", signer_on_behalf="T/M BAN THƯỜNG VỤ",
                  signer_title="BÍ THƯ", signer_name="Lê Văn Ký", recipients=None)
    north = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root)
    south = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root)
    cells = [make_unit("Chi bộ Tổ dân phố 3", UnitKind.CELL, Sector.WARD, parent=ward) for ward in (north, south)]
    tidy = make_unit("Chi bộ Tổ dân phố 9", UnitKind.CELL, Sector.WARD, parent=south)
    regulation = Document(title="Quy định sinh hoạt chi bộ", status="issued", issued_on=date(2026, 1, 1),
                          effective_from=date(2026, 1, 1))
    db.session.add(regulation)
    adopt_cell_rules(regulation, dict(CELL_RULE_DEFAULTS))
    db.session.commit()
    return cells, tidy


def _meeting(unit, title, held_on, **fields):
    data = {"kind": MeetingKind.CELL, "title": title, "held_on": held_on, "starts_at": "07:30", "ends_at": "09:00",
            "members_invited_on": date(2026, 1, 1), "documents_sent_on": date(2026, 1, 1), "thematic": False,
            **fields}
    meeting = create_meeting(data, [unit])
    db.session.commit()
    return meeting


def _paragraphs(docx: bytes) -> list[str]:
    return [p.text for p in WordDocument(io.BytesIO(docx)).paragraphs]


def test_the_briefing_report_lists_the_cells_that_miss_a_rule_with_their_meetings(client, as_role, make_unit,
                                                                                   clock):
    (north_cell, south_cell), tidy = _town(make_unit)
    _meeting(north_cell, "Sinh hoạt tháng 1", date(2026, 1, 10))
    _meeting(north_cell, "Sinh hoạt tháng 2", date(2026, 2, 10), ends_at="08:30")
    _meeting(south_cell, "Chuyên đề tháng 3", date(2026, 3, 12), thematic=True)
    _meeting(tidy, "Chuyên đề quý I", date(2026, 3, 5), thematic=True)
    _meeting(tidy, "Sinh hoạt tháng 4", date(2026, 4, 2), ends_at="08:00")  # next quarter: not in this report
    clock(datetime(2026, 4, 6, 3, 0, tzinfo=timezone.utc))
    as_role(Role.ADMIN)
    assert client.post("/dashboard/report/issue", data={"period": "quarter", "year": "2026", "quarter": "1"}
                       ).status_code == 302
    row = db.session.scalar(select(OutgoingDocument).order_by(OutgoingDocument.id.desc()))
    response = client.get(f"/paperwork/{row.id}.docx")
    assert response.status_code == 200
    lines = _paragraphs(response.data)
    section = lines[lines.index(TITLE) + 1:]
    evidence = [line.removeprefix("- ") for line in section if line.startswith("- Quý ")]
    north = "Chi bộ Tổ dân phố 3 (Đảng bộ phường Bắc Hồng)"
    assert evidence == [
        f"Quý I/2026 – {north}: chưa đạt «Sinh hoạt chuyên đề trong quý» – Sinh hoạt tháng 1 (10/01/2026; Thường kỳ); "
        "Sinh hoạt tháng 2 (10/02/2026; Thường kỳ).",
        f"Quý I/2026 – {north}: chưa đạt «Đủ thời gian sinh hoạt» – Sinh hoạt tháng 2 (10/02/2026; sinh hoạt 60 phút).",
    ]
    assert not any("Nam Hồng" in line or "Tổ dân phố 9" in line for line in section)
    # the same verdicts as the scorecard page's one computation
    start, end = scorecard.quarter_bounds(2026, 1)
    admin = db.session.scalar(select(User).where(User.role == Role.ADMIN))
    cards = scorecard.cell_cards(scorecard.visible_cells(admin, start, end), start, end)
    assert {(card.unit.id, v.key) for card in cards for v in card.verdicts if v.verdict == "missed"} == {
        (north_cell.id, "thematic"), (north_cell.id, "duration")}


def test_a_report_whose_cells_all_meet_the_rules_says_so(client, as_role, make_unit, clock):
    _cells, tidy = _town(make_unit)
    _meeting(tidy, "Chuyên đề quý I", date(2026, 3, 5), thematic=True)
    clock(datetime(2026, 4, 6, 3, 0, tzinfo=timezone.utc))
    as_role(Role.ADMIN)
    page = client.get("/dashboard/report", query_string={"period": "quarter", "year": "2026", "quarter": "1"})
    text = page.get_data(as_text=True)
    assert TITLE in text and "không có chi bộ nào chưa đạt quy tắc sinh hoạt" in text


def test_the_evidence_stays_vietnamese_for_an_officer_reading_in_english(client, as_role, make_unit, clock):
    """The report is the administrative form itself: the rule names and what they read stay Vietnamese."""
    (north_cell, _south_cell), _tidy = _town(make_unit)
    _meeting(north_cell, "Sinh hoạt tháng 2", date(2026, 2, 10), ends_at="08:30")
    clock(datetime(2026, 4, 6, 3, 0, tzinfo=timezone.utc))
    user = as_role(Role.ADMIN)
    user.locale = "en"
    db.session.commit()
    text = client.get("/dashboard/report", query_string={"period": "quarter", "year": "2026", "quarter": "1"}
                      ).get_data(as_text=True)
    assert "chưa đạt «Đủ thời gian sinh hoạt» – Sinh hoạt tháng 2 (10/02/2026; sinh hoạt 60 phút)" in text
    assert "«Sinh hoạt chuyên đề trong quý» – Sinh hoạt tháng 2 (10/02/2026; Thường kỳ)" in text
