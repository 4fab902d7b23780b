"""Yearly development targets (chỉ tiêu) per unit, and the actual values recorded against them."""
from datetime import date, datetime
from typing import Optional

from sqlalchemy import CheckConstraint, Double, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from .units import Unit


class TargetIndicator(db.Model):
    """One indicator a unit commits to for a year, e.g. "Kết nạp đảng viên mới: 5 người"."""

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    year: Mapped[int]
    name: Mapped[str] = mapped_column(String(255))
    measure_unit: Mapped[str] = mapped_column(String(60))
    target_value: Mapped[float] = mapped_column(Double)
    notes: Mapped[Optional[str]] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    import_batch_id: Mapped[Optional[int]] = mapped_column(index=True)  # set when a spreadsheet import created it

    unit: Mapped[Unit] = relationship()
    measurements: Mapped[list["TargetMeasurement"]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="TargetMeasurement.measured_on")

    __table_args__ = (
        CheckConstraint("target_value > 0", name="target_positive"),
        Index("ix_target_indicator_unit_year", "unit_id", "year"),
    )


class TargetMeasurement(db.Model):
    """The actual (cumulative) value of an indicator as of a date; the latest one counts."""

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("target_indicator.id", ondelete="CASCADE"), index=True)
    measured_on: Mapped[date]
    value: Mapped[float] = mapped_column(Double)
    note: Mapped[Optional[str]] = mapped_column(String(255))
    recorded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    import_batch_id: Mapped[Optional[int]] = mapped_column(index=True)  # set when a spreadsheet import recorded it

    indicator: Mapped[TargetIndicator] = relationship(back_populates="measurements")

    __table_args__ = (CheckConstraint("value >= 0", name="measurement_non_negative"),)
