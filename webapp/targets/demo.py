"""Demo data for development targets (one step of `flask demo`): indicators of every ward and commune for the
current year, with the quarterly actual values recorded so far."""
from datetime import date

from ..clock import local_today
from ..extensions import db
from ..models import TargetIndicator, TargetMeasurement

INDICATORS = [  # name, unit of measure, lowest and highest yearly target
    ("Kết nạp đảng viên mới", "đảng viên", 6, 15),
    ("Thu ngân sách trên địa bàn", "triệu đồng", 4_000, 20_000),
    ("Chi bộ đạt trong sạch, vững mạnh", "chi bộ", 3, 8),
    ("Hộ gia đình đạt danh hiệu văn hóa", "%", 85, 95),
    ("Giảm tỷ lệ hộ nghèo", "%", 1, 2),
]
QUARTER_ENDS = [(3, 31), (6, 30), (9, 30), (12, 31)]


def build_targets(town) -> None:
    """Five indicators per ward/commune; each quarter already over adds a cumulative actual value, some units
    well behind (the article: 'target achievement at some units is not high')."""
    today, rng = local_today(), town.rng
    year = today.year
    for committee in town.committees:
        pace = rng.choice([0.45, 0.7, 0.9, 1.05])  # how far along the year this unit is
        for name, measure, low, high in INDICATORS:
            target = float(rng.randint(low, high))
            indicator = TargetIndicator(unit=committee, year=year, name=name, measure_unit=measure,
                                        target_value=target)
            for quarter, (month, day) in enumerate(QUARTER_ENDS, start=1):
                on = date(year, month, day)
                if on > today:
                    break
                share = min(1.2, pace * quarter / 4 * rng.uniform(0.85, 1.1))
                indicator.measurements.append(TargetMeasurement(measured_on=on, value=round(target * share, 1)))
            db.session.add(indicator)
    db.session.flush()
