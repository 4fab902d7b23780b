"""Blocks of one sheet each under its own header row in its own column order (``importers.block_headers``): each
block's rows are read by its header, a field it has no column for stays empty, and a header that cannot be read
refuses its block, naming the row."""

from openpyxl import Workbook

from importers import parse_file

FIRST = ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ", "Ngày sinh", "Điện thoại", "Ghi chú"]
TITLE = [["ĐẢNG ỦY XÃ THẠNH SÓC"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []]


def _save(tmp_path, rows, name="blocks.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _group(number, header, people):
    return [[f"{'I' * number}. ĐOÀN CÔNG TÁC SỐ {number}"], [f"Phụ trách: Chi bộ ấp Số {number}"], header, *people, []]


BLOCK_1 = [[1, "Trương Văn Dũng", "Chủ tịch UBND xã", "Trưởng đoàn", "24/11/1978", "0916 561 331", None],
           [2, "Nguyễn Thị Thảo", "Bí thư Đoàn xã", "Thành viên", "20/01/1984", "0856 835 081", None]]
PASTED = ["Nhiệm vụ", "Họ và tên", "Chức vụ, đơn vị", "Ngày sinh", "SĐT"]
BLOCK_2 = [["Trưởng đoàn", "Bùi Minh Tâm", "Chủ nhiệm Ủy ban Kiểm tra", "20/07/1991", "0895 815 333"],
           ["Thành viên", "Lâm Quốc Hùng", "Trưởng phòng Văn hóa - Xã hội", "15/05/1994", "0852 635 798"]]
PHONE = ["Họ tên", "Chức vụ", "Nhiệm vụ", "Zalo"]
BLOCK_4 = [["Đỗ Công Nhân", "Phó Chủ tịch UBND xã", "Trưởng đoàn", "0776.708.181"],
           ["Mai Thanh Tuyết", "Phó Bí thư Đoàn xã", "Thành viên", "0345.116.331"]]
CLOSING = [["Danh sách gồm 8 đồng chí./."], [], ["Nơi nhận:", None, None, "T/M BAN THƯỜNG VỤ"],
           [None, None, None, "Trương Văn Dũng"]]


def _mixed(tmp_path, second=PASTED, block_2=BLOCK_2):
    return _save(tmp_path, TITLE + _group(1, FIRST, BLOCK_1) + _group(2, second, block_2)
                 + _group(3, FIRST, [[1, "Phạm Chí Hiếu", "Công chức", "Trưởng đoàn", "02/12/1984", "0780 586 090"],
                                     [2, "Néang Ry Na", "Chuyên viên", "Thành viên", "12/12/1984", "0773 085 857"]])
                 + _group(4, PHONE, BLOCK_4) + CLOSING)


def test_each_block_is_read_by_its_own_header(tmp_path):
    result = parse_file(_mixed(tmp_path))
    records = result.records()
    assert result.errors == [] and len(records) == 8
    by_name = {record["full_name"]: record for record in records}
    assert by_name["Bùi Minh Tâm"] == {
        "full_name": "Bùi Minh Tâm", "birth_date": "1991-07-20", "position": "Chủ nhiệm Ủy ban Kiểm tra",
        "group": "Đoàn công tác số 2", "role": "head", "unit": "Chi bộ ấp Số 2", "phone": "0895815333"}
    assert by_name["Mai Thanh Tuyết"]["phone"] == "0345116331" and by_name["Mai Thanh Tuyết"]["role"] == "member"
    assert by_name["Trương Văn Dũng"]["birth_date"] == "1978-11-24"  # the first block by the table's header


def test_a_field_a_block_has_no_column_for_stays_empty(tmp_path):
    records = parse_file(_mixed(tmp_path)).records()
    phone_block = [record for record in records if record["group"] == "Đoàn công tác số 4"]
    assert [record["birth_date"] for record in phone_block] == [None, None]  # never the "Ngày sinh" column's cell
    assert [record["position"] for record in phone_block] == ["Phó Chủ tịch UBND xã", "Phó Bí thư Đoàn xã"]


def test_rows_accounting_and_the_columns_of_each_block(tmp_path):
    result = parse_file(_mixed(tmp_path))
    outcomes = {row["row"]: (row["outcome"], row["reason"]) for row in result.rows}
    assert outcomes[12] == ("skipped", "dòng tiêu đề bảng của khối")  # the pasted block's header
    assert [outcomes[row][0] for row in (13, 14)] == ["record", "record"]
    assert outcomes[28][0] != "record"  # "Danh sách gồm 8 đồng chí./." is no person
    said = [item for item in result.inferences if item["what"] == "Cột của khối"]
    assert [item["source"] for item in said] == [
        "tiêu đề cột riêng của khối ở dòng 12, đọc các dòng 13–14 theo tiêu đề đó",
        "tiêu đề cột riêng của khối ở dòng 24, đọc các dòng 25–26 theo tiêu đề đó"]
    assert "Nhiệm vụ ← A «Nhiệm vụ»" in said[0]["value"] and "Điện thoại ← D «Zalo»" in said[1]["value"]


def test_a_problem_in_a_remapped_block_names_the_cell_as_written(tmp_path):
    wrong = [BLOCK_2[0][:3] + ["31/02/1991", BLOCK_2[0][4]], BLOCK_2[1]]
    result = parse_file(_mixed(tmp_path, block_2=wrong))
    problem = next(issue for issue in result.errors + result.warnings if issue["row"] == 13)
    assert problem["column"] == "D" and "D13" in problem["message"] and "E13" not in problem["message"]


def test_the_same_fields_in_other_words_are_a_repeated_header(tmp_path):
    reworded = ["Số TT", "Họ tên", "Chức danh", "Nhiệm vụ trong đoàn", "Ngày tháng năm sinh", "SĐT", "Ghi chú"]
    same = [[1, "Bùi Minh Tâm", "Chủ nhiệm", "Trưởng đoàn", "20/07/1991", "0895 815 333"]]
    result = parse_file(_save(tmp_path, TITLE + _group(1, FIRST, BLOCK_1) + _group(2, reworded, same)))
    names = [record["full_name"] for record in result.records()]
    assert names == ["Trương Văn Dũng", "Nguyễn Thị Thảo", "Bùi Minh Tâm"]
    assert result.errors == [] and result.warnings == []  # never a person called "Họ tên" born "Ngày tháng năm sinh"
    outcomes = {row["row"]: (row["outcome"], row["reason"]) for row in result.rows}
    assert outcomes[12] == ("skipped", "dòng tiêu đề bảng của khối")
    assert not any(item["what"] == "Cột của khối" for item in result.inferences)


def test_a_block_header_naming_one_field_twice_refuses_that_block(tmp_path):
    twice = ["Họ và tên", "Họ tên", "Chức vụ", "Nhiệm vụ"]
    people = [["Bùi Minh Tâm", "Bùi Tâm", "Chủ nhiệm", "Trưởng đoàn"], ["Lâm Quốc Hùng", "Lâm Hùng", "Trưởng phòng",
                                                                          "Thành viên"]]
    result = parse_file(_save(tmp_path, TITLE + _group(1, FIRST, BLOCK_1) + _group(2, twice, people)
                              + _group(3, PHONE, BLOCK_4)))
    names = [record["full_name"] for record in result.records()]
    assert names == ["Trương Văn Dũng", "Nguyễn Thị Thảo", "Đỗ Công Nhân", "Mai Thanh Tuyết"]
    refusal = [error for error in result.errors if error["row"] == 12]
    assert len(refusal) == 1 and "họ và tên ở hai cột (A, B)" in refusal[0]["message"]
    assert "các dòng 13–14 của khối chưa được nhập" in refusal[0]["message"]
    outcomes = {row["row"]: (row["outcome"], row["reason"]) for row in result.rows}
    assert outcomes[13] == outcomes[14] == ("failed", "khối có tiêu đề cột không rõ (dòng 12)")


def test_a_field_only_a_later_block_has_is_read_in_a_column_added_at_the_right(tmp_path):
    """The first block typed on a phone, the next one in full: the fields the first one lacks are still read, from
    the later block's cells, and never given to the first block's rows."""
    rows = TITLE + _group(1, PHONE, BLOCK_4) + _group(2, FIRST, BLOCK_1) + _group(3, PASTED, BLOCK_2)
    result = parse_file(_save(tmp_path, rows))
    records = result.records()
    assert result.errors == []
    assert [(r["full_name"], r["birth_date"], r["role"], r["phone"]) for r in records] == [
        ("Đỗ Công Nhân", None, "head", "0776708181"), ("Mai Thanh Tuyết", None, "member", "0345116331"),
        ("Trương Văn Dũng", "1978-11-24", "head", "0916561331"),
        ("Nguyễn Thị Thảo", "1984-01-20", "member", "0856835081"),
        ("Bùi Minh Tâm", "1991-07-20", "head", "0895815333"), ("Lâm Quốc Hùng", "1994-05-15", "member", "0852635798")]
    added = [column for column in result.columns_as_dicts() if column["index"] >= 7]  # right of the sheet's columns
    assert [(column["letter"], column["header"], column["field"]) for column in added] == [
        ("H", "STT", "index"), ("I", "Ngày sinh", "birth_date"), ("J", "Ghi chú", "note")]
    wrong = parse_file(_save(tmp_path, TITLE + _group(1, PHONE, BLOCK_4) + _group(2, FIRST, [
        [1, "Trương Văn Dũng", "Chủ tịch UBND xã", "Trưởng đoàn", "31/02/1978", "0916 561 331"]]), "wrong.xlsx"))
    problem = next(issue for issue in wrong.errors + wrong.warnings if issue["row"] == 13)
    assert problem["column"] == "E" and "E13" in problem["message"]  # the cell as written, not the added column


def test_a_labelled_block_column_no_field_reads_is_named(tmp_path):
    extra = ["Họ tên", "Chức vụ", "Nhiệm vụ", "Quê quán"]
    people = [["Đỗ Công Nhân", "Phó Chủ tịch", "Trưởng đoàn", "Thạnh Sóc"]]
    result = parse_file(_save(tmp_path, TITLE + _group(1, FIRST, BLOCK_1) + _group(2, extra, people)))
    assert [record["role"] for record in result.records()] == ["head", "member", "head"]
    unread = [w["message"] for w in result.warnings if "«Quê quán»" in w["message"]]
    assert len(unread) == 1 and "cột D «Quê quán» của khối có tiêu đề riêng ở dòng 12" in unread[0]


def test_a_register_with_blocks_in_their_own_column_order(tmp_path):
    rows = [["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [], ["1. Chi bộ Thôn 1"],
            ["STT", "Họ và tên", "Ngày họp", "Điểm danh"],
            [1, "Nguyễn Văn An", "05/03/2025", "Có mặt"], [2, "Trần Thị Bình", "05/03/2025", "Vắng có phép"], [],
            ["2. Chi bộ Thôn 2"], ["Ngày họp", "Điểm danh", "Họ và tên"],
            ["06/03/2025", "Có mặt", "Lê Minh Cường"], ["06/03/2025", "Vắng", "Phạm Đức Dũng"]]
    result = parse_file(_save(tmp_path, rows))
    assert result.kind == "attendance" and result.errors == []
    assert [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()][2:] == [
        ("Lê Minh Cường", "2025-03-06", "present", "Chi bộ Thôn 2"),
        ("Phạm Đức Dũng", "2025-03-06", "absent", "Chi bộ Thôn 2")]


def test_a_block_pasted_without_a_title_is_read_by_its_header_too(tmp_path):
    """A list continued from another file under its own header, no group line over it: its rows read by that
    header, the header row no person."""
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 1"], [], FIRST, *BLOCK_1, PASTED, *BLOCK_2]
    result = parse_file(_save(tmp_path, rows))
    records = result.records()
    assert [(r["full_name"], r["role"], r["birth_date"]) for r in records[2:]] == [
        ("Bùi Minh Tâm", "head", "1991-07-20"), ("Lâm Quốc Hùng", "member", "1994-05-15")]
    assert result.errors == []
    assert {row["row"]: row["outcome"] for row in result.rows}[6] == "skipped"
    assert result.blocks == [{"header_row": 6, "first_row": 7, "last_row": 8, "columns": [
        {"index": 0, "letter": "A", "header": "Nhiệm vụ", "field": "role"},
        {"index": 1, "letter": "B", "header": "Họ và tên", "field": "full_name"},
        {"index": 2, "letter": "C", "header": "Chức vụ, đơn vị", "field": "position"},
        {"index": 3, "letter": "D", "header": "Ngày sinh", "field": "birth_date"},
        {"index": 4, "letter": "E", "header": "SĐT", "field": "phone"}]}]


def test_a_problem_with_a_field_the_block_has_no_column_for_names_the_row_only(tmp_path):
    no_role = ["Họ tên", "Chức vụ", "Zalo"]
    rows = TITLE + _group(1, FIRST, BLOCK_1) + _group(2, no_role, [["Đỗ Công Nhân", "Phó Chủ tịch UBND xã",
                                                                    "0776.708.181"]])
    result = parse_file(_save(tmp_path, rows))
    assert result.records()[-1]["role"] == "member"
    said = [issue for issue in result.warnings if issue["row"] == 13]
    assert said and all(issue["column"] is None and "Dòng 13" in issue["message"] for issue in said)
    assert not any("D13" in issue["message"] for issue in result.errors + result.warnings)  # D is its phone
