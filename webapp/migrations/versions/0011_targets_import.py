"""targets import: target_indicator and target_measurement remember the import batch that wrote them (undo)

Revision ID: 0011_targets_import
Revises: 0008_attendance_lean_indexes
"""
from alembic import op
import sqlalchemy as sa

revision = "0011_targets_import"
down_revision = "0008_attendance_lean_indexes"
branch_labels = None
depends_on = None


def upgrade():
    for table in ("target_indicator", "target_measurement"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("import_batch_id", sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f(f"ix_{table}_import_batch_id"), ["import_batch_id"], unique=False)


def downgrade():
    for table in ("target_measurement", "target_indicator"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_import_batch_id"))
            batch_op.drop_column("import_batch_id")
