"""import templates: an officer's corrections remembered per unit and file layout; a batch's corrections

Revision ID: 0024_import_templates
Revises: 0028_session_version
"""
from alembic import op
import sqlalchemy as sa

revision = "0024_import_templates"
down_revision = "0028_session_version"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "import_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("sheet_name", sa.String(length=255), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.Column("overrides", sa.JSON(), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_import_template_unit_id_unit")),
        sa.ForeignKeyConstraint(["updated_by_id"], ["user.id"], name=op.f("fk_import_template_updated_by_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_template")),
        sa.UniqueConstraint("unit_id", "kind", "sheet_name", "signature", name="uq_import_template_layout"),
    )
    with op.batch_alter_table("import_template", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_template_unit_id"), ["unit_id"], unique=False)
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.add_column(sa.Column("layout", sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.drop_column("layout")
    with op.batch_alter_table("import_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_template_unit_id"))
    op.drop_table("import_template")
