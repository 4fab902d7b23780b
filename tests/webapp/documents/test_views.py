"""Documents: list, upload (stored under a generated name), download with the original name, size limit."""
import io
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Document, Role


def _upload(client, town, content=b"%PDF-1.4 quy che", filename="Quy chế 46.pdf", **changes):
    data = {"number": "12-QĐ/ThU", "title": "Quyết định sửa đổi quy chế", "issued_on": "2026-09-15",
            "term_id": str(town.group.term_id), "summary": "Sửa đổi quy chế hoạt động",
            "file": (io.BytesIO(content), filename), **changes}
    return client.post("/documents/new", data=data, content_type="multipart/form-data")


def test_list_shows_documents(client, town, login_as):
    login_as(Role.GROUP_HEAD)
    body = client.get("/documents/").get_data(as_text=True)
    assert "46-QĐ/ThU" in body and "28/09/2022" in body


def test_list_for_htmx_is_a_fragment(client, town, login_as):
    login_as(Role.ADMIN)
    body = client.get("/documents/", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in body and "46-QĐ/ThU" in body


def test_upload_stores_under_a_generated_name_and_downloads_with_the_original(client, app, town, login_as):
    login_as(Role.ADMIN)
    assert _upload(client, town).status_code == 302
    document = db.session.scalar(select(Document).where(Document.number == "12-QĐ/ThU"))
    assert document.file_name == "Quy chế 46.pdf" and document.stored_name != document.file_name
    assert document.stored_name.endswith(".pdf") and "/" not in document.stored_name and document.size_bytes == 16
    assert (Path(app.config["UPLOAD_FOLDER"]) / document.stored_name).read_bytes() == b"%PDF-1.4 quy che"
    response = client.get(f"/documents/{document.id}/download")
    assert response.status_code == 200 and response.data == b"%PDF-1.4 quy che"
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and "filename*=UTF-8''Quy%20ch%E1%BA%BF%2046.pdf" in disposition
    response.close()


@pytest.mark.parametrize("changes,message", [
    ({"title": ""}, "Hãy nhập tên văn bản."),
    ({"issued_on": "32/01/2026"}, "Ngày không hợp lệ"),
    ({"filename": "virus.exe"}, "Chỉ nhận tệp"),
    ({"filename": ""}, "Hãy chọn tệp văn bản."),
    ({"content": b""}, "Tệp rỗng"),
])
def test_upload_bad_input_is_shown_next_to_the_field(client, app, town, login_as, changes, message):
    login_as(Role.ADMIN)
    before = _stored_files(app)
    response = _upload(client, town, **changes)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Document)) == 1
    assert _stored_files(app) == before


def _stored_files(app) -> set[str]:
    folder = Path(app.config["UPLOAD_FOLDER"])
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def test_upload_over_the_size_limit_gets_the_vietnamese_413_page(client, app, town, login_as):
    login_as(Role.ADMIN)
    app.config["MAX_CONTENT_LENGTH"] = 1024
    try:
        response = _upload(client, town, content=b"x" * 4096)
    finally:
        app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024
    assert response.status_code == 413 and "vượt quá dung lượng cho phép" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Document)) == 1


def test_missing_file_is_404(client, town, login_as):
    login_as(Role.ADMIN)
    assert client.get(f"/documents/{town.document.id}/download").status_code == 404
    assert client.get("/documents/9999/download").status_code == 404


def test_missing_file_error_sits_on_its_own_line_after_the_help_and_the_file_is_starred(client, town, login_as):
    login_as(Role.ADMIN)
    html = _upload(client, town, filename="").get_data(as_text=True)
    label = re.search(r'<label for="file">(.*?)</label>', html, re.S).group(1)
    assert '<span class="req" aria-hidden="true">*</span>' in label and "required" in label
    after_label = html[html.index('<label for="file">'):]
    help_at, error_at = after_label.index('id="file-help"'), after_label.index('id="file-err"')
    assert help_at < error_at
    help_element = re.search(r'<small class="field-help muted" id="file-help">(.*?)</small>', after_label, re.S)
    assert "Hãy chọn tệp văn bản." not in help_element.group(1)
    assert 'aria-describedby="file-help file-err"' in label
    box = after_label[:after_label.index("</div>")]
    assert 'id="file-help"' in box and 'id="file-err"' in box  # one box: one cell when fields sit in a grid


def test_cell_rule_form_says_which_defaults_are_the_guidance_and_which_the_apps(client, town, login_as):
    """#24: the defaults are HD 42-HD/BTCTW's and HD 12-HD/BTCTW's figures (one thematic meeting a quarter, about
    90 minutes, above 85 %, at most three excused absences in a row); the guidance names no number of days ahead, so
    those three fields say they are the app's default, to be set by the committee."""
    login_as(Role.ADMIN)
    body = client.get(f"/documents/{town.document.id}").get_data(as_text=True)
    form = body[body.index('id="cell-rules-form"'):body.index("</form>", body.index('id="cell-rules-form"'))]
    fields = {name: form[form.index(f'name="{name}"'):] for name in (
        "member_notice_days", "committee_notice_days", "documents_days", "thematic_per_quarter", "min_minutes",
        "attendance_percent", "max_excused_in_row")}

    def hint(name):
        start = form.index(f'id="{name}-help"')
        return form[form.index(">", start) + 1:form.index("</small>", start)]

    def value(name):
        return int(re.search(r'value="(\d+)"', fields[name]).group(1))

    for name in ("member_notice_days", "committee_notice_days", "documents_days"):
        assert hint(name).startswith("Mặc định của ứng dụng, chỉnh theo quy định của cấp ủy"), name
    assert (value("thematic_per_quarter"), value("min_minutes"), value("attendance_percent"),
            value("max_excused_in_row")) == (1, 90, 85, 3)
    assert "HD 42-HD/BTCTW" in hint("thematic_per_quarter") and "90 phút" in hint("min_minutes")
    assert "HD 12-HD/BTCTW" in hint("attendance_percent") and "85%" in hint("attendance_percent")
    assert "ba lần liên tiếp" in hint("max_excused_in_row")
    assert not any("Mặc định của ứng dụng" in hint(name) for name in (
        "thematic_per_quarter", "min_minutes", "attendance_percent", "max_excused_in_row"))
