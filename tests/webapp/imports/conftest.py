"""Import-area fixtures: sample files, a town whose units match the samples, uploading helpers."""
import json

import pytest

from tests.conftest import SHARED_DIR
from webapp.models import Sector, UnitKind

SAMPLES = SHARED_DIR / "samples"
CORPUS = SHARED_DIR / "corpus" / "foreign-spreadsheets"


def sample(name: str):
    """Path of a shared sample file; skips the test visibly when the shared samples are absent."""
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"shared sample {path} is not available")
    return path


def truth(name: str) -> dict:
    return json.loads((sample(name).parent / f"{name}.truth.json").read_text(encoding="utf-8"))


@pytest.fixture
def town(root_unit, term, make_unit):
    """Root unit, current term and every unit named in the roster and attendance samples."""
    names = set()
    for name in ("a01_roster_title_block.xlsx", "a06_attendance_wide_months.xlsx"):
        names |= {r["unit"] for r in truth(name)["records"] if r.get("unit")}
    units = {}
    for name in sorted(names):
        kind = UnitKind.CELL if name.startswith("Chi bộ") else UnitKind.PARTY_COMMITTEE
        units[name] = make_unit(name, kind, Sector.WARD, parent=root_unit)
    return {"root": root_unit, "term": term, "units": units}


@pytest.fixture
def upload(client):
    """Post a file to the upload form; returns the response."""
    def post(path, kind="", follow=True, **extra):
        with open(path, "rb") as handle:
            data = {"file": (handle, path.name), "kind": kind, **extra}
            return client.post("/imports/", data=data, content_type="multipart/form-data",
                               follow_redirects=follow)

    return post
