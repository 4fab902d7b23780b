"""The demo is built through the areas' services: every person has a home cell the people list shows, and the
regulation shows the dates it is in force."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from webapp.demo import load_demo
from webapp.extensions import db
from webapp.models import Document, Person

PASSWORD = "doancongtac"


@pytest.fixture
def demo(app):
    load_demo()


def _login(client, username="admin"):
    assert client.post("/auth/login", data={"username": username, "password": PASSWORD}).status_code == 302


def _home_cells(body: str) -> list[str]:
    rows = re.findall(r"<tr>\s*<td><a href=\"/people/\d+\">.*?</tr>", body, re.S)
    return [re.findall(r"<td>(.*?)</td>", row, re.S)[2].strip() for row in rows]


def test_every_demo_person_has_a_home_cell_and_the_people_list_shows_it(demo, client):
    persons = db.session.scalars(select(Person)).all()
    assert persons and all(p.home_unit is not None and p.home_unit.name.startswith("Chi bộ") for p in persons)
    _login(client)
    cells = _home_cells(client.get("/people/").get_data(as_text=True))
    assert cells and all(cell.startswith("Chi bộ") for cell in cells)


def test_the_demo_regulation_shows_the_dates_it_was_in_force(demo, client):
    regulation = db.session.scalar(select(Document).where(Document.number.like("46-QĐ/%")))
    assert (regulation.effective_from, regulation.effective_to) == (date(2022, 9, 28), date(2025, 9, 30))
    _login(client)
    body = client.get(f"/documents/{regulation.id}").get_data(as_text=True)
    assert re.search(r'id="document-validity">28/09/2022 – 30/09/2025</td>', body)


@pytest.mark.parametrize("dates,shown", [
    ((None, None), "Chưa ghi"),
    ((date(2026, 1, 5), None), "từ 05/01/2026"),
    ((None, date(2026, 1, 5)), "đến 05/01/2026"),
])
def test_a_missing_validity_date_is_said_in_words(client, make_user, login, dates, shown):
    from webapp.models import Role

    document = Document(title="Quy chế", issued_on=date(2026, 1, 5), effective_from=dates[0], effective_to=dates[1])
    db.session.add(document)
    db.session.commit()
    login(make_user(Role.ADMIN))
    body = client.get(f"/documents/{document.id}").get_data(as_text=True)
    assert f'id="document-validity">{shown}</td>' in body
