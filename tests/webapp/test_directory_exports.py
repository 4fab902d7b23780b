"""#20: people and units had no .xlsx export, though the README says every list exports; formula-safe as the others."""
from io import BytesIO

from openpyxl import load_workbook

from webapp.extensions import db
from webapp.models import MemberRole, Role, Sector, UnitKind


def _cells(data: bytes) -> list[list]:
    sheet = load_workbook(BytesIO(data)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]


def test_people_export_follows_the_search_and_neutralises_formulas(client, as_role, root_unit, make_unit, make_person,
                                                                   make_group, make_membership):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 1", parent=ward)
    person = make_person("Nguyễn Văn An", position="=HYPERLINK(\"x\")", home_unit=cell)
    make_membership(person, make_group(1), MemberRole.HEAD)
    make_person("Trần Thị Bình")
    db.session.commit()
    as_role(Role.UNIT_OFFICER, scope_unit=ward)
    assert 'id="people-export"' in client.get("/people/").get_data(as_text=True)
    rows = _cells(client.get("/people/export.xlsx", query_string={"q": "nguyen"}).data)
    assert len(rows) == 1
    name, _birth, position, _phone, home, parent, groups = rows[0]
    assert (name, position, home, parent) == ("Nguyễn Văn An", "'=HYPERLINK(\"x\")", "Chi bộ Tổ dân phố 1",
                                              "Đảng bộ phường Bắc Hồng")
    assert "Đoàn công tác số 1 — Trưởng đoàn" in groups


def test_units_export_lists_the_tree_with_each_units_parent(client, as_role, root_unit, make_unit):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    make_unit("Chi bộ Tổ dân phố 1", parent=ward)
    db.session.commit()
    as_role(Role.LEADERSHIP)
    rows = _cells(client.get("/units/export.xlsx").data)
    by_name = {str(row[0]).strip(): row for row in rows}
    assert by_name["Chi bộ Tổ dân phố 1"][1] == "Đảng bộ phường Bắc Hồng"
    assert by_name["Đảng bộ phường Bắc Hồng"][2] == "Đảng bộ cơ sở"
    assert client.get("/units/export.xlsx").status_code == 200
