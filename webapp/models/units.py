"""Party organisations as one tree (materialised path), so permissions can be scoped to a subtree."""
import enum
from typing import Optional

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..names import clean_name, fold
from ._types import str_enum


class UnitKind(str, enum.Enum):
    ROOT = "root"
    PARTY_COMMITTEE = "party_committee"
    CELL = "cell"


class Sector(str, enum.Enum):
    TOWN = "town"
    WARD = "ward"
    COMMUNE = "commune"
    ENTERPRISE = "enterprise"
    AGENCY = "agency"
    ARMED_FORCES = "armed_forces"
    RESIDENTIAL = "residential"
    OTHER = "other"


# District-level towns (thị xã) ended on 1/7/2025: the units that had the sector keep it and read as before,
# no unit takes it anew (forms do not offer it, services refuse it, imported units do not inherit it).
RETIRED_SECTORS = frozenset({Sector.TOWN})


class Unit(db.Model):
    """A party organisation: the town committee at the root, grassroots committees and cells below."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    short_name: Mapped[Optional[str]] = mapped_column(String(120))
    kind: Mapped[UnitKind] = mapped_column(str_enum(UnitKind, "unit_kind"))
    sector: Mapped[Sector] = mapped_column(str_enum(Sector, "unit_sector"), default=Sector.OTHER)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("unit.id"), index=True)
    path: Mapped[str] = mapped_column(String(512), default="/", index=True)
    search_key: Mapped[str] = mapped_column(String(255), default="", index=True)
    active: Mapped[bool] = mapped_column(default=True)

    parent: Mapped[Optional["Unit"]] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Unit"]] = relationship(back_populates="parent", order_by="Unit.name")

    __table_args__ = (Index("ix_unit_parent_name", "parent_id", "name"),)

    def set_name(self, name: str) -> None:
        self.name = clean_name(name)
        self.search_key = fold(self.name)

    def place_under(self, parent: Optional["Unit"]) -> None:
        """Attach to a parent; `path` is fixed once the id is known (see `refresh_path`)."""
        self.parent = parent

    def refresh_path(self) -> None:
        self.path = (self.parent.path if self.parent else "/") + f"{self.id}/"

    def is_within(self, ancestor: "Unit") -> bool:
        return self.path.startswith(ancestor.path)

    @property
    def depth(self) -> int:
        return self.path.strip("/").count("/")

    def __repr__(self) -> str:
        return f"<Unit {self.id} {self.name!r}>"
