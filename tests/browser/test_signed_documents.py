"""End to end in Chromium: the office uploads the signed PDF of a numbered document and the register shows it
signed with the signer; a tampered copy, uploaded as a confirmed replacement, shows its reason instead."""
from datetime import date

from tests.webapp.paperwork.signing import Authority, signed_pdf, tampered
from webapp.extensions import db
from webapp.models import OutgoingDocument, Role
from webapp.paperwork.document import OfficialDocument
from webapp.paperwork.services import document_to_data


def test_signed_pdf_is_uploaded_and_a_tampered_copy_shows_its_reason(login_page, root_unit, app, tmp_path,
                                                                     monkeypatch):
    authority = Authority("Ban Cơ yếu thử nghiệm")
    roots = tmp_path / "trust-roots"
    roots.mkdir()
    (roots / "root.pem").write_bytes(authority.pem)
    monkeypatch.setitem(app.config, "SIGNING_TRUST_ROOTS", str(roots))
    db.session.add(OutgoingDocument(issuer_unit_id=root_unit.id, kind="BC", year=2026, number=7, symbol="7-BC/ĐU",
                                    title="Báo cáo quý IV", issued_on=date(2026, 11, 30), content=document_to_data(
                                        OfficialDocument(["ĐẢNG ỦY"], "", "BÁO CÁO", "", [], []))))
    db.session.commit()
    signed = signed_pdf(authority.signer("Lê Văn Ký"))  # signed in a thread of its own, off Playwright's loop

    page = login_page(Role.ADMIN)
    page.goto("/paperwork/?year=2026")
    page.click("text=7-BC/ĐU")
    page.locator("#signed-copy", has_text="Chưa có bản ký số").wait_for()
    page.set_input_files("input[name=file]", {"name": "7-BC-ky-so.pdf", "mimeType": "application/pdf",
                                              "buffer": signed})
    page.click("text=Tải lên bản ký số")
    page.locator("#signed-copy", has_text="Đã ký số").wait_for()
    assert "Lê Văn Ký" in page.locator("#signed-copy").inner_text()

    page.set_input_files("input[name=file]", {"name": "7-BC-sua.pdf", "mimeType": "application/pdf",
                                              "buffer": tampered(signed)})
    page.check("input[name=replace]")
    page.click("text=Tải lên bản ký số")
    page.locator("#signed-copy", has_text="tệp đã bị sửa sau khi ký").wait_for()
    page.click("text=Sổ văn bản đi")
    row = page.locator("#outgoing-register tr", has_text="7-BC/ĐU")
    row.locator("text=tệp đã bị sửa sau khi ký").wait_for()
    assert "Đã ký số" not in row.inner_text()
