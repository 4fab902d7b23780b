"""Hostile real-world files never crash the CLI: exit 0 with JSON or exit 2 with a Vietnamese error."""

import json
import resource
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from importer_paths import CORPUS, REPO, corpus_files

ADDRESS_SPACE = 1 << 30
TIMEOUT_SECONDS = 20
COMMANDS = (
    ("inspect-sheet", "{file}", "--json"),
    ("import", "{file}", "--kind", "roster", "--dry-run", "--json"),
)


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_cli(path: Path, template: tuple[str, ...]) -> dict:
    """Run `python -m importers` in a memory-limited subprocess and describe what happened."""
    argv = [sys.executable, "-m", "importers", *(part.format(file=path) for part in template)]
    try:
        done = subprocess.run(argv, capture_output=True, timeout=TIMEOUT_SECONDS, cwd=REPO,
                              preexec_fn=_limit_memory, check=False)
    except subprocess.TimeoutExpired:
        return {"file": path.name, "command": template[0], "problem": "timeout"}
    outcome = {"file": path.name, "command": template[0], "code": done.returncode,
               "stderr": done.stderr.decode("utf-8", "replace")}
    try:
        outcome["payload"] = json.loads(done.stdout.decode("utf-8"))
    except ValueError:
        outcome["problem"] = f"stdout is not one JSON object: {done.stdout[:200]!r}"
    return outcome


def _problem(outcome: dict) -> str | None:
    if "problem" in outcome:
        return outcome["problem"]
    if "Traceback" in outcome["stderr"]:
        return "traceback on stderr"
    payload, code = outcome["payload"], outcome["code"]
    if code == 0 and isinstance(payload, dict) and "error" not in payload:
        return None
    if code == 2 and isinstance(payload, dict) and isinstance(payload.get("error"), str) and payload["error"].strip():
        return None
    return f"exit {code} with {str(payload)[:200]}"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")
def test_every_corpus_file_ends_cleanly():
    jobs = [(path, template) for path in corpus_files() for template in COMMANDS]
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda job: run_cli(*job), jobs))
    failures = [f"{o['file']} [{o['command']}]: {_problem(o)}" for o in outcomes if _problem(o)]
    assert not failures, "\n".join(failures)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")
@pytest.mark.parametrize("name", ["pass_protected.xlsx", "pass_protected.ods", "pass_protected.xlsb", "issue_385.xls"])
def test_password_protected_files_get_the_password_message(name):
    outcome = run_cli(CORPUS / name, COMMANDS[1])
    assert outcome["code"] == 2
    assert outcome["payload"] == {"error": "Tệp được đặt mật khẩu, hãy gỡ mật khẩu rồi tải lên lại."}
