"""member reports: how often a group's members report, and their reports with the period's figures

Revision ID: 0021_member_reports
Revises: 0020_calendar_feeds
"""
from alembic import op
import sqlalchemy as sa

revision = "0021_member_reports"
down_revision = "0020_calendar_feeds"
branch_labels = None
depends_on = None

FREQUENCIES = ("monthly", "quarterly", "half_yearly", "yearly")


def upgrade():
    op.create_table(
        "member_report_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("frequency", sa.Enum(*FREQUENCIES, name="member_report_frequency", native_enum=False,
                                       create_constraint=True, length=32), nullable=False),
        sa.Column("due_day", sa.Integer(), nullable=False),
        sa.Column("months_after", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("due_day BETWEEN 1 AND 31", name=op.f("ck_member_report_rule_member_rule_due_day")),
        sa.CheckConstraint("months_after BETWEEN 0 AND 12",
                           name=op.f("ck_member_report_rule_member_rule_months_after")),
        sa.ForeignKeyConstraint(["group_id"], ["working_group.id"],
                                name=op.f("fk_member_report_rule_group_id_working_group")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_report_rule")),
        sa.UniqueConstraint("group_id", name=op.f("uq_member_report_rule_group_id")),
    )
    op.create_table(
        "member_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("period_key", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("meetings_attended", sa.Integer(), nullable=False),
        sa.Column("feedback", sa.Integer(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("submitted_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["working_group.id"], name=op.f("fk_member_report_group_id_working_group")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_member_report_person_id_person")),
        sa.ForeignKeyConstraint(["rule_id"], ["member_report_rule.id"],
                                name=op.f("fk_member_report_rule_id_member_report_rule")),
        sa.ForeignKeyConstraint(["submitted_by_id"], ["user.id"], name=op.f("fk_member_report_submitted_by_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_report")),
        sa.UniqueConstraint("rule_id", "person_id", "period_key", name="uq_member_report_period"),
    )
    with op.batch_alter_table("member_report", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_report_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_report_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_report_rule_id"), ["rule_id"], unique=False)


def downgrade():
    op.drop_table("member_report")
    op.drop_table("member_report_rule")
