"""Who is issuing: the identity of the committee a document comes from, read from the settings of the nearest
unit that has them (usually the root), with plain defaults taken from the root unit's name until it is set."""
from dataclasses import dataclass

from sqlalchemy import select

from ..extensions import db
from ..models import OrgIdentity, Unit, UnitKind

DEFAULT_COMMITTEE = "Đảng ủy"
DEFAULT_SYMBOL = "ĐU"


@dataclass(frozen=True)
class Identity:
    superior_name: str
    issuer_name: str
    committee_name: str
    symbol: str
    place_name: str
    signer_on_behalf: str
    signer_title: str
    signer_name: str | None
    recipients: list[str]

    @property
    def standing_board(self) -> str:
        """'Ban Thường vụ Đảng ủy', 'Ban Thường vụ Tỉnh ủy' … as written in running text."""
        return f"Ban Thường vụ {self.committee_name}"


def _place_from(name: str) -> str:
    """The place in a party organisation's name: 'Bắc Hồng' from 'Đảng bộ phường Bắc Hồng'."""
    words = name.split()
    for marker in ("tỉnh", "phố", "xã", "huyện", "quận", "phường", "trấn"):
        if marker in [w.lower() for w in words]:
            index = max(i for i, w in enumerate(words) if w.lower() == marker)
            return " ".join(words[index + 1:]) or name
    return name.removeprefix("Đảng bộ ").strip()


def default_recipients(committee_name: str) -> list[str]:
    return [f"- Thường trực {committee_name};", f"- Các đồng chí Ủy viên Ban Thường vụ {committee_name};",
            "- Các Đoàn công tác;", f"- Lưu Văn phòng {committee_name}."]


def _root() -> Unit | None:
    return db.session.scalar(select(Unit).where(Unit.kind == UnitKind.ROOT).order_by(Unit.id).limit(1))


def own_settings(unit: Unit) -> OrgIdentity | None:
    """The settings row of `unit` itself (not inherited from an ancestor)."""
    return db.session.scalar(select(OrgIdentity).where(OrgIdentity.unit_id == unit.id))


def settings_for(unit: Unit | None = None) -> OrgIdentity | None:
    """The settings row of `unit` or its nearest ancestor that has one (the root when no unit is given)."""
    unit = unit or _root()
    if unit is None:
        return None
    ids = [int(part) for part in unit.path.strip("/").split("/") if part.isdigit()] if unit.path else [unit.id]
    rows = {row.unit_id: row for row in db.session.scalars(select(OrgIdentity).where(OrgIdentity.unit_id.in_(ids)))}
    return next((rows[i] for i in reversed(ids) if i in rows), None)


def identity_for(unit: Unit | None = None) -> Identity:
    """The identity documents and pages use; defaults come from the root unit's name when nothing is set."""
    row = settings_for(unit)
    if row is not None:
        recipients = [line.strip() for line in (row.recipients or "").splitlines() if line.strip()]
        return Identity(row.superior_name, row.issuer_name, row.committee_name, row.symbol, row.place_name,
                        row.signer_on_behalf, row.signer_title, row.signer_name,
                        recipients or default_recipients(row.committee_name))
    root = _root()
    name = root.name if root else "Đảng bộ"
    return Identity(name, f"Ban Thường vụ {DEFAULT_COMMITTEE}", DEFAULT_COMMITTEE, DEFAULT_SYMBOL,
                    _place_from(name), "T/M BAN THƯỜNG VỤ", "BÍ THƯ", None, default_recipients(DEFAULT_COMMITTEE))
