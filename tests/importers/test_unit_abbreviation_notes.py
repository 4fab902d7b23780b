"""Unit names written with abbreviations that a note line of the same sheet spells out ("CB HTX NN Thạnh Sóc" under
"Viết tắt: CB - Chi bộ; ĐBP - Đồn Biên phòng; HTX NN - Hợp tác xã nông nghiệp."), in the title block or under the
table, however the note sets its items apart; an abbreviation no note spells out and offices do not all write the
same way is warned once, never read silently (``importers.unit_abbreviations``)."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.unit_abbreviations import Definition, unexplained, unit_abbreviations, written_out

TITLE = [["ĐẢNG ỦY XÃ THẠNH SÓC"], ["DANH SÁCH PHÂN CÔNG THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []]
HEADER = [["STT", "Họ và tên", "Ngày sinh", "Đoàn số", "Nhiệm vụ trong Đoàn", None, None, "Địa bàn theo dõi"],
          [None, None, None, None, "Trưởng đoàn", "Phó đoàn", "Thành viên", None]]
PEOPLE = [("Danh Phương", "1991-11-28", 1, 0, "CB ấp Tà Lọt"),
          ("Tô Văn Khải", "1968-12-01", 1, 1, "CB HTX NN Thạnh Sóc"),
          ("Tăng Đa Ra", "1972-12-14", 1, 2, "CB HTX NN Thạnh Sóc"),
          ("Trần Văn Sang", "1991-11-09", 2, 0, "CB ĐBP Thạnh Sóc"),
          ("Tô Thanh Cường", "1976-02-21", 2, 1, "CB ĐBP Thạnh Sóc"),
          ("Sơn Thị Phương", "1986-02-21", 2, 2, "CB Trường THCS Thạnh Sóc")]
WRITTEN_OUT = ["Chi bộ ấp Tà Lọt", "Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc", "Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc",
               "Chi bộ Đồn Biên phòng Thạnh Sóc", "Chi bộ Đồn Biên phòng Thạnh Sóc", "Chi bộ Trường THCS Thạnh Sóc"]
NOTE = "Viết tắt: CB - Chi bộ; ĐBP - Đồn Biên phòng; HTX NN - Hợp tác xã nông nghiệp."
UNEXPLAINED = "chữ viết tắt chưa được giải thích"


def _rows(people=PEOPLE, above=(), below=(NOTE,)):
    rows = [list(row) for row in TITLE] + [[line] for line in above] + ([[]] if above else []) + HEADER
    for number, (name, born, group, role, unit) in enumerate(people, 1):
        ticks = [None, None, None]
        ticks[role] = "x"
        rows.append([number, name, born, group, *ticks, unit])
    return rows + [[], ["Tổng số: %d đồng chí." % len(people)]] + [[line] for line in below]


def _read(tmp_path, **kwargs):
    return parse_file(write_sheet(tmp_path / "f.xlsx", _rows(**kwargs)))


def _unit_warnings(result):
    return [w for w in result.warnings if UNEXPLAINED in w["message"]]


@pytest.mark.parametrize("note", [
    NOTE,
    "Ghi chú: CB: Chi bộ, ĐBP: Đồn Biên phòng, HTX NN: Hợp tác xã nông nghiệp",
    "CB = Chi bộ; ĐBP = Đồn Biên phòng; HTX NN = Hợp tác xã nông nghiệp",
    "Các chữ viết tắt: CB là Chi bộ; ĐBP là Đồn Biên phòng; HTX NN là Hợp tác xã nông nghiệp.",
    "Viết tắt: CB – Chi bộ; ĐBP – Đồn Biên phòng; HTX NN – Hợp tác xã nông nghiệp",
    "Chi bộ (CB); Đồn Biên phòng (ĐBP); Hợp tác xã nông nghiệp (HTX NN).",
    "Viết tắt:\n- CB: Chi bộ\n- ĐBP: Đồn Biên phòng\n- HTX NN: Hợp tác xã nông nghiệp",
    "CB viết tắt của Chi bộ; ĐBP viết tắt của Đồn Biên phòng; HTX NN viết tắt của Hợp tác xã nông nghiệp",
    "Viết tắt: CB = Chi bộ, ĐBP = Đồn Biên phòng Thạnh Sóc, HTX NN = Hợp tác xã nông nghiệp Thạnh Sóc",
    ("Viết tắt:", "- CB: Chi bộ;", "- ĐBP: Đồn Biên phòng;", "- HTX NN: Hợp tác xã nông nghiệp."),
])
def test_a_note_under_a_role_tick_table_writes_the_units_out(tmp_path, note):
    result = _read(tmp_path, below=(note,) if isinstance(note, str) else note)
    assert result.errors == []
    assert [(r["full_name"], r["role"]) for r in result.records()][:2] == [("Danh Phương", "head"),
                                                                          ("Tô Văn Khải", "deputy")]
    assert [r["unit"] for r in result.records()] == WRITTEN_OUT
    assert _unit_warnings(result) == []
    assert any("CB HTX NN Thạnh Sóc → Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc" in item["value"]
               for item in result.inferences)


def test_a_note_in_the_title_block_writes_the_units_out(tmp_path):
    result = _read(tmp_path, above=("(CB: Chi bộ; ĐBP: Đồn Biên phòng; HTX NN: Hợp tác xã nông nghiệp)",), below=())
    assert [r["unit"] for r in result.records()] == WRITTEN_OUT
    assert _unit_warnings(result) == []


def test_a_note_without_cb_leaves_cb_to_the_usual_reading(tmp_path):
    result = _read(tmp_path, below=("Viết tắt: ĐBP - Đồn Biên phòng; HTX NN - Hợp tác xã nông nghiệp",))
    assert [r["unit"] for r in result.records()][1:5] == WRITTEN_OUT[1:5]
    assert _unit_warnings(result) == []


def test_a_lower_case_meaning_is_spelt_as_the_lexicon_spells_it(tmp_path):
    result = _read(tmp_path, below=("Viết tắt: CB - Chi bộ; ĐBP - đồn biên phòng; HTX NN - Hợp tác xã nông nghiệp",))
    assert [r["unit"] for r in result.records()][3] == "Chi bộ Đồn Biên phòng Thạnh Sóc"


def test_a_unit_typed_in_capitals_is_spelt_as_the_lexicon_spells_it(tmp_path):
    people = [(name, born, group, role, unit.replace("Thạnh Sóc", "THẠNH SÓC")) for name, born, group, role, unit
              in PEOPLE]
    result = _read(tmp_path, people=people)
    assert [r["unit"] for r in result.records()][1:5] == [
        "Chi bộ Hợp tác xã Nông nghiệp Thạnh Sóc", "Chi bộ Hợp tác xã Nông nghiệp Thạnh Sóc",
        "Chi bộ Đồn Biên phòng Thạnh Sóc", "Chi bộ Đồn Biên phòng Thạnh Sóc"]


def test_without_a_note_the_abbreviations_stay_and_each_is_warned_once(tmp_path):
    result = _read(tmp_path, below=())
    assert [r["unit"] for r in result.records()][1:5] == ["CB HTX NN Thạnh Sóc"] * 2 + ["CB ĐBP Thạnh Sóc"] * 2
    warned = _unit_warnings(result)
    assert sorted(w["message"].split("«")[3].split("»")[0] for w in warned) == ["NN", "ĐBP"]
    nn = next(w for w in warned if "«NN»" in w["message"])
    assert (nn["column"], nn["field"], nn["row"]) == ("H", "unit", 7)
    assert "2 dòng" in nn["message"] and "H7 «CB HTX NN Thạnh Sóc»" in nn["message"]


def test_a_note_spelling_out_only_part_of_a_name_leaves_the_rest_warned(tmp_path):
    result = _read(tmp_path, below=("Viết tắt: CB - Chi bộ; HTX - Hợp tác xã",))
    units = [r["unit"] for r in result.records()]
    assert units[1] == "Chi bộ Hợp tác xã NN Thạnh Sóc" and units[3] == "Chi bộ ĐBP Thạnh Sóc"
    assert len(_unit_warnings(result)) == 2


@pytest.mark.parametrize("note", [
    "Ký hiệu: x - đánh dấu nhiệm vụ; NN - nghỉ ngang; ĐBP - đã báo phép",  # a legend's meanings name no unit
    "Ghi chú: TĐ - Trưởng đoàn; PĐ - Phó đoàn; TV - Thành viên",  # roles name no unit
    "Ghi chú: CB HTX NN Thạnh Sóc - chi bộ mới thành lập; ĐBP Thạnh Sóc - đơn vị kết nghĩa",  # no definition
])
def test_a_note_defining_no_unit_words_is_not_applied_and_the_abbreviations_are_warned(tmp_path, note):
    result = _read(tmp_path, below=(note,))
    units = [r["unit"] for r in result.records()]
    assert units[1] == "CB HTX NN Thạnh Sóc" and units[3] == "CB ĐBP Thạnh Sóc"
    assert len(_unit_warnings(result)) == 2


@pytest.mark.parametrize("unit", ["CB Trường THCS Thạnh Sóc", "Chi bộ UBND xã", "Chi bộ Khu phố VII",
                                  "Chi bộ Trường PTDTBT-THCS Nà Giàng", "Chi bộ HTX Thạnh Sóc", "CB TDP 3",
                                  "Chi bộ Công ty CP Mía đường", "Chi bộ Ấp AN PHÚ"])
def test_usual_abbreviations_and_capital_syllables_are_not_warned(tmp_path, unit):
    people = [(name, born, group, role, unit) for name, born, group, role, _ in PEOPLE]
    result = _read(tmp_path, people=people, below=())
    assert _unit_warnings(result) == []


def test_an_attendance_registers_unit_column_reads_a_note_in_the_title_block(tmp_path):
    rows = [["ĐẢNG ỦY XÃ THẠNH SÓC"], ["THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"],
            ["Viết tắt: CB: Chi bộ, ĐBP: Đồn Biên phòng, HTX NN: Hợp tác xã nông nghiệp"], [],
            ["STT", "Họ và tên", "Chi bộ", "T1", "T2"],
            [1, "Nguyễn Văn An", "CB HTX NN Thạnh Sóc", "x", "P"],
            [2, "Trần Thị Bình", "CB ĐBP Thạnh Sóc", "x", "x"], [],
            [None, "Ký hiệu: x = có mặt; P = vắng có phép"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert result.errors == []
    assert [(r["full_name"], r["unit"]) for r in result.records()][::2] == [
        ("Nguyễn Văn An", "Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc"),
        ("Trần Thị Bình", "Chi bộ Đồn Biên phòng Thạnh Sóc")]
    assert _unit_warnings(result) == []


def test_several_capital_words_are_one_abbreviation_and_the_longest_is_written_out_first():
    found = unit_abbreviations(["Viết tắt: HTX - Hợp tác xã; HTX NN - Hợp tác xã nông nghiệp; BCH QS: Ban Chỉ huy "
                                "Quân sự; TYT – Trạm Y tế"])
    assert found[0] == Definition("HTX NN", "Hợp tác xã nông nghiệp")
    assert Definition("NN", "Hợp tác xã nông nghiệp") not in found
    assert written_out("Chi bộ HTX NN Thạnh Sóc", found) == "Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc"
    assert written_out("Chi bộ HTX Thạnh Sóc", found) == "Chi bộ Hợp tác xã Thạnh Sóc"
    assert written_out("Chi bộ BCH QS xã", found) == "Chi bộ Ban Chỉ huy Quân sự xã"
    assert written_out("Chi bộ NN Thạnh Sóc", found) == "Chi bộ NN Thạnh Sóc"


def test_capital_words_of_a_title_are_no_abbreviation():
    assert unit_abbreviations(["CHI BO THON AN - Khu pho Bac"]) == []


@pytest.mark.parametrize(("value", "expected"), [
    ("Chi bộ ĐBP Thạnh Sóc", ["ĐBP"]), ("Chi bộ HTX NN Thạnh Sóc", ["NN"]), ("Chi bộ Thôn ĐT, ĐT", ["ĐT"]),
    ("Chi bộ Trường THCS Lê Lợi", []), ("Chi bộ Khu phố XII", []), ("CHI BỘ ẤP SÓC TRÀM", []),
    ("Chi bộ Trường PTDTBT-THCS Nà Giàng", []), ("Chi bộ Tổ dân phố 5", []), (None, [])])
def test_unexplained(value, expected):
    assert unexplained(value) == expected


@pytest.mark.parametrize(("notes", "unit", "warned"), [
    ([[None, "Viết tắt: ĐBP - Đồn Biên phòng"]], "Chi bộ Đồn Biên phòng Thạnh Sóc", 0),
    ([], "Chi bộ ĐBP Thạnh Sóc", 1)])
def test_a_unit_named_by_a_title_line_reads_the_note_too(tmp_path, notes, unit, warned):
    rows = [["ĐẢNG ỦY XÃ THẠNH SÓC"], ["SỔ ĐIỂM DANH SINH HOẠT NĂM 2025"], ["Chi bộ ĐBP Thạnh Sóc"], [],
            ["STT", "Họ và tên", "T1", "T2"], [1, "Nguyễn Văn An", "x", "P"], [2, "Trần Thị Bình", "x", "x"], [],
            [None, "Ký hiệu: x = có mặt; P = vắng có phép"], *notes]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert {r["unit"] for r in result.records()} == {unit}
    assert len(_unit_warnings(result)) == warned
