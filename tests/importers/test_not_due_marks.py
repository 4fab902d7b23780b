"""Legend marks for a person not due at a meeting ("CĐ = đã chuyển sinh hoạt đi (không điểm danh)", "MSH = được
miễn sinh hoạt (không điểm danh)", "CKN = chưa kết nạp"), on a legend line of their own under the first: the cells
give no record and a warning names the mark; never a status, never the blank cells' status."""

from sheet_files import write_sheet

from importers import parse_file
from importers.not_due_marks import is_not_due, not_due_marks

LEGEND = "Ký hiệu: x = có mặt; p = vắng có phép; v = vắng không phép; t = đến trễ;"


def _rows(second_line, marks_of_third):
    return [
        ["CHI BỘ KHU PHỐ 5"],
        ["BẢNG THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"],
        ["STT", "Họ và tên", "T1", "T2", "T3", "T4"],
        [1, "Nguyễn Văn An", "x", "p", "x", "t"],
        [2, "Lê Thị Hoa", "x", "x", *marks_of_third],
        [3, "Trần Minh Đức", "v", "x", "x", "x"],
        [],
        [LEGEND],
        [second_line],
    ]


def test_moved_away_and_exempt_marks_give_no_record(tmp_path):
    line = ("CĐ = đã chuyển sinh hoạt đảng đi (không điểm danh); MSH = được miễn sinh hoạt (không điểm danh); "
            "CKN = chưa kết nạp")
    path = write_sheet(tmp_path / "a.xlsx", _rows(line, ["CĐ", "CĐ"]))
    result = parse_file(path)
    assert not result.errors
    records = result.records()
    assert len(records) == 10
    assert not [r for r in records if r["full_name"] == "Lê Thị Hoa" and r["date"] >= "2025-03-01"]
    warned = [w for w in result.warnings if "«CĐ»" in w["message"]]
    assert warned and "E5" in warned[0]["message"] and "không thành bản ghi" in warned[0]["message"]


def test_not_due_mark_never_takes_the_blank_status(tmp_path):
    line = "CĐ = chuyển đi (không điểm danh); để trống = vắng không phép"
    path = write_sheet(tmp_path / "b.xlsx", _rows(line, ["CĐ", None]))
    records = parse_file(path).records()
    hoa = {r["date"]: r["status"] for r in records if r["full_name"] == "Lê Thị Hoa"}
    assert "2025-03-01" not in hoa and hoa.get("2025-04-01") == "absent"


def test_an_unexplained_mark_is_still_refused(tmp_path):
    path = write_sheet(tmp_path / "c.xlsx", _rows("Bí thư", ["CĐ", "CĐ"]))
    assert any("CĐ" in str(e["value"]) for e in parse_file(path).errors)


def test_wordings():
    assert is_not_due("đã chuyển sinh hoạt đảng đi (không điểm danh)")
    assert is_not_due("được miễn sinh hoạt (không điểm danh)")
    assert is_not_due("đã qua đời")
    assert not is_not_due("miễn sinh hoạt")  # the exempt status (importers.legends)
    assert not is_not_due("vắng không phép")
    assert not is_not_due("vắng có phép (chuyển đi công tác)")
    assert not_due_marks(["CĐ: chuyển đi; CĐ: chưa kết nạp"]) == {}  # two meanings: left refused
