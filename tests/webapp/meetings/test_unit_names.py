"""The meetings list, its filter and the home page's upcoming meetings tell same-named cells apart by their ward."""
from datetime import timedelta

from webapp.clock import local_today
from webapp.models import Role, Sector, UnitKind


def test_meetings_list_filter_and_home_name_a_shared_cell_name_with_its_ward(client, as_role, ward, make_unit,
                                                                           make_meeting, root_unit):
    south = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    twin = make_unit("Chi bộ Tổ dân phố 3", UnitKind.CELL, Sector.RESIDENTIAL, south)
    make_meeting(held_on=local_today() + timedelta(days=2), units=[twin], title="Sinh hoạt chi bộ phía nam")
    as_role(Role.ADMIN)

    listing = client.get("/meetings/").get_data(as_text=True)
    assert "<td>Chi bộ Tổ dân phố 3 (Đảng bộ phường Nam Hồng)</td>" in listing
    assert f'<option value="{ward.cell.id}" >Chi bộ Tổ dân phố 3 (Đảng bộ phường Bắc Hồng)</option>' in listing
    assert ">Chi bộ Tổ dân phố 4</option>" in listing
    home = client.get("/").get_data(as_text=True)
    assert "<td>Chi bộ Tổ dân phố 3 (Đảng bộ phường Nam Hồng)</td>" in home
