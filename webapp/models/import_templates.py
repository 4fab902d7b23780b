"""Import templates: an officer's corrections remembered per unit for files of one layout."""
from datetime import datetime
from typing import Optional

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from .units import Unit


class ImportTemplate(db.Model):
    """Corrections (overrides and column mapping) applied to files whose sheet and detected header match."""

    __table_args__ = (UniqueConstraint("unit_id", "kind", "sheet_name", "signature", name="uq_import_template_layout"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("unit.id"), index=True)  # None: the whole organisation
    kind: Mapped[str] = mapped_column(String(16))
    sheet_name: Mapped[str] = mapped_column(String(255), default="")
    signature: Mapped[str] = mapped_column(String(64))
    overrides: Mapped[dict] = mapped_column(JSON)
    mapping: Mapped[Optional[dict]] = mapped_column(JSON)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    updated_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    unit: Mapped[Optional[Unit]] = relationship()
