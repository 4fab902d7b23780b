"""Paths of the shared samples and corpus: `shared/` sits beside the repository (<repo>/../shared)."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared").resolve()
SAMPLES = SHARED / "samples"
CORPUS = SHARED / "corpus" / "foreign-spreadsheets"


def sample_files() -> list[Path]:
    """Sample data files that have a truth file beside them."""
    if not SAMPLES.is_dir():
        return []
    return sorted(p for p in SAMPLES.iterdir() if (p.parent / f"{p.name}.truth.json").exists())


def corpus_files() -> list[Path]:
    """Hostile/odd real-world spreadsheets."""
    return sorted(p for p in CORPUS.iterdir() if p.is_file()) if CORPUS.is_dir() else []


def require_samples() -> None:
    """Skip with a visible reason when the shared samples are not checked out beside the repo."""
    if not SAMPLES.is_dir():
        pytest.skip(f"shared samples not found at {SAMPLES}")
