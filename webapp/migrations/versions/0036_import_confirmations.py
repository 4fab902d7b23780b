"""import confirmations: the officer's answers in a batch's values table (units confirmed, heads to end)

Revision ID: 0036_import_confirmations
Revises: 0035_calendar_password_stamp
"""
from alembic import op
import sqlalchemy as sa

revision = "0036_import_confirmations"
down_revision = "0035_calendar_password_stamp"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confirmations", sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.drop_column("confirmations")
