"""job leases: import jobs carry their worker and heartbeat; batches have committing/undoing states

Revision ID: 0014_job_leases
Revises: 0026_assessments
"""
from alembic import op
import sqlalchemy as sa

revision = "0014_job_leases"
down_revision = "0026_assessments"
branch_labels = None
depends_on = None

OLD = ("draft", "committed", "undone", "cancelled")
NEW = ("draft", "committing", "committed", "undoing", "undone", "cancelled")


CHECK = "ck_import_batch_import_batch_status"


def _status(values):
    """Swap the status CHECK constraint for one allowing `values`."""
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.drop_constraint(op.f(CHECK), type_="check")
        batch_op.create_check_constraint("import_batch_status", sa.column("status").in_(values))


def upgrade():
    _status(NEW)
    with op.batch_alter_table("import_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scope_path", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("worker", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("started_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("import_job", schema=None) as batch_op:
        batch_op.drop_column("heartbeat_at")
        batch_op.drop_column("started_at")
        batch_op.drop_column("worker")
        batch_op.drop_column("scope_path")
    op.execute("UPDATE import_batch SET status = 'draft' WHERE status = 'committing'")
    op.execute("UPDATE import_batch SET status = 'committed' WHERE status = 'undoing'")
    _status(OLD)
