"""A CSV saved from a TCVN3 (.VnTime) or VNI sheet holds the legacy font's bytes: read as Windows-1258 they would turn
into other letters and composed tone marks ('Phã' -> 'Phă') that no cell could decode afterwards, so such a file is
read as Latin-1 and each cell decoded as in an .xls; a Windows-1258 file stays Windows-1258."""
import unicodedata

import pytest

from importers import parse_file
from importers.legacy import unicode_to_tcvn3

ROWS = [
    ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn", "Nhiệm vụ", "Chi bộ phụ trách"],
    ["1", "Nguyễn Văn Tài", "15/12/1970", "Phó Bí thư Thường trực Đảng ủy", "Đoàn công tác số 1", "Trưởng đoàn",
     "Chi bộ thôn Đông"],
    ["2", "Đinh Thị Hường", "17/02/1984", "Phó Chủ tịch Hội Nông dân xã", "Đoàn công tác số 1", "Phó đoàn",
     "Chi bộ thôn Đông"],
    ["3", "Huỳnh Văn Lợi", "17/01/1968", "Công chức Văn hóa - Xã hội", "Đoàn công tác số 1", "Thành viên",
     "Chi bộ thôn Đông"],
]
WANT = [(row[1], row[3], row[6]) for row in ROWS[1:]]


TONES = "\u0300\u0301\u0303\u0309\u0323"


def _windows_1258(text: str) -> bytes:
    """Text as Windows saves it in code page 1258: a toned letter is its base letter and a combining tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return out


def _write(tmp_path, data: bytes):
    path = tmp_path / "roster.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("delimiter", [";", ","])
def test_tcvn3_bytes_are_decoded_cell_by_cell(tmp_path, delimiter):
    text = "\r\n".join(delimiter.join(unicode_to_tcvn3(cell) for cell in row) for row in ROWS)
    result = parse_file(_write(tmp_path, text.encode("latin-1")))
    assert [(r["full_name"], r["position"], r["unit"]) for r in result.records()] == WANT
    assert result.errors == []


def test_windows_1258_stays_windows_1258(tmp_path):
    text = "\r\n".join(";".join(row) for row in ROWS)
    result = parse_file(_write(tmp_path, _windows_1258(text)))
    assert [(r["full_name"], r["position"], r["unit"]) for r in result.records()] == WANT
    assert not result.legacy_conversions
