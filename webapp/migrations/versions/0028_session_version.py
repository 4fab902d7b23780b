"""session version: each account's sessions carry a version that logout and a password change bump

Revision ID: 0028_session_version
Revises: 0027_regulation_versions
"""
from alembic import op
import sqlalchemy as sa

revision = "0028_session_version"
down_revision = "0027_regulation_versions"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_version", sa.Integer(), server_default="1", nullable=False))


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("session_version")
