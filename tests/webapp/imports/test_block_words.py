"""The values table reads a role's cell text where the record was read: in a block under its own header
(``importers.block_headers``), that block's column, not the table's."""

import pandas as pd

from webapp.imports.values import words

GRID = [["STT", "Họ và tên", "Nhiệm vụ"], [1, "Nguyễn Văn An", "Trưởng đoàn"],
        ["Nhiệm vụ", "Họ và tên", None], ["Phó đoàn", "Trần Thị Bình", None],
        ["Họ tên", None, None], ["Lê Minh Cường", None, None]]
COLUMNS = [{"index": 0, "field": "index"}, {"index": 1, "field": "full_name"}, {"index": 2, "field": "role"}]
BLOCKS = [{"header_row": 3, "first_row": 4, "last_row": 4, "columns": [
              {"index": 0, "letter": "A", "header": "Nhiệm vụ", "field": "role"},
              {"index": 1, "letter": "B", "header": "Họ và tên", "field": "full_name"}]},
          {"header_row": 5, "first_row": 6, "last_row": 6, "columns": [
              {"index": 0, "letter": "A", "header": "Họ tên", "field": "full_name"}]}]


def test_a_blocks_role_words_come_from_its_own_column():
    frame = pd.DataFrame({"src_row": [2, 4, 6]})
    assert words(frame, GRID, COLUMNS, "role", BLOCKS).tolist() == ["Trưởng đoàn", "Phó đoàn", ""]
    assert words(frame, GRID, COLUMNS, "role").tolist() == ["Trưởng đoàn", "", ""]  # the table's column only
