"""The layers contract in pyproject.toml holds, and it is not a contract that cannot fail: an import pointing the
wrong way, planted in a copy of the tree, is caught."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = str(Path(sys.executable).with_name("lint-imports"))


def _lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run([LINT, "--config", str(tree / "pyproject.toml"), "--no-cache"], cwd=tree, text=True,
                          capture_output=True, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})


def _copy(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    for name in ("webapp", "importers"):
        shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("static", "translations",
                                                                                 "__pycache__", "*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_layers_hold():
    result = subprocess.run([LINT, "--no-cache"], cwd=ROOT, text=True, capture_output=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_an_import_pointing_up_is_caught(tmp_path):
    tree = _copy(tmp_path)
    models = tree / "webapp" / "models" / "__init__.py"
    models.write_text(models.read_text(encoding="utf-8") + "\nfrom ..dashboard import figures  # noqa\n",
                      encoding="utf-8")
    result = _lint(tree)
    assert result.returncode != 0
    assert "webapp.models is not allowed to import webapp.dashboard" in result.stdout


def test_the_importer_may_not_reach_the_web_app(tmp_path):
    tree = _copy(tmp_path)
    (tree / "importers" / "sneaky.py").write_text("from webapp.extensions import db  # noqa\n", encoding="utf-8")
    result = _lint(tree)
    assert result.returncode != 0 and "importers.sneaky" in result.stdout


def test_a_loop_between_areas_is_caught(tmp_path):
    tree = _copy(tmp_path)
    units = tree / "webapp" / "units" / "queries.py"  # feedback already leans on units; the reverse closes a loop
    units.write_text(units.read_text(encoding="utf-8") + "\nfrom ..feedback import visibility  # noqa\n",
                     encoding="utf-8")
    result = _lint(tree)
    assert result.returncode != 0 and "No loops between the app's packages" in result.stdout
