"""group assessments: each working group assessed as a whole in a round (366-QĐ/TW), with its own thresholds

Revision ID: 0031_group_assessments
Revises: 0029_attendance_claims
"""
from alembic import op
import sqlalchemy as sa

revision = "0031_group_assessments"
down_revision = "0029_attendance_claims"
branch_labels = None
depends_on = None

LEVELS = ("excellent", "good", "complete", "incomplete")


def _level(column: str, name: str) -> sa.Column:
    return sa.Column(column, sa.Enum(*LEVELS, name=name, native_enum=False, create_constraint=True, length=32),
                     nullable=True)


def upgrade():
    with op.batch_alter_table("assessment_round", schema=None) as batch_op:
        batch_op.add_column(sa.Column("group_criteria", sa.JSON(), nullable=True))
    op.create_table(
        "group_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        _level("suggested_level", "group_assessment_suggested_level"),
        _level("self_level", "group_assessment_self_level"),
        sa.Column("self_text", sa.Text(), nullable=True),
        sa.Column("self_by_id", sa.Integer(), nullable=True),
        sa.Column("self_on", sa.Date(), nullable=True),
        _level("decided_level", "group_assessment_decided_level"),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["decided_by_id"], ["user.id"], name=op.f("fk_group_assessment_decided_by_id_user")),
        sa.ForeignKeyConstraint(["group_id"], ["working_group.id"],
                                name=op.f("fk_group_assessment_group_id_working_group")),
        sa.ForeignKeyConstraint(["round_id"], ["assessment_round.id"],
                                name=op.f("fk_group_assessment_round_id_assessment_round"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["self_by_id"], ["user.id"], name=op.f("fk_group_assessment_self_by_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_assessment")),
        sa.UniqueConstraint("round_id", "group_id", name="uq_group_assessment"),
    )
    with op.batch_alter_table("group_assessment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_assessment_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_group_assessment_round_id"), ["round_id"], unique=False)


def downgrade():
    op.drop_table("group_assessment")
    with op.batch_alter_table("assessment_round", schema=None) as batch_op:
        batch_op.drop_column("group_criteria")
