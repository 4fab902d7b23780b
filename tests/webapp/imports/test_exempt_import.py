"""#24: an attendance register's exempt marks ("MS", "miễn SH", a mark its legend defines as miễn sinh hoạt) are
previewed in words and committed as the EXEMPT attendance status, which the one rate leaves out of the expected."""
from openpyxl import Workbook
from sqlalchemy import select

from webapp.extensions import db
from webapp.models import Attendance, AttendanceStatus, ImportBatch, Meeting, Person, Role

from .conftest import COMMIT, batch_id_of


def _register(path, unit: str):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Theo dõi SHCB"
    for row in [
        ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
        ["STT", "Họ và tên", "Chi bộ", "Tháng 1", "Tháng 2", "Tháng 3"],
        [1, "Lê Văn An", unit, "x", "MS", "x"],
        [2, "Trần Thị Bình", unit, "Đ", "P", "K"],
        [3, "Phạm Văn Cường", unit, "miễn SH", "x", "Miễn sinh hoạt"],
        [],
        ["Ghi chú: x - có mặt; P - vắng có phép; K - vắng không phép; MS - miễn sinh hoạt; Đ - được miễn"],
    ]:
        sheet.append(row)
    workbook.save(path)
    return path


def test_exempt_marks_are_committed_as_the_exempt_status(client, as_role, town, upload, tmp_path):
    as_role(Role.ADMIN)
    unit = next(name for name in town["units"] if name.startswith("Chi bộ"))
    preview = upload(_register(tmp_path / "dang-ky.xlsx", unit))
    assert preview.status_code == 200
    db.session.expire_all()
    marks = db.session.get(ImportBatch, batch_id_of(preview)).summary["values"]["marks"]
    exempt = [(line["label"], line["count"], line["state"]) for line in marks if line["value"] == "exempt"]
    assert exempt == [("Miễn sinh hoạt", 4, "exact")]  # a month register's marks are listed by what they read as
    receipt = client.post(f"/imports/{batch_id_of(preview)}/commit", data={**COMMIT, "create_persons": "y"},
                          follow_redirects=True)
    assert receipt.status_code == 200 and receipt.request.path.endswith("/receipt")
    rows = db.session.execute(select(Person.full_name, Meeting.held_on, Attendance.status)
                              .join(Attendance, Attendance.person_id == Person.id)
                              .join(Meeting, Meeting.id == Attendance.meeting_id)).all()
    marks = {(name, held_on.month): status for name, held_on, status in rows}
    assert marks == {
        ("Lê Văn An", 1): AttendanceStatus.PRESENT, ("Lê Văn An", 2): AttendanceStatus.EXEMPT,
        ("Lê Văn An", 3): AttendanceStatus.PRESENT, ("Trần Thị Bình", 1): AttendanceStatus.EXEMPT,
        ("Trần Thị Bình", 2): AttendanceStatus.EXCUSED, ("Trần Thị Bình", 3): AttendanceStatus.ABSENT,
        ("Phạm Văn Cường", 1): AttendanceStatus.EXEMPT, ("Phạm Văn Cường", 2): AttendanceStatus.PRESENT,
        ("Phạm Văn Cường", 3): AttendanceStatus.EXEMPT}


def test_the_rescue_form_may_give_a_mark_the_exempt_status(client, as_role, town, upload, tmp_path):
    as_role(Role.ADMIN)
    unit = next(name for name in town["units"] if name.startswith("Chi bộ"))
    preview = upload(_register(tmp_path / "dang-ky.xlsx", unit))
    assert '<option value="exempt"' in preview.get_data(as_text=True)
