"""Form exports whose questions name the field in a sentence ('Đồng chí là thành viên Đoàn công tác số mấy?'), with a
bracketed aside ('Số điện thoại (Zalo)'), and whose answers are typed in lower case."""

import csv

import pytest

from importers import parse_file
from importers.kinds.roster import FIELDS
from importers.mapping import match_field
from importers.normalising import normalise_name


@pytest.mark.parametrize("label, field", [
    ("Đồng chí là thành viên Đoàn công tác số mấy?", "group"),
    ("Anh/chị là thành viên của Đoàn số mấy?", "group"),
    ("Số điện thoại (Zalo)", "phone"),
    ("Điện thoại di động (ghi đủ 10 số)", "phone"),
    ("Chức vụ (hiện nay)", "position"),
    ("(Zalo)", None),
    ("Địa chỉ email", None),
])
def test_question_and_bracket_headers(label, field):
    assert match_field(label, FIELDS) == field


@pytest.mark.parametrize("typed, name", [
    ("trần hải hà", "Trần Hải Hà"), ("đỗ  minh ", "Đỗ Minh"), ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
    ("Lê Thị Hà", "Lê Thị Hà"), ("Lê thị Hà", "Lê thị Hà"),
])
def test_typed_names(typed, name):
    assert normalise_name(typed) == name


def test_a_form_export_with_sentence_questions_and_lowercase_answers(tmp_path):
    path = tmp_path / "form.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows([
            ["Dấu thời gian", "Địa chỉ email", "Họ và tên", "Ngày sinh (dd/mm/yyyy)", "Chức vụ hiện nay",
             "Đồng chí là thành viên Đoàn công tác số mấy?", "Nhiệm vụ trong Đoàn", "Chi bộ được phân công theo dõi",
             "Số điện thoại (Zalo)"],
            ["10/03/2025 12:12:33", "a@x.vn", "trần thị hoa ", "04/03/1985", "Chuyên viên", "đoàn số 1",
             "Phó Trưởng đoàn", "Chi bộ Tổ dân phố 2", "+84376340126"],
            ["10/03/2025 12:36:41", "b@x.vn", "NGUYỄN HỮU LỢI", "3/9/1972", "Chủ tịch Hội", "Đoàn công tác số 2",
             "Trưởng đoàn", "Chi bộ Tổ dân phố 6", "0589 844 925"],
            ["10/03/2025 16:53:05", "", "Lê Văn Bình", "30/03/1981", "Chuyên viên", "2", "Thành viên",
             "Chi bộ Tổ dân phố 3", "987.559.275"],
        ])
    result = parse_file(path)
    assert result.errors == []
    assert [(r["full_name"], r["birth_date"], r["group"], r["role"], r["unit"], r["phone"])
            for r in result.records()] == [
        ("Trần Thị Hoa", "1985-03-04", "Đoàn công tác số 1", "deputy", "Chi bộ Tổ dân phố 2", "0376340126"),
        ("Nguyễn Hữu Lợi", "1972-09-03", "Đoàn công tác số 2", "head", "Chi bộ Tổ dân phố 6", "0589844925"),
        ("Lê Văn Bình", "1981-03-30", "Đoàn công tác số 2", "member", "Chi bộ Tổ dân phố 3", "0987559275"),
    ]
