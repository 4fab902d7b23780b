"""Roles written as role words cut short with a dot ('T.Đoàn', 'P.Đoàn', 'Tr.Đoàn', 'P.TĐ') read as their spelled-out
forms, whether a note line explains them or the shape alone makes them sure; a dotted form that may spell two roles,
or none, is refused. Name and position may share one cell, split by a line break."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.abbreviations import role_abbreviations
from importers.role_words import dotted_role

PEOPLE = [("Lê Bá Hòa", "Chủ nhiệm UBKT Đảng ủy xã", 1, "head"),
          ("Thái Thị Kim Hiền", "Công chức Tài chính, kế toán", 1, "deputy"),
          ("Chu Xuân Đức", None, 1, "member"),
          ("Hoàng Đức Phúc", "Hiệu trưởng Trường THCS Đức Lam", 2, "head"),
          ("Bùi Thị Minh Tâm", "Trưởng Công an xã", 2, "deputy"),
          ("Nguyễn Công Hải", "Chánh Văn phòng Đảng ủy", 2, "member")]


@pytest.mark.parametrize("text, role", [
    ("T.Đoàn", "head"), ("Tr.Đoàn", "head"), ("Tr. Đoàn", "head"), ("P.Đoàn", "deputy"), ("P.TĐ", "deputy"),
    ("Ph.Tr.Đoàn", "deputy"), ("P.T.Đoàn", "deputy"), ("T.Viên", "member"), ("Th.ký", "member"),
    ("T.V", None), ("Đ.Thanh", None), ("Q.Đoàn", None), ("Nguyễn Văn An", None),
])
def test_dotted_role_words_read_only_when_every_spelling_gives_one_role(text, role):
    assert dotted_role(text) == role


def test_a_note_defines_dotted_abbreviations_even_after_a_list_bullet():
    table = role_abbreviations([["- Nhiệm vụ: T.Đoàn = Trưởng đoàn; P.Đoàn = Phó Trưởng đoàn; TV = Thành viên."],
                                ["Ghi chú: T.Đ - Trưởng đoàn, T.Đ.P - Phó trưởng đoàn"]])
    assert {key: table[key] for key in ("t doan", "p doan", "tv", "t d", "t d p")} == {
        "t doan": "head", "p doan": "deputy", "tv": "member", "t d": "head", "t d p": "deputy"}


def _roster(codes, note):
    rows = [["ĐẢNG ỦY XÃ ĐỨC LAM"], ["DANH SÁCH PHÂN CÔNG THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [],
            ["TT", "Họ và tên\nChức vụ", "Đoàn CT số", "Nhiệm vụ", "Phụ trách chi bộ"]]
    for number, (name, position, group, role) in enumerate(PEOPLE, 1):
        rows.append([number, f"{name}\n{position}" if position else name, group, codes[role], f"Chi bộ Xóm {number}"])
    return rows + [[], [note] if note else []]


@pytest.mark.parametrize("codes, note", [
    ({"head": "T.Đoàn", "deputy": "P.Đoàn", "member": "TV"},
     "- Nhiệm vụ: T.Đoàn = Trưởng đoàn; P.Đoàn = Phó Trưởng đoàn; TV = Thành viên."),
    ({"head": "T.Đoàn", "deputy": "P.Đoàn", "member": "TV"}, None),
    ({"head": "Tr.Đoàn", "deputy": "P.TĐ", "member": "T.Viên"}, None),
    ({"head": "T.Đ", "deputy": "P.T.Đ", "member": "T.V"}, "Ghi chú: T.Đ - Trưởng đoàn; P.T.Đ - Phó trưởng đoàn; "
                                                            "T.V - Thành viên"),
])
def test_dotted_role_abbreviations_read_as_their_roles(tmp_path, codes, note):
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", _roster(codes, note)), kind="roster")
    assert [(r["full_name"], r["position"], r["group"], r["role"]) for r in result.records()] == [
        (name, position, f"Đoàn công tác số {group}", role) for name, position, group, role in PEOPLE]
    assert result.errors == []


def test_a_dotted_role_no_note_explains_and_no_spelling_makes_sure_is_refused(tmp_path):
    codes = {"head": "T.Đoàn", "deputy": "P.Đoàn", "member": "T.V"}
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", _roster(codes, None)), kind="roster")
    assert {r["full_name"] for r in result.records()} == {name for name, _, _, role in PEOPLE if role != "member"}
    assert any("T.V" in error["message"] for error in result.errors)
