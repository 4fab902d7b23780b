"""A phone column headed the way offices abbreviate it (ĐTDĐ, ĐT DĐ, SĐT, Số ĐT, DĐ, Zalo …), alone or with a
qualifier or an aside, is the phone; an aside alone ('(Zalo)') names no field."""

import random

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds import roster
from importers.mapping import match_field
from importers.parsing import HEADER_SPECS

WORDINGS = ["ĐTDĐ", "ĐT DĐ", "SĐT", "Số ĐT", "ĐT liên hệ", "Di động", "Điện thoại di động", "DĐ", "Zalo",
            "Số ĐTDĐ", "SĐT Zalo", "Số Zalo", "ĐTDĐ/Zalo", "SĐT / Zalo", "Đ.T.D.Đ", "đtdđ", "S.Đ.T"]
TAILS = ["", " (nếu có)", " hiện tại", " (Zalo)", " liên hệ", ":"]


@pytest.mark.parametrize("wording", WORDINGS)
@pytest.mark.parametrize("tail", TAILS)
def test_phone_wordings_name_the_phone(wording, tail):
    assert match_field(wording + tail, roster.FIELDS) == "phone"
    assert match_field(wording + tail, HEADER_SPECS) == "phone"


@pytest.mark.parametrize("label", ["(Zalo)", "(ĐTDĐ)", "(1)"])
def test_an_aside_alone_names_no_field(label):
    assert match_field(label, roster.FIELDS) is None


@pytest.mark.parametrize("seed", range(12))
def test_a_roster_with_an_abbreviated_phone_header_reads_the_phones(tmp_path, seed):
    rng = random.Random(seed)
    phone = rng.choice(WORDINGS) + rng.choice(TAILS)
    header = ["STT", "Họ và tên", "Chức vụ", phone, "Đoàn công tác", "Nhiệm vụ"]
    rng.shuffle(header[2:4])
    people = [("Nguyễn Văn An", "Bí thư", "0912345678"), ("Lê Thị Hoa", "Chuyên viên", "0987654321"),
              ("Trần Văn Bình", "Phó Chủ tịch", "0369123456")]
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 1"], [], header]
    for number, (name, position, number_text) in enumerate(people, 1):
        cells = {"Chức vụ": position, phone: number_text}
        rows.append([number, name] + [cells[label] for label in header[2:4]] + ["Đoàn công tác số 1", "Thành viên"])
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [(r["full_name"], r["position"], r["phone"]) for r in result.records()] == people, phone
    assert result.errors == [] and result.warnings == [], phone
