"""#20: the meetings list had no export; the listed meetings (its filters, the officer's scope) and their
attendance, status in words, formula-safe."""
from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from webapp.extensions import db
from webapp.models import AttendanceStatus, MeetingKind, Organiser, Role, UnitKind

TITLE = "=HYPERLINK(\"http://x\") Sinh hoạt chi bộ tháng 3"


def _sheets(response) -> dict[str, list[list]]:
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(BytesIO(response.data))
    return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)] for sheet in book}


@pytest.fixture
def marked(ward, make_meeting):
    """The cell's March meeting: the first member present, the second excused, the third not yet marked; and a
    conference of the ward's committee in April."""
    meeting = make_meeting(MeetingKind.CELL, date(2026, 3, 5), units=[ward.cell], title=TITLE, place="Nhà văn hoá")
    marks = {ward.members[0].id: (AttendanceStatus.PRESENT, None),
             ward.members[1].id: (AttendanceStatus.EXCUSED, "-ốm, có đơn")}
    for row in meeting.attendances:
        row.status, row.reason = marks.get(row.person_id, (None, None))
    make_meeting(MeetingKind.CONFERENCE, date(2026, 4, 2), units=[ward.committee], title="Hội nghị phường",
                 organiser=Organiser.PEOPLES_COMMITTEE)
    db.session.commit()
    return meeting


def test_meetings_export_lists_meetings_and_attendance_in_words(client, as_role, ward, marked):
    as_role(Role.UNIT_OFFICER, scope_unit=ward.committee)
    query = {"month": "2026-03", "kind": "cell"}
    page = client.get("/meetings/", query_string=query).get_data(as_text=True)
    assert 'id="meetings-export"' in page
    assert "/meetings/export.xlsx?kind=cell&amp;month=2026-03" in page
    sheets = _sheets(client.get("/meetings/export.xlsx", query_string=query))
    meetings, attendance = sheets["Cuộc họp"], sheets["Điểm danh"]
    assert meetings[0] == ["Ngày", "Giờ", "Giờ kết thúc", "Loại", "Hình thức", "Tên cuộc họp", "Đơn vị", "Địa điểm",
                           "Gửi giấy mời cho đảng viên", "Gửi tài liệu"]
    assert len(meetings) == 2
    held_on, _starts, _ends, kind, _form, title, units, place, _invited, _sent = meetings[1]
    assert (held_on.date(), kind, title, units, place) == (date(2026, 3, 5), "Sinh hoạt chi bộ", "'" + TITLE,
                                                           "Chi bộ Tổ dân phố 3", "Nhà văn hoá")
    assert attendance[0] == ["Ngày họp", "Cuộc họp", "Họ và tên", "Khách mời", "Điểm danh", "Lý do"]
    by_name = {row[2]: row for row in attendance[1:]}
    assert set(by_name) == {person.full_name for person in ward.members}
    first, second, third = (by_name[person.full_name] for person in ward.members)
    assert first[0].date() == date(2026, 3, 5) and first[1] == "'" + TITLE
    assert (first[4], first[5]) == ("Có mặt", None)
    assert (second[4], second[5]) == ("Vắng có phép", "'-ốm, có đơn")
    assert third[4] == "Chưa điểm danh"
    assert not {"present", "excused", "absent", "cell"} & {value for row in meetings + attendance for value in row}


def test_meetings_export_without_filters_names_the_organiser(client, as_role, ward, marked):
    as_role(Role.ADMIN)
    rows = _sheets(client.get("/meetings/export.xlsx"))["Cuộc họp"][1:]
    assert [(row[3], row[5]) for row in rows] == [("Hội nghị · UBND", "Hội nghị phường"),
                                                  ("Sinh hoạt chi bộ", "'" + TITLE)]


def test_another_wards_officer_exports_none_of_the_first_wards_meetings(client, as_role, root_unit, make_unit,
                                                                        ward, marked):
    other_ward = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    as_role(Role.UNIT_OFFICER, scope_unit=other_ward)
    sheets = _sheets(client.get("/meetings/export.xlsx"))
    assert sheets["Cuộc họp"][1:] == [] and sheets["Điểm danh"][1:] == []


def test_meetings_export_carries_what_the_cell_rules_judge_and_the_exempt_mark(client, as_role, ward, make_meeting):
    """#24: end time, regular or thematic, the days the invitation and the documents went out, and the exempt mark
    in words; an unrecorded figure stays blank, a formula-like text is neutralised as everywhere."""
    thematic = make_meeting(MeetingKind.CELL, date(2026, 3, 5), units=[ward.cell], title="=1+1 chuyên đề",
                            starts_at="07:30", ends_at="09:15", thematic=True,
                            members_invited_on=date(2026, 2, 28), documents_sent_on=date(2026, 3, 1))
    make_meeting(MeetingKind.CELL, date(2026, 3, 20), units=[ward.cell], title="Thường kỳ tháng 3", thematic=False)
    make_meeting(MeetingKind.CELL, date(2026, 3, 25), units=[ward.cell], title="Chưa ghi hình thức")
    for row in thematic.attendances:
        row.status = AttendanceStatus.EXEMPT if row.person_id == ward.members[2].id else AttendanceStatus.PRESENT
    db.session.commit()
    as_role(Role.UNIT_OFFICER, scope_unit=ward.committee)
    sheets = _sheets(client.get("/meetings/export.xlsx", query_string={"month": "2026-03", "kind": "cell"}))
    by_title = {row[5]: row for row in sheets["Cuộc họp"][1:]}
    first = by_title["'=1+1 chuyên đề"]
    assert (first[1], first[2], first[4]) == ("07:30", "09:15", "Chuyên đề")
    assert (first[8].date(), first[9].date()) == (date(2026, 2, 28), date(2026, 3, 1))
    assert by_title["Thường kỳ tháng 3"][4] == "Thường kỳ"
    unrecorded = by_title["Chưa ghi hình thức"]
    assert (unrecorded[2], unrecorded[4], unrecorded[8], unrecorded[9]) == (None, None, None, None)
    marks = {row[2]: row[4] for row in sheets["Điểm danh"][1:] if row[1] == "'=1+1 chuyên đề"}
    assert marks[ward.members[2].full_name] == "Miễn sinh hoạt"
    assert marks[ward.members[0].full_name] == "Có mặt"
