"""#21.14: NUL bytes and control characters never reach the database (PostgreSQL answered 500 to them), file
names and types fit their columns, whatever the client sends."""
from io import BytesIO

from webapp.models import Role
from webapp.request_input import fit_file_name, strip_controls


def test_control_characters_are_stripped_but_lines_kept():
    assert strip_controls("a\x00b\x07c\x1bd\x7f") == "abcd"
    assert strip_controls("dòng 1\r\n\tdòng 2") == "dòng 1\r\n\tdòng 2"


def test_long_file_names_keep_their_extension():
    name = fit_file_name("x" * 10_000 + ".docx")
    assert len(name) == 255 and name.endswith(".docx")


def test_login_with_a_nul_byte_is_a_plain_refusal(client, make_user):
    make_user(Role.ADMIN, username="admin")
    response = client.post("/auth/login", data={"username": "admin\x00", "password": "sai\x00"})
    assert response.status_code < 500


def test_nul_in_search_and_form_text_is_not_a_500(client, as_role):
    as_role(Role.ADMIN)
    assert client.get("/people/", query_string={"q": "Ngu\x00yễn"}).status_code == 200
    assert client.get("/tasks/", query_string={"q": "\x00"}).status_code == 200


def test_uploads_with_hostile_names_and_types_are_fitted(app):
    data = {"file": (BytesIO(b"abc"), "b\x00\x01" + "a" * 400 + ".pdf", "application/" + "x" * 200)}
    with app.test_request_context("/", method="POST", data=data, content_type="multipart/form-data"):
        from flask import request
        upload = request.files["file"]
        assert "\x00" not in upload.filename and len(upload.filename) == 255 and upload.filename.endswith(".pdf")
        assert upload.mimetype == "application/octet-stream"
