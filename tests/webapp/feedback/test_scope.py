"""Town-wide categories are changed only by an admin scoped to the root; a ward admin may not."""
import pytest

from webapp.extensions import db
from webapp.models import FeedbackCategory, Role


@pytest.fixture
def ward_admin(as_role, ward):
    return as_role(Role.ADMIN, scope_unit=ward)


def test_ward_admin_cannot_unrestrict_a_category(client, ward_admin, restricted_item):
    category = restricted_item.category
    response = client.post(f"/feedback/categories/{category.id}/edit",
                           data={"name": category.name, "sla_days": "30", "active": "y"})
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(FeedbackCategory, category.id).restricted is True


@pytest.mark.parametrize("url", ["/feedback/categories/new", "/feedback/categories/defaults"])
def test_ward_admin_cannot_add_categories(client, ward_admin, url):
    assert client.post(url, data={"name": "Đất đai", "sla_days": "15"}).status_code == 403
    assert db.session.query(FeedbackCategory).count() == 0


@pytest.mark.parametrize("scoped_to_root", [False, True])
def test_town_admin_edits_categories(client, as_role, root_unit, make_category, scoped_to_root):
    as_role(Role.ADMIN, scope_unit=root_unit if scoped_to_root else None)
    category = make_category()
    response = client.post(f"/feedback/categories/{category.id}/edit",
                           data={"name": "Đất đai", "sla_days": "15", "active": "y"})
    assert response.status_code == 302
