"""The issuing committee's identity is data: a ward, a town or a province install prints its own names, symbol,
place and signer, and no committee is written into the code."""
import io
import re
import tokenize
from pathlib import Path

from webapp.extensions import db
from webapp.models import Role, Sector, UnitKind
from webapp.units.services import save_identity

ROOT = Path(__file__).resolve().parents[3]
DEMO_NAMES = ("Thị ủy", "THỊ ỦY", "ThU", "Hồng Sơn", "Hà Tĩnh")


def _province(make_unit):
    root = make_unit("Đảng bộ tỉnh Hà Tĩnh", UnitKind.ROOT, Sector.TOWN)
    save_identity(
        root,
        superior_name="Đảng Cộng sản Việt Nam",
        issuer_name="Tỉnh ủy Hà Tĩnh",
        committee_name="Tỉnh ủy",
        symbol="TU",
        place_name="Hà Tĩnh",
        signer_on_behalf="T/M BAN THƯỜNG VỤ",
        signer_title="PHÓ BÍ THƯ THƯỜNG TRỰC",
        signer_name="Nguyễn Văn Ký",
        recipients="- Ban Thường vụ Tỉnh ủy;\n- Lưu VPTU.",
    )
    db.session.commit()
    return root


def test_a_province_install_prints_its_own_identity(client, as_role, make_unit):
    _province(make_unit)
    as_role(Role.LEADERSHIP)
    report = client.get("/dashboard/report?period=year&year=2026").get_data(as_text=True)
    for text in ("TỈNH ỦY HÀ TĨNH", "BAN THƯỜNG VỤ TỈNH ỦY", "-BC/TU", "Hà Tĩnh, ngày", "PHÓ BÍ THƯ THƯỜNG TRỰC",
                 "Nguyễn Văn Ký", "Lưu VPTU."):
        assert text in report, text
    assert "Thị ủy" not in report and "ThU" not in report
    assert "· Tỉnh ủy</title>" in client.get("/").get_data(as_text=True)


def test_without_settings_the_root_name_gives_plain_defaults(client, make_unit):
    make_unit("Đảng bộ phường Bắc Hồng", UnitKind.ROOT, Sector.WARD)
    db.session.commit()
    page = client.get("/auth/login").get_data(as_text=True)
    assert "Ban Thường vụ Đảng ủy" in page and "· Đảng ủy</title>" in page


def test_only_an_admin_whose_scope_holds_the_unit_sets_its_identity(client, login, make_user, make_unit):
    root = _province(make_unit)
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root)
    ward_admin = make_user(Role.ADMIN, username="phuong", scope_unit=ward)
    root_admin = make_user(Role.ADMIN, username="tinh")
    db.session.commit()
    login(ward_admin)
    assert client.get(f"/units/{root.id}/identity").status_code == 403
    assert client.get(f"/units/{ward.id}/identity").status_code == 200
    client.post("/auth/logout")
    login(root_admin)
    form = client.get(f"/units/{root.id}/identity").get_data(as_text=True)
    assert 'value="TU"' in form
    saved = client.post(f"/units/{root.id}/identity", data={
        "superior_name": "", "issuer_name": "Tỉnh ủy Hà Tĩnh", "committee_name": "Tỉnh ủy", "symbol": "TU",
        "place_name": "Hà Tĩnh", "signer_on_behalf": "T/M BAN THƯỜNG VỤ", "signer_title": "BÍ THƯ",
        "signer_name": "", "recipients": ""})
    assert saved.status_code == 302
    assert client.post(f"/units/{root.id}/identity", data={"issuer_name": ""}).status_code == 422


def _string_literals(path: Path):
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return [token.string for token in tokens if token.type == tokenize.STRING]


def test_no_committee_is_written_into_the_code_or_templates():
    offenders = []
    for path in list((ROOT / "templates").rglob("*.html")) + list((ROOT / "webapp").rglob("*.py")):
        if "demo" in path.name or "migrations" in path.parts:
            continue
        texts = [path.read_text(encoding="utf-8")] if path.suffix == ".html" else _string_literals(path)
        offenders += [f"{path.relative_to(ROOT)}: {name}" for text in texts for name in DEMO_NAMES
                      if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    assert offenders == []
