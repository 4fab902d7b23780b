"""signed documents: the digitally signed PDF uploaded against an outgoing document's number, with its check

Revision ID: 0039_signed_documents
Revises: 0038_personal_data_requests
"""
from alembic import op
import sqlalchemy as sa

revision = "0039_signed_documents"
down_revision = "0038_personal_data_requests"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "signed_copy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("stored_name", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("signer_name", sa.String(length=300), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["outgoing_document.id"],
                                name=op.f("fk_signed_copy_document_id_outgoing_document")),
        sa.ForeignKeyConstraint(["uploaded_by_id"], ["user.id"], name=op.f("fk_signed_copy_uploaded_by_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signed_copy")),
    )
    with op.batch_alter_table("signed_copy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signed_copy_document_id"), ["document_id"], unique=False)


def downgrade():
    with op.batch_alter_table("signed_copy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signed_copy_document_id"))
    op.drop_table("signed_copy")
