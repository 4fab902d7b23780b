"""The import area's own layering: the job runner and the dry run import `services` once, at the top, and use only
its public functions; a cell fix is applied to the grid in memory, never through a temporary workbook."""
import ast
from pathlib import Path

import pytest

from webapp.extensions import db
from webapp.imports import dry_run, files, jobs
from webapp.models import ImportBatch, Role

from .conftest import batch_id_of

MODULES = [Path(jobs.__file__), Path(dry_run.__file__)]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_import_inside_a_function_and_no_private_helper_of_services(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inner = [node.lineno for function in ast.walk(tree) if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
             for node in ast.walk(function) if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert inner == [], f"{path.name} imports inside functions at lines {inner}"
    private = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute)
               and isinstance(node.value, ast.Name) and node.value.id == "services" and node.attr.startswith("_")]
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                and (node.module or "").endswith("services") for alias in node.names]
    assert private == [] and not [name for name in imported if name.startswith("_")]


def test_a_cell_fix_is_applied_in_memory_without_writing_a_workbook(client, as_role, town, upload, roster_file,
                                                                    monkeypatch):
    as_role(Role.ADMIN)
    rows = [[1, "Phạm Văn Khải", "31/02/1970", "Phó Bí thư", "Đoàn công tác số 7", "Trưởng đoàn", roster_file.unit,
             "0912000001"]]
    batch_id = batch_id_of(upload(roster_file(rows)))

    def no_save(*args, **kwargs):
        raise AssertionError("a cell fix must not write a workbook")

    monkeypatch.setattr("openpyxl.Workbook.save", no_save)
    fixed = client.post(f"/imports/{batch_id}/cell", data={"ref": "C4", "value": "28/02/1970"})
    assert fixed.status_code == 200
    batch = db.session.get(ImportBatch, batch_id)
    assert batch.summary["planned"]["failed"] == 0 and batch.summary["plan"]["records"][0]["values"]["birth_date"] \
        == "1970-02-28"
    kept = files.read_once(batch.sha256, batch.file_name, batch.sheet)
    assert kept.sheets[0].rows[3][2] == "31/02/1970", "the kept read of the file is never changed"
