"""calendar password stamp: a calendar link dies with a new password (and with deactivation, as before)

Revision ID: 0035_calendar_password_stamp
Revises: 0034_outgoing_request_token
"""
import hashlib

from alembic import op
import sqlalchemy as sa

revision = "0035_calendar_password_stamp"
down_revision = "0034_outgoing_request_token"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("calendar_feed", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_stamp", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(sa.text('SELECT f.id, u.password_hash FROM calendar_feed f JOIN "user" u ON u.id = f.user_id'))
    for feed_id, password_hash in rows.fetchall():
        stamp = hashlib.sha256((password_hash or "").encode()).hexdigest()
        bind.execute(sa.text("UPDATE calendar_feed SET password_stamp = :stamp WHERE id = :id"),
                     {"stamp": stamp, "id": feed_id})


def downgrade():
    with op.batch_alter_table("calendar_feed", schema=None) as batch_op:
        batch_op.drop_column("password_stamp")
