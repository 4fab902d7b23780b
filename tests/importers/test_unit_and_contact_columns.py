"""Units and phones that were lost with no word: a roster crossed with its groups whose own unit column is headed
'Chi bộ, đảng bộ được phân công theo dõi' (heads 'Phụ trách chung'); a column headed with 'phân công' or 'công tác'
that nobody reads; a 'Đơn vị:' line whose chi bộ is followed by its superior in brackets; a meeting block's caption
naming its chi bộ between two dashes, or in a wording not read; a contact column of phones ('Liên hệ')."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.caption_units import unit_in_caption
from importers.kinds import roster
from importers.mapping import match_field
from importers.unit_lines import without_superior

UNUSED = "chưa dùng — không trường nào đọc cột này"
TITLE = [["ĐẢNG ỦY PHƯỜNG HÒA CƯỜNG"], ["BẢNG PHÂN CÔNG THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []]
PEOPLE = [("Dương Hữu Phúc", 0, "TĐ", "Phụ trách chung"), ("Cao Anh Quý", 1, "TĐ", "Phụ trách chung"),
          ("Hà Thị Ngân", 0, "PĐ", "Chi bộ Tổ dân phố 4"), ("Võ Viết Đạt", 1, "PĐ", "Chi bộ Tổ dân phố 12"),
          ("Đỗ Đình Nhân", 0, "TV", "Chi bộ Tổ dân phố 29"), ("Cao Đức Minh", 1, "TV", "Chi bộ Tổ dân phố 25")]


@pytest.mark.parametrize("label", ["Chi bộ, đảng bộ được phân công theo dõi", "Chi bộ được phân công theo dõi",
                                   "Đơn vị, cơ sở được giao phụ trách"])
def test_organisations_listed_before_the_assignment_name_the_unit(label):
    assert match_field(label, roster.FIELDS) == "unit"


def test_a_group_matrix_reads_the_persons_own_unit_column(tmp_path):
    header = [["TT", "Họ và tên", "Chức vụ", "Tham gia Đoàn công tác số", None,
               "Chi bộ, đảng bộ được phân công theo dõi", "Ghi chú"],
              [None, None, None, 1, 2, None, None]]
    rows = [[n, name, "Chuyên viên"] + [code if at == group else None for at in range(2)] + [unit, None]
            for n, (name, group, code, unit) in enumerate(PEOPLE, 1)]
    rows += [[], ["Ký hiệu: TĐ - Trưởng đoàn; PĐ - Phó Trưởng đoàn; TV - Thành viên."]]
    merges = ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:F5", "G4:G5"]
    result = parse_file(write_sheet(tmp_path / "m.xlsx", TITLE + header + rows, merges=merges))
    assert result.errors == []
    assert [(r["full_name"], r["group"], r["role"], r["unit"]) for r in result.records()] == [
        (name, f"Đoàn công tác số {group + 1}", {"TĐ": "head", "PĐ": "deputy", "TV": "member"}[code],
         None if unit == "Phụ trách chung" else unit) for name, group, code, unit in PEOPLE]


@pytest.mark.parametrize("label", ["Chi bộ được phân công sinh hoạt", "Đơn vị công tác"])
def test_a_column_headed_with_cong_that_nobody_reads_is_named(tmp_path, label):
    header = ["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ trong đoàn", label]
    rows = [[n, name, "Đoàn công tác số 1", "Thành viên", unit] for n, (name, _, _, unit) in enumerate(PEOPLE, 1)]
    result = parse_file(write_sheet(tmp_path / "r.xlsx", TITLE + [header] + rows))
    assert [w for w in result.warnings if UNUSED in w["message"] and f"cột E «{label}»" in w["message"]]


@pytest.mark.parametrize("text, unit", [
    ("Chi bộ Trường THPT Châu Văn Liêm (trực thuộc Đảng bộ phường Ninh Kiều)", "Chi bộ Trường THPT Châu Văn Liêm"),
    ("Chi bộ Ấp 3 (Đảng bộ xã Thới Lai)", "Chi bộ Ấp 3"),
    ("Chi bộ Ấp 3 (cơ sở thuộc Đảng bộ xã Thới Lai)", "Chi bộ Ấp 3"),
    ("Chi bộ Ấp 3 (cũ) - Đảng bộ xã Thới Lai", "Chi bộ Ấp 3 (cũ)"),
    ("Chi bộ thôn A thuộc Đảng bộ xã B", "Chi bộ thôn A"),
])
def test_a_superior_is_cut_off_without_leaving_a_bracket_open(text, unit):
    assert without_superior(text) == unit


def test_a_transposed_register_takes_the_chi_bo_before_its_bracketed_superior(tmp_path):
    names = ["Lê Thị Bích Xuân", "Thái Thị Thanh Vân", "Tạ Hồng Hằng"]
    rows = [["CHI BỘ TRƯỜNG THPT CHÂU VĂN LIÊM"], [], ["SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"],
            ["Đơn vị: Chi bộ Trường THPT Châu Văn Liêm (trực thuộc Đảng bộ phường Ninh Kiều)"], [],
            ["Tháng", "Họ và tên đảng viên", None, None], [None, *names]]
    rows += [[f"Tháng {month}", "x", "P", "x"] for month in range(1, 4)]
    rows += [[], ["Ghi chú: x = có mặt; P = vắng có phép; K = vắng không phép; M = đến muộn."]]
    result = parse_file(write_sheet(tmp_path / "t.xlsx", rows, merges=["A6:A7", "B6:D6"]))
    assert result.kind == "attendance" and len(result.records()) == 9
    assert {r["unit"] for r in result.records()} == {"Chi bộ Trường THPT Châu Văn Liêm"}


@pytest.mark.parametrize("text, unit", [
    ("Kỳ sinh hoạt tháng 7/2025 – Chi bộ Ấp Trường Thọ – ngày 03/7/2025", "Chi bộ Ấp Trường Thọ"),
    ("Kỳ sinh hoạt tháng 7/2025 - Chi bộ Ấp Trường Hưng - ngày 05 tháng 7 năm 2025", "Chi bộ Ấp Trường Hưng"),
    ("Buổi sinh hoạt ngày 06/01/2025 - Chi bộ Thôn 1 - xã An Lạc", None),
    ("Kỳ sinh hoạt - Chi bộ Ấp 1 - Chi bộ Ấp 2 - ngày 03/7/2025", None),
])
def test_a_unit_between_two_dashes_before_the_date(text, unit):
    assert unit_in_caption(text) == unit


BLOCK_PEOPLE = {"Chi bộ Ấp Trường Thọ": ["Trần Trọng Khoa", "Võ Hoài Bảy", "Nguyễn Văn Khang"],
                "Chi bộ Ấp Trường Hưng": ["Võ Hoàng Phúc", "Châu Thị Bích Nga", "Đặng Thị Kim Nhung"]}


def _blocks(caption: str) -> list[list]:
    rows = [["ĐẢNG ỦY XÃ TRƯỜNG LONG"], [], ["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ ĐỊNH KỲ"],
            ["Ghi chú cột Tham dự: Có = có mặt; Vắng CP = vắng có phép; Vắng KP = vắng không phép; Trễ = đến trễ"],
            [], ["STT", "Họ và tên", "Chức vụ", "Tham dự", "Lý do"]]
    for day, (unit, names) in enumerate(BLOCK_PEOPLE.items(), 3):
        rows.append([caption.format(unit=unit, day=day)])
        rows += [[n, name, "Đảng viên", "Có" if n != 2 else "Vắng KP", None] for n, name in enumerate(names, 1)]
        rows += [[f"Tổng số: {len(names)} đ/c; có mặt {len(names) - 1}"], []]
    return rows


def test_meeting_blocks_whose_captions_name_the_unit_between_dashes(tmp_path):
    rows = _blocks("Kỳ sinh hoạt tháng 7/2025 – {unit} – ngày {day:02d}/7/2025")
    result = parse_file(write_sheet(tmp_path / "b.xlsx", rows))
    assert [(r["full_name"], r["date"], r["unit"]) for r in result.records()] == [
        (name, f"2025-07-{day:02d}", unit) for day, (unit, names) in enumerate(BLOCK_PEOPLE.items(), 3)
        for name in names]


def test_meeting_blocks_whose_captions_name_a_unit_not_read_say_so(tmp_path):
    rows = _blocks("Kỳ sinh hoạt ngày {day:02d}/7/2025 của {unit}")
    result = parse_file(write_sheet(tmp_path / "b.xlsx", rows))
    assert len(result.records()) == 6 and {r["unit"] for r in result.records()} == {None}
    said = [w for w in result.warnings if w["field"] == "unit" and "chi bộ của từng kỳ chưa được đọc" in w["message"]]
    assert said and said[0]["row"] == 7 and said[0]["column"] == "A" and "(0/2 dòng" in said[0]["message"]


CONTACTS = ["0831 736 673", "0292.3034.617", None, "0798 182 373", "0292.3915.536", "0360 984 323"]


@pytest.mark.parametrize("label", ["Liên hệ", "Số liên hệ", "Thông tin liên hệ"])
def test_a_contact_column_of_phones_is_the_phone(tmp_path, label):
    header = ["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ trong đoàn", label]
    rows = [[n, name, "Đoàn công tác số 1", "Thành viên", phone]
            for n, ((name, *_), phone) in enumerate(zip(PEOPLE, CONTACTS), 1)]
    result = parse_file(write_sheet(tmp_path / "c.xlsx", TITLE + [header] + rows))
    assert [r["phone"] for r in result.records()] == [
        "0831736673", "02923034617", None, "0798182373", "02923915536", "0360984323"]
    assert result.warnings == [] and result.errors == []


def test_a_contact_column_of_other_things_is_not_the_phone(tmp_path):
    header = ["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Liên hệ"]
    contacts = ["Zalo nhóm Đoàn 1", "Văn phòng Đảng ủy", "0831 736 673", "Email: a@b.vn", "Nhà riêng", "Cơ quan"]
    rows = [[n, name, "Đoàn công tác số 1", "Thành viên", contact]
            for n, ((name, *_), contact) in enumerate(zip(PEOPLE, contacts), 1)]
    result = parse_file(write_sheet(tmp_path / "c.xlsx", TITLE + [header] + rows))
    assert {r["phone"] for r in result.records()} == {None}


def test_a_ten_digit_number_that_is_no_mobile_is_a_landline_short_of_a_digit(tmp_path):
    header = ["STT", "Họ và tên", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Số điện thoại"]
    phones = ["0831 736 673", "0292.3034.617", "0292.303.461", "0798 182 373", "0292.3915.536", "0360 984 323"]
    rows = [[n, name, "Đoàn công tác số 1", "Thành viên", phone]
            for n, ((name, *_), phone) in enumerate(zip(PEOPLE, phones), 1)]
    result = parse_file(write_sheet(tmp_path / "p.xlsx", TITLE + [header] + rows))
    said = [w["message"] for w in result.warnings if w["field"] == "phone"]
    assert len(said) == 1 and "1 số điện thoại 10 chữ số không có đầu số di động" in said[0]
    assert "E7 «0292303461»" in said[0]


@pytest.mark.parametrize("charge", ["Phụ trách chung", "(Theo dõi chung)", "Chỉ đạo chung"])
def test_a_head_in_general_charge_follows_the_unit_the_group_row_names(tmp_path, charge):
    header = ["TT", "Họ và tên", "Chức vụ", "Nhiệm vụ trong Đoàn", "Theo dõi chi bộ", "Điện thoại"]
    rows = [["Đoàn công tác số 1 - Đảng bộ Trường Đại học Sư phạm"],
            [1, "Đỗ Thị Bích Liên", "Phó Bí thư Đảng ủy", "Trưởng đoàn", charge, "0904847178"],
            [2, "Hồ Công An", "Chuyên viên", "Thành viên", "Chi bộ Khoa Ngữ văn", "0936583792"],
            ["Đoàn công tác số 2 - Đảng bộ Bệnh viện Đa khoa Phú Xuân"],
            [3, "Lê Thị Châu", "Trưởng Công an phường", "Trưởng đoàn", charge, "0863324323"],
            [4, "Võ Đức Huy", "Chuyên viên", "Thành viên", "Chi bộ Khoa Nội", "0883728182"]]
    result = parse_file(write_sheet(tmp_path / "g.xlsx", TITLE + [header] + rows))
    assert result.errors == []
    assert [(r["full_name"], r["group"], r["unit"]) for r in result.records()] == [
        ("Đỗ Thị Bích Liên", "Đoàn công tác số 1", "Đảng bộ Trường Đại học Sư phạm"),
        ("Hồ Công An", "Đoàn công tác số 1", "Chi bộ Khoa Ngữ văn"),
        ("Lê Thị Châu", "Đoàn công tác số 2", "Đảng bộ Bệnh viện Đa khoa Phú Xuân"),
        ("Võ Đức Huy", "Đoàn công tác số 2", "Chi bộ Khoa Nội")]
