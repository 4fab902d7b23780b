"""regulation versions: draft/issued, dates in force, replaces/amends/annuls, the obligations a regulation sets,
and comments on drafts

Revision ID: 0027_regulation_versions
Revises: 0014_job_leases
"""
from alembic import op
import sqlalchemy as sa

revision = "0027_regulation_versions"
down_revision = "0014_job_leases"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=16), server_default="issued", nullable=False))
        batch_op.add_column(sa.Column("effective_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("effective_to", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("relation", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("related_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("attendance_times", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("attendance_months", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_document_related_id"), ["related_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_document_related_id_document"), "document", ["related_id"], ["id"])
    op.create_table(
        "document_comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], name=op.f("fk_document_comment_document_id_document"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_document_comment_user_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_comment")),
    )
    with op.batch_alter_table("document_comment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_comment_document_id"), ["document_id"], unique=False)


def downgrade():
    op.drop_table("document_comment")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_document_related_id_document"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_document_related_id"))
        for column in ("attendance_months", "attendance_times", "related_id", "relation", "effective_to",
                       "effective_from", "status"):
            batch_op.drop_column(column)
