"""Field visits on the dashboard: the figures match the records the drill-down lists."""
import re
from datetime import date

from tests.webapp.dashboard.pages import whole_dashboard
from webapp.extensions import db
from webapp.models import FieldVisit, MemberRole, Role, Sector, UnitKind

START = date(2025, 10, 15)


def _visit(person, unit, group, day):
    db.session.add(FieldVisit(person_id=person.id, unit_id=unit.id, group_id=group.id, visited_on=day,
                              findings="Nắm tình hình"))


def test_visit_counts_and_gaps_match_the_drill_down(client, as_role, make_unit, root_unit, make_person, make_group,
                                                    make_membership, make_assignment, clock):
    from datetime import datetime, timezone

    clock(datetime(2026, 6, 30, 3, 0, tzinfo=timezone.utc))
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    cell_a = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.WARD, ward)
    cell_b = make_unit("Chi bộ Tổ dân phố 2", UnitKind.CELL, Sector.WARD, ward)
    group = make_group(1)
    busy, idle = make_person("Lê Văn Chăm"), make_person("Trần Văn Nghỉ")
    busy_m = make_membership(busy, group, MemberRole.MEMBER, start=START)
    idle_m = make_membership(idle, group, MemberRole.MEMBER, start=START)
    for unit in (cell_a, cell_b):
        make_assignment(busy_m, unit, start=START)
    make_assignment(idle_m, cell_a, start=START)
    _visit(busy, cell_a, group, date(2026, 2, 10))
    _visit(busy, cell_a, group, date(2026, 5, 20))
    _visit(busy, cell_b, group, date(2025, 12, 1))  # before the period and before the 3-month window
    db.session.commit()

    as_role(Role.LEADERSHIP)
    page = whole_dashboard(client, "/dashboard/?period=year&year=2026")
    assert re.search(r'id="visits-total">2<', page)
    lagging = page[page.index('id="visits-lagging"'):]
    assert "Trần Văn Nghỉ" in lagging and "Chi bộ Tổ dân phố 2" in lagging and "lần cuối 01/12/2025" in lagging
    link = re.search(r'href="(/visits/\?[^"]*person=%d[^"]*)"' % busy.id, page.replace("&amp;", "&"))
    listed = client.get(link.group(1)).get_data(as_text=True)
    assert listed.count("CS-0") == 2
