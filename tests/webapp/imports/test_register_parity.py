"""Issue #13: the web preview and the CLI read a register's legend and marks identically."""

import json

import pytest

import importers
from webapp.imports import files

from .conftest import sample

REGISTERS = ["b07_attendance_wide_thang_units.xlsx", "b08_attendance_long_status_columns_1904.xlsx",
             "b09_attendance_wide_date_headers.xls", "b10_attendance_long_words.ods"]


@pytest.mark.parametrize("name", REGISTERS)
@pytest.mark.parametrize("overrides", [None, {"Z999": None}], ids=["stored", "patched"])
def test_web_preview_reads_marks_like_the_cli(app, name, overrides):
    path = sample(name)
    truth = json.loads((path.parent / f"{name}.truth.json").read_text())
    cli = importers.parse_file(path, kind="attendance")
    with app.app_context():
        sha, _ = files.store_file(path)
        web = files.parse(sha, kind="attendance", sheet=truth["sheet"], overrides=overrides, original_name=name)
    assert [r["status"] for r in web.records()] == [r["status"] for r in cli.records()]
    assert web.records() == cli.records()
