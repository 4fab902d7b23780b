"""Scope is decided only in `permissions`: no other module compares unit paths with `startswith` (the unit tree's
own model and the service that moves a subtree are the two places that work on paths themselves)."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {"webapp/permissions.py", "webapp/models/units.py", "webapp/units/services.py"}
PATH_PREFIX = re.compile(r"(path|scope)\)?\s*\.startswith\(|\.path\b[^\n#]*\.startswith\(", re.I)


def offenders(root: Path = ROOT) -> list[str]:
    found = []
    for file in sorted((root / "webapp").rglob("*.py")):
        name = file.relative_to(root).as_posix()
        if name in ALLOWED or "/migrations/" in name:
            continue
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if PATH_PREFIX.search(line):
                found.append(f"{name}:{number}: {line.strip()}")
    return found


def test_only_permissions_and_the_unit_tree_compare_paths():
    assert offenders() == []


def test_a_path_compared_elsewhere_is_caught(tmp_path):
    planted = tmp_path / "webapp" / "feedback" / "queries.py"
    planted.parent.mkdir(parents=True)
    planted.write_text('def ok(unit, user):\n    return (unit.path if unit else "/").startswith(user.scope)\n')
    assert offenders(tmp_path) == ['webapp/feedback/queries.py:2: return (unit.path if unit else "/").startswith('
                                   'user.scope)']
