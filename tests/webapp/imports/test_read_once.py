"""One request parses the uploaded file once: the pipeline, the preview's grid, the sheet list and the copy carrying
cell fixes share one read of it, and a remembered mapping and a saved template are applied with one more parse, not
two."""
from pathlib import Path

import pytest

import importers
from webapp.extensions import db
from webapp.imports import files
from webapp.models import BatchStatus, ImportBatch, Role

from .conftest import COMMIT, batch_id_of

HTMX = {"HX-Request": "true"}


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


@pytest.fixture
def reads(monkeypatch):
    """Counts, per request: pipeline parses, and reads of the stored upload by the pipeline's reader (any caller)."""
    counts = {"parses": 0, "upload_reads": 0}
    parse_file, read_workbook = importers.parse_file, files.read_workbook

    def counted_parse(*args, **kwargs):
        counts["parses"] += 1
        return parse_file(*args, **kwargs)

    def counted_read(path, *args, **kwargs):
        if Path(path).resolve().parent == files.import_folder().resolve():
            counts["upload_reads"] += 1
        return read_workbook(path, *args, **kwargs)

    monkeypatch.setattr(importers, "parse_file", counted_parse)
    monkeypatch.setattr(files, "read_workbook", counted_read)
    monkeypatch.setattr("importers.parsing.read_workbook", counted_read)

    def take() -> dict:
        seen = dict(counts)
        counts.update(parses=0, upload_reads=0)
        return seen

    return take


def bad_birth_date(roster_file):
    return roster_file([[1, "Phạm Văn Khải", "31/02/1970", "Phó Bí thư", "Đoàn công tác số 7", "Trưởng đoàn",
                         roster_file.unit, "0912000001"]])


def test_one_analysis_parses_once_and_reads_the_file_once_for_the_preview(client, admin, town, upload, roster_file,
                                                                          reads):
    response = upload(bad_birth_date(roster_file), follow=False)
    assert response.status_code == 302
    # one read shared by the pipeline (on a copy), the preview's grid and the sheet list (three before, then two)
    assert reads() == {"parses": 1, "upload_reads": 1}


def test_one_cell_fix_parses_once_and_reads_the_upload_once(client, admin, town, upload, roster_file, reads):
    batch_id = batch_id_of(upload(bad_birth_date(roster_file)))
    reads()
    fixed = client.post(f"/imports/{batch_id}/cell", data={"ref": "C4", "value": "28/02/1970"}, headers=HTMX)
    assert fixed.status_code == 200 and "cell-fixed" in fixed.get_data(as_text=True)
    # the patched copy, the grid and the sheet list share one read; the pipeline parses the patched copy
    assert reads() == {"parses": 1, "upload_reads": 1}


def test_a_remembered_mapping_and_a_saved_template_cost_one_more_parse_not_two(client, admin, town, upload,
                                                                               roster_file, reads):
    batch_id = batch_id_of(upload(roster_file()))
    client.post(f"/imports/{batch_id}/layout", data={"year": "2025"})
    form = {f"col_{c['index']}": c["field"] or "" for c in db.session.get(ImportBatch, batch_id).summary["columns"]}
    client.post(f"/imports/{batch_id}/mapping", data={**form, "remember": "1"})  # remembers the mapping
    client.post(f"/imports/{batch_id}/save-template")  # and the corrections, as the officer asks
    client.post(f"/imports/{batch_id}/commit", data=COMMIT)
    assert db.session.get(ImportBatch, batch_id).status == BatchStatus.COMMITTED
    reads()
    again = upload(roster_file(name="again.xlsx"), follow=False)
    assert again.status_code == 302
    assert reads()["parses"] == 2
    assert "Đã áp dụng mẫu đã lưu" in client.get(again.headers["Location"]).get_data(as_text=True)
