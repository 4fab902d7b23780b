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
        "ho va ten thanh vien",
        "ho ten thanh vien",
        "dang vien",
    ),
    required=True,
    label="họ và tên",
)
NOTE = FieldSpec("note", ("ghi chu", "ly do", "ghi chu ly do"), label="ghi chú")
PERSON_ROWS = RowRules(key="full_name", key_label="họ và tên", is_heading=is_group_heading, read_context=read_context)
