"""Demo link between levels: the first ward's own working group, which names the town group following that ward
as the group it works with; its members follow the same cells (one step of `flask demo`, town shape only)."""
from datetime import date

from ..models import MemberRole
from .services import add_member, assign_unit, create_group

START = date(2025, 11, 1)


def build_linked_group(town, make_person) -> None:
    """A ward-level group of a head and two members on the first ward's cells, linked to the town's group 1."""
    if town.shape.committee_is_cell or not town.groups:
        return  # a ward's own groups have no higher-level group in the demo
    ward, partner = town.committees[0], town.groups[0]
    cells = town.cells.get(ward.id, [])
    group = create_group(1, f"Tổ công tác {ward.name.removeprefix('Đảng bộ ')}", partner.term, ward,
                         notes=f"Phối hợp với {partner.name} theo dõi các chi bộ của {ward.name}", works_with=partner)
    for index, role in enumerate([MemberRole.HEAD, MemberRole.MEMBER, MemberRole.MEMBER]):
        person = make_person(town, home=cells[index % len(cells)] if cells else ward)  # the ward's own members
        membership = add_member(group, person, role, START,
                                f"Theo dõi, dự sinh hoạt chi bộ; phối hợp với thành viên {partner.name}")
        assign_unit(membership, ward if role == MemberRole.HEAD or not cells else cells[index % len(cells)], START)
    town.linked_groups.append(group)
