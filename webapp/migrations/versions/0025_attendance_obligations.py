"""attendance obligations: a group's rule (every meeting, or N times per period at each followed unit) and
members' declared absences

Revision ID: 0025_attendance_obligations
Revises: 0023_outgoing_documents
"""
from alembic import op
import sqlalchemy as sa

revision = "0025_attendance_obligations"
down_revision = "0023_outgoing_documents"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "attendance_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.Enum("every_meeting", "times_per_period", name="obligation_mode", native_enum=False,
                                  create_constraint=True, length=32), nullable=False),
        sa.Column("times", sa.Integer(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.CheckConstraint("months IN (1, 3, 6, 12)", name=op.f("ck_attendance_rule_rule_months")),
        sa.CheckConstraint("times BETWEEN 1 AND 31", name=op.f("ck_attendance_rule_rule_times")),
        sa.ForeignKeyConstraint(["group_id"], ["working_group.id"], name=op.f("fk_attendance_rule_group_id_working_group")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance_rule")),
        sa.UniqueConstraint("group_id", name=op.f("uq_attendance_rule_group_id")),
    )
    op.create_table(
        "absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.Enum("leave", "illness", "training", "other", name="absence_reason", native_enum=False,
                                    create_constraint=True, length=32), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_absence_absence_dates")),
        sa.ForeignKeyConstraint(["created_by_id"], ["user.id"], name=op.f("fk_absence_created_by_id_user")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_absence_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence")),
    )
    with op.batch_alter_table("absence", schema=None) as batch_op:
        batch_op.create_index("ix_absence_person_dates", ["person_id", "start_date", "end_date"], unique=False)


def downgrade():
    op.drop_table("absence")
    op.drop_table("attendance_rule")
