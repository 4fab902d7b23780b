"""audit change index: a partial index on the audit chain's sequence over the entries that record a change (not a
read), so the data version pages cache on is found in one index step however many reads were logged after it

Revision ID: 0041_audit_change_index
Revises: 0040_cell_meeting_rules
"""
from alembic import op
import sqlalchemy as sa

revision = "0041_audit_change_index"
down_revision = "0040_cell_meeting_rules"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_audit_log_change_seq", "audit_log", ["chain_seq"], unique=False,
                    sqlite_where=sa.text("action != 'read'"), postgresql_where=sa.text("action != 'read'"))


def downgrade():
    op.drop_index("ix_audit_log_change_seq", table_name="audit_log")
