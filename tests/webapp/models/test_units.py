from webapp.models import Sector, UnitKind


def test_unit_path_makes_subtrees(make_unit):
    root = make_unit("Đảng bộ thị xã", UnitKind.ROOT, Sector.TOWN)
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root)
    cell = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, ward)
    other = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root)
    assert cell.is_within(ward) and cell.is_within(root)
    assert not cell.is_within(other)
    assert cell.depth == 2 and root.depth == 0
    assert ward.search_key == "dang bo phuong bac hong"
