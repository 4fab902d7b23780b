"""visit restricted: a visit whose text was raised as a restricted complaint is restricted at its source

Revision ID: 0033_visit_restricted
Revises: 0032_meeting_rescheduled
"""
from alembic import op
import sqlalchemy as sa

revision = "0033_visit_restricted"
down_revision = "0032_meeting_rescheduled"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("field_visit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("restricted", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute("UPDATE field_visit SET restricted = TRUE WHERE id IN (SELECT f.field_visit_id FROM feedback_item f "
               "JOIN feedback_category c ON c.id = f.category_id WHERE c.restricted = TRUE "
               "AND f.field_visit_id IS NOT NULL)")


def downgrade():
    with op.batch_alter_table("field_visit", schema=None) as batch_op:
        batch_op.drop_column("restricted")
