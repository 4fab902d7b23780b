"""The drafted documents name a unit with its ward when another unit bears its name (#20)."""
from datetime import date

from webapp.models import Sector, UnitKind
from webapp.paperwork.drafts import assignment_decision
from webapp.units.identity import identity_for


def test_the_assignment_decision_names_a_shared_cell_name_with_its_ward(root_unit, make_unit, make_group, make_person,
                                                                         make_membership, make_assignment):
    north = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    south = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    shared = make_unit("Chi bộ Tổ dân phố 2", UnitKind.CELL, Sector.RESIDENTIAL, south)
    make_unit("Chi bộ Tổ dân phố 2", UnitKind.CELL, Sector.RESIDENTIAL, north)
    alone = make_unit("Chi bộ Tổ dân phố 9", UnitKind.CELL, Sector.RESIDENTIAL, south)
    group = make_group(1)
    membership = make_membership(make_person("Vũ Thị Yến"), group)
    make_assignment(membership, shared)
    make_assignment(membership, alone)

    document = assignment_decision(identity_for(), group, date(2026, 12, 6))

    followed = document.sections[0].table.rows[0][-1]
    assert sorted(followed.split("; ")) == ["Chi bộ Tổ dân phố 2 (Đảng bộ phường Nam Hồng)", "Chi bộ Tổ dân phố 9"]
