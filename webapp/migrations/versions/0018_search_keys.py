"""search keys: persons' and units' search keys recomputed with the one fold (punctuation read as a space)

Revision ID: 0018_search_keys
Revises: 0012_opinion_group
"""
from alembic import op
import sqlalchemy as sa

from importers.normalising import fold

revision = "0018_search_keys"
down_revision = "0012_opinion_group"
branch_labels = None
depends_on = None

_BATCH = 5000


def _refold(table: str, name_column: str) -> None:
    """Rewrite the table's search_key from its name, a batch of rows at a time."""
    connection = op.get_bind()
    rows = sa.table(table, sa.column("id"), sa.column(name_column), sa.column("search_key"))
    last = 0
    while True:
        batch = connection.execute(sa.select(rows.c.id, rows.c[name_column]).where(rows.c.id > last)
                                   .order_by(rows.c.id).limit(_BATCH)).all()
        if not batch:
            return
        connection.execute(rows.update().where(rows.c.id == sa.bindparam("row_id"))
                           .values(search_key=sa.bindparam("key")),
                           [{"row_id": row_id, "key": fold(name)} for row_id, name in batch])
        last = batch[-1][0]


def upgrade():
    _refold("person", "full_name")
    _refold("unit", "name")


def downgrade():
    """The older keys only kept punctuation; the new ones still find every name, so nothing is undone."""
