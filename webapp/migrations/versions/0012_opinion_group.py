"""opinion group: the working group a speaker spoke for (credits the opinion to that group on the dashboard)

Revision ID: 0012_opinion_group
Revises: 0011_targets_import
"""
from alembic import op
import sqlalchemy as sa

revision = "0012_opinion_group"
down_revision = "0011_targets_import"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("opinion", schema=None) as batch_op:
        batch_op.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_opinion_group_id"), ["group_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_opinion_group_id_working_group"), "working_group", ["group_id"],
                                    ["id"])


def downgrade():
    with op.batch_alter_table("opinion", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_opinion_group_id_working_group"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_opinion_group_id"))
        batch_op.drop_column("group_id")
