"""meeting rescheduled: when a meeting's date, start time or place last changed, so invitations say so

Revision ID: 0032_meeting_rescheduled
Revises: 0031_group_assessments
"""
from alembic import op
import sqlalchemy as sa

revision = "0032_meeting_rescheduled"
down_revision = "0031_group_assessments"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rescheduled_at", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("rescheduled_at")
