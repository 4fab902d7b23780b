"""Marks typed on a phone: emoji marks ("✅", "❌", "✔️", "✖️", "⭕") read as any other mark, through the file's legend
wherever it stands (above the header too) and however its items are set apart (wide gaps, lines, commas, the emoji
glued to its meaning); a variation selector (U+FE0F) never tells two marks apart. A check mark is a tick as '✓' is;
a cross means only what the legend says it means (b26 a06)."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.legends import is_legend_text, parse_legend
from importers.normalising import mark_key, marks_table
from importers.status_phrases import read_status
from importers.ticks import is_tick

PHONE_LEGEND = "✅ có mặt    P vắng có phép    ❌ vắng không phép    M đi muộn"


@pytest.mark.parametrize(("legend", "table"), [
    (PHONE_LEGEND, {"✅": "present", "p": "excused", "❌": "absent", "m": "late"}),
    ("✔️ có mặt\n✖️ vắng không phép\n⭕ đi muộn", {"✔": "present", "✖": "absent", "⭕": "late"}),
    ("✅có mặt   ❌vắng", {"✅": "present", "❌": "absent"}),
    ("✅ có mặt, ☑️ vắng có phép, ❌ vắng không phép", {"✅": "present", "☑": "excused", "❌": "absent"}),
    ("Ký hiệu: ✅ = có mặt; ❌ = vắng", {"✅": "present", "❌": "absent"}),
])
def test_an_emoji_legend_is_found_and_read(legend, table):
    assert is_legend_text(legend)
    assert parse_legend(legend) == table


@pytest.mark.parametrize("text", ["Lê   Văn Mạnh", "Nguyễn Văn An, Trần Thị Bình", "Đ/c An vắng, đ/c Bình có mặt",
                                  "Chi bộ thôn Kỳ Tân    điểm danh SHCB", "-vắng, +có mặt"])
def test_text_set_apart_by_gaps_or_commas_is_no_legend_unless_each_item_is_a_mark_and_its_meaning(text):
    assert not is_legend_text(text)


def test_a_variation_selector_does_not_make_another_mark():
    assert mark_key("✔️") == mark_key("✔") == "✔"
    assert mark_key("✖\ufe0e") == mark_key("✖️")
    assert is_tick("✔️") and is_tick("✅") and is_tick("☑️")
    assert not is_tick("❌") and not is_tick("✖️")


@pytest.mark.parametrize("mark", ["✅", "☑️", "✔️", "✔", "✓", "√"])
def test_check_marks_are_present_without_a_legend_as_ticks_are(mark):
    assert read_status(mark, marks_table(None)).status == "present"


@pytest.mark.parametrize("mark", ["❌", "✖️", "⭕"])
def test_a_cross_means_nothing_without_a_legend(mark):
    assert read_status(mark, marks_table(None)).status is None


def _register(tmp_path, legend, cells):
    rows = [["Chi bộ thôn Kỳ Tân - điểm danh SHCB năm 2025 (Quý III)"], [legend],
            ["STT", "Họ và tên", "Tháng 7", "Tháng 8", "Tháng 9"]]
    rows += [[n, name, *marks] for n, (name, marks) in enumerate(cells.items(), 1)]
    return parse_file(write_sheet(tmp_path / "diem_danh.xlsx", rows))


def test_emoji_marks_above_the_header_read_through_the_legend(tmp_path):
    result = _register(tmp_path, PHONE_LEGEND, {"Đỗ Thị Ngọc Hiền": ["✅", "P", "❌"],
                                                "Ngô Đình Trung": ["❌", "M", "✅"]})
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Đỗ Thị Ngọc Hiền", "2025-07-01", "present"), ("Đỗ Thị Ngọc Hiền", "2025-08-01", "excused"),
        ("Đỗ Thị Ngọc Hiền", "2025-09-01", "absent"), ("Ngô Đình Trung", "2025-07-01", "absent"),
        ("Ngô Đình Trung", "2025-08-01", "late"), ("Ngô Đình Trung", "2025-09-01", "present")]


def test_marks_with_or_without_the_variation_selector_read_as_the_legend_writes_them(tmp_path):
    result = _register(tmp_path, "✔️ có mặt\n✖️ vắng không phép\n⭕ đi muộn",
                       {"Lê Văn An": ["✔", "✖️", "⭕"], "Trần Thị Bình": ["✔️", "✖", "✔"]})
    assert result.errors == []
    assert [r["status"] for r in result.records()] == ["present", "absent", "late", "present", "absent", "present"]


def test_a_cross_the_legend_does_not_explain_is_refused_where_it_stands(tmp_path):
    result = _register(tmp_path, "✅ có mặt    P vắng có phép", {"Lê Văn An": ["✅", "P", "❌"]})
    assert [(e["row"], e["column"]) for e in result.errors] == [(4, "E")]
    assert "ký hiệu điểm danh không rõ" in result.errors[0]["message"]
    assert len(result.records()) == 2
