"""The briefing report names every group by its name and every unit with its ward when its name is not unique."""
import io
from datetime import date

from openpyxl import load_workbook

from tests.webapp.dashboard.pages import whole_dashboard
from webapp.models import Role, Sector, UnitKind

YEAR = {"period": "year", "year": "2026"}


def all_text(ws) -> str:
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


def test_the_report_names_a_group_by_its_name_never_by_a_number_shared_with_another(
        client, as_role, town, make_group, make_person, make_membership, make_unit):
    ward_group = make_group(1, name="Tổ công tác phường Bắc Hồng", owner=town.ward)
    make_membership(make_person("Vũ Thị Yến"), ward_group, start=date(2025, 10, 15))
    other_ward = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, town.root)
    make_unit("Chi bộ Tổ dân phố 3", UnitKind.CELL, Sector.RESIDENTIAL, other_ward)
    as_role(Role.LEADERSHIP)

    text = all_text(load_workbook(io.BytesIO(client.get("/dashboard/report.xlsx", query_string=YEAR).data)).active)

    assert "Vũ Thị Yến – Tổ công tác phường Bắc Hồng:" in text
    assert "Đoàn số" not in text
    assert "Phân công thành viên phụ trách Chi bộ Tổ dân phố 3 (Đảng bộ phường Bắc Hồng)." in text
    assert "Phân công thành viên phụ trách Chi bộ Tổ dân phố 3 (Đảng bộ phường Nam Hồng)." in text


def test_two_groups_of_one_name_are_told_apart_by_their_owner(client, as_role, town, make_group, make_person,
                                                              make_membership):
    twin = make_group(7, name="Đoàn công tác số 1", owner=town.ward)
    make_membership(make_person("Vũ Thị Yến"), twin, start=date(2025, 10, 15))
    as_role(Role.LEADERSHIP)

    text = all_text(load_workbook(io.BytesIO(client.get("/dashboard/report.xlsx", query_string=YEAR).data)).active)

    assert "Vũ Thị Yến – Đoàn công tác số 1 (Đảng bộ phường Bắc Hồng):" in text
    assert f"Đoàn công tác số 1 ({town.root.name})" in text


def test_dashboard_lists_and_drilldowns_name_a_shared_cell_name_with_its_ward(client, as_role, town, make_unit):
    other_ward = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, town.root)
    make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, other_ward)
    as_role(Role.LEADERSHIP)

    page = whole_dashboard(client, query_string=YEAR)
    assert "<li>Chi bộ Tổ dân phố 1 (Đảng bộ phường Nam Hồng)</li>" in page
    assert "Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)</option>" in page
    uncovered = client.get("/dashboard/records/uncovered", query_string=YEAR,
                           headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "Chi bộ Tổ dân phố 1 (Đảng bộ phường Nam Hồng)" in uncovered
    drill = client.get("/dashboard/records/attendance", query_string={**YEAR, "person": town.a.id, "group": town.g1.id},
                       headers={"HX-Request": "true"}).get_data(as_text=True)
    assert drill.count("<td>Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)</td>") == 3
    assert "<td>Chi bộ Tổ dân phố 2</td>" in drill
