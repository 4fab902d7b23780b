"""Import-area fixtures: sample files, a town whose units match the samples, uploading helpers."""
import json

import pytest

from tests.conftest import SHARED_DIR
from tests.importers.importer_paths import missing_shared
from webapp.models import Sector, UnitKind

SAMPLES = SHARED_DIR / "samples"
CORPUS = SHARED_DIR / "corpus" / "foreign-spreadsheets"


def sample(name: str):
    """Path of a shared sample file; skips the test visibly when the shared samples are absent."""
    path = SAMPLES / name
    if not path.exists():
        missing_shared(path)
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


ROSTER_HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn",
                  "Đơn vị phụ trách", "Số điện thoại"]


def write_xlsx(path, headers, rows, title="DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"):
    """A small office-style workbook: a title line, a blank line, the header row, the data rows."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    sheet.append([title])
    sheet.append([])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def roster_file(tmp_path, town):
    """Write a roster .xlsx with units of the town; `rows` override the default three members."""
    unit = next(name for name in town["units"] if name.startswith("Đảng bộ"))

    def make(rows=None, headers=ROSTER_HEADERS, name="ds.xlsx"):
        rows = rows if rows is not None else [
            [1, "Phạm Văn Khải", "12/04/1970", "Phó Bí thư", "Đoàn công tác số 7", "Trưởng đoàn", unit, "0912000001"],
            [2, "Đỗ Thị Mai", "03/09/1982", "Trưởng ban", "Đoàn công tác số 7", "Thành viên", unit, "0912000002"],
            [3, "Lý Văn Tâm", "20/01/1979", "Chánh văn phòng", "Đoàn công tác số 7", "Phó đoàn", unit, "0912000003"],
        ]
        return write_xlsx(tmp_path / name, headers, rows)

    make.unit = unit
    return make


def batch_id_of(response) -> int:
    """The batch id in the URL a response ended on."""
    import re

    return int(re.search(r"/imports/(\d+)", response.request.path).group(1))


COMMIT = {"start_date": "2025-11-01", "action": "commit", "unit_parent_id": "0", "default_unit_id": "0"}
