"""The import pages the demo walk cannot reach (the demo imports nothing) pass the walk's checks: a receipt, its
undo time, the list of imports and the audit log read the office's clock and label their codes (#20)."""
from sqlalchemy import select

from tests.webapp.page_checks import Page, PageChecks, utc_evening
from tests.webapp.test_walk import CATALOGUE
from webapp.clock import in_office_zone
from webapp.extensions import db
from webapp.models import ImportBatch, Role

from .conftest import COMMIT, batch_id_of


def _page(client, url: str) -> Page:
    page = Page()
    page.feed(client.get(url).get_data(as_text=True))
    return page


def test_a_receipt_and_its_undo_read_the_office_clock(client, as_role, clock, town, upload, roster_file):
    clock(utc_evening())
    as_role(Role.ADMIN)
    batch_id = batch_id_of(upload(roster_file()))
    client.post(f"/imports/{batch_id}/commit", data=COMMIT)
    client.post(f"/imports/{batch_id}/undo", data={"force": "y"})
    batch = db.session.scalar(select(ImportBatch).where(ImportBatch.id == batch_id))
    assert batch.undone_at is not None
    checks = PageChecks.from_database(CATALOGUE)
    receipt = _page(client, f"/imports/{batch_id}/receipt")
    assert in_office_zone(batch.undone_at).strftime("%H:%M %d/%m/%Y") in "".join(receipt.text)
    for url, page in ((f"/imports/{batch_id}/receipt", receipt), ("/imports/", _page(client, "/imports/")),
                      ("/audit", _page(client, "/audit"))):
        assert checks.defects(page, english=False) == [], url
