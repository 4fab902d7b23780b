"""assessments: rounds (366-QĐ/TW) and each member's self-assessment, the head's proposal and the decision

Revision ID: 0026_assessments
Revises: 0025_attendance_obligations
"""
from alembic import op
import sqlalchemy as sa

revision = "0026_assessments"
down_revision = "0025_attendance_obligations"
branch_labels = None
depends_on = None

LEVELS = ("excellent", "good", "complete", "incomplete")


def _level(column: str, name: str) -> sa.Column:
    return sa.Column(column, sa.Enum(*LEVELS, name=name, native_enum=False, create_constraint=True, length=32),
                     nullable=True)


def upgrade():
    op.create_table(
        "assessment_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("scope_unit_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["user.id"], name=op.f("fk_assessment_round_created_by_id_user")),
        sa.ForeignKeyConstraint(["scope_unit_id"], ["unit.id"], name=op.f("fk_assessment_round_scope_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_round")),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        _level("suggested_level", "assessment_suggested_level"),
        _level("self_level", "assessment_self_level"),
        sa.Column("self_text", sa.Text(), nullable=True),
        sa.Column("self_on", sa.Date(), nullable=True),
        _level("proposed_level", "assessment_proposed_level"),
        sa.Column("proposal_comment", sa.Text(), nullable=True),
        sa.Column("proposed_by_id", sa.Integer(), nullable=True),
        sa.Column("proposed_on", sa.Date(), nullable=True),
        _level("decided_level", "assessment_decided_level"),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["decided_by_id"], ["user.id"], name=op.f("fk_assessment_decided_by_id_user")),
        sa.ForeignKeyConstraint(["group_id"], ["working_group.id"], name=op.f("fk_assessment_group_id_working_group")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_assessment_person_id_person")),
        sa.ForeignKeyConstraint(["proposed_by_id"], ["user.id"], name=op.f("fk_assessment_proposed_by_id_user")),
        sa.ForeignKeyConstraint(["round_id"], ["assessment_round.id"], name=op.f("fk_assessment_round_id_assessment_round"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sa.UniqueConstraint("round_id", "person_id", "group_id", name="uq_assessment_member"),
    )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessment_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assessment_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assessment_round_id"), ["round_id"], unique=False)


def downgrade():
    op.drop_table("assessment")
    op.drop_table("assessment_round")
