"""The obligation as pure functions: what a member owes at their followed units over a period, and what counts."""
from dataclasses import dataclass

from flask_babel import gettext as _

from ..i18n import N_
from ..meetings.rates import attendance_rate
from ..models import ObligationMode

PERIOD_NAMES = {1: N_("tháng"), 3: N_("quý"), 6: N_("6 tháng"), 12: N_("năm")}


@dataclass(frozen=True)
class Compliance:
    required: int = 0
    credited: int = 0

    @property
    def rate(self) -> float | None:
        """Credited over required, as the attendance rate is taken (under 'every meeting' it is that rate)."""
        return attendance_rate(self.credited, self.required)

    def __add__(self, other: "Compliance") -> "Compliance":
        return Compliance(self.required + other.required, self.credited + other.credited)


def period_key(month_key: str, months: int) -> str:
    """The period a 'YYYY-MM' month falls in, for periods of 1, 3, 6 or 12 months."""
    year, month = month_key.split("-")
    return f"{year}-{(int(month) - 1) // months}"


def compliance(
    mode: ObligationMode, times: int, months: int, held: dict[tuple[int, str], tuple[int, int]]
) -> Compliance:
    """From (unit id, 'YYYY-MM') → (meetings expected, meetings attended), as `meetings.rates` counts them (a
    meeting of two followed units for the first of them): every meeting counts in
    EVERY_MEETING; in TIMES_PER_PERIOD each unit owes min(times, meetings held) per period and attending more
    earns nothing extra."""
    if mode == ObligationMode.EVERY_MEETING:
        return Compliance(sum(h for h, _a in held.values()), sum(a for _h, a in held.values()))
    periods: dict[tuple[int, str], list[int]] = {}
    for (unit_id, month), (count, attended) in held.items():
        bucket = periods.setdefault((unit_id, period_key(month, months)), [0, 0])
        bucket[0] += count
        bucket[1] += attended
    total = Compliance()
    for count, attended in periods.values():
        owed = min(times, count)
        total = total + Compliance(owed, min(attended, owed))
    return total


def describe(mode: ObligationMode | None, times: int = 1, months: int = 3) -> str:
    """The rule in words, for legends."""
    if mode != ObligationMode.TIMES_PER_PERIOD:
        return _("dự mọi buổi sinh hoạt của các đơn vị được phân công")
    return _("mỗi đơn vị được phân công ít nhất %(n)s lần mỗi %(period)s", n=times, period=_(PERIOD_NAMES[months]))


def absence_overlaps(existing_start, existing_end):
    """One period of absence per day: a second declaration over the same days would excuse nothing more and leave two
    records to keep in step. The dates of the one already declared, or None for no overlap."""
    if existing_start is None:
        return None
    return _("Đồng chí này đã có thời gian vắng được khai báo từ %(start)s đến %(end)s, trùng với khoảng này: hãy rút "
             "khai báo đó trước nếu cần khai lại.", start=existing_start.strftime("%d/%m/%Y"),
             end=existing_end.strftime("%d/%m/%Y"))
