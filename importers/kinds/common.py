"""Header words and row rules shared by the kinds."""

from ..context import read_context
from ..normalising import is_group_heading
from . import FieldSpec, RowRules

INDEX = FieldSpec("index", ("stt", "tt", "so tt", "so thu tu", "no"), label="STT")
FULL_NAME = FieldSpec(
    "full_name",
    (
        "ho va ten",
        "ho ten",
        "ho va ten dang vien",
        "ho ten dang vien",
        "ten",
        "ten goi",
        "full name",
        "name",
        "member name",
        "ho va ten thanh vien",
        "ho ten thanh vien",
        "dang vien",
        # the civil-status wording: 'Họ, chữ đệm và tên' (family name, middle name and given name)
        "ho chu dem va ten",
        "ho chu dem ten",
        "ho ten dem va ten",
        # the name cell holding the birth date too ("Nguyễn Văn An (15/03/1978)": kinds.birth_in_name)
        "ho va ten nam sinh",
        "ho ten nam sinh",
        "ho va ten ngay sinh",
        "ho ten ngay sinh",
        "ho va ten ngay thang nam sinh",
        "ho ten ngay thang nam sinh",
        "ho va ten va nam sinh",
        "ho ten va nam sinh",
    ),
    required=True,
    label="họ và tên",
)
NOTE = FieldSpec("note", ("ghi chu", "ly do", "ghi chu ly do"), label="ghi chú")
PERSON_ROWS = RowRules(key="full_name", key_label="họ và tên", is_heading=is_group_heading, read_context=read_context)
