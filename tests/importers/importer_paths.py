"""Paths of the shared samples and corpus: `shared/` sits beside the repository (<repo>/../shared)."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared").resolve()
SAMPLES = SHARED / "samples"
CORPUS = SHARED / "corpus" / "foreign-spreadsheets"


def shared_required() -> bool:
    """CI sets REQUIRE_SHARED=1: there a missing `../shared` is a failure, never a silent skip."""
    return os.environ.get("REQUIRE_SHARED") == "1"


def missing_shared(path: Path) -> None:
    """Skip visibly on a developer's clone without `../shared`; fail in CI."""
    if shared_required():
        pytest.fail(f"shared files not found at {path} (REQUIRE_SHARED=1)")
    pytest.skip(f"shared files not found at {path}")


def sample_files() -> list[Path]:
    """Sample data files that have a truth file beside them."""
    if not SAMPLES.is_dir():
        if shared_required():
            raise RuntimeError(f"shared samples not found at {SAMPLES} (REQUIRE_SHARED=1)")
        return []
    return sorted(p for p in SAMPLES.iterdir() if (p.parent / f"{p.name}.truth.json").exists())


def corpus_files() -> list[Path]:
    """Hostile/odd real-world spreadsheets."""
    if not CORPUS.is_dir():
        if shared_required():
            raise RuntimeError(f"shared corpus not found at {CORPUS} (REQUIRE_SHARED=1)")
        return []
    return sorted(p for p in CORPUS.iterdir() if p.is_file())


def require_samples() -> None:
    """Skip with a visible reason when the shared samples are not checked out beside the repo."""
    if not SAMPLES.is_dir():
        missing_shared(SAMPLES)
