"""cell meeting rules: a regulation version's rule set, what a meeting records for it (end time, thematic, the days
the invitation and documents went out), when each person was informed, and the exempt attendance mark

Revision ID: 0040_cell_meeting_rules
Revises: 0039_signed_documents
"""
from alembic import op
import sqlalchemy as sa

revision = "0040_cell_meeting_rules"
down_revision = "0039_signed_documents"
branch_labels = None
depends_on = None

OLD_MARKS = ("present", "late", "excused", "absent")
NEW_MARKS = OLD_MARKS + ("exempt",)


def _marks(values):
    return sa.Enum(*values, name="attendance_status", native_enum=False, create_constraint=True, length=32)


def _set_marks(values):
    """Replace the CHECK constraint of attendance.status (SQLite rebuilds the table, PostgreSQL alters it)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE attendance DROP CONSTRAINT IF EXISTS ck_attendance_attendance_status")
        listed = ", ".join(f"'{value}'" for value in values)
        op.execute(f"ALTER TABLE attendance ADD CONSTRAINT ck_attendance_attendance_status "
                   f"CHECK (status IN ({listed}))")
        return
    previous = NEW_MARKS if values == OLD_MARKS else OLD_MARKS
    with op.batch_alter_table("attendance", schema=None, recreate="always") as batch_op:
        batch_op.alter_column("status", existing_type=_marks(previous), type_=_marks(values), existing_nullable=True)


def upgrade():
    op.create_table(
        "cell_meeting_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("member_notice_days", sa.Integer(), nullable=False),
        sa.Column("committee_notice_days", sa.Integer(), nullable=False),
        sa.Column("documents_days", sa.Integer(), nullable=False),
        sa.Column("thematic_per_quarter", sa.Integer(), nullable=False),
        sa.Column("min_minutes", sa.Integer(), nullable=False),
        sa.Column("attendance_percent", sa.Integer(), nullable=False),
        sa.Column("max_excused_in_row", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("member_notice_days BETWEEN 0 AND 60 AND committee_notice_days BETWEEN 0 AND 60 "
                           "AND documents_days BETWEEN 0 AND 60", name=op.f("ck_cell_meeting_rules_cell_rules_days")),
        sa.CheckConstraint("thematic_per_quarter BETWEEN 0 AND 3 AND min_minutes BETWEEN 0 AND 600 "
                           "AND attendance_percent BETWEEN 0 AND 100 AND max_excused_in_row BETWEEN 1 AND 24",
                           name=op.f("ck_cell_meeting_rules_cell_rules_figures")),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE",
                                name=op.f("fk_cell_meeting_rules_document_id_document")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cell_meeting_rules")),
        sa.UniqueConstraint("document_id", name=op.f("uq_cell_meeting_rules_document_id")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ends_at", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("thematic", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("members_invited_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("documents_sent_on", sa.Date(), nullable=True))
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("informed_at", sa.DateTime(), nullable=True))
    _set_marks(NEW_MARKS)


def downgrade():
    op.execute("UPDATE attendance SET status = NULL WHERE status = 'exempt'")
    _set_marks(OLD_MARKS)
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_column("informed_at")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("documents_sent_on")
        batch_op.drop_column("members_invited_on")
        batch_op.drop_column("thematic")
        batch_op.drop_column("ends_at")
    op.drop_table("cell_meeting_rules")
