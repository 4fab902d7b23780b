"""The register runs as many SQL statements for many items as for a few (no N+1), and its HTMX fragment does not
query the filters' choices it does not show."""
import pytest

from tests.query_count import statements_of
from webapp.extensions import db
from webapp.models import FeedbackCategory, Role, Unit

HX = {"HX-Request": "true"}


@pytest.fixture
def items_of(make_item, make_category, make_group, make_person, make_user, make_unit, ward):
    """`count` items, half of them restricted, each with its own unit, group, source, handler and the group it was
    forwarded to (distinct rows, so that no row loaded for one relation hides the lazy load of another)."""
    category_ids = make_category("Kinh tế").id, make_category("Tố cáo", restricted=True).id
    ward_id = ward.id

    def make(count: int) -> None:
        ward = db.session.get(Unit, ward_id)  # the counting empties the session between calls
        for n in range(count):
            handler = make_user(Role.UNIT_OFFICER, scope_unit=ward)
            item = make_item(content=f"Phản ánh số {n}", category=db.session.get(FeedbackCategory, category_ids[n % 2]),
                             unit=make_unit(f"Chi bộ phản ánh {count}-{n}", parent=ward),
                             group=make_group(), source_person=make_person(), creator=handler)
            item.handler_id = handler.id
            item.forwarded_group_id = make_group().id
            item.forwarded_to = "Phòng Tài nguyên"
        db.session.commit()

    return make


@pytest.mark.parametrize("role", [Role.ADMIN, Role.LEADERSHIP, Role.UNIT_OFFICER])
def test_the_register_runs_as_many_statements_for_12_items_as_for_2(client, as_role, items_of, ward, role):
    as_role(role, scope_unit=ward if role == Role.UNIT_OFFICER else None)
    items_of(2)
    few = len(statements_of(client, "/feedback/"))
    items_of(10)
    many = len(statements_of(client, "/feedback/"))
    assert few == many, (few, many)
    body = client.get("/feedback/").get_data(as_text=True)
    assert body.count("Phản ánh số") == 12 or role == Role.UNIT_OFFICER  # officers do not read restricted text


def test_the_registers_fragment_does_not_query_the_filters(client, as_role, items_of):
    as_role(Role.ADMIN)
    items_of(3)
    page = statements_of(client, "/feedback/")
    fragment = statements_of(client, "/feedback/?status=new", headers=HX)
    assert sum("FROM feedback_category ORDER BY" in s for s in page) == 1
    assert not any("FROM feedback_category ORDER BY" in s for s in fragment)
    assert len(fragment) < len(page)
