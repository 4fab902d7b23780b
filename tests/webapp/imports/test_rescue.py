"""The preview's rescue controls (header rows, joins, context rows, legend, year, sheets) and saved templates."""
import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from tests.workbooks import write_workbook
from webapp.extensions import db
from webapp.imports import services
from webapp.models import Attendance, ImportBatch, ImportTemplate, Role, Sector, UnitKind

from .conftest import COMMIT, batch_id_of

# A decoy line naming four fields two rows above the real month header: the detector takes the decoy.
MISLEAD = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2024"], ["Họ và tên", "Chi bộ", "Ngày", "Điểm danh"], [],
           ["Họ và tên", "Chi bộ", "T1", "T2", "T3"],
           ["Nguyễn Văn An", "Chi bộ Rescue", "x", "P", "Đ"],
           ["Lê Thị Bình", "Chi bộ Rescue", "x", "x", None], [],
           ["Ghi chú: x = có mặt; P = vắng có phép; K = vắng không phép"]]
FIX = {"header_first": "4", "header_last": "4", "legend0_mark": "Đ", "legend0_status": "late"}
HTMX = {"HX-Request": "true"}


def write(tmp_path, rows, name="mislead.xlsx", sheet="Điểm danh"):
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


@pytest.fixture
def cell(root_unit, term, make_unit):
    return make_unit("Chi bộ Rescue", UnitKind.CELL, Sector.WARD, parent=root_unit)


@pytest.fixture
def officer(as_role, cell):
    return as_role(Role.UNIT_OFFICER, scope_unit=cell)


def _batch(batch_id):
    db.session.expire_all()
    return db.session.get(ImportBatch, batch_id)


def test_header_and_legend_fix_without_javascript_then_saved_template_is_applied_next_time(
        client, officer, cell, upload, tmp_path):
    preview = upload(write(tmp_path, MISLEAD), kind="attendance")
    batch_id = batch_id_of(preview)
    html = preview.get_data(as_text=True)
    assert "Dòng tiêu đề 2: nhận biết theo tên cột" in html and "Năm 2024: lấy từ dòng 1" in html
    assert _batch(batch_id).summary["record_count"] == 0
    response = client.post(f"/imports/{batch_id}/layout", data=FIX)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/imports/{batch_id}")
    page = client.get(f"/imports/{batch_id}").get_data(as_text=True)
    assert "Dòng tiêu đề 4: do cán bộ chọn" in page and "đ = đến muộn: do cán bộ sửa" in page
    assert _batch(batch_id).summary["record_count"] == 5
    client.post(f"/imports/{batch_id}/commit", data={**COMMIT, "create_persons": "y", "action": "commit"})
    statuses = sorted(s.value for s in db.session.scalars(select(Attendance.status)))
    assert statuses == ["excused", "late", "present", "present", "present"]
    assert db.session.scalars(select(ImportTemplate)).all() == [], "saved only when the officer asks"
    third = batch_id_of(upload(write(tmp_path, MISLEAD, name="again.xlsx"), kind="attendance"))
    client.post(f"/imports/{third}/layout", data=FIX)
    client.post(f"/imports/{third}/save-template")
    template = db.session.scalars(select(ImportTemplate)).one()
    assert template.unit_id == cell.id and template.overrides["header_rows"] == [4, 4]
    second = upload(write(tmp_path, MISLEAD[:5] + [["Trần Văn Cường", "Chi bộ Rescue", "Đ", "x", "x"]] + MISLEAD[6:],
                          name="second.xlsx"), kind="attendance")
    html = second.get_data(as_text=True)
    assert "Đã áp dụng mẫu đã lưu" in html
    batch = _batch(batch_id_of(second))
    assert batch.summary["record_count"] == 6 and batch.summary["error_count"] == 0


def test_htmx_fix_answers_the_work_area_fragment(client, officer, upload, tmp_path):
    batch_id = batch_id_of(upload(write(tmp_path, MISLEAD), kind="attendance"))
    response = client.post(f"/imports/{batch_id}/layout", data=FIX, headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<div id="import-work">')
    assert "do cán bộ chọn" in html and "<html" not in html


def test_year_override_and_join(client, as_role, root_unit, term, upload, tmp_path):
    as_role(Role.ADMIN)
    rows = [["Họ đệm", "Tên", "Chi bộ", "T1"], ["Nguyễn Văn", "An", "Chi bộ 1", "x"]]
    batch_id = batch_id_of(upload(write(tmp_path, rows), kind="attendance"))
    response = client.post(f"/imports/{batch_id}/layout", data={
        "year": "2023", "join0_field": "full_name", "join0_a": "A", "join0_b": "B"}, headers=HTMX)
    assert response.status_code == 200
    summary = _batch(batch_id).summary
    assert summary["record_count"] == 1 and summary["year"] == 2023
    assert {"what": "Năm", "value": "2023", "source": "do cán bộ nhập"} in summary["inferences"]


@pytest.mark.parametrize("data, words", [
    ({"header_first": "abc"}, "Dòng tiêu đề đầu phải là một số nguyên dương"),
    ({"header_first": "5", "header_last": "2"}, "Dòng tiêu đề không hợp lệ"),
    ({"legend0_mark": "Đ", "legend0_status": "sometimes"}, "Ký hiệu ở dòng 1"),
    ({"join0_field": "full_name", "join0_a": "A"}, "Ghép cột"),
    ({"join0_field": "full_name", "join0_a": "A", "join0_b": "ZZ"}, "Ghép cột"),
    ({"context_group": "boss"}, "Ý nghĩa dòng tiêu đề nhóm"),
    ({"sheets": ["Không có"]}, "Không có trang tính"),
    ({"year": "12"}, "Năm không hợp lệ"),
    ({"map0_field": "unit"}, "Gán cột ở dòng 1: chọn một cột"),
    ({"map0_field": "boss", "map0_column": "A"}, "Gán cột ở dòng 1: chọn một trường"),
    ({"map0_field": "unit", "map0_column": "A", "map1_field": "unit", "map1_column": "B"}, "đã được gán"),
    ({"replace0_column": "C", "replace0_with": "K"}, "Thay thế ở dòng 1: cần giá trị cần tìm"),
    ({"replace0_column": "C", "replace0_find": "a", "replace0_when": "filled"}, "điều kiện cần một cột"),
    ({"date0_column": "ZZ"}, "Chỉ giữ phần ngày ở dòng 1"),
    ({"strip0_column": "A", "strip0_part": "prefix"}, "nhập chữ cần bỏ"),
    ({"split1_column": "A", "split1_how": "lines", "split1_first": "full_name", "split1_second": "full_name"},
     "Tách ô ở dòng 2"),
    ({"sheet0_field": "unit", "sheet0_from": "row"}, "Giá trị cho cả trang ở dòng 1"),
])
@pytest.mark.parametrize("headers", [{}, HTMX])
def test_bad_input_is_a_422_naming_what_is_wrong(client, officer, upload, tmp_path, data, words, headers):
    batch_id = batch_id_of(upload(write(tmp_path, MISLEAD), kind="attendance"))
    response = client.post(f"/imports/{batch_id}/layout", data=data, headers=headers)
    assert response.status_code == 422 and words in response.get_data(as_text=True)
    assert _batch(batch_id).layout is None


def test_header_row_beyond_the_sheet_is_a_422_not_a_500(client, officer, upload, tmp_path):
    batch_id = batch_id_of(upload(write(tmp_path, MISLEAD), kind="attendance"))
    response = client.post(f"/imports/{batch_id}/layout", data={"header_first": "90", "header_last": "90"})
    assert response.status_code == 422 and "ngoài trang tính" in response.get_data(as_text=True)
    response = client.post(f"/imports/{batch_id}/layout", data={"sheet0_field": "unit", "sheet0_from": "row",
                                                                 "sheet0_row": "99"})
    assert response.status_code == 422 and "dòng 99 nằm ngoài trang" in response.get_data(as_text=True)


def test_save_template_explicitly_then_list_and_delete_within_scope(client, as_role, officer, cell, make_unit,
                                                                     root_unit, upload, tmp_path):
    batch_id = batch_id_of(upload(write(tmp_path, MISLEAD), kind="attendance"))
    assert client.post(f"/imports/{batch_id}/save-template").status_code == 302
    assert db.session.scalar(select(func.count()).select_from(ImportTemplate)) == 0, "nothing corrected yet"
    client.post(f"/imports/{batch_id}/layout", data=FIX)
    client.post(f"/imports/{batch_id}/save-template")
    template = db.session.scalars(select(ImportTemplate)).one()
    page = client.get("/imports/templates").get_data(as_text=True)
    assert "Mẫu đã lưu" in page and "mislead.xlsx" in page and "Chi bộ Rescue" in page
    other = make_unit("Chi bộ Khác", UnitKind.CELL, Sector.WARD, parent=root_unit)
    client.post("/auth/logout")
    as_role(Role.UNIT_OFFICER, scope_unit=other)
    assert "mislead.xlsx" not in client.get("/imports/templates").get_data(as_text=True)
    assert client.post(f"/imports/templates/{template.id}/delete").status_code == 403
    again = batch_id_of(upload(write(tmp_path, MISLEAD), kind="attendance"))
    assert _batch(again).layout is None, "another unit's template is not applied"
    client.post("/auth/logout")
    as_role(Role.UNIT_OFFICER, scope_unit=cell)
    assert client.post(f"/imports/templates/{template.id}/delete").status_code == 302
    assert db.session.scalar(select(func.count()).select_from(ImportTemplate)) == 0
    assert client.post("/imports/templates/999/delete").status_code == 404


@pytest.mark.parametrize("role", [Role.LEADERSHIP, Role.GROUP_HEAD, Role.MEMBER])
def test_other_roles_cannot_use_the_rescue_routes(client, as_role, role):
    as_role(role)
    assert client.get("/imports/templates").status_code == 403
    assert client.post("/imports/1/layout", data=FIX).status_code == 403
    assert client.post("/imports/1/save-template").status_code == 403


def _post(client, batch_id, data, headers):
    response = client.post(f"/imports/{batch_id}/layout", data=data, headers=headers)
    assert response.status_code == (200 if headers else 302), response.get_data(as_text=True)[:500]
    return _batch(batch_id).summary


def write_book(tmp_path, sheets, name="book.xlsx"):
    return write_workbook(tmp_path / name, sheets)

@pytest.mark.parametrize("headers", [{}, HTMX])
def test_several_sheets_are_imported_together(client, as_role, root_unit, term, upload, tmp_path, headers):
    as_role(Role.ADMIN)
    header = ["Họ và tên", "Chi bộ", "T1", "T2"]
    path = write_book(tmp_path, {"Quý 1": [["NĂM 2024"], header, ["Nguyễn Văn An", "Chi bộ 1", "x", "x"]],
                                 "Quý 2": [["NĂM 2024"], header, ["Lê Thị Bình", "Chi bộ 1", "x", "P"]]})
    batch_id = batch_id_of(upload(path, kind="attendance"))
    assert _batch(batch_id).summary["record_count"] == 4  # one layout on two sheets: both read from the start
    only_first = _post(client, batch_id, {"sheets": ["Quý 1"], "header_first": "2", "header_last": "2"}, headers)
    assert only_first["record_count"] == 2
    summary = _post(client, batch_id, {"sheets": ["Quý 1", "Quý 2"], "header_first": "2", "header_last": "2"},
                    headers)
    assert summary["record_count"] == 4
    assert {"what": "Trang tính", "value": "Quý 1, Quý 2", "source": "do cán bộ chọn"} in summary["inferences"]


@pytest.mark.parametrize("headers", [{}, HTMX])
def test_context_rows_meaning_and_join_without_and_with_javascript(client, as_role, root_unit, term, upload,
                                                                   tmp_path, headers):
    as_role(Role.ADMIN)
    rows = [["STT", "Họ đệm", "Tên", "Nhiệm vụ trong đoàn"], ["Đoàn công tác số 2"],
            [1, "Nguyễn Văn", "An", "Trưởng đoàn"], [2, "Lê Thị", "Bình", "Thành viên"]]
    batch_id = batch_id_of(upload(write(tmp_path, rows, sheet="DS"), kind="roster"))
    joined = _post(client, batch_id, {"header_first": "1", "header_last": "1", "join0_field": "full_name",
                                      "join0_a": "B", "join0_b": "C"}, headers)
    assert joined["record_count"] == 2  # "Họ đệm" alone names no field: the join gives the name column
    assert {"what": "Đoàn", "value": "", "source": "lấy từ các dòng tiêu đề nhóm"} in joined["inferences"]
    ignored = _post(client, batch_id, {"header_first": "1", "header_last": "1", "join0_field": "full_name",
                                       "join0_a": "B", "join0_b": "C", "context_group": "ignore"}, headers)
    assert ignored["record_count"] == 0 and _batch(batch_id).layout["context"] == {"group": "ignore"}


def test_rescue_posts_without_csrf_token_are_refused(app, client, officer, upload, tmp_path, monkeypatch):
    batch_id = batch_id_of(upload(write(tmp_path, MISLEAD), kind="attendance"))
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    assert client.post(f"/imports/{batch_id}/layout", data=FIX).status_code == 400
    assert client.post(f"/imports/{batch_id}/save-template").status_code == 400
    assert _batch(batch_id).layout is None


WEEKDAY_REGISTER = [["Ngày sinh hoạt", "Họ tên", "Có mặt", "Lý do vắng", "Chi bộ"],
                    ["Thứ Hai, 06/01/2025", "Nguyễn Văn An", "Có", None, "Chi bộ Rescue"],
                    ["Thứ Hai, 06/01/2025", "Lê Thị Bình", "Không", "Ốm", "Chi bộ Rescue"],
                    ["Thứ Hai, 06/01/2025", "Trần Văn Cường", "Không", None, "Chi bộ Rescue"]]


@pytest.mark.parametrize("headers", [{}, HTMX])
def test_whole_column_corrections_one_post_each_keep_each_other(client, officer, upload, tmp_path, headers):
    batch_id = batch_id_of(upload(write(tmp_path, WEEKDAY_REGISTER, sheet="Sổ"), kind="attendance"))
    steps = [{"date0_column": "A"}, {"map0_column": "D", "map0_field": "note"},
             {"replace0_column": "C", "replace0_find": "Không", "replace0_with": "P", "replace0_when_column": "D",
              "replace0_when": "filled"},
             {"replace1_column": "C", "replace1_find": "Không", "replace1_with": "K"}]
    posted = {}
    for step in steps:  # the form sends back what it shows: every earlier correction and the new one
        posted = {**posted, **step}
        summary = _post(client, batch_id, posted, headers)
    assert summary["record_count"] == 3 and summary["error_count"] == 0
    layout = _batch(batch_id).layout
    assert layout["dates"] == ["A"] and layout["columns"] == {"note": "D"} and len(layout["replace"]) == 2
    page = client.get(f"/imports/{batch_id}").get_data(as_text=True)
    assert 'name="replace1_find" value="Không"' in page and "cột C: «Không» → «K»" in page
    statuses = sorted(r["status"] for r in services.parse_batch(_batch(batch_id)).records())
    assert statuses == ["absent", "excused", "present"]


def test_a_saved_template_lists_its_column_corrections(client, officer, upload, tmp_path):
    batch_id = batch_id_of(upload(write(tmp_path, WEEKDAY_REGISTER, sheet="Sổ"), kind="attendance"))
    _post(
        client,
        batch_id,
        {
            "date0_column": "A",
            "map0_column": "D",
            "map0_field": "note",
            "replace0_column": "C",
            "replace0_find": "Không",
            "replace0_with": "K",
            "sheet0_field": "unit",
            "sheet0_from": "tab",
            "strip0_column": "B",
            "strip0_part": "prefix",
            "strip0_text": "Đ/c",
        },
        {},
    )
    assert client.post(f"/imports/{batch_id}/save-template").status_code == 302
    page = client.get("/imports/templates").get_data(as_text=True)
    for said in (
        "Chỉ giữ phần ngày A.",
        "Gán cột D → ghi chú.",
        "Thay thế C: “Không” → “K”.",
        "Giá trị cho cả trang: chi bộ.",
        "Bỏ phần đầu/cuối B.",
    ):
        assert said in page
