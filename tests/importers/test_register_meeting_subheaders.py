"""A long register with one header on top and the people grouped under merged meeting lines that give each
meeting's date and chi bộ ("Kỳ sinh hoạt ngày 10/7/2025 – Chi bộ thôn A", "Phiên họp ngày …", "Hội nghị ngày …"),
the numbering restarting per meeting and the status written as "Có mặt" / "Vắng có báo" / "Vắng không báo" /
"Đến muộn" (a note explains them), in .xlsx and .ods alike."""
import pytest
from layouts.sheet import Sheet
from layouts.writers import write_ods, write_xlsx

from importers import parse_file
from importers.normalising import marks_table
from importers.status_phrases import read_status

MEETINGS = [((10, 7), "Chi bộ thôn Tả Ngải Chồ"), ((15, 7), "Chi bộ Công an xã"), ((9, 8), "Chi bộ thôn Tả Ngải Chồ")]
PEOPLE = {"Chi bộ thôn Tả Ngải Chồ": ["Đỗ Xuân Trường", "Lý Tả Mẩy", "Sình Tủa", "Cứ Thị Mai"],
          "Chi bộ Công an xã": ["Phạm Xuân Trường", "Sùng A Chư", "Trần Thu Trang"]}
WORDS = {"present": "Có mặt", "excused": "Vắng có báo", "absent": "Vắng không báo", "late": "Đến muộn"}
ORDER = ["present", "excused", "present", "absent", "late", "present", "excused"]
CAPTIONS = ["Kỳ sinh hoạt ngày {d}/{m}/2025 – {unit}", "Buổi sinh hoạt ngày {d:02d}/{m:02d}/2025 – {unit}",
            "Sinh hoạt chi bộ tháng {m} ngày {d}/{m}/2025 – {unit}", "Phiên họp ngày {d}/{m}/2025 - {unit}",
            "Hội nghị ngày {d} tháng {m} năm 2025 – {unit}", "Kỳ sinh hoạt chuyên đề ngày {d}/{m}/2025 – {unit}"]


def _register(caption: str) -> tuple[Sheet, list[tuple]]:
    sheet = Sheet("So SHCB", width=5)
    sheet.add_banner("ĐẢNG BỘ XÃ PHA LONG")
    sheet.add_banner("SỔ GHI ĐIỂM DANH SINH HOẠT CHI BỘ QUÝ III NĂM 2025")
    sheet.add(["STT", "Họ và tên", "Tình hình dự họp", "Lý do", "Ghi chú"])
    expected, turn = [], 0
    for (day, month), unit in MEETINGS:
        sheet.add_banner(caption.format(d=day, m=month, unit=unit))
        for number, name in enumerate(PEOPLE[unit], 1):
            status = ORDER[turn % len(ORDER)]
            turn += 1
            sheet.add([number, name, WORDS[status], "Ốm" if status == "excused" else None, None])
            expected.append((name, f"2025-{month:02d}-{day:02d}", status, unit))
    sheet.add()
    sheet.add([None, 'Ghi chú: "Vắng có báo" = vắng có phép; "Vắng không báo" = vắng không phép; '
                     '"Đến muộn" = đi muộn.'])
    return sheet, expected


@pytest.mark.parametrize("caption", CAPTIONS)
@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_meeting_lines_date_and_unit_the_rows_below(tmp_path, caption, suffix):
    sheet, expected = _register(caption)
    path = tmp_path / f"so.{suffix}"
    (write_ods if suffix == "ods" else write_xlsx)(path, [sheet])
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert sorted((r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()) == sorted(expected)


@pytest.mark.parametrize(("written", "status"), [("Vắng có báo", "excused"), ("vắng có báo cáo", "excused"),
                                                 ("Vắng không báo", "absent"), ("Vắng không có báo", "absent")])
def test_absence_with_or_without_notice_reads_as_excused_or_absent(written, status):
    assert read_status(written, marks_table(None)).status == status
