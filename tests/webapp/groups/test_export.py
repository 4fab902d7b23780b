"""#20: the groups list had no export; groups in the officer's scope and their members, formula-safe, in words."""
from datetime import date, datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook

from webapp.clock import OFFICE_TIMEZONE
from webapp.extensions import db
from webapp.models import MemberRole, Role, Sector, UnitKind


def _sheets(response) -> dict[str, list[list]]:
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(BytesIO(response.data))
    return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)] for sheet in book}


@pytest.fixture
def wards(root_unit, make_unit, make_group, make_person, make_membership, make_assignment, clock):
    clock(datetime(2026, 3, 10, 9, 0, tzinfo=OFFICE_TIMEZONE))
    north = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    south = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 1", parent=north)
    make_unit("Chi bộ Tổ dân phố 1", parent=south)  # same name in the other ward: labels name the ward
    group = make_group(1, name="=HYPERLINK(\"http://x\") Đoàn Bắc Hồng", owner=north)
    head, left = make_person("Nguyễn Văn An"), make_person("Trần Thị Bình")
    make_assignment(make_membership(head, group, MemberRole.HEAD), cell)
    make_membership(left, group, MemberRole.MEMBER, start=date(2025, 10, 15), end=date(2026, 1, 31))
    db.session.commit()
    return north, south, group


def test_groups_export_lists_groups_and_members_in_words(client, as_role, wards):
    north, _south, group = wards
    as_role(Role.UNIT_OFFICER, scope_unit=north)
    page = client.get("/groups/", query_string={"q": "Bắc"}).get_data(as_text=True)
    assert 'id="groups-export"' in page and "/groups/export.xlsx?q=" in page
    sheets = _sheets(client.get("/groups/export.xlsx", query_string={"q": "Bắc"}))
    groups, members = sheets["Đoàn công tác"], sheets["Thành viên"]
    assert groups[0] == ["Số", "Tên đoàn", "Cấp ủy quản lý", "Nhiệm kỳ", "Trạng thái", "Trưởng đoàn", "Số thành viên"]
    assert groups[1:] == [[1, "'=HYPERLINK(\"http://x\") Đoàn Bắc Hồng", "Đảng bộ phường Bắc Hồng", "2025 - 2030",
                           "Đang hoạt động", "Nguyễn Văn An", 1]]
    assert members[0] == ["Đoàn", "Họ và tên", "Vai trò", "Từ ngày", "Đến ngày", "Chi bộ theo dõi"]
    head, left = members[1:]
    assert head[:3] == ["'=HYPERLINK(\"http://x\") Đoàn Bắc Hồng", "Nguyễn Văn An", "Trưởng đoàn"]
    assert head[3].date() == date(2025, 10, 15) and head[4] is None
    assert head[5] == "Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)"
    assert left[1:3] == ["Trần Thị Bình", "Thành viên"] and left[4].date() == date(2026, 1, 31)


def test_groups_export_follows_the_search(client, as_role, wards, make_group):
    north, _south, _group = wards
    make_group(2, name="Đoàn công tác khối doanh nghiệp", owner=north)
    as_role(Role.ADMIN)
    names = [row[1] for row in _sheets(client.get("/groups/export.xlsx", query_string={"q": "doanh"}))
             ["Đoàn công tác"][1:]]
    assert names == ["Đoàn công tác khối doanh nghiệp"]


def test_another_wards_officer_exports_none_of_the_first_wards_groups(client, as_role, wards):
    _north, south, _group = wards
    as_role(Role.UNIT_OFFICER, scope_unit=south)
    sheets = _sheets(client.get("/groups/export.xlsx"))
    assert sheets["Đoàn công tác"][1:] == [] and sheets["Thành viên"][1:] == []


def test_members_may_not_export_groups(client, as_role, wards):
    as_role(Role.MEMBER)
    assert client.get("/groups/export.xlsx").status_code == 403
