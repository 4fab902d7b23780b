"""The rules a field visit obeys, as pure predicates over plain values (the form and the service both ask)."""
from datetime import date

from flask_babel import lazy_gettext as _l

NOT_FOLLOWED = _l("Đồng chí không được phân công theo dõi đơn vị này vào ngày đó.")
IN_THE_FUTURE = _l("Ngày đi cơ sở không được sau hôm nay.")
NO_PERSON = _l("Tài khoản này chưa gắn với một cá nhân trong danh sách đoàn công tác.")


def visit_problem(*, person_id: int | None, unit_id: int, visited_on: date, followed_unit_ids: set[int],
                  today: date) -> tuple[str, str] | None:
    """(field, message) saying why this visit cannot be recorded, or None: a person records visits to units
    they follow that day, never in the future."""
    if person_id is None:
        return "unit_id", str(NO_PERSON)
    if visited_on > today:
        return "visited_on", str(IN_THE_FUTURE)
    if unit_id not in followed_unit_ids:
        return "unit_id", str(NOT_FOLLOWED)
    return None


def already_raised(number: str | None):
    """A visit's difficulties go to feedback once per category: a second item would be the same text counted twice."""
    if number is None:
        return None
    return _l("Khó khăn, kiến nghị của chuyến đi này đã được chuyển thành phản ánh %(number)s thuộc lĩnh vực này.",
              number=number)
