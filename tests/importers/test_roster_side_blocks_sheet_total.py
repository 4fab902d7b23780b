"""Group tables side by side on one sheet ("ĐOÀN CÔNG TÁC SỐ N" over each, the same header row, lists of different
lengths) with totals under them: one line for the whole sheet ("Tổng cộng: 3 đoàn, 19 đồng chí") or one under
each block. Either counts the people, so the blocks are read group by group; a total that counts neither one block
nor all of them leaves the sheet to the usual reading, with a warning."""
import pytest
from layouts.sheet import Sheet
from layouts.writers import write_ods, write_xlsx

from importers import parse_file

HEADER = ["TT", "Họ và tên", "Chức vụ", "Nhiệm vụ"]
ROLES = {"head": "Trưởng đoàn", "deputy": "Phó đoàn", "member": "Thành viên"}
NAMES = ["Châu Văn Nhân", "Đỗ Đức Sang", "Tạ Ngọc Châu", "Hồ Như Lâm", "Lưu Đức Khánh", "Tạ Thị Ngọc Mai",
         "Lương Thị Kim Thư", "Thái Ngọc Hương", "Trương Đức Sơn", "Châu Xuân Huy", "Trần Thanh Quân",
         "Huỳnh Thị Ngọc Thảo", "Mai Thị Ngọc Ngân", "Đặng Ngọc Trang", "Phan Văn Tài", "Lê Thị Hồng",
         "Võ Minh Tuấn", "Ngô Thị Lan", "Bùi Quang Vinh", "Đinh Thị Thảo"]
POSITIONS = ["Phó Chủ tịch HĐND phường", "Chủ tịch Hội CCB phường", "Công chức Tư pháp - Hộ tịch",
             "Bí thư Đoàn phường", "Chuyên viên Văn phòng Đảng ủy"]
SAYS = {"all": "Tổng cộng: {groups} đoàn, {people} đồng chí.", "people": "Tổng số: {people} đồng chí",
        "wrong": "Tổng cộng: {wrong} đồng chí"}


def _build(lengths: list[int], total: str, gap: int = 1) -> tuple[Sheet, list[tuple]]:
    span = len(HEADER)
    width = len(lengths) * (span + gap) - gap
    sheet = Sheet("PhanCong", width=width)
    sheet.add(["ĐẢNG BỘ PHƯỜNG MỸ AN"])
    sheet.add(["BAN THƯỜNG VỤ"])
    sheet.add()
    sheet.add(["PHÂN CÔNG CÁC ĐOÀN CÔNG TÁC CỦA BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG"])
    sheet.add()

    def across(parts):
        row = []
        for index, part in enumerate(parts):
            row += ([None] * gap if index else []) + part
        return row

    number = sheet.add(across([[f"ĐOÀN CÔNG TÁC SỐ {n + 1}"] + [None] * (span - 1) for n in range(len(lengths))]))
    for block in range(len(lengths)):
        left = block * (span + gap)
        sheet.merge(number, left, number, left + span - 1)
    sheet.add(across([HEADER] * len(lengths)))
    names = iter(NAMES)
    members = []
    for block, length in enumerate(lengths):
        roles = ["head", "deputy"] + ["member"] * (length - 2)
        members.append([(next(names), POSITIONS[(block + index) % len(POSITIONS)], role, block + 1)
                        for index, role in enumerate(roles)])
    for index in range(max(lengths)):
        sheet.add(across([[index + 1, name, position, ROLES[role]] if index < len(group) else [None] * span
                          for group in members for name, position, role, _ in [group[min(index, len(group) - 1)]]]))
    sheet.add()
    people = sum(lengths)
    if total == "each":
        sheet.add(across([[f"Cộng: {len(group)} đồng chí"] + [None] * (span - 1) for group in members]))
    else:
        sheet.add([SAYS[total].format(groups=len(lengths), people=people, wrong=people + 2)])
    sheet.add(["Ghi chú: số điện thoại ghi dạng +84 là số Zalo."])
    sheet.add()
    sheet.add([None] * (width - 2) + ["T/M BAN THƯỜNG VỤ"])
    records = [(name, position, f"Đoàn công tác số {group}", role)
               for block in members for name, position, role, group in block]
    return sheet, records


def _read(tmp_path, sheet: Sheet, suffix: str):
    path = tmp_path / f"groups.{suffix}"
    (write_xlsx if suffix == "xlsx" else write_ods)(path, [sheet])
    return parse_file(path)


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
@pytest.mark.parametrize("lengths", [[7, 6, 6], [3, 5], [4, 2, 5, 3]], ids=["three", "two", "four"])
@pytest.mark.parametrize("total", ["all", "people", "each"])
def test_a_total_for_all_blocks_or_each_block_splits_the_groups(tmp_path, suffix, lengths, total):
    sheet, expected = _build(lengths, total, gap=1 if len(lengths) != 2 else 2)
    result = _read(tmp_path, sheet, suffix)
    assert result.kind == "roster" and result.errors == []
    got = [(r["full_name"], r["position"], r["group"], r["role"]) for r in result.records()]
    assert [g[:2] + (g[2].casefold(), g[3]) for g in got] == [e[:2] + (e[2].casefold(), e[3]) for e in expected]
    assert not any("không ghép được" in message for message in _messages(result))


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_a_total_that_counts_nothing_is_warned(tmp_path, suffix):
    sheet, _ = _build([7, 6, 6], "wrong")
    result = _read(tmp_path, sheet, suffix)
    assert any("dòng cộng không khớp" in message for message in _messages(result))


def _messages(result) -> list[str]:
    return [item.get("message", "") for item in result.errors + result.warnings]
