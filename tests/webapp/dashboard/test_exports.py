"""Official documents: .xlsx and .ods open, carry the layout, the legend, the signature block, and never
turn a person's name into a formula."""
import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from webapp.exports import neutralise
from webapp.models import Role

YEAR = {"period": "year", "year": "2026"}


def all_text(ws) -> str:
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


@pytest.fixture
def hostile_member(town, make_person, make_membership):
    person = make_person("=HYPERLINK(\"http://x\",\"bấm\")")
    make_membership(person, town.g1)
    return person


@pytest.mark.parametrize(
    "value,expected",
    [
        ("=1+1", "'=1+1"),
        ("+84", "'+84"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        (5, 5),
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_report_xlsx_layout(client, as_role, town):
    as_role(Role.LEADERSHIP)
    response = client.get("/dashboard/report.xlsx", query_string=YEAR)
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    ws = load_workbook(io.BytesIO(response.data)).active
    text = all_text(ws)
    for expected in ["ĐẢNG BỘ THỊ XÃ HỒNG SƠN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Hồng Sơn, ngày",
                     "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG CỦA CÁC ĐOÀN CÔNG TÁC", "Năm 2026", "I. KẾT QUẢ ĐẠT ĐƯỢC",
                     "II. TỒN TẠI, HẠN CHẾ", "III. SỐ LIỆU THEO TỪNG ĐOÀN CÔNG TÁC", "IV. CÁC VIỆC CÒN TỒN ĐỌNG",
                     "T/M BAN THƯỜNG VỤ", "Phạm Văn Dũng", "Chi bộ Tổ dân phố 3", "tỷ lệ dự đạt 81,8 %"]:
        assert expected in text, expected
    fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "portrait"
    assert ws.print_title_rows and ws.print_title_rows.startswith("$")
    header_row = int(ws.print_title_rows.split(":")[0].strip("$"))
    assert ws.cell(header_row, 2).value == "Đoàn công tác"
    row = next(r for r in ws.iter_rows(min_row=header_row + 1, values_only=True) if r[1] == "Đoàn công tác số 1")
    assert row[2:9] == (4, 6, 3, 1, 1, 1, "66,7 %")


def test_register_xlsx_has_marks_legend_and_is_landscape(client, as_role, town):
    as_role(Role.ADMIN)
    ws = load_workbook(io.BytesIO(client.get("/dashboard/register.xlsx", query_string=YEAR).data)).active
    text = all_text(ws)
    assert "Ghi chú: x: có mặt; M: đi muộn; P: vắng có phép; K: vắng không phép; MS: miễn sinh hoạt" in text
    assert "I. ĐOÀN CÔNG TÁC SỐ 1" in text and "II. ĐOÀN CÔNG TÁC SỐ 2" in text and "T/M BAN THƯỜNG VỤ" in text
    assert ws.page_setup.orientation == "landscape"
    row = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Nguyễn Văn An")
    # T1 x, T2 P, T3 x, T4 M (at C2), nothing after; rate 75,0 %.
    assert row[3:8] == ("x", "P", "x", "M", None) and row[-1] == "75,0 %"
    bình = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Trần Thị Bình")
    assert bình[3:5] == ("x", "K")


def test_roster_lists_groups_by_role_and_followed_units(client, as_role, town):
    as_role(Role.ADMIN)
    ws = load_workbook(io.BytesIO(client.get("/dashboard/roster.xlsx", query_string=YEAR).data)).active
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[1] in ("Trần Thị Bình", "Nguyễn Văn An")]
    assert [r[1] for r in rows] == ["Trần Thị Bình", "Nguyễn Văn An"]          # head before members
    assert rows[0][3] == "Trưởng đoàn" and rows[1][4] == "Chi bộ Tổ dân phố 1; Chi bộ Tổ dân phố 2"


def test_formula_injection_is_neutralised(client, as_role, hostile_member):
    as_role(Role.ADMIN)
    for path in ("/dashboard/roster.xlsx", "/dashboard/register.xlsx", "/dashboard/report.xlsx"):
        ws = load_workbook(io.BytesIO(client.get(path, query_string=YEAR).data)).active
        cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
        assert cells, path
        for cell in cells:
            assert cell.data_type == "s" and not cell.value.startswith("="), (path, cell.value)
    assert all(c.value.startswith("'=HYPERLINK") for c in cells if c.value.startswith("'"))


def test_report_ods_opens_and_carries_the_same_text(client, as_role, town):
    from odf import teletype
    from odf.opendocument import load
    from odf.table import TableCell

    as_role(Role.LEADERSHIP)
    response = client.get("/dashboard/report.ods", query_string=YEAR)
    assert response.status_code == 200 and response.mimetype == "application/vnd.oasis.opendocument.spreadsheet"
    doc = load(io.BytesIO(response.data))
    text = "\n".join(teletype.extractText(cell) for cell in doc.getElementsByType(TableCell))
    assert "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG CỦA CÁC ĐOÀN CÔNG TÁC" in text and "T/M BAN THƯỜNG VỤ" in text
    assert "Đoàn công tác số 1" in text and "66,7 %" in text


def test_print_page_has_the_administrative_layout(client, as_role, town):
    as_role(Role.LEADERSHIP)
    body = client.get("/dashboard/report", query_string={"period": "8m", "year": "2026"}).get_data(as_text=True)
    for expected in ["ĐẢNG CỘNG SẢN VIỆT NAM", "8 tháng đầu năm 2026", "T/M BAN THƯỜNG VỤ", "I. KẾT QUẢ ĐẠT ĐƯỢC"]:
        assert expected in body
    register = client.get("/dashboard/register", query_string=YEAR).get_data(as_text=True)
    assert "x: có mặt; M: đi muộn" in register


def test_unknown_format_and_bad_period(client, as_role, town):
    as_role(Role.LEADERSHIP)
    assert client.get("/dashboard/report.pdf", query_string=YEAR).status_code == 404
    response = client.get("/dashboard/report.xlsx", query_string={"period": "month", "month": "0"})
    assert response.status_code == 400 and "Tháng phải từ 1 đến 12" in response.get_data(as_text=True)


LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.skipif(not LIBREOFFICE, reason="LibreOffice is not installed: the .xlsx → PDF conversion check is skipped")
def test_libreoffice_converts_the_report_to_pdf(client, as_role, town, tmp_path):
    as_role(Role.LEADERSHIP)
    source = tmp_path / "bao-cao.xlsx"
    source.write_bytes(client.get("/dashboard/report.xlsx", query_string=YEAR).data)
    profile = (
        tmp_path / "profile"
    ).as_uri()  # its own profile: another LibreOffice running (another test) is not joined
    subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        timeout=120,
        capture_output=True,
    )
    assert (tmp_path / "bao-cao.pdf").read_bytes().startswith(b"%PDF")
