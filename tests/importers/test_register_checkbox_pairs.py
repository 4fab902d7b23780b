"""A wide register whose every meeting is a date merged over status tick boxes ('CM' | 'CP', 'CM' | 'VP' | 'KP',
'Có mặt' | 'Muộn', four boxes), saved as checkboxes (TRUE / FALSE; the text in a CSV export) or 'x' marks
(b44 a02). The ticked box gives the status; what no tick, or two, mean is read from the file's instruction line
("Tick CM = có mặt; không tick CM nhưng tick CP = vắng có phép; không tick cả hai = vắng không phép", in English
too); without one, a row the ticks do not settle is refused naming its boxes. A person with no box at a meeting has
no record (``importers.month_flags``, ``importers.tick_rules``)."""

import pytest
from layouts import checkbox_pairs
from layouts.writers import write_csv, write_ods, write_xlsx

from importers import parse_file
from importers.tick_rules import TickRule, tick_rules, ticks_status

FORMATS = ("xlsx", "ods", "csv")


def _write(tmp_path, built, how):
    path = tmp_path / f"f.{how}"
    if how == "csv":
        write_csv(path, built.sheet, "csv_utf8")
    else:
        (write_xlsx if how == "xlsx" else write_ods)(path, [built.sheet])
    return path


def _refused(result):
    return sorted((error["row"], error["column"]) for error in result.errors)


@pytest.mark.parametrize("how", FORMATS)
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("boxes", list(checkbox_pairs.BOXES))
def test_checkbox_pairs_are_read_by_the_file_s_instruction(tmp_path, boxes, seed, how):
    built = checkbox_pairs.build(seed, boxes, note=True, note_below=seed == 2)
    result = parse_file(_write(tmp_path, built, how))
    assert result.kind == "attendance"
    assert result.records() == built.records
    assert _refused(result) == sorted(built.refused)
    assert not any("chưa dùng" in warning["message"] and "«CP»" in warning["message"] for warning in result.warnings)


@pytest.mark.parametrize("how", FORMATS)
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("boxes", list(checkbox_pairs.BOXES))
def test_without_an_instruction_only_settled_ticks_are_read_the_rest_refused(tmp_path, boxes, seed, how):
    built = checkbox_pairs.build(seed, boxes, note=False)
    result = parse_file(_write(tmp_path, built, how))
    assert result.records() == built.records
    assert _refused(result) == sorted(built.refused)
    assert built.refused  # every seed has rows the file leaves unsettled


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("boxes", list(checkbox_pairs.BOXES))
def test_x_marks_in_the_boxes_read_alike_and_a_row_without_marks_is_no_record(tmp_path, boxes, seed):
    built = checkbox_pairs.build(seed, boxes, note=seed != 1, ticks="x", legend=seed != 0)
    result = parse_file(_write(tmp_path, built, FORMATS[seed]))
    assert result.records() == built.records
    assert _refused(result) == sorted(built.refused)


def test_a_refusal_names_the_boxes_and_what_they_hold(tmp_path):
    built = checkbox_pairs.build(0, "cm_cp", note=False)
    result = parse_file(_write(tmp_path, built, "xlsx"))
    none = [error for error in result.errors if "không ô nào được tích" in error["message"]]
    assert none and "«CM», «CP»" in none[0]["message"] and "CM: FALSE; CP: FALSE" in none[0]["message"]
    both = [error for error in result.errors if "được tích ở cả «CM», «CP»" in error["message"]]
    assert both and "CM: TRUE; CP: TRUE" in both[0]["message"]


INSTRUCTION = ("Cách ghi: mỗi kỳ họp có 2 ô check 'CM' (Có mặt) và 'CP' (Có phép). Tick CM = có mặt; không tick CM "
               "nhưng tick CP = vắng có phép; không tick cả hai = vắng không phép. Ô trống (không có checkbox) = đồng "
               "chí chưa sinh hoạt tại chi bộ kỳ đó.")


def test_an_instruction_line_gives_one_rule_per_clause_and_none_for_blank_cells():
    rules = tick_rules([INSTRUCTION, "CM: Có mặt - CP: Có phép (vắng có phép)"], ["CM", "CP"])
    assert rules == [TickRule(frozenset({"cm"}), frozenset(), "present"),
                     TickRule(frozenset({"cp"}), frozenset({"cm"}), "excused"),
                     TickRule(frozenset(), frozenset({"cm", "cp"}), "absent")]


@pytest.mark.parametrize(("text", "labels", "ticked", "status"), [
    ("Lưu ý: Đến muộn thì tích cả hai ô Có mặt và Muộn", ["Có mặt", "Muộn"], [0, 1], "late"),
    ("Không tích ô nào: vắng không phép", ["CM", "VP", "KP"], [], "absent"),
    ("CM và CP đều tick là có mặt", ["CM", "CP"], [0, 1], "present"),
    ("Both unticked = absent", ["Present", "Excused"], [], "absent"),
    ("Ghi chú: x = có mặt; P = vắng có phép", ["CM", "CP"], [0], "present"),  # a legend: no rule, one tick read
])
def test_instruction_wordings(text, labels, ticked, status):
    statuses = {"CM": "present", "CP": "excused", "VP": "excused", "KP": "absent", "Có mặt": "present",
                "Muộn": "late", "Present": "present", "Excused": "excused"}
    assert ticks_status(ticked, labels, [statuses[label] for label in labels], tick_rules([text], labels)) == (
        status, None)


def test_rules_that_disagree_for_a_row_refuse_it():
    rules = tick_rules(["Tick CM = có mặt; tick CP = vắng có phép"], ["CM", "CP"])
    status, problem = ticks_status([0, 1], ["CM", "CP"], ["present", "excused"], rules)
    assert status is None and "hai cách hiểu" in problem
