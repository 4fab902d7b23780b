"""attendance claims: a member declares attending a meeting, an officer of the unit confirms or rejects it;
a working group may name the higher-level group it works with

Revision ID: 0029_attendance_claims
Revises: 0024_import_templates
"""
from alembic import op
import sqlalchemy as sa

revision = "0029_attendance_claims"
down_revision = "0024_import_templates"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "attendance_claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("pending", "confirmed", "rejected", name="claim_status", native_enum=False,
                                    create_constraint=True, length=32), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("declared_by_id", sa.Integer(), nullable=True),
        sa.Column("declared_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(["declared_by_id"], ["user.id"], name=op.f("fk_attendance_claim_declared_by_id_user")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["user.id"], name=op.f("fk_attendance_claim_decided_by_id_user")),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name=op.f("fk_attendance_claim_meeting_id_meeting"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_attendance_claim_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance_claim")),
        sa.UniqueConstraint("meeting_id", "person_id", name="uq_attendance_claim_meeting_person"),
    )
    with op.batch_alter_table("attendance_claim", schema=None) as batch_op:
        batch_op.create_index("ix_attendance_claim_status", ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_claim_person_id"), ["person_id"], unique=False)
    with op.batch_alter_table("working_group", schema=None) as batch_op:
        batch_op.add_column(sa.Column("works_with_group_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_working_group_works_with_group_id"), ["works_with_group_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_working_group_works_with_group_id_working_group"), "working_group",
                                    ["works_with_group_id"], ["id"])


def downgrade():
    with op.batch_alter_table("working_group", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_working_group_works_with_group_id_working_group"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_working_group_works_with_group_id"))
        batch_op.drop_column("works_with_group_id")
    op.drop_table("attendance_claim")
