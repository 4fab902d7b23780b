"""Documents as .odt and PDF through LibreOffice when the server has it (checked on an A4 page with poppler's
tools, skipped when either is missing), a clear message when it has none, and typed text that cannot break the
layout of the .docx."""
import io
import shutil
import subprocess
import zipfile
from datetime import date, datetime, timezone

import pytest
from docx import Document
from sqlalchemy import select

from tests.webapp.paperwork.test_register import _ward_install
from webapp.extensions import db
from webapp.meetings.services import create_meeting
from webapp.models import ConclusionPoint, MeetingKind, OutgoingDocument, Role

HAS_OFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))
HAS_POPPLER = bool(shutil.which("pdftotext") and shutil.which("pdfinfo"))


def _issue_report(client, make_unit) -> OutgoingDocument:
    _ward_install(make_unit)
    assert client.post("/dashboard/report/issue", data={"period": "year", "year": "2026"}).status_code == 302
    return db.session.scalar(select(OutgoingDocument))


def test_without_a_converter_the_links_are_hidden_and_the_office_is_told(client, as_role, make_unit, clock, app,
                                                                          monkeypatch):
    clock(datetime(2026, 11, 29, 3, 0, tzinfo=timezone.utc))
    monkeypatch.setitem(app.config, "OFFICE_CONVERTER", "/nonexistent/soffice")
    as_role(Role.ADMIN)
    row = _issue_report(client, make_unit)
    page = client.get(f"/paperwork/{row.id}").get_data(as_text=True)
    assert 'id="download-docx"' in page and 'id="download-pdf"' not in page and 'id="download-odt"' not in page
    for fmt in ("pdf", "odt"):
        response = client.get(f"/paperwork/{row.id}.{fmt}", follow_redirects=True)
        assert response.status_code == 200
        assert f"Máy chủ chưa cài LibreOffice nên chưa tải được bản .{fmt}" in response.get_data(as_text=True)
    assert client.get(f"/paperwork/{row.id}.rtf").status_code == 404


@pytest.mark.skipif(not (HAS_OFFICE and HAS_POPPLER), reason="LibreOffice or poppler-utils not installed")
def test_briefing_report_opens_in_libreoffice_on_an_a4_page(client, as_role, make_unit, clock, tmp_path):
    clock(datetime(2026, 11, 29, 3, 0, tzinfo=timezone.utc))
    as_role(Role.ADMIN)
    row = _issue_report(client, make_unit)
    page = client.get(f"/paperwork/{row.id}").get_data(as_text=True)
    assert 'id="download-pdf"' in page and 'id="download-odt"' in page
    response = client.get(f"/paperwork/{row.id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.data)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert "595" in size and ("841" in size or "842" in size), size
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY PHƯỜNG BẮC HỒNG", "Số 1-BC/ĐU", "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG",
                     "T/M BAN THƯỜNG VỤ", "Lê Văn Ký", "Nơi nhận:"):
        assert expected in text, expected
    odt = client.get(f"/paperwork/{row.id}.odt")
    assert odt.status_code == 200
    with zipfile.ZipFile(io.BytesIO(odt.data)) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert "Số 1-BC/ĐU" in archive.read("content.xml").decode()


def test_long_and_odd_typed_text_keeps_the_layout(client, as_role, make_unit, clock):
    clock(datetime(2026, 12, 31, 3, 0, tzinfo=timezone.utc))
    _ward_install(make_unit)
    odd = "Giao ban \x0bquý\x01 IV <w:t>]]></w:t> {{ x }} %(s)s \t\u202e" + "Đ" * 200
    long_word = "ý" * 20000
    briefing = create_meeting({"kind": MeetingKind.BRIEFING, "held_on": date(2026, 12, 20), "title": odd[:300],
                               "conclusion": f"{long_word}\n\n\x0c{odd}"}, [])
    db.session.add(ConclusionPoint(meeting_id=briefing.id, number=1, text=long_word, owner_text=odd[:200]))
    db.session.commit()
    as_role(Role.ADMIN)
    assert client.post(f"/paperwork/issue/conclusion/{briefing.id}").status_code == 302
    row = db.session.scalar(select(OutgoingDocument))
    response = client.get(f"/paperwork/{row.id}.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.data))
    header = "\n".join(cell.text for row_ in document.tables[0].rows for cell in row_.cells)
    closing = "\n".join(cell.text for row_ in document.tables[-1].rows for cell in row_.cells)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header and "Số 1-TB/ĐU" in header and "Bắc Hồng, ngày 31" in header
    assert "T/M BAN THƯỜNG VỤ" in closing and "Lê Văn Ký" in closing and "Nơi nhận:" in closing
    body = "\n".join(p.text for p in document.paragraphs)
    assert long_word in body and "Giao ban quý IV <w:t>]]></w:t> {{ x }} %(s)s" in body
    assert "\x0b" not in body and "\x01" not in body
    assert client.get(f"/paperwork/{row.id}.xlsx").status_code == 200
    assert client.get(f"/paperwork/{row.id}").status_code == 200
