"""A remark in brackets after a unit's name (meeting schedule, count, secretary, person in charge, founding date)
is no part of the unit and is left out, said once per file; a place in brackets is part of the name and stays; a
bracket read as neither is kept with a warning (importers.unit_remarks)."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.assigned_units import unit_text
from importers.normalising import normalise_unit_name
from importers.unit_remarks import DOUBT, NAME, REMARK, bracket_kind, joined_remark_inferences, split_remarks

WHAT = "Ghi chú sau tên chi bộ"
LEGEND = ["Ghi chú: x có mặt, P vắng có phép, K vắng không phép"]


@pytest.mark.parametrize("text, name", [
    ("Chi bộ Thôn 2 (họp ngày 10/11/2025)", "Chi bộ Thôn 2"),
    ("CHI BỘ THÔN 1 (sinh hoạt ngày 05 hằng tháng)", "CHI BỘ THÔN 1"),
    ("Chi bộ Thôn 1 (SH ngày 5 hàng tháng)", "Chi bộ Thôn 1"),
    ("Chi bộ Thôn 1 (lịch họp: thứ Bảy tuần đầu)", "Chi bộ Thôn 1"),
    ("Chi bộ Thôn 1 (12 đảng viên)", "Chi bộ Thôn 1"),
    ("Chi bộ Thôn 1 (15 ĐV)", "Chi bộ Thôn 1"),
    ("Chi bộ Thôn 1 (có 3 đảng viên dự bị)", "Chi bộ Thôn 1"),
    ("Chi bộ Thôn 1 (Bí thư: Nguyễn Văn A)", "Chi bộ Thôn 1"),
    ("Chi bộ Thôn 1 (BT: đ/c Hòa)", "Chi bộ Thôn 1"),
    ("Chi bộ Thôn 1 (đ/c Lan phụ trách)", "Chi bộ Thôn 1"),
    ("Chi bộ Thôn 1 [thành lập 01/7/2025]", "Chi bộ Thôn 1"),
    ("Chi bo Thon 1 (sinh hoat ngay 5 hang thang)", "Chi bo Thon 1"),
    ("Chi bộ Thôn 2 (xã Yên Mô cũ) (họp ngày 5)", "Chi bộ Thôn 2 (xã Yên Mô cũ)"),
    # near-misses: a place, a qualifier, a superior, an abbreviation are part of the name
    ("Chi bộ Thôn 2 (xã Yên Mô cũ)", "Chi bộ Thôn 2 (xã Yên Mô cũ)"),
    ("Chi bộ Tổ dân phố 1 (phường Nam Hồng)", "Chi bộ Tổ dân phố 1 (phường Nam Hồng)"),
    ("Chi bộ Khu 3 (cũ)", "Chi bộ Khu 3 (cũ)"),
    ("Chi bộ Thôn Đông (giáo họ Phú Nhai)", "Chi bộ Thôn Đông (giáo họ Phú Nhai)"),
    ("Chi bộ Tổ dân phố 1 (Đảng bộ phường Nam Hồng)", "Chi bộ Tổ dân phố 1 (Đảng bộ phường Nam Hồng)"),
    ("Chi bộ TTYT (PTDTBT)", "Chi bộ TTYT (PTDTBT)"),
    ("Chi bộ Thôn 5 (Phú Nhai)", "Chi bộ Thôn 5 (Phú Nhai)"),  # in doubt: kept
    ("Chi bộ Thôn 2 (xã A cũ, họp ngày 5)", "Chi bộ Thôn 2 (xã A cũ, họp ngày 5)"),  # both: kept
])
def test_the_name_without_its_remark(text, name):
    assert split_remarks(text)[0] == name
    assert unit_text(text) == normalise_unit_name(text) == (name if name != "CHI BỘ THÔN 1" else "Chi bộ Thôn 1")


@pytest.mark.parametrize("inside, kind", [
    ("họp ngày 10/11/2025", REMARK), ("12 đảng viên", REMARK), ("BT: đ/c Hòa", REMARK), ("10/11/2025", REMARK),
    ("xã Yên Mô cũ", NAME), ("cũ", NAME), ("giáo họ Phú Nhai", NAME), ("PTDTBT", NAME),
    ("quý III/2025", REMARK), ("Chủ nhật đầu tháng", REMARK), ("gồm 08 đồng chí", REMARK),
    ("Phú Nhai", DOUBT), ("khu vực chợ", DOUBT), ("xã A cũ, họp ngày 5", DOUBT), ("Hợp tác xã Đông Hòa", DOUBT),
    ("gồm thôn 1 và thôn 2 cũ", DOUBT),
])
def test_what_a_bracket_holds(inside, kind):
    assert bracket_kind(inside) == kind


def _said(result) -> list[str]:
    return [item["source"] for item in result.inferences if item["what"] == WHAT]


def test_block_titles_of_a_wide_register(tmp_path):
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [], ["STT", "Họ và tên", "T1", "T2"],
            ["CHI BỘ THÔN 1 (sinh hoạt ngày 05 hằng tháng)"], [1, "Nguyễn Văn An", "x", "P"],
            ["Chi bộ Thôn 2 (họp ngày 10/11/2025)"], [1, "Phạm Thị Dung", "x", "K"],
            ["Chi bộ Thôn 3 (xã Yên Mô cũ)"], [1, "Lê Văn Cường", "K", "x"], LEGEND]
    result = parse_file(write_sheet(tmp_path / "blocks.xlsx", rows, merges=["A4:D4", "A6:D6", "A8:D8"]))
    assert sorted({(r["full_name"], r["unit"]) for r in result.records()}) == [
        ("Lê Văn Cường", "Chi bộ Thôn 3 (xã Yên Mô cũ)"), ("Nguyễn Văn An", "Chi bộ Thôn 1"),
        ("Phạm Thị Dung", "Chi bộ Thôn 2")]
    # the only unit warning: 'Chi bộ Thôn 1' is written in capitals alone (importers.capital_units), no bracket doubt
    doubts = [w["message"] for w in result.warnings if w["field"] == "unit"]
    assert [message for message in doubts if "chỉ viết chữ in hoa" not in message] == []
    assert _said(result) == ["bỏ ghi chú trong ngoặc sau tên chi bộ: «(sinh hoạt ngày 05 hằng tháng)», «(họp ngày "
                             "10/11/2025)» — ghi chú (lịch họp, số đảng viên, bí thư, người phụ trách…) không phải "
                             "tên chi bộ"]


ROSTER_UNITS = [
    ("Chi bộ Thôn 1 (họp ngày 05 hằng tháng)", "Chi bộ Thôn 1"),
    ("Chi bộ Thôn 2 (xã Yên Mô cũ)", "Chi bộ Thôn 2 (xã Yên Mô cũ)"),
    ("Chi bộ Thôn 3 (BT: đ/c Hòa)", "Chi bộ Thôn 3"),
    ("Chi bộ Thôn 4 (đ/c Lan phụ trách)", "Chi bộ Thôn 4"),
    ("Chi bộ Khu 3 (cũ)", "Chi bộ Khu 3 (cũ)"),
    ("Chi bộ Thôn 5 (Phú Nhai)", "Chi bộ Thôn 5 (Phú Nhai)"),
]
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Gấm"]


def _roster(tmp_path, units):
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC"], [], ["STT", "Họ và tên", "Đoàn", "Nhiệm vụ", "Chi bộ phụ trách"]]
    for number, (name, unit) in enumerate(zip(NAMES, units), 1):
        rows.append([number, name, "Đoàn 1", "Trưởng đoàn" if number == 1 else "Thành viên", unit])
    return parse_file(write_sheet(tmp_path / "roster.xlsx", rows, title="DS"))


def test_a_roster_unit_column(tmp_path):
    result = _roster(tmp_path, [cell for cell, _ in ROSTER_UNITS])
    assert [(r["full_name"], r["unit"]) for r in result.records()] == [
        (name, unit) for name, (_, unit) in zip(NAMES, ROSTER_UNITS)]
    assert _said(result) == ["bỏ ghi chú trong ngoặc sau tên chi bộ: «(họp ngày 05 hằng tháng)», «(BT: đ/c Hòa)», "
                             "«(đ/c Lan phụ trách)» — ghi chú (lịch họp, số đảng viên, bí thư, người phụ trách…) "
                             "không phải tên chi bộ"]
    doubts = [w for w in result.warnings if w["field"] == "unit"]
    assert [(w["sheet"], w["row"], w["column"], w["value"]) for w in doubts] == [
        ("DS", 9, "E", "Chi bộ Thôn 5 (Phú Nhai)")]
    assert "«(Phú Nhai)»" in doubts[0]["message"] and "E9" in doubts[0]["message"]


def test_places_in_brackets_stay_and_nothing_is_said(tmp_path):
    units = ["Chi bộ Thôn 2 (xã Yên Mô cũ)", "Chi bộ Tổ dân phố 1 (phường Nam Hồng)", "Chi bộ Khu 3 (cũ)",
             "Chi bộ Thôn Đông (giáo họ Phú Nhai)"]
    result = _roster(tmp_path, units)
    assert [r["unit"] for r in result.records()] == units
    assert _said(result) == [] and [w for w in result.warnings if w["field"] == "unit"] == []


def test_a_title_line_and_a_tab_name(tmp_path):
    body = [["STT", "Họ và tên", "T1", "T2"], [1, "Nguyễn Văn An", "x", "P"], [2, "Trần Thị Bình", "K", "x"], LEGEND]
    lined = parse_file(write_sheet(tmp_path / "line.xlsx", [
        ["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], ["Đơn vị: Chi bộ Thôn 2 (SH ngày 5 hàng tháng)"], [], *body]))
    assert {r["unit"] for r in lined.records()} == {"Chi bộ Thôn 2"}
    assert len(_said(lined)) == 1 and "«(SH ngày 5 hàng tháng)»" in _said(lined)[0]
    tabbed = parse_file(write_sheet(tmp_path / "tab.xlsx", [["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [], *body],
                                    title="Chi bộ Thôn 4 (15 ĐV)"))
    assert {r["unit"] for r in tabbed.records()} == {"Chi bộ Thôn 4"}
    assert len(_said(tabbed)) == 1 and "«(15 ĐV)»" in _said(tabbed)[0]


def test_units_over_column_blocks(tmp_path):
    rows = [["SỔ ĐIỂM DANH NĂM 2025"], [],
            ["STT", "Họ và tên", "Chi bộ Tổ dân phố 1 (12 đảng viên)", None, "Chi bộ Tổ dân phố 2 (xã A cũ)", None],
            [None, None, "05/01/2025", "05/02/2025", "10/01/2025", "10/02/2025"],
            [1, "Nguyễn Văn An", "x", "x", "P", "x"], LEGEND]
    result = parse_file(write_sheet(tmp_path / "cols.xlsx", rows, merges=["C3:D3", "E3:F3", "A3:A4", "B3:B4"]))
    assert sorted({r["unit"] for r in result.records()}) == ["Chi bộ Tổ dân phố 1", "Chi bộ Tổ dân phố 2 (xã A cũ)"]
    assert len(_said(result)) == 1 and "«(12 đảng viên)»" in _said(result)[0]


def test_a_group_title_naming_the_unit_in_charge():
    assert unit_text("(phụ trách Chi bộ Thôn 1 (SH ngày 5 hằng tháng))") == "Chi bộ Thôn 1"
    assert unit_text("Phụ trách: Chi bộ Thôn 1 (12 đảng viên)") == "Chi bộ Thôn 1"
    assert unit_text("(phụ trách Chi bộ Thôn 2 (xã Yên Mô cũ))") == "Chi bộ Thôn 2 (xã Yên Mô cũ)"


def test_several_sheets_say_it_once():
    one = [{"what": WHAT, "value": "«(12 ĐV)»", "source": "…"}, {"what": "Năm", "value": "2025", "source": "…"}]
    two = [{"what": WHAT, "value": "«(12 ĐV)», «(họp ngày 5)»", "source": "…"}]
    said = joined_remark_inferences([one, two])
    assert [item["value"] for item in said] == ["«(12 ĐV)», «(họp ngày 5)»"]
