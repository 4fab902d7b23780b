"""An admin scoped to a ward reads only the audit entries of its ward's users; the town's admin reads all."""
import pytest

from webapp.clock import local_today
from webapp.extensions import db
from webapp.feedback.services import record_feedback, save_category
from webapp.models import Role

SECRET = "Tố cáo cán bộ phường Nam Hồng"


@pytest.fixture
def other_wards_secret(town, make_user):
    officer = make_user(Role.UNIT_OFFICER, scope_unit=town.other_ward)
    category = save_category(None, name="Tố cáo", restricted=True, sla_days=30)
    record_feedback(officer, received_on=local_today(), category=category, unit=town.other_ward, content=SECRET)
    db.session.commit()


def test_ward_admin_does_not_read_another_wards_entries(client, login_in_ward, other_wards_secret):
    login_in_ward(Role.ADMIN)
    response = client.get("/audit")
    assert response.status_code == 200 and SECRET not in response.get_data(as_text=True)


@pytest.mark.parametrize("scoped_to_root", [False, True])
def test_town_admin_reads_every_entry(client, as_role, town, other_wards_secret, scoped_to_root):
    as_role(Role.ADMIN, scope_unit=town.root if scoped_to_root else None)
    assert SECRET in client.get("/audit").get_data(as_text=True)
