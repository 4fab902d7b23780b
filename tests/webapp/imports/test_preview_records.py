"""The preview shows the records the commit will write (not cells), in the app's terms, problems first and paginated;
remembered settings that no longer fit are dropped with a message; an unplaced file opens the correction form."""
import re

import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import ImportBatch, ImportMapping, ImportTemplate, Person, Role, Sector, UnitKind

from .conftest import ROSTER_HEADERS, batch_id_of, write_xlsx

HTMX = {"HX-Request": "true"}


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


def records_of(html: str) -> list[str]:
    """The text of each record line shown, tags stripped."""
    rows = re.findall(r'<tr class="will-[^"]*" data-row="\d+">(.*?)</tr>', html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in rows]


def test_a_roster_preview_shows_each_record_with_its_unit_path_role_label_and_source_cells(
        client, admin, town, upload, roster_file, make_unit):
    ward = town["units"][roster_file.unit]
    cell = make_unit("Chi bộ Tổ dân phố 9", UnitKind.CELL, Sector.RESIDENTIAL, parent=ward)
    rows = [[1, "Phạm Văn Khải", "12/04/1970", "Phó Bí thư", "Đoàn công tác số 7", "Trưởng đoàn", cell.name,
             "0912000001"],
            [2, "Đỗ Thị Mai", "31/02/1982", "Trưởng ban", "Đoàn công tác số 7", "Thành viên", roster_file.unit, ""]]
    html = upload(roster_file(rows)).get_data(as_text=True)
    lines = records_of(html)
    assert len(lines) == 2
    assert lines[0].startswith("5 Lỗi Đỗ Thị Mai"), "a record with a problem comes first"
    assert lines[1].startswith("4 Sẽ nhập Phạm Văn Khải mới 12/04/1970 Phó Bí thư Đoàn công tác số 7 Trưởng đoàn")
    assert f"{roster_file.unit} › {cell.name}" in lines[1], "the unit is shown with its ward"
    assert 'title="Từ ô Danh sách!C4"' in html and 'title="Từ ô Danh sách!G4' in html
    assert "Đã nhập" not in html, "nothing is labelled as done before the commit"
    tallies = re.sub(r"<[^>]+>", " ", html[html.index('id="tallies"'):html.index('id="records-table"')])
    assert re.search(r"Đoàn công tác số 7\s*:\s*Trưởng đoàn 1\s", tallies), "the tallies count records, not failed rows"
    assert 'id="raw-cells"' in html and 'data-ref="C5"' in html, "the raw cells stay one click away"
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0


def test_a_register_preview_is_paginated_and_the_pager_answers_the_records_fragment(client, admin, town, upload,
                                                                                     tmp_path):
    units = [name for name in town["units"] if name.startswith("Chi bộ")]
    rows = [[i + 1, f"Người Số {i + 1:03d}", units[i % len(units)], f"{1 + i % 28:02d}/{1 + i % 12:02d}/2025",
             "x" if i % 5 else "K"] for i in range(120)]
    path = write_xlsx(tmp_path / "diem-danh.xlsx", ["STT", "Họ và tên", "Chi bộ", "Ngày sinh hoạt", "Điểm danh"],
                      rows, title="SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025")
    preview = upload(path, kind="attendance")
    batch_id = batch_id_of(preview)
    html = preview.get_data(as_text=True)
    assert len(records_of(html)) == 24 and "Trang 1 / 5" in html
    assert "Vắng không phép" in html and "120 bản ghi" in html
    fragment = client.get(f"/imports/{batch_id}?page=5", headers=HTMX)
    text = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and text.lstrip().startswith('<section id="records"') and "<html" not in text
    assert len(records_of(text)) == 24 and "Trang 5 / 5" in text
    whole = client.get(f"/imports/{batch_id}?page=2").get_data(as_text=True)
    assert "<html" in whole and "Trang 2 / 5" in whole


def test_warnings_are_shown_above_the_rows_and_counted_on_the_commit_button(client, admin, town, upload,
                                                                             roster_file, monkeypatch):
    from webapp.imports import dry_run

    parse = dry_run.parse_batch

    def with_warning(batch):
        result = parse(batch)
        result.warnings.append({"sheet": result.sheet, "row": 4, "column": "B", "field": "full_name",
                                "value": "Khải", "message": "Danh sách!B4: họ tên chỉ có một chữ"})
        return result

    monkeypatch.setattr(dry_run, "parse_batch", with_warning)
    uploaded = upload(roster_file())
    html = uploaded.get_data(as_text=True)
    warnings = html[html.index('id="warnings"'):html.index('id="records"')]
    assert "1 cảnh báo cần xem trước khi ghi" in warnings and "họ tên chỉ có một chữ" in warnings
    assert "Ghi vào dữ liệu (1 cảnh báo)" in html
    assert records_of(html)[0].startswith("4 Sẽ nhập Phạm Văn Khải") and 'level-warning' in html
    client.post("/auth/locale/en", data={"next": "/"})
    english = client.get(f"/imports/{batch_id_of(uploaded)}").get_data(as_text=True)
    assert "1 warning to review before saving" in english and "Save the data (1 warning)" in english
    assert "1 warning remains." in english and "1 warnings" not in english


def test_a_remembered_mapping_reading_stt_as_the_unit_is_dropped_with_a_message_not_a_500(
        client, admin, town, upload, roster_file):
    first = db.session.get(ImportBatch, batch_id_of(upload(roster_file())))
    mapping = {"index": None, "full_name": "B", "birth_date": "C", "position": "D", "group": "E", "role": "F",
               "unit": "A", "phone": "H", "note": None}
    db.session.add(ImportMapping(kind="roster", signature=first.signature, mapping=mapping))
    db.session.commit()
    again = upload(roster_file(name="lan2.xlsx"))
    html = again.get_data(as_text=True)
    assert again.status_code == 200
    assert "Cách ghép cột đã lưu cho bố cục tệp này không còn khớp" in html and "cột A «STT» chỉ chứa số" in html
    assert db.session.scalar(select(func.count()).select_from(ImportMapping)) == 0
    batch = db.session.get(ImportBatch, batch_id_of(again))
    assert batch.mapping is None and batch.summary["planned"]["failed"] == 0


def test_a_template_that_no_longer_reads_the_file_is_dropped_with_a_message(client, as_role, root_unit, town,
                                                                            upload, roster_file):
    admin = as_role(Role.ADMIN)
    first = db.session.get(ImportBatch, batch_id_of(upload(roster_file())))
    db.session.add(ImportTemplate(unit_id=None, kind="roster", sheet_name=first.summary["detected_sheet"],
                                  signature=first.summary["detected_signature"], overrides={"header_rows": [90, 90]},
                                  mapping=None, file_name="x.xlsx", updated_by_id=admin.id))
    db.session.commit()
    again = upload(roster_file(name="lan2.xlsx"))
    assert again.status_code == 200
    assert "Mẫu đã lưu cho bố cục tệp này không đọc được tệp" in again.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ImportTemplate)) == 0
    assert db.session.get(ImportBatch, batch_id_of(again)).summary["record_count"] == 3


def test_the_templates_page_lists_shows_and_deletes_remembered_mappings(client, admin, town, upload, roster_file):
    batch_id = batch_id_of(upload(roster_file()))
    columns = db.session.get(ImportBatch, batch_id).summary["columns"]
    form = {f"col_{c['index']}": c["field"] or "" for c in columns}
    client.post(f"/imports/{batch_id}/mapping", data={**form, "remember": "1"})
    mapping = db.session.scalars(select(ImportMapping)).one()
    page = client.get("/imports/templates").get_data(as_text=True)
    assert 'id="mappings-table"' in page and "H → số điện thoại" in page
    deleted = client.post(f"/imports/templates/mappings/{mapping.id}/delete", follow_redirects=True)
    assert deleted.status_code == 200 and "Đã xóa cách ghép cột đã lưu." in deleted.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ImportMapping)) == 0


def test_an_officer_cannot_delete_another_users_mapping(client, as_role, make_unit, root_unit):
    cell = make_unit("Chi bộ Khác", UnitKind.CELL, Sector.WARD, parent=root_unit)
    db.session.add(ImportMapping(kind="roster", signature="x", mapping={"full_name": "B"}))
    db.session.commit()
    mapping = db.session.scalars(select(ImportMapping)).one()
    as_role(Role.UNIT_OFFICER, scope_unit=cell)
    assert 'id="mappings-table"' not in client.get("/imports/templates").get_data(as_text=True)
    assert client.post(f"/imports/templates/mappings/{mapping.id}/delete").status_code == 403


def test_rereading_with_corrections_keeps_the_column_mapping_and_the_cell_fixes(client, admin, town, upload,
                                                                                 roster_file):
    headers = ROSTER_HEADERS[:-1] + ["Liên lạc"]
    rows = [[1, "Phạm Văn Khải", "31/02/1970", "Phó Bí thư", "Đoàn công tác số 7", "Trưởng đoàn", roster_file.unit,
             "0912000001"]]
    batch_id = batch_id_of(upload(roster_file(rows, headers=headers)))
    columns = db.session.get(ImportBatch, batch_id).summary["columns"]
    form = {f"col_{c['index']}": c["field"] or "" for c in columns}
    client.post(f"/imports/{batch_id}/mapping", data={**form, "col_7": "phone"})
    client.post(f"/imports/{batch_id}/cell", data={"ref": "C4", "value": "28/02/1970"})
    client.post(f"/imports/{batch_id}/layout", data={"header_first": "3", "header_last": "3"})
    batch = db.session.get(ImportBatch, batch_id)
    assert batch.mapping["phone"] == "H" and batch.overrides == {"C4": "28/02/1970"}
    assert batch.layout == {"header_rows": [3, 3]}
    assert batch.summary["columns"][7]["field"] == "phone" and batch.summary["planned"]["failed"] == 0


def test_a_file_the_detector_cannot_place_opens_the_preview_with_the_correction_form(client, admin, upload,
                                                                                     tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    for row in [["Bảng kê"], ["Cột 1", "Cột 2", "Cột 3"], ["Nguyễn Văn An", "Chi bộ 1", "x"]]:
        book.active.append(row)
    book.save(tmp_path / "la.xlsx")
    response = upload(tmp_path / "la.xlsx")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.request.path.startswith("/imports/")
    assert "Chưa tìm thấy bảng dữ liệu trong tệp" in html and 'id="rescue-form"' in html
    assert 'id="commit-button" disabled' in html
    batch = db.session.get(ImportBatch, batch_id_of(response))
    assert [c["header"] for c in batch.summary["columns"]] == ["Cột 1", "Cột 2", "Cột 3"]
