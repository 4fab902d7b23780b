"""The CLI contract: one JSON object on stdout, exit 0 when read (even with row errors), exit 2 otherwise."""

import json
import subprocess
import sys

import pytest
from importer_paths import REPO, SAMPLES, require_samples

from importers.cli import main


def run_main(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_import_prints_records_errors_and_warnings(capsys):
    require_samples()
    code, payload, err = run_main(capsys, "import", str(SAMPLES / "a05_roster_utf8.csv"), "--kind", "roster",
                                  "--dry-run", "--json")
    assert code == 0 and err == ""
    assert list(payload) == ["kind", "sheet", "header_row", "records", "errors", "warnings"]
    assert (payload["kind"], payload["sheet"], payload["header_row"]) == ("roster", None, 1)
    assert len(payload["records"]) == 14


def test_summary_gives_a_record_count_instead_of_records(capsys):
    require_samples()
    code, payload, _ = run_main(capsys, "import", str(SAMPLES / "a06_attendance_wide_months.xlsx"), "--kind",
                                "attendance", "--dry-run", "--json", "--summary")
    assert code == 0 and payload["record_count"] == 124 and "records" not in payload


def test_inspect_sheet_lists_one_sheet(capsys):
    require_samples()
    code, payload, _ = run_main(capsys, "inspect-sheet", str(SAMPLES / "a03_roster_hidden_guide_sheet.xlsx"),
                                "--sheet", "Danh sách ĐCT", "--json")
    assert code == 0
    assert [sheet["name"] for sheet in payload["sheets"]] == ["Danh sách ĐCT"]


@pytest.mark.parametrize("argv", [
    ("import", "/nonexistent/file.xlsx", "--kind", "roster", "--json"),
    ("import", "x.xlsx", "--kind", "budget"),
    ("frobnicate",),
    (),
])
def test_unusable_input_gives_exit_2_and_a_vietnamese_error(capsys, argv):
    code, payload, err = run_main(capsys, *argv)
    assert code == 2 and set(payload) == {"error"} and payload["error"]
    assert "Traceback" not in err


def test_python_dash_m_runs_the_cli_without_flask():
    require_samples()
    done = subprocess.run([sys.executable, "-m", "importers", str(SAMPLES / "a11_roster_tcvn3_vntime.xls"),
                           "--kind", "roster", "--dry-run", "--json"], capture_output=True, cwd=REPO, timeout=60)
    payload = json.loads(done.stdout.decode("utf-8"))
    assert done.returncode == 0 and done.stderr == b""
    assert payload["records"][0]["full_name"] == "Nguyễn Bá Thịnh"
    assert "Nguyễn" in done.stdout.decode("utf-8")  # ensure_ascii=False


def test_import_accepts_the_targets_kind(capsys, tmp_path):
    from tests.targets_sheets import RECORDS, write_targets_workbook

    path = write_targets_workbook(tmp_path / "chi-tieu.xlsx")
    code, payload, _ = run_main(capsys, "import", str(path), "--kind", "targets", "--dry-run", "--json")
    assert code == 0 and (payload["kind"], payload["header_row"]) == ("targets", 7)
    assert payload["records"] == RECORDS and len(payload["errors"]) == 1
