"""Demo link between levels: the first ward's own working group, which names the town group following that ward
as the group it works with; its members follow the same cells (one step of `flask demo`, town shape only)."""
from datetime import date

from ..extensions import db
from ..models import Assignment, MemberRole, Membership, WorkingGroup

START = date(2025, 11, 1)


def build_linked_group(town, make_person) -> None:
    """A ward-level group of a head and two members on the first ward's cells, linked to the town's group 1."""
    if town.shape.committee_is_cell or not town.groups:
        return  # a ward's own groups have no higher-level group in the demo
    ward, partner = town.committees[0], town.groups[0]
    cells = town.cells.get(ward.id, [])
    group = WorkingGroup(number=1, name=f"Tổ công tác {ward.name.removeprefix('Đảng bộ ')}", term=partner.term,
                         owner_unit=ward, works_with=partner,
                         notes=f"Phối hợp với {partner.name} theo dõi các chi bộ của {ward.name}")
    db.session.add(group)
    for index, role in enumerate([MemberRole.HEAD, MemberRole.MEMBER, MemberRole.MEMBER]):
        person = make_person(town)
        membership = Membership(
            person=person,
            group=group,
            role=role,
            start_date=START,
            responsibilities=f"Theo dõi, dự sinh hoạt chi bộ; phối hợp với thành viên {partner.name}",
        )
        db.session.add(membership)
        unit = ward if role == MemberRole.HEAD or not cells else cells[index % len(cells)]
        db.session.add(Assignment(membership=membership, person=person, unit=unit, start_date=START))
    town.linked_groups.append(group)
    db.session.flush()
