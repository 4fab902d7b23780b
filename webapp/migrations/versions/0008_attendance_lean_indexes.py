"""attendance: drop the index on person_id (a prefix of ix_attendance_person_meeting) and the one on
import_batch_id (only an import's undo reads it), so that bulk imports maintain two fewer indexes.

Revision ID: 0008_attendance_lean_indexes
Revises: 0007_dashboard_indexes
"""
from alembic import op

revision = "0008_attendance_lean_indexes"
down_revision = "0007_dashboard_indexes"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index("ix_attendance_person_id")
        batch_op.drop_index("ix_attendance_import_batch_id")


def downgrade():
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index("ix_attendance_import_batch_id", ["import_batch_id"], unique=False)
        batch_op.create_index("ix_attendance_person_id", ["person_id"], unique=False)
