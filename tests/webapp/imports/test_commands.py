"""`flask import` and `flask inspect-sheet`: the JSON contract (one object on stdout, exit 0 or 2) and commits."""
import gc
import json

import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Attendance, ImportBatch, Person

from .conftest import CORPUS, sample, truth


def run(runner, *args):
    result = runner.invoke(args=list(map(str, args)))
    return result, json.loads(result.stdout)


def test_dry_run_prints_the_importers_records(runner):
    name = "a01_roster_title_block.xlsx"
    result, payload = run(runner, "import", sample(name), "--kind", "roster", "--dry-run", "--json")
    assert result.exit_code == 0 and result.stdout.count("\n") == 1
    assert payload["records"] == truth(name)["records"] and payload["sheet"] == truth(name)["sheet"]
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0


def test_dry_run_summary_counts_records(runner):
    name = "a06_attendance_wide_months.xlsx"
    result, payload = run(runner, "import", sample(name), "--kind", "attendance", "--dry-run", "--json", "--summary")
    assert result.exit_code == 0
    assert payload["record_count"] == len(truth(name)["records"]) and "records" not in payload
    assert payload["header_row"] == truth(name)["header_row"]


def test_the_cycle_collector_is_paused_only_while_a_file_is_read(runner, monkeypatch):
    """The command turns the collector off while it reads and checks a file, then back on (a test process or a
    shell that invokes it goes on with it)."""
    seen = []
    from webapp.imports import dry_run

    plan_file = dry_run.plan_file
    monkeypatch.setattr(dry_run, "plan_file", lambda *a, **k: seen.append(gc.isenabled()) or plan_file(*a, **k))
    name = "a06_attendance_wide_months.xlsx"
    result, _ = run(runner, "import", sample(name), "--kind", "attendance", "--dry-run", "--json", "--summary")
    assert result.exit_code == 0 and seen == [False] and gc.isenabled()


@pytest.mark.parametrize("args", [
    ["import", CORPUS / "pass_protected.xlsx", "--kind", "roster", "--dry-run", "--json"],
    ["import", "/nonexistent/file.xlsx", "--kind", "roster", "--dry-run", "--json"],
    ["inspect-sheet", CORPUS / "pass_protected.xlsx", "--json"],
])
def test_unreadable_files_exit_2_with_an_error_object(runner, args):
    if not CORPUS.exists():
        pytest.skip("shared corpus is not available")
    result, payload = run(runner, *args)
    assert result.exit_code == 2 and list(payload) == ["error"] and payload["error"]


def test_inspect_sheet_prints_grids(runner):
    result, payload = run(runner, "inspect-sheet", sample("a03_roster_hidden_guide_sheet.xlsx"), "--json")
    assert result.exit_code == 0
    assert [s["visible"] for s in payload["sheets"]] == [False, True]


def test_commit_prints_the_receipt_and_reimport_changes_nothing(runner, town):
    name = "a06_attendance_wide_months.xlsx"
    result, payload = run(runner, "import", sample(name), "--kind", "attendance", "--json", "--create-persons")
    assert result.exit_code == 0, result.output
    assert payload["status"] == "committed" and payload["counts"]["created"]["attendance"] == len(
        truth(name)["records"]
    )
    batch = db.session.get(ImportBatch, payload["batch_id"])
    assert batch.sha256 == payload["sha256"] and batch.created_by_id is None
    again = run(runner, "import", sample(name), "--kind", "attendance", "--json", "--create-persons")[1]
    assert again["counts"]["imported"] == 0 and again["counts"]["unchanged"] == payload["counts"]["imported"]
    assert db.session.scalar(select(func.count()).select_from(Attendance)) == len(truth(name)["records"])


def test_commit_of_an_unreadable_file_exits_2(runner):
    if not CORPUS.exists():
        pytest.skip("shared corpus is not available")
    result, payload = run(runner, "import", CORPUS / "pass_protected.xlsx", "--kind", "roster", "--json")
    assert result.exit_code == 2 and "mật khẩu" in payload["error"]


@pytest.mark.parametrize("moment, warned", [((2029, 6, 1), True), ((2030, 6, 1), False)])
def test_dry_run_checks_birth_dates_against_the_apps_today(runner, clock, tmp_path, moment, warned):
    from datetime import datetime

    from openpyxl import Workbook

    from webapp.clock import OFFICE_TIMEZONE

    clock(datetime(*moment, 9, tzinfo=OFFICE_TIMEZONE))
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Đoàn công tác", "Nhiệm vụ trong đoàn"])
    sheet.append([1, "Nguyễn Văn An", "01/01/1970", "Đoàn công tác số 1", "Trưởng đoàn"])
    sheet.append([2, "Lê Thị Bình", "01/01/2012", "Đoàn công tác số 1", "Thành viên"])
    book.save(tmp_path / "roster.xlsx")
    result, payload = run(runner, "import", tmp_path / "roster.xlsx", "--dry-run", "--json")
    assert result.exit_code == 0 and payload["errors"] == []
    young = [w for w in payload["warnings"] if "chưa đủ 18 tuổi" in w["message"]]
    assert [w["message"] for w in young] == ([
        "Trang «Sheet», cột C «Ngày sinh»: 1 người chưa đủ 18 tuổi tính đến ngày 01/06/2029 — kiểm tra lại ngày "
        "sinh (C3 «2012-01-01»)"] if warned else [])


def test_a_dry_run_without_a_database_says_how_to_make_one(runner, monkeypatch):
    """The dry run checks units, heads and persons like the web preview: with no tables it says what to run
    (it said "lỗi không mong muốn: OperationalError")."""
    import webapp.imports_cli as cli

    monkeypatch.setattr(cli, "_database_ready", lambda: False)
    result, payload = run(runner, "import", sample("a05_roster_utf8.csv"), "--kind", "roster", "--dry-run", "--json")
    assert result.exit_code == 2 and "db upgrade" in payload["error"] and "--file-only" in payload["error"]
