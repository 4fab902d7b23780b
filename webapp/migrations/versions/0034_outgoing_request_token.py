"""outgoing request token: the issuing form's one-time token, unique, so a double submit takes one number

Revision ID: 0034_outgoing_request_token
Revises: 0033_visit_restricted
"""
from alembic import op
import sqlalchemy as sa

revision = "0034_outgoing_request_token"
down_revision = "0033_visit_restricted"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("outgoing_document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_token", sa.String(length=40), nullable=True))
        batch_op.create_unique_constraint("uq_outgoing_document_request_token", ["request_token"])


def downgrade():
    with op.batch_alter_table("outgoing_document", schema=None) as batch_op:
        batch_op.drop_constraint("uq_outgoing_document_request_token", type_="unique")
        batch_op.drop_column("request_token")
