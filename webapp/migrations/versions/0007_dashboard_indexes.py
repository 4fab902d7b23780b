"""dashboard indexes: covering index for the attendance probes of the dashboard figures

Revision ID: 0007_dashboard_indexes
Revises: 0005_imports
Create Date: 2026-11-25 09:40:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = "0007_dashboard_indexes"
down_revision = "0005_imports"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index("ix_attendance_meeting_person_status", ["meeting_id", "person_id", "status", "expected"],
                              unique=False, postgresql_include=["id"])


def downgrade():
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index("ix_attendance_meeting_person_status")
