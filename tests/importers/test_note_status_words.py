"""A register whose status column holds words ("có đi", "đi trễ", "kẹt việc nhà") and whose note explains them in a
sentence: quoted words mapped to a status ('"có đi" là có mặt') read as a legend, and a category of reasons ('vắng
có nêu lý do (bịnh, kẹt việc, đi đám, bận họp...) là vắng có lý do') reads the reasons it covers as excused, listed
in one warning; anything else stays refused, and without such a note a reason alone is refused as before."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.legends import parse_legend
from importers.reason_notes import reason_rule_for, reason_rules
from importers.status_phrases import read_status

NOTE = ('Ghi chú: "có đi" là có mặt; "đi trễ" là đến muộn; vắng có nêu lý do (bịnh, kẹt việc, đi đám, bận họp...) '
        'là vắng có lý do; "không đi, không báo" là vắng không lý do.')
PEOPLE = ["Chau Sóc Thy", "Danh Đa Ra", "Néang Sóc Thy", "Trà Sóc Khonl", "Hồ Chí Lộc", "Quách Tấn Khải"]


def _register(tmp_path, statuses, note=NOTE, name="r.xlsx"):
    """A long register, the meeting's date and chi bộ merged down over its rows as offices write them."""
    rows = [["TỔNG HỢP THÀNH VIÊN ĐOÀN CÔNG TÁC DỰ SINH HOẠT CHI BỘ QUÝ III/2025"], [],
            ["Ngày sinh hoạt", "Chi bộ", "STT", "Họ và tên", "Tình hình dự họp"]]
    for number, (person, status) in enumerate(zip(PEOPLE, statuses), 1):
        rows.append(["05/08/2025" if number == 1 else None, "Chi bộ ấp Tà Lọt" if number == 1 else None, number,
                     person, status])
    last = len(rows)
    rows += [[], [note]] if note else []
    return parse_file(write_sheet(tmp_path / name, rows, merges=[f"A4:A{last}", f"B4:B{last}"]))


def _statuses(result):
    return {record["full_name"]: record["status"] for record in result.records()}


def _reason_warnings(result):
    return [w["message"] for w in result.warnings if "các ô ghi lý do" in w["message"]]


def test_quoted_words_in_a_note_sentence_are_a_legend():
    assert parse_legend(NOTE) == {"có đi": "present", "đi trễ": "late", "không đi, không báo": "absent"}


@pytest.mark.parametrize(("legend", "marks"), [
    ("Ghi chú: «có đi» = có mặt, «trễ» = đến muộn, «nghỉ» = vắng có phép", {"có đi": "present", "trễ": "late",
                                                                            "nghỉ": "excused"}),
    ('Quy ước: có mặt: "lên"; vắng có phép: "xin"', {"lên": "present", "xin": "excused"}),
    ('Ký hiệu: "đi" → có mặt; "nghỉ" -> vắng có phép; "bỏ" nghĩa là vắng không phép',
     {"đi": "present", "nghỉ": "excused", "bỏ": "absent"}),
    # brackets of examples hold their commas: 'việc' is no mark of «(ốm, việc riêng) - vắng có phép»
    ("x - có mặt; P (ốm, việc riêng) - vắng có phép; K - vắng không phép", {"x": "present", "p": "excused",
                                                                             "k": "absent"}),
])
def test_other_ways_of_quoting_the_words(legend, marks):
    assert parse_legend(legend) == marks


def test_a_bracketed_legend_is_still_cut_at_its_commas():
    read = parse_legend("Ký hiệu: (x: có mặt, P: vắng có phép, K: vắng không phép)")
    assert {"p": "excused", "k": "absent"}.items() <= read.items()


@pytest.mark.parametrize(("cell", "status"), [
    ("có đi", "present"), ("Có đi họp", "present"), ("đi trễ", "late"), ("trễ", "late"),
    ("nghỉ bịnh", "excused"), ("vắng bệnh", "excused"),
])
def test_southern_status_words_need_no_note(cell, status):
    assert read_status(cell, {}).status == status


@pytest.mark.parametrize("cell", ["bịnh", "ốm", "kẹt việc", "bình thường"])
def test_a_reason_alone_is_no_status_without_a_note(cell):
    assert read_status(cell, {}).status is None


def test_the_register_reads_words_and_the_reasons_the_note_covers(tmp_path):
    result = _register(tmp_path, ["có đi", "kẹt việc nhà", "bịnh", "không đi, không báo", "bận họp trên tỉnh",
                                  "đi trễ"])
    assert result.errors == []
    assert _statuses(result) == {"Chau Sóc Thy": "present", "Danh Đa Ra": "excused", "Néang Sóc Thy": "excused",
                                 "Trà Sóc Khonl": "absent", "Hồ Chí Lộc": "excused", "Quách Tấn Khải": "late"}
    assert {(r["date"], r["unit"]) for r in result.records()} == {("2025-08-05", "Chi bộ ấp Tà Lọt")}
    (warning,) = _reason_warnings(result)
    assert "Cột E «Tình hình dự họp»" in warning and "vắng có phép" in warning
    for phrase in ("«kẹt việc nhà» (1 ô)", "«bịnh» (1 ô)", "«bận họp trên tỉnh» (1 ô)"):
        assert phrase in warning
    assert "có đi" not in warning.split("đã hiểu")[1]


@pytest.mark.parametrize("cell", [
    "Nguyễn Văn Bận",    # a person
    "Kẹt Việc",          # every word capitalised: may be a name
    "12/8",              # a date
    "2",                 # a number
    "không rõ",          # a negation
    "chưa báo kẹt việc",
    "bình thường",       # not 'bịnh': tones count
    "đi chợ",            # no example, no known reason
    "có đi đám",         # 'có đi' is present: says two things
    "kẹt việc nhà bên ngoại ở tận dưới Sóc Trăng mấy bữa nay",  # too long for a short reason
])
def test_near_misses_stay_refused_under_the_note(tmp_path, cell):
    result = _register(tmp_path, ["có đi", cell, "có đi", "có đi", "có đi", "có đi"])
    assert "Danh Đa Ra" not in _statuses(result)
    assert any(e["row"] == 5 and e["column"] == "E" for e in result.errors)
    assert _reason_warnings(result) == []


def test_without_a_category_note_reasons_stay_refused(tmp_path):
    note = 'Ghi chú: "có đi" là có mặt; "không đi, không báo" là vắng không lý do.'
    result = _register(tmp_path, ["có đi", "kẹt việc nhà", "bịnh", "có đi", "có đi", "có đi"], note=note)
    assert {e["row"] for e in result.errors if e["column"] == "E"} == {5, 6}
    assert _reason_warnings(result) == []


def test_a_known_reason_of_several_words_is_read_under_the_note(tmp_path):
    result = _register(tmp_path, ["có đi", "đi công tác", "việc gia đình", "có đi", "có đi", "có đi"])
    assert result.errors == []
    assert _statuses(result)["Danh Đa Ra"] == "excused"
    (warning,) = _reason_warnings(result)
    assert "«đi công tác» (1 ô)" in warning and "«việc gia đình» (1 ô)" in warning


@pytest.mark.parametrize(("note", "rule"), [
    ("Ghi chú: ghi lý do (ốm, đi công tác, v.v.) = vắng có phép", ("excused", ("ốm", "đi công tác"))),
    ("Lưu ý: vắng có lý do (như: ốm đau, đi làm ăn xa...) thì tính là vắng có phép",
     ("excused", ("ốm đau", "đi làm ăn xa"))),
    ("Ghi chú: Vắng có phép: ghi rõ lý do (ốm, việc gia đình…)", ("excused", ("ốm", "việc gia đình"))),
    ("Ghi chú: vắng (ốm, bận việc...) là vắng có phép", ("excused", ("ốm", "bận việc"))),
    ("Ghi chú: vắng không lý do (đi chơi, ngủ quên...) là vắng không phép", ("absent", ("đi chơi", "ngủ quên"))),
])
def test_other_wordings_of_the_category(note, rule):
    (found,) = reason_rules([note])
    assert (found.status, found.examples) == rule


@pytest.mark.parametrize("note", [
    "Ghi chú: P (ốm, việc riêng) - vắng có phép",          # a mark's legend, the reasons only say when to write P
    "Ghi chú: vắng có lý do (P) là vắng có phép",            # a mark in brackets, no examples
    "Ghi chú: lý do (có phép, không phép) ghi ở cột Ghi chú",  # statuses, no examples
    "Ghi chú: vắng có lý do (ốm) là vắng có phép",            # one example not left open: no category
    "Ghi chú: x - có mặt; vắng có lý do (ốm, công tác...) ghi P; K - vắng không lý do",
])
def test_no_category_where_the_note_states_none(note):
    assert reason_rules([note]) == ()


def test_a_phrase_under_two_rules_giving_two_statuses_is_refused():
    rules = reason_rules(["Ghi chú: vắng có lý do (bận việc, ốm...) là vắng có phép; "
                          "lý do không chính đáng (bận việc riêng, đi chơi...) là vắng không phép"])
    assert [rule.status for rule in rules] == ["excused", "absent"]
    assert reason_rule_for("ốm nặng", rules).status == "excused"
    assert reason_rule_for("đi chơi xa", rules).status == "absent"
    assert reason_rule_for("bận việc riêng", rules) is None


def test_a_wide_register_reads_the_category_too(tmp_path):
    rows = [["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ ẤP SÓC VEN NĂM 2025"], [],
            ["STT", "Họ và tên", "Chi bộ", "T7", "T8", "T9"],
            [1, PEOPLE[0], "Chi bộ ấp Sóc Ven", "có đi", "kẹt việc", "có đi"],
            [2, PEOPLE[1], "Chi bộ ấp Sóc Ven", "đi đám giỗ", "có đi", "kẹt việc"], [], [NOTE]]
    result = parse_file(write_sheet(tmp_path / "w.xlsx", rows))
    assert result.errors == []
    excused = sorted((r["full_name"], r["date"]) for r in result.records() if r["status"] == "excused")
    assert excused == [(PEOPLE[0], "2025-08-01"), (PEOPLE[1], "2025-07-01"), (PEOPLE[1], "2025-09-01")]
    (warning,) = _reason_warnings(result)
    assert "«kẹt việc» (2 ô)" in warning and "«đi đám giỗ» (1 ô)" in warning


def test_a_reason_in_brackets_after_vang_is_not_doubted_under_the_note(tmp_path):
    result = _register(tmp_path, ["có đi", "Vắng (ốm)", "có đi", "có đi", "có đi", "có đi"])
    assert _statuses(result)["Danh Đa Ra"] == "excused"
    assert not any("tệp không có ghi chú nói vậy" in w["message"] for w in result.warnings)


def test_khong_di_is_a_no_answer_warned_without_a_reason_column(tmp_path):
    result = _register(tmp_path, ["có đi", "không đi", "có đi", "có đi", "có đi", "có đi"], note=None)
    assert result.errors == []
    assert _statuses(result)["Danh Đa Ra"] == "absent"
    assert any("«không đi» mà không có cột lý do" in w["message"] for w in result.warnings)
