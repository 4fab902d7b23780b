"""One plan, two doors: `flask import --dry-run` plans a file as the web preview does (database checks, values
to confirm, the same warnings), and `--template` applies the same corrections and answers."""
import json

from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Assignment, ImportBatch, Person
from webapp.names import fold

from .test_values import EXISTING, NEAR, admin, roster, upload_batch, wards  # noqa: F401  (fixtures)

SAME_NAME = "Chi bộ Tổ dân phố 1"


def dry_run(runner, *args):
    result = runner.invoke(args=["import", *map(str, args), "--kind", "roster", "--dry-run", "--json",
                                 "--start-date", "2025-11-01"])
    return result, json.loads(result.stdout)


def test_the_dry_run_prints_the_near_match_and_agrees_with_the_web_preview(
        runner, client, admin, wards, tmp_path):  # noqa: F811  (fixtures imported from test_values)
    path = roster(tmp_path, [NEAR, NEAR, SAME_NAME])
    result, payload = dry_run(runner, path)
    assert result.exit_code == 0 and result.stdout.count("\n") == 1
    assert set(payload["needs_confirmation"]) == {NEAR, SAME_NAME}
    near = [w["message"] for w in payload["warnings"] if w.get("value") == NEAR]
    assert len(near) == 1 and EXISTING in near[0] and "cần xác nhận" in near[0]
    assert {r["row"] for r in payload["failed_rows"]} == {4, 5, 6} and payload["planned"]["failed"] == 3
    persons = {line["text"]: line for line in payload["values"]["persons"]}
    assert persons["Phạm Văn Khải"]["count"] == 1 and persons["Phạm Văn Khải"]["birth"] == "1970-04-12"
    assert db.session.scalar(select(func.count()).select_from(ImportBatch)) == 0  # the dry run leaves nothing
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0

    web = db.session.get(ImportBatch, upload_batch(client, path))
    db.session.refresh(web)
    assert payload["values"] == web.summary["values"]
    assert payload["planned"] == web.summary["planned"]


def test_a_template_carries_corrections_and_answers_to_the_dry_run_and_the_commit(
        runner, wards, tmp_path):  # noqa: F811  (fixture imported from test_values)
    path = roster(tmp_path, [NEAR, NEAR, SAME_NAME])
    template = tmp_path / "mau.json"
    template.write_text(json.dumps({"layout": {"header_rows": [3, 3]}, "confirmations": {"units": {
        fold(NEAR): {"unit_id": wards["school"].id}, fold(SAME_NAME): {"unit_id": wards["son_1"].id}}}}),
        encoding="utf-8")
    result, payload = dry_run(runner, path, "--template", template)
    assert result.exit_code == 0 and payload["needs_confirmation"] == [] and payload["planned"]["failed"] == 0
    assert {line["state"] for line in payload["values"]["units"]} == {"confirmed"}
    committed = runner.invoke(args=["import", str(path), "--kind", "roster", "--json", "--start-date", "2025-11-01",
                                    "--template", str(template)])
    assert json.loads(committed.stdout)["status"] == "committed", committed.stdout
    assert set(db.session.scalars(select(Assignment.unit_id))) == {wards["school"].id, wards["son_1"].id}


def test_without_the_answers_the_commit_is_refused_naming_the_values(runner, wards, tmp_path):  # noqa: F811
    path = roster(tmp_path, [NEAR, NEAR, NEAR])
    committed = runner.invoke(args=["import", str(path), "--kind", "roster", "--json", "--start-date", "2025-11-01"])
    assert committed.exit_code == 2 and NEAR in json.loads(committed.stdout)["error"]
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0


def test_a_template_the_rescue_form_would_refuse_is_refused_with_its_message(runner, wards, tmp_path):  # noqa: F811
    template = tmp_path / "sai.json"
    template.write_text(json.dumps({"header_rows": [5, 1]}), encoding="utf-8")
    result, payload = dry_run(runner, roster(tmp_path, [NEAR] * 3), "--template", template)
    assert result.exit_code == 2 and payload["error"].startswith("Dòng tiêu đề không hợp lệ")
