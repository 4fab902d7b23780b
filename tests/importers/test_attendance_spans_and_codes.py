"""Registers that span two calendar years, software exports with codes, and a unit stated only in the letterhead,
built in code with wordings the samples do not show. Each is read exactly or flagged."""

import pytest
from sheet_files import write_sheet

from importers import parse_file


def _save(tmp_path, rows, merges=(), name="register.xlsx"):
    return write_sheet(tmp_path / name, rows, title="Theo doi", merges=merges)


def _triples(result):
    return [(r["full_name"], r["date"], r["status"]) for r in result.records()]


def test_year_headers_over_months_date_each_month_in_its_own_year(tmp_path):
    path = _save(tmp_path, [
        ["CHI BỘ THÔN ĐÔNG"], ["ĐIỂM DANH ĐẢNG VIÊN 2023 - 2024"],
        ["TT", "Họ tên", "Năm 2023", None, "Năm 2024", None, None],
        [None, None, "Tháng 11", "Tháng 12", "Tháng 1", "Tháng 2", "Tháng 3"],
        [1, "Hồ Văn Bảo", "x", "P", "x", "K", "x"],
    ], merges=("C3:D3", "E3:G3"))
    result = parse_file(path)
    assert result.errors == []
    assert [date for _, date, _ in _triples(result)] == ["2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01",
                                                          "2024-03-01"]


def test_a_school_year_in_the_title_puts_the_months_after_december_in_the_next_year(tmp_path):
    path = _save(tmp_path, [
        ["CHI BỘ GIÁO VIÊN"], ["SỔ THEO DÕI SINH HOẠT NĂM HỌC 2025-2026"],
        ["STT", "Họ và tên", "T10", "T11", "T12", "T1", "T2"],
        [1, "Lê Thị Hoa", "x", "x", "P", "x", "x"],
    ])
    result = parse_file(path)
    assert [date for _, date, _ in _triples(result)] == ["2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01",
                                                          "2026-02-01"]


def test_months_running_past_december_with_one_year_known_are_flagged(tmp_path):
    path = _save(tmp_path, [
        ["CHI BỘ GIÁO VIÊN"], ["SỔ THEO DÕI SINH HOẠT NĂM 2025"],
        ["STT", "Họ và tên", "T11", "T12", "T1", "T2"],
        [1, "Lê Thị Hoa", "x", "x", "P", "x"],
    ])
    result = parse_file(path)
    assert any("quay lại từ tháng 1" in w["message"] for w in result.warnings)


def test_a_grassroots_party_committee_alone_in_the_letterhead_is_every_row_s_unit(tmp_path):
    path = _save(tmp_path, [
        ["ĐẢNG BỘ TRƯỜNG THPT PHAN ĐÌNH PHÙNG"], [None], ["THEO DÕI SINH HOẠT ĐẢNG VIÊN NĂM 2025"],
        ["STT", "Họ và tên", "T1", "T2"], [1, "Phan Văn Tú", "x", "x"],
    ])
    result = parse_file(path)
    assert {r["unit"] for r in result.records()} == {"Đảng bộ Trường THPT Phan Đình Phùng"}


@pytest.mark.parametrize("title", ["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ ĐỊNH KỲ", "Theo dõi sinh hoạt chi bộ năm 2025"])
def test_a_party_committee_over_a_register_of_chi_bo_meetings_is_their_superior_not_the_unit(tmp_path, title):
    path = _save(tmp_path, [
        ["ĐẢNG BỘ PHƯỜNG XUÂN TRUNG"], [title], ["Năm 2025"],
        ["STT", "Họ và tên", "T1", "T2"], [1, "Phan Văn Tú", "x", "x"],
    ])
    assert {r["unit"] for r in parse_file(path).records()} == {None}


def test_a_district_letterhead_over_a_standing_committee_is_no_unit(tmp_path):
    path = _save(tmp_path, [
        ["ĐẢNG BỘ XÃ KỲ TÂN"], ["BAN THƯỜNG VỤ"], ["THEO DÕI SINH HOẠT NĂM 2025"],
        ["STT", "Họ và tên", "T1", "T2"], [1, "Phan Văn Tú", "x", "x"],
    ])
    result = parse_file(path)
    assert {r["unit"] for r in result.records()} == {None}


def test_a_unit_named_in_the_title_but_not_read_is_a_warning(tmp_path):
    path = _save(tmp_path, [
        ["SỔ ĐIỂM DANH CHI BỘ KHU PHỐ 4 THEO TỪNG THÁNG NĂM 2025"],
        ["STT", "Họ và tên", "T1", "T2"], [1, "Phan Văn Tú", "x", "x"],
    ])
    result = parse_file(path)
    assert {r["unit"] for r in result.records()} == {None}
    assert any("không bản ghi nào có chi bộ" in w["message"] and "KHU PHỐ 4" in w["message"]
               for w in result.warnings)


@pytest.mark.parametrize(("line", "unit"), [
    ("Chi bộ Xóm 7 - Sổ điểm danh sinh hoạt chi bộ năm 2025", "Chi bộ Xóm 7"),
    ("Chi bộ thôn Háo Đức – Đảng bộ xã Nhơn An", "Chi bộ thôn Háo Đức"),
    ("CHI BỘ KHU PHỐ 4 - THEO DÕI SINH HOẠT NĂM 2025", "Chi bộ Khu phố 4"),
])
def test_a_line_opening_with_a_chi_bo_then_a_dash_names_the_unit(tmp_path, line, unit):
    path = _save(tmp_path, [
        ["ĐẢNG ỦY XÃ HẢI VÂN"], [line], ["Năm 2025"],
        ["STT", "Họ và tên", "T1", "T2"], [1, "Phan Văn Tú", "x", "x"],
    ])
    assert {r["unit"] for r in parse_file(path).records()} == {unit}


def _export(tmp_path, lines, encoding="cp1258"):
    path = tmp_path / "xuat.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def test_a_software_export_decodes_its_unit_and_status_codes_from_its_comment_lines(tmp_path):
    path = _export(tmp_path, [
        "MaDonVi,HoTen,NgayHop,TrangThai", "K03,Nguyen Van A,20250307,2", "T11,Le Thi B,20250307,4", "",
        "# TrangThai: 1 = Có mặt; 2 = Vắng có phép; 3 = Vắng không phép; 4 = Đi muộn",
        "# K03 = Chi bộ Khối 3", "# T11 = Chi bộ Thôn 11",
    ], encoding="utf-8")
    result = parse_file(path)
    assert result.errors == []
    assert [(r["date"], r["status"], r["unit"]) for r in result.records()] == [
        ("2025-03-07", "excused", "Chi bộ Khối 3"), ("2025-03-07", "late", "Chi bộ Thôn 11")]


def test_a_unit_code_no_line_explains_is_kept_with_a_warning(tmp_path):
    path = _export(tmp_path, [
        "Ma don vi,Ho ten,Ngay hop,Diem danh", "K03,Nguyen Van A,07032025,x", "K04,Le Thi B,07032025,x", "",
        "K03: Chi bộ Khối 3",
    ], encoding="utf-8")
    result = parse_file(path)
    assert [(r["date"], r["unit"]) for r in result.records()] == [("2025-03-07", "Chi bộ Khối 3"),
                                                                   ("2025-03-07", "K04")]
    assert any("«K04»" in w["message"] for w in result.warnings)


def test_a_month_split_into_status_sub_columns_reads_the_one_marked(tmp_path):
    path = _save(tmp_path, [
        ["ĐIỂM DANH CÁC ĐỒNG CHÍ TRONG ĐOÀN (NĂM 2025)"],
        ["TT", "Họ và tên", "Chi bộ", "Tháng 7", None, None, None, "Tháng 8", None, None, None],
        [None, None, None, "Có mặt", "Vắng có phép", "Vắng không phép", "Đi muộn",
         "Có mặt", "Vắng có phép", "Vắng không phép", "Đi muộn"],
        [1, "Võ Thị Mai", "Chi bộ Thôn 2", None, "X", None, None, None, None, None, "X"],
        [2, "Ngô Văn Hải", "Chi bộ Thôn 2", "X", None, None, None, None, None, None, None],
    ], merges=("D2:G2", "H2:K2"))
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert _triples(result) == [("Võ Thị Mai", "2025-07-01", "excused"), ("Võ Thị Mai", "2025-08-01", "late"),
                                ("Ngô Văn Hải", "2025-07-01", "present")]
    assert not any("chưa dùng" in w["message"] for w in result.warnings)


def test_a_month_marked_in_two_status_sub_columns_is_an_error_not_a_guess(tmp_path):
    path = _save(tmp_path, [
        ["THEO DÕI SINH HOẠT NĂM 2025"],
        ["STT", "Họ và tên", "T1", None, None, "T2", None, None],
        [None, None, "CM", "VCP", "VKP", "CM", "VCP", "VKP"],
        [1, "Võ Thị Mai", "x", "x", None, "x", None, None],
        [2, "Ngô Văn Hải", None, None, "x", "x", None, None],
    ], merges=("C2:E2", "F2:H2"))
    result = parse_file(path)
    assert ("Võ Thị Mai", "2025-01-01", "present") not in _triples(result)
    assert ("Ngô Văn Hải", "2025-01-01", "absent") in _triples(result)
    assert any(e["column"] == "C" and e["row"] == 4 for e in result.errors)


def _meetings(tmp_path, note, first_date):
    return _save(tmp_path, [
        ["TỔNG HỢP ĐIỂM DANH"],
        ["Ngày họp", "Họ và tên", "Điểm danh", "Giờ đến", "Lý do"],
        ["CHI BỘ KHU PHỐ 3"],
        [first_date, "Đ/c Lê Văn Sơn", "Có mặt", "7h40", None],
        [first_date, "Đ/c Cao Thị Hà", "Có mặt", "07:30", None],
        [first_date, "Đ/c Mai Văn Tiến", "Vắng", None, "Đi học"],
        [first_date, "Đ/c Hồ Văn Lâm", "Vắng", None, None],
        [], [note],
    ])


def test_arrival_after_the_start_the_note_states_is_late_and_a_reason_excuses_a_bare_absence(tmp_path):
    import datetime as dt

    path = _meetings(tmp_path, "Ghi chú: họp lúc 7 giờ 30; đến sau giờ họp là đi muộn; vắng có ghi lý do là có phép.",
                     dt.datetime(2025, 6, 2))
    result = parse_file(path)
    assert result.errors == []
    assert [(r["full_name"], r["status"], r["unit"]) for r in result.records()] == [
        ("Lê Văn Sơn", "late", "Chi bộ Khu phố 3"), ("Cao Thị Hà", "present", "Chi bộ Khu phố 3"),
        ("Mai Văn Tiến", "excused", "Chi bộ Khu phố 3"), ("Hồ Văn Lâm", "absent", "Chi bộ Khu phố 3")]
    assert not any("chưa dùng" in w["message"] for w in result.warnings)


def test_the_start_in_the_date_cell_is_used_and_an_arrival_with_no_start_known_is_flagged(tmp_path):
    import datetime as dt

    timed = parse_file(_meetings(tmp_path, "Ghi chú: đến muộn tính theo giờ đến", dt.datetime(2025, 6, 2, 7, 30)))
    assert [r["status"] for r in timed.records()][:2] == ["late", "present"]
    untimed = parse_file(_meetings(tmp_path, "Ghi chú: đến muộn tính theo giờ đến", dt.datetime(2025, 6, 2)))
    assert [r["status"] for r in untimed.records()][:2] == ["present", "present"]
    assert any("không rõ giờ bắt đầu" in w["message"] for w in untimed.warnings)
