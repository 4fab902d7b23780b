"""A one-row-per-person-meeting register whose meeting date, merged down over each meeting's rows, reached the file
on the meeting's first row only (CSV export, cells unmerged in xlsx or ODS) reads every row with its meeting's date,
said in one warning; blanks that do not read as a lost merge stay missing dates, refused row by row
(``importers.kinds.merged_dates``)."""

import datetime as dt

import pytest
from layouts import meeting_merges
from layouts.writers import write_csv, write_ods, write_xlsx

from importers import parse_file

FILLED = "đã lấy ngày của dòng đầu buổi"
NOT_FILLED = "chưa lấy ngày phía trên"
MISSING = "thiếu ngày sinh hoạt"


def _write(tmp_path, built, how):
    if how.startswith("csv"):
        write_csv(tmp_path / "f.csv", built.sheet, how)
        return tmp_path / "f.csv"
    path = tmp_path / f"f.{how}"
    (write_xlsx if how == "xlsx" else write_ods)(path, [built.sheet])
    return path


def _told(result, text):
    return [w["message"] for w in result.warnings if text in w["message"]]


@pytest.mark.parametrize("how", ["csv_utf8", "csv_cp1258_semicolon", "xlsx", "ods"])
@pytest.mark.parametrize("seed", range(8))
def test_a_date_on_each_meetings_first_row_only_is_the_meeting_above(tmp_path, seed, how):
    built = meeting_merges.lose_merges(meeting_merges.build(seed))
    result = parse_file(_write(tmp_path, built, how))
    assert result.kind == "attendance"
    assert result.records() == built.records
    assert result.errors == []
    told = _told(result, FILLED)
    assert len(told) == 1 and f"{len(built.merged)} dòng" in told[0]
    letter = "AB"[built.date_col]
    assert f"{letter}{built.merged[0]}" in told[0]


@pytest.mark.parametrize("several_units", [True, False])
@pytest.mark.parametrize("how", ["xlsx", "ods"])
def test_a_kept_merge_reads_the_same_without_a_warning(tmp_path, how, several_units):
    built = meeting_merges.build(3, several_units)
    result = parse_file(_write(tmp_path, built, how))
    assert result.records() == built.records
    assert result.errors == []
    assert not _told(result, FILLED) and not _told(result, NOT_FILLED)


def test_two_chi_bo_meeting_on_the_same_day_are_two_meetings(tmp_path):
    seed = next(seed for seed in range(50) if _same_day_twice(meeting_merges.build(seed, True)))
    built = meeting_merges.lose_merges(meeting_merges.build(seed, True))
    result = parse_file(_write(tmp_path, built, "csv_utf8"))
    assert result.records() == built.records
    assert result.errors == []


def _same_day_twice(built) -> bool:
    days = [built.sheet.rows[row - 1][built.date_col] for row in built.heads]
    return len(set(days)) < len(days)


def _errors_at(result) -> list[int]:
    return sorted(error["row"] for error in result.errors if MISSING in error["message"])


def test_a_blank_first_row_is_a_missing_date(tmp_path):
    built = meeting_merges.lose_merges(meeting_merges.build(1, False))
    built.sheet.rows[built.heads[0] - 1][built.date_col] = None
    result = parse_file(_write(tmp_path, built, "csv_utf8"))
    assert _errors_at(result) == sorted(built.merged + built.heads[:1])
    assert not _told(result, FILLED)


def test_a_meeting_whose_date_is_missing_is_not_read_as_the_one_above(tmp_path):
    built = meeting_merges.lose_merges(meeting_merges.build(2, False))
    second = built.heads[1]
    built.sheet.rows[second - 1][built.date_col] = None
    result = parse_file(_write(tmp_path, built, "csv_utf8"))
    assert _errors_at(result) == sorted(built.merged + [second])
    told = _told(result, NOT_FILLED)
    assert len(told) == 1 and "có hai dòng trong khối" in told[0]
    assert not _told(result, FILLED)


def test_a_date_heading_two_blocks_is_not_a_lost_merge(tmp_path):
    built = meeting_merges.lose_merges(meeting_merges.build(4, False))
    rows = built.sheet.rows
    rows[built.heads[-1] - 1][built.date_col] = rows[built.heads[0] - 1][built.date_col]
    result = parse_file(_write(tmp_path, built, "csv_utf8"))
    assert _errors_at(result) == built.merged
    told = _told(result, NOT_FILLED)
    assert len(told) == 1 and "ghi ở hai khối" in told[0]


def test_a_block_running_into_another_chi_bo_is_not_a_lost_merge(tmp_path):
    built = meeting_merges.lose_merges(meeting_merges.build(5, True))
    rows = built.sheet.rows
    other = next(row for row in built.heads if rows[row - 1][3] != rows[built.heads[0] - 1][3])
    rows[other - 1][built.date_col] = None
    result = parse_file(_write(tmp_path, built, "csv_utf8"))
    assert _errors_at(result) == sorted(built.merged + [other])
    assert any("thuộc đơn vị khác" in message for message in _told(result, NOT_FILLED))


def test_a_date_on_every_row_keeps_a_stray_blank_missing(tmp_path):
    rows = [["Ngày họp", "Họ và tên", "Điểm danh"]]
    for day in ("05/07/2025", "06/08/2025"):
        rows += [[day, name, "Có mặt"] for name in ("Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường", "Ngô Thị Dung")]
    rows[3][0] = rows[6][0] = ""
    (tmp_path / "f.csv").write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")
    result = parse_file(tmp_path / "f.csv")
    assert len(result.records()) == 6
    assert _errors_at(result) == [4, 7]
    assert not _told(result, FILLED) and not _told(result, NOT_FILLED)


def test_the_meeting_above_wins_over_the_month_of_the_title(tmp_path):
    rows = [["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ THÁNG 7 NĂM 2025"], ["Đơn vị: Chi bộ ấp Phú Hữu"], [],
            ["Ngày sinh hoạt", "Họ và tên", "Điểm danh"]]
    for day in (dt.date(2025, 7, 5), dt.date(2025, 7, 19)):
        rows += [[f"{day:%d/%m/%Y}" if n == 0 else "", name, "Có mặt"]
                 for n, name in enumerate(("Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường"))]
    (tmp_path / "f.csv").write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")
    result = parse_file(tmp_path / "f.csv")
    assert [r["date"] for r in result.records()] == ["2025-07-05"] * 3 + ["2025-07-19"] * 3
    assert result.errors == []
