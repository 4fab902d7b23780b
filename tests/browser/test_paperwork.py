"""End to end in Chromium: the office numbers the briefing report from the dashboard and downloads it as .docx,
which opens with python-docx showing the header, the number, the figures and the signature block."""
import io
from datetime import date

from docx import Document

from webapp.extensions import db
from webapp.models import MemberRole, Role, Sector, UnitKind
from webapp.units.services import save_identity


def test_briefing_report_is_numbered_and_downloaded_as_docx(login_page, root_unit, make_unit, make_group, make_person,
                                                           make_membership, make_assignment):
    root = root_unit
    save_identity(root, superior_name="Đảng bộ tỉnh Hà Tĩnh", issuer_name="Đảng ủy phường Bắc Hồng",
                  committee_name="Đảng ủy", symbol="ĐU", place_name="Bắc Hồng", signer_on_behalf="T/M BAN THƯỜNG VỤ",
                  signer_title="BÍ THƯ", signer_name="Lê Văn Ký", recipients=None)
    cell = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, root)
    group = make_group(1)
    membership = make_membership(make_person("Phạm Thị Thành"), group, MemberRole.MEMBER, start=date(2025, 10, 15))
    make_assignment(membership, cell, start=date(2025, 10, 15))
    db.session.commit()

    page = login_page(Role.ADMIN)
    page.locator("nav a", has_text="Theo dõi, đánh giá").click()
    page.locator("a", has_text="Báo cáo (bản in)").first.click()
    page.locator("h1", has_text="BÁO CÁO KẾT QUẢ HOẠT ĐỘNG").wait_for()
    page.click("text=Cấp số và vào sổ văn bản đi")
    page.locator("text=Đã vào sổ văn bản đi số 1-BC/ĐU").wait_for()
    with page.expect_download() as info:
        page.click("#download-docx")
    document = Document(io.BytesIO(info.value.path().read_bytes()))
    header = "\n".join(cell.text for table in document.tables[:1] for row in table.rows for cell in row.cells)
    body = "\n".join(p.text for p in document.paragraphs)
    closing = "\n".join(cell.text for row in document.tables[-1].rows for cell in row.cells)
    assert "ĐẢNG ỦY PHƯỜNG BẮC HỒNG" in header and "Số 1-BC/ĐU" in header and "ĐẢNG CỘNG SẢN VIỆT NAM" in header
    assert "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG CỦA CÁC ĐOÀN CÔNG TÁC CỦA BAN THƯỜNG VỤ ĐẢNG ỦY" in body
    assert "1 Đoàn công tác với 1 thành viên" in body and "tỷ lệ dự đạt" in body
    assert "T/M BAN THƯỜNG VỤ" in closing and "Lê Văn Ký" in closing and "Nơi nhận:" in closing
