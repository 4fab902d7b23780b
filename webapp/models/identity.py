"""The identity of a committee that issues documents (usually the root unit): its names, symbol, place and
signer, as settings rather than text in the code, since any ward, commune or province may run the app."""
from typing import Optional

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .units import Unit


class OrgIdentity(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), unique=True)
    superior_name: Mapped[str] = mapped_column(String(160))   # ĐẢNG BỘ TỈNH HÀ TĨNH
    issuer_name: Mapped[str] = mapped_column(String(160))     # THỊ ỦY HỒNG SƠN / ĐẢNG ỦY PHƯỜNG BẮC HỒNG
    committee_name: Mapped[str] = mapped_column(String(80))   # Thị ủy / Đảng ủy / Tỉnh ủy (in running text)
    symbol: Mapped[str] = mapped_column(String(16))           # ThU / ĐU / TU / HU
    place_name: Mapped[str] = mapped_column(String(80))       # Hồng Sơn
    signer_on_behalf: Mapped[str] = mapped_column(String(80), default="T/M BAN THƯỜNG VỤ")
    signer_title: Mapped[str] = mapped_column(String(80), default="BÍ THƯ")
    signer_name: Mapped[Optional[str]] = mapped_column(String(160))
    recipients: Mapped[Optional[str]] = mapped_column(Text)    # one per line

    unit: Mapped[Unit] = relationship()
