"""What the import benches share: the generated register kept between runs, and the demo town made ready for it."""
from pathlib import Path

from import_bench import generate


def kept_register(out: Path, rows: int) -> Path:
    """The generated `rows`-row register in `out`, made on first use and reused after (generating takes a while)."""
    out.mkdir(parents=True, exist_ok=True)
    register = out / f"attendance-{rows}.xlsx"
    if not register.exists():
        generate(register, rows)
    return register


def load_town_for_register() -> int:
    """Load the demo town, its "Chi bộ Tổ dân phố …" cells renamed (the register creates its own units of those
    names); commit and return the root unit's id. Runs inside an app context."""
    from sqlalchemy import select

    from importers.normalising import fold
    from webapp.demo import load_demo
    from webapp.extensions import db
    from webapp.models import Unit, UnitKind

    db.create_all()
    load_demo()
    for unit in db.session.scalars(select(Unit).where(Unit.name.like("Chi bộ Tổ dân phố%"))):
        unit.name = f"Chi bộ khu dân cư mẫu {unit.id}"
        unit.search_key = fold(unit.name)
    db.session.commit()
    return db.session.scalar(select(Unit.id).where(Unit.parent_id.is_(None), Unit.kind == UnitKind.ROOT))
