"""#20: the README says every list exports. Each list page of the menu links a "Xuất Excel" that answers .xlsx."""
import re
from html import unescape
from io import BytesIO

import pytest
from openpyxl import load_workbook

from webapp.models import Role

LIST_PAGES = ["/people/", "/groups/", "/units/", "/meetings/", "/tasks/", "/feedback/", "/visits/"]
EXPORT_LINK = re.compile(r'<a href="([^"]+)"[^>]*>Xuất Excel</a>')


@pytest.mark.parametrize("url", LIST_PAGES)
def test_every_list_in_the_menu_links_an_export_that_answers_xlsx(client, as_role, root_unit, url):
    as_role(Role.ADMIN)
    menu = client.get("/").get_data(as_text=True)
    assert f'href="{url}"' in menu
    links = EXPORT_LINK.findall(client.get(url).get_data(as_text=True))
    assert len(links) == 1, links
    response = client.get(unescape(links[0]))
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    assert load_workbook(BytesIO(response.data)).active["A3"].value
