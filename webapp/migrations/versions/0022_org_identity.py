"""org identity: the issuing committee's names, symbol, place and signer as settings of a unit

Revision ID: 0022_org_identity
Revises: 0021_member_reports
"""
from alembic import op
import sqlalchemy as sa

revision = "0022_org_identity"
down_revision = "0021_member_reports"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "org_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("superior_name", sa.String(length=160), nullable=False),
        sa.Column("issuer_name", sa.String(length=160), nullable=False),
        sa.Column("committee_name", sa.String(length=80), nullable=False),
        sa.Column("symbol", sa.String(length=16), nullable=False),
        sa.Column("place_name", sa.String(length=80), nullable=False),
        sa.Column("signer_on_behalf", sa.String(length=80), nullable=False),
        sa.Column("signer_title", sa.String(length=80), nullable=False),
        sa.Column("signer_name", sa.String(length=160), nullable=True),
        sa.Column("recipients", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_org_identity_unit_id_unit"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_identity")),
        sa.UniqueConstraint("unit_id", name=op.f("uq_org_identity_unit_id")),
    )


def downgrade():
    op.drop_table("org_identity")
