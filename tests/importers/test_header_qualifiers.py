"""Time qualifiers and hedges in a header ('Chức vụ hiện tại', 'Đơn vị công tác hiện nay', 'Số điện thoại (nếu
có)', 'Chi bộ đang sinh hoạt') name the field the header without them names, in every kind."""

import random

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds import attendance, roster, targets
from importers.mapping import match_field

QUALIFIERS = ["hiện tại", "hiện nay", "(hiện nay)", "(hiện tại)", "hiện đang", "(nếu có)", "nếu có",
              "- hiện nay", ", hiện tại"]
KINDS = {"roster": roster.FIELDS, "attendance": attendance.FIELDS, "targets": targets.FIELDS}
WORDED = ["Chức vụ", "Chức vụ, đơn vị công tác", "Đơn vị công tác", "Số điện thoại", "Điện thoại di động",
          "Nơi sinh hoạt", "Chi bộ sinh hoạt", "Chi bộ", "Đơn vị", "Họ và tên", "Ngày sinh", "Đoàn công tác",
          "Nhiệm vụ trong đoàn", "Chỉ tiêu", "Thực hiện", "Ghi chú"]


def _labels():
    """Every synonym of every kind as written (folded text reads the same) and the usual wordings."""
    synonyms = {synonym for specs in KINDS.values() for spec in specs for synonym in spec.synonyms if len(synonym) > 3}
    return sorted(synonyms) + WORDED


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_a_qualifier_leaves_the_field_a_header_names(kind, qualifier):
    specs = KINDS[kind]
    changed = [(label, match_field(label, specs), match_field(f"{label} {qualifier}", specs)) for label in _labels()
               if match_field(label, specs) != match_field(f"{label} {qualifier}", specs)]
    assert changed == []


@pytest.mark.parametrize("label, kind, field", [
    ("Chức vụ hiện tại", "roster", "position"),
    ("Chức vụ, đơn vị công tác hiện nay", "roster", "position"),
    ("Số điện thoại hiện tại", "roster", "phone"),
    ("Nơi sinh hoạt hiện nay", "attendance", "unit"),
    ("Chi bộ sinh hoạt hiện nay", "attendance", "unit"),
    ("Chi bộ đang sinh hoạt", "attendance", "unit"),
    ("Chi bộ sinh hoạt hiện nay", "roster", None),  # a member's own chi bộ is not the unit a group is given
    ("Đơn vị công tác hiện tại", "roster", None),  # a workplace, as 'Đơn vị công tác'
    ("Đơn vị đang công tác", "roster", None),
    ("Kết quả thực hiện", "targets", "actual"),  # 'thực hiện' is no 'hiện' of time
])
def test_qualified_wordings(label, kind, field):
    assert match_field(label, KINDS[kind]) == field


@pytest.mark.parametrize("seed", range(8))
def test_a_roster_with_qualified_headers_reads_every_field(tmp_path, seed):
    rng = random.Random(seed)
    q = rng.sample(QUALIFIERS, 3)
    header = ["STT", "Họ và tên", f"Chức vụ {q[0]}", f"Số điện thoại {q[1]}", "Đoàn công tác", "Nhiệm vụ trong đoàn",
              f"Đơn vị phụ trách {q[2]}"]
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC"], [], header,
            [1, "Nguyễn Văn An", "Bí thư Đảng ủy", "0912345678", "Đoàn công tác số 1", "Trưởng đoàn", "Chi bộ Thôn 1"],
            [2, "Lê Thị Hoa", "Chuyên viên", "0987654321", "Đoàn công tác số 1", "Thành viên", "Chi bộ Thôn 2"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [(r["position"], r["phone"], r["unit"]) for r in result.records()] == [
        ("Bí thư Đảng ủy", "0912345678", "Chi bộ Thôn 1"), ("Chuyên viên", "0987654321", "Chi bộ Thôn 2")], q
    assert result.errors == [] and result.warnings == [], q
