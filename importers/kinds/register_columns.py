"""The column readers a register shares with a roster, so one layout reads one way in both: a name split over
columns ('Họ và tên đệm' | 'Tên', ``kinds.name_parts``) and a date split over day | month | year ('Ngày' | 'Tháng' |
'Năm' under 'Ngày sinh hoạt', ``kinds.date_parts``). A row whose parts make no date is refused, naming its cells.
A register's own: the day column beats a month-only period column beside it (``kinds.period_dates``)."""

from ..results import Column
from .date_parts import join_meeting_date_parts
from .name_parts import join_name_parts
from .period_dates import prefer_actual_dates
from .roster_stage import RosterStage


def read_register_columns(body, table, columns: list[Column], rows, issues) -> None:
    """Join a register's split name and split meeting date, as a roster's name and birth date are joined."""
    stage = RosterStage(body=body, table=table, columns=columns, rows=rows, issues=issues, abbreviations={})
    join_name_parts(stage)
    join_meeting_date_parts(stage)
    prefer_actual_dates(stage)
    stage.finish()
