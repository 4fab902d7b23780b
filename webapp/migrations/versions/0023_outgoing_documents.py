"""outgoing documents: the register of documents issued, numbered per kind and year, with their content

Revision ID: 0023_outgoing_documents
Revises: 0022_org_identity
"""
from alembic import op
import sqlalchemy as sa

revision = "0023_outgoing_documents"
down_revision = "0022_org_identity"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "outgoing_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("issuer_unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("symbol", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("source_kind", sa.String(length=32), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["user.id"], name=op.f("fk_outgoing_document_created_by_id_user")),
        sa.ForeignKeyConstraint(["issuer_unit_id"], ["unit.id"], name=op.f("fk_outgoing_document_issuer_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outgoing_document")),
        sa.UniqueConstraint("issuer_unit_id", "kind", "year", "number", name="uq_outgoing_number"),
    )
    with op.batch_alter_table("outgoing_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outgoing_document_issuer_unit_id"), ["issuer_unit_id"], unique=False)


def downgrade():
    op.drop_table("outgoing_document")
