"""The web preview reads a file with the app's today, so it carries the same plausibility warnings as the CLI."""
from datetime import datetime

import pytest

from webapp.clock import OFFICE_TIMEZONE
from webapp.extensions import db
from webapp.imports.services import parse_batch as _parse
from webapp.models import ImportBatch, Role

from .conftest import batch_id_of


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


@pytest.mark.parametrize("moment, warned", [((2029, 6, 1), True), ((2030, 6, 1), False)])
def test_the_preview_measures_birth_dates_against_the_apps_today(client, admin, town, upload, roster_file, clock,
                                                                 moment, warned):
    clock(datetime(*moment, 9, tzinfo=OFFICE_TIMEZONE))
    unit = roster_file.unit
    rows = [[1, "Phạm Văn Khải", "12/04/1970", "Phó Bí thư", "Đoàn công tác số 7", "Trưởng đoàn", unit, "0912000001"],
            [2, "Đỗ Thị Mai", "03/09/2012", "Trưởng ban", "Đoàn công tác số 7", "Thành viên", unit, "0912000002"]]
    preview = upload(roster_file(rows))
    assert preview.status_code == 200
    warnings = _parse(db.session.get(ImportBatch, batch_id_of(preview))).warnings
    young = [w for w in warnings if "chưa đủ 18 tuổi tính đến ngày 01/06/2029" in w["message"]]
    assert len(young) == (1 if warned else 0)
    if warned:
        assert (young[0]["column"], young[0]["field"], young[0]["value"]) == ("C", "birth_date", "2012-09-03")
