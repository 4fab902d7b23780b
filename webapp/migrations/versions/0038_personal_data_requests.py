"""personal data requests: a person's requests to see, correct or erase their data, with the answer's deadline

Revision ID: 0038_personal_data_requests
Revises: 0037_security_controls
"""
from alembic import op
import sqlalchemy as sa

revision = "0038_personal_data_requests"
down_revision = "0037_security_controls"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "personal_data_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("access", "correction", "erasure", name="data_request_kind", native_enum=False,
                                  create_constraint=True, length=32), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("requested_by", sa.String(length=160), nullable=False),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_personal_data_request_person_id_person")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["user.id"], ondelete="SET NULL",
                                name=op.f("fk_personal_data_request_recorded_by_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_data_request")),
    )
    with op.batch_alter_table("personal_data_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_personal_data_request_person_id"), ["person_id"], unique=False)


def downgrade():
    with op.batch_alter_table("personal_data_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_personal_data_request_person_id"))
    op.drop_table("personal_data_request")
