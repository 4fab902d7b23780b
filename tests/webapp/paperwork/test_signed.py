"""A number's signed PDF: uploaded back, checked with pyHanko against the office's trust roots (a throw-away CA
made here), kept byte for byte with its SHA-256, and shown in the register as signed or with the exact reason."""
import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.webapp.paperwork.signing import Authority, blank_pdf, signed_pdf, tampered, updated_after_signing
from webapp.extensions import db
from webapp.models import OutgoingDocument, Role, Sector, SignedCopy, UnitKind
from webapp.paperwork.document import OfficialDocument
from webapp.paperwork.services import document_to_data
from webapp.uploads import upload_folder

SIGNED = "Đã ký số"


@pytest.fixture(scope="module")
def office_ca():
    return Authority("Ban Cơ yếu thử nghiệm")


@pytest.fixture
def trusted(app, tmp_path, monkeypatch, office_ca):
    """The office's trust-roots folder holding the test root (as PEM)."""
    folder = tmp_path / "trust-roots"
    folder.mkdir()
    (folder / "root.pem").write_bytes(office_ca.pem)
    monkeypatch.setitem(app.config, "SIGNING_TRUST_ROOTS", str(folder))
    return folder


@pytest.fixture
def numbered(make_unit):
    root = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.ROOT, Sector.WARD)
    row = OutgoingDocument(issuer_unit_id=root.id, kind="BC", year=2026, number=1, symbol="1-BC/ĐU",
                           title="Báo cáo", issued_on=date(2026, 11, 30),
                           content=document_to_data(OfficialDocument(["ĐẢNG ỦY PHƯỜNG"], "", "BÁO CÁO", "", [], [])))
    db.session.add(row)
    db.session.commit()
    return row


def _upload(client, row, data: bytes, name="van-ban-ky-so.pdf", replace=False):
    form = {"file": (io.BytesIO(data), name)}
    if replace:
        form["replace"] = "y"
    return client.post(f"/paperwork/{row.id}/signed", data=form, content_type="multipart/form-data")


def _copies(row):
    db.session.expire_all()
    return db.session.scalars(select(SignedCopy).where(SignedCopy.document_id == row.id)
                              .order_by(SignedCopy.id)).all()


def test_a_valid_signature_shows_signed_with_the_signer_time_and_hash(client, as_role, trusted, numbered, office_ca):
    as_role(Role.ADMIN)
    pdf = signed_pdf(office_ca.signer("Lê Văn Ký"))
    assert _upload(client, numbered, pdf).status_code == 302
    [copy] = _copies(numbered)
    assert (copy.status, copy.signer_name) == ("valid", "Lê Văn Ký") and copy.signed_at is not None
    assert copy.sha256 == hashlib.sha256(pdf).hexdigest()
    assert (upload_folder("signed") / copy.stored_name).read_bytes() == pdf
    register = client.get("/paperwork/?year=2026").get_data(as_text=True)
    assert SIGNED in register and "Lê Văn Ký" in register
    page = client.get(f"/paperwork/{numbered.id}").get_data(as_text=True)
    assert copy.sha256 in page and SIGNED in page
    download = client.get(f"/paperwork/{numbered.id}/signed/{copy.id}")
    body = download.data
    download.close()
    assert download.status_code == 200 and body == pdf


@pytest.mark.parametrize("make, status, reason", [
    (lambda ca, other: tampered(signed_pdf(ca.signer("Lê Văn Ký"))), "modified", "tệp đã bị sửa sau khi ký"),
    (lambda ca, other: updated_after_signing(signed_pdf(ca.signer("Lê Văn Ký"))), "modified",
     "tệp đã bị sửa sau khi ký"),
    (lambda ca, other: signed_pdf(other.signer("Người Lạ")), "untrusted",
     "chứng thư số không do tổ chức tin cậy cấp"),
    (lambda ca, other: signed_pdf(ca.signer("Lê Văn Ký", expired=True)), "expired",
     "chứng thư số đã hết hạn khi ký"),
    (lambda ca, other: blank_pdf(), "unsigned", "Tệp chưa được ký số"),
], ids=["tampered-byte", "incremental-update", "unknown-root", "expired", "unsigned"])
def test_a_failing_file_is_kept_and_shown_with_its_reason(client, as_role, trusted, numbered, office_ca, make,
                                                          status, reason):
    as_role(Role.ADMIN)
    pdf = make(office_ca, Authority("Tổ chức không tin cậy"))
    assert _upload(client, numbered, pdf).status_code == 302
    [copy] = _copies(numbered)
    assert copy.status == status and copy.sha256 == hashlib.sha256(pdf).hexdigest()
    register = client.get("/paperwork/?year=2026").get_data(as_text=True)
    assert reason in register and SIGNED not in register


def test_without_trust_roots_no_signature_is_trusted(client, as_role, app, tmp_path, monkeypatch, numbered,
                                                     office_ca):
    monkeypatch.setitem(app.config, "SIGNING_TRUST_ROOTS", str(tmp_path / "missing"))
    as_role(Role.ADMIN)
    assert _upload(client, numbered, signed_pdf(office_ca.signer("Lê Văn Ký"))).status_code == 302
    assert [c.status for c in _copies(numbered)] == ["untrusted"]


def test_a_der_root_is_read_too(client, as_role, trusted, numbered, office_ca):
    from cryptography.hazmat.primitives.serialization import Encoding
    (trusted / "root.pem").unlink()
    (trusted / "root.cer").write_bytes(office_ca.cert.public_bytes(Encoding.DER))
    as_role(Role.ADMIN)
    assert _upload(client, numbered, signed_pdf(office_ca.signer("Lê Văn Ký"))).status_code == 302
    assert [c.status for c in _copies(numbered)] == ["valid"]


@pytest.mark.parametrize("data, name", [(b"PK\x03\x04 not a pdf", "van-ban.docx"), (b"%PDF-1.7 broken", "x.pdf")])
def test_a_file_that_is_not_a_pdf_is_refused(client, as_role, trusted, numbered, data, name):
    as_role(Role.ADMIN)
    response = _upload(client, numbered, data, name)
    assert response.status_code == 422 and "không phải tệp PDF" in response.get_data(as_text=True)
    assert _copies(numbered) == []


def test_a_second_upload_needs_the_confirmation_and_keeps_the_first(client, as_role, trusted, numbered, office_ca):
    as_role(Role.ADMIN)
    first, second = signed_pdf(office_ca.signer("Lê Văn Ký")), signed_pdf(office_ca.signer("Trần Thị Hai"))
    assert _upload(client, numbered, first).status_code == 302
    refused = _upload(client, numbered, second)
    assert refused.status_code == 422 and "đã có bản ký số" in refused.get_data(as_text=True)
    assert [c.signer_name for c in _copies(numbered)] == ["Lê Văn Ký"]
    assert _upload(client, numbered, second, replace=True).status_code == 302
    old, new = _copies(numbered)
    assert old.replaced_at is not None and new.replaced_at is None and new.signer_name == "Trần Thị Hai"
    assert (upload_folder("signed") / old.stored_name).read_bytes() == first
    page = client.get(f"/paperwork/{numbered.id}").get_data(as_text=True)
    assert "Trần Thị Hai" in page and old.sha256 in page


@pytest.mark.parametrize("role", [Role.LEADERSHIP, Role.UNIT_OFFICER, Role.MEMBER])
def test_only_the_office_uploads(client, as_role, trusted, numbered, office_ca, role):
    as_role(role)
    response = _upload(client, numbered, signed_pdf(office_ca.signer("Lê Văn Ký")))
    assert response.status_code in (403, 404) and _copies(numbered) == []


def test_the_page_says_when_libreoffice_is_missing(client, as_role, app, monkeypatch, numbered):
    monkeypatch.setitem(app.config, "OFFICE_CONVERTER", "/nonexistent/soffice")
    as_role(Role.ADMIN)
    page = client.get(f"/paperwork/{numbered.id}").get_data(as_text=True)
    assert "chưa cài LibreOffice" in page and 'id="download-pdf"' not in page
    response = client.get(f"/paperwork/{numbered.id}.pdf")
    assert response.status_code == 302


def test_trust_roots_default_to_the_instance_folder(app):
    from webapp.paperwork.signed_views import office_trust_roots_folder
    with app.test_request_context():
        assert office_trust_roots_folder() == Path(app.instance_path) / "trust-roots"


def test_a_ward_admin_cannot_reach_the_towns_number(client, as_role, make_unit, trusted, numbered, office_ca):
    ward = make_unit("Đảng ủy phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, numbered.issuer)
    as_role(Role.ADMIN, scope_unit=ward)
    assert _upload(client, numbered, signed_pdf(office_ca.signer("Lê Văn Ký"))).status_code == 404
    assert client.get(f"/paperwork/{numbered.id}").status_code == 404 and _copies(numbered) == []


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_damaged_signed_file_is_never_shown_as_signed(client, as_role, trusted, numbered, office_ca, cut):
    as_role(Role.ADMIN)
    pdf = signed_pdf(office_ca.signer("Lê Văn Ký"))
    response = _upload(client, numbered, pdf[:int(len(pdf) * cut)])
    assert response.status_code in (302, 422)
    assert [c.status for c in _copies(numbered) if c.status == "valid"] == []


def test_a_signature_is_checked_even_where_an_event_loop_runs(trusted, office_ca):
    """pyHanko starts its own event loop; the check works where one already runs in the caller's thread (an async
    server, or a browser test earlier in the same test worker)."""
    import asyncio

    from webapp.paperwork.signatures import VALID, in_own_thread, trust_roots, verify

    data, roots = signed_pdf(office_ca.signer("Lê Văn Ký")), trust_roots(trusted)

    async def inside_a_loop():
        return verify(data, roots)

    # the loop runs in a thread of its own: this test's thread may hold a browser test's running loop already
    assert in_own_thread(lambda: asyncio.run(inside_a_loop())).status == VALID
