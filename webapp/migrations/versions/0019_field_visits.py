"""field visits: a member's visits to the units they follow; feedback items raised at a visit point to it

Revision ID: 0019_field_visits
Revises: 0018_search_keys
"""
from alembic import op
import sqlalchemy as sa

revision = "0019_field_visits"
down_revision = "0018_search_keys"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "field_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("met_with", sa.String(length=300), nullable=True),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("difficulties", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["user.id"], name=op.f("fk_field_visit_created_by_id_user")),
        sa.ForeignKeyConstraint(["group_id"], ["working_group.id"],
                                name=op.f("fk_field_visit_group_id_working_group")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_field_visit_person_id_person")),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_field_visit_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_visit")),
    )
    with op.batch_alter_table("field_visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_field_visit_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_field_visit_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_field_visit_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_field_visit_visited_on"), ["visited_on"], unique=False)
        batch_op.create_index("ix_field_visit_person_unit_day", ["person_id", "unit_id", "visited_on"], unique=False)
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("field_visit_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_feedback_item_field_visit_id"), ["field_visit_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_feedback_item_field_visit_id_field_visit"), "field_visit",
                                    ["field_visit_id"], ["id"])


def downgrade():
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_feedback_item_field_visit_id_field_visit"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_feedback_item_field_visit_id"))
        batch_op.drop_column("field_visit_id")
    op.drop_table("field_visit")
