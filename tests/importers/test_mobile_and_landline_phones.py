"""A roster's phone is the member's mobile. A landline column beside the mobile one ('ĐT cơ quan' | 'Di động',
'Điện thoại' over 'CQ | NR | DĐ') is known and left unread, whichever comes first; a phone cell giving two labelled
numbers ('CQ: 0233 3852 123 / DĐ: 0912 345 678') gives the mobile, labelled or, unlabelled, shaped as one; two
numbers that could each be the mobile keep the first, with a warning."""

import csv

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds import roster
from importers.mapping import match_field
from importers.normalising import normalise_phone

TITLE = [["ĐẢNG ỦY XÃ HÒA PHONG"], ["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], []]
PEOPLE = [("Nguyễn Văn An", "Trưởng đoàn", "head"), ("Lê Thị Hoa", "Phó trưởng đoàn", "deputy"),
          ("Trần Văn Bình", "Thành viên", "member"), ("Phạm Thị Thu", "Thành viên", "member")]
LANDLINES = ["0233 3852 123", "0235.3812.456", "02363822111", "024 3826 1234"]
MOBILES = ["0912 345 678", "0905.123.456", "+84 369 123 456", "0866123456"]
PHONES = ["0912345678", "0905123456", "0369123456", "0866123456"]


def _write(path, rows, merges=()):
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        return path
    return write_sheet(path, rows, merges=merges)


def _roster(headers, cells, below=None):
    """Title, a header row (and a second one under it), then one row per person with its phone cells."""
    rows = TITLE + [["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ", *headers]]
    if below is not None:
        rows.append([None, None, None, None, *below])
    for number, ((name, role, _), phones) in enumerate(zip(PEOPLE, cells), 1):
        rows.append([number, name, "Đoàn công tác số 1", role, *phones])
    return rows


def _read(path, rows, merges=()):
    result = parse_file(_write(path, rows, merges))
    assert result.errors == []
    assert [(r["full_name"], r["role"]) for r in result.records()] == [(name, role) for name, _, role in PEOPLE]
    return result


LANDLINE_HEADERS = ["ĐT cơ quan", "Điện thoại cơ quan", "ĐT bàn", "Cố định", "ĐTCĐ", "Máy bàn", "ĐT nhà riêng",
                    "ĐTNR", "SĐT cơ quan (nếu có)"]
MOBILE_HEADERS = ["Di động", "DĐ", "ĐTDĐ", "Số di động", "Điện thoại di động", "Mobile"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("landline_first", [True, False])
@pytest.mark.parametrize("at", range(len(LANDLINE_HEADERS)))
def test_the_mobile_column_is_the_phone_and_the_landline_column_is_known(tmp_path, suffix, landline_first, at):
    landline, mobile = LANDLINE_HEADERS[at], MOBILE_HEADERS[at % len(MOBILE_HEADERS)]
    pairs = list(zip(LANDLINES, MOBILES))
    headers, cells = [landline, mobile], pairs
    if not landline_first:
        headers, cells = headers[::-1], [pair[::-1] for pair in pairs]
    result = _read(tmp_path / f"f{suffix}", _roster(headers, cells))
    assert [r["phone"] for r in result.records()] == PHONES, headers
    assert result.warnings == [], headers


@pytest.mark.parametrize("below", [["Cơ quan", "Di động"], ["CQ", "NR", "DĐ"], ["Nhà riêng", "Mobile"],
                                   ["Di động", "Cố định"], ["NR", "ĐTDĐ"]])
def test_sub_columns_under_a_phone_header(tmp_path, below):
    """'Điện thoại' merged over its lines: the line nouns alone name the landline there."""
    mobile_at = next(at for at, label in enumerate(below) if label in ("Di động", "DĐ", "Mobile", "ĐTDĐ"))
    cells = []
    for landline, mobile in zip(LANDLINES, MOBILES):
        row = [landline] * len(below)
        row[mobile_at] = mobile
        cells.append(row)
    headers = ["Điện thoại"] + [None] * (len(below) - 1)
    last = chr(ord("E") + len(below) - 1)
    merges = [f"E4:{last}4"] + [f"{letter}4:{letter}5" for letter in "ABCD"]
    result = _read(tmp_path / "f.xlsx", _roster(headers, cells, below), merges)
    assert [r["phone"] for r in result.records()] == PHONES
    assert result.warnings == []


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("headers", [["Điện thoại", "ĐTDĐ"], ["Số điện thoại", "Số di động"], ["SĐT", "DĐ"]])
def test_a_plain_phone_column_beside_the_mobile_one_is_the_landline(tmp_path, suffix, headers):
    result = _read(tmp_path / f"f{suffix}", _roster(headers, list(zip(LANDLINES, MOBILES))))
    assert [r["phone"] for r in result.records()] == PHONES
    assert result.warnings == []


@pytest.mark.parametrize("headers", [["Điện thoại", "ĐTDĐ"], ["ĐTDĐ", "Zalo"], ["Số ĐT", "Di động"]])
def test_a_second_phone_column_of_mobiles_is_still_named_as_unused(tmp_path, headers):
    """Two columns of mobiles: which is the member's is unsaid, so the first stays the phone (as headed) and the
    other is pointed out."""
    others = ["0987 654 321", "0977 111 222", "0388 999 000", "0799 123 456"]
    result = _read(tmp_path / "f.xlsx", _roster(headers, list(zip(MOBILES, others))))
    assert [r["phone"] for r in result.records()] == PHONES
    assert [w["column"] for w in result.warnings if "chưa dùng" in w["message"]] == ["F"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("noun", ["Cơ quan", "Nhà riêng", "NR", "CQ"])
def test_a_line_noun_alone_over_phone_numbers_is_the_landline(tmp_path, suffix, noun):
    result = _read(tmp_path / f"f{suffix}", _roster([noun, "Di động"], list(zip(LANDLINES, MOBILES))))
    assert [r["phone"] for r in result.records()] == PHONES
    assert result.warnings == []


def test_a_line_noun_alone_over_other_text_is_still_named_as_unused(tmp_path):
    """'Nhà riêng' over addresses is no landline: its data is pointed out, never dropped quietly."""
    addresses = ["Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4"]
    result = _read(tmp_path / "f.xlsx", _roster(["Nhà riêng", "Di động"], list(zip(addresses, MOBILES))))
    assert [r["phone"] for r in result.records()] == PHONES
    assert [w["column"] for w in result.warnings if "chưa dùng" in w["message"]] == ["E"]


@pytest.mark.parametrize("header", ["ĐT cơ quan", "Điện thoại cơ quan", "Máy bàn"])
def test_a_landline_column_alone_is_read_as_the_phone(tmp_path, header):
    result = _read(tmp_path / "f.xlsx", _roster([header], [[number] for number in LANDLINES]))
    assert [r["phone"] for r in result.records()] == ["02333852123", "02353812456", "02363822111", "02438261234"]
    assert result.warnings == []


def test_two_landline_columns_alone_read_the_first_and_name_the_other(tmp_path):
    cells = [[landline, "0236 3500 111"] for landline in LANDLINES]
    result = _read(tmp_path / "f.xlsx", _roster(["ĐT cơ quan", "ĐT nhà riêng"], cells))
    assert [r["phone"] for r in result.records()] == ["02333852123", "02353812456", "02363822111", "02438261234"]
    assert [w["column"] for w in result.warnings if "chưa dùng" in w["message"]] == ["F"]


@pytest.mark.parametrize("label", ["ĐT di động / ĐT cơ quan", "ĐT cơ quan / Di động", "Điện thoại (CQ/DĐ)"])
def test_a_label_naming_both_lines_is_the_phone(label):
    assert match_field(label, roster.FIELDS) == "phone"


CELLS = [
    ("CQ: 0233 3852 123\nDĐ: 0912 345 678", "0912345678"),
    ("NR: 0235.3812.456 / DĐ: 0905 123 456", "0905123456"),
    ("0912345678 (DĐ); 02363 822 111 (CQ)", "0912345678"),
    ("02363 822 111 (CQ) - 0369 123 456 (DĐ)", "0369123456"),
    ("CQ: 0233 3852 123 DĐ: 0912 345 678", "0912345678"),
    ("Di động: 0912.345.678, cơ quan: 0913.999.888", "0912345678"),
    ("Cố định 024 3826 1234 hoặc di động 0866 123 456", "0866123456"),
    ("Mobile: +84 905 123 456; NR: 0235 3812 456", "0905123456"),
    ("ĐTCĐ 02363822111 / ĐTDĐ 0369123456", "0369123456"),
    ("0233 3852 123 / 0912 345 678", "0912345678"),  # unlabelled: the mobile's shape beats the landline's
    ("02363822111; +84 912 345 678", "0912345678"),
    ("(0236) 3822 111 / (+84) 869 123 456", "0869123456"),
]


@pytest.mark.parametrize(("cell", "phone"), CELLS)
def test_a_cell_with_a_landline_and_a_mobile_gives_the_mobile(cell, phone):
    assert normalise_phone(cell) == (phone, None)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("header", ["Điện thoại", "ĐT liên hệ", "SĐT"])
def test_a_roster_of_such_cells_reads_the_mobiles_quietly(tmp_path, suffix, header):
    cells = [[cell] for cell, _ in CELLS[:4]]
    result = _read(tmp_path / f"f{suffix}", _roster([header], cells))
    assert [r["phone"] for r in result.records()] == [phone for _, phone in CELLS[:4]]
    assert result.warnings == []


UNSURE = [
    ("0912 345 678 / 0987 654 321", "0912345678", "đã lấy số đầu tiên"),  # two mobiles, no label
    ("DĐ: 0912 345 678; DĐ: 0987 654 321", "0912345678", "đã lấy số đầu tiên"),
    ("CQ: 0233 3852 123 / NR: 0235 3812 456", "02333852123", "đã lấy số đầu tiên"),
    ("02363822111; 0987654321; 0912345678", "0987654321", "đã lấy số di động đầu tiên"),
    ("0912345678 / 0239.123.456", "0912345678", "đã lấy số đầu tiên"),  # 10 digits from 02: no known line
]


@pytest.mark.parametrize(("cell", "phone", "said"), UNSURE)
def test_numbers_that_could_each_be_the_mobile_keep_the_first_with_a_warning(cell, phone, said):
    value, problem = normalise_phone(cell)
    assert value == phone
    assert problem is not None and said in problem


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_unsure_cell_is_warned_about_naming_its_row_and_column(tmp_path, suffix):
    cells = [[UNSURE[0][0]], [CELLS[0][0]], [UNSURE[2][0]], ["0866 123 456"]]
    result = _read(tmp_path / f"f{suffix}", _roster(["Điện thoại"], cells))
    assert [r["phone"] for r in result.records()] == ["0912345678", "0912345678", "02333852123", "0866123456"]
    assert sorted((w["row"], w["column"]) for w in result.warnings) == [(5, "E"), (7, "E")]
    assert all("có 2 số, đã lấy số đầu tiên" in w["message"] for w in result.warnings)
